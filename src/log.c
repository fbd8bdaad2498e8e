/*
 * log.c: one-line key=value logging on stderr; the message is quoted and its
 * control characters, quotes and backslashes escaped so a line is always one line.
 */
#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum log_level log_threshold = LOG_INFO;

static const char *const level_names[] = { "ERR", "WARN", "INFO", "DEBUG" };

void log_event(enum log_level lvl, const char *req, const char *mod, const char *fmt, ...)
{
	char msg[1024], line[2600];
	size_t n;
	va_list ap;
	struct tm tm;
	time_t now = time(NULL);

	if (lvl > log_threshold)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	gmtime_r(&now, &tm);
	n = strftime(line, sizeof line, "%Y-%m-%dT%H:%M:%SZ ", &tm);
	n += (size_t)snprintf(line + n, sizeof line - n, "%s req=%s mod=%s msg=\"",
			      level_names[lvl], req && *req ? req : "-", mod);
	for (const unsigned char *p = (const unsigned char *)msg; *p && n < sizeof line - 8; p++) {
		if (*p < 0x20 || *p == 0x7f)
			n += (size_t)snprintf(line + n, sizeof line - n, "\\x%02x", *p);
		else if (*p == '"' || *p == '\\') {
			line[n++] = '\\';
			line[n++] = (char)*p;
		} else
			line[n++] = (char)*p;
	}
	line[n++] = '"';
	line[n++] = '\n';
	if (write(STDERR_FILENO, line, n) < 0)
		return; /* nowhere left to report it */
}
