/*
 * valid.h: POST fields checked once, at the boundary, against a field table:
 * each value is kept as typed (for re-showing the form) and its error, if any,
 * is a message from vocab.c.
 */
#ifndef VALID_H
#define VALID_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vocab.h"

struct req;

enum valid_kind {
	V_TEXT,     /* trimmed text of min..max characters (UTF-8 code points) */
	V_VOCAB,    /* one of the codes of `vocab` */
	V_ID,       /* a positive integer (ids), or empty when not required */
};

struct field {
	const char *name;
	enum valid_kind kind;
	size_t min, max;                 /* V_TEXT */
	const struct vocab *vocab;       /* V_VOCAB */
	size_t nvocab;
	bool required;
};

enum { FORM_FIELDS_MAX = 8 };

struct form {
	const char *val[FORM_FIELDS_MAX];   /* trimmed value, "" when absent */
	int64_t id[FORM_FIELDS_MAX];        /* V_ID */
	enum msg err[FORM_FIELDS_MAX];      /* MSG__MAX when the field is fine */
	bool ok;
};

/* Checks rq->form against `fields` (at most FORM_FIELDS_MAX). Returns f->ok. */
bool form_check(const struct req *rq, const struct field *fields, size_t n, struct form *f);

/* A number as people type it: "28,6", "61 %", "-3", "−8": an optional sign,
 * digits and one decimal point or comma, nothing after the optional «%». */
bool valid_decimal(const char *s, double *out);

/* Number of UTF-8 code points in s. */
size_t valid_chars(const char *s);

#endif
