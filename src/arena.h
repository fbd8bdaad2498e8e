/*
 * arena.h: per-request bump allocator with deferred cleanups.
 * Memory is released only by arena_reset(); never free() arena memory.
 */
#ifndef ARENA_H
#define ARENA_H

#include <stddef.h>

struct arena_chunk;
struct arena_cleanup;

struct arena {
	struct arena_chunk *head;     /* current chunk; the first one is kept on reset */
	struct arena_chunk *first;
	struct arena_cleanup *defers;   /* run in reverse order on reset */
	size_t used_total;            /* bytes handed out since the last reset */
	size_t cap;                   /* hard limit per request */
};

/* Initialises `a` with a first chunk of `first_size` bytes and a cap of `cap` bytes.
 * Returns 0, or -1 when out of memory (startup only). */
int arena_init(struct arena *a, size_t first_size, size_t cap);

/* Returns `n` bytes aligned for any type, or NULL past the cap or out of memory. */
void *arena_alloc(struct arena *a, size_t n);

/* Copies `s` (or its first `n` bytes) into the arena, NUL-terminated; NULL stays NULL. */
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);

/* printf into the arena; NULL on error or past the cap. */
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Registers fn(p) to run at the next reset. Returns 0, or -1 (fn ran at once). */
int arena_defer(struct arena *a, void (*fn)(void *), void *p);

/* Runs deferrals, frees all chunks but the first. */
void arena_reset(struct arena *a);

/* arena_reset() and frees the first chunk too. */
void arena_free(struct arena *a);

#endif
