/*
 * page_common.h: pieces several pages show the same way: the municipality
 * from the URL, the key metric of a roadmap, a school's programme badges.
 */
#ifndef PAGE_COMMON_H
#define PAGE_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vocab.h"

struct municipality;
struct membership;
struct req;
struct roadmap;
struct resp;
struct tpl_dict;
struct upload;

/*
 * The key metric «доля исполненных и подтвержденных мероприятий» of a roadmap
 * (of one task when task_id is not 0) on today's date: sets METRIC (a share with
 * a comma, or «—»), METRIC_CONFIRMED, METRIC_DUE, METRIC_DONE, METRIC_OVERDUE,
 * METRIC_TOTAL and METRIC_DATE in `d`. Returns 0 or 500.
 */
int page_key_metric(struct req *rq, struct tpl_dict *d, int64_t roadmap_id, int64_t task_id);

struct key_metric;
struct export_table;

/* Answers with table `t` as a download «<basename>.csv» or «.xlsx» (served by
 * nginx from the exports directory). Returns 200 or 500. */
int page_export(struct req *rq, struct resp *rs, const struct export_table *t, int format,
		const char *basename);

/* Sets the same values from counts the caller has (e.g. of the items shown). */
void page_metric_fill(struct req *rq, struct tpl_dict *d, const struct key_metric *m);

/* Adds one `section` entry per membership of school `school_id` in its latest
 * listed year (ms is ordered newest year first). Returns that year, or 0. */
int page_badges(struct tpl_dict *d, const char *section, const struct membership *ms, size_t n,
		int64_t school_id);

struct audit_row;
struct document;

/*
 * Adds a DOC section per document type the school's latest lists require (TYPE,
 * DUE, STATUS, STATUS_LABEL) and shows HAS_DOCS or NO_DOCS. A type's status is
 * its published version's, else its newest version's; `public` labels it as the
 * public may see it (a draft is «не представлен»). docs: db_document_by_school.
 */
void page_required_docs(struct tpl_dict *body, const struct membership *ms, size_t nms,
			const struct document *docs, size_t ndocs, bool public);

/* The status (doc_status_v index) of a school's document type `type` (doc_type_v
 * index) among its versions `docs`: the published version's, else the newest
 * version's, else DOC_MISSING; *id is that version (0 when missing). */
size_t page_doc_status(const struct document *docs, size_t ndocs, size_t type, int64_t *id);

/* Fills one audit log line: when, who, from where, what, status change, comment. */
void page_audit_row(struct req *rq, struct tpl_dict *d, const struct audit_row *r);

/* A short page with one message (error.tpl); returns `status` for the handler. */
int page_message(struct req *rq, struct resp *rs, int status, enum msg message);

/* Why upload `up` was refused (upload_accept() false): the message and 413 or 422. */
int page_upload_refusal(const struct upload *up, enum msg *message);

/* Queues the e-mails of a document event on rq->school (submitted: to its
 * curators; returned, accepted: to its administrators) linking to the document's
 * page, in the caller's transaction. Returns DB_OK or DB_ERR. */
int page_doc_mail(struct req *rq, enum mail_kind kind, const struct document *d, const char *comment);

#endif
