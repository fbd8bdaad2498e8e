/* test_ident.c: the identification rules R1–R6 with their edge cases and reasons. */
#include <stdbool.h>
#include <string.h>

#include "arena.h"
#include "ident.h"
#include "tap.h"
#include "vocab.h"

static struct arena A;

static const struct ident_config CFG_001 = { RULE_SHNOR, 30, 2, 10, -8, -3, 5 };
static const struct ident_config CFG_004 = { RULE_NRO, 30, 2, 10, -8, -3, 5 };

enum { SCHOOL = 7, OTHER = 8 };

static struct ident_result R(enum procedure p, const char *subject, int grade, int year, enum metric m,
			     double v, int n)
{
	struct ident_result r = { SCHOOL, p, subject, grade, year, m, STAGE_MAIN, v, n };

	return r;
}

static struct ident_input input(struct ident_config c, const struct ident_result *res, size_t n)
{
	struct ident_input in = { c, res, n, NULL, 0, NULL, 0 };

	return in;
}

/* True if some reason line contains `s`. */
static bool has(const struct ident_proposal *p, const char *s)
{
	for (size_t i = 0; i < p->why.n; i++)
		if (strstr(p->why.v[i], s))
			return true;
	return false;
}

static const char *code(const struct ident_school *s, enum ident_kind k)
{
	return s->kind[k].code ? s->kind[k].code : "(null)";
}

static struct ident_school run(const struct ident_input *in, int year)
{
	struct ident_school s;

	if (ident_school(&A, in, SCHOOL, year, &s) != 0)
		memset(&s, 0, sizeof s);
	return s;
}

static void test_r1_r2(void)
{
	struct ident_result r[] = {
		R(PROC_VPR, "Математика", 5, 2023, MET_SHARE2, 34, 25),
		R(PROC_VPR, "Русский язык", 5, 2023, MET_SHARE2, 30, 20),
	};
	struct ident_input in = input(CFG_001, r, 2);
	struct ident_school s = run(&in, 2024);

	ok(strcmp(code(&s, IK_LOW), "yes") == 0, "R2: two low procedures in the prior year: ШНОР");
	ok(has(&s.kind[IK_LOW], "ВПР-5 математика 2023: 34% «2» ≥ 30%"), "R1 reason line as in the issue");
	ok(has(&s.kind[IK_LOW], "ВПР-5 русский язык 2023: 30% «2» ≥ 30%"), "exactly 30%% is low (inclusive)");
	ok(strcmp(code(&s, IK_LEVEL), "low") == 0 && has(&s.kind[IK_LEVEL], "низкий"),
	   "R5: level «низкий» proposed when the low rule holds");

	r[1].value = 29.9;
	s = run(&in, 2024);
	ok(strcmp(code(&s, IK_LOW), "no") == 0, "29.9%% is not low: one low procedure only");
	ok(has(&s.kind[IK_LOW], "29,9% «2» < 30%"), "decimal comma and «<» in the reason");
	ok(has(&s.kind[IK_LOW], "2022: нет данных"), "missing year named");
	ok(s.kind[IK_LEVEL].code == NULL, "no level proposed without the low rule");

	r[1].year = 2022;   /* one low in 2023, 29.9 in 2022: not low */
	s = run(&in, 2024);
	ok(strcmp(code(&s, IK_LOW), "no") == 0, "one low in prev, none low in prev2: not ШНОР");
	r[1].value = 31;
	s = run(&in, 2024);
	ok(strcmp(code(&s, IK_LOW), "yes") == 0 && has(&s.kind[IK_LOW], "и в 2023, и в 2022"),
	   "≥1 low in prev and ≥1 in prev2: ШНОР");

	struct ident_input one = input(CFG_001, r, 1);
	s = run(&one, 2024);
	ok(strcmp(code(&s, IK_LOW), "no") == 0 && has(&s.kind[IK_LOW], "низких результатов 1 из 1"),
	   "a school with one assessment: one low is not enough");
	struct ident_config c1 = CFG_001;
	c1.low_count = 1;
	one.cfg = c1;
	s = run(&one, 2024);
	ok(strcmp(code(&s, IK_LOW), "yes") == 0, "low_count from the settings (1)");

	s = run(&in, 2030);
	ok(s.kind[IK_LOW].code == NULL && has(&s.kind[IK_LOW], "Нет результатов"), "no data: no proposal");
}

static void test_retake_and_small(void)
{
	struct ident_result r[] = {
		R(PROC_OGE, "Математика", 9, 2023, MET_BELOW_MIN, 10, 40),
		R(PROC_OGE, "Математика", 9, 2023, MET_BELOW_MIN, 50, 40),
		R(PROC_OGE, "Русский язык", 9, 2023, MET_BELOW_MIN, 40, 40),
		R(PROC_VPR, "История", 6, 2023, MET_SHARE2, 60, 9),
	};
	r[1].stage = STAGE_RETAKE;   /* a worse retake row must not count */
	r[1].value = 50;
	struct ident_input in = input(CFG_001, r, 4);
	struct ident_school s = run(&in, 2024);

	ok(strcmp(code(&s, IK_LOW), "no") == 0, "retakes ignored; the small group is no evidence");
	ok(has(&s.kind[IK_LOW], "ОГЭ-9 математика 2023: 10% ниже минимального порога < 30%"), "main period used");
	ok(has(&s.kind[IK_LOW], "ВПР-6 история 2023: N = 9 < 10 — данных недостаточно"), "small group said so");
	ok(has(&s.kind[IK_LOW], "низких результатов 1 из 2"), "small group not counted as used");
	r[3].n = 10;
	s = run(&in, 2024);
	ok(strcmp(code(&s, IK_LOW), "yes") == 0, "N = min_group counts");
}

static void test_pass_only(void)
{
	struct ident_result r[] = {
		R(PROC_OGE, "Русский язык", 9, 2021, MET_PASS, 93.3, -1),
		R(PROC_OGE, "Русский язык", 9, 2021, MET_QUALITY, 40, -1),
		R(PROC_OGE, "Математика", 9, 2021, MET_PASS, 70, -1),
		R(PROC_VPR, "Математика", 5, 2021, MET_PASS, 60, -1),
	};
	struct ident_input in = input(CFG_001, r, 4);
	struct ident_school s = run(&in, 2022);

	ok(has(&s.kind[IK_LOW], "ОГЭ-9 русский язык 2021: 6,7% ниже минимального порога (100 − успеваемость 93,3%) < 30%; N не указано"),
	   "ОГЭ with only успеваемость: 100 − успеваемость, said so");
	ok(has(&s.kind[IK_LOW], "ОГЭ-9 математика 2021: 30% ниже минимального порога (100 − успеваемость 70%) ≥ 30%"),
	   "100 − 70 = 30 is low");
	ok(!has(&s.kind[IK_LOW], "ВПР-5"), "a ВПР row with only успеваемость is not an R1 result");
	ok(has(&s.kind[IK_LOW], "низких результатов 1 из 2"), "quality rows ignored");
}

static void test_nro_exact(void)
{
	struct ident_result r[] = {
		R(PROC_VPR, "Русский язык", 4, 2023, MET_SHARE2, 20, 50),
		R(PROC_VPR, "Математика", 4, 2023, MET_SHARE2, 40, 50),
		R(PROC_OGE, "Русский язык", 9, 2023, MET_BELOW_MIN, 30, 100),
		R(PROC_OGE, "Математика", 9, 2023, MET_BELOW_MIN, 90, 5),
		R(PROC_VPR, "Математика", 5, 2023, MET_SHARE2, 90, 50),
	};
	struct ident_input in = input(CFG_004, r, 5);
	struct ident_school s = run(&in, 2024);

	ok(strcmp(code(&s, IK_LOW), "yes") == 0, "R3: pooled 60 of 200 = exactly 30%%: НРО");
	ok(has(&s.kind[IK_LOW], "Итог: совокупная доля 2023: 30% (60 из 200) ≥ 30%"), "pooled share with counts");
	ok(has(&s.kind[IK_LOW], "ОГЭ-9 математика 2023: N = 5 < 10"), "small group left out of the pool");
	ok(!has(&s.kind[IK_LOW], "ВПР-5"), "only ВПР-4 and ОГЭ-9 Russian and maths");
	r[2].value = 29;
	s = run(&in, 2024);
	ok(strcmp(code(&s, IK_LOW), "no") == 0, "pooled 59 of 200: not НРО");
	r[0].n = -1;
	s = run(&in, 2024);
	ok(strcmp(code(&s, IK_LOW), "no") == 0 && has(&s.kind[IK_LOW], "среднее долей без весов"),
	   "without N: unweighted mean (20+40+29)/3, said so");
	r[0].value = 21;
	s = run(&in, 2024);
	ok(strcmp(code(&s, IK_LOW), "yes") == 0, "unweighted mean exactly 30%%: НРО");
	r[0].year = r[1].year = r[2].year = r[3].year = 2021;
	s = run(&in, 2024);
	ok(s.kind[IK_LOW].code == NULL, "R3 without the year's data: no proposal");
}

static struct ident_school social(double v, enum social_status st)
{
	struct ident_social soc = { SCHOOL, 2023, v, st };
	struct ident_input in = input(CFG_004, NULL, 0);

	in.soc = &soc;
	in.nsoc = 1;
	return run(&in, 2024);
}

static void test_social(void)
{
	struct ident_school s = social(-8, SOC__MAX);

	ok(strcmp(code(&s, IK_SOCIAL), "yes") == 0 && s.status == SOC_UNFAVOURABLE, "−8 inclusive: ФНСУ");
	ok(has(&s.kind[IK_SOCIAL], "2023: −8 — в интервале от −8 до −3"), "reason with «−» signs");
	s = social(-3, SOC__MAX);
	ok(strcmp(code(&s, IK_SOCIAL), "yes") == 0, "−3 inclusive: ФНСУ");
	s = social(-9, SOC__MAX);
	ok(strcmp(code(&s, IK_SOCIAL), "no") == 0 && s.kind[IK_SOCIAL].review && has(&s.kind[IK_SOCIAL], "требует проверки"),
	   "−9: below the interval, flagged for review");
	s = social(-2.9, SOC_NEUTRAL);
	ok(strcmp(code(&s, IK_SOCIAL), "no") == 0 && !s.kind[IK_SOCIAL].review && s.status == SOC_NEUTRAL,
	   "−2,9: outside, the entered status kept");
	s = social(-5, SOC__MAX);
	ok(s.kind[IK_SOCIAL].why.n == 1, "one reason line");
	struct ident_input none = input(CFG_004, NULL, 0);
	s = run(&none, 2024);
	ok(s.kind[IK_SOCIAL].code == NULL && s.status == SOC__MAX, "no index: no proposal");

	struct ident_social all[] = { { 1, 2023, -8, SOC__MAX }, { 2, 2023, -3, SOC__MAX }, { 3, 2023, -9, SOC__MAX },
				      { 4, 2023, 0, SOC__MAX }, { 5, 2022, -5, SOC__MAX } };
	int unf, total;

	ident_social_count(all, 5, &CFG_004, 2023, &unf, &total);
	ok(unf == 2 && total == 4, "share of unfavourable schools for indicators: 2 of 4");
}

static void test_matrix(void)
{
	static const enum matrix_category want[SOC__MAX][LVL__MAX] = {
		/* high       medium      low */
		{ MX_NONE,      MX_NONE, MX_CRISIS },   /* favourable */
		{ MX_RESILIENT, MX_RISK, MX_CRISIS },   /* neutral */
		{ MX_RESILIENT, MX_RISK, MX_CRISIS },   /* unfavourable */
	};

	for (int s = 0; s < SOC__MAX; s++)
		for (int l = 0; l < LVL__MAX; l++)
			ok(ident_matrix((enum social_status)s, (enum result_level)l) == want[s][l], "matrix %s × %s",
			   social_status_v[s].code, result_level_v[l].code);
	ok(ident_matrix(SOC__MAX, LVL_LOW) == MX_NONE && ident_matrix(SOC_NEUTRAL, LVL__MAX) == MX_NONE,
	   "unknown status or level: no cell");
}

static enum dynamics dyn(double d_rus, double d_math, int n, bool flag, struct ident_lines *why)
{
	struct ident_result r[] = {
		R(PROC_VPR, "Русский язык", 5, 2022, MET_PASS, 80, 25),
		R(PROC_VPR, "Русский язык", 6, 2023, MET_PASS, 80 + d_rus, n),
		R(PROC_VPR, "Математика", 6, 2022, MET_SHARE2, 20, 25),
		R(PROC_VPR, "Математика", 7, 2023, MET_SHARE2, 20 - d_math, 25),
		R(PROC_VPR, "Русский язык", 6, 2022, MET_PASS, 10, 25),   /* another cohort's year: not compared */
	};
	struct ident_flag f = { SCHOOL, 2022, PROC_VPR };
	struct ident_input in = input(CFG_004, r, 5);
	bool caveat;

	if (flag) {
		in.flags = &f;
		in.nflags = 1;
	}
	memset(why, 0, sizeof *why);
	return ident_dynamics(&A, &in, SCHOOL, 2023, &caveat, why);
}

static bool line(const struct ident_lines *l, const char *s)
{
	for (size_t i = 0; i < l->n; i++)
		if (strstr(l->v[i], s))
			return true;
	return false;
}

static void test_dynamics(void)
{
	struct ident_lines why;

	ok(dyn(5, 0, 25, false, &why) == DYN_POS, "+5 inclusive: positive");
	ok(line(&why, "ВПР русский язык: 5 кл. 2022 → 6 кл. 2023: успеваемость 80% → 85%, +5 п. п. — положительная динамика"),
	   "dynamics reason line");
	ok(dyn(4.9, 0, 25, false, &why) == DYN_STABLE, "+4,9: stable");
	ok(dyn(-5, 0, 25, false, &why) == DYN_NEG, "−5 inclusive: negative");
	ok(dyn(-4.9, 4.9, 25, false, &why) == DYN_STABLE, "−4,9 and +4,9: stable");
	ok(dyn(6, -6, 25, false, &why) == DYN_NEG, "any negative subject: negative");
	ok(line(&why, "ВПР математика: 6 кл. 2022 → 7 кл. 2023"), "maths via 100 − share of «2»");
	ok(dyn(6, 0, 25, true, &why) == DYN_STABLE && line(&why, "Признаки необъективности"),
	   "non-objectivity: never auto-positive, caveat shown");
	ok(dyn(-6, 0, 25, true, &why) == DYN_NEG, "non-objectivity does not hide a negative class");
	ok(dyn(-20, 0, 5, false, &why) == DYN_STABLE && line(&why, "N = 5 < 10"), "small cohort not used");
	struct ident_input none = input(CFG_004, NULL, 0);
	ok(ident_dynamics(&A, &none, SCHOOL, 2023, NULL, NULL) == DYN__MAX, "no data: no class (reasons optional)");
	struct ident_result r[] = { R(PROC_VPR, "Русский язык", 5, 2022, MET_PASS, 80, 25),
				    R(PROC_VPR, "Русский язык", 6, 2023, MET_PASS, 70, 25) };
	struct ident_input in = input(CFG_004, r, 2);
	struct ident_school s = run(&in, 2024);
	ok(strcmp(code(&s, IK_DYNAMICS), "neg") == 0, "ident_school compares list year − 2 with − 1");
	in.cfg.dynamics_pp = 10;
	s = run(&in, 2024);
	ok(strcmp(code(&s, IK_DYNAMICS), "neg") == 0, "−10 with a 10 p.p. tolerance: negative");
	in.cfg.dynamics_pp = 11;
	s = run(&in, 2024);
	ok(strcmp(code(&s, IK_DYNAMICS), "stable") == 0, "tolerance from the settings");
}

static void test_other_school_and_helpers(void)
{
	struct ident_result r[] = { R(PROC_VPR, "Математика", 5, 2023, MET_SHARE2, 90, 25),
				    R(PROC_VPR, "Математика", 6, 2023, MET_SHARE2, 90, 25) };
	r[0].school_id = r[1].school_id = OTHER;
	struct ident_input in = input(CFG_001, r, 2);
	struct ident_school s = run(&in, 2024);
	size_t n;

	ok(s.kind[IK_LOW].code == NULL, "another school's rows are not this school's");
	ok(strcmp(ident_num(&A, 6.66), "6,7") == 0 && strcmp(ident_num(&A, -0.01), "0") == 0 &&
	   strcmp(ident_num(&A, 34), "34") == 0, "numbers: decimal comma, no «−0»");
	ok(ident_choices(IK_LOW, &n) == ident_answer_v && n == ANS__MAX, "low: да/нет");
	ok(ident_choices(IK_LEVEL, &n) == result_level_v && n == LVL__MAX, "level: the levels");
	ok(ident_programme(RULE_SHNOR, IK_LOW) == PROG_SHNOR && ident_programme(RULE_SHNOR, IK_SOCIAL) == PROG_SHNSU &&
	   ident_programme(RULE_NRO, IK_LOW) == PROG_NRO && ident_programme(RULE_NRO, IK_SOCIAL) == PROG_FNSU &&
	   ident_programme(RULE_NRO, IK_LEVEL) == PROG__MAX, "programmes by rule");
}

int main(void)
{
	if (arena_init(&A, 1 << 16, 8 << 20) != 0)
		return 1;
	test_r1_r2();
	test_retake_and_small();
	test_pass_only();
	test_nro_exact();
	test_social();
	test_matrix();
	test_dynamics();
	test_other_school_and_helpers();
	arena_free(&A);
	return ok_done();
}
