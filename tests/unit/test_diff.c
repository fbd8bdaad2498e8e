/* test_diff.c: the line diff of section text versions. */
#include <string.h>

#include <stdio.h>

#include "arena.h"
#include "diff.h"
#include "tap.h"

/* The diff as one string: each line its sign (' ', '-', '+') and text, then '|'. */
static const char *show(struct arena *a, const char *old, const char *new)
{
	struct diff_line *l;
	size_t n;
	char *s, *p;

	if (diff_lines(a, old, new, &l, &n) != 0)
		return "ERR";
	s = p = arena_alloc(a, strlen(old) + strlen(new) + 4 * n + 1);
	for (size_t i = 0; i < n; i++)
		p += sprintf(p, "%c%s|", " -+"[l[i].op], l[i].text);
	*p = '\0';
	return s;
}

int main(void)
{
	struct arena a;
	const char *d;

	arena_init(&a, 4096, 8 << 20);
	ok(strcmp(show(&a, "a\nb\nc", "a\nb\nc"), " a| b| c|") == 0, "same text: every line kept");
	ok(strcmp(show(&a, "", "x\ny\n"), "+x|+y|") == 0, "from nothing: every line added");
	ok(strcmp(show(&a, "x\ny", ""), "-x|-y|") == 0, "to nothing: every line removed");
	d = show(&a, "a\nb\nc\nd", "a\nB\nc\nd\ne");
	ok(strcmp(d, " a|-b|+B| c| d|+e|") == 0, "a changed line and an added one: %s", d);
	d = show(&a, "1\n2\n3\n4\n5", "1\n3\n4\nx\n5");
	ok(strcmp(d, " 1|-2| 3| 4|+x| 5|") == 0, "LCS keeps the common lines: %s", d);
	ok(strcmp(show(&a, "a\r\nb\r\n", "a\nb\n"), " a| b|") == 0, "CRLF and LF are the same line end");
	ok(strcmp(show(&a, "<b>\n", "<i>\n"), "-<b>|+<i>|") == 0, "text is passed as it is (the template escapes)");

	char big_old[3 * 1500 + 1], big_new[3 * 1500 + 1];
	for (int i = 0; i < 1500; i++) {
		memcpy(big_old + 3 * i, i % 2 ? "a\n\0" : "b\n\0", 3);
		memcpy(big_new + 3 * i, i % 3 ? "a\n\0" : "c\n\0", 3);
	}
	big_old[3 * 1500] = big_new[3 * 1500] = '\0';
	for (int i = 0; i < 3 * 1500; i++) {
		if (big_old[i] == '\0')
			big_old[i] = 'z';
		if (big_new[i] == '\0')
			big_new[i] = 'z';
	}
	d = show(&a, big_old, big_new);
	ok(strcmp(d, "ERR") != 0 && strchr(d, '-') && strchr(d, '+'),
	   "beyond %d changed lines: shown as removed then added, within the arena", DIFF_LINES_MAX);
	arena_free(&a);
	return ok_done();
}
