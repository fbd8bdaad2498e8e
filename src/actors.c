/*
 * actors.c: the parties named in a «Ответственный» cell, for filtering.
 * Pure string work over UTF-8; «» are the seeds' quotes (U+00AB, U+00BB).
 */
#include "actors.h"

#include <string.h>

#include "arena.h"

static const char LQUOTE[] = "\xc2\xab", RQUOTE[] = "\xc2\xbb";

static const char *trimmed(struct arena *a, const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '.'))
		n--;
	return n ? arena_strndup(a, s, n) : NULL;
}

size_t actors_split(struct arena *a, const char *text, const char **out, size_t max)
{
	size_t count = 0;
	int depth = 0;
	const char *start = text;

	if (!text)
		return 0;
	for (const char *p = text;; p++) {
		if (strncmp(p, LQUOTE, 2) == 0)
			depth++;
		else if (strncmp(p, RQUOTE, 2) == 0 && depth > 0)
			depth--;
		if (*p == '\0' || ((*p == ',' || *p == ';') && depth == 0)) {
			const char *part = trimmed(a, start, (size_t)(p - start));

			if (part && count < max)
				out[count++] = part;
			if (*p == '\0')
				break;
			start = p + 1;
		}
	}
	return count;
}

char *actors_fold(struct arena *a, const char *s)
{
	char *d = arena_strdup(a, s);
	unsigned char *p = (unsigned char *)d;

	for (; p && *p; p++) {
		if (*p >= 'A' && *p <= 'Z')
			*p = (unsigned char)(*p + 32);
		else if (p[0] == 0xd0 && p[1] >= 0x90 && p[1] <= 0x9f)         /* А–П → а–п */
			p[1] = (unsigned char)(p[1] + 0x20), p++;
		else if (p[0] == 0xd0 && p[1] >= 0xa0 && p[1] <= 0xaf)         /* Р–Я → р–я */
			p[0] = 0xd1, p[1] = (unsigned char)(p[1] - 0x20), p++;
		else if ((p[0] == 0xd0 && p[1] == 0x81) || (p[0] == 0xd1 && p[1] == 0x91))
			p[0] = 0xd0, p[1] = 0xb5, p++;                         /* Ё, ё → е */
		else if (p[0] >= 0xc0 && p[1])
			p++;                                                   /* other 2-byte lead */
	}
	return d;
}

bool actors_contains(struct arena *a, const char *text, const char *actor)
{
	const char *parts[32];
	size_t n = actors_split(a, text, parts, sizeof parts / sizeof parts[0]);
	const char *want = actors_fold(a, actor);

	for (size_t i = 0; i < n && want; i++)
		if (strcmp(actors_fold(a, parts[i]), want) == 0)
			return true;
	return false;
}
