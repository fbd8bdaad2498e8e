/* test_indicator.c: the plan-versus-fact verdicts, the grid of indicators × years, and the number reading and printing they use. */
#include <string.h>

#include "arena.h"
#include "indicator.h"
#include "tap.h"
#include "valid.h"
#include "view.h"

static enum pf_status verdict(const char *plan, const char *fact, bool lower)
{
	struct indicator_cell c = { .plan_raw = plan, .fact_raw = fact };

	c.has_plan = plan && valid_decimal(plan, &c.plan);
	c.has_fact = fact && valid_decimal(fact, &c.fact);
	return indicator_status(&c, lower);
}

static void verdicts(void)
{
	ok(verdict("61%", "61", false) == PF_MET, "a fact equal to its target meets it");
	ok(verdict("61%", "60,9", false) == PF_MISSED, "60,9 against 61%%: missed");
	ok(verdict("20%", "25 %", true) == PF_MISSED && verdict("20%", "20", true) == PF_MET,
	   "lower is better: 25 misses 20, 20 meets it");
	ok(verdict("да", "Да", false) == PF_MET && verdict("да", "нет", false) == PF_MISSED,
	   "«да»/«нет» compare as words, in any case");
	ok(verdict("а", "да", false) == PF_INCOMPARABLE && verdict("61%", "да", false) == PF_INCOMPARABLE,
	   "a number against a word, or an unreadable target: incomparable");
	ok(verdict("61%", NULL, false) == PF_NO_FACT && verdict(NULL, "5", false) == PF_NO_PLAN &&
	   verdict(NULL, NULL, false) == PF_EMPTY, "no fact, no target, neither");
}

static void numbers(void)
{
	double v = 0;

	ok(valid_decimal("28,6", &v) && v == 28.6, "«28,6» reads as 28.6");
	ok(valid_decimal(" 61 % ", &v) && v == 61, "«61 %%» with spaces reads as 61");
	ok(valid_decimal("−8", &v) && v == -8 && valid_decimal("-3", &v) && v == -3,
	   "the minus sign U+2212 and the hyphen-minus both read");
	ok(!valid_decimal("", &v) && !valid_decimal("да", &v) && !valid_decimal("5%%", &v) &&
	   !valid_decimal("1e999", &v) && !valid_decimal("nan", &v) && !valid_decimal("12abc", &v) &&
	   !valid_decimal("0x10", &v), "empty, words, two «%%», overflow, NaN, trailing text and hex are refused");

	struct arena arena, *a = &arena;

	ok(arena_init(a, 4096, 1 << 20) == 0 && strcmp(view_decimal(a, 28.6), "28,6") == 0 && strcmp(view_decimal(a, 100), "100") == 0 &&
	   strcmp(view_decimal(a, -2.5), "−2,5") == 0 && strcmp(view_decimal(a, -0.04), "0") == 0,
	   "printing: «28,6», «100», «−2,5», and a tiny negative as «0»");
	arena_free(a);
}

static void grid(void)
{
	struct indicator_pf rows[] = {
		{ .id = 1, .code = "1", .year = 2023, .plan_raw = "50%", .plan = 50, .has_plan = true },
		{ .id = 1, .code = "1", .year = 2022, .plan_raw = "40%", .plan = 40, .has_plan = true,
		  .fact_raw = "45", .fact = 45, .has_fact = true },
		{ .id = 2, .code = "1.2", .compute = "social_share", .lower_better = true },
	};
	int extra[] = { 2024 };
	struct arena arena, *a = &arena;
	struct indicator_grid g;
	int with_plan, met;

	ok(arena_init(a, 1 << 16, 1 << 20) == 0 && indicator_grid_build(a, rows, 3, extra, 1, &g) == 0 && g.nind == 2 && g.nyears == 3 &&
	   g.years[0] == 2022 && g.years[2] == 2024, "two indicators over 2022–2024, years sorted");
	ok(indicator_cell_at(&g, 0, 0)->status == PF_MET && indicator_cell_at(&g, 0, 0)->gap == 5 &&
	   indicator_cell_at(&g, 0, 1)->status == PF_NO_FACT && indicator_cell_at(&g, 1, 2)->status == PF_EMPTY,
	   "verdicts in place: met by +5, no fact, empty");
	indicator_year_count(&g, 0, &with_plan, &met);
	ok(with_plan == 1 && met == 1, "2022: 1 of 1 indicators with a target met");
	arena_free(a);
}

int main(void)
{
	verdicts();
	numbers();
	grid();
	return ok_done();
}
