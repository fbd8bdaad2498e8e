/*
 * page_mail.c: a user's e-mail settings (address, which mails, the daily
 * digest) and the administrator's view of the outbox with «отправить снова».
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "db_audit.h"
#include "db_outbox.h"
#include "db_user.h"
#include "http.h"
#include "mail_msg.h"
#include "pages.h"
#include "render.h"
#include "tpl.h"
#include "view.h"
#include "vocab.h"
#include "worker.h"

enum { OUTBOX_PAGE_ROWS = 200, EMAIL_FIELD_MAX = 254 };

/* The settings form with `email` as shown and the choices `on`; `err` a message or NULL. */
static int settings_render(struct req *rq, struct resp *rs, int status, const char *email,
			   const bool on[MAIL__MAX], const char *err)
{
	struct page p;

	if (render_start(rq, &p, "mail_settings.tpl", mail_text_v[MT_SETTINGS]) != 0)
		return 500;
	tpl_set_str(p.body, "CSRF", rq->csrf);
	tpl_set_str(p.body, "EMAIL", email);
	tpl_section_str(p.body, "ERROR", "TEXT", err);
	if (err)
		tpl_show(p.body, "EMAIL_INVALID");
	if (!err && http_param(rq, "saved"))
		tpl_show(p.body, "SAVED");
	for (size_t k = 0; k < MAIL__MAX; k++) {
		struct tpl_dict *d = tpl_section_add(p.body, k == MAIL_DIGEST ? "DIGEST" : "KIND");

		tpl_set_str(d, "CODE", mail_kind_v[k].code);
		tpl_set_str(d, "LABEL", mail_kind_v[k].label);
		if (on[k])
			tpl_show(d, "CHECKED");
	}
	rs->cache_control = "private, no-store";
	int rc = render_finish(rq, rs, &p);

	return rc == 200 ? status : rc;
}

int mail_settings_page(struct req *rq, struct resp *rs)
{
	bool on[MAIL__MAX];
	const char *email;

	if (db_user_email(&rq->w->db, rq->arena, rq->user->id, &email) != DB_OK ||
	    db_mail_prefs(&rq->w->db, rq->user->id, on) != DB_OK)
		return 500;
	return settings_render(rq, rs, 200, email, on, NULL);
}

int mail_settings_post_page(struct req *rq, struct resp *rs)
{
	struct db *db = &rq->w->db;
	const char *email = http_field(rq, "email");
	struct audit_event e = { .user_id = rq->user->id, .addr = rq->addr, .action = "mail_settings",
				 .school_id = rq->user->school_id };
	bool on[MAIL__MAX];
	struct buf detail;

	while (email && *email == ' ')
		email++;
	if (!email)
		email = "";
	for (size_t k = 0; k < MAIL__MAX; k++)
		on[k] = http_field(rq, mail_kind_v[k].code) != NULL;
	if (*email && (strlen(email) > EMAIL_FIELD_MAX || !mail_addr_ok(email)))
		return settings_render(rq, rs, 422, email, on, mail_text_v[MT_BAD_EMAIL]);
	buf_init(&detail, rq->arena, 1024);
	buf_printf(&detail, "email=%s", *email ? email : "-");
	for (size_t k = 0; k < MAIL__MAX; k++)
		buf_printf(&detail, " %s=%d", mail_kind_v[k].code, on[k]);
	e.detail = detail.data;
	if (detail.err || db_begin(db) != DB_OK ||
	    db_user_set_email(db, rq->user->id, *email ? email : NULL) != DB_OK)
		return 500;
	for (size_t k = 0; k < MAIL__MAX; k++)
		if (db_mail_pref_set(db, rq->user->id, mail_kind_v[k].code, on[k]) != DB_OK)
			return 500;
	if (db_audit_add(db, &e) != DB_OK || db_commit(db) != DB_OK)
		return 500;
	return http_redirect(rs, 303, "/settings/mail?saved=1");
}

int outbox_page(struct req *rq, struct resp *rs)
{
	struct outbox_row *m;
	size_t n;
	struct page p;

	if (db_outbox_list(&rq->w->db, rq->arena, OUTBOX_PAGE_ROWS, &m, &n) != DB_OK ||
	    render_start(rq, &p, "outbox.tpl", mail_text_v[MT_OUTBOX]) != 0)
		return 500;
	for (size_t i = 0; i < n; i++) {
		struct tpl_dict *d = tpl_section_add(p.body, "MAIL");

		tpl_set_int(d, "ID", m[i].id);
		tpl_set_str(d, "CREATED", view_datetime(rq->arena, m[i].created_at));
		tpl_set_str(d, "KIND", VOCAB_LABEL(mail_kind_v, m[i].kind));
		tpl_set_str(d, "RCPT", m[i].rcpt);
		tpl_set_str(d, "SUBJECT", m[i].subject);
		tpl_set_str(d, "STATUS", m[i].status);
		tpl_set_str(d, "STATUS_LABEL", VOCAB_LABEL(mail_status_v, m[i].status));
		tpl_set_int(d, "ATTEMPTS", m[i].attempts);
		tpl_set_str(d, "BODY", m[i].body_text);
		tpl_section_str(d, "ERROR", "TEXT", m[i].last_error);
		if (m[i].sent_at)
			tpl_section_str(d, "SENT", "AT", view_datetime(rq->arena, m[i].sent_at));
		else if (strcmp(m[i].status, mail_status_v[MS_QUEUED].code) == 0)
			tpl_section_str(d, "NEXT", "AT", view_datetime(rq->arena, m[i].next_at));
		if (strcmp(m[i].status, mail_status_v[MS_FAILED].code) == 0)
			tpl_section_str(d, "RETRY", "CSRF", rq->csrf);
	}
	tpl_set_int(p.body, "N", (long long)n);
	if (n == 0)
		tpl_show(p.body, "EMPTY");
	rs->cache_control = "private, no-store";
	return render_finish(rq, rs, &p);
}

int outbox_retry_page(struct req *rq, struct resp *rs)
{
	struct db *db = &rq->w->db;
	char *end;
	long long id = strtoll(rq->args[0], &end, 10);
	struct audit_event e = { .user_id = rq->user->id, .addr = rq->addr, .action = "mail_retry" };
	int rc;

	if (*end || id <= 0)
		return 404;
	if (!(e.detail = arena_printf(rq->arena, "outbox=%lld", id)) || db_begin(db) != DB_OK)
		return 500;
	if ((rc = db_outbox_requeue(db, id)) == DB_NOTFOUND)
		return 404;
	if (rc != DB_OK || db_audit_add(db, &e) != DB_OK || db_commit(db) != DB_OK)
		return 500;
	return http_redirect(rs, 303, "/admin/outbox/");
}
