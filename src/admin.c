/*
 * admin.c: kachestvo-admin, the account and data command: main, the command
 * line (parsing and checking), dispatch and the shared error message. Works on
 * the portal's own database (same config, migrations applied first) beside the
 * running portal; no HTTP, no templates. No SQL and no account logic here: the
 * `user` commands are in admin_users.c, demo-users in admin_demo.c, backup and
 * restore in admin_backup.c. Passwords
 * come from the first line of stdin and never appear in arguments, logs or the audit.
 */
#include <errno.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "admin.h"
#include "admin_backup.h"
#include "admin_demo.h"
#include "admin_monitor.h"
#include "admin_users.h"
#include "arena.h"
#include "auth.h"
#include "config.h"
#include "db.h"
#include "log.h"
#include "mail_msg.h"
#include "vocab.h"

enum { NAME_MAX_BYTES = 200, SLUG_MAX = 64 };

static const char usage_text[] =
	"usage: kachestvo-admin user add LOGIN --role school|curator|coordinator|admin --name NAME\n"
	"                       [--school MUNI/SCHOOL] [--municipality MUNI] [--schools MUNI/S1,MUNI/S2]\n"
	"                       [--email ADDRESS]\n"
	"       kachestvo-admin user role LOGIN --role school|curator|coordinator|admin\n"
	"                       [--school MUNI/SCHOOL] [--municipality MUNI] [--schools MUNI/S1,MUNI/S2]\n"
	"       kachestvo-admin user passwd LOGIN\n"
	"       kachestvo-admin user disable LOGIN\n"
	"       kachestvo-admin user enable LOGIN\n"
	"       kachestvo-admin user list\n"
	"       kachestvo-admin demo-users FILE\n"
	"       kachestvo-admin backup DIR      (online: the portal keeps serving)\n"
	"       kachestvo-admin restore DIR     (the portal must be stopped)\n"
	"       kachestvo-admin monitor MUNI [entry|interim|final|monthly]   (a website monitoring\n"
	"                       round in the foreground, for cron; default monthly)\n"
	"The password is the first line of standard input (8 to 256 bytes).\n"
	"Scope: school needs --school; curator --municipality and/or --schools (one municipality);\n"
	"coordinator --municipality; admin none. Settings as for the portal (KACHESTVO_DATA_DIR, ...).\n";

enum cmd_kind {
	CMD_HELP, CMD_ADD, CMD_ROLE, CMD_PASSWD, CMD_DISABLE, CMD_ENABLE, CMD_LIST, CMD_DEMO,
	CMD_BACKUP, CMD_RESTORE, CMD_MONITOR
};

struct cmd {
	enum cmd_kind kind;
	const char *arg;            /* LOGIN, FILE, DIR or MUNI */
	const char *kind_code;      /* CMD_MONITOR: the round's kind */
	struct new_user nu;         /* CMD_ADD, CMD_ROLE */
	const char *email;          /* CMD_ADD: --email, or NULL */
};

void admin_fail(const char *fmt, ...)
{
	va_list ap;

	fputs("kachestvo-admin: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* ---- validation of the command line ---- */

static bool valid_login(const char *s)
{
	size_t n = strlen(s);

	if (n < 3 || n > 64)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
		      *s == '.' || *s == '_' || *s == '-' || *s == '@'))
			return false;
	return true;
}

static bool valid_name(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > NAME_MAX_BYTES)
		return false;
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return false;
	return true;
}

/* A slug of `n` bytes as the schema allows it: [a-z0-9][a-z0-9-]*. */
static bool valid_slug(const char *s, size_t n)
{
	if (n == 0 || n > SLUG_MAX || *s == '-')
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return false;
	return true;
}

/* MUNI/SCHOOL, `n` bytes. */
static bool valid_school_spec(const char *s, size_t n)
{
	const char *slash = memchr(s, '/', n);

	return slash && valid_slug(s, (size_t)(slash - s)) &&
	       valid_slug(slash + 1, n - (size_t)(slash - s) - 1);
}

/* MUNI/S1,MUNI/S2,... */
static bool valid_school_list(const char *s)
{
	for (;;) {
		const char *comma = strchr(s, ',');
		size_t n = comma ? (size_t)(comma - s) : strlen(s);

		if (!valid_school_spec(s, n))
			return false;
		if (!comma)
			return true;
		s = comma + 1;
	}
}

static int check_login(const char *login)
{
	if (valid_login(login))
		return 0;
	admin_fail("bad login «%s»: 3 to 64 characters of a-z, A-Z, 0-9, . _ - @", login);
	return -1;
}

/* Checks the scope options and that they fit the role (present, as `user add`
 * and `user role` both need). Returns 0 or -1 (message printed). */
static int check_scope(const struct new_user *nu)
{
	if (nu->school && !valid_school_spec(nu->school, strlen(nu->school))) {
		admin_fail("bad --school «%s»: expected MUNI/SCHOOL", nu->school);
		return -1;
	}
	if (nu->municipality && !valid_slug(nu->municipality, strlen(nu->municipality))) {
		admin_fail("bad --municipality «%s»", nu->municipality);
		return -1;
	}
	if (nu->schools && !valid_school_list(nu->schools)) {
		admin_fail("bad --schools «%s»: expected MUNI/S1,MUNI/S2", nu->schools);
		return -1;
	}
	switch (VOCAB_FIND(role_v, nu->role)) {
	case ROLE_SCHOOL:
		if (!nu->school || nu->municipality || nu->schools) {
			admin_fail("role school needs --school MUNI/SCHOOL and nothing else");
			return -1;
		}
		return 0;
	case ROLE_CURATOR:
		if ((!nu->municipality && !nu->schools) || nu->school) {
			admin_fail("role curator needs --municipality and/or --schools (not --school)");
			return -1;
		}
		return 0;
	case ROLE_COORDINATOR:
		if (!nu->municipality || nu->school || nu->schools) {
			admin_fail("role coordinator needs --municipality and nothing else");
			return -1;
		}
		return 0;
	case ROLE_ADMIN:
		if (nu->municipality || nu->school || nu->schools) {
			admin_fail("role admin takes no --school, --municipality or --schools");
			return -1;
		}
		return 0;
	default:
		admin_fail("unknown role «%s»: school, curator, coordinator or admin", nu->role);
		return -1;
	}
}

/* Checks the login, name, role and scope of `user add`. Returns 0 or -1 (message printed). */
static int check_new_user(const struct new_user *nu, const char *email)
{
	if (check_login(nu->login) != 0)
		return -1;
	if (!nu->role || !nu->name) {
		admin_fail("user add needs --role and --name");
		return -1;
	}
	if (!valid_name(nu->name)) {
		admin_fail("bad --name: 1 to %d bytes, no control characters", NAME_MAX_BYTES);
		return -1;
	}
	if (email && !mail_addr_ok(email)) {
		admin_fail("bad --email «%s»: one address like name@example.ru", email);
		return -1;
	}
	return check_scope(nu);
}

/* Checks the login, role and scope of `user role`. Returns 0 or -1 (message printed). */
static int check_role_change(const struct new_user *nu)
{
	if (check_login(nu->login) != 0)
		return -1;
	if (!nu->role) {
		admin_fail("user role needs --role");
		return -1;
	}
	return check_scope(nu);
}

/* Reads LOGIN and the options of `user add` (with_name) or `user role` into c->nu.
 * Returns 0 or -1 (message printed). */
static int parse_options(int argc, char **argv, struct cmd *c, bool with_name)
{
	struct { const char *name; const char **val; } opts[] = {
		{ "--role", &c->nu.role },
		{ "--school", &c->nu.school },
		{ "--municipality", &c->nu.municipality },
		{ "--schools", &c->nu.schools },
		{ "--email", &c->email },
		{ "--name", &c->nu.name },   /* the last two: `user role` takes no --name, --email */
	};
	size_t nopts = sizeof opts / sizeof opts[0] - 2 * !with_name;

	c->nu.login = argv[3];
	for (int i = 4; i < argc; i += 2) {
		size_t k;

		for (k = 0; k < nopts; k++)
			if (strcmp(argv[i], opts[k].name) == 0)
				break;
		if (k == nopts) {
			admin_fail("unknown option «%s»", argv[i]);
			return -1;
		}
		if (i + 1 >= argc || *opts[k].val) {
			admin_fail("%s needs one value, given once", argv[i]);
			return -1;
		}
		*opts[k].val = argv[i + 1];
	}
	return 0;
}

/* Fills `c` from the arguments. Returns 0 or -1 (a usage error, message or usage printed). */
static int parse(int argc, char **argv, struct cmd *c)
{
	static const struct { const char *name; enum cmd_kind kind; } user_cmds[] = {
		{ "passwd", CMD_PASSWD }, { "disable", CMD_DISABLE }, { "enable", CMD_ENABLE },
	}, file_cmds[] = {
		{ "demo-users", CMD_DEMO }, { "backup", CMD_BACKUP }, { "restore", CMD_RESTORE },
	};

	memset(c, 0, sizeof *c);
	if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		c->kind = CMD_HELP;
		return 0;
	}
	for (size_t i = 0; argc == 3 && i < sizeof file_cmds / sizeof file_cmds[0]; i++)
		if (strcmp(argv[1], file_cmds[i].name) == 0) {
			c->kind = file_cmds[i].kind;
			c->arg = argv[2];
			return 0;
		}
	if ((argc == 3 || argc == 4) && strcmp(argv[1], "monitor") == 0) {
		c->kind = CMD_MONITOR;
		c->arg = argv[2];
		c->kind_code = argc == 4 ? argv[3] : "monthly";
		return 0;
	}
	if (argc < 3 || strcmp(argv[1], "user") != 0) {
		fputs(usage_text, stderr);
		return -1;
	}
	if (strcmp(argv[2], "list") == 0 && argc == 3) {
		c->kind = CMD_LIST;
		return 0;
	}
	if (strcmp(argv[2], "add") == 0 && argc >= 4) {
		c->kind = CMD_ADD;
		return parse_options(argc, argv, c, true) == 0 ? check_new_user(&c->nu, c->email) : -1;
	}
	if (strcmp(argv[2], "role") == 0 && argc >= 4) {
		c->kind = CMD_ROLE;
		return parse_options(argc, argv, c, false) == 0 ? check_role_change(&c->nu) : -1;
	}
	for (size_t i = 0; i < sizeof user_cmds / sizeof user_cmds[0]; i++)
		if (strcmp(argv[2], user_cmds[i].name) == 0 && argc == 4) {
			c->kind = user_cmds[i].kind;
			c->arg = argv[3];
			return 0;
		}
	fputs(usage_text, stderr);
	return -1;
}

/* ---- main ---- */

static void set_addr(struct ctx *x)
{
	struct passwd *pw = getpwuid(getuid());

	if (pw && pw->pw_name)
		snprintf(x->addr, sizeof x->addr, "cli:%s", pw->pw_name);
	else
		snprintf(x->addr, sizeof x->addr, "cli:uid=%ld", (long)getuid());
}

/* Creates the data directory when the database lives in it (a fresh data dir). */
static int make_data_dir(void)
{
	size_t n = strlen(cfg.data_dir);

	if (strncmp(cfg.db_path, cfg.data_dir, n) != 0 || cfg.db_path[n] != '/')
		return 0;
	if (mkdir(cfg.data_dir, 0700) != 0 && errno != EEXIST) {
		admin_fail("cannot create %s: %s", cfg.data_dir, strerror(errno));
		return -1;
	}
	return 0;
}

static int run(struct ctx *x, const struct cmd *c)
{
	switch (c->kind) {
	case CMD_ADD:
		return admin_users_add(x, &c->nu, c->email);
	case CMD_ROLE:
		return admin_users_role(x, &c->nu);
	case CMD_PASSWD:
		return admin_users_passwd(x, c->arg);
	case CMD_DISABLE:
		return admin_users_set_disabled(x, c->arg, true);
	case CMD_ENABLE:
		return admin_users_set_disabled(x, c->arg, false);
	case CMD_LIST:
		return admin_users_list(x);
	case CMD_DEMO:
		return admin_demo_users(x, c->arg);
	case CMD_BACKUP:
		return admin_backup(x, c->arg);
	case CMD_MONITOR:
		return admin_monitor(x, c->arg, c->kind_code);
	case CMD_RESTORE:
		return admin_restore(x, c->arg);
	default:
		return EXIT_USAGE;
	}
}

int main(int argc, char **argv)
{
	struct ctx x;
	struct cmd c;
	int rc;

	if (parse(argc, argv, &c) != 0)
		return EXIT_USAGE;
	if (c.kind == CMD_HELP) {
		fputs(usage_text, stdout);
		return 0;
	}
	log_threshold = LOG_WARN;   /* "applied migration" is noise here; errors still show */
	if (config_load() != 0)
		return EXIT_FAIL;
	if (auth_init() != 0) {
		admin_fail("libsodium initialisation failed");
		return EXIT_FAIL;
	}
	memset(&x, 0, sizeof x);
	set_addr(&x);
	if (make_data_dir() != 0 || arena_init(&x.a, 1 << 16, 8 << 20) != 0)
		return EXIT_FAIL;
	if (db_open(&x.db, cfg.db_path, true) != DB_OK || db_migrate(&x.db, cfg.migrations) != DB_OK) {
		admin_fail("cannot open or migrate %s (see above)", cfg.db_path);
		if (x.db.h)
			db_close(&x.db);
		arena_free(&x.a);
		return EXIT_FAIL;
	}
	rc = run(&x, &c);
	db_close(&x.db);
	arena_free(&x.a);
	return rc;
}
