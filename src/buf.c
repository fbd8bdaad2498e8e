/*
 * buf.c: bounded growable byte buffer in an arena (response bodies, headers, log lines).
 */
#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"

void buf_init(struct buf *b, struct arena *a, size_t cap)
{
	b->arena = a;
	b->data = NULL;
	b->len = b->size = 0;
	b->cap = cap;
	b->err = false;
}

static bool buf_reserve(struct buf *b, size_t n)
{
	if (b->err)
		return false;
	if (n > b->cap - b->len) {
		b->err = true;
		return false;
	}
	if (b->len + n + 1 <= b->size)
		return true;
	size_t size = b->size ? b->size * 2 : 1024;

	while (size < b->len + n + 1)
		size *= 2;
	char *d = arena_alloc(b->arena, size);

	if (!d) {
		b->err = true;
		return false;
	}
	if (b->len)
		memcpy(d, b->data, b->len);
	b->data = d;
	b->size = size;
	return true;
}

void buf_put(struct buf *b, const void *p, size_t n)
{
	if (!buf_reserve(b, n))
		return;
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void buf_puts(struct buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

void buf_putc(struct buf *b, char c)
{
	buf_put(b, &c, 1);
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
	char small[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->err = true;
		return;
	}
	if ((size_t)n < sizeof small) {
		buf_put(b, small, (size_t)n);
		return;
	}
	if (!buf_reserve(b, (size_t)n))
		return;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void buf_clear(struct buf *b)
{
	b->len = 0;
	b->err = false;
	if (b->data)
		b->data[0] = '\0';
}
