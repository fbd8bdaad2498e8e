/*
 * test-indicators.c: the programme's indicators over HTTP: plan against fact per
 * year with the verdict and the gap, a chart with its data table per numeric
 * indicator, the downloads as shown; the coordinator enters, corrects and clears
 * facts (audited, shown on the next public load); the portal computes seed 004's
 * share of schools with an unfavourable social index; bad input is a 4xx that
 * changes nothing; only the municipality's coordinator and the admin may enter.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "e2e.h"
#include "tap.h"

#define MUNI "/ust-ilimsk"
#define FACT_SQL \
	"SELECT f.raw || '|' || coalesce(f.value, '') FROM indicator_fact f" \
	" JOIN indicator i ON i.id = f.indicator_id JOIN municipality m ON m.id = i.municipality_id" \
	" WHERE m.slug = '%q' AND i.code = '%q' AND f.year = %d"

/* Occurrences of `needle` in `s`. */
static int count_of(const char *s, const char *needle)
{
	int n = 0;

	for (const char *p = s; p && (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

/* POSTs one fact with the session's CSRF token; returns the status. */
static int post_fact(struct e2e_browser *b, const char *muni, const char *code, const char *year,
		     const char *fact, char **body)
{
	char path[64];
	struct e2e_resp r;
	const char *pairs[] = { "code", code, "year", year, "fact", fact, NULL };
	int status;

	snprintf(path, sizeof path, "/%s/indicators/facts", muni);
	status = e2e_b_post_pairs(b, path, pairs, &r);
	if (body) {
		*body = r.body;
		r.body = NULL;
	}
	e2e_resp_free(&r);
	return status;
}

/* The stored fact "raw|value" of an indicator, or "" when none; malloc'd. */
static char *fact_of(struct e2e *e, const char *muni, const char *code, int year)
{
	char *rows = e2e_query(e, FACT_SQL, muni, code, year);

	if (rows && *rows)
		rows[strlen(rows) - 1] = '\0';
	return rows;
}

static void public_page(struct e2e *e)
{
	int status;
	char *body = e2e_body(e, NULL, MUNI "/indicators/", &status);

	ok(status == 200 && body && strstr(body, "<caption id=\"t-ind\">План и факт по годам</caption>") &&
	   count_of(body, "<th scope=\"col\">2022</th>") == 1 && count_of(body, "<th scope=\"col\">2024</th>") == 1,
	   "the public page: one table, the target years 2022–2024 as columns");
	ok(body && count_of(body, "pf-nodata\">нет данных") == 33,
	   "before any fact every one of the 11 × 3 targets says «нет данных»");
	ok(body && count_of(body, "<svg ") == 10 && count_of(body, "<table class=\"chart-data\">") == 10 &&
	   count_of(body, "role=\"img\" aria-labelledby=\"chart-") == 10,
	   "10 numeric indicators: 10 charts, each an image with a text alternative and its data table");
	ok(body && strstr(body, "<title id=\"chart-1-t\">Показатель 1, план и факт по годам: 2022 — план 61%, факт —;"),
	   "the chart's text alternative lists its values");
	free(body);
	body = e2e_body(e, NULL, MUNI "/", &status);
	ok(status == 200 && body && strstr(body, "href=\"" MUNI "/indicators/\""),
	   "the municipality's page links to the indicators");
	free(body);
}

static void enter_facts(struct e2e *e, struct e2e_browser *coord)
{
	int status;
	char *body = e2e_body(e, coord, MUNI "/indicators/", &status), *fact = NULL;

	ok(status == 200 && body && strstr(body, "href=\"" MUNI "/indicators/facts\""),
	   "the coordinator sees the link to the facts form");
	free(body);
	body = e2e_body(e, coord, MUNI "/indicators/facts?year=2022", &status);
	ok(status == 200 && body && strstr(body, "<label for=\"fact-1\">1. Доля учащихся 1-х-4-х классов") &&
	   strstr(body, "План на 2022 год: 61%.") && count_of(body, "name=\"fact\"") == 11,
	   "the facts form of 2022: one labelled field per indicator with its target");
	free(body);

	long long audits = e2e_count(e, "SELECT count(*) FROM audit WHERE action = 'indicator_fact'");
	ok(post_fact(coord, "ust-ilimsk", "1", "2022", "58,5 %", NULL) == 303 &&
	   (fact = fact_of(e, "ust-ilimsk", "1", 2022)) && strcmp(fact, "58,5 %|58.5") == 0,
	   "«58,5 %%» is stored as typed with the number 58.5");
	free(fact);
	ok(e2e_count(e, "SELECT count(*) FROM audit WHERE action = 'indicator_fact'"
			" AND detail LIKE '%%1, 2022: 58,5 %%'") == 1 &&
	   e2e_count(e, "SELECT count(*) FROM audit WHERE action = 'indicator_fact'") == audits + 1,
	   "one audit row names the indicator, the year and the value");
	ok(post_fact(coord, "ust-ilimsk", "2", "2022", "74", NULL) == 303 &&
	   post_fact(coord, "ust-ilimsk", "11", "2022", "да", NULL) == 303 &&
	   post_fact(coord, "ust-ilimsk", "11", "2024", "да", NULL) == 303,
	   "more facts: 74 against 73, «да» against «да» and against the printed «а»");

	body = e2e_body(e, NULL, MUNI "/indicators/", &status);
	ok(status == 200 && body && strstr(body, "факт: 58,5 %</span> <span class=\"pf-status pf-missed\">не достигнуто (−2,5)"),
	   "anonymous visitors see the new fact at once: 58,5 against 61 is missed by −2,5");
	ok(body && strstr(body, "факт: 74</span> <span class=\"pf-status pf-met\">достигнуто (+1)"),
	   "74 against 73: met, +1");
	ok(body && strstr(body, "факт: да</span> <span class=\"pf-status pf-met\">достигнуто</span>") &&
	   strstr(body, "план: а</span> <span class=\"pf-line\">факт: да</span> <span class=\"pf-status pf-nodata\">несопоставимо"),
	   "«да» meets «да»; against the OCR's «а» it is «несопоставимо»");
	ok(body && strstr(body, "2024 год: достигнуто <strong>0</strong> из 11"),
	   "the summary is of the latest year with a fact: 0 of 11 met in 2024");
	free(body);

	body = e2e_body(e, coord, MUNI "/dashboard/", &status);
	ok(status == 200 && body && strstr(body, "<dt>Показатели: достигнуто из имеющих целевое значение</dt><dd>2 из 11</dd>") &&
	   strstr(body, "<td>73%</td><td>74</td><td><span class=\"pf-status pf-met\">достигнуто</span></td><td>101,4</td>") &&
	   strstr(body, "<svg role=\"img\" aria-labelledby=\"c-indicators\""),
	   "the coordinator's dashboard counts 2 of 11 met in 2022 and draws the plan's fulfilment (74 of 73: 101,4%%)");
	free(body);
	body = e2e_body(e, coord, MUNI "/dashboard/indicators.csv", &status);
	ok(status == 200 && body && strstr(body, "№;Показатель;План;Факт;Итог;\"Исполнение плана, %\"") &&
	   strstr(body, ";73%;74;достигнуто;\"101,4\""), "the dashboard's indicator view downloads as shown");
	free(body);

	body = e2e_body(e, NULL, MUNI "/indicators/export.csv", &status);
	ok(status == 200 && body && strstr(body, "№;Показатель;План 2022;Факт 2022;Итог 2022;") &&
	   strstr(body, ";61%;\"58,5 %\";не достигнуто;59%;;нет данных;"),
	   "the CSV holds the table as shown");
	free(body);

	ok(post_fact(coord, "ust-ilimsk", "1", "2022", "", NULL) == 303 &&
	   e2e_count(e, "SELECT count(*) FROM indicator_fact f JOIN indicator i ON i.id = f.indicator_id"
			" WHERE i.code = '1' AND f.year = 2022") == 0,
	   "an empty value clears the fact");
}

static void refusals(struct e2e *e, struct e2e_browser *coord, struct e2e_browser *school,
		     struct e2e_browser *curator, struct e2e_browser *other)
{
	char long_value[80], *body = NULL;
	long long facts = e2e_count(e, "SELECT count(*) FROM indicator_fact"),
		  audits = e2e_count(e, "SELECT count(*) FROM audit");
	int status;

	memset(long_value, 'x', 65);
	long_value[65] = '\0';
	ok(post_fact(coord, "ust-ilimsk", "2", "2023", long_value, &body) == 422 && body &&
	   strstr(body, "Значение длиннее 64 символов") && strstr(body, "aria-describedby=\"fact-2-hint fact-2-err\""),
	   "a value over 64 characters: 422 with the message beside its field");
	free(body);
	ok(post_fact(coord, "ust-ilimsk", "99", "2023", "5", NULL) == 422 &&
	   post_fact(coord, "ust-ilimsk", "2", "20x3", "5", NULL) == 422 &&
	   post_fact(coord, "ust-ilimsk", "2", "1999", "5", NULL) == 422 &&
	   post_fact(coord, "ust-ilimsk", "<script>", "2023", "5", NULL) == 422,
	   "an unknown indicator, a malformed or out-of-range year: 422");
	ok(post_fact(school, "ust-ilimsk", "2", "2023", "5", NULL) == 403 &&
	   post_fact(curator, "ust-ilimsk", "2", "2023", "5", NULL) == 403 &&
	   post_fact(other, "ust-ilimsk", "2", "2023", "5", NULL) == 403,
	   "a school, a curator and another municipality's coordinator: 403");
	const char *no_csrf = "code=2&year=2023&fact=5";
	struct e2e_resp r;

	ok(e2e_request(e, "POST", MUNI "/indicators/facts", NULL, &r) == 403, "anonymous POST: 403");
	e2e_resp_free(&r);
	ok(e2e_b_post(coord, MUNI "/indicators/facts", no_csrf, NULL, &r) == 403, "no CSRF token: 403");
	e2e_resp_free(&r);
	ok(e2e_count(e, "SELECT count(*) FROM indicator_fact") == facts &&
	   e2e_count(e, "SELECT count(*) FROM audit") == audits, "none of them changed anything");
	free(e2e_body(e, coord, MUNI "/indicators/facts?year=abc", &status));
	ok(status == 400, "a malformed year in the form's URL: 400");
	free(e2e_body(e, NULL, MUNI "/indicators/facts", &status));
	ok(status == 303, "the anonymous facts form goes to the login");
}

static void computed(struct e2e *e, struct e2e_browser *izhevsk)
{
	int status;
	char *body;

	ok(e2e_exec(e, "INSERT INTO social_index (school_id, year, value, source)"
		       " SELECT s.id, 2023, CASE WHEN s.rowid %% 2 THEN -5 ELSE 2 END, 'test'"
		       " FROM school s JOIN municipality m ON m.id = s.municipality_id WHERE m.slug = 'izhevsk'"),
	   "social index of Izhevsk's schools for 2023 loaded");
	long long within = e2e_count(e, "SELECT count(*) FROM social_index WHERE value = -5"),
		  all = e2e_count(e, "SELECT count(*) FROM social_index");
	char expect[96];

	snprintf(expect, sizeof expect, "факт: %lld%%*", 100 * within / all);
	body = e2e_body(e, NULL, "/izhevsk/indicators/", &status);
	ok(status == 200 && body && all == 2 && strstr(body, "<th scope=\"col\">2023</th>") && strstr(body, expect) &&
	   strstr(body, "(рассчитывается порталом)"),
	   "indicator 1.2 is computed: %lld of %lld schools in −8 … −3 (%s)", within, all, expect);
	free(body);

	/* ВПР cohorts 5 → 6 (2022 → 2023): the first school +10 p.p. in maths, the other −10 */
	ok(e2e_exec(e, "INSERT INTO result (municipality_id, scope, school_id, procedure, subject, grade, year,"
		       " metric, value, raw, n_participants, source)"
		       " SELECT s.municipality_id, 'school', s.id, 'vpr', 'Математика', x.grade, x.year, 'pass',"
		       "  CASE WHEN s.id = (SELECT min(id) FROM school WHERE municipality_id = s.municipality_id)"
		       "   THEN x.first ELSE x.second END, 'test', 25, 'test'"
		       " FROM school s JOIN municipality m ON m.id = s.municipality_id"
		       " JOIN (SELECT 5 AS grade, 2022 AS year, 60 AS first, 70 AS second"
		       "       UNION ALL SELECT 6, 2023, 70, 60) x"
		       " WHERE m.slug = 'izhevsk'"),
	   "ВПР results of Izhevsk's two schools for 2022 and 2023 loaded");
	body = e2e_body(e, NULL, "/izhevsk/indicators/", &status);
	char *row21 = body ? strstr(body, "id=\"i-2.1\"") : NULL, *row22 = body ? strstr(body, "id=\"i-2.2\"") : NULL,
	     *row23 = body ? strstr(body, "id=\"i-2.3\"") : NULL, *row31 = body ? strstr(body, "id=\"i-3.1\"") : NULL;

	ok(row21 && row22 && row23 && row31 && strstr(row21, "факт: 50%*") < row22 &&
	   strstr(row22, "факт: 50%*") < row23 && strstr(row23, "факт: 0%*") < row31,
	   "2.1–2.3 computed from the cohorts for 2023: positive 50%%, negative 50%%, stable 0%%");
	free(body);
	ok(post_fact(izhevsk, "izhevsk", "1.2", "2023", "40%", NULL) == 303 &&
	   (body = e2e_body(e, NULL, "/izhevsk/indicators/", &status)) && (row21 = strstr(body, "id=\"i-1.2\"")) &&
	   (row22 = strstr(row21, "id=\"i-1.3\"")) && strstr(row21, "факт: 40%</span>") < row22 &&
	   (!strstr(row21, expect) || strstr(row21, expect) > row22),
	   "a fact the coordinator enters takes the place of the computed one");
	free(body);
}

int main(void)
{
	struct e2e *e = e2e_start();

	if (!ok(e != NULL, "the stack starts"))
		return ok_done();
	struct e2e_browser *coord = e2e_browser_new(e), *curator = e2e_browser_new(e),
			   *school = e2e_browser_new(e), *other = e2e_browser_new(e),
			   *izhevsk = e2e_browser_new(e);

	ok(e2e_login(coord, "coord-ust-ilimsk", e2e_password(e, "coord-ust-ilimsk"), NULL) == 303 &&
	   e2e_login(curator, "curator-ust-ilimsk", e2e_password(e, "curator-ust-ilimsk"), NULL) == 303 &&
	   e2e_login(school, "school-sosh-5", e2e_password(e, "school-sosh-5"), NULL) == 303 &&
	   e2e_login(other, "coord-baley", e2e_password(e, "coord-baley"), NULL) == 303 &&
	   e2e_login(izhevsk, "coord-izhevsk", e2e_password(e, "coord-izhevsk"), NULL) == 303,
	   "coordinators, a curator and a school log in");
	public_page(e);
	enter_facts(e, coord);
	refusals(e, coord, school, curator, other);
	computed(e, izhevsk);
	e2e_browser_free(coord);
	e2e_browser_free(curator);
	e2e_browser_free(school);
	e2e_browser_free(other);
	e2e_browser_free(izhevsk);
	e2e_stop(e);
	return ok_done();
}
