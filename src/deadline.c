/*
 * deadline.c: a roadmap item's deadline phrase (GUIDE §3.3) parsed into a kind and
 * dated windows. A lexer folds letter case, ё and dashes into tokens; one scan
 * collects frequency words («Ежегодно», «2 раза в год») and dated items (dates,
 * months, years, their ranges, labels in parentheses); a last step turns them into
 * windows for the roadmap's period. Pure: no I/O, no allocation, no locale, no
 * globals that change; every buffer lives on the stack. What it does not
 * understand is DL_INVALID: it never guesses.
 */
#include <stdint.h>
#include <string.h>

#include "deadline.h"

const struct vocab deadline_kind_v[DL__MAX] = {
	{ "date",                 "Дата" },                        /* DL_DATE */
	{ "range",                "Период дат" },                  /* DL_RANGE */
	{ "by_date",              "Не позднее даты" },             /* DL_BY_DATE */
	{ "month",                "Месяц" },                       /* DL_MONTH */
	{ "month_range",          "Несколько месяцев" },           /* DL_MONTH_RANGE */
	{ "year",                 "Год" },                         /* DL_YEAR */
	{ "year_range",           "Несколько лет" },               /* DL_YEAR_RANGE */
	{ "acad_year",            "Учебный год" },                 /* DL_ACAD_YEAR */
	{ "continuous_year",      "В течение года" },              /* DL_CONTINUOUS_YEAR */
	{ "continuous_programme", "В течение всей программы" },    /* DL_CONTINUOUS_PROGRAMME */
	{ "annual",               "Ежегодно" },                    /* DL_ANNUAL */
	{ "semiannual",           "Два раза в год" },              /* DL_SEMIANNUAL */
	{ "quarterly",            "Ежеквартально" },               /* DL_QUARTERLY */
	{ "monthly",              "Ежемесячно" },                  /* DL_MONTHLY */
	{ "every_n_years",        "Раз в несколько лет" },         /* DL_EVERY_N_YEARS */
	{ "list",                 "Несколько сроков" },            /* DL_LIST */
	{ "open",                 "Начиная с даты" },              /* DL_OPEN */
	{ "on_request",           "По запросу" },                  /* DL_ON_REQUEST */
	{ "per_plan",             "По плану" },                    /* DL_PER_PLAN */
	{ "on_event",             "По событию" },                  /* DL_ON_EVENT */
	{ "unscheduled",          "Срок не указан" },              /* DL_UNSCHEDULED */
	{ "invalid",              "Срок не распознан" },           /* DL_INVALID */
};

enum { YEAR_MIN = 1990, YEAR_MAX = 2100, PERIOD_YEARS_MAX = 20 };

/* ---- civil dates (H. Hinnant's days_from_civil and civil_from_days) ---- */

int deadline_days(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (unsigned)(m > 2 ? m - 3 : m + 9) + 2) / 5 + (unsigned)d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + (int)doe - 719468;
}

void deadline_date(int days, int *y, int *m, int *d)
{
	int z = days + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	unsigned mm = mp < 10 ? mp + 3 : mp - 9;

	*y = (int)yoe + era * 400 + (mm <= 2);
	*m = (int)mm;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
}

static int mdays(int y, int m)
{
	static const unsigned char n[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))
		return 29;
	return n[m - 1];
}

/* ---- lexer ---- */

enum { TOK_MAX = 256 };
enum tok_type { T_NUM, T_WORD, T_DOT, T_COMMA, T_DASH, T_SLASH, T_LP, T_RP, T_QUOTE, T_OTHER };

struct tok {
	unsigned char type;
	unsigned char ndig;     /* T_NUM: number of digits, leading zeros included (capped at 9) */
	int val;                /* T_NUM: value when ndig <= 6 */
	int off, len;           /* bytes of the original text */
	const char *w;          /* T_WORD: lower case, ё folded to е, NUL-terminated */
};

struct lex {
	struct tok t[TOK_MAX];
	int n;
	char buf[DL_TEXT_MAX + TOK_MAX + 4];   /* folded words never outgrow the text */
};

/* Decodes one strict UTF-8 sequence at s[i..n); returns its length, 0 if invalid. */
static int utf8_dec(const unsigned char *s, size_t n, size_t i, uint32_t *cp)
{
	unsigned c = s[i];
	uint32_t v, min;
	int len;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf)
		len = 2, v = c & 0x1f, min = 0x80;
	else if ((c & 0xf0) == 0xe0)
		len = 3, v = c & 0x0f, min = 0x800;
	else if (c >= 0xf0 && c <= 0xf4)
		len = 4, v = c & 0x07, min = 0x10000;
	else
		return 0;
	if (n - i < (size_t)len)
		return 0;
	for (int k = 1; k < len; k++) {
		if ((s[i + k] & 0xc0) != 0x80)
			return 0;
		v = v << 6 | (s[i + k] & 0x3f);
	}
	if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
		return 0;
	*cp = v;
	return len;
}

static bool is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xa0 ||
	       (c >= 0x2000 && c <= 0x200b) || c == 0x202f || c == 0x205f || c == 0x3000 ||
	       c == 0xfeff;
}

static bool is_dash(uint32_t c)
{
	return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xfe58 ||
	       c == 0xfe63 || c == 0xff0d;
}

static bool is_quote(uint32_t c)
{
	return c == '"' || c == '\'' || c == 0xab || c == 0xbb || (c >= 0x2018 && c <= 0x201f);
}

/* The lower-case form of a letter (Latin or Cyrillic, ё as е), 0 for anything else. */
static uint32_t fold(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return c + 32;
	if (c >= 'a' && c <= 'z')
		return c;
	if (c >= 0x410 && c <= 0x42f)
		c += 0x20;
	else if (c >= 0x400 && c <= 0x40f)
		c += 0x50;
	else if (c < 0x430 || c > 0x4ff)
		return 0;
	return c == 0x451 ? 0x435 : c;
}

/* Splits text[0..n) into tokens; false on invalid UTF-8, control characters or too many tokens. */
static bool lex_run(struct lex *lx, const char *text, size_t n)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0, used = 0;
	uint32_t c;
	int l;

	lx->n = 0;
	while (i < n) {
		if (!(l = utf8_dec(s, n, i, &c)))
			return false;
		if (is_space(c)) {
			i += (size_t)l;
			continue;
		}
		if (c < 0x20 || (c >= 0x7f && c < 0xa0) || lx->n == TOK_MAX)
			return false;
		struct tok *t = &lx->t[lx->n++];
		memset(t, 0, sizeof *t);
		t->off = (int)i;
		if (c >= '0' && c <= '9') {
			int nd = 0;
			t->type = T_NUM;
			for (; i < n && s[i] >= '0' && s[i] <= '9'; i++, nd++)
				if (nd < 6)
					t->val = t->val * 10 + (s[i] - '0');
			t->ndig = (unsigned char)(nd > 9 ? 9 : nd);
		} else if (fold(c)) {
			t->type = T_WORD;
			t->w = lx->buf + used;
			while (i < n && (l = utf8_dec(s, n, i, &c)) && (c = fold(c))) {
				if (used + 3 > sizeof lx->buf)
					return false;
				if (c < 0x80) {
					lx->buf[used++] = (char)c;
				} else {
					lx->buf[used++] = (char)(0xc0 | c >> 6);
					lx->buf[used++] = (char)(0x80 | (c & 0x3f));
				}
				i += (size_t)l;
			}
			lx->buf[used++] = '\0';
		} else {
			t->type = c == '.' ? T_DOT : c == ',' || c == ';' || c == ':' ? T_COMMA : is_dash(c) ? T_DASH :
				  c == '/' ? T_SLASH : c == '(' ? T_LP : c == ')' ? T_RP :
				  is_quote(c) ? T_QUOTE : T_OTHER;
			i += (size_t)l;
		}
		t->len = (int)i - t->off;
	}
	return true;
}

/* ---- the scan: flags and dated items ---- */

enum { TPL_MAX = 64, GRP_MAX = 64, INST_MAX = 128 };
enum freq { F_NONE, F_ANNUAL, F_SEMI, F_QUARTER, F_MONTH, F_EVERY };

/* A window relative to its end year y: from d1.m1.(y + yoff) to d2.m2.y. */
struct tpl {
	unsigned char kind;     /* DL_DATE … DL_ACAD_YEAR, DL_OPEN, DL_BY_DATE */
	unsigned char d1, m1;
	unsigned char d2, m2;   /* d2 == 0: the last day of m2 */
	signed char yoff;
	bool fixed;             /* both ends had their own year («ноябрь 2021г.- январь 2022г.») */
};

/* Templates written together («Октябрь, декабрь») share the years that follow them. */
struct grp {
	short t0, nt;           /* templates t0 .. t0 + nt - 1 */
	short ny;               /* years given so far */
	bool pending;           /* no year yet */
};

struct inst {
	short tpl, grp;
	short year;             /* end year; 0 while not known */
	short label;            /* token index of the '(' of its label, or -1 */
};

struct scan {
	const struct lex *lx;
	struct tpl tpl[TPL_MAX];
	struct grp grp[GRP_MAX];
	struct inst in[INST_MAX];
	int ntpl, ngrp, ninst;
	int labelled;           /* instances before this index have had their label */
	int freq, every_n;
	bool during_year, whole, periodic, as_needed;
};

/* Whether token i (< end) is the word w; a w ending in '*' matches as a prefix. */
static bool is_word(const struct scan *s, int i, int end, const char *w)
{
	if (i >= end || s->lx->t[i].type != T_WORD)
		return false;
	size_t n = strlen(w);
	if (n && w[n - 1] == '*')
		return strncmp(s->lx->t[i].w, w, n - 1) == 0;
	return strcmp(s->lx->t[i].w, w) == 0;
}

/* Matches the words of `pat` (separated by single spaces) from token i; returns their count or 0. */
static int match(const struct scan *s, int i, int end, const char *pat)
{
	char w[64];
	int k = 0;

	for (const char *p = pat; *p;) {
		size_t n = strcspn(p, " ");
		if (n >= sizeof w)
			return 0;
		memcpy(w, p, n);
		w[n] = '\0';
		if (!is_word(s, i + k, end, w))
			return 0;
		k++;
		p += n + (p[n] == ' ');
	}
	return k;
}

static bool is_type(const struct scan *s, int i, int end, int type)
{
	return i < end && s->lx->t[i].type == type;
}

/* The month (1–12) of a word: nominative, genitive, prepositional or abbreviated; 0 if none. */
static int month_of(const struct scan *s, int i, int end)
{
	static const char *const names[12] = {
		" январь января январе янв ", " февраль февраля феврале фев февр ",
		" март марта марте мар ", " апрель апреля апреле апр ", " май мая мае ",
		" июнь июня июне июн ", " июль июля июле июл ", " август августа августе авг ",
		" сентябрь сентября сентябре сен сент ", " октябрь октября октябре окт ",
		" ноябрь ноября ноябре ноя нояб ", " декабрь декабря декабре дек ",
	};
	char key[40];

	if (i >= end || s->lx->t[i].type != T_WORD || strlen(s->lx->t[i].w) > sizeof key - 3)
		return 0;
	key[0] = ' ';
	strcpy(key + 1, s->lx->t[i].w);
	strcat(key, " ");
	for (int m = 0; m < 12; m++)
		if (strstr(names[m], key))
			return m + 1;
	return 0;
}

/* A small count written as digits or a word («1», «2», «три»); 0 if none. */
static int count_at(const struct scan *s, int i, int end)
{
	static const char *const words[] = { "один", "одна", "два", "две", "три", "четыре",
					     "пять", "шесть", "семь", "восемь", "девять", "десять" };
	static const unsigned char vals[] = { 1, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10 };

	if (is_type(s, i, end, T_NUM))
		return s->lx->t[i].ndig <= 2 ? s->lx->t[i].val : 0;
	for (size_t k = 0; k < sizeof vals; k++)
		if (is_word(s, i, end, words[k]))
			return vals[k];
	return 0;
}

/* A four-digit year at token i: the year, 0 if none, -1 if outside 1990–2100. */
static int year_at(const struct scan *s, int i, int end)
{
	if (!is_type(s, i, end, T_NUM) || s->lx->t[i].ndig != 4)
		return 0;
	int y = s->lx->t[i].val;
	return y >= YEAR_MIN && y <= YEAR_MAX ? y : -1;
}

/* Skips a year's suffix: «г», «г.», «г.г.», «гг», «год», «года», «годы». */
static int skip_ysuf(const struct scan *s, int i, int end)
{
	for (int k = 0; k < 2; k++) {
		if (!is_word(s, i, end, "г") && !is_word(s, i, end, "гг") && !is_word(s, i, end, "год") &&
		    !is_word(s, i, end, "года") && !is_word(s, i, end, "годы") &&
		    !is_word(s, i, end, "годов") && !is_word(s, i, end, "году"))
			break;
		i++;
		if (is_type(s, i, end, T_DOT))
			i++;
	}
	return i;
}

/* Skips «уч.год», «уч. г.», «учебный год»; returns the next index, or i if none is there. */
static int skip_acad(const struct scan *s, int i, int end)
{
	int j = i, n;

	if ((n = match(s, j, end, "учебный год")) || (n = match(s, j, end, "учебного года")))
		j += n;
	else if (is_word(s, j, end, "уч")) {
		j += 1 + is_type(s, j + 1, end, T_DOT);
		if (!is_word(s, j, end, "год") && !is_word(s, j, end, "г") && !is_word(s, j, end, "года"))
			return i;
		j++;
	} else
		return i;
	return j + is_type(s, j, end, T_DOT);
}

static int set_freq(struct scan *s, int f, int every)
{
	if (s->freq && (s->freq != f || s->every_n != every))
		return -1;   /* «Ежегодно ежемесячно»: contradictory */
	s->freq = f;
	s->every_n = every;
	return 0;
}

/*
 * Frequency words at *ip: «Ежегодно», «По полугодиям», «1 раз в год», «не менее 2 раз в год»,
 * «1 раз в три года». Returns 1 (consumed), 0 (none here) or -1 (malformed or contradictory).
 */
static int freq_parse(struct scan *s, int *ip, int end)
{
	static const struct { const char *pat; int f; } words[] = {
		{ "ежегодно", F_ANNUAL },       { "ежемесячно", F_MONTH },
		{ "ежеквартально", F_QUARTER }, { "ежеполугодно", F_SEMI },
		{ "по полугодиям", F_SEMI },    { "по кварталам", F_QUARTER },
		{ "по месяцам", F_MONTH },
	};
	int i = *ip, n, times = 1, every = 1, f;
	bool at_least = false;

	for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
		if ((n = match(s, i, end, words[k].pat))) {
			*ip = i + n;
			return set_freq(s, words[k].f, 1) < 0 ? -1 : 1;
		}
	if ((n = match(s, i, end, "не менее")) || (n = match(s, i, end, "не реже"))) {
		i += n;
		at_least = true;
	}
	if ((n = count_at(s, i, end)) && (is_word(s, i + 1, end, "раз") || is_word(s, i + 1, end, "раза"))) {
		times = n;
		i++;
	}
	if (!is_word(s, i, end, "раз") && !is_word(s, i, end, "раза"))
		return at_least ? -1 : 0;
	if (!is_word(s, ++i, end, "в"))
		return -1;
	i++;
	if (is_word(s, i, end, "год"))
		f = times == 1 ? F_ANNUAL : times == 2 ? F_SEMI : times == 4 ? F_QUARTER :
		    times == 12 ? F_MONTH : F_NONE;
	else if (is_word(s, i, end, "полугодие"))
		f = times == 1 ? F_SEMI : F_NONE;
	else if (is_word(s, i, end, "квартал"))
		f = times == 1 ? F_QUARTER : F_NONE;
	else if (is_word(s, i, end, "месяц"))
		f = times == 1 ? F_MONTH : F_NONE;
	else if ((every = count_at(s, i, end)) >= 1 && every <= 10 &&
		 (is_word(s, i + 1, end, "года") || is_word(s, i + 1, end, "лет") ||
		  is_word(s, i + 1, end, "год"))) {
		f = times != 1 ? F_NONE : every == 1 ? F_ANNUAL : F_EVERY;
		i++;
	} else
		return -1;
	if (f == F_NONE)
		return -1;   /* «3 раза в год»: the windows would be a guess */
	*ip = i + 1;
	return set_freq(s, f, f == F_EVERY ? every : 1) < 0 ? -1 : 1;
}

struct point {
	int d, m, y;   /* d 0: the whole month; y 0: no year given */
};

/* A year (with its suffix) after a month or date, if one is there; -1 if out of range. */
static int point_year(const struct scan *s, int *ip, int end, struct point *pt)
{
	int y = year_at(s, *ip, end);

	if (y < 0)
		return -1;
	if (y > 0) {
		pt->y = y;
		*ip = skip_ysuf(s, *ip + 1, end);
	}
	return 0;
}

/*
 * A date or a month at *ip: «01.03.2022», «24.01», «17 января 2022», «30 апреля»,
 * «Ноябрь.2022г.», «март». Returns 1 (consumed), 0 (none here) or -1 (malformed).
 */
static int point_parse(const struct scan *s, int *ip, int end, struct point *pt)
{
	const struct tok *t = s->lx->t;
	int i = *ip, m;

	memset(pt, 0, sizeof *pt);
	if (is_type(s, i, end, T_NUM) && t[i].ndig <= 2) {
		if (is_type(s, i + 1, end, T_DOT) && is_type(s, i + 2, end, T_NUM) && t[i + 2].ndig <= 2) {
			pt->d = t[i].val;
			pt->m = t[i + 2].val;
			i += 3;
			if (is_type(s, i, end, T_DOT) && is_type(s, i + 1, end, T_NUM)) {
				if (t[i + 1].ndig != 4)
					return -1;   /* «01.03.22»: a two-digit year would be a guess */
				i++;
				if (point_year(s, &i, end, pt) < 0)
					return -1;
			}
		} else if ((m = month_of(s, i + 1, end))) {
			pt->d = t[i].val;
			pt->m = m;
			i += 2 + is_type(s, i + 2, end, T_DOT);
			if (point_year(s, &i, end, pt) < 0)
				return -1;
		} else
			return 0;
	} else if ((m = month_of(s, i, end))) {
		pt->m = m;
		i += 1 + is_type(s, i + 1, end, T_DOT);
		if (point_year(s, &i, end, pt) < 0)
			return -1;
	} else
		return 0;
	if (pt->m < 1 || pt->m > 12 || (pt->d && pt->d > 31))
		return -1;
	if (pt->d == 0 && t[*ip].type == T_NUM)
		return -1;   /* «0 марта», «00.03.2022» */
	*ip = i;
	return 1;
}

static int tpl_add(struct scan *s, int kind, int d1, int m1, int d2, int m2, int yoff, bool fixed)
{
	if (s->ntpl == TPL_MAX || yoff < -120)
		return -1;
	s->tpl[s->ntpl] = (struct tpl){ (unsigned char)kind, (unsigned char)d1, (unsigned char)m1,
					(unsigned char)d2, (unsigned char)m2, (signed char)yoff, fixed };
	return s->ntpl++;
}

static int inst_add(struct scan *s, int t, int g, int y)
{
	if (s->ninst == INST_MAX)
		return -1;
	s->in[s->ninst++] = (struct inst){ (short)t, (short)g, (short)y, -1 };
	return 0;
}

/* Gives year y to the instances of group g still without one. */
static void grp_attach(struct scan *s, int g, int y)
{
	for (int k = 0; k < s->ninst; k++)
		if (s->in[k].grp == g && s->in[k].year == 0)
			s->in[k].year = (short)y;
	s->grp[g].pending = false;
	s->grp[g].ny++;
}

/*
 * Places the newest template t with end year y (0: not given) into the current group
 * when that group still waits for its year, or into a new group.
 */
static int place(struct scan *s, int t, int y)
{
	struct grp *g = s->ngrp ? &s->grp[s->ngrp - 1] : NULL;
	int kind = s->tpl[t].kind;
	bool joinable = !s->tpl[t].fixed && kind != DL_YEAR && kind != DL_YEAR_RANGE &&
			kind != DL_ACAD_YEAR;

	if (g && g->pending && !joinable)
		return -1;   /* «Октябрь, 2022-2024 г.г.»: whose year is which is unclear */
	if (!g || !g->pending) {
		if (s->ngrp == GRP_MAX)
			return -1;
		g = &s->grp[s->ngrp++];
		*g = (struct grp){ (short)t, 0, 0, true };
	}
	g->nt++;
	if (inst_add(s, t, (int)(g - s->grp), 0) < 0)
		return -1;
	if (y)
		grp_attach(s, (int)(g - s->grp), y);
	return 0;
}

/* Compares day-month pairs; an end day 0 means the month's last. */
static bool dm_after(int d1, int m1, int d2, int m2)
{
	return m1 != m2 ? m1 > m2 : d1 > (d2 ? d2 : 31);
}

/* A range a–b: «Февраль-март», «ноябрь 2021г.- январь 2022г.», «24.01-01-02.2022». */
static int range_add(struct scan *s, struct point a, struct point b)
{
	int kind = a.d || b.d ? DL_RANGE : DL_MONTH_RANGE;
	int d1 = a.d ? a.d : 1, wrap = dm_after(d1, a.m, b.d, b.m) ? -1 : 0, y, t;

	if (a.y && b.y) {
		if (a.y > b.y)
			return -1;
		t = tpl_add(s, kind, d1, a.m, b.d, b.m, a.y - b.y, true);
		y = b.y;
	} else {
		t = tpl_add(s, kind, d1, a.m, b.d, b.m, wrap, false);
		y = b.y ? b.y : a.y ? a.y - wrap : 0;
	}
	return t < 0 ? -1 : place(s, t, y);
}

static int single_add(struct scan *s, struct point a)
{
	int t = a.d ? tpl_add(s, DL_DATE, a.d, a.m, a.d, a.m, 0, false)
		    : tpl_add(s, DL_MONTH, 1, a.m, 0, a.m, 0, false);

	return t < 0 ? -1 : place(s, t, a.y);
}

/* A year on its own: the year of the waiting group, the group again, or a DL_YEAR. */
static int bare_year(struct scan *s, int y)
{
	struct grp *g = s->ngrp ? &s->grp[s->ngrp - 1] : NULL;

	if (g && g->pending) {
		grp_attach(s, (int)(g - s->grp), y);
		return 0;
	}
	if (g) {
		bool carry = true;
		for (int k = g->t0; k < g->t0 + g->nt; k++)
			if (s->tpl[k].kind != DL_DATE && s->tpl[k].kind != DL_RANGE &&
			    s->tpl[k].kind != DL_MONTH && s->tpl[k].kind != DL_MONTH_RANGE &&
			    s->tpl[k].kind != DL_YEAR)
				carry = false;
		if (carry) {   /* «Январь 2022, 2023», «Июнь - август 2021г., 2022 г.» */
			for (int k = g->t0; k < g->t0 + g->nt; k++)
				if (inst_add(s, k, (int)(g - s->grp), y) < 0)
					return -1;
			g->ny++;
			return 0;
		}
	}
	int t = tpl_add(s, DL_YEAR, 1, 1, 31, 12, 0, false);
	return t < 0 ? -1 : place(s, t, y);
}

/*
 * One dated item at *ip: a date, month or year, a range of them, «Март-», «с марта»,
 * «до 30 апреля», «2021-2022 уч.год». Returns 1 (consumed), 0 (none here) or -1.
 */
static int item_parse(struct scan *s, int *ip, int end)
{
	const struct tok *t = s->lx->t;
	struct point a, b;
	int i = *ip, n, r, y, y2, k;

	if ((n = match(s, i, end, "до")) || (n = match(s, i, end, "не позднее"))) {
		i += n;
		if (point_parse(s, &i, end, &a) != 1 || !a.d || (k = tpl_add(s, DL_BY_DATE, 1, 1, a.d, a.m, 0, false)) < 0)
			return -1;
		*ip = i;
		return place(s, k, a.y) < 0 ? -1 : 1;
	}
	if ((n = match(s, i, end, "с")) || (n = match(s, i, end, "со"))) {
		i += n;
		if (point_parse(s, &i, end, &a) != 1)
			return -1;
		if ((n = match(s, i, end, "по")) || (n = match(s, i, end, "до")) || (n = is_type(s, i, end, T_DASH))) {
			i += n;
			if (point_parse(s, &i, end, &b) != 1)
				return -1;
			*ip = i;
			return range_add(s, a, b) < 0 ? -1 : 1;
		}
		goto open;
	}
	if ((n = match(s, i, end, "в")) || (n = match(s, i, end, "во"))) {
		if (!month_of(s, i + n, end))
			return 0;
		i += n;   /* «в январе» */
	}
	if ((r = point_parse(s, &i, end, &a)) < 0)
		return -1;
	if (r == 1) {
		if (!is_type(s, i, end, T_DASH)) {
			*ip = i;
			return single_add(s, a) < 0 ? -1 : 1;
		}
		i++;
		if (i == end)
			goto open;   /* «Март-» */
		if (a.d && !a.y && is_type(s, i, end, T_NUM) && t[i].ndig <= 2 && is_type(s, i + 1, end, T_DASH) &&
		    is_type(s, i + 2, end, T_NUM) && t[i + 2].ndig <= 2 && is_type(s, i + 3, end, T_DOT) &&
		    (y = year_at(s, i + 4, end)) > 0) {
			/* «24.01-01-02.2022» (003:L139): the second date's dot typed as a dash */
			b = (struct point){ t[i].val, t[i + 2].val, y };
			if (b.d < 1 || b.d > 31 || b.m < 1 || b.m > 12)
				return -1;
			i = skip_ysuf(s, i + 5, end);
		} else if (point_parse(s, &i, end, &b) != 1)
			return -1;
		*ip = i;
		return range_add(s, a, b) < 0 ? -1 : 1;
	}
	if ((y = year_at(s, i, end)) <= 0)
		return y;
	i = skip_ysuf(s, i + 1, end);
	if ((is_type(s, i, end, T_DASH) || is_type(s, i, end, T_SLASH)) && (y2 = year_at(s, i + 1, end))) {
		if (y2 < 0)
			return -1;
		i += 2;
		if ((n = skip_acad(s, i, end)) > i) {
			if (y2 != y + 1 || (k = tpl_add(s, DL_ACAD_YEAR, 1, 9, 31, 8, -1, false)) < 0)
				return -1;
			i = n;
		} else {
			if (y2 <= y || (k = tpl_add(s, DL_YEAR_RANGE, 1, 1, 31, 12, y - y2, false)) < 0)
				return -1;
			i = skip_ysuf(s, i, end);
		}
		*ip = i;
		return place(s, k, y2) < 0 ? -1 : 1;
	}
	*ip = i;
	return bare_year(s, y) < 0 ? -1 : 1;
open:
	if ((k = tpl_add(s, DL_OPEN, a.d ? a.d : 1, a.m, 31, 12, 0, false)) < 0)
		return -1;
	*ip = i;
	return place(s, k, a.y) < 0 ? -1 : 1;
}

/* Whether tokens [a, b) of a parenthesis are free text: no number and no schedule word. */
static bool part_free(const struct scan *s, int a, int b)
{
	static const char *const sched[] = { "ежегодно", "ежемесячно", "ежеквартально", "ежеполугодно",
					     "раз", "раза", "полугодиям", "кварталам", "течение",
					     "необходимости", "постоянно", "периодически" };

	for (int i = a; i < b; i++) {
		if (s->lx->t[i].type == T_NUM || month_of(s, i, b))
			return false;
		for (size_t k = 0; k < sizeof sched / sizeof sched[0]; k++)
			if (is_word(s, i, b, sched[k]))
				return false;
	}
	return true;
}

static int scan_run(struct scan *s, int i, int end, bool in_paren);

/*
 * A parenthesis at *ip. Free text («(входной мониторинг)») labels the windows written
 * since the last label; otherwise its parts are schedule («(ежегодно 2021г., 2022г.)»,
 * «(ноябрь-декабрь, апрель-май)») and free-text parts beside them are comments.
 */
static int paren(struct scan *s, int *ip, int end)
{
	int lp = *ip, rp = lp + 1, a, b;
	bool any = false;

	for (; rp < end && s->lx->t[rp].type != T_RP; rp++)
		if (s->lx->t[rp].type == T_LP)
			return -1;
	if (rp == end || rp == lp + 1)
		return -1;
	for (a = lp + 1; a < rp; a = b + 1) {
		for (b = a; b < rp && s->lx->t[b].type != T_COMMA; b++)
			;
		if (!part_free(s, a, b))
			any = true;
	}
	if (!any) {
		if (s->labelled == s->ninst)
			return -1;   /* a label before any window */
		for (int k = s->labelled; k < s->ninst; k++)
			s->in[k].label = (short)lp;
		s->labelled = s->ninst;
	} else
		for (a = lp + 1; a < rp; a = b + 1) {
			for (b = a; b < rp && s->lx->t[b].type != T_COMMA; b++)
				;
			if (!part_free(s, a, b) && scan_run(s, a, b, true) < 0)
				return -1;
		}
	*ip = rp + 1;
	return 0;
}

/* Scans tokens [i, end); returns 0, or -1 at the first thing it does not understand. */
static int scan_run(struct scan *s, int i, int end, bool in_paren)
{
	static const char *const programme[] = { "всего", "срока", "периода", "действия", "реализации",
						 "программы", "проекта", "муниципальной", "дорожной", "карты" };

	while (i < end) {
		int n, r, type = s->lx->t[i].type;

		if (type == T_COMMA || type == T_DOT || is_word(s, i, end, "и")) {
			i++;
		} else if ((n = match(s, i, end, "по мере необходимости"))) {
			s->as_needed = true;
			i += n;
		} else if ((n = match(s, i, end, "постоянно")) || (n = match(s, i, end, "на постоянной основе"))) {
			s->whole = true;
			i += n;
		} else if ((n = match(s, i, end, "периодически"))) {
			s->periodic = true;
			i += n;
		} else if (match(s, i, end, "в течение")) {
			i += 2;
			if ((n = match(s, i, end, "года")) || (n = match(s, i, end, "всего года")) ||
			    (n = match(s, i, end, "календарного года"))) {
				s->during_year = true;
				i += n;
				continue;
			}
			bool span = false;
			int run = 0;
			for (size_t k = 0; k < sizeof programme / sizeof programme[0];)
				if (is_word(s, i, end, programme[k])) {
					span |= k == 1 || k == 2;
					run++;
					i++;
					k = 0;   /* the next word may be any of them again */
				} else
					k++;
			if (span)
				s->whole = true;   /* «В течение срока действия программы» */
			else if (run)
				return -1;         /* «В течение всего» */
			/* otherwise «в течение 2022 года»: the dates follow */
		} else if ((r = freq_parse(s, &i, end))) {
			if (r < 0)
				return -1;
		} else if (type == T_LP) {
			if (in_paren || paren(s, &i, end) < 0)
				return -1;
		} else if ((r = item_parse(s, &i, end)) <= 0) {
			return -1;
		}
	}
	return 0;
}

/* ---- windows ---- */

struct out {
	struct dl_window w[DL_WINDOWS_MAX];
	int n;
	const char *text;
	const struct lex *lx;
};

static int emit(struct out *o, int from, int to, int lp)
{
	if (from > to || o->n == DL_WINDOWS_MAX)
		return -1;
	struct dl_window *w = &o->w[o->n++];
	w->from = from;
	w->to = to;
	w->label = NULL;
	w->label_len = 0;
	if (lp >= 0) {
		int rp = lp + 1;
		while (o->lx->t[rp].type != T_RP)
			rp++;
		const struct tok *a = &o->lx->t[lp + 1], *b = &o->lx->t[rp - 1];
		w->label = o->text + a->off;
		w->label_len = b->off + b->len - a->off;
	}
	return 0;
}

/* Emits template t ending in year y (starting in y + yoff), for period p. */
static int emit_tpl(struct out *o, const struct tpl *t, int y, const struct dl_period *p, int base, int lp)
{
	int y1 = y + t->yoff, d2 = t->d2 ? t->d2 : y >= YEAR_MIN && y <= YEAR_MAX ? mdays(y, t->m2) : 0;

	if (y1 < YEAR_MIN || y > YEAR_MAX || t->d1 > mdays(y1, t->m1) || d2 > mdays(y, t->m2))
		return -1;   /* «29.02.2023», «31.04» */
	if (t->kind == DL_OPEN)
		return emit(o, deadline_days(y, t->m1, t->d1), deadline_days(p->year_to, 12, 31), lp);
	if (t->kind == DL_BY_DATE)
		return emit(o, deadline_days(base < y ? base : y, 1, 1), deadline_days(y, t->m2, d2), lp);
	return emit(o, deadline_days(y1, t->m1, t->d1), deadline_days(y, t->m2, d2), lp);
}

/* Emits every instance; one still without a year starts in year `start`. */
static int emit_all(struct out *o, const struct scan *s, const struct dl_period *p, int base, int start)
{
	for (int k = 0; k < s->ninst; k++) {
		const struct tpl *t = &s->tpl[s->in[k].tpl];
		int y = s->in[k].year ? s->in[k].year : start - t->yoff;
		if (emit_tpl(o, t, y, p, base, s->in[k].label) < 0)
			return -1;
	}
	return 0;
}

/* The kind of a plain list: one window's own kind; repeated ranges keep theirs; else DL_LIST. */
static enum deadline_kind list_kind(const struct scan *s)
{
	int k0 = s->tpl[s->in[0].tpl].kind;

	if (s->ninst == 1)
		return (enum deadline_kind)k0;
	for (int k = 1; k < s->ninst; k++)
		if (s->tpl[s->in[k].tpl].kind != k0)
			return DL_LIST;
	return k0 == DL_RANGE || k0 == DL_YEAR_RANGE || k0 == DL_ACAD_YEAR ? (enum deadline_kind)k0 : DL_LIST;
}

/* Windows of a frequency with nothing dated: every year, half, quarter or month of the period. */
static int emit_freq(struct out *o, int f, int every, const struct dl_period *p)
{
	for (int y = p->year_from; y <= p->year_to; y++) {
		switch (f) {
		case F_ANNUAL:
			if (emit(o, deadline_days(y, 1, 1), deadline_days(y, 12, 31), -1) < 0)
				return -1;
			break;
		case F_SEMI:
		case F_QUARTER:
		case F_MONTH: {
			int step = f == F_SEMI ? 6 : f == F_QUARTER ? 3 : 1;
			for (int m = 1; m <= 12; m += step)
				if (emit(o, deadline_days(y, m, 1),
					 deadline_days(y, m + step - 1, mdays(y, m + step - 1)), -1) < 0)
					return -1;
			break;
		}
		case F_EVERY: {
			int last = y + every - 1 < p->year_to ? y + every - 1 : p->year_to;
			if (emit(o, deadline_days(y, 1, 1), deadline_days(last, 12, 31), -1) < 0)
				return -1;
			y = last;
			break;
		}
		default:
			return -1;
		}
	}
	return 0;
}

/* Turns the scan into windows and a kind; -1 if the combination is not understood. */
static int build(struct out *o, const struct scan *s, const struct dl_period *p, int base,
		 enum deadline_kind *kind)
{
	static const enum deadline_kind by_freq[] = { DL_INVALID, DL_ANNUAL, DL_SEMIANNUAL,
						      DL_QUARTERLY, DL_MONTHLY, DL_EVERY_N_YEARS };
	bool pending = false, years_only = true, alone = false, by_date = false, dated = false;

	if (s->periodic && !s->freq)
		return -1;   /* «Периодически» alone has no dates */
	if (s->whole) {
		if (s->ninst || s->freq || s->during_year)
			return -1;
		*kind = DL_CONTINUOUS_PROGRAMME;
		return emit(o, deadline_days(p->year_from, 1, 1), deadline_days(p->year_to, 12, 31), -1);
	}
	if (s->during_year && s->freq && s->freq != F_ANNUAL)
		return -1;
	if (!s->ninst) {
		if (s->freq) {
			*kind = by_freq[s->freq];
			return emit_freq(o, s->freq, s->every_n, p);
		}
		if (s->during_year) {
			*kind = DL_CONTINUOUS_YEAR;
			return emit(o, deadline_days(base, 1, 1), deadline_days(base, 12, 31), -1);
		}
		if (s->as_needed) {
			*kind = DL_ON_REQUEST;   /* «По мере необходимости» alone */
			return 0;
		}
		return -1;
	}
	for (int k = 0; k < s->ninst; k++) {
		int tk = s->tpl[s->in[k].tpl].kind;
		pending |= s->in[k].year == 0;
		years_only &= tk == DL_YEAR || tk == DL_YEAR_RANGE || tk == DL_ACAD_YEAR;
		alone |= tk == DL_OPEN || tk == DL_BY_DATE;
		by_date |= tk == DL_BY_DATE;
		dated |= s->in[k].year != 0;
	}
	if ((s->during_year && !years_only) ||
	    (alone && (s->ninst > 1 || (s->freq && s->freq != (by_date ? F_ANNUAL : F_MONTH)))))
		return -1;   /* «Март-», «До 30 апреля» stand alone; «Ежегодно до 30 апреля», «ежемесячно с марта» */
	if (pending && dated && s->freq != F_ANNUAL)
		return -1;   /* «Январь 2022, март»: which year is March? */
	switch (s->freq) {
	case F_NONE:
		*kind = list_kind(s);
		return emit_all(o, s, p, base, base);
	case F_ANNUAL:
		if (pending) {   /* «Июнь (ежегодно)»: every year of the period */
			for (int g = 0; g < s->ngrp; g++)
				if (!s->grp[g].pending)
					return -1;
			*kind = DL_ANNUAL;
			for (int y = p->year_from; y <= p->year_to; y++)
				if (emit_all(o, s, p, y, y) < 0)   /* «Ежегодно до 30 апреля»: from 1 January */
					return -1;
			return 0;
		}
		if (s->ngrp == 1 && s->grp[0].ny == 1) {   /* «сентябрь - октябрь 2021 г. ежегодно» */
			int y0 = s->in[0].year;
			*kind = DL_ANNUAL;
			for (int y = y0; y == y0 || y <= p->year_to; y++)
				for (int k = 0; k < s->ninst; k++)
					if (emit_tpl(o, &s->tpl[s->in[k].tpl], y, p, y, s->in[k].label) < 0)
						return -1;
			return 0;
		}
		*kind = list_kind(s);   /* «Ежегодно февраль 2021г., 2022г., …»: the years are listed */
		return emit_all(o, s, p, base, base);
	case F_SEMI:
		if (s->ngrp != 1 || !s->grp[0].pending || s->ninst != 2)
			return -1;   /* «2 раза в год (декабрь, май)»: exactly two year-less windows */
		*kind = DL_SEMIANNUAL;
		for (int y = p->year_from; y <= p->year_to; y++)
			if (emit_all(o, s, p, base, y) < 0)
				return -1;
		return 0;
	case F_MONTH: {
		/* «октябрь 2021г. Ежемесячно»: that month, then every month to the period's end */
		const struct tpl *t = &s->tpl[s->in[0].tpl];
		int y = s->in[0].year ? s->in[0].year : base, m = t->m1;
		if (s->ninst != 1 || (t->kind != DL_MONTH && (t->kind != DL_OPEN || t->d1 != 1)))
			return -1;
		*kind = DL_MONTHLY;
		do {
			if (emit(o, deadline_days(y, m, 1), deadline_days(y, m, mdays(y, m)), -1) < 0)
				return -1;
			if (++m > 12) {
				m = 1;
				y++;
			}
		} while (y <= p->year_to);
		return 0;
	}
	default:
		return -1;   /* «ежеквартально» or «1 раз в три года» with dates: not understood */
	}
}

/* Phrases named by their first words, whatever follows: «По запросам ОУ», «Согласно плану работы …». */
static enum deadline_kind prefix_kind(const struct scan *s)
{
	static const struct { const char *pat; enum deadline_kind kind; } pre[] = {
		{ "по запрос*", DL_ON_REQUEST },
		{ "по заявк*", DL_ON_REQUEST },
		{ "в соответствии с запрос*", DL_ON_REQUEST },
		{ "согласно запрос*", DL_ON_REQUEST },
		{ "согласно план*", DL_PER_PLAN },
		{ "по план*", DL_PER_PLAN },
		{ "в соответствии с план*", DL_PER_PLAN },
		{ "согласно график*", DL_PER_PLAN },
		{ "по график*", DL_PER_PLAN },
		{ "в соответствии с график*", DL_PER_PLAN },
		{ "согласно нормативн*", DL_PER_PLAN },
		{ "в соответствии с нормативн*", DL_PER_PLAN },
		{ "по завершени*", DL_ON_EVENT },
		{ "по окончани*", DL_ON_EVENT },
	};
	int end = s->lx->n;

	for (size_t k = 0; k < sizeof pre / sizeof pre[0]; k++)
		if (match(s, 0, end, pre[k].pat))
			return pre[k].kind;
	if (match(s, 0, end, "по мере") && is_type(s, 2, end, T_WORD) && !is_word(s, 2, end, "необходимости"))
		return DL_ON_EVENT;   /* «По мере завершения программ ПК» */
	if (match(s, 0, end, "после") && is_type(s, 1, end, T_WORD) && !month_of(s, 1, end))
		return DL_ON_EVENT;
	return DL__MAX;
}

int deadline_parse(const char *text, const struct dl_period *p, enum deadline_kind *kind,
		   bool *as_needed, struct dl_window *out, int max)
{
	enum deadline_kind kind_local;
	bool as_needed_local;
	struct lex lx;
	struct scan s;
	struct out o;
	size_t len;
	int base;

	if (!kind)
		kind = &kind_local;
	if (!as_needed)
		as_needed = &as_needed_local;
	*kind = DL_INVALID;
	*as_needed = false;
	if (!p || p->year_from < YEAR_MIN || p->year_to > YEAR_MAX || p->year_from > p->year_to ||
	    p->year_to - p->year_from >= PERIOD_YEARS_MAX)
		return 0;
	base = p->base_year ? p->base_year : p->year_from;
	if (base < YEAR_MIN || base > YEAR_MAX)
		return 0;
	if (!text) {
		*kind = DL_UNSCHEDULED;
		return 0;
	}
	if ((len = strnlen(text, DL_TEXT_MAX + 1)) > DL_TEXT_MAX || !lex_run(&lx, text, len))
		return 0;
	if (lx.n == 0) {
		*kind = DL_UNSCHEDULED;
		return 0;
	}
	memset(&s, 0, sizeof s);
	s.lx = &lx;
	for (int i = 0; i < lx.n; i++)
		if (match(&s, i, lx.n, "по мере необходимости"))
			*as_needed = true;
	enum deadline_kind pk = prefix_kind(&s);
	if (pk != DL__MAX) {
		*kind = pk;
		return 0;
	}
	o.n = 0;
	o.text = text;
	o.lx = &lx;
	if (scan_run(&s, 0, lx.n, false) < 0 || build(&o, &s, p, base, kind) < 0) {
		*kind = DL_INVALID;
		return 0;
	}
	/* chronological: by start, then end (insertion sort keeps labels with their windows) */
	for (int i = 1; i < o.n; i++) {
		struct dl_window w = o.w[i];
		int j = i;
		for (; j > 0 && (o.w[j - 1].from > w.from || (o.w[j - 1].from == w.from && o.w[j - 1].to > w.to)); j--)
			o.w[j] = o.w[j - 1];
		o.w[j] = w;
	}
	int n = 0;
	for (int i = 0; i < o.n; i++)   /* «Январь 2022, 2022»: one window */
		if (!n || o.w[i].from != o.w[n - 1].from || o.w[i].to != o.w[n - 1].to ||
		    o.w[i].label != o.w[n - 1].label)
			o.w[n++] = o.w[i];
	if (n > max)
		n = max < 0 ? 0 : max;
	if (n)
		memcpy(out, o.w, (size_t)n * sizeof *out);
	return n;
}
