/*
 * fuzz_res_import.c: libFuzzer target for the results and social-index reader. The first
 * byte chooses the format (TSV, CSV, XLSX); the rest is the file. Aborts unless the result
 * is consistent: an error means no rows; otherwise 1..RES_ROWS_MAX rows, every string valid
 * UTF-8 of at most RI_CELL_MAX bytes, every row without errors fully in range (a known
 * school or a comparison row, vocabulary indexes, grade, year, percentages), errors counted,
 * and a second read of the same bytes gives the same answer.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "http.h"
#include "res_import.h"
#include "vocab.h"

static const struct res_school schools[] = {
	{ 1, "sosh-1", "МБОУ «СОШ № 1»", "СОШ № 1" },
	{ 7, "sosh-7", "МАОУ «СОШ № 7»", "СОШ № 7" },
	{ 9, "gimnaziya", "Гимназия", "Гимназия" },
};

static void check_str(const char *s)
{
	if (s && (!*s || strlen(s) > RI_CELL_MAX || !http_text_ok(s, strlen(s))))
		abort();
}

/* A row without errors holds only values the database accepts. */
static void check_clean(const struct res_result *r, const struct res_row *w)
{
	if (w->year < 2000 || w->year > 2100 || !w->raw || !isfinite(w->value))
		abort();
	if (w->scope == SCOPE_SCHOOL ? w->school_id < 1 : (w->school_id != 0 || r->kind == RES_SOCIAL))
		abort();
	if (r->kind == RES_SOCIAL) {
		if (w->status > SOC__MAX || fabs(w->value) > 100)
			abort();
		return;
	}
	if (w->procedure >= PROC__MAX || w->metric >= MET__MAX || w->stage >= STAGE__MAX || !w->subject ||
	    w->grade < 1 || w->grade > 11 || w->value < 0 || w->value > 100 || w->n < -1)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena a;
	const size_t ns = sizeof schools / sizeof schools[0];
	struct res_result r, r2;
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
	if (res_read_buffer(&a, copy, size - 1, f, "m", schools, ns, &r) != 0 || (unsigned)r.error >= RI__MAX ||
	    !res_result_message(&a, &r))
		abort();
	if (r.error != RI_OK && (r.nrows || r.rows))
		abort();
	if (r.error == RI_OK && (!r.nrows || r.nrows > RES_ROWS_MAX))
		abort();
	for (size_t i = 0; i < r.nrows; i++) {
		const struct res_row *w = &r.rows[i];

		check_str(w->school);
		check_str(w->subject);
		check_str(w->raw);
		if (w->nerrors < 0 || w->nerrors > RES_ERRORS_MAX || w->line < 1)
			abort();
		for (int k = 0; k < w->nerrors; k++)
			if ((unsigned)w->errors[k] >= RSE__MAX)
				abort();
		if (!w->nerrors)
			check_clean(&r, w);
		bad += w->nerrors > 0;
	}
	if (bad != r.nerrors)
		abort();
	if (res_read_buffer(&a, copy, size - 1, f, "m", schools, ns, &r2) != 0 || r2.error != r.error ||
	    r2.nrows != r.nrows || r2.nerrors != r.nerrors)
		abort();
	free(copy);
	arena_reset(&a);
	return 0;
}
