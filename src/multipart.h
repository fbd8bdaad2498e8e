/*
 * multipart.h: streaming multipart/form-data parser (RFC 7578) with fixed-size state.
 * Bytes in, callbacks out; no I/O, no malloc, and never a whole part in memory.
 */
#ifndef MULTIPART_H
#define MULTIPART_H

#include <stdbool.h>
#include <stddef.h>

/* Limits; anything larger is refused, never truncated silently. */
enum {
	MP_BOUNDARY_MAX = 70,       /* boundary bytes (RFC 2046) */
	MP_LINE_MAX = 1024,         /* bytes of one part header line, CRLF excluded */
	MP_HEADERS_MAX = 8,         /* header lines per part */
	MP_PARTS_MAX = 32,          /* parts per body */
	MP_NAME_MAX = 63,           /* field name bytes, [A-Za-z0-9_-] only */
	MP_FILENAME_MAX = 255,      /* filename bytes after removing any directory */
	MP_CTYPE_MAX = 127,         /* part Content-Type bytes */
};

/* Return codes: MP_OK or one of the negative errors. */
enum {
	MP_OK = 0,
	MP_ETYPE = -1,              /* Content-Type is not multipart/form-data */
	MP_EBOUNDARY = -2,          /* boundary parameter absent, duplicated or invalid */
	MP_EHEADER = -3,            /* part header malformed, too long, too many, no form-data name */
	MP_EPARTS = -4,             /* more than MP_PARTS_MAX parts */
	MP_ENAME = -5,              /* field name empty, outside [A-Za-z0-9_-] or too long */
	MP_EFILENAME = -6,          /* filename not UTF-8, with controls, too long or only a directory */
	MP_ETRUNCATED = -7,         /* the body ended before the closing delimiter */
	MP_EABORT = -8,             /* a callback returned non-zero */
	MP_EAFTER = -9,             /* something other than whitespace after the closing delimiter */
};

/* One part's headers, as given to part_begin; valid only during that call. */
struct mp_part {
	char name[MP_NAME_MAX + 1];             /* [A-Za-z0-9_-]{1,63} */
	char filename[MP_FILENAME_MAX + 1];     /* UTF-8, no directory, no controls; "" if none */
	char content_type[MP_CTYPE_MAX + 1];    /* printable ASCII as sent; "" if absent */
	bool is_file;                           /* filename= or filename* was present */
};

/*
 * Any callback may be NULL. A non-zero return stops the parser with MP_EABORT.
 * part_data is never called with n == 0; how a part's bytes are split between
 * part_data calls depends on the chunking, their concatenation does not.
 */
struct mp_callbacks {
	int (*part_begin)(void *ctx, const struct mp_part *part);
	int (*part_data)(void *ctx, const char *data, size_t n);
	int (*part_end)(void *ctx);
};

/* Parser state; the fields are private to multipart.c. */
struct mp_parser {
	const struct mp_callbacks *cb;
	void *ctx;
	int state, err;
	char delim[4 + MP_BOUNDARY_MAX];    /* "\r\n--" boundary: the only lookbehind */
	size_t dlen, match;                 /* delimiter length; bytes of it matched so far */
	int tail;                           /* progress through what follows a delimiter */
	size_t pad;                         /* transport padding held in line[] */
	bool in_part, line_cr, have_cd, have_ct;
	int nparts, nheaders;
	size_t linelen;
	char line[MP_LINE_MAX];             /* current header line, or padding after a delimiter */
	struct mp_part part;
};

/*
 * Prepares `p` for one body. `content_type` is the request's Content-Type value;
 * `cb` (kept by pointer) and `ctx` receive the parts. Returns MP_OK, MP_ETYPE (NULL
 * or not multipart/form-data) or MP_EBOUNDARY (boundary parameter absent, repeated,
 * empty, longer than 70 or outside the RFC 2046 characters); after an error every
 * mp_feed and mp_finish returns it again.
 */
int mp_init(struct mp_parser *p, const char *content_type, const struct mp_callbacks *cb,
	    void *ctx);

/*
 * Parses the next `n` bytes of the body; any chunking, down to one byte per call,
 * gives the same callbacks (up to the splitting of part_data) and the same result.
 * A preamble before the first delimiter is ignored. Returns MP_OK or an error, which
 * is sticky: no callback runs after it. A part begun but not ended is incomplete.
 */
int mp_feed(struct mp_parser *p, const char *data, size_t n);

/*
 * Ends the body. Returns MP_OK only if the closing delimiter was seen, else
 * MP_ETRUNCATED, or the earlier error.
 */
int mp_finish(struct mp_parser *p);

#endif
