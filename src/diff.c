/*
 * diff.c: line diff by longest common subsequence on the changed middle of two
 * texts, in the request arena. No HTML and no I/O.
 */
#include "diff.h"

#include <stdint.h>
#include <string.h>

#include "arena.h"

struct lines {
	const char **v;
	size_t n;
};

/* Splits s at LF (dropping a CR before it); a final line without LF counts. */
static int split(struct arena *a, const char *s, struct lines *l)
{
	size_t cap = 1;

	for (const char *p = s; *p; p++)
		cap += *p == '\n';
	l->n = 0;
	if (!(l->v = arena_alloc(a, cap * sizeof *l->v)))
		return -1;
	while (*s) {
		const char *end = strchr(s, '\n');
		size_t len = end ? (size_t)(end - s) : strlen(s);
		size_t keep = (len > 0 && s[len - 1] == '\r') ? len - 1 : len;

		if (!(l->v[l->n++] = arena_strndup(a, s, keep)))
			return -1;
		s += len + (end != NULL);
	}
	return 0;
}

static void emit(struct diff_line *out, size_t *k, enum diff_op op, const char *text)
{
	out[*k].op = op;
	out[(*k)++].text = text;
}

/* The middle old[0..n) against new[0..m) by an LCS table of suffix lengths. */
static int middle(struct arena *a, const char **o, size_t n, const char **w, size_t m,
		  struct diff_line *out, size_t *k)
{
	uint16_t *t;
	size_t i = 0, j = 0;

	if (n > DIFF_LINES_MAX || m > DIFF_LINES_MAX) {
		for (; i < n; i++)
			emit(out, k, DIFF_DEL, o[i]);
		for (; j < m; j++)
			emit(out, k, DIFF_ADD, w[j]);
		return 0;
	}
	if (!(t = arena_alloc(a, (n + 1) * (m + 1) * sizeof *t)))
		return -1;
#define T(x, y) t[(x) * (m + 1) + (y)]
	for (size_t x = n + 1; x-- > 0;)
		for (size_t y = m + 1; y-- > 0;)
			T(x, y) = (x == n || y == m) ? 0
				  : strcmp(o[x], w[y]) == 0 ? (uint16_t)(T(x + 1, y + 1) + 1)
				  : T(x + 1, y) >= T(x, y + 1) ? T(x + 1, y) : T(x, y + 1);
	while (i < n || j < m) {
		if (i < n && j < m && strcmp(o[i], w[j]) == 0) {
			emit(out, k, DIFF_SAME, o[i++]);
			j++;
		} else if (i < n && (j == m || T(i + 1, j) >= T(i, j + 1)))
			emit(out, k, DIFF_DEL, o[i++]);
		else
			emit(out, k, DIFF_ADD, w[j++]);
	}
#undef T
	return 0;
}

int diff_lines(struct arena *a, const char *old, const char *new, struct diff_line **out, size_t *n)
{
	struct lines o, w;
	size_t head = 0, tail = 0, k = 0;

	*out = NULL;
	*n = 0;
	if (split(a, old, &o) != 0 || split(a, new, &w) != 0)
		return -1;
	while (head < o.n && head < w.n && strcmp(o.v[head], w.v[head]) == 0)
		head++;
	while (tail < o.n - head && tail < w.n - head &&
	       strcmp(o.v[o.n - 1 - tail], w.v[w.n - 1 - tail]) == 0)
		tail++;
	if (!(*out = arena_alloc(a, (o.n + w.n + 1) * sizeof **out)))
		return -1;
	for (size_t i = 0; i < head; i++)
		emit(*out, &k, DIFF_SAME, o.v[i]);
	if (middle(a, o.v + head, o.n - head - tail, w.v + head, w.n - head - tail, *out, &k) != 0)
		return -1;
	for (size_t i = o.n - tail; i < o.n; i++)
		emit(*out, &k, DIFF_SAME, o.v[i]);
	*n = k;
	return 0;
}
