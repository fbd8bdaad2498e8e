/* fuzz_path.c: libFuzzer target for request-path decoding and route matching. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "http.h"
#include "route.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena a;
	const char *path, *args[HTTP_ARGS_MAX];
	char *uri = malloc(size + 1);

	if (!a.first)
		arena_init(&a, 4096, 1 << 20);
	memcpy(uri, data, size);
	uri[size] = '\0';
	if (http_path_parse(&a, uri, &path) == 0) {
		if (path[0] != '/' || strstr(path, "/../") || strstr(path, "//"))
			abort();   /* a path the parser should have refused */
		route_match("/{}/schools/{}/", path, args, &a);
	}
	free(uri);
	arena_reset(&a);
	return 0;
}
