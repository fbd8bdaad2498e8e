/* test_arena.c: the request arena: alignment, growth, cap, deferred cleanups, reset. */
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "tap.h"

static int cleaned;

static void count_cb(void *p)
{
	cleaned += *(int *)p;
}

int main(void)
{
	struct arena a;
	int one = 1, two = 2;

	ok(arena_init(&a, 64, 4096) == 0, "arena_init");
	char *p = arena_alloc(&a, 3), *q = arena_alloc(&a, 5);
	ok(p && q && ((uintptr_t)q % _Alignof(max_align_t)) == 0, "allocations are aligned");
	ok(arena_alloc(&a, 1000) != NULL, "grows past the first chunk");
	ok(arena_alloc(&a, 5000) == NULL, "refuses past the cap");
	ok(strcmp(arena_printf(&a, "%s-%d", "x", 42), "x-42") == 0, "arena_printf");
	ok(arena_strdup(&a, NULL) == NULL, "strdup(NULL) is NULL");
	ok(strcmp(arena_strndup(&a, "abcdef", 3), "abc") == 0, "strndup copies n bytes");
	arena_defer(&a, count_cb, &one);
	arena_defer(&a, count_cb, &two);
	arena_reset(&a);
	ok(cleaned == 3, "reset runs every deferred cleanup");
	ok(a.used_total == 0 && a.head == a.first, "reset keeps only the first chunk");
	ok(arena_alloc(&a, 4000) != NULL, "after reset the whole cap is available again");
	arena_reset(&a);

	struct buf b;
	buf_init(&b, &a, 16);
	buf_puts(&b, "0123456789");
	buf_printf(&b, "%d", 12345);
	ok(!b.err && b.len == 15 && strcmp(b.data, "012345678912345") == 0, "buf appends");
	buf_puts(&b, "xy");
	ok(b.err && b.len == 15, "buf refuses past its cap and stays failed");
	buf_clear(&b);
	buf_printf(&b, "%s", "a long string that is longer than sixteen");
	ok(b.err && b.len == 0, "buf_printf past the cap fails whole");
	arena_free(&a);
	ok(cleaned == 3, "no cleanup runs twice");
	return ok_done();
}
