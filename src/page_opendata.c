/*
 * page_opendata.c: the open data: an index page naming each dataset and its
 * columns, and each dataset as CSV (the same writer as the exports). Column
 * heads come from one table per dataset, so the page and the file agree.
 */
#include <string.h>

#include "arena.h"
#include "config.h"
#include "db_feed.h"
#include "export.h"
#include "http.h"
#include "page_common.h"
#include "pages.h"
#include "render.h"
#include "tpl.h"
#include "view.h"
#include "vocab.h"
#include "worker.h"

static const enum mail_text school_cols[] = {
	MT_MUNI, MT_MUNI_NAME, MT_SCHOOL, MT_SCHOOL_NAME, MT_FULL_NAME, MT_LOCALITY, MT_WEBSITE, MT_PAGE,
	MT_YEAR, MT_PROGRAMME, MT_CATEGORY,
};
static const enum mail_text roadmap_cols[] = {
	MT_MUNI, MT_SCHOOL, MT_ROADMAP, MT_NUMBER, MT_MEASURE, MT_DEADLINE, MT_STATUS, MT_DUE_ON,
	MT_CONFIRMED_ON, MT_PAGE,
};
static const enum mail_text document_cols[] = {
	MT_MUNI, MT_SCHOOL, MT_SCHOOL_NAME, MT_DOC_TYPE, MT_TITLE, MT_VERSION, MT_PUBLISHED_ON, MT_FILE,
};

typedef int (*fill_fn)(struct req *rq, size_t *nrows, const char ***out);

static const char *url(struct req *rq, const char *path)
{
	return arena_printf(rq->arena, "%s%s", cfg.base_url, path);
}

static int schools_fill(struct req *rq, size_t *nrows, const char ***out)
{
	struct open_school *s;
	size_t n, w = sizeof school_cols / sizeof school_cols[0];
	const char **c;

	if (db_open_schools(&rq->w->db, rq->arena, &s, &n) != DB_OK || !(c = export_cells(rq->arena, n, w)))
		return 500;
	for (size_t i = 0; i < n; i++) {
		const char **r = c + i * w;

		r[0] = s[i].muni_slug;
		r[1] = s[i].muni_name;
		r[2] = s[i].slug;
		r[3] = s[i].short_name;
		r[4] = s[i].full_name;
		r[5] = s[i].locality;
		r[6] = s[i].website;
		r[7] = url(rq, arena_printf(rq->arena, "/%s/schools/%s/", s[i].muni_slug, s[i].slug));
		r[8] = s[i].year ? arena_printf(rq->arena, "%d", s[i].year) : NULL;
		r[9] = s[i].programme ? VOCAB_LABEL(programme_v, s[i].programme) : NULL;
		r[10] = s[i].category ? VOCAB_LABEL(category_v, s[i].category) : NULL;
	}
	*nrows = n;
	*out = c;
	return 200;
}

static int roadmap_fill(struct req *rq, size_t *nrows, const char ***out)
{
	struct open_item *it;
	size_t n, w = sizeof roadmap_cols / sizeof roadmap_cols[0];
	const char **c;

	if (db_open_roadmap(&rq->w->db, rq->arena, &it, &n) != DB_OK || !(c = export_cells(rq->arena, n, w)))
		return 500;
	for (size_t i = 0; i < n; i++) {
		const char **r = c + i * w;

		r[0] = it[i].muni_slug;
		r[1] = it[i].school_slug;
		r[2] = it[i].roadmap;
		r[3] = it[i].number;
		r[4] = it[i].measure;
		r[5] = it[i].deadline;
		r[6] = VOCAB_LABEL(item_status_v, it[i].status);
		r[7] = it[i].next_due ? view_day(rq->arena, it[i].next_due) : NULL;
		r[8] = arena_printf(rq->arena, "%d / %d", it[i].confirmed, it[i].occurrences);
		r[9] = url(rq, arena_printf(rq->arena, "/%s/roadmap/items/%lld/", it[i].muni_slug, (long long)it[i].id));
	}
	*nrows = n;
	*out = c;
	return 200;
}

static int documents_fill(struct req *rq, size_t *nrows, const char ***out)
{
	struct feed_row *d;
	size_t n, w = sizeof document_cols / sizeof document_cols[0];
	const char **c;

	if (db_open_documents(&rq->w->db, rq->arena, &d, &n) != DB_OK || !(c = export_cells(rq->arena, n, w)))
		return 500;
	for (size_t i = 0; i < n; i++) {
		const char **r = c + i * w;

		r[0] = d[i].muni_slug;
		r[1] = d[i].school_slug;
		r[2] = d[i].school_name;
		r[3] = VOCAB_LABEL(doc_type_v, d[i].kind);
		r[4] = d[i].title;
		r[5] = arena_printf(rq->arena, "%d", d[i].version);
		r[6] = view_date(rq->arena, d[i].ts);
		r[7] = url(rq, arena_printf(rq->arena, "/%s/schools/%s/docs/%lld/file", d[i].muni_slug,
					    d[i].school_slug, (long long)d[i].id));
	}
	*nrows = n;
	*out = c;
	return 200;
}

static const struct dataset {
	const char *name;          /* /opendata/<name>.csv */
	enum mail_text title;
	const enum mail_text *cols;
	size_t ncols;
	fill_fn fill;
} datasets[] = {
	{ "schools", MT_OD_SCHOOLS, school_cols, sizeof school_cols / sizeof school_cols[0], schools_fill },
	{ "roadmap", MT_OD_ROADMAP, roadmap_cols, sizeof roadmap_cols / sizeof roadmap_cols[0], roadmap_fill },
	{ "documents", MT_OD_DOCUMENTS, document_cols, sizeof document_cols / sizeof document_cols[0],
	  documents_fill },
};

enum { NDATASETS = sizeof datasets / sizeof datasets[0] };

int opendata_page(struct req *rq, struct resp *rs)
{
	struct page p;

	if (render_start(rq, &p, "opendata.tpl", mail_text_v[MT_OPENDATA]) != 0)
		return 500;
	for (size_t i = 0; i < NDATASETS; i++) {
		struct tpl_dict *d = tpl_section_add(p.body, "DATASET");

		tpl_set_str(d, "NAME", datasets[i].name);
		tpl_set_str(d, "TITLE", mail_text_v[datasets[i].title]);
		for (size_t k = 0; k < datasets[i].ncols; k++)
			tpl_section_str(d, "COLUMN", "LABEL", mail_text_v[datasets[i].cols[k]]);
	}
	return render_finish(rq, rs, &p);
}

int opendata_csv_page(struct req *rq, struct resp *rs)
{
	for (size_t i = 0; i < NDATASETS; i++) {
		const struct dataset *ds = &datasets[i];
		const char **heads, **cells;
		size_t nrows;
		int rc;

		if (strcmp(ds->name, rq->args[0]) != 0)
			continue;
		if (!(heads = arena_alloc(rq->arena, ds->ncols * sizeof *heads)))
			return 500;
		for (size_t k = 0; k < ds->ncols; k++)
			heads[k] = mail_text_v[ds->cols[k]];
		if ((rc = ds->fill(rq, &nrows, &cells)) != 200)
			return rc;
		struct export_table t = { .title = mail_text_v[ds->title], .ncols = ds->ncols, .headers = heads,
					  .nrows = nrows, .cells = cells };
		return page_export(rq, rs, &t, EXPORT_CSV, ds->name);
	}
	return 404;
}
