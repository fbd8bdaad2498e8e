/*
 * outbox.c: an event's e-mails rendered from the mail templates and queued in
 * the caller's transaction; the periodic reminders and digests. No network.
 */
#include "outbox.h"

#include <string.h>

#include <sodium.h>

#include "arena.h"
#include "buf.h"
#include "config.h"
#include "db.h"
#include "log.h"
#include "tpl.h"
#include "view.h"

enum { MAIL_BODY_MAX = 256 << 10, DIGEST_ITEMS_MAX = 50 };

/* "<32 hex>@<the From address's domain>" in angle brackets. */
static const char *message_id(struct arena *a)
{
	unsigned char rnd[16];
	char hex[2 * sizeof rnd + 1];
	const char *at = strrchr(cfg.mail_from, '@');

	randombytes_buf(rnd, sizeof rnd);
	sodium_bin2hex(hex, sizeof hex, rnd, sizeof rnd);
	return arena_printf(a, "<%s@%s>", hex, at ? at + 1 : "localhost");
}

/* Expands `file` with `d`; NULL on failure. */
static const char *expand(struct arena *a, const char *file, const struct tpl_dict *d)
{
	struct buf b;

	buf_init(&b, a, MAIL_BODY_MAX);
	buf_puts(&b, "");
	if (tpl_expand(file, d, &b) != TPL_OK || b.err)
		return NULL;
	return b.data;
}

/* Renders and queues one message of `kind` to `r`; `d` is filled but for the recipient. */
static int queue_one(struct db *db, struct arena *a, enum mail_kind kind, const struct mail_rcpt *r,
		     const char *subject, const char *dedup, struct tpl_dict *d)
{
	struct outbox_row m = { .user_id = r->user_id, .kind = mail_kind_v[kind].code, .rcpt = r->email,
				.subject = subject, .dedup = dedup };

	tpl_set_str(d, "NAME", r->name);
	m.message_id = message_id(a);
	m.body_text = expand(a, "mail.txt.tpl", d);
	m.body_html = expand(a, "mail.tpl", d);
	if (!m.message_id || !m.body_text || !m.body_html || !subject) {
		log_err("outbox", "cannot render %s mail", m.kind);
		return DB_ERR;
	}
	return db_outbox_add(db, &m) == DB_ERR ? DB_ERR : DB_OK;
}

/* The dictionary both templates share: the kind's section, the settings link. */
static struct tpl_dict *mail_dict(struct arena *a, enum mail_kind kind)
{
	struct tpl_dict *d = tpl_dict_new(a);

	if (d) {
		tpl_show(d, mail_kind_v[kind].code);
		tpl_set_str(d, "KIND", mail_kind_v[kind].label);
		tpl_set_str(d, "SETTINGS_URL", arena_printf(a, "%s/settings/mail", cfg.base_url));
	}
	return d;
}

int outbox_add(struct db *db, struct arena *a, const struct outbox_event *ev)
{
	const char *kind = mail_kind_v[ev->kind].code;
	const char *subject = arena_printf(a, "%s: %s", mail_kind_v[ev->kind].label, ev->title);
	struct mail_rcpt *r;
	size_t n;
	struct tpl_dict *d;

	if (db_mail_rcpts(db, a, ev->to, ev->to_id, kind, &r, &n) != DB_OK)
		return DB_ERR;
	if (n == 0)
		return DB_OK;
	if (!(d = mail_dict(a, ev->kind)))
		return DB_ERR;
	tpl_set_str(d, "TITLE", ev->title);
	tpl_set_str(d, "URL", arena_printf(a, "%s%s", cfg.base_url, ev->path));
	tpl_section_str(d, "SCHOOL", "NAME", ev->school);
	tpl_section_str(d, "COMMENT", "TEXT", ev->comment);
	tpl_section_str(d, "DUE", "DATE", ev->due);
	for (size_t i = 0; i < n; i++) {
		const char *dedup = ev->dedup ? arena_printf(a, "%s:%lld", ev->dedup, (long long)r[i].user_id)
					      : NULL;

		if ((ev->dedup && !dedup) || queue_one(db, a, ev->kind, &r[i], subject, dedup, d) != DB_OK)
			return DB_ERR;
	}
	return DB_OK;
}

int outbox_add_monitoring(struct db *db, struct arena *a, int64_t school_id, const char *school,
			  const char *page, const char *summary)
{
	struct outbox_event ev = { .kind = MAIL_MONITORING, .to = MAIL_TO_SCHOOL, .to_id = school_id,
				   .title = school, .school = school, .path = page, .comment = summary };

	return outbox_add(db, a, &ev);
}

/* Queues reminder `r` to the item's assignees; the dedup key kind:occurrence:user
 * makes a second call for another assignee's row, or another run, a no-op. */
static int remind(struct db *db, struct arena *a, const struct reminder *r)
{
	size_t k = VOCAB_FIND(mail_kind_v, r->kind);
	struct outbox_event ev = { .kind = (enum mail_kind)k, .to = MAIL_TO_ASSIGNEES, .to_id = r->item_id,
				   .title = r->measure, .due = view_day(a, (int)r->due_on),
				   .path = arena_printf(a, "/%s/roadmap/items/%lld/", r->muni_slug,
							(long long)r->item_id),
				   .dedup = arena_printf(a, "%s:%lld", r->kind, (long long)r->occurrence_id) };

	if (k >= MAIL__MAX || !ev.path || !ev.dedup)
		return DB_ERR;
	return outbox_add(db, a, &ev);
}

/* Queues one digest per user of rows[0..n) (sorted by user): their open work. */
static int digests(struct db *db, struct arena *a, int64_t today, const struct reminder *rows, size_t n,
		   int *queued)
{
	for (size_t i = 0; i < n;) {
		struct mail_rcpt one = { rows[i].user_id, rows[i].email, rows[i].name };
		struct tpl_dict *d = mail_dict(a, MAIL_DIGEST);
		size_t j = i;

		if (!d)
			return DB_ERR;
		tpl_set_str(d, "URL", arena_printf(a, "%s/my/", cfg.base_url));
		for (; j < n && rows[j].user_id == rows[i].user_id; j++) {
			struct tpl_dict *it;

			if (j - i >= DIGEST_ITEMS_MAX)
				continue;
			it = tpl_section_add(d, "ITEM");
			tpl_set_str(it, "MEASURE", rows[j].measure);
			tpl_set_str(it, "DUE", view_day(a, (int)rows[j].due_on));
			tpl_set_str(it, "STATE", VOCAB_LABEL(mail_kind_v, rows[j].kind));
			tpl_set_str(it, "URL", arena_printf(a, "%s/%s/roadmap/items/%lld/", cfg.base_url,
							    rows[j].muni_slug, (long long)rows[j].item_id));
		}
		tpl_set_int(d, "N", (long long)(j - i));
		if (queue_one(db, a, MAIL_DIGEST, &one,
			      arena_printf(a, "%s: %s", mail_kind_v[MAIL_DIGEST].label, view_day(a, (int)today)),
			      arena_printf(a, "digest:%lld:%lld", (long long)one.user_id, (long long)today),
			      d) != DB_OK)
			return DB_ERR;
		++*queued;
		i = j;
	}
	return DB_OK;
}

int outbox_reminders(struct db *db, struct arena *a, int64_t today)
{
	struct reminder *due, *dig;
	size_t ndue, ndig;
	int queued = 0;

	if (db_begin(db) != DB_OK)
		return -1;
	if (db_reminders_due(db, a, today, &due, &ndue) != DB_OK ||
	    db_digest_due(db, a, today, &dig, &ndig) != DB_OK)
		goto err;
	for (size_t i = 0; i < ndue; i++, queued++)
		if (remind(db, a, &due[i]) != DB_OK)
			goto err;
	if (digests(db, a, today, dig, ndig, &queued) != DB_OK || db_commit(db) != DB_OK)
		goto err;
	return queued;
err:
	db_rollback(db);
	log_err("outbox", "reminders for day %lld not queued", (long long)today);
	return -1;
}
