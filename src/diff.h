/*
 * diff.h: a line-based diff of two texts (longest common subsequence), for the
 * version history of section texts. No HTML: the template shows the lines escaped.
 */
#ifndef DIFF_H
#define DIFF_H

#include <stddef.h>

struct arena;

enum diff_op { DIFF_SAME, DIFF_DEL, DIFF_ADD };

struct diff_line {
	enum diff_op op;
	const char *text;   /* the line without its newline, in the arena */
};

/* Most lines on each side of the changed middle for which an LCS is computed;
 * beyond that the middle is shown as removed, then added. */
enum { DIFF_LINES_MAX = 1000 };

/*
 * Diffs `old` against `new` line by line (CRLF and LF both end a line): the common
 * head and tail, then an LCS of the middle, removals before additions at each change.
 * *out is an arena array of *n lines. Returns 0, or -1 out of memory.
 */
int diff_lines(struct arena *a, const char *old, const char *new, struct diff_line **out, size_t *n);

#endif
