/*
 * fuzz_roadmap_import.c: libFuzzer target for the roadmap-import reader. The first byte
 * chooses the format (TSV, CSV, XLSX); the rest is the file. Aborts unless the result is
 * consistent: an error means no rows; otherwise 1..RI_ROWS_MAX rows, every string valid
 * UTF-8 text of at most RI_CELL_MAX bytes, errors in range and counted, a 64-digit digest,
 * and a second read of the same bytes gives the same answer.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "http.h"
#include "roadmap_import.h"

static void check_str(const char *s)
{
	if (s && (!*s || strlen(s) > RI_CELL_MAX || !http_text_ok(s, strlen(s))))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena a;
	static const struct dl_period p = { 2021, 2024, 0 };
	struct ri_result r, r2;
	enum ri_format f;
	size_t bad = 0;
	char *copy;

	if (!a.first)
		arena_init(&a, 64 << 10, 32 << 20);
	if (size < 1)
		return 0;
	f = (enum ri_format)(data[0] % 3);
	copy = malloc(size);   /* exactly the input's bytes: ASan sees any read past them */
	memcpy(copy, data + 1, size - 1);
	if (ri_read_buffer(&a, copy, size - 1, f, &p, &r) != 0 || (unsigned)r.error >= RI__MAX)
		abort();
	if (!ri_result_message(&a, &r) || !ri_error_message(r.error))
		abort();
	if (r.error != RI_OK) {
		if (r.nrows || r.rows || r.digest)
			abort();
	} else {
		if (!r.nrows || r.nrows > RI_ROWS_MAX || !r.digest || strlen(r.digest) != 64)
			abort();
		for (size_t i = 0; i < r.nrows; i++) {
			const struct ri_row *w = &r.rows[i];
			check_str(w->task);
			check_str(w->number);
			check_str(w->measure);
			check_str(w->planned_result);
			check_str(w->deadline_text);
			check_str(w->responsible);
			if (w->nerrors < 0 || w->nerrors > 4 || (unsigned)w->kind >= DL__MAX || w->line < 1)
				abort();
			for (int k = 0; k < w->nerrors; k++)
				if ((unsigned)w->errors[k] >= RIE__MAX || !ri_row_error_message(w->errors[k]))
					abort();
			if (!w->measure != (w->nerrors && w->errors[0] == RIE_NO_MEASURE))
				abort();
			bad += w->nerrors > 0;
		}
		if (bad != r.nerrors)
			abort();
	}
	if (ri_read_buffer(&a, copy, size - 1, f, &p, &r2) != 0 || r2.error != r.error || r2.nrows != r.nrows ||
	    (r.digest && strcmp(r.digest, r2.digest) != 0))
		abort();
	free(copy);
	arena_reset(&a);
	return 0;
}
