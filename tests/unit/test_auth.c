/* test_auth.c: argon2id hashes, tokens, constant-time comparison; form field tables. */
#include <string.h>

#include "arena.h"
#include "auth.h"
#include "http.h"
#include "tap.h"
#include "valid.h"

enum { F_NAME, F_KIND, F_ID, F__MAX };

static const struct field fields[F__MAX] = {
	{ "name", V_TEXT,  2, 5, NULL, 0, true },                   /* F_NAME */
	{ "kind", V_VOCAB, 0, 0, verdict_v, VERDICT__MAX, true },    /* F_KIND */
	{ "id",   V_ID,    0, 0, NULL, 0, false },                   /* F_ID */
};

static void set_form(struct req *rq, const char *name, const char *kind, const char *id)
{
	rq->nform = 0;
	if (name)
		rq->form[rq->nform++] = (struct param){ "name", name };
	if (kind)
		rq->form[rq->nform++] = (struct param){ "kind", kind };
	if (id)
		rq->form[rq->nform++] = (struct param){ "id", id };
}

int main(void)
{
	char hash[crypto_pwhash_STRBYTES], t1[AUTH_TOKEN_LEN + 1], t2[AUTH_TOKEN_LEN + 1];
	unsigned char h1[AUTH_HASH_LEN], h2[AUTH_HASH_LEN];
	char hex[2 * AUTH_HASH_LEN + 1];
	struct arena a;
	struct req rq = { .arena = &a };
	struct form f;

	arena_init(&a, 4096, 1 << 20);
	ok(auth_init() == 0, "sodium and the dummy hash are ready");
	ok(auth_password_hash("correct horse", hash) == 0 && strncmp(hash, "$argon2id$", 10) == 0,
	   "passwords are hashed with argon2id");
	ok(auth_password_ok(hash, "correct horse"), "the right password matches");
	ok(!auth_password_ok(hash, "correct horsE"), "a wrong password does not");
	ok(!auth_password_ok(auth_dummy_hash(), ""), "the dummy hash matches nothing typed");
	ok(!auth_password_ok(NULL, "x"), "no hash, no match");
	auth_token_new(t1);
	auth_token_new(t2);
	ok(strlen(t1) == AUTH_TOKEN_LEN && strspn(t1, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
					   "0123456789-_") == AUTH_TOKEN_LEN, "tokens are 43 url-safe characters");
	ok(strcmp(t1, t2) != 0, "tokens differ");
	auth_token_hash(t1, h1);
	auth_token_hash(t1, h2);
	ok(memcmp(h1, h2, sizeof h1) == 0, "a token always hashes the same");
	auth_hex(h1, sizeof h1, hex);
	ok(strlen(hex) == 64 && strspn(hex, "0123456789abcdef") == 64, "hex of SHA-256");
	ok(auth_token_equal(t1, t1), "equal tokens compare equal");
	ok(!auth_token_equal(t1, t2) && !auth_token_equal(t1, NULL) && !auth_token_equal(NULL, NULL) &&
	   !auth_token_equal("", ""), "different, missing or empty tokens never do");

	set_form(&rq, "  abc ", "accept", "42");
	ok(form_check(&rq, fields, F__MAX, &f) && strcmp(f.val[F_NAME], "abc") == 0 && f.id[F_ID] == 42,
	   "valid form: trimmed text, vocabulary code, id");
	set_form(&rq, "абвгдеж", "maybe", "-1");
	ok(!form_check(&rq, fields, F__MAX, &f) && f.err[F_NAME] == MSG_TOO_LONG &&
	   f.err[F_KIND] == MSG_CHOICE && f.err[F_ID] == MSG_CHOICE, "too long (in characters), unknown code, bad id");
	ok(strcmp(f.val[F_NAME], "абвгдеж") == 0, "the typed value is kept for the form");
	set_form(&rq, NULL, NULL, NULL);
	ok(!form_check(&rq, fields, F__MAX, &f) && f.err[F_NAME] == MSG_REQUIRED &&
	   f.err[F_KIND] == MSG_REQUIRED && f.err[F_ID] == MSG__MAX, "missing required fields; optional ones fine");
	set_form(&rq, "a", "accept", "12x");
	ok(!form_check(&rq, fields, F__MAX, &f) && f.err[F_NAME] == MSG_REQUIRED && f.err[F_ID] == MSG_CHOICE,
	   "too short; trailing garbage in an id");
	ok(valid_chars("Ёж") == 2 && valid_chars("") == 0, "characters are counted, not bytes");
	ok(http_text_ok("a\r\nb\tc", 6) && !http_utf8_ok("a\nb", 3) && !http_text_ok("a\x01", 2),
	   "text areas may hold newlines, other fields may not, controls never");
	arena_free(&a);
	return ok_done();
}
