/*
 * mail_msg.c: builds RFC 5322 messages (headers, RFC 2047 words, base64 MIME
 * parts) from strings. No database, no network, no Russian text.
 */
#include "mail_msg.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "arena.h"
#include "buf.h"

enum {
	ADDR_MAX = 254,
	WORD_MAX = 75,         /* RFC 2047: an encoded word's length */
	WORD_BYTES = 45,       /* raw bytes per word: "=?UTF-8?B?" + 60 + "?=" = 72 */
	B64_LINE = 57,         /* raw bytes per 76-character base64 line */
	MESSAGE_MAX = 4 << 20,
};

bool mail_addr_ok(const char *s)
{
	size_t n = strlen(s), at = 0, ats = 0;

	if (n < 3 || n > ADDR_MAX)
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c <= ' ' || c >= 0x7f || strchr("\"(),:;<>[\\]", c))
			return false;
		if (c == '@') {
			ats++;
			at = i;
		}
	}
	if (ats != 1 || at == 0 || at == n - 1)
		return false;
	for (size_t i = at + 1; i < n; i++) {
		char c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '-' || c == '.'))
			return false;
	}
	return s[at + 1] != '.' && s[n - 1] != '.';
}

/* True when `s` may stand in a header as it is. */
static bool header_plain(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < ' ' || *p >= 0x7f)
			return false;
	return strstr(s, "=?") == NULL && strlen(s) <= 900;
}

static void put_base64(struct buf *b, const unsigned char *p, size_t n)
{
	char out[B64_LINE * 2];

	sodium_bin2base64(out, sizeof out, p, n, sodium_base64_VARIANT_ORIGINAL);
	buf_puts(b, out);
}

char *mail_header_text(struct arena *a, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s);
	struct buf b;

	if (header_plain(s))
		return arena_strdup(a, s);
	buf_init(&b, a, n * 2 + 64);
	for (size_t i = 0; i < n || i == 0;) {
		size_t k = n - i < WORD_BYTES ? n - i : WORD_BYTES;

		while (i + k < n && (p[i + k] & 0xc0) == 0x80)   /* never split a character */
			k--;
		buf_puts(&b, i ? "\r\n =?UTF-8?B?" : "=?UTF-8?B?");
		put_base64(&b, p + i, k);
		buf_puts(&b, "?=");
		if (k == 0)
			break;
		i += k;
	}
	return b.err ? NULL : b.data;
}

char *mail_date(struct arena *a, int64_t t)
{
	static const char days[7][4] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char months[12][4] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	time_t tt = (time_t)t;
	struct tm tm;

	if (!gmtime_r(&tt, &tm))
		return NULL;
	return arena_printf(a, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[tm.tm_wday], tm.tm_mday,
			    months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* One MIME part of `type`, its body base64 in 76-character lines. */
static void put_part(struct buf *b, const char *boundary, const char *type, const char *body)
{
	size_t n = strlen(body);

	buf_printf(b, "--%s\r\nContent-Type: %s; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n",
		   boundary, type);
	for (size_t i = 0; i < n; i += B64_LINE) {
		put_base64(b, (const unsigned char *)body + i, n - i < B64_LINE ? n - i : B64_LINE);
		buf_puts(b, "\r\n");
	}
}

char *mail_message(struct arena *a, const struct mail_msg *m)
{
	unsigned char rnd[12];
	char boundary[2 * sizeof rnd + 8] = "=_part_";
	const char *subject = mail_header_text(a, m->subject), *date = mail_date(a, m->date);
	struct buf b;

	if (!subject || !date)
		return NULL;
	randombytes_buf(rnd, sizeof rnd);
	sodium_bin2hex(boundary + 7, sizeof boundary - 7, rnd, sizeof rnd);
	buf_init(&b, a, MESSAGE_MAX);
	buf_printf(&b, "From: %s\r\nTo: %s\r\nSubject: %s\r\nDate: %s\r\nMessage-ID: %s\r\n", m->from,
		   m->to, subject, date, m->message_id);
	buf_printf(&b, "MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"%s\"\r\n\r\n",
		   boundary);
	put_part(&b, boundary, "text/plain", m->text);
	put_part(&b, boundary, "text/html", m->html);
	buf_printf(&b, "--%s--\r\n", boundary);
	return b.err ? NULL : b.data;
}
