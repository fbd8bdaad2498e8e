/* fuzz_query.c: libFuzzer target for the query-string parser and percent-decoding. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "http.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena a;
	struct req rq = { .arena = &a };
	char *qs = malloc(size + 1);

	if (!a.first)
		arena_init(&a, 4096, 1 << 20);
	memcpy(qs, data, size);
	qs[size] = '\0';
	if (http_query_parse(&rq, qs) == 0)
		for (size_t i = 0; i < rq.nparams; i++)
			if (!http_utf8_ok(rq.params[i].value, strlen(rq.params[i].value)))
				abort();   /* the parser let invalid text through */
	free(qs);
	arena_reset(&a);
	return 0;
}
