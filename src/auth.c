/*
 * auth.c: the cryptography of accounts, all from libsodium: argon2id password
 * hashes, random tokens, SHA-256, constant-time comparison.
 */
#include "auth.h"

#include <string.h>

static char dummy[crypto_pwhash_STRBYTES];

int auth_init(void)
{
	char pw[AUTH_TOKEN_LEN + 1];

	if (sodium_init() < 0)
		return -1;
	auth_token_new(pw);
	return auth_password_hash(pw, dummy);
}

int auth_password_hash(const char *password, char out[crypto_pwhash_STRBYTES])
{
	return crypto_pwhash_str(out, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
				 crypto_pwhash_MEMLIMIT_INTERACTIVE);
}

bool auth_password_ok(const char *hash, const char *password)
{
	return hash && password && crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
}

const char *auth_dummy_hash(void)
{
	return dummy;
}

void auth_token_new(char out[AUTH_TOKEN_LEN + 1])
{
	unsigned char raw[32];

	randombytes_buf(raw, sizeof raw);
	sodium_bin2base64(out, AUTH_TOKEN_LEN + 1, raw, sizeof raw,
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof raw);
}

void auth_token_hash(const char *token, unsigned char out[AUTH_HASH_LEN])
{
	crypto_hash_sha256(out, (const unsigned char *)token, strlen(token));
}

bool auth_token_equal(const char *a, const char *b)
{
	size_t n;

	if (!a || !b || (n = strlen(a)) != strlen(b) || n == 0)
		return false;
	return sodium_memcmp(a, b, n) == 0;
}

void auth_hex(const unsigned char *in, size_t n, char *out)
{
	sodium_bin2hex(out, 2 * n + 1, in, n);
}
