/*
 * config.c: option table, `key = value` file, environment overrides.
 * Startup only; prints one clear line and fails on any bad value.
 */
#include "config.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct config cfg;

enum opt_type { O_STR, O_INT };

struct opt {
	const char *key, *env;
	enum opt_type type;
	long min, max;
	const char *def;
	size_t offset, size;
};

#define STR(field, def) O_STR, 0, 0, def, offsetof(struct config, field), sizeof cfg.field
#define INT(field, lo, hi, def) O_INT, lo, hi, def, offsetof(struct config, field), sizeof cfg.field

static const struct opt opts[] = {
	/* key           env                      field, bounds, default ("" for a path: under data_dir) */
	{ "data_dir",    "KACHESTVO_DATA_DIR",    STR(data_dir, "var") },
	{ "socket",      "KACHESTVO_SOCKET",      STR(socket_path, "") },
	{ "db_path",     "KACHESTVO_DB",          STR(db_path, "") },
	{ "templates",   "KACHESTVO_TEMPLATES",   STR(templates, "templates") },
	{ "migrations",  "KACHESTVO_MIGRATIONS",  STR(migrations, "db") },
	{ "threads",     "KACHESTVO_THREADS",     INT(threads, 0, 64, "0") },
	{ "log_debug",   "KACHESTVO_LOG_DEBUG",   INT(log_debug, 0, 1, "0") },
	{ "upload_max_mb", "KACHESTVO_UPLOAD_MAX_MB", INT(upload_max_mb, 1, 4096, "50") },
	{ "page_cache_seconds", "KACHESTVO_PAGE_CACHE_SECONDS", INT(page_cache_seconds, 0, 60, "0") },
	{ "explain_plans", "KACHESTVO_EXPLAIN_PLANS", INT(explain_plans, 0, 1, "0") },
	{ "monitor_parallel",  "KACHESTVO_MONITOR_PARALLEL",  INT(monitor_parallel, 1, 32, "6") },
	{ "monitor_connect_s", "KACHESTVO_MONITOR_CONNECT_S", INT(monitor_connect_s, 1, 60, "10") },
	{ "monitor_timeout_s", "KACHESTVO_MONITOR_TIMEOUT_S", INT(monitor_timeout_s, 1, 300, "30") },
	{ "monitor_max_kb",    "KACHESTVO_MONITOR_MAX_KB",    INT(monitor_max_kb, 16, 65536, "4096") },
	{ "monitor_redirects", "KACHESTVO_MONITOR_REDIRECTS", INT(monitor_redirects, 0, 20, "5") },
	{ "monitor_links",     "KACHESTVO_MONITOR_LINKS",     INT(monitor_links, 0, 100, "20") },
	{ "base_url",    "KACHESTVO_BASE_URL",    STR(base_url, "http://127.0.0.1:8080") },
	{ "smtp_url",    "KACHESTVO_SMTP_URL",    STR(smtp_url, "") },
	{ "smtp_starttls", "KACHESTVO_SMTP_STARTTLS", INT(smtp_starttls, 0, 1, "0") },
	{ "smtp_user",   "KACHESTVO_SMTP_USER",   STR(smtp_user, "") },
	{ "smtp_password", "KACHESTVO_SMTP_PASSWORD", STR(smtp_password, "") },
	{ "mail_from",   "KACHESTVO_MAIL_FROM",   STR(mail_from, "portal@localhost") },
	{ "mail_poll_ms", "KACHESTVO_MAIL_POLL_MS", INT(mail_poll_ms, 50, 600000, "5000") },
	{ "mail_retry_s", "KACHESTVO_MAIL_RETRY_S", INT(mail_retry_s, 1, 86400, "60") },
	{ "mail_attempts", "KACHESTVO_MAIL_ATTEMPTS", INT(mail_attempts, 1, 50, "8") },
	{ "mail_remind_s", "KACHESTVO_MAIL_REMIND_S", INT(mail_remind_s, 1, 86400, "600") },
};

int config_set(const char *key, const char *value)
{
	for (size_t i = 0; i < sizeof opts / sizeof opts[0]; i++) {
		const struct opt *o = &opts[i];

		if (strcmp(o->key, key) != 0)
			continue;
		if (o->type == O_STR) {
			if (strlen(value) >= o->size)
				return -1;
			strcpy((char *)&cfg + o->offset, value);
			return 0;
		}
		char *end;
		errno = 0;
		long v = strtol(value, &end, 10);

		if (errno || end == value || *end || v < o->min || v > o->max)
			return -1;
		*(long *)((char *)&cfg + o->offset) = v;
		return 0;
	}
	return -1;
}

static char *trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

static int config_read_file(const char *path)
{
	FILE *f = fopen(path, "r");
	char line[1024];
	int lineno = 0;

	if (!f) {
		fprintf(stderr, "config: cannot open %s\n", path);
		return -1;
	}
	while (fgets(line, sizeof line, f)) {
		char *s = trim(line), *eq;

		lineno++;
		if (*s == '\0' || *s == '#')
			continue;
		if (!(eq = strchr(s, '='))) {
			fprintf(stderr, "config: %s:%d: expected key = value\n", path, lineno);
			fclose(f);
			return -1;
		}
		*eq = '\0';
		if (config_set(trim(s), trim(eq + 1)) != 0) {
			fprintf(stderr, "config: %s:%d: bad value for %s\n", path, lineno, trim(s));
			fclose(f);
			return -1;
		}
	}
	fclose(f);
	return 0;
}

/* Fills a path option left empty with <data_dir>/<name>. */
static int config_default_path(char *field, size_t size, const char *name)
{
	if (*field)
		return 0;
	if ((size_t)snprintf(field, size, "%s/%s", cfg.data_dir, name) >= size) {
		fprintf(stderr, "config: data_dir is too long\n");
		return -1;
	}
	return 0;
}

int config_load(void)
{
	const char *file = getenv("KACHESTVO_CONFIG");

	memset(&cfg, 0, sizeof cfg);
	for (size_t i = 0; i < sizeof opts / sizeof opts[0]; i++)
		config_set(opts[i].key, opts[i].def);
	if (file && *file && config_read_file(file) != 0)
		return -1;
	for (size_t i = 0; i < sizeof opts / sizeof opts[0]; i++) {
		const char *v = getenv(opts[i].env);

		if (v && config_set(opts[i].key, v) != 0) {
			fprintf(stderr, "config: bad value in %s for %s\n", opts[i].env, opts[i].key);
			return -1;
		}
	}
	if (config_default_path(cfg.socket_path, sizeof cfg.socket_path, "app.sock") ||
	    config_default_path(cfg.db_path, sizeof cfg.db_path, "portal.db"))
		return -1;
	return 0;
}
