/*
 * res_import.h: reads an uploaded file of assessment results or of the social well-being
 * index (TSV, CSV or XLSX, through the shared readers of ri_read.h) into checked rows
 * with row-level errors. It never touches the database and never logs: the caller passes
 * the municipality's schools, shows the rows and stores them once the user confirms.
 */
#ifndef RES_IMPORT_H
#define RES_IMPORT_H

#include <stddef.h>
#include <stdint.h>

#include "ri_read.h"

struct arena;

/* What the file holds, told by its heads: «Индекс» without «Показатель» is social data. */
enum res_kind { RES_RESULTS, RES_SOCIAL };

/* What is wrong with one row; every error blocks the import of the whole file. */
enum res_row_error {
	RSE_SCHOOL,      /* no such school in the municipality (nor «Город», «Область») */
	RSE_MUNI,        /* the municipality column names another municipality */
	RSE_PROCEDURE,   /* unknown procedure */
	RSE_SUBJECT,     /* no subject */
	RSE_GRADE,       /* grade not 1–11 */
	RSE_YEAR,        /* year not 2000–2100 */
	RSE_METRIC,      /* unknown metric */
	RSE_VALUE,       /* value not a number, or out of its range */
	RSE_N,           /* N not a non-negative integer */
	RSE_STAGE,       /* unknown stage */
	RSE_STATUS,      /* unknown social status */
	RSE_DUP,         /* the same result (or school and year) is in an earlier row */
	RSE_FORMULA,     /* a formula cell, or text starting with = + @ */
	RSE_TOO_LONG,    /* a cell over RI_CELL_MAX bytes */
	RSE__MAX
};

enum {
	RES_ROWS_MAX = 10000,   /* data rows of one file */
	RES_ERRORS_MAX = 4      /* errors kept per row */
};

/* A school the file may name: by slug, label («СОШ № 7»), short name or bare number. */
struct res_school {
	int64_t id;
	const char *slug, *short_name, *label;
};

struct res_row {
	int line;                 /* 1-based line (TSV/CSV) or row number (XLSX) */
	const char *school;       /* the school cell as written */
	int64_t school_id;        /* 0 for the comparison rows and unknown schools */
	int scope;                /* enum scope (vocab.h) */
	int procedure, metric, stage;   /* enum procedure, metric, result_stage (RES_RESULTS) */
	const char *subject;
	int grade, year;
	double value;             /* result value, or the social index */
	const char *raw;          /* the value as written («28,6», «47,8%») */
	long long n;              /* participants; -1 when not given */
	int status;               /* enum social_status, SOC__MAX when not given (RES_SOCIAL) */
	int nerrors;
	enum res_row_error errors[RES_ERRORS_MAX];
};

struct res_result {
	enum res_kind kind;
	enum ri_error error;
	const char *error_detail;   /* Russian, or the missing column's name; may be NULL */
	size_t nrows;
	struct res_row *rows;
	size_t nerrors;             /* rows with errors */
};

/*
 * Reads the file at `path` (or the `n` bytes at `data`) as format `f` into `out`. The
 * header is the first of the first 20 non-empty rows with a school head and a value or
 * index head; columns are found by their Russian heads or the ASCII codes of the seeds'
 * results.tsv. `schools` (`nschools`) are the municipality's, `muni_slug` its slug (a
 * municipality column must name it). Strings live in arena `a`.
 * Returns 0 when *out is filled (out->error says whether the file was usable), or -1 when
 * `path` cannot be read or an argument is NULL.
 */
int res_read_file(struct arena *a, const char *path, enum ri_format f, const char *muni_slug,
		  const struct res_school *schools, size_t nschools, struct res_result *out);
int res_read_buffer(struct arena *a, const char *data, size_t n, enum ri_format f,
		    const char *muni_slug, const struct res_school *schools, size_t nschools,
		    struct res_result *out);

/* Russian messages; never NULL. */
const char *res_row_error_message(enum res_row_error e);

/* The whole message for a failed read («В файле не найден столбец «Предмет»…»), in `a`. */
const char *res_result_message(struct arena *a, const struct res_result *r);

#endif
