/*
 * view.c: formatting helpers for pages (dates, shares, URL arguments).
 * Pure functions; no HTML is produced here.
 */
#include "view.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"

const char *view_date(struct arena *a, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!gmtime_r(&tt, &tm))
		return NULL;
	return arena_printf(a, "%02d.%02d.%04d", tm.tm_mday, tm.tm_mon + 1, tm.tm_year + 1900);
}

int view_today(void)
{
	return (int)(time(NULL) / 86400);
}

const char *view_day(struct arena *a, int day)
{
	return view_date(a, (int64_t)day * 86400);
}

const char *view_datetime(struct arena *a, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!gmtime_r(&tt, &tm))
		return NULL;
	return arena_printf(a, "%02d.%02d.%04d %02d:%02d", tm.tm_mday, tm.tm_mon + 1,
			    tm.tm_year + 1900, tm.tm_hour, tm.tm_min);
}

const char *view_share(struct arena *a, int num, int den)
{
	if (den <= 0)
		return "—";
	long tenths = ((long)num * 1000 + den / 2) / den;

	return arena_printf(a, "%ld,%ld", tenths / 10, tenths % 10);
}

const char *view_decimal(struct arena *a, double v)
{
	long tenths = lround(v * 10);
	const char *sign = tenths < 0 ? "−" : "";

	tenths = labs(tenths);
	if (tenths % 10 == 0)
		return arena_printf(a, "%s%ld", sign, tenths / 10);
	return arena_printf(a, "%s%ld,%ld", sign, tenths / 10, tenths % 10);
}

const char *view_url_arg(struct arena *a, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(s);
	char *d = arena_alloc(a, 3 * n + 1), *o = d;

	if (!d)
		return NULL;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("-._~/", *p))
			*o++ = (char)*p;
		else {
			*o++ = '%';
			*o++ = hex[*p >> 4];
			*o++ = hex[*p & 15];
		}
	}
	*o = '\0';
	return d;
}

const char *view_disposition(struct arena *a, const char *filename)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = filename ? strlen(filename) : 0;
	char *ascii = arena_alloc(a, n + 1), *enc = arena_alloc(a, 3 * n + 1), *o = enc;

	if (!ascii || !enc)
		return "attachment";
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)filename[i];

		ascii[i] = (c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != ';') ? (char)c : '_';
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    strchr("-._~", c)) {
			*o++ = (char)c;
		} else {
			*o++ = '%';
			*o++ = hex[c >> 4];
			*o++ = hex[c & 15];
		}
	}
	ascii[n] = '\0';
	*o = '\0';
	if (n == 0)
		return "attachment";
	return arena_printf(a, "attachment; filename=\"%s\"; filename*=UTF-8''%s", ascii, enc);
}

int view_local_path(const char *s)
{
	return s && s[0] == '/' && s[1] != '/' && s[1] != '\\';
}
