/*
 * db_dash.h: the read-only queries behind the coordinator's dashboard: the
 * schools a user sees, their documents, risk directions, results of one
 * procedure and subject, and the overdue roadmap occurrences with who is
 * responsible. No HTTP, no templates.
 */
#ifndef DB_DASH_H
#define DB_DASH_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;
struct document;
struct school;

/* Schools of the municipality by id; only the curator's own when curator_id is
 * not 0. Sets id, slug, short_name and label. */
int db_dash_schools(struct db *db, struct arena *a, int64_t muni_id, int64_t curator_id,
		    struct school **out, size_t *n);

/* Every document version of the municipality's schools, by school, then id
 * (sets id, school_id, type, status). */
int db_dash_documents(struct db *db, struct arena *a, int64_t muni_id, struct document **out,
		      size_t *n);

/* A school's risk direction in a year. */
struct dash_risk {
	int64_t school_id, risk_id;
	const char *name, *significance;   /* significance may be NULL */
};

/* The risk directions of the municipality's schools in `year`, by risk, then school. */
int db_dash_risks(struct db *db, struct arena *a, int64_t muni_id, int year,
		  struct dash_risk **out, size_t *n);

/* One result value before retakes; school_id 0 for «Город»/«Область». */
struct dash_result {
	int64_t school_id;
	const char *scope, *metric, *raw;
	int year, n;          /* n: participants, -1 when not given */
	double value;
};

/* The municipality's results (main stage) of procedure, subject and grade (0: none), by year. */
int db_dash_results(struct db *db, struct arena *a, int64_t muni_id, const char *procedure,
		    const char *subject, int grade, struct dash_result **out, size_t *n);

/* A procedure, subject and grade the municipality has results for, with the latest year. */
struct dash_subject {
	const char *procedure, *subject;
	int grade, year;
};

int db_dash_subjects(struct db *db, struct arena *a, int64_t muni_id, struct dash_subject **out,
		     size_t *n);

/* An overdue occurrence of the latest municipal or school roadmap. */
struct dash_overdue {
	int64_t item_id, school_id;   /* school_id 0: the municipality's roadmap */
	int due_on;
	const char *label, *number, *measure, *responsible, *assignees, *school_label;
};

/* Which overdue occurrences: of the curator's schools only (curator_id), of one
 * school only (school_id); 0 for no restriction. */
struct dash_scope {
	int64_t muni_id, curator_id, school_id;
	int today;
};

/* Unconfirmed occurrences due before `today`, oldest first, at most `limit`, and
 * how many there are in all. */
int db_dash_overdue(struct db *db, struct arena *a, const struct dash_scope *s, int limit,
		    struct dash_overdue **out, size_t *n, int *total);

#endif
