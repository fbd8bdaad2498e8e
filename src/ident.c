/*
 * ident.c: the identification rules R1–R6 (GUIDE §4) as pure functions over
 * in-memory results, social indices and flags, each proposal with its reasons.
 * No database, no HTTP; the reasons' Russian wording lives here with the rules.
 */
#include "ident.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"

enum { LINES_FIRST = 8 };

/* A threshold holds inclusively; shares computed by division may miss it by an ulp. */
#define EPS 1e-9

/* Appends one formatted line; a NULL list takes nothing. Returns 0 or -1. */
__attribute__((format(printf, 3, 4))) static int say(struct arena *a, struct ident_lines *l,
						     const char *fmt, ...)
{
	va_list ap;
	char *line;
	int len;

	if (!l)
		return 0;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : LINES_FIRST;
		const char **v = arena_alloc(a, cap * sizeof *v);

		if (!v)
			return -1;
		if (l->n)
			memcpy(v, l->v, l->n * sizeof *v);
		l->v = v;
		l->cap = cap;
	}
	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0 || !(line = arena_alloc(a, (size_t)len + 1)))
		return -1;
	va_start(ap, fmt);
	vsnprintf(line, (size_t)len + 1, fmt, ap);
	va_end(ap);
	l->v[l->n] = line;
	l->n++;
	return 0;
}

const char *ident_num(struct arena *a, double v)
{
	char tmp[64], *p;
	double r = round(v * 10) / 10;

	if (r == 0)
		r = 0;   /* no «−0» */
	snprintf(tmp, sizeof tmp, "%s%.1f", r < 0 ? "−" : "", fabs(r));
	if ((p = strchr(tmp, '.')) != NULL) {
		if (p[1] == '0' && p[2] == '\0')
			*p = '\0';
		else
			*p = ',';
	}
	return arena_strdup(a, tmp);
}

/* The subject with its first Cyrillic capital in lower case: «математика». */
static const char *lower_first(struct arena *a, const char *s)
{
	char *t = arena_strdup(a, s ? s : "");
	unsigned char *u = (unsigned char *)t;

	if (!t || u[0] != 0xD0)
		return t;
	if (u[1] >= 0x90 && u[1] <= 0x9F)        /* А–П → а–п */
		u[1] += 0x20;
	else if (u[1] >= 0xA0 && u[1] <= 0xAF) { /* Р–Я → р–я */
		u[0] = 0xD1;
		u[1] -= 0x20;
	} else if (u[1] == 0x81) {                /* Ё → ё */
		u[0] = 0xD1;
		u[1] = 0x91;
	}
	return t;
}

enum core { CORE_RUS, CORE_MATH, CORE_OTHER };

static enum core subject_core(const char *s)
{
	if (!s)
		return CORE_OTHER;
	if (strncmp(s, "Русск", strlen("Русск")) == 0 || strncmp(s, "русск", strlen("русск")) == 0)
		return CORE_RUS;
	if (strncmp(s, "Математ", strlen("Математ")) == 0 || strncmp(s, "математ", strlen("математ")) == 0)
		return CORE_MATH;
	return CORE_OTHER;
}

/* «ВПР-5 математика 2023» */
static const char *proc_name(struct arena *a, enum procedure p, const char *subject, int grade, int year)
{
	if (grade > 0)
		return arena_printf(a, "%s-%d %s %d", procedure_v[p].label, grade, lower_first(a, subject), year);
	return arena_printf(a, "%s %s %d", procedure_v[p].label, lower_first(a, subject), year);
}

/* R1: one procedure (type, subject, grade, year) of a school, main period only. */
struct proc {
	enum procedure p;
	const char *subject;
	int grade, year;
	double share;        /* «2» (ВПР) or below the minimum (ОГЭ/ЕГЭ), % */
	int n;               /* -1: not given */
	bool from_pass;      /* share = 100 − успеваемость */
	bool have_share;     /* a share2/below_min row was found */
	bool have_pass;
	double pass;
};

static bool small(const struct ident_config *c, int n)
{
	return n >= 0 && n < c->min_group;
}

static bool low(const struct ident_config *c, double share)
{
	return share >= c->low_share - EPS;
}

/* Collects the school's procedures of `year` (R1): ВПР by its share of «2», ОГЭ and
 * ЕГЭ by the share below the minimum, else 100 − успеваемость. Returns the count,
 * or -1 when the arena is full. */
static long procs_of(struct arena *a, const struct ident_input *in, int64_t school, int year, struct proc **out)
{
	struct proc *v = NULL;
	size_t n = 0;

	for (size_t i = 0; i < in->nres; i++) {
		const struct ident_result *r = &in->res[i];
		size_t k;

		if (r->school_id != school || r->year != year || r->stage != STAGE_MAIN)
			continue;   /* retakes never count: the main period, before retakes */
		if (r->proc != PROC_VPR && r->proc != PROC_OGE && r->proc != PROC_EGE)
			continue;
		bool share_row = (r->proc == PROC_VPR && r->metric == MET_SHARE2) ||
				 (r->proc != PROC_VPR && r->metric == MET_BELOW_MIN);
		if (!share_row && r->metric != MET_PASS)
			continue;
		for (k = 0; k < n; k++)
			if (v[k].p == r->proc && v[k].grade == r->grade && strcmp(v[k].subject, r->subject) == 0)
				break;
		if (k == n) {
			if (!v && !(v = arena_alloc(a, in->nres * sizeof *v)))
				return -1;
			memset(&v[n], 0, sizeof v[n]);
			v[n].p = r->proc;
			v[n].subject = r->subject;
			v[n].grade = r->grade;
			v[n].year = year;
			v[n].n = -1;
			n++;
		}
		if (share_row) {
			v[k].have_share = true;
			v[k].share = r->value;
			v[k].n = r->n;
		} else {
			v[k].have_pass = true;
			v[k].pass = r->value;
			if (!v[k].have_share)
				v[k].n = r->n;
		}
	}
	size_t m = 0;

	for (size_t k = 0; k < n; k++) {
		if (!v[k].have_share && (v[k].p == PROC_VPR || !v[k].have_pass))
			continue;   /* a ВПР row with only успеваемость says nothing of «2» */
		if (!v[k].have_share) {
			v[k].from_pass = true;
			v[k].share = 100 - v[k].pass;
		}
		v[m++] = v[k];
	}
	*out = v;
	return (long)m;
}

/* One R1 line; returns 1 when the procedure is low, 0 when not, 2 when it is no
 * evidence (small group), -1 when the arena is full. */
static int proc_say(struct arena *a, const struct ident_config *c, const struct proc *p, struct ident_lines *why)
{
	const char *name = proc_name(a, p->p, p->subject, p->grade, p->year);
	const char *what = p->p == PROC_VPR ? "«2»" : "ниже минимального порога";
	const char *nn = p->n < 0 ? "; N не указано" : "";
	const char *from = "";
	bool is_low = low(c, p->share);

	if (!name)
		return -1;
	if (small(c, p->n))
		return say(a, why, "%s: N = %d < %d — данных недостаточно, не учитывается", name, p->n,
			   c->min_group) ? -1 : 2;
	if (p->from_pass && !(from = arena_printf(a, " (100 − успеваемость %s%%)", ident_num(a, p->pass))))
		return -1;
	if (say(a, why, "%s: %s%% %s%s %s %s%%%s", name, ident_num(a, p->share), what, from,
		is_low ? "≥" : "<", ident_num(a, c->low_share), nn))
		return -1;
	return is_low;
}

/* R2 (seed 001) for list year `year`. */
static int rule_shnor(struct arena *a, const struct ident_input *in, int64_t school, int year,
		      struct ident_proposal *out)
{
	const struct ident_config *c = &in->cfg;
	int cnt[2] = { 0, 0 }, used[2] = { 0, 0 };

	for (int k = 0; k < 2; k++) {
		struct proc *p;
		long n = procs_of(a, in, school, year - 1 - k, &p);

		if (n < 0)
			return -1;
		for (long i = 0; i < n; i++) {
			int r = proc_say(a, c, &p[i], &out->why);

			if (r < 0)
				return -1;
			if (r != 2)
				used[k]++;
			if (r == 1)
				cnt[k]++;
		}
	}
	if (used[0] == 0 && used[1] == 0) {
		out->code = NULL;
		return say(a, &out->why, "Нет результатов ВПР, ОГЭ и ЕГЭ за %d и %d годы", year - 1, year - 2);
	}
	for (int k = 0; k < 2; k++) {
		if (used[k] == 0 ? say(a, &out->why, "%d: нет данных", year - 1 - k)
				 : say(a, &out->why, "%d: низких результатов %d из %d", year - 1 - k, cnt[k], used[k]))
			return -1;
	}
	if (cnt[0] >= c->low_count) {
		out->code = "yes";
		return say(a, &out->why, "Итог: в %d году низких результатов не меньше %d — школа с низкими результатами",
			   year - 1, c->low_count);
	}
	if (cnt[0] >= 1 && cnt[1] >= 1) {
		out->code = "yes";
		return say(a, &out->why, "Итог: низкие результаты и в %d, и в %d году — школа с низкими результатами",
			   year - 1, year - 2);
	}
	out->code = "no";
	return say(a, &out->why, "Итог: условие не выполнено (нужно не меньше %d в %d году или по одному в %d и %d)",
		   c->low_count, year - 1, year - 1, year - 2);
}

/* R3 (seed 004): ВПР-4 and ОГЭ-9 Russian and maths of year − 1, pooled. */
static int rule_nro(struct arena *a, const struct ident_input *in, int64_t school, int year,
		    struct ident_proposal *out)
{
	const struct ident_config *c = &in->cfg;
	struct proc *p;
	long n = procs_of(a, in, school, year - 1, &p);
	double below = 0, sum_share = 0;
	long total = 0;
	int used = 0;
	bool all_n = true;

	if (n < 0)
		return -1;
	for (long i = 0; i < n; i++) {
		bool core = subject_core(p[i].subject) != CORE_OTHER &&
			    ((p[i].p == PROC_VPR && p[i].grade == 4) || (p[i].p == PROC_OGE && p[i].grade == 9));
		int r;

		if (!core)
			continue;
		if ((r = proc_say(a, c, &p[i], &out->why)) < 0)
			return -1;
		if (r == 2)
			continue;
		used++;
		sum_share += p[i].share;
		if (p[i].n < 0)
			all_n = false;
		else {
			below += round(p[i].share * p[i].n / 100);
			total += p[i].n;
		}
	}
	if (used == 0) {
		out->code = NULL;
		return say(a, &out->why, "Нет результатов ВПР-4 и ОГЭ-9 по русскому языку и математике за %d год",
			   year - 1);
	}
	double pooled = all_n && total > 0 ? 100 * below / (double)total : sum_share / used;
	bool is_low = low(c, pooled);

	out->code = is_low ? "yes" : "no";
	if (all_n && total > 0)
		return say(a, &out->why, "Итог: совокупная доля %d: %s%% (%s из %ld) %s %s%%", year - 1,
			   ident_num(a, pooled), ident_num(a, below), total, is_low ? "≥" : "<",
			   ident_num(a, c->low_share));
	return say(a, &out->why, "Итог: совокупная доля %d: %s%% %s %s%% — N указано не для всех результатов, "
		   "взято среднее долей без весов", year - 1, ident_num(a, pooled), is_low ? "≥" : "<",
		   ident_num(a, c->low_share));
}

/* R4: the latest index of a year ≤ `year`. */
static int rule_social(struct arena *a, const struct ident_input *in, int64_t school, int year,
		       struct ident_proposal *out, enum social_status *status)
{
	const struct ident_config *c = &in->cfg;
	const struct ident_social *s = NULL;
	const char *lo = ident_num(a, c->social_lo), *hi = ident_num(a, c->social_hi);

	for (size_t i = 0; i < in->nsoc; i++)
		if (in->soc[i].school_id == school && in->soc[i].year <= year && (!s || in->soc[i].year > s->year))
			s = &in->soc[i];
	*status = SOC__MAX;
	if (!s) {
		out->code = NULL;
		return say(a, &out->why, "Индекс социального благополучия не введён");
	}
	const char *v = ident_num(a, s->value);
	int rc;

	if (s->value >= c->social_lo - EPS && s->value <= c->social_hi + EPS) {
		out->code = "yes";
		*status = SOC_UNFAVOURABLE;
		rc = say(a, &out->why, "Индекс социального благополучия %d: %s — в интервале от %s до %s: "
			 "неблагоприятные социальные условия", s->year, v, lo, hi);
	} else if (s->value < c->social_lo) {
		out->code = "no";
		out->review = true;
		rc = say(a, &out->why, "Индекс социального благополучия %d: %s — ниже %s: требует проверки координатором",
			 s->year, v, lo);
	} else {
		out->code = "no";
		rc = say(a, &out->why, "Индекс социального благополучия %d: %s — вне интервала от %s до %s", s->year, v,
			 lo, hi);
	}
	if (s->status != SOC__MAX) {
		*status = s->status;
		rc = rc ? rc : say(a, &out->why, "Введённый социальный статус: %s", social_status_v[s->status].label);
	}
	return rc;
}

/* успеваемость of the school's ВПР in subject core `sc`, grade, year (main period):
 * the pass row, else 100 − share of «2». Returns false when there is none. */
static bool vpr_pass(const struct ident_input *in, int64_t school, enum core sc, int grade, int year,
		     double *pass, int *n, const char **subject)
{
	bool found = false;

	for (size_t i = 0; i < in->nres; i++) {
		const struct ident_result *r = &in->res[i];

		if (r->school_id != school || r->proc != PROC_VPR || r->grade != grade || r->year != year ||
		    r->stage != STAGE_MAIN || subject_core(r->subject) != sc)
			continue;
		if (r->metric == MET_PASS) {
			*pass = r->value;
			*n = r->n;
			*subject = r->subject;
			return true;
		}
		if (r->metric == MET_SHARE2 && !found) {
			*pass = 100 - r->value;
			*n = r->n;
			*subject = r->subject;
			found = true;
		}
	}
	return found;
}

static bool flagged(const struct ident_input *in, int64_t school, int year)
{
	for (size_t i = 0; i < in->nflags; i++)
		if (in->flags[i].school_id == school && in->flags[i].year == year && in->flags[i].proc == PROC_VPR)
			return true;
	return false;
}

enum dynamics ident_dynamics(struct arena *a, const struct ident_input *in, int64_t school, int year,
			     bool *caveat, struct ident_lines *why)
{
	const struct ident_config *c = &in->cfg;
	int pos = 0, neg = 0, compared = 0;
	bool flag = flagged(in, school, year) || flagged(in, school, year - 1);

	if (caveat)
		*caveat = flag;
	for (int sc = CORE_RUS; sc <= CORE_MATH; sc++) {
		for (int g = 5; g <= 7; g++) {
			double p0, p1;
			int n0, n1;
			const char *s0, *s1;

			if (!vpr_pass(in, school, (enum core)sc, g, year - 1, &p0, &n0, &s0) ||
			    !vpr_pass(in, school, (enum core)sc, g + 1, year, &p1, &n1, &s1))
				continue;
			const char *name = why ? arena_printf(a, "ВПР %s: %d кл. %d → %d кл. %d", lower_first(a, s1),
							      g, year - 1, g + 1, year) : "";
			if (!name)
				return DYN__MAX;
			if (small(c, n0) || small(c, n1)) {
				say(a, why, "%s: N = %d < %d — данных недостаточно, не учитывается", name,
				    small(c, n0) ? n0 : n1, c->min_group);
				continue;
			}
			double d = p1 - p0;
			enum dynamics cls = d >= c->dynamics_pp - EPS ? DYN_POS
					  : d <= -c->dynamics_pp + EPS ? DYN_NEG : DYN_STABLE;

			compared++;
			pos += cls == DYN_POS;
			neg += cls == DYN_NEG;
			if (why)
				say(a, why, "%s: успеваемость %s%% → %s%%, %s п. п. — %s", name, ident_num(a, p0),
				    ident_num(a, p1), d > 0 ? arena_printf(a, "+%s", ident_num(a, d)) : ident_num(a, d),
				    dynamics_v[cls].label);
		}
	}
	if (compared == 0) {
		say(a, why, "Нет результатов ВПР одной параллели (5–8 классы) по русскому языку и математике за %d и %d годы",
		    year - 1, year);
		return DYN__MAX;
	}
	if (flag)
		say(a, why, "Признаки необъективности (ВПР %d или %d): положительная динамика не присваивается "
		    "автоматически", year - 1, year);
	if (neg)
		return DYN_NEG;
	if (pos && !flag)
		return DYN_POS;
	return DYN_STABLE;
}

enum matrix_category ident_matrix(enum social_status status, enum result_level level)
{
	if (status >= SOC__MAX || level >= LVL__MAX)
		return MX_NONE;
	if (level == LVL_LOW)
		return MX_CRISIS;
	if (status == SOC_FAVOURABLE)
		return MX_NONE;
	return level == LVL_MEDIUM ? MX_RISK : MX_RESILIENT;
}

int ident_school(struct arena *a, const struct ident_input *in, int64_t school_id, int year,
		 struct ident_school *out)
{
	struct ident_proposal *lo = &out->kind[IK_LOW], *lv = &out->kind[IK_LEVEL], *dy = &out->kind[IK_DYNAMICS];
	bool caveat;

	memset(out, 0, sizeof *out);
	if ((in->cfg.rule == RULE_NRO ? rule_nro : rule_shnor)(a, in, school_id, year, lo) ||
	    rule_social(a, in, school_id, year, &out->kind[IK_SOCIAL], &out->status))
		return -1;
	if (lo->code && strcmp(lo->code, "yes") == 0) {
		lv->code = result_level_v[LVL_LOW].code;
		if (say(a, &lv->why, "Предложен уровень «%s»: выполнено правило низких результатов",
			result_level_v[LVL_LOW].label))
			return -1;
	} else if (say(a, &lv->why, "Уровень вводит координатор: границы уровней в документах не заданы"))
		return -1;
	enum dynamics d = ident_dynamics(a, in, school_id, year - 1, &caveat, &dy->why);

	dy->code = d < DYN__MAX ? dynamics_v[d].code : NULL;
	dy->review = caveat && d < DYN__MAX;
	return 0;
}

void ident_social_count(const struct ident_social *s, size_t n, const struct ident_config *c, int year,
			int *unfavourable, int *total)
{
	*unfavourable = *total = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i].year != year)
			continue;
		(*total)++;
		if (s[i].value >= c->social_lo - EPS && s[i].value <= c->social_hi + EPS)
			(*unfavourable)++;
	}
}

const struct vocab *ident_choices(enum ident_kind k, size_t *n)
{
	switch (k) {
	case IK_LEVEL:
		*n = LVL__MAX;
		return result_level_v;
	case IK_DYNAMICS:
		*n = DYN__MAX;
		return dynamics_v;
	default:
		*n = ANS__MAX;
		return ident_answer_v;
	}
}

enum programme ident_programme(enum ident_rule rule, enum ident_kind k)
{
	if (k == IK_LOW)
		return rule == RULE_NRO ? PROG_NRO : PROG_SHNOR;
	if (k == IK_SOCIAL)
		return rule == RULE_NRO ? PROG_FNSU : PROG_SHNSU;
	return PROG__MAX;
}
