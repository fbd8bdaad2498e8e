/*
 * route.h: the route table and the dispatcher that enforces it: path (404),
 * method (405), then the handler. Handlers never re-check what a flag declares.
 */
#ifndef ROUTE_H
#define ROUTE_H

#include <stdbool.h>

struct arena;
struct req;
struct resp;

/* A handler fills `rs` and returns the HTTP status. For ≥ 500, or a 4xx with no
 * body, the dispatcher renders the error page; a 4xx with a body (a form shown
 * again with its messages) is sent as it is. */
typedef int (*route_fn)(struct req *rq, struct resp *rs);

/*
 * Matches `path` against `pattern`, where "{}" stands for one segment of 1–64
 * characters [a-z0-9-]. On a match fills args[] (arena copies) and returns true.
 */
bool route_match(const char *pattern, const char *path, const char **args, struct arena *a);

/* Parses the raw request URI's path and the query string, finds the route, runs
 * it, and renders the error page for any status ≥ 400. Never writes to the client. */
void route_dispatch(struct req *rq, struct resp *rs, const char *uri, const char *query);

#endif
