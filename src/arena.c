/*
 * arena.c: per-request bump allocator; the one place request memory is released.
 * Not thread-safe: each worker owns its arena.
 */
#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct arena_chunk {
	struct arena_chunk *next;
	size_t size, used;
	max_align_t data[];
};

struct arena_cleanup {
	struct arena_cleanup *next;
	void (*fn)(void *);
	void *p;
};

static struct arena_chunk *chunk_new(size_t size)
{
	struct arena_chunk *c = malloc(sizeof *c + size);

	if (c) {
		c->next = NULL;
		c->size = size;
		c->used = 0;
	}
	return c;
}

int arena_init(struct arena *a, size_t first_size, size_t cap)
{
	a->first = a->head = chunk_new(first_size);
	a->defers = NULL;
	a->used_total = 0;
	a->cap = cap;
	return a->first ? 0 : -1;
}

void *arena_alloc(struct arena *a, size_t n)
{
	const size_t align = _Alignof(max_align_t);
	struct arena_chunk *c = a->head;

	n = (n + align - 1) & ~(align - 1);
	if (n == 0)
		n = align;
	if (n > a->cap || a->used_total + n > a->cap)
		return NULL;
	if (c->size - c->used < n) {
		size_t size = c->size * 2;

		if (size < n)
			size = n;
		if (!(c = chunk_new(size)))
			return NULL;
		c->next = a->head;
		a->head = c;
	}
	void *p = (char *)c->data + c->used;
	c->used += n;
	a->used_total += n;
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *d;

	if (!s || !(d = arena_alloc(a, n + 1)))
		return NULL;
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *d;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !(d = arena_alloc(a, (size_t)n + 1)))
		return NULL;
	va_start(ap, fmt);
	vsnprintf(d, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return d;
}

int arena_defer(struct arena *a, void (*fn)(void *), void *p)
{
	struct arena_cleanup *d = malloc(sizeof *d);

	if (!d) {
		fn(p);
		return -1;
	}
	d->fn = fn;
	d->p = p;
	d->next = a->defers;
	a->defers = d;
	return 0;
}

void arena_reset(struct arena *a)
{
	while (a->defers) {
		struct arena_cleanup *d = a->defers;

		a->defers = d->next;
		d->fn(d->p);
		free(d);
	}
	while (a->head != a->first) {
		struct arena_chunk *c = a->head;

		a->head = c->next;
		free(c);
	}
	a->first->used = 0;
	a->used_total = 0;
}

void arena_free(struct arena *a)
{
	arena_reset(a);
	free(a->first);
	a->first = a->head = NULL;
}
