/*
 * ident.h: the identification rules of GUIDE §4 (R1–R6) over in-memory inputs:
 * for one school and list year, a proposal per kind (low results, social
 * conditions, result level, ВПР dynamics) with its reasons line by line in
 * Russian. No database, no HTTP, no templates; strings live in the arena.
 *
 * Years: for list year Y, R2 counts the results of Y−1 and Y−2, R3 pools those
 * of Y−1, R6 compares Y−2 with Y−1, R4 takes the latest social index of a year
 * ≤ Y. Shares are percentages; a threshold holds inclusively (≥ low_share,
 * social_lo ≤ index ≤ social_hi, |d| ≥ dynamics_pp).
 */
#ifndef IDENT_H
#define IDENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vocab.h"

struct arena;

/* The thresholds of one municipality (table ident_config). */
struct ident_config {
	enum ident_rule rule;   /* R2 (seed 001, ШНОР) or R3 (seed 004, НРО) */
	double low_share;       /* R1: a procedure is low at ≥ this share, % */
	int low_count;          /* R2: low procedures in the prior year */
	int min_group;          /* a result of fewer participants is no evidence */
	double social_lo, social_hi;   /* R4: unfavourable interval of the index */
	double dynamics_pp;     /* R6: tolerance in percentage points */
};

/* One result row of a school (procedures ВПР, ОГЭ, ЕГЭ; metrics share2,
 * below_min, pass; other rows are ignored). */
struct ident_result {
	int64_t school_id;
	enum procedure proc;
	const char *subject;    /* as stored: «Математика» */
	int grade, year;        /* grade 0: not given */
	enum metric metric;
	enum result_stage stage;
	double value;           /* percent */
	int n;                  /* participants; -1 when not given */
};

/* The social well-being index of a school for a year (seed 004). */
struct ident_social {
	int64_t school_id;
	int year;
	double value;
	enum social_status status;   /* SOC__MAX: not entered */
};

/* A non-objectivity flag (Rosobrnadzor's list after a campaign). */
struct ident_flag {
	int64_t school_id;
	int year;
	enum procedure proc;
};

/* What the rules read. The arrays may hold other schools' rows too. */
struct ident_input {
	struct ident_config cfg;
	const struct ident_result *res;
	size_t nres;
	const struct ident_social *soc;
	size_t nsoc;
	const struct ident_flag *flags;
	size_t nflags;
};

/* Reasons, one Russian line each, in the arena. */
struct ident_lines {
	const char **v;
	size_t n, cap;
};

/* One kind's proposal: a decision code of ident_choices(kind), or NULL when the
 * data do not allow one; review marks an R4 index below social_lo or an R6
 * non-objectivity caveat. */
struct ident_proposal {
	const char *code;
	bool review;
	struct ident_lines why;
};

/* Every kind's proposal for one school and list year, and its social status
 * (entered, else unfavourable when R4 holds; SOC__MAX when unknown). */
struct ident_school {
	struct ident_proposal kind[IK__MAX];
	enum social_status status;
};

/* Fills `out` for school `school_id` and list year `year`. Returns 0, or -1 when
 * the arena is full. */
int ident_school(struct arena *a, const struct ident_input *in, int64_t school_id, int year,
		 struct ident_school *out);

/* R5: the category of a cell of the 3 × 3 matrix. */
enum matrix_category ident_matrix(enum social_status status, enum result_level level);

/*
 * R6 for one school between result years `year` − 1 and `year`: the class, or
 * DYN__MAX when no cohort could be compared. *caveat (may be NULL) is set when a
 * non-objectivity flag covers either year. Reasons go to `why` when it is not
 * NULL (then `a` must be). For computed indicators 2.1–2.3 of seed 004.
 */
enum dynamics ident_dynamics(struct arena *a, const struct ident_input *in, int64_t school_id, int year,
			     bool *caveat, struct ident_lines *why);

/*
 * R4 for indicator 1.2 of seed 004: among the schools with an index for `year`,
 * *total, and *unfavourable of them within [social_lo, social_hi].
 */
void ident_social_count(const struct ident_social *s, size_t n, const struct ident_config *c, int year,
			int *unfavourable, int *total);

/* The decision codes a kind takes: «да»/«нет» for low and social, the levels,
 * the dynamics classes. */
const struct vocab *ident_choices(enum ident_kind k, size_t *n);

/* The programme a confirmed low or social decision puts the school on under
 * `rule` (ШНОР/ШНСУ or НРО/ФНСУ); PROG__MAX for level and dynamics. */
enum programme ident_programme(enum ident_rule rule, enum ident_kind k);

/* A number as the portal prints it: one decimal at most, decimal comma, «−». */
const char *ident_num(struct arena *a, double v);

#endif
