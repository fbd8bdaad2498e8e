/*
 * route.c: the route table and the dispatcher. All URL policy is here: which
 * paths exist, which methods they take, who may use them (login, role, the
 * school in the URL), CSRF on every POST, the body parsing, the transaction
 * mode, and the redirect to the canonical trailing slash.
 */
#include "route.h"

#include <string.h>

#include "arena.h"
#include "auth.h"
#include "cache.h"
#include "config.h"
#include "db_municipality.h"
#include "db_school.h"
#include "db_user.h"
#include "http.h"
#include "log.h"
#include "pages.h"
#include "render.h"
#include "session.h"
#include "upload.h"
#include "view.h"
#include "vocab.h"
#include "worker.h"

enum route_flag {
	R_LOGIN = 1,      /* a logged-in user; anonymous GETs are sent to /login */
	R_SCHOOL = 2,     /* args[0]/args[1] name a school: loaded, 404 if unknown; with
			     R_LOGIN the user must have it in scope (403) */
	R_MUNI = 4,       /* args[0] names a municipality: loaded, 404 if unknown; with
			     R_LOGIN the user must belong to it (or be the region's admin) */
	R_UPLOAD = 8,     /* POST body is multipart/form-data with one file */
	R_CACHE = 16,     /* a public page: anonymous visitors may get the worker's copy */
};

/* Role bits; 0 means any logged-in user (or anyone without R_LOGIN). */
#define RB(r) (1u << (r))
#define STAFF (RB(ROLE_CURATOR) | RB(ROLE_COORDINATOR) | RB(ROLE_ADMIN))
#define EDITORS (RB(ROLE_COORDINATOR) | RB(ROLE_ADMIN))
#define SCHOOL_EDITORS (RB(ROLE_SCHOOL) | EDITORS)   /* a school's texts: its administrator too */

struct route {
	unsigned methods;       /* bit set of enum http_method */
	const char *pattern;    /* "{}" is one slug segment */
	route_fn fn;
	unsigned flags;         /* enum route_flag; every POST also checks CSRF */
	unsigned roles;         /* RB(ROLE_x) bits, 0 = no role restriction */
};

#define GET (M_GET | M_HEAD)

static const struct route routes[] = {
	/* methods  pattern                              handler             flags                         roles */
	{ GET,    "/",                                   home_page,          R_CACHE,                      0 },
	{ GET,    "/healthz",                            healthz_page,       0,                            0 },
	{ GET,    "/vi/on",                              vi_on_page,         0,                            0 },
	{ GET,    "/vi/off",                             vi_off_page,        0,                            0 },
	{ GET,    "/search",                             search_page,        0,                            0 },
	{ GET,    "/login",                              login_page,         0,                            0 },
	{ M_POST, "/login",                              login_post_page,    0,                            0 },
	{ M_POST, "/logout",                             logout_page,        R_LOGIN,                      0 },
	{ GET,    "/cabinet/",                           cabinet_page,       R_LOGIN,                      0 },
	{ GET,    "/review/",                            queue_page,         R_LOGIN,                      STAFF },
	{ GET,    "/my/",                                my_items_page,      R_LOGIN,                      0 },
	{ GET,    "/my/export.csv",                      my_items_csv_page,  R_LOGIN,                      0 },
	{ GET,    "/my/export.xlsx",                     my_items_xlsx_page, R_LOGIN,                      0 },
	{ GET,    "/dashboard/",                         dashboard_region_page,      R_LOGIN,              RB(ROLE_ADMIN) },
	{ GET,    "/dashboard/region.csv",               dashboard_region_csv_page,  R_LOGIN,              RB(ROLE_ADMIN) },
	{ GET,    "/dashboard/region.xlsx",              dashboard_region_xlsx_page, R_LOGIN,              RB(ROLE_ADMIN) },
	{ GET,    "/settings/mail",                      mail_settings_page, R_LOGIN,                      0 },
	{ M_POST, "/settings/mail",                      mail_settings_post_page, R_LOGIN,                 0 },
	{ GET,    "/admin/outbox/",                      outbox_page,        R_LOGIN,                      RB(ROLE_ADMIN) },
	{ M_POST, "/admin/outbox/{}/retry",              outbox_retry_page,  R_LOGIN,                      RB(ROLE_ADMIN) },
	{ GET,    "/opendata/",                          opendata_page,      R_CACHE,                      0 },
	{ GET,    "/opendata/{}.csv",                    opendata_csv_page,  0,                            0 },
	{ GET,    "/{}/",                                municipality_page,  R_MUNI | R_CACHE,             0 },
	{ GET,    "/{}/feed.atom",                       muni_feed_page,     R_MUNI,                       0 },
	{ GET,    "/{}/dashboard/",                      dashboard_page,     R_LOGIN | R_MUNI,             STAFF },
	{ GET,    "/{}/dashboard/{}.csv",                dashboard_csv_page,  R_LOGIN | R_MUNI,            STAFF },
	{ GET,    "/{}/dashboard/{}.xlsx",               dashboard_xlsx_page, R_LOGIN | R_MUNI,            STAFF },
	{ GET,    "/{}/roadmap/",                        roadmap_page,       R_MUNI | R_CACHE,             0 },
	{ GET,    "/{}/roadmap/schools/",                roadmap_schools_page, R_MUNI | R_CACHE,           0 },
	{ GET,    "/{}/roadmap/schools/export.csv",      roadmap_schools_csv_page,  R_MUNI,                0 },
	{ GET,    "/{}/roadmap/schools/export.xlsx",     roadmap_schools_xlsx_page, R_MUNI,                0 },
	{ GET,    "/{}/roadmap/export.csv",              roadmap_csv_page,   R_MUNI,                       0 },
	{ GET,    "/{}/roadmap/export.xlsx",             roadmap_xlsx_page,  R_MUNI,                       0 },
	{ GET,    "/{}/roadmap/items/{}/",               item_page,          R_MUNI | R_CACHE,             0 },
	{ GET,    "/{}/roadmap/unparsed/",               unparsed_page,      R_LOGIN | R_MUNI,             STAFF },
	{ GET,    "/{}/roadmap/import",                  import_form_page,   R_LOGIN | R_MUNI,             STAFF },
	{ M_POST, "/{}/roadmap/import",                  import_upload_page, R_LOGIN | R_MUNI | R_UPLOAD,  STAFF },
	{ M_POST, "/{}/roadmap/import/confirm",          import_confirm_page, R_LOGIN | R_MUNI,            STAFF },
	{ GET,    "/{}/results/import",                  results_import_form_page,    R_LOGIN | R_MUNI,            EDITORS },
	{ M_POST, "/{}/results/import",                  results_import_upload_page,  R_LOGIN | R_MUNI | R_UPLOAD, EDITORS },
	{ M_POST, "/{}/results/import/confirm",          results_import_confirm_page, R_LOGIN | R_MUNI,            EDITORS },
	{ GET,    "/{}/roadmap/items/new",               item_new_page,       R_LOGIN | R_MUNI,            0 },
	{ M_POST, "/{}/roadmap/items",                   item_create_page,    R_LOGIN | R_MUNI,            0 },
	{ GET,    "/{}/roadmap/items/{}/edit",           item_edit_form_page, R_LOGIN | R_MUNI,            0 },
	{ M_POST, "/{}/roadmap/items/{}/edit",           item_edit_page,      R_LOGIN | R_MUNI,            0 },
	{ M_POST, "/{}/roadmap/items/{}/move",           item_move_page,      R_LOGIN | R_MUNI,            0 },
	{ M_POST, "/{}/roadmap/items/{}/remove",         item_remove_page,    R_LOGIN | R_MUNI,            0 },
	{ M_POST, "/{}/roadmap/items/{}/restore",        item_restore_page,   R_LOGIN | R_MUNI,            0 },
	{ GET,    "/{}/roadmap/items/{}/removed",        item_removed_page,   R_MUNI,                      0 },
	{ M_POST, "/{}/roadmap/items/{}/occurrences/{}/done",     occurrence_done_page,     R_LOGIN | R_MUNI, 0 },
	{ M_POST, "/{}/roadmap/items/{}/assignees",               item_assign_page,         R_LOGIN | R_MUNI, 0 },
	{ M_POST, "/{}/roadmap/items/{}/occurrences/{}/start",    occurrence_start_page,    R_LOGIN | R_MUNI, 0 },
	{ M_POST, "/{}/roadmap/items/{}/occurrences/{}/confirm",  occurrence_confirm_page,  R_LOGIN | R_MUNI, STAFF },
	{ M_POST, "/{}/roadmap/items/{}/occurrences/{}/withdraw", occurrence_withdraw_page, R_LOGIN | R_MUNI, STAFF },
	{ GET,    "/{}/indicators/",                     indicators_page,     R_MUNI | R_CACHE,            0 },
	{ GET,    "/{}/indicators/export.csv",           indicators_csv_page, R_MUNI,                      0 },
	{ GET,    "/{}/indicators/export.xlsx",          indicators_xlsx_page, R_MUNI,                     0 },
	{ GET,    "/{}/indicators/facts",                indicator_facts_page, R_LOGIN | R_MUNI,           EDITORS },
	{ M_POST, "/{}/indicators/facts",                indicator_fact_post_page, R_LOGIN | R_MUNI,       EDITORS },
	{ GET,    "/{}/news/",                           news_list_page,      R_MUNI | R_CACHE,            0 },
	{ GET,    "/{}/news/{}/",                        news_post_page,      R_MUNI | R_CACHE,            0 },
	{ GET,    "/{}/content/",                        content_index_page,  R_LOGIN | R_MUNI,            EDITORS },
	{ GET,    "/{}/content/{}",                      content_form_page,   R_LOGIN | R_MUNI,            EDITORS },
	{ M_POST, "/{}/content/{}",                      content_post_page,   R_LOGIN | R_MUNI,            EDITORS },
	{ GET,    "/{}/content/{}/versions/",            content_versions_page, R_LOGIN | R_MUNI,          STAFF },
	{ M_POST, "/{}/content/{}/rollback",             content_rollback_page, R_LOGIN | R_MUNI,          EDITORS },
	{ M_POST, "/{}/content/{}/visibility",           content_visibility_page, R_LOGIN | R_MUNI,        EDITORS },
	{ GET,    "/{}/freshness/",                      freshness_page,      R_LOGIN | R_MUNI,            STAFF },
	{ GET,    "/{}/freshness/export.csv",            freshness_csv_page,  R_LOGIN | R_MUNI,            STAFF },
	{ GET,    "/{}/freshness/export.xlsx",           freshness_xlsx_page, R_LOGIN | R_MUNI,            STAFF },
	{ GET,    "/{}/identification/",                 ident_page,          R_LOGIN | R_MUNI,            STAFF },
	{ GET,    "/{}/identification/export.csv",       ident_csv_page,      R_LOGIN | R_MUNI,            STAFF },
	{ GET,    "/{}/identification/export.xlsx",      ident_xlsx_page,     R_LOGIN | R_MUNI,            STAFF },
	{ M_POST, "/{}/identification/decide",           ident_decide_page,   R_LOGIN | R_MUNI,            EDITORS },
	{ GET,    "/{}/identification/settings",         ident_settings_page, R_LOGIN | R_MUNI,            STAFF },
	{ M_POST, "/{}/identification/settings",         ident_settings_post_page, R_LOGIN | R_MUNI,       EDITORS },
	{ GET,    "/{}/identification/schools/{}/",      ident_school_page,   R_LOGIN | R_SCHOOL,          STAFF },
	{ GET,    "/{}/monitoring/",                     monitoring_page,       R_LOGIN | R_MUNI,          STAFF },
	{ M_POST, "/{}/monitoring/",                     monitoring_start_page, R_LOGIN | R_MUNI,          EDITORS },
	{ GET,    "/{}/monitoring/{}/",                  monitoring_round_page, R_LOGIN | R_MUNI,          STAFF },
	{ GET,    "/{}/monitoring/{}/export.csv",        monitoring_csv_page,   R_LOGIN | R_MUNI,          STAFF },
	{ GET,    "/{}/monitoring/{}/export.xlsx",       monitoring_xlsx_page,  R_LOGIN | R_MUNI,          STAFF },
	{ GET,    "/{}/schools/{}/monitoring/",          school_monitoring_page, R_LOGIN | R_SCHOOL,       0 },
	{ M_POST, "/{}/schools/{}/monitoring/website",   school_website_page,   R_LOGIN | R_SCHOOL,        EDITORS },
	{ GET,    "/{}/schools/{}/",                     school_page,        R_SCHOOL | R_CACHE,           0 },
	{ GET,    "/{}/schools/{}/feed.atom",            school_feed_page,   R_SCHOOL,                     0 },
	{ GET,    "/{}/schools/{}/roadmap/",             roadmap_page,       R_SCHOOL | R_CACHE,           0 },
	{ GET,    "/{}/schools/{}/roadmap/export.csv",   roadmap_csv_page,   R_SCHOOL,                     0 },
	{ GET,    "/{}/schools/{}/roadmap/export.xlsx",  roadmap_xlsx_page,  R_SCHOOL,                     0 },
	{ GET,    "/{}/schools/{}/docs/",                docs_page,          R_LOGIN | R_SCHOOL,           0 },
	{ M_POST, "/{}/schools/{}/docs/",                doc_upload_page,    R_LOGIN | R_SCHOOL | R_UPLOAD, RB(ROLE_SCHOOL) },
	{ GET,    "/{}/schools/{}/docs/{}/",             doc_page,           R_SCHOOL,                     0 },
	{ GET,    "/{}/schools/{}/docs/{}/file",         doc_file_page,      R_SCHOOL,                     0 },
	{ M_POST, "/{}/schools/{}/docs/{}/submit",       doc_submit_page,    R_LOGIN | R_SCHOOL,           RB(ROLE_SCHOOL) },
	{ M_POST, "/{}/schools/{}/docs/{}/review",       doc_review_page,    R_LOGIN | R_SCHOOL,           STAFF },
	{ GET,    "/{}/schools/{}/news/",                news_list_page,     R_SCHOOL | R_CACHE,           0 },
	{ GET,    "/{}/schools/{}/news/{}/",             news_post_page,     R_SCHOOL | R_CACHE,           0 },
	{ GET,    "/{}/schools/{}/content/",             content_index_page, R_LOGIN | R_SCHOOL,           SCHOOL_EDITORS },
	{ GET,    "/{}/schools/{}/content/{}",           content_form_page,  R_LOGIN | R_SCHOOL,           SCHOOL_EDITORS },
	{ M_POST, "/{}/schools/{}/content/{}",           content_post_page,  R_LOGIN | R_SCHOOL,           SCHOOL_EDITORS },
	{ GET,    "/{}/schools/{}/content/{}/versions/", content_versions_page, R_LOGIN | R_SCHOOL,        RB(ROLE_SCHOOL) | STAFF },
	{ M_POST, "/{}/schools/{}/content/{}/rollback",  content_rollback_page, R_LOGIN | R_SCHOOL,        EDITORS },
	{ M_POST, "/{}/schools/{}/content/{}/visibility", content_visibility_page, R_LOGIN | R_SCHOOL,     SCHOOL_EDITORS },
	{ GET,    "/{}/schools/{}/audit/",               audit_page,         R_LOGIN | R_SCHOOL,           0 },
};

enum { SLUG_MAX = 64 };

static bool slug_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

bool route_match(const char *pattern, const char *path, const char **args, struct arena *a)
{
	size_t nargs = 0;

	while (*pattern) {
		if (pattern[0] == '{' && pattern[1] == '}') {
			size_t n = 0;

			while (slug_char(path[n]))
				n++;
			if (n == 0 || n > SLUG_MAX || nargs == HTTP_ARGS_MAX)
				return false;
			if (args && !(args[nargs++] = arena_strndup(a, path, n)))
				return false;
			path += n;
			pattern += 2;
		} else if (*pattern++ != *path++)
			return false;
	}
	return *path == '\0';
}

/* The route for the path and method, or NULL; *allowed collects the methods the
 * path takes (0: no such path, a 404; else a 405). */
static const struct route *route_find(struct req *rq, unsigned *allowed)
{
	*allowed = 0;
	for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
		if (!route_match(routes[i].pattern, rq->path, rq->args, rq->arena))
			continue;
		*allowed |= routes[i].methods;
		if (routes[i].methods & rq->method)
			return &routes[i];
	}
	return NULL;
}

/* A page path typed without its trailing slash gets a permanent redirect to it. */
static int route_slash_redirect(struct req *rq, struct resp *rs)
{
	size_t n = strlen(rq->path);
	char *with_slash;

	if (n == 0 || rq->path[n - 1] == '/' || !(rq->method & GET))
		return 0;
	if (!(with_slash = arena_printf(rq->arena, "%s/", rq->path)))
		return 0;
	for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++)
		if (route_match(routes[i].pattern, with_slash, NULL, rq->arena))
			return http_redirect(rs, 301, with_slash);
	return 0;
}

/* Loads the municipality (and school) named in the URL. Returns 0, 404 or 503. */
static int route_load_place(struct req *rq, unsigned flags)
{
	struct db *db = &rq->w->db;
	int rc;

	if (!(rq->muni = arena_alloc(rq->arena, sizeof *rq->muni)))
		return 503;
	rc = db_municipality_by_slug(db, rq->arena, rq->args[0], rq->muni);
	if (rc != DB_OK)
		return rc == DB_NOTFOUND ? 404 : 503;
	if (!(flags & R_SCHOOL))
		return 0;
	if (!(rq->school = arena_alloc(rq->arena, sizeof *rq->school)))
		return 503;
	rc = db_school_by_slug(db, rq->arena, rq->muni->id, rq->args[1], rq->school);
	return rc == DB_OK ? 0 : rc == DB_NOTFOUND ? 404 : 503;
}

/* Who may go on: login, role, scope. Returns 0 or the status to answer with. */
static int route_authorize(struct req *rq, struct resp *rs, const struct route *r)
{
	if ((r->flags & R_LOGIN) && !rq->user) {
		if (rq->method == M_POST)
			return 403;
		return http_redirect(rs, 303, arena_printf(rq->arena, "/login?next=%s",
							   view_url_arg(rq->arena, rq->path)));
	}
	if (r->roles) {
		size_t role = VOCAB_FIND(role_v, rq->user ? rq->user->role : NULL);

		if (role == ROLE__MAX || !(r->roles & RB(role)))
			return 403;
	}
	if ((r->flags & R_LOGIN) && (r->flags & R_SCHOOL) &&
	    !db_user_in_scope(&rq->w->db, rq->user, rq->school->id, rq->muni->id))
		return 403;
	if ((r->flags & R_LOGIN) && (r->flags & R_MUNI) && rq->user->municipality_id != rq->muni->id &&
	    strcmp(rq->user->role, role_v[ROLE_ADMIN].code) != 0)
		return 403;   /* work on a municipality's roadmap: its own people only */
	return 0;
}

/* Every POST: same-site only, body parsed, the form's _csrf equal to the
 * session's (or, before login, the lcsrf cookie's) token. */
static int route_check_post(struct req *rq, const struct route *r)
{
	int rc;

	if (strcmp(rq->fetch_site, "cross-site") == 0)
		return 403;
	rc = (r->flags & R_UPLOAD) ? upload_receive(rq) : http_form_read(rq);
	if (rc != 0)
		return rc;
	return auth_token_equal(http_field(rq, "_csrf"), rq->csrf) ? 0 : 403;
}

/* The cache key of a public page: its path, its query and the version asked for. */
static const char *route_cache_key(struct req *rq)
{
	struct buf b;

	buf_init(&b, rq->arena, HTTP_PATH_MAX + HTTP_QUERY_MAX + 8);
	buf_puts(&b, rq->vi ? "vi " : "- ");
	buf_puts(&b, rq->path);
	for (size_t i = 0; i < rq->nparams; i++)
		buf_printf(&b, "%c%s=%s", i ? '&' : '?', rq->params[i].name, rq->params[i].value);
	return b.err ? NULL : b.data;
}

/* Lets nginx keep an anonymous visitor's public page for page_cache_seconds (0: never),
 * by X-Accel-Expires, which nginx.conf's fastcgi_cache honours and nothing else sets. */
static void shared_cache_header(struct req *rq, struct resp *rs)
{
	if (cfg.page_cache_seconds > 0)
		http_header(rs, "X-Accel-Expires", arena_printf(rq->arena, "%ld", cfg.page_cache_seconds));
}

/* GET handlers see one snapshot of a read-only connection; POST handlers get a
 * writable one and open their own write transaction. */
static int route_run(struct req *rq, struct resp *rs, const struct route *r)
{
	struct db *db = &rq->w->db;
	const char *cache_key = NULL;
	int status;

	if ((status = session_load(rq)) != 0)
		return status;
	if ((r->flags & R_CACHE) && !rq->user && !rq->no_cache && (cache_key = route_cache_key(rq)) &&
	    cache_get(rq->w, cache_key, rs)) {
		shared_cache_header(rq, rs);
		return 200;
	}
	if (db_read_begin(db) != DB_OK)
		return 503;
	if ((r->flags & (R_SCHOOL | R_MUNI)) && (status = route_load_place(rq, r->flags)) != 0)
		;
	else if ((status = route_authorize(rq, rs, r)) != 0)
		;
	else if (rq->method == M_POST) {
		db_read_end(db);
		if ((status = route_check_post(rq, r)) == 0 && db_set_writable(db, true) == DB_OK) {
			db->storage_failed = false;
			status = r->fn(rq, rs);
			if (status >= 500 && db->storage_failed)
				rq->storage_failed = true;
			db_rollback(db);   /* a handler that failed half-way leaves nothing */
			db_set_writable(db, false);
			cache_clear(rq->w);   /* this worker's own writes do not move its data_version */
		} else if (status == 0)
			status = 503;
		return status;
	} else
		status = r->fn(rq, rs);
	db_read_end(db);
	if (cache_key && status == 200 && !strstr(rs->headers.data ? rs->headers.data : "", "Set-Cookie")) {
		cache_put(rq->w, cache_key, rs);
		shared_cache_header(rq, rs);
	}
	return status;
}

void route_dispatch(struct req *rq, struct resp *rs, const char *uri, const char *query)
{
	const struct route *r = NULL;
	unsigned allowed = 0;
	int status;

	rq->path = "/";
	if ((status = http_path_parse(rq->arena, uri, &rq->path)) != 0)
		;
	else if ((status = http_query_parse(rq, query)) != 0)
		;
	else if ((r = route_find(rq, &allowed)) != NULL && rq->method != M_OTHER)
		status = route_run(rq, rs, r);
	else if (allowed)
		status = 405;
	else if ((status = route_slash_redirect(rq, rs)) == 0)
		status = 404;
	if (status >= 500 && rq->storage_failed) {
		status = 507;   /* a full or read-only disk: say so, not «ошибка сервера» */
		log_event(LOG_ERR, rq->id, "storage", "%s %s: not stored, the disk is full or read-only",
			  rq->method_name, rq->path);
	}
	if (status == 405)
		http_header(rs, "Allow", (allowed & M_POST) ? ((allowed & M_GET) ? "GET, HEAD, POST" : "POST")
							    : "GET, HEAD");
	rs->status = status;
	if (status >= 400 && (status >= 500 || rs->body.len == 0))
		render_error(rq, rs, status);   /* a re-shown form (4xx with a body) stays */
}
