/*
 * ri_xlsx.h: the XLSX reader of the spreadsheet imports, with its zip-bomb limits.
 * Feeds rows to a sink (ri_sink.h); called only by ri_read.c.
 */
#ifndef RI_XLSX_H
#define RI_XLSX_H

#include <stddef.h>
#include <sys/types.h>

struct ri_sink;

/* Reads the first sheet of the XLSX workbook in the `n` bytes at `data` into `rd`. */
void ri_xlsx_read_buffer(struct ri_sink *rd, const char *data, size_t n);

/*
 * The same from the file at `path`, open as `fd` and `size` bytes long (its directory is
 * checked through `fd`, the archive opened by `path`). Returns 0, or -1 when the file
 * cannot be read.
 */
int ri_xlsx_read_fd(struct ri_sink *rd, int fd, const char *path, off_t size);

#endif
