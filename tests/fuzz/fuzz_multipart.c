/*
 * fuzz_multipart.c: libFuzzer target for the multipart/form-data parser. Each input is
 * parsed whole, in chunks of sizes derived from it, and byte by byte; all three must
 * agree, and the callbacks must arrive in order and carry only what the header promises.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http.h"
#include "multipart.h"

#define CT "multipart/form-data; boundary=AaB03x"

/* A digest of the callback stream: part data counts as one byte stream per part. */
struct trace {
	uint64_t hash;
	size_t data, total;
	int parts;
	bool in_part;
};

static void mix(struct trace *t, const void *p, size_t n)
{
	const unsigned char *s = p;

	for (size_t i = 0; i < n; i++)
		t->hash = (t->hash ^ s[i]) * 0x100000001b3ULL;
}

static int begin_cb(void *ctx, const struct mp_part *part)
{
	struct trace *t = ctx;
	size_t nl = strlen(part->name), fl = strlen(part->filename), cl = strlen(part->content_type);

	if (t->in_part || ++t->parts > MP_PARTS_MAX)
		abort();   /* begin inside a part, or too many parts accepted */
	if (nl == 0 || nl > MP_NAME_MAX ||
	    strspn(part->name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") != nl)
		abort();
	if (fl > MP_FILENAME_MAX || !http_utf8_ok(part->filename, fl) || strpbrk(part->filename, "/\\") ||
	    strcmp(part->filename, ".") == 0 || strcmp(part->filename, "..") == 0 || (!part->is_file && fl))
		abort();
	for (const unsigned char *c = (const unsigned char *)part->content_type; *c; c++)
		if (*c < 0x20 || *c > 0x7e)
			abort();
	t->in_part = true;
	t->data = 0;
	mix(t, "B", 1);
	mix(t, part->name, nl + 1);
	mix(t, part->filename, fl + 1);
	mix(t, part->content_type, cl + 1);
	mix(t, &part->is_file, sizeof part->is_file);
	return 0;
}

static int data_cb(void *ctx, const char *data, size_t n)
{
	struct trace *t = ctx;

	if (!t->in_part || n == 0)
		abort();   /* data outside a part, or an empty call */
	mix(t, data, n);
	t->data += n;
	t->total += n;
	return 0;
}

static int end_cb(void *ctx)
{
	struct trace *t = ctx;

	if (!t->in_part)
		abort();   /* end without begin */
	t->in_part = false;
	mix(t, "E", 1);
	mix(t, &t->data, sizeof t->data);
	return 0;
}

static const struct mp_callbacks cbs = { begin_cb, data_cb, end_cb };

/* Parses data[0..size): mode 0 whole, 1 in pseudo-random chunks seeded by `seed`, 2 byte by byte. */
static int parse(const char *ct, const uint8_t *data, size_t size, int mode, uint64_t seed,
		 struct trace *t)
{
	struct mp_parser p;
	int rc;

	memset(t, 0, sizeof *t);
	t->hash = 0xcbf29ce484222325ULL;
	if ((rc = mp_init(&p, ct, &cbs, t)) != MP_OK)
		return rc;
	for (size_t off = 0, n; off < size; off += n) {
		if (mode == 0)
			n = size;
		else if (mode == 2)
			n = 1;
		else {
			seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
			n = 1 + (size_t)(seed % ((seed >> 32) & 3 ? 16 : 700));
		}
		if (n > size - off)
			n = size - off;
		if ((rc = mp_feed(&p, (const char *)data + off, n)) != MP_OK)
			return rc;
	}
	rc = mp_finish(&p);
	if (rc == MP_OK && (t->in_part || t->total > size))
		abort();   /* a finished body left a part open, or made up data */
	return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct trace whole, chunked, bytes;
	uint64_t seed = 0x9e3779b97f4a7c15ULL;
	int rc = parse(CT, data, size, 0, 0, &whole);

	for (size_t i = 0; i < size; i++)
		seed = (seed ^ data[i]) * 0x100000001b3ULL;
	if (parse(CT, data, size, 1, seed | 1, &chunked) != rc || chunked.hash != whole.hash ||
	    parse(CT, data, size, 2, 0, &bytes) != rc || bytes.hash != whole.hash)
		abort();   /* the result depends on how the body was chunked */

	/* the first line as the Content-Type, the rest as the body */
	const uint8_t *nl = memchr(data, '\n', size < 256 ? size : 256);
	if (nl) {
		char ct[256];
		size_t n = (size_t)(nl - data);

		memcpy(ct, data, n);
		ct[n] = '\0';
		parse(ct, nl + 1, size - n - 1, 1, seed | 1, &chunked);
	}
	return 0;
}
