/* test_search_tok.c: the tokenizer "ru": words, stems, ё/е, case, «№ 7», mixed scripts, long and broken input. */
#include <stdio.h>
#include <string.h>

#include "search_tok.h"
#include "tap.h"

static sqlite3 *h;

/* The terms the tokenizer makes of `text`, space-separated, into out. */
static const char *terms(const char *text, char *out, size_t size)
{
	sqlite3_stmt *st;

	out[0] = '\0';
	sqlite3_exec(h, "DELETE FROM t", NULL, NULL, NULL);
	if (sqlite3_prepare_v2(h, "INSERT INTO t VALUES (?1)", -1, &st, NULL) != SQLITE_OK)
		return out;
	sqlite3_bind_blob(st, 1, text, (int)strlen(text), SQLITE_STATIC);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (sqlite3_prepare_v2(h, "SELECT term FROM v ORDER BY term", -1, &st, NULL) != SQLITE_OK)
		return out;
	while (sqlite3_step(st) == SQLITE_ROW) {
		size_t n = strlen(out);

		snprintf(out + n, size - n, "%s%s", n ? " " : "", (const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	return out;
}

/* ok() of the terms of `text` against `want`, showing what came out. */
static void is(const char *got, const char *want, const char *what)
{
	if (!ok(strcmp(got, want) == 0, "%s", what))
		printf("# got «%s», want «%s»\n", got, want);
}

static int finds(const char *text, const char *query)
{
	sqlite3_stmt *st;
	int found = 0;

	sqlite3_exec(h, "DELETE FROM t", NULL, NULL, NULL);
	if (sqlite3_prepare_v2(h, "INSERT INTO t VALUES (?1)", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
		sqlite3_step(st);
		sqlite3_finalize(st);
	}
	if (sqlite3_prepare_v2(h, "SELECT count(*) FROM t WHERE t MATCH ?1", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, query, -1, SQLITE_STATIC);
		found = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) > 0;
		sqlite3_finalize(st);
	}
	return found;
}

int main(void)
{
	char out[4096], w[SEARCH_TOK_BYTES], longw[400];
	size_t pos = 0, start, end;

	ok(sqlite3_open(":memory:", &h) == SQLITE_OK && search_tok_register(h) == SQLITE_OK, "tokenizer registered");
	ok(sqlite3_exec(h, "CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'ru');"
			   "CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row');", NULL, NULL, NULL) == SQLITE_OK,
	   "an FTS5 table with tokenize = 'ru'");

	is(terms("Программа антирисковых мер", out, sizeof out), "антирисков мер программ", "Russian stems");
	ok(finds("Программа антирисковых мер", "\"программы\" \"антирисковых\" \"мер\""),
	   "«программы антирисковых мер» finds «Программа антирисковых мер»");
	is(terms("ЁЛКА Ёлка ёлка елка", out, sizeof out), "елк", "ё folds to е, any case");
	ok(finds("Учёт", "\"учет\"") && finds("Учет", "\"учёт\""), "учёт and учет are one word both ways");
	is(terms("СОШ № 7", out, sizeof out), "7 сош", "«№» separates, the number is a word");
	ok(finds("МАОУ «СОШ № 7 им. Пичуева»", "\"сош\" \"7\"") && !finds("СОШ № 17", "\"сош\" \"7\""),
	   "«СОШ № 7» finds № 7, not № 17");
	ok(finds("СОШ №7", "\"7\""), "«№7» without a space");
	is(terms("Wi-Fi Teachers ОГЭ2024 IT-куб", out, sizeof out), "fi it teacher wi куб огэ2024",
	   "Latin words stemmed in English, mixed words kept, hyphens separate");
	is(terms("ÉCOLE École", out, sizeof out), "école", "Latin-1 capitals folded");

	memset(longw, 'a', sizeof longw - 1);
	longw[sizeof longw - 1] = '\0';
	ok(search_tok_next(longw, strlen(longw), &pos, w, &start, &end) == SEARCH_TOK_CHARS &&
	   start == 0 && end == strlen(longw), "a long word is cut to %d letters, its span kept", SEARCH_TOK_CHARS);
	is(terms("школа\xff\xfe\xc0\xafкласс\xe2\x82", out, sizeof out), "класс школ",
	   "invalid UTF-8 bytes separate words");
	pos = 0;
	ok(search_tok_next("\xed\xa0\x80", 3, &pos, w, &start, &end) == 0 && pos == 3, "a surrogate is no letter");
	pos = 0;
	ok(search_tok_next(" ,.;«»", 9, &pos, w, &start, &end) == 0, "punctuation alone has no word");
	ok(finds("Директор школы", "\"директора\" \"школ\""), "inflected forms find each other");
	sqlite3_close(h);
	return ok_done();
}
