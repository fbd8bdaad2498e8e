/*
 * page_ident.h: what the identification pages share: the municipality's schools
 * with the rules' proposals and the decisions in force for one list year, the
 * year from the query, and one kind's block (proposal, reasons, decision, form).
 */
#ifndef PAGE_IDENT_H
#define PAGE_IDENT_H

#include <stdbool.h>
#include <stddef.h>

#include "db_ident.h"
#include "ident.h"

struct req;
struct school;
struct tpl_dict;

struct ident_view {
	int year;                          /* the list year */
	int first, last;                   /* years of the municipality's results (0: none) */
	struct ident_input in;
	struct school *schools;
	size_t n;
	struct ident_school *prop;         /* n proposals */
	const struct ident_decision **force;   /* n × IK__MAX decisions in force, NULL: none */
};

/* The list year of ?year= (400 when malformed or outside 2000–2100), by default
 * the year after the municipality's latest results. Returns 0, 400 or 500. */
int ident_year(struct req *rq, int *year);

/* Loads the thresholds, inputs, schools, proposals and decisions of list year
 * `year` for rq->muni. Returns 0 or 500. */
int ident_view_load(struct req *rq, int year, struct ident_view *v);

/* Index of school `id` in v->schools, or v->n. */
size_t ident_view_find(const struct ident_view *v, int64_t id);

/* The label of decision code `code` of kind `k`; «нет данных» for NULL. */
const char *ident_code_label(enum ident_kind k, const char *code);

/* The matrix place of school i: status and level from the decisions in force,
 * else the proposals (SOC__MAX / LVL__MAX when unknown). */
void ident_place(const struct ident_view *v, size_t i, enum social_status *status, enum result_level *level);

/* True when the user may decide (the municipality's coordinator or the region's admin). */
bool ident_decider(const struct req *rq);

/* Fills include marker {{>KINDS}} of `d` with ident_kinds.tpl for school i: per
 * kind its label, proposal, reasons, decision in force, and the form when `form`. */
void ident_kinds(struct req *rq, struct tpl_dict *d, const struct ident_view *v, size_t i, bool form);

#endif
