/*
 * page_ident_settings.c: /<municipality>/identification/settings: the rule and
 * thresholds of the identification (GET for staff, POST for the coordinator and
 * the region's admin: validated, stored with an audit row, 303).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "db_audit.h"
#include "db_ident.h"
#include "db_municipality.h"
#include "db_user.h"
#include "http.h"
#include "page_common.h"
#include "page_ident.h"
#include "pages.h"
#include "render.h"
#include "tpl.h"
#include "valid.h"
#include "worker.h"

enum set_field { SF_RULE, SF_LOW_SHARE, SF_LOW_COUNT, SF_MIN_GROUP, SF_SOCIAL_LO, SF_SOCIAL_HI, SF_DYNAMICS, SF__MAX };

static const struct field set_fields[SF__MAX] = {
	{ "rule",        V_VOCAB, 0, 0,  ident_rule_v, RULE__MAX, true },   /* SF_RULE */
	{ "low_share",   V_TEXT,  1, 12, NULL, 0, true },                   /* SF_LOW_SHARE */
	{ "low_count",   V_TEXT,  1, 12, NULL, 0, true },                   /* SF_LOW_COUNT */
	{ "min_group",   V_TEXT,  1, 12, NULL, 0, true },                   /* SF_MIN_GROUP */
	{ "social_lo",   V_TEXT,  1, 12, NULL, 0, true },                   /* SF_SOCIAL_LO */
	{ "social_hi",   V_TEXT,  1, 12, NULL, 0, true },                   /* SF_SOCIAL_HI */
	{ "dynamics_pp", V_TEXT,  1, 12, NULL, 0, true },                   /* SF_DYNAMICS */
};

/* A number as typed: optional minus (- or −), digits, one decimal comma or dot. */
static bool number(const char *s, double lo, double hi, double *out)
{
	char tmp[16];
	size_t n = 0;
	char *end;

	if (strncmp(s, "−", strlen("−")) == 0) {
		tmp[n++] = '-';
		s += strlen("−");
	}
	for (; *s && n + 1 < sizeof tmp; s++)
		tmp[n++] = *s == ',' ? '.' : *s;
	tmp[n] = '\0';
	if (*s || n == 0 || strspn(tmp, "-.0123456789") != n)
		return false;
	*out = strtod(tmp, &end);
	return *end == '\0' && isfinite(*out) && *out >= lo && *out <= hi;
}

static bool whole(const char *s, int lo, int hi, int *out)
{
	double v;

	if (!number(s, lo, hi, &v) || v != floor(v))
		return false;
	*out = (int)v;
	return true;
}

static void fill(struct tpl_dict *d, const char *const val[SF__MAX])
{
	static const char *const keys[SF__MAX] = { "RULE", "LOW_SHARE", "LOW_COUNT", "MIN_GROUP", "SOCIAL_LO",
						   "SOCIAL_HI", "DYNAMICS" };

	for (int k = 1; k < SF__MAX; k++)
		tpl_set_str(d, keys[k], val[k]);
	for (int r = 0; r < RULE__MAX; r++) {
		struct tpl_dict *o = tpl_section_add(d, "RULE_OPTION");

		tpl_set_str(o, "VALUE", ident_rule_v[r].code);
		tpl_set_str(o, "LABEL", ident_rule_v[r].label);
		if (strcmp(val[SF_RULE], ident_rule_v[r].code) == 0)
			tpl_show(o, "SELECTED");
	}
}

/* The settings form with `val` (as stored or as typed) and an error, if any. */
static int settings_render(struct req *rq, struct resp *rs, const char *const val[SF__MAX], int status)
{
	struct page pg;

	if (render_start(rq, &pg, "ident_settings.tpl",
			 arena_printf(rq->arena, "%s — %s", msg_v[MSG_IDENT_SETTINGS], rq->muni->name)) != 0)
		return 500;
	render_crumb(&pg, arena_printf(rq->arena, "/%s/", rq->muni->slug), rq->muni->name);
	render_crumb(&pg, arena_printf(rq->arena, "/%s/identification/", rq->muni->slug), msg_v[MSG_IDENT]);
	tpl_set_str(pg.body, "MUNI", rq->muni->slug);
	tpl_set_str(pg.body, "CSRF", rq->csrf);
	tpl_show(pg.body, ident_decider(rq) ? "CAN_SET" : "READ_ONLY");
	if (status != 200)
		tpl_section_str(pg.body, "ERROR", "TEXT", msg_v[MSG_IDENT_NUMBERS]);
	fill(pg.body, val);
	if (render_finish(rq, rs, &pg) != 200)
		return 500;
	return status;
}

int ident_settings_page(struct req *rq, struct resp *rs)
{
	struct ident_config c;
	const char *val[SF__MAX];

	if (db_ident_config(&rq->w->db, rq->muni->id, &c) != DB_OK)
		return 500;
	val[SF_RULE] = ident_rule_v[c.rule].code;
	val[SF_LOW_SHARE] = ident_num(rq->arena, c.low_share);
	val[SF_LOW_COUNT] = arena_printf(rq->arena, "%d", c.low_count);
	val[SF_MIN_GROUP] = arena_printf(rq->arena, "%d", c.min_group);
	val[SF_SOCIAL_LO] = ident_num(rq->arena, c.social_lo);
	val[SF_SOCIAL_HI] = ident_num(rq->arena, c.social_hi);
	val[SF_DYNAMICS] = ident_num(rq->arena, c.dynamics_pp);
	return settings_render(rq, rs, val, 200);
}

int ident_settings_post_page(struct req *rq, struct resp *rs)
{
	struct db *db = &rq->w->db;
	struct form f;
	struct ident_config c;
	bool valid = form_check(rq, set_fields, SF__MAX, &f);

	c.rule = (enum ident_rule)VOCAB_FIND(ident_rule_v, f.val[SF_RULE]);
	valid = valid && c.rule < RULE__MAX && number(f.val[SF_LOW_SHARE], 0.1, 100, &c.low_share) &&
		whole(f.val[SF_LOW_COUNT], 1, 50, &c.low_count) && whole(f.val[SF_MIN_GROUP], 1, 1000, &c.min_group) &&
		number(f.val[SF_SOCIAL_LO], -100, 100, &c.social_lo) &&
		number(f.val[SF_SOCIAL_HI], -100, 100, &c.social_hi) && c.social_lo <= c.social_hi &&
		number(f.val[SF_DYNAMICS], 0, 100, &c.dynamics_pp);
	if (!valid) {
		if (c.rule >= RULE__MAX)
			f.val[SF_RULE] = "";
		return settings_render(rq, rs, f.val, 422);
	}
	struct audit_event e = { .user_id = rq->user->id, .addr = rq->addr, .action = "ident_settings",
				 .detail = arena_printf(rq->arena, "%s: %s%%, %d, N ≥ %d, %s…%s, %s п. п.",
							ident_rule_v[c.rule].code, ident_num(rq->arena, c.low_share),
							c.low_count, c.min_group, ident_num(rq->arena, c.social_lo),
							ident_num(rq->arena, c.social_hi),
							ident_num(rq->arena, c.dynamics_pp)) };

	if (!e.detail || db_begin(db) != DB_OK || db_ident_config_set(db, rq->muni->id, &c) != DB_OK ||
	    db_audit_add(db, &e) != DB_OK || db_commit(db) != DB_OK)
		return 500;
	return http_redirect(rs, 303, arena_printf(rq->arena, "/%s/identification/", rq->muni->slug));
}
