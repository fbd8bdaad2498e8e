/*
 * tap.h: the test tiers' one reporting format: a line "ok N - what" or
 * "not ok N - what" per check; tests/run.sh counts them.
 */
#ifndef TAP_H
#define TAP_H

#include <stdarg.h>
#include <stdio.h>

static int tap_count, tap_failed;

__attribute__((format(printf, 2, 3))) static int ok(int pass, const char *fmt, ...)
{
	va_list ap;

	printf("%s %d - ", pass ? "ok" : "not ok", ++tap_count);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
	if (!pass)
		tap_failed++;
	return pass;
}

/* Exit status for main(): 0 when every check passed. */
static int ok_done(void)
{
	return tap_failed ? 1 : 0;
}

#endif
