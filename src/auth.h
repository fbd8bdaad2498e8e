/*
 * auth.h: passwords (argon2id via libsodium), session tokens (random 256-bit,
 * stored as SHA-256), CSRF tokens and their constant-time comparison.
 * No HTTP and no database here.
 */
#ifndef AUTH_H
#define AUTH_H

#include <stdbool.h>
#include <stddef.h>

#include <sodium.h>

enum {
	AUTH_TOKEN_LEN = 43,        /* base64url of 32 random bytes, no padding */
	AUTH_HASH_LEN = crypto_hash_sha256_BYTES,
	AUTH_PASS_MIN = 8,
	AUTH_PASS_MAX = 256,
};

/* Calls sodium_init(); startup only. Returns 0 or -1. */
int auth_init(void);

/* argon2id hash of `password` into out (crypto_pwhash_STRBYTES). Returns 0 or -1. */
int auth_password_hash(const char *password, char out[crypto_pwhash_STRBYTES]);

/* True if `password` matches `hash`. Takes the same time for unknown users
 * when called with a dummy hash (see auth_dummy_hash). */
bool auth_password_ok(const char *hash, const char *password);

/* A valid hash of a random password, to verify against when the login is unknown. */
const char *auth_dummy_hash(void);

/* A new random token (NUL-terminated, AUTH_TOKEN_LEN characters). */
void auth_token_new(char out[AUTH_TOKEN_LEN + 1]);

/* SHA-256 of a token as stored in the database. */
void auth_token_hash(const char *token, unsigned char out[AUTH_HASH_LEN]);

/* Constant-time comparison of two tokens; false if either is NULL or lengths differ. */
bool auth_token_equal(const char *a, const char *b);

/* Lower-case hex of `n` bytes into out (2n + 1). */
void auth_hex(const unsigned char *in, size_t n, char *out);

#endif
