/*
 * page_ident.c: /<municipality>/identification/?year=Y: every school with the
 * rules' proposals, their reasons and the decisions in force, the 3 × 3 matrix,
 * the table as CSV/XLSX exactly as shown. The decisions are page_ident_decide.c's.
 */
#include <string.h>

#include "arena.h"
#include "db_municipality.h"
#include "db_school.h"
#include "export.h"
#include "http.h"
#include "page_common.h"
#include "page_ident.h"
#include "pages.h"
#include "render.h"
#include "tpl.h"
#include "worker.h"

static const char *const heads[] = {
	"Школа", "Низкие результаты: предложение", "Низкие результаты: решение",
	"Социальные условия: предложение", "Социальные условия: решение",
	"Уровень результатов: предложение", "Уровень результатов: решение",
	"Динамика ВПР: предложение", "Динамика ВПР: решение", "Категория (3 × 3)",
};
enum { NCOLS = sizeof heads / sizeof heads[0] };

/* The table row of school i, as the page shows it and the exports write it. */
static void row_cells(const struct ident_view *v, size_t i, const char **row)
{
	enum social_status status;
	enum result_level level;

	row[0] = v->schools[i].short_name;
	for (int k = 0; k < IK__MAX; k++) {
		const struct ident_decision *f = v->force[i * IK__MAX + k];

		row[1 + 2 * k] = ident_code_label((enum ident_kind)k, v->prop[i].kind[k].code);
		row[2 + 2 * k] = f ? ident_code_label((enum ident_kind)k, f->decided) : "—";
	}
	ident_place(v, i, &status, &level);
	row[NCOLS - 1] = matrix_category_v[ident_matrix(status, level)].label;
}

static int ident_export(struct req *rq, struct resp *rs, enum export_format format)
{
	struct ident_view v;
	int year, rc;

	if ((rc = ident_year(rq, &year)) != 0 || (rc = ident_view_load(rq, year, &v)) != 0)
		return rc;
	const char **cells = export_cells(rq->arena, v.n, NCOLS);

	if (!cells)
		return 500;
	for (size_t i = 0; i < v.n; i++)
		row_cells(&v, i, cells + i * NCOLS);
	struct export_table t = { arena_printf(rq->arena, "%s %d", msg_v[MSG_IDENT], year), NCOLS, heads, NULL,
				  v.n, cells, NULL };

	return page_export(rq, rs, &t, format, arena_printf(rq->arena, "identification-%s-%d", rq->muni->slug, year));
}

int ident_csv_page(struct req *rq, struct resp *rs)
{
	return ident_export(rq, rs, EXPORT_CSV);
}

int ident_xlsx_page(struct req *rq, struct resp *rs)
{
	return ident_export(rq, rs, EXPORT_XLSX);
}

/* The 3 × 3 matrix (status rows × level columns) and the schools without a place. */
static void matrix(struct req *rq, struct tpl_dict *body, const struct ident_view *v)
{
	enum social_status *st = arena_alloc(rq->arena, (v->n + 1) * sizeof *st);
	enum result_level *lv = arena_alloc(rq->arena, (v->n + 1) * sizeof *lv);
	struct tpl_dict *unplaced = NULL;

	if (!st || !lv)
		return;
	for (size_t i = 0; i < v->n; i++) {
		ident_place(v, i, &st[i], &lv[i]);
		if (st[i] != SOC__MAX && lv[i] != LVL__MAX)
			continue;
		if (!unplaced)
			unplaced = tpl_section_add(body, "UNPLACED");
		tpl_section_str(unplaced, "U", "NAME", v->schools[i].short_name);
	}
	for (int l = 0; l < LVL__MAX; l++)
		tpl_section_str(body, "LEVEL_HEAD", "LABEL", result_level_v[l].label);
	for (int s = 0; s < SOC__MAX; s++) {
		struct tpl_dict *rd = tpl_section_add(body, "MROW");

		tpl_set_str(rd, "STATUS", social_status_v[s].label);
		for (int l = 0; l < LVL__MAX; l++) {
			struct tpl_dict *cd = tpl_section_add(rd, "MCELL");
			enum matrix_category c = ident_matrix((enum social_status)s, (enum result_level)l);
			int shown = 0;

			tpl_set_str(cd, "CATEGORY", matrix_category_v[c].label);
			tpl_set_str(cd, "CLASS", matrix_category_v[c].code);
			for (size_t i = 0; i < v->n; i++) {
				if (st[i] != (enum social_status)s || lv[i] != (enum result_level)l)
					continue;
				struct tpl_dict *sd = tpl_section_add(cd, "MSCHOOL");

				tpl_set_str(sd, "SLUG", v->schools[i].slug);
				tpl_set_str(sd, "NAME", v->schools[i].short_name);
				shown++;
			}
			if (!shown)
				tpl_show(cd, "MEMPTY");
		}
	}
}

/* The year chooser: every year from the first results to the one after the last. */
static void years(struct tpl_dict *body, const struct ident_view *v)
{
	int from = v->first ? v->first + 1 : v->year, to = v->last ? v->last + 1 : v->year;

	if (v->year < from)
		from = v->year;
	if (v->year > to)
		to = v->year;
	for (int y = to; y >= from; y--) {
		struct tpl_dict *d = tpl_section_add(body, "YEAR_OPTION");

		tpl_set_int(d, "Y", y);
		if (y == v->year)
			tpl_show(d, "SELECTED");
	}
}

int ident_page(struct req *rq, struct resp *rs)
{
	struct ident_view v;
	struct page pg;
	int year, rc;
	bool decide = ident_decider(rq);

	if ((rc = ident_year(rq, &year)) != 0 || (rc = ident_view_load(rq, year, &v)) != 0)
		return rc;
	if (render_start(rq, &pg, "ident.tpl",
			 arena_printf(rq->arena, "%s %d — %s", msg_v[MSG_IDENT], year, rq->muni->name)) != 0)
		return 500;
	render_crumb(&pg, arena_printf(rq->arena, "/%s/", rq->muni->slug), rq->muni->name);
	tpl_set_str(pg.body, "MUNI", rq->muni->slug);
	tpl_set_int(pg.body, "YEAR", year);
	tpl_set_int(pg.body, "PREV", year - 1);
	tpl_set_str(pg.body, "RULE", ident_rule_v[v.in.cfg.rule].label);
	tpl_set_str(pg.body, "CSRF", rq->csrf);
	tpl_set_int(pg.body, "N", (long long)v.n);
	if (decide)
		tpl_show(pg.body, "CAN_SET");
	for (int c = 0; c < NCOLS; c++)
		tpl_section_str(pg.body, "HEAD", "TEXT", heads[c]);
	years(pg.body, &v);
	matrix(rq, pg.body, &v);
	for (size_t i = 0; i < v.n; i++) {
		const char *row[NCOLS];
		struct tpl_dict *rd = tpl_section_add(pg.body, "ROW"), *sd = tpl_section_add(pg.body, "SCHOOL");

		row_cells(&v, i, row);
		tpl_set_str(rd, "SLUG", v.schools[i].slug);
		for (int c = 0; c < NCOLS; c++)
			tpl_section_str(rd, c == 0 ? "NAME" : "CELL", "TEXT", row[c]);
		tpl_set_str(sd, "SLUG", v.schools[i].slug);
		tpl_set_str(sd, "NAME", v.schools[i].short_name);
		ident_kinds(rq, sd, &v, i, decide);
	}
	if (v.n == 0)
		tpl_show(pg.body, "NONE");
	return render_finish(rq, rs, &pg);
}
