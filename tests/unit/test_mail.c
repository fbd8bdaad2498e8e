/* test_mail.c: e-mail formatting: addresses, RFC 2047 subjects, dates, the MIME message, the
 * retry schedule. */
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "arena.h"
#include "config.h"
#include "mail_msg.h"
#include "mail_send.h"
#include "tap.h"

/* Decodes a folded header of =?UTF-8?B?…?= words back into out; 0 if any word is malformed
 * or longer than 75 characters. */
static int decode_words(const char *s, char *out, size_t size)
{
	size_t o = 0;

	while (*s) {
		const char *end;
		size_t n, bin;

		if (strncmp(s, "=?UTF-8?B?", 10) != 0 || !(end = strstr(s + 10, "?=")))
			return 0;
		if ((size_t)(end + 2 - s) > 75)
			return 0;
		n = (size_t)(end - s - 10);
		if (sodium_base642bin((unsigned char *)out + o, size - o, s + 10, n, NULL, &bin, NULL,
				      sodium_base64_VARIANT_ORIGINAL) != 0)
			return 0;
		o += bin;
		s = end + 2;
		if (strncmp(s, "\r\n ", 3) == 0)
			s += 3;
		else if (*s)
			return 0;
	}
	out[o] = '\0';
	return 1;
}

/* True when every word decodes to whole UTF-8 characters. */
static int words_whole(const char *s)
{
	for (const char *w = s; (w = strstr(w, "=?UTF-8?B?")); w += 10) {
		const char *end = strstr(w + 10, "?=");
		unsigned char bin[64];
		size_t n;

		if (!end || sodium_base642bin(bin, sizeof bin, w + 10, (size_t)(end - w - 10), NULL, &n, NULL,
					      sodium_base64_VARIANT_ORIGINAL) != 0 || n == 0)
			return 0;
		if ((bin[0] & 0xc0) == 0x80)
			return 0;
	}
	return 1;
}

int main(void)
{
	struct arena a;
	static const char *const good[] = { "a@b.ru", "school-sosh-5@demo.invalid", "x.y+z@mail.example.org" };
	static const char *const bad[] = { "", "ab", "a@", "@b.ru", "a@@b.ru", "a b@c.ru", "<a@b.ru>", "a@b.ru\r\nRCPT",
					   "a@b_c.ru", "a@.ru", "a@b.", "a,b@c.ru", "иван@школа.рф", "a;b@c.ru" };
	char dec[1024];

	if (sodium_init() < 0 || arena_init(&a, 4096, 1 << 20) != 0 || config_load() != 0)
		return 1;
	int all = 1;
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		all &= mail_addr_ok(good[i]);
	ok(all, "plain addresses are accepted");
	all = 1;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		all &= !mail_addr_ok(bad[i]);
	ok(all, "empty, malformed, bracketed, multi-address, CRLF-injecting and non-ASCII addresses are refused");

	ok(strcmp(mail_header_text(&a, "Plain subject"), "Plain subject") == 0, "ASCII text stays as it is");
	const char *subj = "Документ возвращён на доработку: Концепция развития МБОУ «СОШ № 5» на 2022–2024 годы";
	const char *enc = mail_header_text(&a, subj);
	ok(enc && strncmp(enc, "=?UTF-8?B?", 10) == 0 && strstr(enc, "\r\n =?UTF-8?B?"),
	   "a long Russian subject becomes several folded encoded words");
	ok(enc && decode_words(enc, dec, sizeof dec) && strcmp(dec, subj) == 0,
	   "each word is at most 75 characters and they decode back to the subject");
	ok(enc && words_whole(enc), "no word splits a character");
	enc = mail_header_text(&a, "=?UTF-8?B?x?=");
	ok(enc && strcmp(enc, "=?UTF-8?B?x?=") != 0 && decode_words(enc, dec, sizeof dec) && strcmp(dec, "=?UTF-8?B?x?=") == 0,
	   "text that looks like an encoded word is encoded itself");
	enc = mail_header_text(&a, "a\r\nBcc: x@y.ru");
	ok(enc && !strstr(enc, "\r\nBcc") && decode_words(enc, dec, sizeof dec), "CR LF in a subject cannot add a header");

	ok(strcmp(mail_date(&a, 1795455474), "Mon, 23 Nov 2026 17:37:54 +0000") == 0, "RFC 5322 date in UTC");

	struct mail_msg m = { .from = "portal@kachestvo.test", .to = "a@b.ru", .subject = "Тема",
			      .message_id = "<1@kachestvo.test>", .text = "Текст\nссылка http://127.0.0.1/x/",
			      .html = "<p>Текст</p>", .date = 0 };
	char *msg = mail_message(&a, &m);
	ok(msg && strncmp(msg, "From: portal@kachestvo.test\r\nTo: a@b.ru\r\nSubject: =?UTF-8?B?", 58) == 0 &&
	   strstr(msg, "\r\nDate: Thu, 01 Jan 1970 00:00:00 +0000\r\nMessage-ID: <1@kachestvo.test>\r\nMIME-Version: 1.0\r\n"),
	   "the headers in order");
	ok(msg && strstr(msg, "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n") &&
	   strstr(msg, "Content-Type: text/html; charset=UTF-8\r\n"), "plain-text and HTML parts, UTF-8, base64");
	int lines_ok = msg != NULL;
	for (const char *p = msg; p && *p; ) {
		size_t n = strcspn(p, "\r\n");
		lines_ok &= n <= 78 || strncmp(p, "Content-Type", 12) == 0;
		p += n;
		if (*p == '\r' && p[1] == '\n')
			p += 2;
		else if (*p)
			lines_ok = 0, p++;
	}
	ok(lines_ok, "every line ends in CRLF and stays within 78 characters");

	cfg.mail_retry_s = 60;
	cfg.mail_attempts = 5;
	ok(mail_send_next(1000, 1) == 1060 && mail_send_next(1000, 2) == 1120 && mail_send_next(1000, 4) == 1480,
	   "retries back off exponentially: 1, 2, 4 … times the first delay");
	ok(mail_send_next(1000, 5) == 0, "after the last attempt the message has failed for good");
	cfg.mail_retry_s = 3600;
	cfg.mail_attempts = 50;
	ok(mail_send_next(0, 20) == 6 * 3600, "the delay is capped at six hours");
	arena_free(&a);
	return ok_done();
}
