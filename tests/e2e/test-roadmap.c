/*
 * test-roadmap.c: roadmap work over HTTP: the schedule of an item, a school user
 * marks an occurrence executed with evidence, the coordinator confirms it, the
 * key metric moves on the public pages, the confirmation is withdrawn with a
 * comment; and who may not do what (other municipality, school confirming,
 * anonymous, CSRF), with the audit trail and database state checked.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "e2e.h"
#include "tap.h"

static int count_lines(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

static int post_action(struct e2e_browser *b, const char *path, const char *const *pairs)
{
	struct e2e_resp r;
	char *form = e2e_form(pairs);
	int status = e2e_b_post(b, path, form, NULL, &r);

	e2e_resp_free(&r);
	free(form);
	return status;
}

int main(void)
{
	struct e2e *e = e2e_start();
	struct e2e_resp r;
	char item[128], base[160], path[256];
	long long item_id, occ_id;

	if (!ok(e != NULL, "the stack starts"))
		return ok_done();
	/* item 3 of Усть-Илимск: «01.03.2022– 25.03.2022», one occurrence */
	item_id = e2e_count(e, "SELECT i.id FROM roadmap_item i JOIN roadmap r ON r.id = i.roadmap_id"
			       " JOIN municipality m ON m.id = r.municipality_id"
			       " WHERE m.slug = 'ust-ilimsk' AND i.number = '3'");
	occ_id = e2e_count(e, "SELECT id FROM occurrence WHERE item_id = %lld", item_id);
	ok(item_id > 0 && occ_id > 0, "item 3 has its occurrence (item %lld, occurrence %lld)", item_id, occ_id);
	ok(e2e_count(e, "SELECT count(*) FROM occurrence WHERE item_id = %lld", item_id) == 1,
	   "a date range gives one occurrence");
	ok(e2e_count(e, "SELECT due_on FROM occurrence WHERE id = %lld", occ_id) == 19076,
	   "due on 25.03.2022 (day 19076)");
	ok(e2e_count(e, "SELECT count(*) FROM roadmap_item WHERE deadline_kind IS NULL") == 0,
	   "every seed item was scheduled at start");
	ok(e2e_count(e, "SELECT count(*) FROM roadmap_item WHERE deadline_kind = 'invalid'") == 1,
	   "one phrase is not understood (002 item 2.9), and is not guessed");
	ok(e2e_count(e, "SELECT count(*) FROM occurrence o JOIN roadmap_item i ON i.id = o.item_id"
			" WHERE i.deadline_text LIKE '%%Ежемесячно%%'") > 12,
	   "a monthly item has an occurrence per month");

	snprintf(item, sizeof item, "/ust-ilimsk/roadmap/items/%lld/", item_id);
	snprintf(base, sizeof base, "/ust-ilimsk/roadmap/items/%lld/occurrences/%lld/", item_id, occ_id);
	ok(e2e_get(e, item, &r) == 200 && strstr(r.body, "01.03.2022 — 25.03.2022") &&
	   strstr(r.body, "просрочено") && !strstr(r.body, "Отметить исполнение"),
	   "the public item page shows the schedule, overdue, and no forms");
	e2e_resp_free(&r);
	ok(e2e_get(e, "/ust-ilimsk/", &r) == 200 && strstr(r.body, "Подтверждено 0 из 58"),
	   "the key metric starts at 0 of the 58 occurrences due");
	e2e_resp_free(&r);

	struct e2e_browser *school = e2e_browser_new(e), *coord = e2e_browser_new(e),
			   *other = e2e_browser_new(e);
	ok(e2e_login(school, "school-sosh-5", e2e_password(e, "school-sosh-5"), NULL) == 303, "school logs in");
	ok(e2e_login(coord, "coord-ust-ilimsk", e2e_password(e, "coord-ust-ilimsk"), NULL) == 303,
	   "coordinator logs in");
	ok(e2e_login(other, "coord-baley", e2e_password(e, "coord-baley"), NULL) == 303,
	   "another municipality's coordinator logs in");

	snprintf(path, sizeof path, "%sdone", base);
	const char *no_csrf[] = { "note", "x", NULL };
	ok(post_action(school, path, no_csrf) == 403, "marking without the CSRF token: 403");
	ok(e2e_request(e, "POST", path, NULL, &r) == 403, "anonymous POST: 403");
	e2e_resp_free(&r);
	e2e_b_get(school, item, &r);
	ok(strstr(r.body, "Отметить исполнение") != NULL, "the school user sees the form");
	e2e_resp_free(&r);
	const char *done[] = { "_csrf", e2e_csrf(school), "url", "https://school5.example/plan.pdf",
			       "note", "Утверждён приказом <script>alert(1)</script>", NULL };
	ok(post_action(school, path, done) == 303, "the school user marks it executed with evidence");
	ok(e2e_count(e, "SELECT count(*) FROM occurrence WHERE id = %lld AND status = 'done'"
			" AND evidence_url = 'https://school5.example/plan.pdf'", occ_id) == 1,
	   "stored as executed with its link");
	ok(post_action(school, path, done) == 409, "marking it again: 409, nothing changes");

	snprintf(path, sizeof path, "%sconfirm", base);
	const char *school_confirm[] = { "_csrf", e2e_csrf(school), NULL };
	ok(post_action(school, path, school_confirm) == 403, "a school user may not confirm");
	e2e_b_get(other, "/cabinet/", &r);
	e2e_resp_free(&r);
	const char *other_confirm[] = { "_csrf", e2e_csrf(other), NULL };
	ok(post_action(other, path, other_confirm) == 403, "another municipality's coordinator may not confirm");
	e2e_b_get(coord, item, &r);
	ok(strstr(r.body, "Подтвердить исполнение") && strstr(r.body, "&lt;script&gt;") &&
	   !strstr(r.body, "<script>alert"), "the coordinator sees the evidence, escaped, and the confirm button");
	e2e_resp_free(&r);
	const char *confirm[] = { "_csrf", e2e_csrf(coord), NULL };
	ok(post_action(coord, path, confirm) == 303, "the coordinator confirms");
	ok(e2e_get(e, "/ust-ilimsk/", &r) == 200 && strstr(r.body, "1,7&nbsp;%") &&
	   strstr(r.body, "Подтверждено 1 из 58"), "the key metric moves: 1 of 58, 1,7 per cent");
	e2e_resp_free(&r);
	ok(e2e_get(e, "/ust-ilimsk/roadmap/?status=confirmed", &r) == 200 &&
	   strstr(r.body, "class=\"item\""), "the item is listed as confirmed");
	e2e_resp_free(&r);

	snprintf(path, sizeof path, "%swithdraw", base);
	const char *bare[] = { "_csrf", e2e_csrf(coord), NULL };
	ok(post_action(coord, path, bare) == 422, "withdrawing without a comment: 422");
	const char *withdraw[] = { "_csrf", e2e_csrf(coord), "comment", "Ссылка не открывается", NULL };
	ok(post_action(coord, path, withdraw) == 303, "withdrawn with a comment");
	ok(e2e_count(e, "SELECT count(*) FROM occurrence WHERE id = %lld AND status = 'done'"
			" AND confirmed_at IS NULL", occ_id) == 1, "back to executed, unconfirmed");
	ok(e2e_get(e, "/ust-ilimsk/", &r) == 200 && strstr(r.body, "Подтверждено 0 из 58"),
	   "the metric goes back to 0");
	e2e_resp_free(&r);
	char *trail = e2e_query(e, "SELECT group_concat(action, ',') FROM (SELECT action FROM audit"
				   " WHERE occurrence_id = %lld ORDER BY id)", occ_id);
	if (trail)
		trail[strcspn(trail, "\n")] = '\0';
	ok(trail && strcmp(trail, "item_done,item_confirm,item_withdraw") == 0,
	   "the audit log has each step (%s)", trail ? trail : "none");
	free(trail);
	e2e_b_get(coord, item, &r);
	ok(strstr(r.body, "Подтверждение отозвано") && strstr(r.body, "Ссылка не открывается"),
	   "the item's history shows the withdrawal and its reason");
	e2e_resp_free(&r);

	ok(e2e_get(e, "/ust-ilimsk/roadmap/export.csv?task=4", &r) == 200 &&
	   strncmp(r.body, "\xEF\xBB\xBF№;Задача;Мероприятие", 3 + 28) == 0 &&
	   count_lines(r.body) == 7 && strstr(e2e_header(&r, "Content-Type"), "text/csv") &&
	   strstr(e2e_header(&r, "Content-Disposition"), "attachment"),
	   "CSV export with the page's filter: BOM, ';', the header and the 6 items of the last task");
	e2e_resp_free(&r);
	ok(e2e_get(e, "/ust-ilimsk/roadmap/export.xlsx?status=overdue", &r) == 200 &&
	   r.len > 1000 && memcmp(r.body, "PK", 2) == 0, "XLSX export through nginx: a zip");
	e2e_resp_free(&r);
	ok(e2e_get(e, "/ust-ilimsk/roadmap/export.csv?month=bad", &r) == 400, "a bad filter on an export: 400");
	e2e_resp_free(&r);

	/* a school document as evidence for item 4 */
	{
		static const char pdf[] = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
		long long item4 = e2e_count(e, "SELECT i.id FROM roadmap_item i JOIN roadmap r ON r.id = i.roadmap_id"
					       " JOIN municipality m ON m.id = r.municipality_id"
					       " WHERE m.slug = 'ust-ilimsk' AND i.number = '4' AND r.school_id IS NULL");
		long long occ4 = e2e_count(e, "SELECT min(id) FROM occurrence WHERE item_id = %lld", item4);
		struct e2e_part parts[] = {
			{ "_csrf", e2e_csrf(school), NULL, NULL, 0 },
			{ "type", "order", NULL, NULL, 0 },
			{ "title", "Приказ о рабочей группе", NULL, NULL, 0 },
			{ "file", NULL, "prikaz.pdf", pdf, sizeof pdf - 1 },
		};
		char done4[200], doc[32];

		char start4[200];

		snprintf(start4, sizeof start4, "/ust-ilimsk/roadmap/items/%lld/occurrences/%lld/start", item4, occ4);
		const char *start[] = { "_csrf", e2e_csrf(school), NULL };
		ok(post_action(school, start4, start) == 303 &&
		   e2e_count(e, "SELECT count(*) FROM occurrence WHERE id = %lld AND status = 'in_progress'", occ4) == 1,
		   "«Начать работу»: в работе");
		ok(post_action(school, start4, start) == 409, "starting it twice: 409");
		ok(e2e_b_upload(school, "/ust-ilimsk/schools/sosh-5/docs/", parts, 4, NULL, &r) == 303,
		   "the school uploads its order");
		e2e_resp_free(&r);
		long long doc_id = e2e_count(e, "SELECT max(id) FROM document");
		snprintf(done4, sizeof done4, "/ust-ilimsk/roadmap/items/%lld/occurrences/%lld/done", item4, occ4);
		snprintf(item, sizeof item, "/ust-ilimsk/roadmap/items/%lld/", item4);
		e2e_b_get(school, item, &r);
		ok(strstr(r.body, "Приказ о рабочей группе") != NULL, "the done form offers the school's documents");
		e2e_resp_free(&r);
		const char *bad[] = { "_csrf", e2e_csrf(school), "doc", "999999", NULL };
		ok(post_action(school, done4, bad) == 422, "a document that is not the school's: 422");
		snprintf(doc, sizeof doc, "%lld", doc_id);
		const char *good[] = { "_csrf", e2e_csrf(school), "doc", doc, "note", "Приказ подписан", NULL };
		ok(post_action(school, done4, good) == 303, "executed with the document as evidence");
		ok(e2e_count(e, "SELECT evidence_doc FROM occurrence WHERE id = %lld", occ4) == doc_id,
		   "the occurrence cites the document");
		e2e_b_get(school, item, &r);
		ok(strstr(r.body, "Подтверждающий документ") && strstr(r.body, "/ust-ilimsk/schools/sosh-5/docs/"),
		   "the item page links the evidence document");
		e2e_resp_free(&r);
	}

	/* the coordinator links the school's administrator to item 3 */
	{
		char assign[160], uid[32];
		long long school_uid = e2e_count(e, "SELECT id FROM user WHERE login = 'school-sosh-5'");
		long long baley_uid = e2e_count(e, "SELECT id FROM user WHERE login = 'coord-baley'");

		snprintf(assign, sizeof assign, "/ust-ilimsk/roadmap/items/%lld/assignees", item_id);
		snprintf(item, sizeof item, "/ust-ilimsk/roadmap/items/%lld/", item_id);
		e2e_b_get(coord, item, &r);
		ok(strstr(r.body, "Назначить ответственного") != NULL, "the coordinator sees the form to link people");
		e2e_resp_free(&r);
		snprintf(uid, sizeof uid, "%lld", baley_uid);
		const char *foreign[] = { "_csrf", e2e_csrf(coord), "user", uid, "action", "add", NULL };
		ok(post_action(coord, assign, foreign) == 422, "another municipality's person cannot be linked");
		snprintf(uid, sizeof uid, "%lld", school_uid);
		const char *add[] = { "_csrf", e2e_csrf(coord), "user", uid, "action", "add", NULL };
		const char *by_school[] = { "_csrf", e2e_csrf(school), "user", uid, "action", "add", NULL };
		ok(post_action(school, assign, by_school) == 403, "a school may not link people");
		ok(post_action(coord, assign, add) == 303, "the coordinator links the school's administrator");
		ok(e2e_count(e, "SELECT count(*) FROM item_assignee WHERE item_id = %lld AND user_id = %lld",
			     item_id, school_uid) == 1, "stored");
		ok(e2e_b_get(school, "/my/", &r) == 200 && strstr(r.body, "Назначено мне: 1"),
		   "«мои мероприятия» shows what is assigned to the user");
		e2e_resp_free(&r);
		ok(e2e_count(e, "SELECT count(*) FROM audit WHERE action = 'item_assign' AND item_id = %lld",
			     item_id) == 1, "the link is in the audit log");
	}

	ok(e2e_b_get(school, "/my/", &r) == 200 && strstr(r.body, "Не подтверждено и срок уже наступил: ") &&
	   strstr(r.body, "/ust-ilimsk/roadmap/items/"), "«мои мероприятия» lists the overdue occurrences");
	e2e_resp_free(&r);
	ok(e2e_get(e, "/my/", &r) == 303, "«мои мероприятия» needs a login");
	e2e_resp_free(&r);
	ok(e2e_b_get(school, "/my/export.csv", &r) == 200 && strstr(r.body, "Срок;№;Мероприятие") &&
	   strstr(r.body, "просрочено"), "«мои мероприятия» exports as CSV");
	e2e_resp_free(&r);
	ok(e2e_b_get(school, "/ust-ilimsk/roadmap/unparsed/", &r) == 403, "a school may not see the unparsed list");
	e2e_resp_free(&r);
	struct e2e_browser *admin = e2e_browser_new(e);
	e2e_login(admin, "admin", e2e_password(e, "admin"), NULL);
	ok(e2e_b_get(admin, "/yeniseysk/roadmap/unparsed/", &r) == 200 &&
	   strstr(r.body, "Специалисты МКУ"), "the unparsed list shows 002 item 2.9's phrase");
	e2e_resp_free(&r);
	e2e_browser_free(admin);

	snprintf(path, sizeof path, "/baley/roadmap/items/%lld/", item_id);
	ok(e2e_get(e, path, &r) == 404, "the item through another municipality's URL: 404");
	e2e_resp_free(&r);
	ok(e2e_get(e, "/ust-ilimsk/roadmap/items/999999/", &r) == 404, "an unknown item: 404");
	e2e_resp_free(&r);
	e2e_browser_free(school);
	e2e_browser_free(coord);
	e2e_browser_free(other);
	ok(e2e_tally_drift(e) == 0, "the roadmap tallies kept by the triggers equal a fresh count");
	e2e_stop(e);
	return ok_done();
}
