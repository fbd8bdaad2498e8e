/*
 * route.c: the route table and the dispatcher. All URL policy is here: which
 * paths exist, which methods they take, the redirect to the canonical trailing slash.
 */
#include "route.h"

#include <string.h>

#include "arena.h"
#include "http.h"
#include "pages.h"
#include "render.h"
#include "worker.h"

struct route {
	unsigned methods;       /* bit set of enum http_method */
	const char *pattern;    /* "{}" is one slug segment */
	route_fn fn;
};

#define GET (M_GET | M_HEAD)

static const struct route routes[] = {
	/* methods  pattern                        handler */
	{ GET,      "/",                           home_page },
	{ GET,      "/healthz",                    healthz_page },
	{ GET,      "/vi/on",                      vi_on_page },
	{ GET,      "/vi/off",                     vi_off_page },
	{ GET,      "/{}/",                        municipality_page },
	{ GET,      "/{}/schools/{}/",             school_page },
	{ GET,      "/{}/roadmap/",                roadmap_page },
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

/* The route for the path, or NULL; *path_matched tells a 405 from a 404. */
static const struct route *route_find(struct req *rq, bool *path_matched)
{
	*path_matched = false;
	for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
		if (!route_match(routes[i].pattern, rq->path, rq->args, rq->arena))
			continue;
		*path_matched = true;
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

/* GET handlers see one consistent snapshot, taken once for the whole page. */
static int route_run(struct req *rq, struct resp *rs, const struct route *r)
{
	struct db *db = &rq->w->db;
	int status;

	if (db_read_begin(db) != DB_OK)
		return 503;
	status = r->fn(rq, rs);
	db_read_end(db);
	return status;
}

void route_dispatch(struct req *rq, struct resp *rs, const char *uri, const char *query)
{
	const struct route *r;
	bool path_matched;
	int status;

	rq->path = "/";
	if ((status = http_path_parse(rq->arena, uri, &rq->path)) != 0)
		;
	else if ((status = http_query_parse(rq, query)) != 0)
		;
	else if (rq->method == M_OTHER)
		status = 405;
	else if ((r = route_find(rq, &path_matched)) != NULL)
		status = route_run(rq, rs, r);
	else if (path_matched)
		status = 405;
	else if ((status = route_slash_redirect(rq, rs)) == 0)
		status = 404;
	if (status == 405)
		http_header(rs, "Allow", "GET, HEAD");
	if (status >= 400)
		render_error(rq, rs, status);
}
