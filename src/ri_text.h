/*
 * ri_text.h: the TSV and CSV reader of the roadmap import, with its encoding guesses.
 * Feeds rows to the sink of roadmap_import.c; never called by anything else.
 */
#ifndef RI_TEXT_H
#define RI_TEXT_H

#include <stddef.h>

#include "roadmap_import.h"

struct ri_sink;

/* Reads TSV (`f` RI_TSV) or CSV (any other `f`) from the `n` bytes at `data` into `rd`. */
void ri_text_read_buffer(struct ri_sink *rd, const char *data, size_t n, enum ri_format f);

/* The same from open file `fd`, read from its current offset. Returns 0, or -1 on a read error. */
int ri_text_read_fd(struct ri_sink *rd, int fd, enum ri_format f);

#endif
