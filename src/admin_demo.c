/*
 * admin_demo.c: the demo-users command of kachestvo-admin: the table of demo
 * accounts and the 0600 file of their logins and passwords. No argument parsing
 * (admin.c) and no SQL or scope resolution of its own: accounts are checked,
 * hashed and inserted through admin_users.c. Passwords are cleared from memory.
 */
#include "admin_demo.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "admin_users.h"
#include "arena.h"
#include "auth.h"
#include "db.h"
#include "db_user.h"

enum { DEMO_PASS_LEN = 16 };

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
		admin_fail("cannot create %s: %s", tmp, strerror(errno));
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
	admin_fail("cannot write %s: %s", tmp, strerror(errno));
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	return -1;
}

int admin_demo_users(struct ctx *x, const char *path)
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
			admin_fail("database error (see above)");
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
			if (!(scope = admin_users_scope(x, &u[i])))
				goto out;
			line[i] = arena_printf(&x->a, "%s\t-\t%s\t%s\t%s", u[i].login, u[i].role, scope,
					       d->purpose);
			fprintf(stderr, "kachestvo-admin: the password of %s is unknown; set one with:"
				" kachestvo-admin user passwd %s\n", u[i].login, u[i].login);
		} else {
			auth_token_new(pw[i]);
			pw[i][DEMO_PASS_LEN] = '\0';
			if (admin_users_prepare(x, &d->nu, &acc[i]) != 0 ||
			    admin_users_hash(&acc[i], pw[i]) != 0)
				goto out;
			/* a reserved domain (RFC 2606): demo mail is kept or sent to a local sink only */
			if (!(acc[i].u.email = arena_printf(&x->a, "%s@demo.invalid", d->nu.login)))
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
			if (admin_users_insert(x, &acc[i]) != DB_OK)
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
		admin_fail("accounts created, but cannot rename %s to %s: %s", tmp, path, strerror(errno));
		goto out;
	}
	printf("Демо-учётных записей создано: %d; логины и пароли: %s\n", created, path);
	rc = 0;
	goto out;
db_err:
	admin_fail("demo accounts not created: database error (see above)");
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
