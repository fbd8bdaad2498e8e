/*
 * test-roadmap-edit.c: roadmap editing over HTTP: the coordinator adds an item
 * (placed after its task's last item, scheduled at once), changes its deadline
 * (unworked occurrences replaced, a worked-on one kept), adds one under a new
 * task, moves an item within its task, removes it (gone from the table, the key
 * metric and the export, its own page says so) and restores it, each step in the
 * audit log; bad input re-shows the form (422) with Russian messages and what
 * was typed; curators, schools, other municipalities, anonymous users and
 * requests without the CSRF token change nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "e2e.h"
#include "tap.h"

#define MUNI "/ust-ilimsk"
#define ROADMAP_SQL \
	"SELECT r.id FROM roadmap r JOIN municipality m ON m.id = r.municipality_id" \
	" WHERE m.slug = 'ust-ilimsk' AND r.school_id IS NULL"

/* POSTs the pairs as a form; returns the status and, if `location` is not NULL,
 * copies the Location header into it. */
static int post(struct e2e_browser *b, const char *path, const char *const *pairs, char *location,
		size_t size, char **body)
{
	struct e2e_resp r;
	char *form = e2e_form(pairs);
	int status = e2e_b_post(b, path, form, NULL, &r);
	const char *loc = e2e_header(&r, "Location");

	if (location)
		snprintf(location, size, "%s", loc ? loc : "");
	if (body) {
		*body = r.body;
		r.body = NULL;
	}
	e2e_resp_free(&r);
	free(form);
	return status;
}

/* GETs a page and tells whether it holds `needle`; *status gets the status. */
static int page_has(struct e2e_browser *b, struct e2e *e, const char *path, const char *needle,
		    int *status)
{
	struct e2e_resp r;
	int s = b ? e2e_b_get(b, path, &r) : e2e_get(e, path, &r);
	int found = r.body && strstr(r.body, needle) != NULL;

	if (status)
		*status = s;
	e2e_resp_free(&r);
	return found;
}

/* M of «Подтверждено N из M» on the municipality's page: occurrences due so far. */
static int metric_due(struct e2e *e)
{
	struct e2e_resp r;
	const char *p;
	int n = -1, m = -1;

	if (e2e_get(e, MUNI "/", &r) == 200 && (p = strstr(r.body, "Подтверждено ")))
		sscanf(p + strlen("Подтверждено "), "%d из %d", &n, &m);
	e2e_resp_free(&r);
	return m;
}

/* The action codes of the audit lines about item `id`, comma-separated (malloc'd). */
static char *trail(struct e2e *e, long long id)
{
	char *t = e2e_query(e, "SELECT group_concat(action, ',') FROM (SELECT action FROM audit"
			       " WHERE item_id = %lld ORDER BY id)", id);

	if (t)
		t[strcspn(t, "\n")] = '\0';
	return t;
}

int main(void)
{
	struct e2e *e = e2e_start();
	struct e2e_resp r;
	char loc[256], path[256], item[128], other_item[128];
	char *body = NULL;
	int status;

	if (!ok(e != NULL, "the stack starts"))
		return ok_done();
	long long roadmap = e2e_count(e, ROADMAP_SQL);
	long long n_items = e2e_count(e, "SELECT count(*) FROM roadmap_item WHERE roadmap_id = %lld"
					 " AND removed_at IS NULL", roadmap);
	int due0 = metric_due(e);
	ok(roadmap > 0 && n_items > 0 && due0 == 58, "the roadmap has %lld items, 58 occurrences due", n_items);

	struct e2e_browser *coord = e2e_browser_new(e), *curator = e2e_browser_new(e),
			   *school = e2e_browser_new(e), *other = e2e_browser_new(e),
			   *admin = e2e_browser_new(e);
	ok(e2e_login(coord, "coord-ust-ilimsk", e2e_password(e, "coord-ust-ilimsk"), NULL) == 303 &&
	   e2e_login(curator, "curator-ust-ilimsk", e2e_password(e, "curator-ust-ilimsk"), NULL) == 303 &&
	   e2e_login(school, "school-sosh-5", e2e_password(e, "school-sosh-5"), NULL) == 303 &&
	   e2e_login(other, "coord-baley", e2e_password(e, "coord-baley"), NULL) == 303 &&
	   e2e_login(admin, "admin", e2e_password(e, "admin"), NULL) == 303,
	   "coordinator, curator, school, another municipality's coordinator and admin log in");

	/* who sees the editing links */
	ok(page_has(coord, e, MUNI "/roadmap/", "/roadmap/items/new?roadmap=", NULL),
	   "the coordinator's roadmap page links to the new item form");
	ok(!page_has(curator, e, MUNI "/roadmap/", "/roadmap/items/new?roadmap=", NULL) &&
	   !page_has(school, e, MUNI "/roadmap/", "/roadmap/items/new?roadmap=", NULL) &&
	   !page_has(NULL, e, MUNI "/roadmap/", "/roadmap/items/new?roadmap=", NULL),
	   "curator, school and anonymous users get no such link");
	ok(page_has(coord, e, MUNI "/roadmap/items/new", "<label for=\"measure\">Мероприятие</label>", &status) &&
	   status == 200, "the new item form, with labels");
	ok(page_has(coord, e, MUNI "/roadmap/items/new", "href=\"" MUNI "/roadmap/\">Отмена</a>", &status) &&
	   status == 200, "without ?roadmap= the item goes to the municipality's roadmap, and «Отмена» leads back there");
	ok(page_has(admin, e, MUNI "/roadmap/items/new", "name=\"number\"", &status) && status == 200,
	   "the region's admin may edit too");

	/* bad input: 422, the Russian message beside the field, what was typed kept */
	const char *no_measure[] = { "_csrf", e2e_csrf(coord), "task", "1", "number", "1.99",
				     "measure", "   ", "deadline", "Ежеквартально", NULL };
	ok(post(coord, MUNI "/roadmap/items", no_measure, NULL, 0, &body) == 422 && body &&
	   strstr(body, "id=\"measure-err\">Заполните это поле.") &&
	   strstr(body, "aria-describedby=\"measure-err\"") && strstr(body, "value=\"1.99\"") &&
	   strstr(body, "value=\"Ежеквартально\"") && strstr(body, "<option value=\"1\" selected>"),
	   "an empty measure: 422, «Заполните это поле.», the typed values kept");
	free(body);
	char long_measure[2100];
	memset(long_measure, 'x', 2001);
	long_measure[2001] = '\0';
	const char *too_long[] = { "_csrf", e2e_csrf(coord), "task", "1", "number", "1.99",
				   "measure", long_measure, NULL };
	ok(post(coord, MUNI "/roadmap/items", too_long, NULL, 0, &body) == 422 && body &&
	   strstr(body, "Слишком длинное значение."), "a measure over 2000 characters: 422");
	free(body);
	const char *bad_task[] = { "_csrf", e2e_csrf(coord), "task", "99", "number", "1.99",
				   "measure", "x", NULL };
	ok(post(coord, MUNI "/roadmap/items", bad_task, NULL, 0, &body) == 422 && body &&
	   strstr(body, "id=\"task-err\">Выберите значение из списка."), "an unknown task: 422");
	free(body);
	const char *no_title[] = { "_csrf", e2e_csrf(coord), "task", "new", "number", "1.99",
				   "measure", "x", NULL };
	ok(post(coord, MUNI "/roadmap/items", no_title, NULL, 0, &body) == 422 && body &&
	   strstr(body, "id=\"task_title-err\">Заполните это поле."), "a new task without a title: 422");
	free(body);
	const char *dup[] = { "_csrf", e2e_csrf(coord), "task", "1", "number", "3", "measure", "Дубль", NULL };
	ok(post(coord, MUNI "/roadmap/items", dup, NULL, 0, &body) == 422 && body &&
	   strstr(body, "Мероприятие № 3 уже есть в этой дорожной карте") &&
	   strstr(body, "aria-describedby=\"number-err\""), "a number already in the roadmap: 422, said in Russian");
	free(body);
	ok(e2e_count(e, "SELECT count(*) FROM roadmap_item WHERE roadmap_id = %lld", roadmap) == n_items,
	   "nothing stored by refused forms");

	/* add: after the last item of task 1, scheduled at once */
	long long last_of_task1 = e2e_count(e, "SELECT max(i.seq) FROM roadmap_item i JOIN roadmap_task t"
					       " ON t.id = i.task_id WHERE t.roadmap_id = %lld AND t.seq = 1",
					    roadmap);
	const char *add[] = { "_csrf", e2e_csrf(coord), "task", "1", "number", "1.99",
			      "measure", "Мониторинг <script>alert(1)</script>", "result", "Справка «итоги»",
			      "deadline", "Ежеквартально", "responsible", "Управление <b>образования</b>", NULL };
	ok(post(coord, MUNI "/roadmap/items", add, loc, sizeof loc, NULL) == 303 &&
	   strncmp(loc, MUNI "/roadmap/items/", strlen(MUNI "/roadmap/items/")) == 0,
	   "the coordinator adds an item: 303 to its page (%s)", loc);
	long long id = e2e_count(e, "SELECT id FROM roadmap_item WHERE roadmap_id = %lld AND number = '1.99'",
				 roadmap);
	snprintf(item, sizeof item, MUNI "/roadmap/items/%lld/", id);
	ok(id > 0 && strcmp(loc, item) == 0, "stored as item %lld", id);
	ok(e2e_count(e, "SELECT seq FROM roadmap_item WHERE id = %lld", id) == last_of_task1 + 1 &&
	   e2e_count(e, "SELECT count(*) FROM roadmap_item i JOIN roadmap_task t ON t.id = i.task_id"
			" WHERE i.roadmap_id = %lld AND t.seq > 1 AND i.seq <= %lld", roadmap, last_of_task1 + 1) == 0,
	   "placed right after task 1's last item, the later items renumbered");
	ok(e2e_count(e, "SELECT count(*) FROM occurrence WHERE item_id = %lld", id) == 4 &&
	   e2e_count(e, "SELECT count(*) FROM roadmap_item WHERE id = %lld AND deadline_kind = 'quarterly'", id) == 1,
	   "«Ежеквартально» on a one-year roadmap: 4 occurrences");
	ok(metric_due(e) == due0 + 4, "the key metric counts them (%d due)", metric_due(e));
	e2e_b_get(coord, MUNI "/roadmap/", &r);
	ok(r.status == 200 && strstr(r.body, "Мониторинг &lt;script&gt;alert(1)&lt;/script&gt;") &&
	   !strstr(r.body, "<script>alert") && strstr(r.body, "Управление &lt;b&gt;образования&lt;/b&gt;"),
	   "the table shows it, escaped");
	e2e_resp_free(&r);
	char *t = trail(e, id);
	ok(t && strcmp(t, "item_add") == 0, "audit: item_add (%s)", t ? t : "none");
	free(t);

	/* the item page: editing controls for editors only */
	ok(page_has(coord, e, item, "/edit\">Изменить мероприятие</a>", NULL) &&
	   page_has(coord, e, item, "name=\"direction\" value=\"up\"", NULL), "the coordinator sees the edit controls");
	ok(!page_has(curator, e, item, "Изменить мероприятие", NULL) &&
	   !page_has(school, e, item, "Изменить мероприятие", NULL) &&
	   !page_has(NULL, e, item, "Изменить мероприятие", NULL) &&
	   !page_has(other, e, item, "Изменить мероприятие", NULL), "nobody else does");
	snprintf(path, sizeof path, "%sedit", item);
	ok(page_has(coord, e, path, "Мониторинг &lt;script&gt;", &status) && status == 200 &&
	   page_has(coord, e, path, "<option value=\"1\" selected>", NULL), "the edit form shows the item, escaped");

	/* work on the first quarter, then change the deadline: that occurrence stays */
	long long q1 = e2e_count(e, "SELECT id FROM occurrence WHERE item_id = %lld AND seq = 1", id);
	snprintf(path, sizeof path, "%soccurrences/%lld/done", item, q1);
	const char *done[] = { "_csrf", e2e_csrf(coord), "note", "Проведено", NULL };
	ok(post(coord, path, done, NULL, 0, NULL) == 303, "the first quarter is marked executed");
	snprintf(path, sizeof path, "%sedit", item);
	const char *edit[] = { "_csrf", e2e_csrf(coord), "task", "1", "number", "1.99",
			       "measure", "Мониторинг <script>alert(1)</script>", "result", "Справка «итоги»",
			       "deadline", "Ежегодно", "responsible", "Управление <b>образования</b>", NULL };
	ok(post(coord, path, edit, loc, sizeof loc, NULL) == 303 && strcmp(loc, item) == 0,
	   "the coordinator changes the deadline: 303 back to the item");
	ok(e2e_count(e, "SELECT count(*) FROM occurrence WHERE item_id = %lld", id) == 2 &&
	   e2e_count(e, "SELECT count(*) FROM occurrence WHERE id = %lld AND status = 'done' AND seq = 1", q1) == 1 &&
	   e2e_count(e, "SELECT count(*) FROM occurrence WHERE item_id = %lld AND status = 'planned'"
			" AND seq = 2 AND due_on = 19357", id) == 1 &&
	   e2e_count(e, "SELECT count(*) FROM roadmap_item WHERE id = %lld AND deadline_kind = 'annual'", id) == 1,
	   "rescheduled: the executed quarter kept, the 3 others replaced by the year");
	char *detail = e2e_query(e, "SELECT detail FROM audit WHERE item_id = %lld AND action = 'item_deadline'", id);
	ok(detail && strstr(detail, "«Ежеквартально» → «Ежегодно»"), "audit: the deadline's old and new text");
	free(detail);
	const char *edit2[] = { "_csrf", e2e_csrf(coord), "task", "1", "number", "1.98",
				"measure", "Мониторинг качества", "result", "", "deadline", "Ежегодно",
				"responsible", "Управление <b>образования</b>", NULL };
	ok(post(coord, path, edit2, NULL, 0, NULL) == 303 &&
	   e2e_count(e, "SELECT count(*) FROM occurrence WHERE item_id = %lld", id) == 2,
	   "changing other fields does not reschedule");
	t = trail(e, id);
	ok(t && strcmp(t, "item_add,item_deadline,item_number,item_measure,item_result") == 0,
	   "audit: one line per changed field (%s)", t ? t : "none");
	free(t);
	ok(post(coord, path, edit2, NULL, 0, NULL) == 303 &&
	   e2e_count(e, "SELECT count(*) FROM audit WHERE item_id = %lld", id) == 5,
	   "saving without a change records nothing");
	const char *edit_dup[] = { "_csrf", e2e_csrf(coord), "task", "1", "number", "3",
				   "measure", "Мониторинг качества", NULL };
	ok(post(coord, path, edit_dup, NULL, 0, &body) == 422 && body &&
	   strstr(body, "уже есть в этой дорожной карте") && strstr(body, "value=\"3\""),
	   "editing to a number in use: 422");
	free(body);
	ok(page_has(coord, e, path, "Изменён номер мероприятия", NULL) &&
	   page_has(coord, e, path, "«1.99» → «1.98»", NULL), "the edit page shows the item's history");

	/* a second item under a new task: the task goes last, the item with it */
	const char *add2[] = { "_csrf", e2e_csrf(coord), "task", "new", "task_title", "Дополнительные меры",
			       "number", "9.1", "measure", "Семинар", "deadline", "До 30 апреля", NULL };
	ok(post(coord, MUNI "/roadmap/items", add2, NULL, 0, NULL) == 303, "an item under a new task");
	long long id2 = e2e_count(e, "SELECT id FROM roadmap_item WHERE roadmap_id = %lld AND number = '9.1'", roadmap);
	ok(e2e_count(e, "SELECT t.seq = (SELECT max(seq) FROM roadmap_task WHERE roadmap_id = %lld)"
			" AND t.title = 'Дополнительные меры' AND t.source = 'portal'"
			" FROM roadmap_item i JOIN roadmap_task t ON t.id = i.task_id WHERE i.id = %lld", roadmap, id2) == 1 &&
	   e2e_count(e, "SELECT seq FROM roadmap_item WHERE id = %lld", id2) ==
	   e2e_count(e, "SELECT max(seq) FROM roadmap_item WHERE roadmap_id = %lld", roadmap),
	   "the new task is the last one, its item the last item");
	t = trail(e, id2);
	ok(t && strcmp(t, "task_add,item_add") == 0, "audit: task_add, item_add (%s)", t ? t : "none");
	free(t);

	/* move within the task */
	long long seq = e2e_count(e, "SELECT seq FROM roadmap_item WHERE id = %lld", id);
	long long prev = e2e_count(e, "SELECT id FROM roadmap_item WHERE roadmap_id = %lld AND seq < %lld"
				      " AND removed_at IS NULL ORDER BY seq DESC LIMIT 1", roadmap, seq);
	snprintf(path, sizeof path, "%smove", item);
	const char *up[] = { "_csrf", e2e_csrf(coord), "direction", "up", NULL };
	const char *down[] = { "_csrf", e2e_csrf(coord), "direction", "down", NULL };
	const char *sideways[] = { "_csrf", e2e_csrf(coord), "direction", "left", NULL };
	ok(post(coord, path, up, loc, sizeof loc, NULL) == 303 && strcmp(loc, item) == 0 &&
	   e2e_count(e, "SELECT seq FROM roadmap_item WHERE id = %lld", id) == seq - 1 &&
	   e2e_count(e, "SELECT seq FROM roadmap_item WHERE id = %lld", prev) == seq,
	   "moved up: it and the item before it changed places");
	e2e_b_get(coord, MUNI "/roadmap/?task=1", &r);
	snprintf(other_item, sizeof other_item, "/roadmap/items/%lld/\"", prev);
	snprintf(path, sizeof path, "/roadmap/items/%lld/\"", id);
	ok(r.status == 200 && strstr(r.body, path) && strstr(r.body, other_item) &&
	   strstr(r.body, path) < strstr(r.body, other_item), "the table shows the new order");
	e2e_resp_free(&r);
	snprintf(path, sizeof path, "%smove", item);
	ok(post(coord, path, down, NULL, 0, NULL) == 303 &&
	   e2e_count(e, "SELECT seq FROM roadmap_item WHERE id = %lld", id) == seq, "moved down again");
	ok(post(coord, path, down, NULL, 0, NULL) == 303 &&
	   e2e_count(e, "SELECT seq FROM roadmap_item WHERE id = %lld", id) == seq,
	   "down from the task's last place: nothing changes");
	ok(post(coord, path, sideways, NULL, 0, NULL) == 422, "a bad direction: 422");
	ok(e2e_count(e, "SELECT count(*) FROM audit WHERE item_id = %lld AND action = 'item_move'", id) == 2,
	   "audit: the two moves");

	/* remove: gone from the table, the metric and the export; its page says so */
	int due_before = metric_due(e);
	snprintf(path, sizeof path, "%sremove", item);
	const char *bare[] = { "_csrf", e2e_csrf(coord), NULL };
	ok(post(coord, path, bare, loc, sizeof loc, NULL) == 303 && strstr(loc, "/removed"),
	   "the coordinator removes the item: 303 to its removed page");
	ok(e2e_count(e, "SELECT count(*) FROM roadmap_item WHERE id = %lld AND removed_at IS NOT NULL", id) == 1 &&
	   e2e_count(e, "SELECT count(*) FROM occurrence WHERE item_id = %lld", id) == 2,
	   "removed_at set; the item and its occurrences are kept");
	ok(!page_has(coord, e, MUNI "/roadmap/", "Мониторинг качества", NULL) &&
	   page_has(NULL, e, MUNI "/roadmap/", "Семинар", NULL), "gone from the table");
	ok(metric_due(e) == due_before - 2, "gone from the metric's denominator (%d → %d)", due_before,
	   metric_due(e));
	ok(!page_has(NULL, e, MUNI "/roadmap/export.csv", "Мониторинг качества", NULL), "gone from the export");
	ok(e2e_get(e, item, &r) == 303 && strstr(e2e_header(&r, "Location"), "/removed"),
	   "the item page sends to the removed item's page");
	e2e_resp_free(&r);
	snprintf(path, sizeof path, "%sremoved", item);
	ok(page_has(NULL, e, path, "Мероприятие исключено из дорожной карты ", &status) && status == 200 &&
	   !page_has(NULL, e, path, "/restore\"", NULL),
	   "still reachable by id, with the notice and no button for the public");
	ok(page_has(coord, e, path, "/restore\"", NULL) &&
	   page_has(coord, e, path, "Мероприятие исключено из дорожной карты</th>", NULL),
	   "the coordinator gets the restore button and the history");
	snprintf(path, sizeof path, "%sedit", item);
	ok(e2e_b_get(coord, path, &r) == 303 && strstr(e2e_header(&r, "Location"), "/removed"),
	   "the edit form of a removed item leads to its page");
	e2e_resp_free(&r);
	const char *edit_removed[] = { "_csrf", e2e_csrf(coord), "task", "1", "number", "1.98",
				       "measure", "Другое", NULL };
	ok(post(coord, path, edit_removed, NULL, 0, NULL) == 404, "a removed item cannot be edited");
	const char *reuse[] = { "_csrf", e2e_csrf(coord), "task", "1", "number", "1.98", "measure", "x", NULL };
	ok(post(coord, MUNI "/roadmap/items", reuse, NULL, 0, NULL) == 422,
	   "a removed item's number stays taken");

	/* restore */
	snprintf(path, sizeof path, "%srestore", item);
	ok(post(coord, path, bare, loc, sizeof loc, NULL) == 303 && strcmp(loc, item) == 0,
	   "the coordinator restores it: 303 to its page");
	ok(e2e_get(e, item, &r) == 200 && metric_due(e) == due_before &&
	   page_has(NULL, e, MUNI "/roadmap/", "Мониторинг качества", NULL),
	   "back in the page, the table and the metric");
	e2e_resp_free(&r);
	t = trail(e, id);
	ok(t && strstr(t, "item_move,item_move,item_remove,item_restore"), "audit: removed, restored (%s)",
	   t ? t : "none");
	free(t);

	/* who may not: every editing route */
	long long audits = e2e_count(e, "SELECT count(*) FROM audit");
	long long items = e2e_count(e, "SELECT count(*) FROM roadmap_item");
	char posts[5][192];
	snprintf(posts[0], sizeof posts[0], MUNI "/roadmap/items");
	snprintf(posts[1], sizeof posts[1], "%sedit", item);
	snprintf(posts[2], sizeof posts[2], "%smove", item);
	snprintf(posts[3], sizeof posts[3], "%sremove", item);
	snprintf(posts[4], sizeof posts[4], "%srestore", item);
	struct e2e_browser *denied[] = { curator, school, other };
	const char *who[] = { "curator", "school", "another municipality's coordinator" };
	for (size_t k = 0; k < 3; k++) {
		int all403 = 1;

		e2e_b_get(denied[k], "/cabinet/", &r);
		e2e_resp_free(&r);
		for (size_t i = 0; i < 5; i++) {
			const char *pairs[] = { "_csrf", e2e_csrf(denied[k]), "task", "1", "number", "5.55",
						"measure", "x", "direction", "up", NULL };
			all403 &= post(denied[k], posts[i], pairs, NULL, 0, NULL) == 403;
		}
		snprintf(path, sizeof path, "%sedit", item);
		all403 &= e2e_b_get(denied[k], MUNI "/roadmap/items/new", &r) == 403;
		e2e_resp_free(&r);
		all403 &= e2e_b_get(denied[k], path, &r) == 403;
		e2e_resp_free(&r);
		ok(all403, "%s: 403 on every editing route", who[k]);
	}
	int anon = 1, no_csrf = 1;
	for (size_t i = 0; i < 5; i++) {
		const char *pairs[] = { "task", "1", "number", "5.55", "measure", "x", "direction", "up", NULL };

		anon &= e2e_request(e, "POST", posts[i], NULL, &r) == 403;
		e2e_resp_free(&r);
		no_csrf &= post(coord, posts[i], pairs, NULL, 0, NULL) == 403;
	}
	ok(anon, "anonymous POSTs: 403");
	ok(no_csrf, "the coordinator without the CSRF token: 403");
	ok(e2e_get(e, MUNI "/roadmap/items/new", &r) == 303 && strstr(e2e_header(&r, "Location"), "/login"),
	   "the anonymous form request goes to the login");
	e2e_resp_free(&r);
	ok(e2e_count(e, "SELECT count(*) FROM audit") == audits &&
	   e2e_count(e, "SELECT count(*) FROM roadmap_item") == items, "none of them changed anything");
	snprintf(path, sizeof path, "/baley/roadmap/items/%lld/edit", id);
	ok(e2e_b_get(other, path, &r) == 404, "the item through another municipality's URL: 404");
	e2e_resp_free(&r);

	e2e_browser_free(coord);
	e2e_browser_free(curator);
	e2e_browser_free(school);
	e2e_browser_free(other);
	e2e_browser_free(admin);
	ok(e2e_tally_drift(e) == 0, "the roadmap tallies kept by the triggers equal a fresh count");
	e2e_stop(e);
	return ok_done();
}
