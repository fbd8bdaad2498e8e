/*
 * monitor.c: one monitoring round from start to end: the targets and their previous
 * findings, the pages fetched concurrently, their links read and classified, the
 * document links checked (HEAD, then GET where HEAD is refused), the findings and
 * the round's end written at once. Memory: one arena per round, freed at its end.
 */
#include "monitor.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>
#include <sodium.h>

#include "arena.h"
#include "buf.h"
#include "config.h"
#include "db.h"
#include "db_audit.h"
#include "db_monitor.h"
#include "db_municipality.h"
#include "db_school.h"
#include "log.h"
#include "monitor_fetch.h"
#include "monitor_scan.h"
#include "outbox.h"
#include "vocab.h"

enum { LINKS_SCANNED_MAX = 5000, ROUND_ARENA_FIRST = 1 << 20, ROUND_ARENA_CAP = 1 << 30 };

/* One school's round in progress. */
struct check {
	struct monitor_target *t;
	struct monitor_finding f;
	unsigned required, found;       /* doc_type bit sets */
	const char *links[100];         /* document links to check (at most cfg.monitor_links) */
	size_t nlinks;
	struct buf doc_links, dead;
};

static struct fetch_limits limits(void)
{
	return (struct fetch_limits){ cfg.monitor_parallel, cfg.monitor_connect_s, cfg.monitor_timeout_s,
				      cfg.monitor_max_kb * 1024, cfg.monitor_redirects };
}

/* Document types each school must publish: those its lists of the latest year require. */
static int required_docs(struct db *db, struct arena *a, int64_t muni_id, struct check *c, size_t n)
{
	struct membership *ms;
	size_t nms;

	if (db_membership_by_muni(db, a, muni_id, &ms, &nms) != DB_OK)
		return -1;
	for (size_t i = 0; i < n; i++) {
		int year = 0;

		for (size_t k = 0; k < nms; k++)
			if (ms[k].school_id == c[i].t->school_id && ms[k].year > year)
				year = ms[k].year;
		for (size_t k = 0; k < nms; k++) {
			size_t p = VOCAB_FIND(programme_v, ms[k].programme);

			if (ms[k].school_id != c[i].t->school_id || ms[k].year != year || p == PROG__MAX)
				continue;
			for (size_t d = 0; d < DT__MAX; d++)
				if (doc_type_required_for[d] & (1u << p))
					c[i].required |= 1u << d;
		}
	}
	return 0;
}

static void add_doc_link(struct check *c, struct arena *a, size_t type, const char *url)
{
	c->found |= 1u << type;
	for (size_t i = 0; i < c->nlinks; i++)
		if (strcmp(c->links[i], url) == 0)
			return;
	if (c->nlinks < (size_t)cfg.monitor_links && c->nlinks < sizeof c->links / sizeof c->links[0]) {
		c->links[c->nlinks++] = arena_strdup(a, url);
		buf_printf(&c->doc_links, "%s\t%s\n", doc_type_v[type].code, url);
	}
}

/* The document links of a fetched page. */
static void read_page(struct arena *a, struct check *c, const struct fetch *fe)
{
	struct scan_link *links = arena_alloc(a, LINKS_SCANNED_MAX * sizeof *links);
	bool cp1251 = scan_is_cp1251(fe->body, fe->len);
	size_t n = links ? scan_links(a, fe->body, fe->len, cp1251, links, LINKS_SCANNED_MAX) : 0;

	for (size_t i = 0; i < n; i++) {
		const char *url = scan_resolve(a, fe->final_url ? fe->final_url : c->t->url, links[i].href);
		size_t type;

		if (url && scan_is_file(url) && (type = scan_doc_type(a, url, links[i].text)) < DT__MAX)
			add_doc_link(c, a, type, url);
	}
}

/* A 304: the page is as last time, so are its document links. */
static void reuse_links(struct arena *a, struct check *c)
{
	char *s = c->t->prev_doc_links ? arena_strdup(a, c->t->prev_doc_links) : NULL;

	for (char *line = s ? strtok(s, "\n") : NULL; line; line = strtok(NULL, "\n")) {
		char *tab = strchr(line, '\t');
		size_t type;

		if (tab && (*tab = '\0', type = VOCAB_FIND(doc_type_v, line)) < DT__MAX)
			add_doc_link(c, a, type, tab + 1);
	}
}

static const char *hex_sha256(struct arena *a, const char *p, size_t n)
{
	unsigned char d[crypto_hash_sha256_BYTES];
	char *hex = arena_alloc(a, 2 * sizeof d + 1);

	if (!hex)
		return NULL;
	crypto_hash_sha256(d, (const unsigned char *)p, n);
	return sodium_bin2hex(hex, 2 * sizeof d + 1, d, sizeof d);
}

/* The page's part of a finding: outcome, evidence, hash, change, freshness, links. */
static void judge_page(struct arena *a, struct check *c, const struct fetch *fe, int64_t now)
{
	struct monitor_finding *f = &c->f;
	enum monitor_outcome o = scan_outcome(fe->curl_code, fe->status, fe->too_big);
	const struct monitor_target *t = c->t;

	f->outcome = monitor_outcome_v[o].code;
	f->http_status = fe->status;
	f->detail = fe->error;
	f->final_url = fe->final_url;
	f->elapsed_ms = fe->elapsed_ms;
	f->etag = fe->etag_out;
	f->last_modified = fe->last_modified_out;
	f->modified_at = fe->modified_at;
	if (o == MO_OK) {
		f->sha256 = hex_sha256(a, fe->body ? fe->body : "", fe->len);
		f->changed = t->prev_sha256 && f->sha256 ? strcmp(t->prev_sha256, f->sha256) != 0 : -1;
		f->changed_at = f->changed == 1 ? now : t->prev_changed_at;
		if (fe->body)
			read_page(a, c, fe);
	} else if (o == MO_NOT_MODIFIED) {
		f->sha256 = t->prev_sha256;
		f->changed = 0;
		f->changed_at = t->prev_changed_at;
		f->etag = f->etag ? f->etag : t->prev_etag;
		f->last_modified = f->last_modified ? f->last_modified : t->prev_last_modified;
		f->modified_at = f->modified_at ? f->modified_at : t->prev_modified_at;
		reuse_links(a, c);
	}
	f->fresh = o == MO_OK || o == MO_NOT_MODIFIED
			   ? monitor_fresh_v[scan_fresh(now, f->modified_at, f->changed_at)].code
			   : monitor_fresh_v[FRESH_UNKNOWN].code;
}

/* A link answer that means «HEAD not allowed here»: ask again with GET. */
static bool head_refused(const struct fetch *fe)
{
	return fe->curl_code != CURLE_OK || fe->status == 405 || fe->status == 501 || fe->status == 403;
}

static bool link_alive(const struct fetch *fe)
{
	return fe->curl_code == CURLE_OK && fe->status >= 200 && fe->status < 400;
}

/* Checks every school's document links: all HEADs at once, then GETs for the refused. */
static int check_links(struct arena *a, struct check *c, size_t n, const struct fetch_limits *lim)
{
	size_t total = 0, k = 0, nget = 0;
	struct fetch *fe, *get;

	for (size_t i = 0; i < n; i++)
		total += c[i].nlinks;
	if (total == 0)
		return 0;
	if (!(fe = arena_alloc(a, total * sizeof *fe)) || !(get = arena_alloc(a, total * sizeof *get)))
		return -1;
	memset(fe, 0, total * sizeof *fe);
	memset(get, 0, total * sizeof *get);
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < c[i].nlinks; j++)
			fe[k++] = (struct fetch){ .url = c[i].links[j], .head = true, .status_only = true };
	fetch_all(a, fe, total, lim);
	for (k = 0; k < total; k++)
		if (head_refused(&fe[k]))
			get[nget++] = (struct fetch){ .url = fe[k].url, .status_only = true };
	fetch_all(a, get, nget, lim);
	k = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < c[i].nlinks; j++, k++) {
			const struct fetch *r = &fe[k];

			for (size_t g = 0; g < nget && head_refused(r); g++)
				if (get[g].url == fe[k].url)
					r = &get[g];
			if (link_alive(r))
				continue;
			enum monitor_outcome o = scan_outcome(r->curl_code, r->status, r->too_big);

			if (o == MO_HTTP)
				buf_printf(&c[i].dead, "%s\t%ld\n", r->url, r->status);
			else
				buf_printf(&c[i].dead, "%s\t%s\n", r->url, monitor_outcome_v[o].code);
		}
	return 0;
}

/* "code,code" of the doc types in `bits`. */
static const char *type_list(struct arena *a, unsigned bits)
{
	struct buf b;

	buf_init(&b, a, 256);
	for (size_t d = 0; d < DT__MAX; d++)
		if (bits & (1u << d))
			buf_printf(&b, "%s%s", b.len ? "," : "", doc_type_v[d].code);
	return b.data ? b.data : "";
}

/* The finding told in a few Russian lines for the school's e-mail. */
static const char *mail_summary(struct arena *a, const struct check *c)
{
	struct buf b;
	size_t o = VOCAB_FIND(monitor_outcome_v, c->f.outcome), fr = VOCAB_FIND(monitor_fresh_v, c->f.fresh);
	unsigned missing = c->required & ~c->found;

	buf_init(&b, a, 1024);
	buf_printf(&b, "Сайт: %s\n", o < MO__MAX ? monitor_outcome_v[o].label : c->f.outcome);
	if (fr < FRESH__MAX)
		buf_printf(&b, "Обновлялся за последний месяц: %s\n", monitor_fresh_v[fr].label);
	for (size_t d = 0; d < DT__MAX; d++)
		if (missing & (1u << d))
			buf_printf(&b, "Нет ссылки на документ: %s\n", doc_type_v[d].label);
	if (c->dead.len)
		buf_printf(&b, "Есть неработающие ссылки на документы\n");
	return b.data ? b.data : "";
}

/* Queues each school's findings to its administrators (outbox.h), in the caller's
 * transaction: the mail exists exactly when the round is stored. */
static int mail_findings(struct db *db, struct arena *a, const struct check *c, size_t n)
{
	struct municipality *m;
	struct school *s;
	size_t nm, ns;
	const char *slug = NULL;

	if (n == 0)
		return 0;
	if (db_municipality_list(db, a, &m, &nm) != DB_OK ||
	    db_school_list(db, a, c[0].t->municipality_id, &s, &ns) != DB_OK)
		return -1;
	for (size_t i = 0; i < nm; i++)
		if (m[i].id == c[0].t->municipality_id)
			slug = m[i].slug;
	for (size_t i = 0; slug && i < n; i++)
		for (size_t k = 0; k < ns; k++)
			if (s[k].id == c[i].f.school_id &&
			    outbox_add_monitoring(db, a, s[k].id, s[k].short_name,
						  arena_printf(a, "/%s/schools/%s/monitoring/", slug, s[k].slug),
						  mail_summary(a, &c[i])) != DB_OK)
				return -1;
	return 0;
}

/* All findings, the round's end, its audit row and the schools' e-mails: one transaction. */
static int store(struct db *db, struct arena *a, int64_t round_id, struct check *c, size_t n)
{
	size_t ok = 0;
	struct audit_event e = { .action = "monitor_done" };

	if (db_begin(db) != DB_OK)
		return -1;
	for (size_t i = 0; i < n; i++) {
		struct monitor_finding *f = &c[i].f;

		f->docs_found = type_list(a, c[i].found);
		f->docs_missing = type_list(a, c[i].required & ~c[i].found);
		f->doc_links = c[i].doc_links.data;
		f->dead_links = c[i].dead.data;
		ok += strcmp(f->outcome, "ok") == 0 || strcmp(f->outcome, "not_modified") == 0;
		if (db_monitor_finding_add(db, f) != DB_OK)
			goto fail;
	}
	e.detail = arena_printf(a, "раунд %lld: доступны %zu из %zu", (long long)round_id, ok, n);
	if (db_monitor_round_finish(db, round_id, "done") != DB_OK || db_audit_add(db, &e) != DB_OK ||
	    mail_findings(db, a, c, n) != 0 || db_commit(db) != DB_OK)
		goto fail;
	return 0;
fail:
	db_rollback(db);
	return -1;
}

static int run(struct db *db, struct arena *a, int64_t round_id)
{
	struct fetch_limits lim = limits();
	struct monitor_target *t;
	struct check *c;
	struct fetch *fe;
	size_t n, nf = 0;
	int64_t now = (int64_t)time(NULL);

	if (db_monitor_targets(db, a, round_id, &t, &n) != DB_OK || !(c = arena_alloc(a, (n + 1) * sizeof *c)) ||
	    !(fe = arena_alloc(a, (n + 1) * sizeof *fe)))
		return -1;
	memset(c, 0, (n + 1) * sizeof *c);
	for (size_t i = 0; i < n; i++) {
		c[i].t = &t[i];
		c[i].f = (struct monitor_finding){ .round_id = round_id, .school_id = t[i].school_id, .url = t[i].url,
						   .changed = -1, .fresh = monitor_fresh_v[FRESH_UNKNOWN].code };
		buf_init(&c[i].doc_links, a, 64 << 10);
		buf_init(&c[i].dead, a, 64 << 10);
		if (!t[i].url)
			c[i].f.outcome = monitor_outcome_v[MO_NO_URL].code;
		else if (!scan_url_ok(t[i].url))
			c[i].f.outcome = monitor_outcome_v[MO_BAD_URL].code;
		else
			fe[nf++] = (struct fetch){ .url = t[i].url, .etag = t[i].prev_etag,
						   .last_modified = t[i].prev_last_modified };
	}
	if (n > 0 && required_docs(db, a, t[0].municipality_id, c, n) != 0)
		return -1;
	if (fetch_all(a, fe, nf, &lim) != 0)
		return -1;
	for (size_t i = 0, k = 0; i < n; i++)
		if (!c[i].f.outcome)
			judge_page(a, &c[i], &fe[k++], now);
	if (check_links(a, c, n, &lim) != 0)
		return -1;
	return store(db, a, round_id, c, n);
}

/* Ends a round that could not run as failed, with its audit row. */
static void mark_failed(struct db *db, int64_t round_id)
{
	struct audit_event e = { .action = "monitor_failed",
				 .detail = "раунд мониторинга не завершён: см. журнал приложения" };

	log_err("monitor", "round %lld failed", (long long)round_id);
	db_rollback(db);
	if (db_begin(db) != DB_OK || db_monitor_round_finish(db, round_id, "failed") != DB_OK ||
	    db_audit_add(db, &e) != DB_OK || db_commit(db) != DB_OK)
		db_rollback(db);
}

int monitor_run(struct db *db, int64_t round_id)
{
	struct arena a;
	int rc = -1;

	if (arena_init(&a, ROUND_ARENA_FIRST, ROUND_ARENA_CAP) == 0) {
		rc = run(db, &a, round_id);
		arena_free(&a);
	}
	if (rc != 0)
		mark_failed(db, round_id);
	return rc;
}

static void *round_thread(void *arg)
{
	int64_t round_id = *(int64_t *)arg;
	struct db db;

	free(arg);
	if (db_open(&db, cfg.db_path, true) != DB_OK) {
		log_err("monitor", "round %lld: cannot open the database", (long long)round_id);
		return NULL;
	}
	monitor_run(&db, round_id);
	db_close(&db);
	return NULL;
}

int monitor_start(struct db *db, int64_t round_id)
{
	pthread_attr_t attr;
	pthread_t th;
	int64_t *arg = malloc(sizeof *arg);
	int rc = -1;

	if (!arg) {
		mark_failed(db, round_id);
		return -1;
	}
	*arg = round_id;
	if (pthread_attr_init(&attr) == 0) {
		if (pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED) == 0 &&
		    pthread_create(&th, &attr, round_thread, arg) == 0)
			rc = 0;
		pthread_attr_destroy(&attr);
	}
	if (rc != 0) {
		free(arg);
		mark_failed(db, round_id);
	}
	return rc;
}

int monitor_recover(struct db *db)
{
	struct audit_event e = { .action = "monitor_failed", .detail = "раунд мониторинга прерван остановкой портала" };
	int n = 0;

	if (db_begin(db) != DB_OK || db_monitor_recover(db, &n) != DB_OK ||
	    (n > 0 && db_audit_add(db, &e) != DB_OK) || db_commit(db) != DB_OK) {
		db_rollback(db);
		return -1;
	}
	if (n > 0)
		log_info("monitor", "%d interrupted monitoring rounds marked failed", n);
	return 0;
}
