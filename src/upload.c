/*
 * upload.c: streaming receipt of a multipart body (multipart.c) into a temp file
 * with SHA-256 (libsodium), type sniffing (libmagic), content-addressed storage.
 * No user-supplied string ever becomes part of a path.
 */
#include "upload.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fcgiapp.h>
#include <magic.h>
#include <sodium.h>

#include "arena.h"
#include "auth.h"
#include "config.h"
#include "http.h"
#include "log.h"
#include "multipart.h"
#include "vocab.h"
#include "worker.h"

enum { CHUNK = 64 << 10, SLACK = 1 << 20 };

/* Marks the request when `err` says the disk is full or read-only (the answer becomes 507). */
static void note_storage(struct req *rq, int err)
{
	if (err == ENOSPC || err == EDQUOT || err == EROFS)
		rq->storage_failed = true;
}

struct receiver {
	struct req *rq;
	struct upload *up;
	crypto_hash_sha256_state sha;
	int fd;                       /* the file part's temp file, -1 otherwise */
	bool in_file, seen_file, io_error;
	int io_errno;                 /* of the failed write */
	long long cap;
	struct buf value;             /* the current text field */
	const char *name;
	size_t form_bytes;
};

static void remove_tmp_cb(void *p)
{
	struct upload *up = p;

	if (!up->stored && up->tmp[0])
		unlink(up->tmp);
}

static int part_begin_cb(void *ctx, const struct mp_part *part)
{
	struct receiver *r = ctx;

	if (part->is_file) {
		if (r->seen_file)
			return 1;   /* one file per form */
		r->seen_file = r->in_file = true;
		r->up->filename = arena_strdup(r->rq->arena, part->filename);
		r->up->err = part->filename[0] ? UPLOAD_OK : UPLOAD_NONE;
		return 0;
	}
	r->in_file = false;
	r->name = arena_strdup(r->rq->arena, part->name);
	buf_init(&r->value, r->rq->arena, HTTP_FORM_MAX);
	return r->name ? 0 : 1;
}

static int part_data_cb(void *ctx, const char *data, size_t n)
{
	struct receiver *r = ctx;

	if (!r->in_file) {
		buf_put(&r->value, data, n);
		r->form_bytes += n;
		return r->value.err || r->form_bytes > HTTP_FORM_MAX;
	}
	if (r->up->err != UPLOAD_OK || r->fd < 0)
		return 0;
	r->up->size += (long long)n;
	if (r->up->size > r->cap) {
		r->up->err = UPLOAD_TOO_BIG;   /* keep reading: the other fields still count */
		return 0;
	}
	crypto_hash_sha256_update(&r->sha, (const unsigned char *)data, n);
	while (n > 0) {
		ssize_t w = write(r->fd, data, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			r->io_error = true;
			r->io_errno = w < 0 ? errno : ENOSPC;
			return 1;
		}
		data += w;
		n -= (size_t)w;
	}
	return 0;
}

static int part_end_cb(void *ctx)
{
	struct receiver *r = ctx;
	struct req *rq = r->rq;
	const char *v;

	if (r->in_file) {
		r->in_file = false;
		return 0;
	}
	v = r->value.len ? r->value.data : "";
	if (rq->nform == HTTP_PARAMS_MAX || !http_text_ok(v, r->value.len) || strlen(v) != r->value.len)
		return 1;
	rq->form[rq->nform].name = r->name;
	rq->form[rq->nform].value = r->value.len ? v : "";
	rq->nform++;
	return 0;
}

static const struct mp_callbacks callbacks = { part_begin_cb, part_data_cb, part_end_cb };

/* Records the file's type as judged from its bytes. */
static void upload_sniff(struct req *rq, struct upload *up)
{
	const char *mime = magic_file(rq->w->magic, up->tmp);

	up->mime = arena_strdup(rq->arena, mime ? mime : "application/octet-stream");
}

bool upload_accept(struct upload *up, const struct vocab *types, size_t ntypes)
{
	size_t i = up->mime ? vocab_find(types, ntypes, up->mime) : ntypes;

	if (up->err != UPLOAD_OK)
		return false;
	if (i == ntypes) {
		up->err = UPLOAD_TYPE;
		return false;
	}
	up->format = types[i].label;
	return true;
}

int upload_receive(struct req *rq)
{
	struct upload *up = arena_alloc(rq->arena, sizeof *up);
	struct receiver r = { .rq = rq, .up = up, .fd = -1 };
	struct mp_parser mp;
	unsigned char digest[crypto_hash_sha256_BYTES];
	char *chunk;
	long left = rq->content_length;
	int rc = 0, got;

	if (!up || !(chunk = arena_alloc(rq->arena, CHUNK)))
		return 503;
	memset(up, 0, sizeof *up);
	up->err = UPLOAD_NONE;
	rq->upload = up;
	rq->nform = 0;
	r.cap = (long long)cfg.upload_max_mb << 20;
	if (mp_init(&mp, rq->content_type, &callbacks, &r) != MP_OK)
		return strncmp(rq->content_type, "multipart/form-data", 19) == 0 ? 400 : 415;
	if (left < 0)
		return 400;
	if (left > r.cap + SLACK)
		return 413;
	snprintf(up->tmp, sizeof up->tmp, "%s/tmp/upload-XXXXXX", cfg.data_dir);
	if ((r.fd = mkstemp(up->tmp)) < 0) {
		note_storage(rq, errno);
		log_event(LOG_ERR, rq->id, "upload", "mkstemp %s: %s", up->tmp, strerror(errno));
		up->tmp[0] = '\0';
		return 503;
	}
	arena_defer(rq->arena, remove_tmp_cb, up);
	crypto_hash_sha256_init(&r.sha);
	while (left > 0 && rc == 0) {
		got = FCGX_GetStr(chunk, left < CHUNK ? (int)left : CHUNK, rq->in);
		if (got <= 0)
			break;
		left -= got;
		if (mp_feed(&mp, chunk, (size_t)got) != MP_OK)
			rc = r.io_error ? 503 : 400;
	}
	if (r.io_error) {
		note_storage(rq, r.io_errno);
		log_event(LOG_ERR, rq->id, "upload", "write %s: %s", up->tmp, strerror(r.io_errno));
	}
	if (rc == 0 && (left != 0 || mp_finish(&mp) != MP_OK))
		rc = 400;
	if (fsync(r.fd) != 0 && rc == 0) {
		note_storage(rq, errno);
		rc = 503;
	}
	close(r.fd);
	if (rc != 0)
		return rc;
	if (up->err == UPLOAD_OK && up->size == 0)
		up->err = UPLOAD_EMPTY;
	if (up->err == UPLOAD_OK) {
		crypto_hash_sha256_final(&r.sha, digest);
		auth_hex(digest, sizeof digest, up->sha256);
		upload_sniff(rq, up);
	}
	return 0;
}

/* "<data_dir>/files/ab" for a hash starting "ab". */
static const char *shard_dir(struct req *rq, const char *sha256)
{
	return arena_printf(rq->arena, "%s/files/%.2s", cfg.data_dir, sha256);
}

static int fsync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY), rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

int upload_store(struct req *rq)
{
	struct upload *up = rq->upload;
	const char *dir = shard_dir(rq, up->sha256);
	const char *path = arena_printf(rq->arena, "%s/%s", dir, up->sha256);

	if (!dir || !path)
		return 500;
	if ((mkdir(dir, 0750) != 0 && errno != EEXIST) ||
	    (link(up->tmp, path) != 0 && errno != EEXIST) || fsync_dir(dir) != 0) {
		note_storage(rq, errno);
		log_event(LOG_ERR, rq->id, "upload", "store %s: %s", path, strerror(errno));
		return 500;
	}
	unlink(up->tmp);
	up->stored = true;
	return 0;
}

const char *upload_accel_path(struct req *rq, const char *sha256)
{
	return arena_printf(rq->arena, "/files/%.2s/%s", sha256, sha256);
}
