/*
 * mail_msg.h: an e-mail as RFC 5322 text: address check, RFC 2047 subject,
 * Date and Message-ID headers, a multipart/alternative body (plain text and
 * HTML, UTF-8, base64). Pure functions: no database, no network, no templates.
 */
#ifndef MAIL_MSG_H
#define MAIL_MSG_H

#include <stdbool.h>
#include <stdint.h>

struct arena;

/* True for one plain address local@domain: 3–254 bytes of printable ASCII, one
 * '@', no spaces, quotes, brackets, commas or semicolons; domain of letters,
 * digits, '-' and '.'. Such an address is safe in a header and an SMTP command. */
bool mail_addr_ok(const char *s);

/* `s` (UTF-8) as RFC 2047 encoded words (=?UTF-8?B?…?=), each at most 75
 * characters and never splitting a character, joined by CRLF SP (a folded
 * header); plain ASCII without '=?' and control characters is returned as it is.
 * In `a`; NULL when out of memory. */
char *mail_header_text(struct arena *a, const char *s);

/* The RFC 5322 date of `t` (UTC), e.g. "Mon, 23 Nov 2026 17:37:54 +0000". */
char *mail_date(struct arena *a, int64_t t);

struct mail_msg {
	const char *from, *to;      /* plain addresses (mail_addr_ok) */
	const char *subject;        /* UTF-8 */
	const char *message_id;     /* "<…@…>" */
	const char *text, *html;    /* the two alternatives, UTF-8 */
	int64_t date;
};

/* The whole message with CRLF line ends: From, To, Subject, Date, Message-ID,
 * MIME-Version, a multipart/alternative body whose parts are base64 in lines of
 * 76 characters. In `a`; NULL when out of memory. */
char *mail_message(struct arena *a, const struct mail_msg *m);

#endif
