/*
 * deadline.h: a roadmap item's deadline phrase («Февраль-март», «24.01-01-02.2022»,
 * «Ежегодно», «По запросам ОУ») parsed into a kind and dated windows.
 * Pure functions: no I/O, no allocation, no locale, no global state.
 */
#ifndef DEADLINE_H
#define DEADLINE_H

#include <stdbool.h>

#include "vocab.h"

enum deadline_kind {
	DL_DATE,                 /* «01.03.2022», «17 января 2022» */
	DL_RANGE,                /* «08.02.2022 – 05.07.2022»; also several such ranges */
	DL_BY_DATE,              /* «До 30 апреля» */
	DL_MONTH,                /* «январь», «октябрь 2021 г.» */
	DL_MONTH_RANGE,          /* «Февраль-март», «ноябрь 2021г.- январь 2022г.» */
	DL_YEAR,                 /* «2024г.» */
	DL_YEAR_RANGE,           /* «2023-2024г.г.»; also several ranges */
	DL_ACAD_YEAR,            /* «2021-2022 уч.год»: 01.09–31.08; also several */
	DL_CONTINUOUS_YEAR,      /* «В течение года»: the base year */
	DL_CONTINUOUS_PROGRAMME, /* «Постоянно», «В течение всего периода»: the whole period */
	DL_ANNUAL,               /* «Ежегодно», «Июнь (ежегодно)»: every year of the period */
	DL_SEMIANNUAL,           /* «По полугодиям», «2 раза в год (декабрь, май)» */
	DL_QUARTERLY,            /* «Ежеквартально» */
	DL_MONTHLY,              /* «Ежемесячно», «октябрь 2021г. Ежемесячно» */
	DL_EVERY_N_YEARS,        /* «1 раз в три года» */
	DL_LIST,                 /* «Январь 2021г. Декабрь 2021г. …», labelled rounds */
	DL_OPEN,                 /* «Март-»: from then to the end of the period */
	DL_ON_REQUEST,           /* «По запросам ОУ»: no windows */
	DL_PER_PLAN,             /* «Согласно плану работы …»: no windows */
	DL_ON_EVENT,             /* «По мере завершения программ ПК»: no windows */
	DL_UNSCHEDULED,          /* empty text: no windows */
	DL_INVALID,              /* not understood: no windows, the item is flagged */
	DL__MAX
};

/* The most windows one phrase can yield; an array this long is never truncated. */
#define DL_WINDOWS_MAX 256
/* Longer texts (in bytes) are DL_INVALID. */
#define DL_TEXT_MAX 1024

struct dl_window {
	int from, to;           /* days since 1970-01-01, both inclusive; the due date is `to` */
	const char *label;      /* «входной мониторинг»: points into the parsed text, */
	int label_len;          /* not NUL-terminated (print with "%.*s"); NULL and 0 if none */
};

struct dl_period {
	int year_from, year_to; /* the roadmap's years, 1990–2100, at most 20 of them */
	int base_year;          /* the year of phrases without one; 0 means year_from */
};

/*
 * Parses `text` (UTF-8, any letter case, ё = е, any dash) for period `p`.
 * Stores up to `max` windows in `out`, sorted by start then end, and returns how
 * many it stored; sets *kind and *as_needed («По мере необходимости» present).
 * DL_ON_REQUEST, DL_PER_PLAN, DL_ON_EVENT, DL_UNSCHEDULED and DL_INVALID have no
 * windows. Anything not understood, invalid UTF-8, an impossible date, a text over
 * DL_TEXT_MAX bytes or a bad period is DL_INVALID: the parser never guesses.
 * NULL text is DL_UNSCHEDULED.
 */
int deadline_parse(const char *text, const struct dl_period *p, enum deadline_kind *kind,
		   bool *as_needed, struct dl_window *out, int max);

/* Codes (stored) and Russian labels (displayed) of the kinds, indexed by kind. */
extern const struct vocab deadline_kind_v[DL__MAX];

/* Civil date (proleptic Gregorian, |y| < 1000000) to days since 1970-01-01, and back. */
int deadline_days(int y, int m, int d);
void deadline_date(int days, int *y, int *m, int *d);

#endif
