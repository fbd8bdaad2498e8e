/*
 * view.h: small formatters shared by the pages: Russian dates and shares with a
 * decimal comma, percent-encoding for URL arguments. Results live in the arena.
 */
#ifndef VIEW_H
#define VIEW_H

#include <stdint.h>

struct arena;

/* "23.11.2026" (UTC) for a Unix time; NULL out of memory. */
const char *view_date(struct arena *a, int64_t t);

/* Today (UTC) in days since 1970-01-01, the unit of roadmap dates. */
int view_today(void);

/* "23.11.2026" for a day number. */
const char *view_day(struct arena *a, int day);

/* "23.11.2026 14:05" (UTC) for a Unix time. */
const char *view_datetime(struct arena *a, int64_t t);

/* 100·num/den with one decimal and a comma ("12,5"); "—" when den is 0. */
const char *view_share(struct arena *a, int num, int den);

/* A number with at most one decimal and a comma, the minus sign U+2212: "28,6", "−3", "100". */
const char *view_decimal(struct arena *a, double v);

/* Percent-encodes every byte but [A-Za-z0-9-._~/] for use after "?name=". */
const char *view_url_arg(struct arena *a, const char *s);

/* A Content-Disposition value for downloading `filename`: an ASCII fallback
 * (other bytes as '_') and the exact name as RFC 5987 filename*. */
const char *view_disposition(struct arena *a, const char *filename);

/* True if `s` is a safe local redirect target: starts with one '/', not "//" or "/\\". */
int view_local_path(const char *s);

#endif
