/*
 * valid.c: field tables applied to POST data. http.c has already refused
 * invalid UTF-8 and control characters other than tab and newlines.
 */
#include "valid.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "http.h"

size_t valid_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

static const char *trim(const struct req *rq, const char *s)
{
	size_t n;

	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	return arena_strndup(rq->arena, s, n);
}

static enum msg check_one(const struct field *fd, const char *v, int64_t *id)
{
	char *end;

	if (*v == '\0')
		return fd->required ? MSG_REQUIRED : MSG__MAX;
	switch (fd->kind) {
	case V_TEXT:
		if (valid_chars(v) < fd->min)
			return MSG_REQUIRED;
		return valid_chars(v) > fd->max ? MSG_TOO_LONG : MSG__MAX;
	case V_VOCAB:
		return vocab_find(fd->vocab, fd->nvocab, v) < fd->nvocab ? MSG__MAX : MSG_CHOICE;
	case V_ID:
		*id = strtoll(v, &end, 10);
		return (*end || *id <= 0 || strlen(v) > 18) ? MSG_CHOICE : MSG__MAX;
	}
	return MSG_CHOICE;
}

bool form_check(const struct req *rq, const struct field *fields, size_t n, struct form *f)
{
	memset(f, 0, sizeof *f);
	f->ok = true;
	for (size_t i = 0; i < n && i < FORM_FIELDS_MAX; i++) {
		const char *raw = http_field(rq, fields[i].name);

		f->val[i] = trim(rq, raw ? raw : "");
		if (!f->val[i])
			f->val[i] = "";
		f->err[i] = check_one(&fields[i], f->val[i], &f->id[i]);
		if (f->err[i] != MSG__MAX)
			f->ok = false;
	}
	return f->ok;
}

bool valid_decimal(const char *s, double *out)
{
	char buf[32], *end;
	size_t n = 0;

	while (*s == ' ')
		s++;
	if (strncmp(s, "\xe2\x88\x92", 3) == 0) {   /* U+2212 minus */
		buf[n++] = '-';
		s += 3;
	}
	for (; *s && *s != '%' && n < sizeof buf - 1; s++)
		if (*s != ' ')
			buf[n++] = *s == ',' ? '.' : *s;
	buf[n] = '\0';
	if (*s == '%')
		s++;
	while (*s == ' ')
		s++;
	if (n == 0 || *s || strspn(buf, "+-") > 1 || strspn(buf + 1, "0123456789.") != n - 1)
		return false;
	errno = 0;
	*out = strtod(buf, &end);
	return *end == '\0' && errno == 0 && isfinite(*out);
}
