/*
 * ri_text.h: the TSV and CSV reader of the spreadsheet imports, with its encoding guesses.
 * Feeds rows to a sink (ri_sink.h); called only by ri_read.c.
 */
#ifndef RI_TEXT_H
#define RI_TEXT_H

#include <stddef.h>

#include "ri_read.h"

struct ri_sink;

/* Reads TSV (`f` RI_TSV) or CSV (any other `f`) from the `n` bytes at `data` into `rd`. */
void ri_text_read_buffer(struct ri_sink *rd, const char *data, size_t n, enum ri_format f);

/* The same from open file `fd`, read from its current offset. Returns 0, or -1 on a read error. */
int ri_text_read_fd(struct ri_sink *rd, int fd, enum ri_format f);

#endif
