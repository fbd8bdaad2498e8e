/*
 * admin_users.c: the `user` commands of kachestvo-admin (add, passwd, disable,
 * enable, list, role), the resolution of a scope (slugs to ids) and the command
 * line's lookup statements. No argument parsing (admin.c checks the options
 * first), no demo accounts (admin_demo.c). Every change and its audit event are
 * one transaction; passwords never reach the log or the audit.
 */
#include "admin_users.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "auth.h"
#include "db.h"
#include "db_audit.h"
#include "db_user.h"
#include "vocab.h"

/* ---- passwords ---- */

/* Reads the first line of stdin into buf (AUTH_PASS_MAX + 3 bytes).
 * Returns 0, or -1 (message printed) when missing, too short or too long. */
static int read_password(char *buf, size_t size)
{
	size_t n;

	if (isatty(STDIN_FILENO))
		fputs("Пароль (видим при вводе): ", stderr);
	if (!fgets(buf, (int)size, stdin)) {
		admin_fail("no password on standard input");
		return -1;
	}
	n = strlen(buf);
	if (n > 0 && buf[n - 1] == '\n')
		buf[--n] = '\0';
	else if (n == size - 1) {
		admin_fail("password too long: at most %d bytes", AUTH_PASS_MAX);
		return -1;
	}
	if (n > 0 && buf[n - 1] == '\r')
		buf[--n] = '\0';
	if (n < AUTH_PASS_MIN || n > AUTH_PASS_MAX) {
		admin_fail("password must be %d to %d bytes long", AUTH_PASS_MIN, AUTH_PASS_MAX);
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

/* Resolves the scope of `nu` (role and scope options checked by admin.c) into
 * acc->u.municipality_id, acc->u.school_id, acc->curated and acc->scope; `acc`
 * starts zeroed. Shared by `user add`, demo-users and `user role`.
 * Returns 0 or EXIT_FAIL (message printed). */
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
			admin_fail(rc == DB_NOTFOUND ? "no school %s" : "database error looking up %s",
				   nu->school);
			return EXIT_FAIL;
		}
		acc->scope = nu->school;
		return 0;
	default:   /* ROLE_CURATOR */
		break;
	}
	if (nu->municipality) {
		if ((rc = muni_id(x, nu->municipality, &acc->u.municipality_id)) != DB_OK) {
			admin_fail(rc == DB_NOTFOUND ? "no municipality %s" : "database error looking up %s",
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
			admin_fail(rc == DB_NOTFOUND ? "no school %s/%s" : "database error looking up %s/%s",
				   muni, school);
			return EXIT_FAIL;
		}
		if (acc->u.municipality_id && acc->u.municipality_id != mid) {
			admin_fail("school %s/%s is not in the curator's municipality %s", muni, school,
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

/* Assigns the curated schools of a resolved scope to account `user_id`.
 * The caller owns the transaction. Returns DB_OK or DB_ERR. */
static int curated_add(struct ctx *x, int64_t user_id, const struct account *acc)
{
	for (size_t i = 0; i < acc->ncurated; i++)
		if (db_curator_add(&x->db, user_id, acc->curated[i]) != DB_OK)
			return DB_ERR;
	return DB_OK;
}

int admin_users_prepare(struct ctx *x, const struct new_user *nu, struct account *acc)
{
	struct user old;
	int rc;

	memset(acc, 0, sizeof *acc);
	if ((rc = db_user_by_login(&x->db, &x->a, nu->login, &old)) != DB_NOTFOUND) {
		admin_fail(rc == DB_OK ? "account %s already exists" : "database error looking up %s",
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

int admin_users_hash(struct account *acc, const char *password)
{
	if (auth_password_hash(password, acc->hash) == 0)
		return 0;
	admin_fail("cannot hash the password (out of memory?)");
	return EXIT_FAIL;
}

int admin_users_insert(struct ctx *x, struct account *acc)
{
	struct audit_event e = { 0 };
	int64_t id;

	if (db_user_add(&x->db, &acc->u, &id) != DB_OK)
		return DB_ERR;
	acc->u.id = id;
	if (curated_add(x, id, acc) != DB_OK)
		return DB_ERR;
	e.login = acc->u.login;
	e.addr = x->addr;
	e.action = "user_add";
	e.school_id = acc->u.school_id;
	e.detail = arena_printf(&x->a, "role=%s scope=%s", acc->u.role, acc->scope);
	return e.detail ? db_audit_add(&x->db, &e) : DB_ERR;
}

int admin_users_add(struct ctx *x, const struct new_user *nu, const char *email)
{
	char pw[AUTH_PASS_MAX + 3];
	struct account acc;
	int rc;

	if ((rc = admin_users_prepare(x, nu, &acc)) != 0)
		return rc;
	acc.u.email = email;
	rc = read_password(pw, sizeof pw) == 0 ? admin_users_hash(&acc, pw) : EXIT_FAIL;
	sodium_memzero(pw, sizeof pw);
	if (rc != 0)
		return rc;
	if (db_begin(&x->db) != DB_OK || admin_users_insert(x, &acc) != DB_OK ||
	    db_commit(&x->db) != DB_OK) {
		db_rollback(&x->db);
		admin_fail("account %s not added: database error (see above)", nu->login);
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
	admin_fail(rc == DB_NOTFOUND ? "no account %s" : "database error looking up %s", login);
	return EXIT_FAIL;
}

int admin_users_passwd(struct ctx *x, const char *login)
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
		admin_fail("password of %s not changed: database error (see above)", login);
		return EXIT_FAIL;
	}
	printf("Пароль %s изменён, сеансы завершены\n", u.login);
	return 0;
}

int admin_users_set_disabled(struct ctx *x, const char *login, bool disabled)
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
		admin_fail("account %s not changed: database error (see above)", login);
		return EXIT_FAIL;
	}
	printf("Учётная запись %s %s\n", u.login, disabled ? "отключена, сеансы завершены" : "включена");
	return 0;
}

int admin_users_role(struct ctx *x, const struct new_user *nu)
{
	struct audit_event e = { 0 };
	struct account acc;
	struct user u;
	int rc;

	memset(&acc, 0, sizeof acc);
	if ((rc = find_user(x, nu->login, &u)) != 0 || (rc = resolve_scope(x, nu, &acc)) != 0)
		return rc;
	e.login = u.login;
	e.addr = x->addr;
	e.action = "role_change";
	/* the school the account serves now, else the one it leaves: both schools' logs show it */
	e.school_id = acc.u.school_id ? acc.u.school_id : u.school_id;
	if (!(e.detail = arena_printf(&x->a, "%s → %s scope=%s", u.role, nu->role, acc.scope)))
		return EXIT_FAIL;
	if (db_begin(&x->db) != DB_OK ||
	    db_user_set_role(&x->db, u.id, nu->role, acc.u.municipality_id, acc.u.school_id) != DB_OK ||
	    db_curator_clear(&x->db, u.id) != DB_OK || curated_add(x, u.id, &acc) != DB_OK ||
	    db_session_delete_user(&x->db, u.id) != DB_OK || db_audit_add(&x->db, &e) != DB_OK ||
	    db_commit(&x->db) != DB_OK) {
		db_rollback(&x->db);
		admin_fail("role of %s not changed: database error (see above)", nu->login);
		return EXIT_FAIL;
	}
	printf("Учётная запись %s: %s, %s; сеансы завершены\n", u.login, nu->role, acc.scope);
	return 0;
}

const char *admin_users_scope(struct ctx *x, const struct user *u)
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

int admin_users_list(struct ctx *x)
{
	static const char *const head[] = { "ЛОГИН", "РОЛЬ", "ДОСТУП", "ОТКЛЮЧЕНА" };
	struct user *us;
	const char **scope = NULL;
	size_t n, w[3];

	if (db_user_list(&x->db, &x->a, &us, &n) != DB_OK ||
	    (n && !(scope = arena_alloc(&x->a, n * sizeof *scope)))) {
		admin_fail("database error (see above)");
		return EXIT_FAIL;
	}
	for (int k = 0; k < 3; k++)
		w[k] = text_width(head[k]);
	for (size_t i = 0; i < n; i++) {
		if (!(scope[i] = admin_users_scope(x, &us[i]))) {
			admin_fail("database error (see above)");
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
