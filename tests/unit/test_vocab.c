/* test_vocab.c: every vocabulary has non-empty, unique codes and labels; lookups. */
#include <string.h>

#include "tap.h"
#include "vocab.h"

static void check_table(const char *name, const struct vocab *v, size_t n, int labels_unique)
{
	int good = 1;

	for (size_t i = 0; i < n; i++) {
		if (!v[i].code || !*v[i].code || !v[i].label || !*v[i].label)
			good = 0;
		for (size_t j = 0; j < i; j++)
			if (strcmp(v[i].code, v[j].code) == 0 ||
			    (labels_unique && strcmp(v[i].label, v[j].label) == 0))
				good = 0;
	}
	ok(good, "%s: codes and labels present and unique", name);
}

#define CHECK(t, u) check_table(#t, t, sizeof t / sizeof t[0], u)

int main(void)
{
	CHECK(programme_v, 1);
	CHECK(category_v, 1);
	CHECK(significance_v, 1);
	CHECK(risk_catalogue_v, 1);
	CHECK(item_status_v, 1);
	CHECK(doc_status_v, 1);
	CHECK(role_v, 1);
	CHECK(verdict_v, 1);
	check_table("upload_type_v", upload_type_v, upload_type_count, 1);
	for (size_t i = 0; i < DOC__MAX; i++)
		ok(doc_status_public_v[i] && *doc_status_public_v[i], "public label of status %zu", i);
	ok(strcmp(doc_status_public_v[DOC_DRAFT], "не представлен") == 0, "a draft is not public");
	CHECK(doc_type_v, 1);
	CHECK(procedure_v, 1);
	CHECK(metric_v, 1);
	CHECK(scope_v, 1);
	CHECK(content_part_v, 1);
	CHECK(muni_kind_v, 1);
	CHECK(monitor_kind_v, 1);
	CHECK(monitor_outcome_v, 1);
	CHECK(monitor_fresh_v, 1);
	CHECK(mail_kind_v, 1);
	CHECK(mail_status_v, 1);
	for (size_t i = 0; i < MSG__MAX; i++)
		ok(msg_v[i] && *msg_v[i], "message %zu present", i);
	ok(VOCAB_FIND(item_status_v, "confirmed") == ITEM_CONFIRMED, "find a code");
	ok(VOCAB_FIND(item_status_v, "nope") == ITEM__MAX, "unknown code is __MAX");
	ok(VOCAB_FIND(item_status_v, NULL) == ITEM__MAX, "NULL code is __MAX");
	ok(strcmp(VOCAB_LABEL(programme_v, "500plus"), "«500+»") == 0, "label of a code");
	ok(strcmp(VOCAB_LABEL(programme_v, "x"), "") == 0, "label of an unknown code is empty");
	ok(strcmp(msg_for_status(404), "Страница не найдена") == 0, "404 message");
	ok(strcmp(msg_for_status(418), msg_v[MSG_E500]) == 0, "unknown status: generic message");
	for (size_t t = 0; t < DT__MAX; t++)
		ok((doc_type_required_for[t] != 0) == (t < DT_REPORT), "document type %s is %s",
		   doc_type_v[t].code, t < DT_REPORT ? "required somewhere" : "optional");
	return ok_done();
}
