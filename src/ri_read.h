/*
 * ri_read.h: what every spreadsheet import shares (roadmaps, results, social data): the
 * formats, the whole-file errors, the limits of the readers and the format from libmagic's
 * type. No rows and no fields: each importer has its own (roadmap_import.h, res_import.h).
 */
#ifndef RI_READ_H
#define RI_READ_H

struct arena;

enum ri_format { RI_TSV, RI_CSV, RI_XLSX };

/* Whether the whole file can be read; anything but RI_OK means no rows. */
enum ri_error {
	RI_OK,
	RI_ENCODING,   /* not UTF-8; error_detail names a likely encoding (Windows-1251, UTF-16) or is NULL */
	RI_COLUMNS,    /* a required column is missing; error_detail is its name («Мероприятия») */
	RI_TOO_MANY,   /* more data rows than the importer takes, or too large to hold in memory */
	RI_EMPTY,      /* no data row */
	RI_FORMAT,     /* unreadable XLSX or CSV; error_detail says why (Russian) */
	RI__MAX
};

enum {
	RI_CELL_MAX = 4000,   /* bytes of one cell as kept */
	RI_COLS_MAX = 64,     /* columns read; cells further right are ignored */
	RI_XML_MAX = 20 << 20 /* uncompressed bytes read from one XLSX part */
};

/*
 * The format for a file that libmagic called `mime` (MAGIC_MIME_TYPE) and the user named
 * `name` (may be NULL): RI_XLSX for the spreadsheetml and zip types, RI_TSV for text named
 * *.tsv or *.tab or typed text/tab-separated-values, RI_CSV for other text; -1 otherwise.
 */
int ri_format_from_mime(const char *mime, const char *name);

/*
 * The message for a failed read with its `detail` worked in: «Файл не в кодировке UTF-8
 * (похоже на Windows-1251): сохраните его как «CSV UTF-8»», «В файле не найден столбец
 * «…»: …». In arena `a`; the importer's `plain` text when there is no detail (or no room).
 */
const char *ri_failure_message(struct arena *a, enum ri_error e, const char *detail, const char *plain);

#endif
