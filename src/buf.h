/*
 * buf.h: bounded growable byte buffer living in a request arena.
 * Once a write fails (cap or memory), the buffer stays failed: check buf.err once at the end.
 */
#ifndef BUF_H
#define BUF_H

#include <stdbool.h>
#include <stddef.h>

struct arena;

struct buf {
	struct arena *arena;
	char *data;       /* always NUL-terminated when len > 0 or after buf_init */
	size_t len, size, cap;
	bool err;
};

/* Initialises an empty buffer that may grow to `cap` bytes. */
void buf_init(struct buf *b, struct arena *a, size_t cap);

void buf_put(struct buf *b, const void *p, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Empties the buffer and clears the error flag; keeps the storage. */
void buf_clear(struct buf *b);

#endif
