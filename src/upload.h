/*
 * upload.h: a document arriving with a POST. The multipart body is streamed:
 * text fields into rq->form, the one file part into a temporary file under
 * <data_dir>/tmp while its SHA-256 is computed; memory stays bounded. The type
 * is judged from the content by libmagic (each form decides which types it takes);
 * the file is then stored under its hash.
 */
#ifndef UPLOAD_H
#define UPLOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "vocab.h"

struct req;

enum upload_err {
	UPLOAD_OK,
	UPLOAD_NONE,      /* no file was chosen */
	UPLOAD_EMPTY,     /* the file has no bytes */
	UPLOAD_TOO_BIG,   /* larger than upload_max_mb */
	UPLOAD_TYPE,      /* not a type the form takes (see upload_accept) */
};

struct upload {
	enum upload_err err;
	char tmp[600];            /* temporary file; removed at the end of the request unless stored */
	char sha256[65];          /* lower-case hex */
	long long size;
	const char *mime;         /* as libmagic sees it */
	const char *format;       /* short label: PDF, DOCX, … */
	const char *filename;     /* as the browser sent it, for display and download only */
	bool stored;
};

/*
 * Reads the multipart body of rq into rq->form and rq->upload. Returns 0 (check
 * rq->upload->err), 400 (malformed body), 413 (far larger than allowed), 415 (not
 * multipart/form-data) or 503 (the disk failed).
 */
int upload_receive(struct req *rq);

/* True when the file arrived whole and its sniffed type is one of `types`
 * (code: MIME type, label: short name, which goes to up->format); else sets
 * up->err (UPLOAD_TYPE for another type) and returns false. */
bool upload_accept(struct upload *up, const struct vocab *types, size_t ntypes);

/* Moves the received file to <data_dir>/files/<2 hex>/<64 hex> (durably: fsync of
 * the file and the directory) before the caller commits its row. Returns 0 or 500. */
int upload_store(struct req *rq);

/* The path nginx serves a stored file from (X-Accel-Redirect), under /files/. */
const char *upload_accel_path(struct req *rq, const char *sha256);

#endif
