/*
 * search_tok.c: the FTS5 tokenizer "ru": words as search_tok_next() finds them,
 * stemmed by Snowball (Russian for words with Cyrillic letters, English for Latin
 * ones, digits kept as they are), so «программы» and «Программа» are one term.
 */
#include "search_tok.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

/* The code point at s[*i], advancing *i; -1 (and one byte) for invalid UTF-8. */
static long utf8_next(const unsigned char *s, size_t n, size_t *i)
{
	unsigned char c = s[*i];
	size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
	long cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
	static const long min[] = { 0, 0, 0x80, 0x800, 0x10000 };

	if (len == 0 || *i + len > n) {
		(*i)++;
		return -1;
	}
	for (size_t k = 1; k < len; k++) {
		if ((s[*i + k] & 0xC0) != 0x80) {
			(*i)++;
			return -1;
		}
		cp = (cp << 6) | (s[*i + k] & 0x3F);
	}
	if (cp < min[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
		(*i)++;
		return -1;
	}
	*i += len;
	return cp;
}

/* The lower-case form of a word character (ё → е), or -1 for a separator. */
static long fold(long c)
{
	if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'))
		return c;
	if (c >= 'A' && c <= 'Z')
		return c + 32;
	if (c == 0x401 || c == 0x451)                 /* Ё ё */
		return 0x435;
	if (c >= 0x410 && c <= 0x42F)                 /* А–Я */
		return c + 32;
	if (c >= 0x400 && c <= 0x40F)                 /* Ѐ–Џ */
		return c + 80;
	if (c >= 0x430 && c <= 0x45F)
		return c;
	if (c >= 0xC0 && c <= 0xDE && c != 0xD7)      /* Latin-1 capitals */
		return c + 32;
	if (c >= 0xDF && c <= 0x24F && c != 0xF7)
		return c;
	if (c >= 0x391 && c <= 0x3A9)                 /* Greek capitals */
		return c + 32;
	if (c >= 0x3B1 && c <= 0x3C9)
		return c;
	return -1;
}

static size_t utf8_put(char *out, long c)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	out[0] = (char)(0xC0 | (c >> 6));
	out[1] = (char)(0x80 | (c & 0x3F));
	return 2;                                     /* fold() gives nothing above U+07FF */
}

size_t search_tok_next(const char *s, size_t n, size_t *pos, char out[SEARCH_TOK_BYTES],
		       size_t *start, size_t *end)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = *pos, len = 0, chars = 0;
	long c;

	for (;;) {                                    /* skip separators */
		if (i >= n) {
			*pos = i;
			return 0;
		}
		*start = i;
		if (fold(utf8_next(u, n, &i)) >= 0)
			break;
	}
	i = *start;
	while (i < n) {
		size_t at = i;

		if ((c = fold(utf8_next(u, n, &i))) < 0) {
			i = at;
			break;
		}
		if (chars++ < SEARCH_TOK_CHARS)
			len += utf8_put(out + len, c);
	}
	out[len] = '\0';
	*end = *pos = i;
	return len;
}

struct ru_tok {
	struct sb_stemmer *ru, *en;
};

static void ru_delete(Fts5Tokenizer *t)
{
	struct ru_tok *r = (struct ru_tok *)t;

	if (!r)
		return;
	if (r->ru)
		sb_stemmer_delete(r->ru);
	if (r->en)
		sb_stemmer_delete(r->en);
	free(r);
}

static int ru_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
	struct ru_tok *r = calloc(1, sizeof *r);

	(void)ctx;
	(void)argv;
	*out = NULL;
	if (argc != 0) {
		free(r);
		return SQLITE_ERROR;
	}
	if (!r || !(r->ru = sb_stemmer_new("russian", "UTF_8")) || !(r->en = sb_stemmer_new("english", "UTF_8"))) {
		ru_delete((Fts5Tokenizer *)r);
		return SQLITE_NOMEM;
	}
	*out = (Fts5Tokenizer *)r;
	return SQLITE_OK;
}

/* The stemmer for a folded word: Russian if it has a Cyrillic letter, English if
 * it is all ASCII letters, none for numbers and the rest. */
static struct sb_stemmer *stemmer_for(const struct ru_tok *r, const char *w, size_t n)
{
	bool digit = false;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)w[i];

		if (c == 0xD0 || c == 0xD1)
			return r->ru;
		if (c >= 0x80)
			return NULL;
		digit |= c >= '0' && c <= '9';
	}
	return digit ? NULL : r->en;
}

static int ru_tokenize(Fts5Tokenizer *t, void *ctx, int flags, const char *text, int ntext,
		       int (*token)(void *, int, const char *, int, int, int))
{
	struct ru_tok *r = (struct ru_tok *)t;
	char w[SEARCH_TOK_BYTES];
	size_t pos = 0, start, end, len;
	int rc = SQLITE_OK;

	(void)flags;
	while (rc == SQLITE_OK && (len = search_tok_next(text, (size_t)ntext, &pos, w, &start, &end)) > 0) {
		struct sb_stemmer *sb = stemmer_for(r, w, len);
		const char *term = w;
		int tlen = (int)len;

		if (sb) {
			const sb_symbol *st = sb_stemmer_stem(sb, (const sb_symbol *)w, tlen);

			if (!st)
				return SQLITE_NOMEM;
			if (sb_stemmer_length(sb) > 0) {
				term = (const char *)st;
				tlen = sb_stemmer_length(sb);
			}
		}
		rc = token(ctx, 0, term, tlen, (int)start, (int)end);
	}
	return rc;
}

int search_tok_register(sqlite3 *h)
{
	static fts5_tokenizer tok = { ru_create, ru_delete, ru_tokenize };
	fts5_api *api = NULL;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(h, "SELECT fts5(?1)", -1, &st, NULL);

	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (!api)
		return SQLITE_ERROR;
	return api->xCreateTokenizer(api, "ru", NULL, &tok, NULL);
}
