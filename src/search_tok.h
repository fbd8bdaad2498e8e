/*
 * search_tok.h: the words of Russian (and English) text for full-text search: an
 * FTS5 tokenizer "ru" (Snowball stemmers of libstemmer, ё→е, case folding) and
 * the scanner it shares with the query builder.
 */
#ifndef SEARCH_TOK_H
#define SEARCH_TOK_H

#include <stddef.h>

#include <sqlite3.h>

enum {
	SEARCH_TOK_CHARS = 64,                        /* longer words are cut to this many letters */
	SEARCH_TOK_BYTES = SEARCH_TOK_CHARS * 2 + 1,  /* folded letters take at most 2 bytes */
};

/*
 * The next word of s[0..n) from *pos on: a run of letters (Latin, Cyrillic, Greek)
 * and digits; everything else, «№» and invalid UTF-8 bytes included, separates words.
 * Writes the word folded (lower case, ё → е, NUL-terminated) to out and its byte span
 * in s to *start, *end; advances *pos. Returns the folded length, 0 at the end.
 */
size_t search_tok_next(const char *s, size_t n, size_t *pos, char out[SEARCH_TOK_BYTES],
		       size_t *start, size_t *end);

/* Registers the tokenizer "ru" on connection `h`. Returns SQLITE_OK or an error code. */
int search_tok_register(sqlite3 *h);

#endif
