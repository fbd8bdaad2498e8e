/*
 * vocab.h: every closed vocabulary of the portal as an enum plus a table of
 * {code stored in the database, Russian label}. The enum's __MAX means "unknown".
 */
#ifndef VOCAB_H
#define VOCAB_H

#include <stddef.h>

struct vocab {
	const char *code;   /* ASCII, stored and posted */
	const char *label;  /* Russian, displayed */
};

enum programme { PROG_SHNOR, PROG_SHNSU, PROG_500PLUS, PROG_NRO, PROG_FNSU, PROG__MAX };
enum category { CAT_BASIC, CAT_MODERATE, CAT_SEVERE, CAT__MAX };
enum significance { SIG_HIGH, SIG_MEDIUM, SIG_LOW, SIG__MAX };
enum risk_catalogue { RISKCAT_DIRECTION, RISKCAT_FACTOR, RISKCAT__MAX };
/* The first four are stored for each occurrence; an item's status is derived
 * from its occurrences and may also be overdue or have no dates at all. */
enum item_status {
	ITEM_PLANNED, ITEM_IN_PROGRESS, ITEM_DONE, ITEM_CONFIRMED, ITEM_OVERDUE, ITEM_UNSCHEDULED,
	ITEM__MAX
};
enum doc_status {
	DOC_DRAFT, DOC_SUBMITTED, DOC_RETURNED, DOC_ACCEPTED, DOC_PUBLISHED, DOC_SUPERSEDED,
	DOC_MISSING, /* no version at all: shown, never stored */
	DOC__MAX
};
enum doc_type {
	DT_CONCEPT, DT_MIDTERM, DT_ANTIRISK, DT_ROADMAP, DT_SHPPKO,
	DT_REPORT, DT_ORDER, DT_PROTOCOL, DT_OTHER,   /* optional documents */
	DT__MAX
};
enum role { ROLE_SCHOOL, ROLE_CURATOR, ROLE_COORDINATOR, ROLE_ADMIN, ROLE__MAX };
enum verdict { VERDICT_ACCEPT, VERDICT_RETURN, VERDICT__MAX };
enum procedure { PROC_OGE, PROC_EGE, PROC_GVE, PROC_VPR, PROC_GRADE10, PROC__MAX };
enum metric {
	MET_PASS, MET_QUALITY, MET_SHARE2, MET_BELOW_MIN, MET_MEAN_SCORE, MET_MEAN_MARK,
	MET_CONTINUE, MET_CONTINUE_OWN, MET__MAX
};
enum result_stage { STAGE_MAIN, STAGE_RETAKE, STAGE__MAX };
/* Identification (GUIDE §4): the kinds of decision, the social status of R4/R5, the
 * result level and category of the 3 × 3 matrix (R5), the ВПР cohort dynamics (R6). */
enum ident_kind { IK_LOW, IK_SOCIAL, IK_LEVEL, IK_DYNAMICS, IK__MAX };
enum social_status { SOC_FAVOURABLE, SOC_NEUTRAL, SOC_UNFAVOURABLE, SOC__MAX };
enum result_level { LVL_HIGH, LVL_MEDIUM, LVL_LOW, LVL__MAX };
enum matrix_category { MX_RESILIENT, MX_RISK, MX_CRISIS, MX_NONE, MX__MAX };
enum dynamics { DYN_POS, DYN_NEG, DYN_STABLE, DYN__MAX };
enum ident_rule { RULE_SHNOR, RULE_NRO, RULE__MAX };
/* The coordinator's answer on a low or social proposal: on the list or not. */
enum ident_answer { ANS_YES, ANS_NO, ANS__MAX };
enum scope { SCOPE_SCHOOL, SCOPE_CITY, SCOPE_REGION, SCOPE__MAX };
enum muni_kind { MUNI_CITY, MUNI_DISTRICT, MUNI__MAX };
/* Monitoring of schools' websites: the kind of a round, what one fetch ended in,
 * whether the page was updated within the last month. */
enum monitor_kind { MK_ENTRY, MK_INTERIM, MK_FINAL, MK_MONTHLY, MK__MAX };
enum monitor_outcome {
	MO_OK, MO_NOT_MODIFIED, MO_NO_URL, MO_BAD_URL, MO_DNS, MO_CONNECT, MO_TIMEOUT, MO_TLS,
	MO_REDIRECTS, MO_TOO_BIG, MO_HTTP, MO_OTHER, MO__MAX
};
enum monitor_fresh { FRESH_YES, FRESH_NO, FRESH_UNKNOWN, FRESH__MAX };

extern const struct vocab programme_v[PROG__MAX];
extern const struct vocab category_v[CAT__MAX];
extern const struct vocab significance_v[SIG__MAX];
extern const struct vocab risk_catalogue_v[RISKCAT__MAX];
extern const struct vocab item_status_v[ITEM__MAX];
extern const struct vocab doc_status_v[DOC__MAX];
extern const struct vocab doc_type_v[DT__MAX];

/* What full-text search finds; the order of the result groups (db_search.c). */
enum search_kind { SK_SCHOOL, SK_DOCUMENT, SK_ITEM, SK_NEWS, SK__MAX };
extern const struct vocab search_kind_v[SK__MAX];
/* The types an imported spreadsheet may have, as libmagic names them (roadmaps, results). */
enum { SHEET_TYPES = 6 };
extern const struct vocab sheet_type_v[SHEET_TYPES];
extern const struct vocab procedure_v[PROC__MAX];
extern const struct vocab metric_v[MET__MAX];
extern const struct vocab scope_v[SCOPE__MAX];

/* The parts of a section's text (section_text.part): three pages and the news posts. */
enum content_part { PART_ABOUT, PART_GROUP, PART_CONTACTS, PART_NEWS, PART__MAX };
extern const struct vocab content_part_v[PART__MAX];
extern const struct vocab result_stage_v[STAGE__MAX];
extern const struct vocab ident_kind_v[IK__MAX];
extern const struct vocab social_status_v[SOC__MAX];
extern const struct vocab result_level_v[LVL__MAX];
extern const struct vocab matrix_category_v[MX__MAX];
extern const struct vocab dynamics_v[DYN__MAX];
extern const struct vocab ident_rule_v[RULE__MAX];
extern const struct vocab ident_answer_v[ANS__MAX];
extern const struct vocab muni_kind_v[MUNI__MAX];
extern const struct vocab monitor_kind_v[MK__MAX];
extern const struct vocab monitor_outcome_v[MO__MAX];
extern const struct vocab monitor_fresh_v[FRESH__MAX];
extern const struct vocab role_v[ROLE__MAX];

/* Audit log actions (db_audit.h) with their Russian labels. */
extern const struct vocab audit_action_v[];
extern const size_t audit_action_count;
extern const struct vocab verdict_v[VERDICT__MAX];

/* What the public sees of a document status (a draft is «не представлен»). */
extern const char *const doc_status_public_v[DOC__MAX];

/* MIME types (as libmagic names them) a document may have, with a short label. */
extern const struct vocab upload_type_v[];
extern const size_t upload_type_count;

/* The programmes whose schools must file a document type, as a bit set (1 << PROG_x). */
extern const unsigned doc_type_required_for[DT__MAX];

/* Deadline of the required documents, as the seeds write it (003:L143). */
extern const char DOC_REQUIRED_DUE[];

/* Page titles and error messages that C must name (the rest of the text is in templates). */
enum msg {
	MSG_SITE, MSG_ROADMAP, MSG_SECTION,
	MSG_LOGIN, MSG_CABINET, MSG_DOCS, MSG_QUEUE, MSG_AUDIT, MSG_MY, MSG_UNPARSED, MSG_IMPORT,
	MSG_IMPORT_FIELDS, MSG_IMPORT_TYPE, MSG_IMPORT_TASK, MSG_SCHOOL_ROADMAPS,
	MSG_IDENT, MSG_IDENT_SETTINGS, MSG_IDENT_COMMENT, MSG_IDENT_YEAR, MSG_IDENT_CHOICE,
	MSG_IDENT_NUMBERS,
	MSG_E400, MSG_E401, MSG_E403, MSG_E404, MSG_E405, MSG_E413, MSG_E414, MSG_E415, MSG_E422,
	MSG_E429, MSG_E500, MSG_E503, MSG_E507,
	MSG_REQUIRED, MSG_TOO_LONG, MSG_CHOICE, MSG_BAD_LOGIN, MSG_THROTTLED,
	MSG_NO_FILE, MSG_EMPTY_FILE, MSG_TOO_BIG, MSG_BAD_TYPE, MSG_COMMENT_REQUIRED, MSG_STALE,
	MSG_RES_IMPORT, MSG_SEARCH, MSG_MONITOR_BUSY, MSG_MONITOR_URL,
	MSG_CONTENT, MSG_NEWS, MSG_VERSIONS, MSG_FRESHNESS, MSG_BAD_DATE, MSG_FRESH_SCHOOL,
	MSG_FRESH_DATE, MSG_FRESH_DAYS, MSG_NEWS_NEW, MSG_FRESH_SITE, MSG_FRESH_NO_ROUND,
	MSG__MAX
};
extern const char *const msg_v[MSG__MAX];

/* The coordinator's dashboard: headings, column heads and cell texts C must name. */
enum dash_text {
	DASH_TITLE, DASH_REGION_TITLE, DASH_SUMMARY, DASH_MATRIX, DASH_RISKS, DASH_RESULTS, DASH_TREND,
	DASH_PROGRESS, DASH_TASKS, DASH_OVERDUE, DASH_REGION, DASH_REGION_CAPTION,
	DASH_SCHOOL, DASH_MEASURE, DASH_VALUE, DASH_N, DASH_ROADMAP, DASH_ITEMS, DASH_DUE,
	DASH_CONFIRMED, DASH_DONE, DASH_OVERDUE_N, DASH_SHARE, DASH_TASK, DASH_DUE_ON, DASH_NUMBER,
	DASH_ITEM, DASH_RESPONSIBLE, DASH_DYNAMICS, DASH_MUNI, DASH_IN_PROGRAMME, DASH_DOCS_ACCEPTED,
	DASH_KEY_METRIC, DASH_SMALL_GROUP, DASH_N_UNKNOWN, DASH_NOT_REQUIRED, DASH_NONE,
	DASH_MUNI_ROADMAP, DASH_OF, DASH_NO_DATA, DASH_BAD_FILTER, DASH_MARKED,
	DASH_GRADE, DASH_ALL, DASH_H_MATRIX, DASH_H_OVERDUE, DASH_H_RISKS, DASH_H_RESULTS, DASH_H_PROGRESS, DASH_H_TASKS,
	DASH_INDICATORS, DASH_H_INDICATORS, DASH_INDICATORS_MET, DASH_INDICATOR, DASH_PLAN, DASH_FACT, DASH_VERDICT,
	DASH_FULFILMENT,
	DASH__MAX
};
extern const char *const dash_text_v[DASH__MAX];

/* The dashboard's GET parameters, {name, Russian name for the 400 message}. */
enum dash_param {
	DP_YEAR, DP_PROGRAMME, DP_SCHOOL, DP_PROCEDURE, DP_SUBJECT, DP_GRADE, DP_RESULT_YEAR, DP_METRIC,
	DP__MAX
};
extern const struct vocab dash_param_v[DP__MAX];

/* E-mail: the kinds of message (each user turns them on or off; the label is also
 * the subject's start) and the states of an outbox row. */
enum mail_kind {
	MAIL_DOC_SUBMITTED, MAIL_DOC_RETURNED, MAIL_DOC_ACCEPTED, MAIL_DUE_7, MAIL_DUE_1, MAIL_OVERDUE,
	MAIL_MONITORING, MAIL_DIGEST, MAIL__MAX
};
extern const struct vocab mail_kind_v[MAIL__MAX];
enum mail_status { MS_QUEUED, MS_SENDING, MS_SENT, MS_FAILED, MS__MAX };
extern const struct vocab mail_status_v[MS__MAX];

/* Titles, messages and column heads of the e-mail, feed and open-data pages. */
enum mail_text {
	MT_SETTINGS, MT_OUTBOX, MT_BAD_EMAIL, MT_INTERRUPTED, MT_OPENDATA, MT_FEED_MUNI, MT_FEED_DOC,
	MT_FEED_ITEM, MT_FEED_NEWS, MT_OD_SCHOOLS, MT_OD_ROADMAP, MT_OD_DOCUMENTS,
	MT_MUNI, MT_MUNI_NAME, MT_SCHOOL, MT_SCHOOL_NAME, MT_FULL_NAME, MT_LOCALITY, MT_WEBSITE,
	MT_PAGE, MT_YEAR, MT_PROGRAMME, MT_CATEGORY, MT_ROADMAP, MT_NUMBER, MT_MEASURE, MT_DEADLINE,
	MT_DUE_ON, MT_STATUS, MT_CONFIRMED_ON, MT_DOC_TYPE, MT_TITLE, MT_VERSION, MT_PUBLISHED_ON,
	MT_FILE,
	MT__MAX
};
extern const char *const mail_text_v[MT__MAX];

/* The message for an HTTP error status (MSG_E500 for unknown codes). */
const char *msg_for_status(int status);

/* Index of `code` in table `v` of `n` entries, or `n` when unknown or NULL. */
size_t vocab_find(const struct vocab *v, size_t n, const char *code);

/* Label of `code`, or "" when unknown. */
const char *vocab_label(const struct vocab *v, size_t n, const char *code);

#define VOCAB_FIND(table, code) vocab_find(table, sizeof table / sizeof table[0], code)
#define VOCAB_LABEL(table, code) vocab_label(table, sizeof table / sizeof table[0], code)

#endif
