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

bool actors_contains(struct arena *a, const char *text, const char *actor)
{
	const char *parts[32];
	size_t n = actors_split(a, text, parts, sizeof parts / sizeof parts[0]);

	for (size_t i = 0; i < n; i++)
		if (strcmp(parts[i], actor) == 0)
			return true;
	return false;
}
