/* test_route.c: route patterns: literal parts, slug placeholders, limits. */
#include <string.h>

#include "arena.h"
#include "route.h"
#include "tap.h"

int main(void)
{
	struct arena a;
	const char *args[4] = { 0 };

	arena_init(&a, 4096, 1 << 20);
	ok(route_match("/", "/", args, &a), "root");
	ok(!route_match("/", "/x", args, &a), "root does not match more");
	ok(route_match("/{}/", "/ust-ilimsk/", args, &a) && strcmp(args[0], "ust-ilimsk") == 0,
	   "one placeholder");
	ok(route_match("/{}/schools/{}/", "/baley/schools/sosh-14/", args, &a) &&
	   strcmp(args[0], "baley") == 0 && strcmp(args[1], "sosh-14") == 0, "two placeholders");
	ok(!route_match("/{}/", "/ust-ilimsk", args, &a), "trailing slash is part of the route");
	ok(!route_match("/{}/", "//", args, &a), "empty segment");
	ok(!route_match("/{}/", "/Ust/", args, &a), "upper case is not a slug");
	ok(!route_match("/{}/", "/усть/", args, &a), "Cyrillic is not a slug");
	ok(!route_match("/{}/", "/a_b/", args, &a), "underscore is not a slug");
	char seg[80] = "/";
	memset(seg + 1, 'a', 65);
	strcpy(seg + 66, "/");
	ok(!route_match("/{}/", seg, args, &a), "a 65-character segment is too long");
	ok(!route_match("/{}/roadmap/", "/x/roadmap/extra", args, &a), "extra path is no match");
	ok(route_match("/healthz", "/healthz", NULL, &a), "args may be NULL");
	arena_free(&a);
	return ok_done();
}
