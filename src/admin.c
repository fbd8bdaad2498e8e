/*
 * admin.c: kachestvo-admin, the account-management command: adds accounts,
 * sets passwords, disables and enables them, lists them and creates the demo
 * accounts. Works on the portal's own database (same config, migrations
 * applied first) beside the running portal; no HTTP, no templates. Every
 * change and its audit event are one transaction. Passwords come from the
 * first line of stdin and never appear in arguments, logs or the audit.
 */
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "auth.h"
#include "config.h"
#include "db.h"
#include "db_audit.h"
#include "db_user.h"
#include "log.h"
#include "vocab.h"

enum { EXIT_FAIL = 1, EXIT_USAGE = 2 };
enum { NAME_MAX_BYTES = 200, SLUG_MAX = 64, DEMO_PASS_LEN = 16 };

static const char usage_text[] =
	"usage: kachestvo-admin user add LOGIN --role school|curator|coordinator|admin --name NAME\n"
	"                       [--school MUNI/SCHOOL] [--municipality MUNI] [--schools MUNI/S1,MUNI/S2]\n"
	"       kachestvo-admin user passwd LOGIN\n"
	"       kachestvo-admin user disable LOGIN\n"
	"       kachestvo-admin user enable LOGIN\n"
	"       kachestvo-admin user list\n"
	"       kachestvo-admin demo-users FILE\n"
	"The password is the first line of standard input (8 to 256 bytes).\n"
	"Scope: school needs --school; curator --municipality and/or --schools (one municipality);\n"
	"coordinator --municipality; admin none. Settings as for the portal (KACHESTVO_DATA_DIR, ...).\n";

/* An account as asked for on the command line or in the demo table. */
struct new_user {
	const char *login, *name, *role;
	const char *school;         /* MUNI/SCHOOL */
	const char *municipality;   /* MUNI */
	const char *schools;        /* MUNI/S1,MUNI/S2 */
};

enum cmd_kind { CMD_HELP, CMD_ADD, CMD_PASSWD, CMD_DISABLE, CMD_ENABLE, CMD_LIST, CMD_DEMO };

struct cmd {
	enum cmd_kind kind;
	const char *arg;            /* LOGIN or FILE */
	struct new_user nu;         /* CMD_ADD */
};

struct ctx {
	struct db db;
	struct arena a;
	char addr[80];              /* "cli:<unix user>": where a change came from, for the audit */
};

/* An account ready to insert: scope resolved, password hashed. */
struct account {
	struct user u;
	int64_t *curated;
	size_t ncurated;
	const char *scope;          /* "ust-ilimsk/sosh-5", "ust-ilimsk: sosh-5,sosh-7", "*" */
	char hash[crypto_pwhash_STRBYTES];
};

static void fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void fail(const char *fmt, ...)
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

/* Checks the role and its scope options. Returns 0 or -1 (message printed). */
static int check_new_user(const struct new_user *nu)
{
	if (!valid_login(nu->login)) {
		fail("bad login «%s»: 3 to 64 characters of a-z, A-Z, 0-9, . _ - @", nu->login);
		return -1;
	}
	if (!nu->role || !nu->name) {
		fail("user add needs --role and --name");
		return -1;
	}
	if (!valid_name(nu->name)) {
		fail("bad --name: 1 to %d bytes, no control characters", NAME_MAX_BYTES);
		return -1;
	}
	if (nu->school && !valid_school_spec(nu->school, strlen(nu->school))) {
		fail("bad --school «%s»: expected MUNI/SCHOOL", nu->school);
		return -1;
	}
	if (nu->municipality && !valid_slug(nu->municipality, strlen(nu->municipality))) {
		fail("bad --municipality «%s»", nu->municipality);
		return -1;
	}
	if (nu->schools && !valid_school_list(nu->schools)) {
		fail("bad --schools «%s»: expected MUNI/S1,MUNI/S2", nu->schools);
		return -1;
	}
	switch (VOCAB_FIND(role_v, nu->role)) {
	case ROLE_SCHOOL:
		if (!nu->school || nu->municipality || nu->schools) {
			fail("role school needs --school MUNI/SCHOOL and nothing else");
			return -1;
		}
		return 0;
	case ROLE_CURATOR:
		if ((!nu->municipality && !nu->schools) || nu->school) {
			fail("role curator needs --municipality and/or --schools (not --school)");
			return -1;
		}
		return 0;
	case ROLE_COORDINATOR:
		if (!nu->municipality || nu->school || nu->schools) {
			fail("role coordinator needs --municipality and nothing else");
			return -1;
		}
		return 0;
	case ROLE_ADMIN:
		if (nu->municipality || nu->school || nu->schools) {
			fail("role admin takes no --school, --municipality or --schools");
			return -1;
		}
		return 0;
	default:
		fail("unknown role «%s»: school, curator, coordinator or admin", nu->role);
		return -1;
	}
}

static int parse_add(int argc, char **argv, struct cmd *c)
{
	struct { const char *name; const char **val; } opts[] = {
		{ "--role", &c->nu.role },
		{ "--name", &c->nu.name },
		{ "--school", &c->nu.school },
		{ "--municipality", &c->nu.municipality },
		{ "--schools", &c->nu.schools },
	};

	c->nu.login = argv[3];
	for (int i = 4; i < argc; i += 2) {
		size_t k;

		for (k = 0; k < sizeof opts / sizeof opts[0]; k++)
			if (strcmp(argv[i], opts[k].name) == 0)
				break;
		if (k == sizeof opts / sizeof opts[0]) {
			fail("unknown option «%s»", argv[i]);
			return -1;
		}
		if (i + 1 >= argc || *opts[k].val) {
			fail("%s needs one value, given once", argv[i]);
			return -1;
		}
		*opts[k].val = argv[i + 1];
	}
	return check_new_user(&c->nu);
}

/* Fills `c` from the arguments. Returns 0 or -1 (a usage error, message or usage printed). */
static int parse(int argc, char **argv, struct cmd *c)
{
	static const struct { const char *name; enum cmd_kind kind; } user_cmds[] = {
		{ "passwd", CMD_PASSWD }, { "disable", CMD_DISABLE }, { "enable", CMD_ENABLE },
	};

	memset(c, 0, sizeof *c);
	if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		c->kind = CMD_HELP;
		return 0;
	}
	if (argc == 3 && strcmp(argv[1], "demo-users") == 0) {
		c->kind = CMD_DEMO;
		c->arg = argv[2];
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
		return parse_add(argc, argv, c);
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

/* ---- passwords ---- */

/* Reads the first line of stdin into buf (AUTH_PASS_MAX + 3 bytes).
 * Returns 0, or -1 (message printed) when missing, too short or too long. */
static int read_password(char *buf, size_t size)
{
	size_t n;

	if (isatty(STDIN_FILENO))
		fputs("Пароль (видим при вводе): ", stderr);
	if (!fgets(buf, (int)size, stdin)) {
		fail("no password on standard input");
		return -1;
	}
	n = strlen(buf);
	if (n > 0 && buf[n - 1] == '\n')
		buf[--n] = '\0';
	else if (n == size - 1) {
		fail("password too long: at most %d bytes", AUTH_PASS_MAX);
		return -1;
	}
	if (n > 0 && buf[n - 1] == '\r')
		buf[--n] = '\0';
	if (n < AUTH_PASS_MIN || n > AUTH_PASS_MAX) {
		fail("password must be %d to %d bytes long", AUTH_PASS_MIN, AUTH_PASS_MAX);
		return -1;
	}
	return 0;
}

/* ---- lookups (the command line's own statements) ---- */

struct ids {
	int64_t a, b;
};

static void ids_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct ids *r = item;

	(void)a;
	r->a = sqlite3_column_int64(st, 0);
	r->b = sqlite3_column_count(st) > 1 ? sqlite3_column_int64(st, 1) : 0;
}

/* The id of municipality `slug`. Returns DB_OK, DB_NOTFOUND or DB_ERR. */
static int muni_id(struct ctx *x, const char *slug, int64_t *id)
{
	sqlite3_stmt *st = db_stmt(&x->db, STMT_ADMIN_MUNI_ID,
		"SELECT id FROM municipality WHERE slug = ?1");
	struct ids r;
	int rc;

	if (!st || sqlite3_bind_text(st, 1, slug, -1, SQLITE_STATIC) != SQLITE_OK)
		return DB_ERR;
	if ((rc = db_one(&x->db, &x->a, st, ids_row, &r)) == DB_OK)
		*id = r.a;
	return rc;
}

/* The ids of school `school` of municipality `muni`. Returns DB_OK, DB_NOTFOUND or DB_ERR. */
static int school_id(struct ctx *x, const char *muni, const char *school, int64_t *id,
		     int64_t *muni_id_out)
{
	sqlite3_stmt *st = db_stmt(&x->db, STMT_ADMIN_SCHOOL_ID,
		"SELECT s.id, s.municipality_id FROM school s"
		" JOIN municipality m ON m.id = s.municipality_id WHERE m.slug = ?1 AND s.slug = ?2");
	struct ids r;
	int rc;

	if (!st || sqlite3_bind_text(st, 1, muni, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, school, -1, SQLITE_STATIC) != SQLITE_OK)
		return DB_ERR;
	if ((rc = db_one(&x->db, &x->a, st, ids_row, &r)) == DB_OK) {
		*id = r.a;
		*muni_id_out = r.b;
	}
	return rc;
}

static void text_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	*(const char **)item = db_text(a, st, 0);
}

/* The slugs of the schools a curator looks after, "s1,s2" in seed order ("" for none). */
static const char *curated_slugs(struct ctx *x, int64_t user_id)
{
	sqlite3_stmt *st = db_stmt(&x->db, STMT_ADMIN_CURATED,
		"SELECT group_concat(slug, ',') FROM (SELECT s.slug FROM curator_school c"
		" JOIN school s ON s.id = c.school_id WHERE c.user_id = ?1 ORDER BY s.id)");
	const char *slugs = NULL;

	if (!st || sqlite3_bind_int64(st, 1, user_id) != SQLITE_OK ||
	    db_one(&x->db, &x->a, st, text_row, &slugs) != DB_OK)
		return NULL;
	return slugs ? slugs : "";
}

/* Splits MUNI/SCHOOL (already validated) into arena copies. */
static int split_spec(struct arena *a, const char *spec, size_t n, char **muni, char **school)
{
	const char *slash = memchr(spec, '/', n);

	*muni = arena_strndup(a, spec, (size_t)(slash - spec));
	*school = arena_strndup(a, slash + 1, n - (size_t)(slash - spec) - 1);
	return *muni && *school ? 0 : -1;
}

/* ---- accounts ---- */

/* Resolves the scope of `nu` into acc->u and acc->curated. Returns 0 or EXIT_FAIL. */
static int resolve_scope(struct ctx *x, const struct new_user *nu, struct account *acc)
{
	const char *muni_slug = nu->municipality;
	char *muni, *school;
	int64_t sid, mid;
	int rc;

	switch (VOCAB_FIND(role_v, nu->role)) {
	case ROLE_ADMIN:
		acc->scope = "*";
		return 0;
	case ROLE_COORDINATOR:
		acc->scope = nu->municipality;
		break;
	case ROLE_SCHOOL:
		if (split_spec(&x->a, nu->school, strlen(nu->school), &muni, &school) != 0)
			return EXIT_FAIL;
		if ((rc = school_id(x, muni, school, &acc->u.school_id, &acc->u.municipality_id)) != DB_OK) {
			fail(rc == DB_NOTFOUND ? "no school %s" : "database error looking up %s", nu->school);
			return EXIT_FAIL;
		}
		acc->scope = nu->school;
		return 0;
	default:   /* ROLE_CURATOR */
		break;
	}
	if (nu->municipality) {
		if ((rc = muni_id(x, nu->municipality, &acc->u.municipality_id)) != DB_OK) {
			fail(rc == DB_NOTFOUND ? "no municipality %s" : "database error looking up %s",
			     nu->municipality);
			return EXIT_FAIL;
		}
		acc->scope = nu->municipality;
	}
	if (!nu->schools)
		return 0;
	size_t cap = 1;
	for (const char *p = nu->schools; *p; p++)
		cap += *p == ',';
	if (!(acc->curated = arena_alloc(&x->a, cap * sizeof *acc->curated)))
		return EXIT_FAIL;
	for (const char *s = nu->schools; s;) {
		const char *comma = strchr(s, ',');
		size_t n = comma ? (size_t)(comma - s) : strlen(s);

		if (split_spec(&x->a, s, n, &muni, &school) != 0)
			return EXIT_FAIL;
		if ((rc = school_id(x, muni, school, &sid, &mid)) != DB_OK) {
			fail(rc == DB_NOTFOUND ? "no school %s/%s" : "database error looking up %s/%s",
			     muni, school);
			return EXIT_FAIL;
		}
		if (acc->u.municipality_id && acc->u.municipality_id != mid) {
			fail("school %s/%s is not in the curator's municipality %s", muni, school,
			     muni_slug);
			return EXIT_FAIL;
		}
		if (!acc->u.municipality_id) {
			acc->u.municipality_id = mid;
			muni_slug = muni;
			acc->scope = arena_printf(&x->a, "%s: %s", muni, school);
		} else
			acc->scope = arena_printf(&x->a, "%s%s%s", acc->scope,
						  acc->ncurated || !nu->municipality ? "," : ": ", school);
		if (!acc->scope)
			return EXIT_FAIL;
		acc->curated[acc->ncurated++] = sid;
		s = comma ? comma + 1 : NULL;
	}
	return 0;
}

/* Checks that `nu` is new and resolves its scope into `acc`.
 * Returns 0 or EXIT_FAIL (message printed). */
static int account_prepare(struct ctx *x, const struct new_user *nu, struct account *acc)
{
	struct user old;
	int rc;

	memset(acc, 0, sizeof *acc);
	if ((rc = db_user_by_login(&x->db, &x->a, nu->login, &old)) != DB_NOTFOUND) {
		fail(rc == DB_OK ? "account %s already exists" : "database error looking up %s",
		     nu->login);
		return EXIT_FAIL;
	}
	if ((rc = resolve_scope(x, nu, acc)) != 0)
		return rc;
	acc->u.login = nu->login;
	acc->u.name = nu->name;
	acc->u.role = nu->role;
	acc->u.pass_hash = acc->hash;
	return 0;
}

/* Hashes `password` into acc (outside any transaction: argon2id takes a while).
 * Returns 0 or EXIT_FAIL (message printed). */
static int account_hash(struct account *acc, const char *password)
{
	if (auth_password_hash(password, acc->hash) == 0)
		return 0;
	fail("cannot hash the password (out of memory?)");
	return EXIT_FAIL;
}

/* Inserts a prepared account, its curated schools and its audit event.
 * The caller owns the transaction. Returns DB_OK or DB_ERR. */
static int account_insert(struct ctx *x, struct account *acc)
{
	struct audit_event e = { 0 };
	int64_t id;

	if (db_user_add(&x->db, &acc->u, &id) != DB_OK)
		return DB_ERR;
	acc->u.id = id;
	for (size_t i = 0; i < acc->ncurated; i++)
		if (db_curator_add(&x->db, id, acc->curated[i]) != DB_OK)
			return DB_ERR;
	e.login = acc->u.login;
	e.addr = x->addr;
	e.action = "user_add";
	e.school_id = acc->u.school_id;
	e.detail = arena_printf(&x->a, "role=%s scope=%s", acc->u.role, acc->scope);
	return e.detail ? db_audit_add(&x->db, &e) : DB_ERR;
}

static int user_add(struct ctx *x, const struct new_user *nu)
{
	char pw[AUTH_PASS_MAX + 3];
	struct account acc;
	int rc;

	if ((rc = account_prepare(x, nu, &acc)) != 0)
		return rc;
	rc = read_password(pw, sizeof pw) == 0 ? account_hash(&acc, pw) : EXIT_FAIL;
	sodium_memzero(pw, sizeof pw);
	if (rc != 0)
		return rc;
	if (db_begin(&x->db) != DB_OK || account_insert(x, &acc) != DB_OK ||
	    db_commit(&x->db) != DB_OK) {
		db_rollback(&x->db);
		fail("account %s not added: database error (see above)", nu->login);
		return EXIT_FAIL;
	}
	printf("Учётная запись %s добавлена: %s, %s\n", nu->login, nu->role, acc.scope);
	return 0;
}

/* The account `login` into `u`. Returns 0 or EXIT_FAIL (message printed). */
static int find_user(struct ctx *x, const char *login, struct user *u)
{
	int rc = db_user_by_login(&x->db, &x->a, login, u);

	if (rc == DB_OK)
		return 0;
	fail(rc == DB_NOTFOUND ? "no account %s" : "database error looking up %s", login);
	return EXIT_FAIL;
}

static int user_passwd(struct ctx *x, const char *login)
{
	char pw[AUTH_PASS_MAX + 3], hash[crypto_pwhash_STRBYTES];
	struct audit_event e = { 0 };
	struct user u;
	int rc;

	if ((rc = find_user(x, login, &u)) != 0)
		return rc;
	rc = read_password(pw, sizeof pw) == 0 && auth_password_hash(pw, hash) == 0 ? 0 : EXIT_FAIL;
	sodium_memzero(pw, sizeof pw);
	if (rc != 0)
		return rc;
	e.login = u.login;
	e.addr = x->addr;
	e.action = "user_password";
	e.school_id = u.school_id;
	e.detail = "sessions ended";
	if (db_begin(&x->db) != DB_OK || db_user_set_password(&x->db, u.id, hash) != DB_OK ||
	    db_session_delete_user(&x->db, u.id) != DB_OK || db_audit_add(&x->db, &e) != DB_OK ||
	    db_commit(&x->db) != DB_OK) {
		db_rollback(&x->db);
		fail("password of %s not changed: database error (see above)", login);
		return EXIT_FAIL;
	}
	printf("Пароль %s изменён, сеансы завершены\n", u.login);
	return 0;
}

static int user_set_disabled(struct ctx *x, const char *login, bool disabled)
{
	struct audit_event e = { 0 };
	struct user u;
	int rc;

	if ((rc = find_user(x, login, &u)) != 0)
		return rc;
	if (u.disabled == disabled) {
		printf("Учётная запись %s уже %s\n", u.login, disabled ? "отключена" : "включена");
		return 0;
	}
	e.login = u.login;
	e.addr = x->addr;
	e.action = disabled ? "user_disable" : "user_enable";
	e.school_id = u.school_id;
	if (db_begin(&x->db) != DB_OK || db_user_set_disabled(&x->db, u.id, disabled) != DB_OK ||
	    (disabled && db_session_delete_user(&x->db, u.id) != DB_OK) ||
	    db_audit_add(&x->db, &e) != DB_OK || db_commit(&x->db) != DB_OK) {
		db_rollback(&x->db);
		fail("account %s not changed: database error (see above)", login);
		return EXIT_FAIL;
	}
	printf("Учётная запись %s %s\n", u.login, disabled ? "отключена, сеансы завершены" : "включена");
	return 0;
}

/* The scope of a stored account as `user list` and the demo file show it. */
static const char *user_scope(struct ctx *x, const struct user *u)
{
	const char *slugs;

	switch (VOCAB_FIND(role_v, u->role)) {
	case ROLE_ADMIN:
		return "*";
	case ROLE_SCHOOL:
		return arena_printf(&x->a, "%s/%s", u->municipality_slug, u->school_slug);
	case ROLE_CURATOR:
		if (!(slugs = curated_slugs(x, u->id)))
			return NULL;
		return *slugs ? arena_printf(&x->a, "%s: %s", u->municipality_slug, slugs)
			      : u->municipality_slug;
	default:
		return u->municipality_slug;
	}
}

/* Display width of UTF-8 text: its code points. */
static size_t text_width(const char *s)
{
	size_t w = 0;

	for (; *s; s++)
		w += ((unsigned char)*s & 0xc0) != 0x80;
	return w;
}

static void print_cell(const char *s, size_t width)
{
	fputs(s, stdout);
	for (size_t w = text_width(s); w < width + 2; w++)
		putchar(' ');
}

static int user_list(struct ctx *x)
{
	static const char *const head[] = { "ЛОГИН", "РОЛЬ", "ДОСТУП", "ОТКЛЮЧЕНА" };
	struct user *us;
	const char **scope = NULL;
	size_t n, w[3];

	if (db_user_list(&x->db, &x->a, &us, &n) != DB_OK ||
	    (n && !(scope = arena_alloc(&x->a, n * sizeof *scope)))) {
		fail("database error (see above)");
		return EXIT_FAIL;
	}
	for (int k = 0; k < 3; k++)
		w[k] = text_width(head[k]);
	for (size_t i = 0; i < n; i++) {
		if (!(scope[i] = user_scope(x, &us[i]))) {
			fail("database error (see above)");
			return EXIT_FAIL;
		}
		if (text_width(us[i].login) > w[0])
			w[0] = text_width(us[i].login);
		if (text_width(us[i].role) > w[1])
			w[1] = text_width(us[i].role);
		if (text_width(scope[i]) > w[2])
			w[2] = text_width(scope[i]);
	}
	for (int k = 0; k < 3; k++)
		print_cell(head[k], w[k]);
	puts(head[3]);
	for (size_t i = 0; i < n; i++) {
		print_cell(us[i].login, w[0]);
		print_cell(us[i].role, w[1]);
		print_cell(scope[i], w[2]);
		puts(us[i].disabled ? "да" : "");
	}
	return 0;
}

/* ---- demo accounts ---- */

struct demo {
	struct new_user nu;
	const char *purpose;    /* the demo file's last column */
};

static const struct demo demo_accounts[] = {
	{ { "admin", "Администратор региона (демо)", "admin", NULL, NULL, NULL },
	  "администратор региона: все муниципалитеты и школы" },
	{ { "coord-ust-ilimsk", "Координатор г. Усть-Илимска (демо)", "coordinator", NULL,
	    "ust-ilimsk", NULL },
	  "муниципальный координатор Усть-Илимска: программа, дорожная карта, все школы города" },
	{ { "curator-ust-ilimsk", "Куратор школ «500+» г. Усть-Илимска (демо)", "curator", NULL, NULL,
	    "ust-ilimsk/sosh-5,ust-ilimsk/sosh-7,ust-ilimsk/sosh-17" },
	  "куратор школ «500+» Усть-Илимска (СОШ № 5, № 7, № 17): проверка документов" },
	{ { "school-sosh-5", "Администратор СОШ № 5 (демо)", "school", "ust-ilimsk/sosh-5", NULL, NULL },
	  "администратор школы: СОШ № 5, Усть-Илимск («500+», ШНОР)" },
	{ { "school-sosh-7", "Администратор СОШ № 7 (демо)", "school", "ust-ilimsk/sosh-7", NULL, NULL },
	  "администратор школы: СОШ № 7, Усть-Илимск («500+», ШНОР)" },
	{ { "school-sosh-17", "Администратор СОШ № 17 (демо)", "school", "ust-ilimsk/sosh-17", NULL,
	    NULL },
	  "администратор школы: СОШ № 17, Усть-Илимск («500+», ШНОР)" },
	{ { "school-sosh-1", "Администратор СОШ № 1 (демо)", "school", "ust-ilimsk/sosh-1", NULL, NULL },
	  "администратор школы: СОШ № 1, Усть-Илимск (ШНОР, без куратора «500+»)" },
	{ { "coord-dalnerechensk", "Координатор Дальнереченского района (демо)", "coordinator", NULL,
	    "dalnerechensk", NULL },
	  "муниципальный координатор Дальнереченского муниципального района" },
	{ { "coord-baley", "Координатор Балейского района (демо)", "coordinator", NULL, "baley", NULL },
	  "муниципальный координатор МР «Балейский район»" },
	{ { "curator-baley", "Куратор школ «500+» Балейского района (демо)", "curator", NULL, NULL,
	    "baley/oosh-zhidkinskaya,baley/sosh-undino-poselskaya" },
	  "куратор школ «500+» Балейского района (Жидкинская ООШ, Ундино-Посельская СОШ)" },
	{ { "school-oosh-zhidkinskaya", "Администратор Жидкинской ООШ (демо)", "school",
	    "baley/oosh-zhidkinskaya", NULL, NULL },
	  "администратор школы: Жидкинская ООШ, Балейский район («500+»)" },
	{ { "school-sosh-undino-poselskaya", "Администратор Ундино-Посельской СОШ (демо)", "school",
	    "baley/sosh-undino-poselskaya", NULL, NULL },
	  "администратор школы: Ундино-Посельская СОШ, Балейский район («500+»)" },
	{ { "coord-izhevsk", "Координатор г. Ижевска (демо)", "coordinator", NULL, "izhevsk", NULL },
	  "муниципальный координатор г. Ижевска" },
};
enum { DEMO_N = sizeof demo_accounts / sizeof demo_accounts[0] };

/* Reads the lines of an existing demo file, by account: old[i] is the line of
 * demo_accounts[i] without its newline, or NULL. Returns true if the file exists. */
static bool demo_file_read(struct ctx *x, const char *path, const char *old[DEMO_N])
{
	FILE *f = fopen(path, "r");
	char line[1024];

	if (!f)
		return false;
	while (fgets(line, sizeof line, f)) {
		size_t n = strcspn(line, "\n"), login = strcspn(line, "\t");

		line[n] = '\0';
		for (size_t i = 0; i < DEMO_N; i++)
			if (strlen(demo_accounts[i].nu.login) == login &&
			    strncmp(line, demo_accounts[i].nu.login, login) == 0 && login < n)
				old[i] = arena_strdup(&x->a, line);
	}
	sodium_memzero(line, sizeof line);
	fclose(f);
	return true;
}

/* Writes `text` to a new file `tmp` with mode 0600 and syncs it. Returns 0 or -1 (printed). */
static int write_private(const char *tmp, const char *text)
{
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0600);
	size_t n = strlen(text), done = 0;

	if (fd < 0) {
		fail("cannot create %s: %s", tmp, strerror(errno));
		return -1;
	}
	if (fchmod(fd, 0600) != 0)
		goto err;
	while (done < n) {
		ssize_t w = write(fd, text + done, n - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			goto err;
		done += (size_t)w;
	}
	if (fsync(fd) != 0)
		goto err;
	if (close(fd) != 0) {
		fd = -1;
		goto err;
	}
	return 0;
err:
	fail("cannot write %s: %s", tmp, strerror(errno));
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	return -1;
}

/*
 * Creates the demo accounts that do not exist yet, each with a random password,
 * and writes `path` (0600): login, password, role, scope, purpose per line. Lines
 * of accounts that already existed are kept from the old file ("-" as the password
 * when unknown). With every account present and the file there, changes nothing.
 * The file is written before the commit and renamed into place after it.
 */
static int demo_users(struct ctx *x, const char *path)
{
	const char *old[DEMO_N] = { 0 };
	char *line[DEMO_N] = { 0 };
	char pw[DEMO_N][AUTH_TOKEN_LEN + 1];
	struct user u[DEMO_N];
	struct account *acc;
	bool exists[DEMO_N], have_file, all = true;
	char *text = NULL, *tmp;
	size_t len = 0;
	int created = 0, rc = EXIT_FAIL;

	have_file = demo_file_read(x, path, old);
	for (size_t i = 0; i < DEMO_N; i++) {
		int r = db_user_by_login(&x->db, &x->a, demo_accounts[i].nu.login, &u[i]);

		if (r == DB_ERR) {
			fail("database error (see above)");
			return EXIT_FAIL;
		}
		exists[i] = r == DB_OK;
		all = all && exists[i];
	}
	if (all && have_file) {
		printf("Демо-учётные записи уже созданы: %s\n", path);
		return 0;
	}
	if (!(acc = arena_alloc(&x->a, DEMO_N * sizeof *acc)) ||
	    !(tmp = arena_printf(&x->a, "%s.tmp%ld", path, (long)getpid())))
		return EXIT_FAIL;
	for (size_t i = 0; i < DEMO_N; i++) {
		const struct demo *d = &demo_accounts[i];
		const char *scope;

		if (exists[i] && old[i])
			line[i] = arena_strdup(&x->a, old[i]);
		else if (exists[i]) {
			if (!(scope = user_scope(x, &u[i])))
				goto out;
			line[i] = arena_printf(&x->a, "%s\t-\t%s\t%s\t%s", u[i].login, u[i].role, scope,
					       d->purpose);
			fprintf(stderr, "kachestvo-admin: the password of %s is unknown; set one with:"
				" kachestvo-admin user passwd %s\n", u[i].login, u[i].login);
		} else {
			auth_token_new(pw[i]);
			pw[i][DEMO_PASS_LEN] = '\0';
			if (account_prepare(x, &d->nu, &acc[i]) != 0 || account_hash(&acc[i], pw[i]) != 0)
				goto out;
			line[i] = arena_printf(&x->a, "%s\t%s\t%s\t%s\t%s", d->nu.login, pw[i],
					       d->nu.role, acc[i].scope, d->purpose);
		}
		if (!line[i])
			goto out;
		len += strlen(line[i]) + 1;
	}
	if (!(text = arena_alloc(&x->a, len + 1)))
		goto out;
	len = 0;
	for (size_t i = 0; i < DEMO_N; i++) {
		size_t n = strlen(line[i]);

		memcpy(text + len, line[i], n);
		text[len + n] = '\n';
		len += n + 1;
	}
	text[len] = '\0';
	if (db_begin(&x->db) != DB_OK)
		goto db_err;
	for (size_t i = 0; i < DEMO_N; i++)
		if (!exists[i]) {
			if (account_insert(x, &acc[i]) != DB_OK)
				goto db_err;
			created++;
		}
	if (write_private(tmp, text) != 0)
		goto out;
	if (db_commit(&x->db) != DB_OK) {
		unlink(tmp);
		goto db_err;
	}
	if (rename(tmp, path) != 0) {
		fail("accounts created, but cannot rename %s to %s: %s", tmp, path, strerror(errno));
		goto out;
	}
	printf("Демо-учётных записей создано: %d; логины и пароли: %s\n", created, path);
	rc = 0;
	goto out;
db_err:
	fail("demo accounts not created: database error (see above)");
out:
	db_rollback(&x->db);
	/* the passwords: the arena is freed without being cleared */
	sodium_memzero(pw, sizeof pw);
	for (size_t i = 0; i < DEMO_N; i++)
		if (line[i])
			sodium_memzero(line[i], strlen(line[i]));
	if (text)
		sodium_memzero(text, strlen(text));
	return rc;
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
		fail("cannot create %s: %s", cfg.data_dir, strerror(errno));
		return -1;
	}
	return 0;
}

static int run(struct ctx *x, const struct cmd *c)
{
	switch (c->kind) {
	case CMD_ADD:
		return user_add(x, &c->nu);
	case CMD_PASSWD:
		return user_passwd(x, c->arg);
	case CMD_DISABLE:
		return user_set_disabled(x, c->arg, true);
	case CMD_ENABLE:
		return user_set_disabled(x, c->arg, false);
	case CMD_LIST:
		return user_list(x);
	case CMD_DEMO:
		return demo_users(x, c->arg);
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
		fail("libsodium initialisation failed");
		return EXIT_FAIL;
	}
	memset(&x, 0, sizeof x);
	set_addr(&x);
	if (make_data_dir() != 0 || arena_init(&x.a, 1 << 16, 8 << 20) != 0)
		return EXIT_FAIL;
	if (db_open(&x.db, cfg.db_path, true) != DB_OK || db_migrate(&x.db, cfg.migrations) != DB_OK) {
		fail("cannot open or migrate %s (see above)", cfg.db_path);
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
