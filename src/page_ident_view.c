/*
 * page_ident_view.c: the identification pages' shared part: the list year from
 * the query, the proposals and decisions of every school of the municipality,
 * the matrix place of a school and one kind's block of the page.
 */
#include "page_ident.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "db_municipality.h"
#include "db_school.h"
#include "db_user.h"
#include "http.h"
#include "tpl.h"
#include "view.h"
#include "worker.h"

enum { YEAR_MIN = 2000, YEAR_MAX = 2100 };

int ident_year(struct req *rq, int *year)
{
	const char *s = http_param(rq, "year");
	int first, last;
	char *end;

	if (s && *s) {
		long y = strtol(s, &end, 10);

		if (*end || y < YEAR_MIN || y > YEAR_MAX)
			return 400;
		*year = (int)y;
		return 0;
	}
	if (db_ident_years(&rq->w->db, rq->muni->id, &first, &last) != DB_OK)
		return 500;
	if (last > 0)
		*year = last + 1;
	else {
		time_t now = time(NULL);
		struct tm tm;

		gmtime_r(&now, &tm);
		*year = tm.tm_year + 1900;
	}
	return 0;
}

size_t ident_view_find(const struct ident_view *v, int64_t id)
{
	size_t i;

	for (i = 0; i < v->n; i++)
		if (v->schools[i].id == id)
			break;
	return i;
}

/* The rows of school `id` in an array of rows ordered by school: [*from, *to). */
#define SLICE(arr, n, id, from, to)                                   \
	do {                                                          \
		size_t i_ = 0;                                        \
		while (i_ < (n) && (arr)[i_].school_id != (id))       \
			i_++;                                         \
		*(from) = i_;                                         \
		while (i_ < (n) && (arr)[i_].school_id == (id))       \
			i_++;                                         \
		*(to) = i_;                                           \
	} while (0)

int ident_view_load(struct req *rq, int year, struct ident_view *v)
{
	struct db *db = &rq->w->db;
	struct ident_decision *d;
	size_t nd;

	memset(v, 0, sizeof *v);
	v->year = year;
	if (db_ident_config(db, rq->muni->id, &v->in.cfg) != DB_OK ||
	    db_ident_years(db, rq->muni->id, &v->first, &v->last) != DB_OK ||
	    db_ident_input(db, rq->arena, rq->muni->id, year, &v->in) != DB_OK ||
	    db_school_list(db, rq->arena, rq->muni->id, &v->schools, &v->n) != DB_OK ||
	    db_ident_in_force(db, rq->arena, rq->muni->id, year, &d, &nd) != DB_OK)
		return 500;
	if (!(v->prop = arena_alloc(rq->arena, (v->n + 1) * sizeof *v->prop)) ||
	    !(v->force = arena_alloc(rq->arena, (v->n + 1) * IK__MAX * sizeof *v->force)))
		return 500;
	memset(v->force, 0, (v->n + 1) * IK__MAX * sizeof *v->force);
	for (size_t i = 0; i < v->n; i++) {
		struct ident_input one = v->in;
		size_t r0, r1, s0, s1;

		SLICE(v->in.res, v->in.nres, v->schools[i].id, &r0, &r1);
		SLICE(v->in.soc, v->in.nsoc, v->schools[i].id, &s0, &s1);

		one.res = v->in.res + r0;
		one.nres = r1 - r0;
		one.soc = v->in.soc + s0;
		one.nsoc = s1 - s0;
		if (ident_school(rq->arena, &one, v->schools[i].id, year, &v->prop[i]) != 0)
			return 500;
	}
	for (size_t k = 0; k < nd; k++) {
		size_t i = ident_view_find(v, d[k].school_id), kind = VOCAB_FIND(ident_kind_v, d[k].kind);

		if (i < v->n && kind < IK__MAX)
			v->force[i * IK__MAX + kind] = &d[k];
	}
	return 0;
}

const char *ident_code_label(enum ident_kind k, const char *code)
{
	size_t n;
	const struct vocab *c = ident_choices(k, &n);
	size_t i = code ? vocab_find(c, n, code) : n;

	return i < n ? c[i].label : "нет данных";
}

void ident_place(const struct ident_view *v, size_t i, enum social_status *status, enum result_level *level)
{
	const struct ident_decision *soc = v->force[i * IK__MAX + IK_SOCIAL];
	const struct ident_decision *lvl = v->force[i * IK__MAX + IK_LEVEL];
	const char *lcode = lvl ? lvl->decided : v->prop[i].kind[IK_LEVEL].code;

	*status = v->prop[i].status;
	if (soc && strcmp(soc->decided, ident_answer_v[ANS_YES].code) == 0)
		*status = SOC_UNFAVOURABLE;
	else if (soc && *status == SOC_UNFAVOURABLE)
		*status = SOC__MAX;   /* the coordinator said no: the status must be entered */
	*level = lcode ? (enum result_level)VOCAB_FIND(result_level_v, lcode) : LVL__MAX;
}

bool ident_decider(const struct req *rq)
{
	return strcmp(rq->user->role, role_v[ROLE_COORDINATOR].code) == 0 ||
	       strcmp(rq->user->role, role_v[ROLE_ADMIN].code) == 0;
}

void ident_kinds(struct req *rq, struct tpl_dict *parent, const struct ident_view *v, size_t i, bool form)
{
	struct tpl_dict *d = tpl_include(parent, "KINDS", "ident_kinds.tpl");   /* sees no parent values */

	if (!d)
		return;
	tpl_set_str(d, "MUNI", rq->muni->slug);
	tpl_set_str(d, "SLUG", v->schools[i].slug);
	tpl_set_int(d, "YEAR", v->year);
	tpl_set_str(d, "CSRF", rq->csrf);
	for (int k = 0; k < IK__MAX; k++) {
		const struct ident_proposal *p = &v->prop[i].kind[k];
		const struct ident_decision *f = v->force[i * IK__MAX + k];
		struct tpl_dict *kd = tpl_section_add(d, "KIND");
		const char *chosen = f ? f->decided : p->code;
		size_t n;
		const struct vocab *c = ident_choices((enum ident_kind)k, &n);

		tpl_set_str(kd, "KIND", ident_kind_v[k].code);
		tpl_set_str(kd, "KIND_LABEL", ident_kind_v[k].label);
		tpl_set_str(kd, "PROPOSAL", ident_code_label((enum ident_kind)k, p->code));
		if (p->review)
			tpl_show(kd, "REVIEW");
		for (size_t l = 0; l < p->why.n; l++)
			tpl_section_str(kd, "REASON", "TEXT", p->why.v[l]);
		if (f) {
			struct tpl_dict *fd = tpl_section_add(kd, "DECISION");

			tpl_set_str(fd, "VALUE", ident_code_label((enum ident_kind)k, f->decided));
			tpl_set_str(fd, "WHO", f->user_name);
			tpl_set_str(fd, "WHEN", view_datetime(rq->arena, f->at));
			tpl_section_str(fd, "COMMENT", "TEXT", f->comment);
		} else
			tpl_show(kd, "NO_DECISION");
		if (!form)
			continue;
		struct tpl_dict *fd = tpl_section_add(kd, "FORM");

		if (!chosen)
			tpl_show(fd, "UNCHOSEN");

		for (size_t o = 0; o < n; o++) {
			struct tpl_dict *od = tpl_section_add(fd, "OPTION");

			tpl_set_str(od, "VALUE", c[o].code);
			tpl_set_str(od, "LABEL", c[o].label);
			if (chosen && strcmp(chosen, c[o].code) == 0)
				tpl_show(od, "SELECTED");
		}
	}
}
