/*
 * test-ident.c: identification over HTTP: results and a social index put into
 * the database give a proposal with its reasons; the coordinator overrides it
 * only with a comment (else 422 and nothing changes), confirmations and
 * overrides set the programme's list and keep their history; a settings change
 * shows in the next proposal; curators read, school administrators and
 * anonymous visitors cannot; hostile years, comments and kinds get 4xx.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "e2e.h"
#include "tap.h"

#define PAGE "/ust-ilimsk/identification/"
#define SOSH1 "(SELECT id FROM school WHERE slug = 'sosh-1' AND municipality_id = " \
	"(SELECT id FROM municipality WHERE slug = 'ust-ilimsk'))"
#define MUNI_ID "(SELECT id FROM municipality WHERE slug = 'ust-ilimsk')"

static const char DATA[] =
	"INSERT INTO result (municipality_id, scope, school_id, procedure, subject, grade, year, metric, value,"
	" raw, n_participants, stage, source) VALUES"
	" (" MUNI_ID ", 'school', " SOSH1 ", 'vpr', 'Математика', 5, 2021, 'share2', 34, '34', 25, 'main', 't'),"
	" (" MUNI_ID ", 'school', " SOSH1 ", 'vpr', 'Русский язык', 5, 2021, 'share2', 30, '30', 20, 'main', 't'),"
	" (" MUNI_ID ", 'school', " SOSH1 ", 'vpr', 'История', 6, 2021, 'share2', 80, '80', 4, 'main', 't'),"
	" (" MUNI_ID ", 'school', " SOSH1 ", 'vpr', 'Математика', 5, 2020, 'pass', 80, '80', 25, 'main', 't'),"
	" (" MUNI_ID ", 'school', " SOSH1 ", 'vpr', 'Математика', 6, 2021, 'pass', 70, '70', 25, 'main', 't');"
	"INSERT INTO social_index (school_id, year, value, source) VALUES (" SOSH1 ", 2022, -5, 't');";

static int count(struct e2e *e, const char *sql)
{
	return (int)e2e_count(e, "%s", sql);
}

static char *get(struct e2e_browser *b, const char *path, int *status)
{
	struct e2e_resp r;
	char *body;

	*status = e2e_b_get(b, path, &r);
	body = r.body;
	r.body = NULL;
	e2e_resp_free(&r);
	return body ? body : calloc(1, 1);
}

static int decide(struct e2e_browser *b, const char *kind, const char *decided, const char *comment,
		  const char *year, const char *school)
{
	struct e2e_resp r;
	int status = e2e_b_post_pairs(b, PAGE "decide",
				      (const char *const[]){ "school", school, "kind", kind, "year", year,
							     "decided", decided, "comment", comment, NULL },
				      &r);

	e2e_resp_free(&r);
	return status;
}

#define DECISIONS "SELECT count(*) FROM ident_decision"
#define SHNOR_2022 "SELECT count(*) FROM membership WHERE programme = 'shnor' AND year = 2022 AND school_id = " SOSH1

static void coordinator(struct e2e *e, struct e2e_browser *b)
{
	int st;
	char *body = get(b, PAGE, &st);

	ok(st == 200, "coordinator sees the identification page");
	free(body);
	body = get(b, "/cabinet/", &st);
	ok(st == 200 && strstr(body, "href=\"/ust-ilimsk/identification/\""), "the cabinet links to the page");
	free(body);
	body = get(b, PAGE, &st);
	ok(strstr(body, "список 2022 года") != NULL, "default list year: the year after the latest results");
	ok(strstr(body, "ВПР-5 математика 2021: 34% «2» ≥ 30%") != NULL, "R1 reason line shown");
	ok(strstr(body, "ВПР-6 история 2021: N = 4 &lt; 10 — данных недостаточно") != NULL ||
	   strstr(body, "ВПР-6 история 2021: N = 4 < 10") != NULL, "small group said so");
	ok(strstr(body, "Индекс социального благополучия 2022: −5 — в интервале от −8 до −3") != NULL,
	   "R4 reason line shown");
	ok(strstr(body, "отрицательная динамика") != NULL, "R6 cohort dynamics shown");
	ok(strstr(body, "Сохранить решение") != NULL, "the coordinator gets the decision forms");
	ok(strstr(body, "Социальный статус × уровень") != NULL, "the 3 × 3 matrix is shown");
	free(body);

	int before = count(e, SHNOR_2022);

	ok(before == 1, "sosh-1 is on the seed's ШНОР list for 2022");
	ok(decide(b, "low", "no", "", "2022", "sosh-1") == 422, "override without a comment: 422");
	ok(count(e, DECISIONS) == 0 && count(e, SHNOR_2022) == 1, "nothing changed");
	ok(decide(b, "low", "yes", "", "2022", "sosh-1") == 303, "confirming the proposal needs no comment");
	ok(count(e, DECISIONS) == 1 && count(e, SHNOR_2022) == 1, "decision stored, membership kept");
	ok(decide(b, "low", "no", "Результаты подтверждены перепроверкой", "2022", "sosh-1") == 303,
	   "override with a comment: 303");
	ok(count(e, DECISIONS) == 2 && count(e, SHNOR_2022) == 0, "membership removed, history kept");
	ok(count(e, "SELECT count(*) FROM audit WHERE action = 'ident_decide'") == 2, "each decision audited");
	ok(decide(b, "social", "yes", "", "2022", "sosh-1") == 303 &&
	   count(e, "SELECT count(*) FROM membership WHERE programme = 'shnsu' AND year = 2022 AND school_id = "
		    SOSH1) == 1, "a confirmed social decision puts the school on ШНСУ");
	ok(decide(b, "level", "high", "", "2022", "sosh-2") == 303, "a level without a proposal needs no comment");

	body = get(b, PAGE "schools/sosh-1/", &st);
	ok(st == 200 && strstr(body, "Результаты подтверждены перепроверкой") && strstr(body, "решение — да") &&
	   strstr(body, "решение — нет"), "the school's history shows both decisions");
	free(body);
	body = get(b, PAGE, &st);
	ok(strstr(body, "Решение: <strong>нет</strong>") != NULL, "the decision in force is the newest");
	free(body);

	body = get(b, PAGE "export.csv", &st);
	ok(st == 200 && strstr(body, "Низкие результаты: предложение") && strstr(body, "СОШ № 1"),
	   "CSV export of the table");
	free(body);
	struct e2e_resp r;
	ok(e2e_b_get(b, PAGE "export.xlsx", &r) == 200 && r.len > 1000 && memcmp(r.body, "PK", 2) == 0,
	   "XLSX export through nginx: a zip");
	e2e_resp_free(&r);
}

static void settings(struct e2e *e, struct e2e_browser *b)
{
	const char *pairs[] = { "_csrf", e2e_csrf(b), "rule", "shnor", "low_share", "35", "low_count", "2",
				"min_group", "10", "social_lo", "-8", "social_hi", "-3", "dynamics_pp", "5", NULL };
	char *form = e2e_form(pairs);
	struct e2e_resp r;
	int st;

	ok(e2e_b_post(b, PAGE "settings", form, NULL, &r) == 303, "settings saved");
	e2e_resp_free(&r);
	free(form);
	ok(count(e, "SELECT count(*) FROM audit WHERE action = 'ident_settings'") == 1, "settings audited");
	char *body = get(b, PAGE, &st);

	ok(strstr(body, "ВПР-5 математика 2021: 34% «2» &lt; 35%") || strstr(body, "34% «2» < 35%"),
	   "the new threshold shows in the next proposal");
	free(body);

	pairs[1] = e2e_csrf(b);
	pairs[11] = "-2";
	pairs[13] = "-3,5";   /* social_lo -2 above social_hi -3,5 */
	form = e2e_form(pairs);
	ok(e2e_b_post(b, PAGE "settings", form, NULL, &r) == 422 && strstr(r.body, "Проверьте пороги"),
	   "inverted social interval: 422 with a message");
	e2e_resp_free(&r);
	free(form);
	ok(count(e, "SELECT count(*) FROM ident_config WHERE low_share = 35 AND social_lo = -8 AND municipality_id = "
		    MUNI_ID) == 1, "settings unchanged");
}

static void hostile(struct e2e *e, struct e2e_browser *b)
{
	char huge[3001];
	int st;

	memset(huge, 'x', sizeof huge - 1);
	huge[sizeof huge - 1] = '\0';
	free(get(b, PAGE "?year=abc", &st));
	ok(st == 400, "bad year: 400");
	free(get(b, PAGE "?year=1999", &st));
	ok(st == 400, "year out of range: 400");
	free(get(b, PAGE "export.csv?year=%3Cscript%3E", &st));
	ok(st == 400, "bad year on the export: 400");
	int n = count(e, DECISIONS);

	ok(decide(b, "low", "no", huge, "2022", "sosh-1") == 422, "huge comment: 422");
	ok(decide(b, "bogus", "yes", "x", "2022", "sosh-1") == 422, "unknown kind: 422");
	ok(decide(b, "level", "yes", "x", "2022", "sosh-1") == 422, "a decision the kind does not take: 422");
	ok(decide(b, "low", "no", "x", "20x2", "sosh-1") == 422, "bad year in the form: 422");
	ok(decide(b, "low", "", "x", "2022", "sosh-1") == 422, "no decision chosen: 422");
	ok(decide(b, "low", "no", "x", "2022", "no-such-school") == 404, "unknown school: 404");
	ok(count(e, DECISIONS) == n, "nothing stored");
}

static void others(struct e2e *e)
{
	struct e2e_browser *cur = e2e_browser_new(e), *sch = e2e_browser_new(e), *anon = e2e_browser_new(e),
			   *far = e2e_browser_new(e);
	int st;
	int n = count(e, DECISIONS);

	ok(e2e_login(cur, "curator-ust-ilimsk", e2e_password(e, "curator-ust-ilimsk"), NULL) == 303, "curator login");
	char *body = get(cur, PAGE, &st);

	ok(st == 200 && !strstr(body, "Сохранить решение"), "a curator reads without the forms");
	free(body);
	ok(decide(cur, "low", "yes", "x", "2022", "sosh-1") == 403, "a curator cannot decide");
	body = get(cur, PAGE "settings", &st);
	ok(st == 200 && body && strstr(body, "<fieldset disabled>") && !strstr(body, "Сохранить настройки"),
	   "a curator sees the settings read-only");
	free(body);
	ok(e2e_login(sch, "school-sosh-5", e2e_password(e, "school-sosh-5"), NULL) == 303, "school login");
	free(get(sch, PAGE, &st));
	ok(st == 403, "a school administrator cannot see the page");
	ok(decide(sch, "low", "yes", "x", "2022", "sosh-5") == 403, "a school administrator cannot decide");
	free(get(anon, PAGE, &st));
	ok(st == 303, "anonymous: sent to the login page");
	ok(decide(anon, "low", "yes", "x", "2022", "sosh-1") == 403, "anonymous cannot decide");
	ok(e2e_login(far, "coord-dalnerechensk", e2e_password(e, "coord-dalnerechensk"), NULL) == 303,
	   "another municipality's coordinator logs in");
	free(get(far, PAGE, &st));
	ok(st == 403, "another municipality's coordinator cannot see the page");
	ok(decide(far, "low", "yes", "x", "2022", "sosh-1") == 403, "nor decide");
	free(get(far, "/dalnerechensk/identification/", &st));
	ok(st == 200, "but sees their own");
	ok(count(e, DECISIONS) == n, "nothing stored by them");
	e2e_browser_free(cur);
	e2e_browser_free(sch);
	e2e_browser_free(anon);
	e2e_browser_free(far);
}

int main(void)
{
	struct e2e *e = e2e_start();

	if (!e) {
		ok(0, "stack started");
		return ok_done();
	}
	struct e2e_browser *b = e2e_browser_new(e);

	ok(e2e_exec(e, "%s", DATA), "test results and social index inserted");
	ok(e2e_login(b, "coord-ust-ilimsk", e2e_password(e, "coord-ust-ilimsk"), NULL) == 303, "coordinator login");
	coordinator(e, b);
	settings(e, b);
	hostile(e, b);
	others(e);
	e2e_browser_free(b);
	e2e_stop(e);
	return ok_done();
}
