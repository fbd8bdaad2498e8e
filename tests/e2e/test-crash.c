/*
 * test-crash.c: the app killed with SIGKILL at random moments during a stream of
 * uploads, submissions, reviews, executions and confirmations (CRASH_ROUNDS, 50 by
 * default): the supervisor in run.sh starts it again while nginx answers «Сервис
 * временно недоступен»; afterwards PRAGMA integrity_check is ok, every request that
 * was answered with success is there in full (documents with their files and
 * hashes, statuses, audit rows), and a restart leaves no temporary file behind.
 */
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "e2e.h"
#include "tap.h"

#define SCHOOL "/ust-ilimsk/schools/sosh-5/"
#define DOCS SCHOOL "docs/"
#define ROADMAP "/ust-ilimsk/roadmap/items/"

enum op_kind { OP_UPLOAD, OP_SUBMIT, OP_ACCEPT, OP_DONE, OP_CONFIRM, OP__MAX };
static const char *const op_name[OP__MAX] = { "upload", "submit", "accept", "done", "confirm" };

/* An acknowledged request: its kind, the object and, for uploads, the file's hash. */
struct op {
	enum op_kind kind;
	long long id, item;
	char sha256[65];
};

enum { OPS_MAX = 4096, OCC_MAX = 512 };

struct stream {
	struct e2e *e;
	struct e2e_browser *school, *coord;
	long long occ[OCC_MAX], item[OCC_MAX];   /* planned occurrences of the municipal roadmap */
	size_t nocc, next_occ;
	struct op ops[OPS_MAX];
	size_t nops;
	int attempts;
	atomic_bool stop;
};

static void ack(struct stream *s, enum op_kind kind, long long id, long long item, const char *sha)
{
	if (s->nops < OPS_MAX)
		s->ops[s->nops++] = (struct op){ .kind = kind, .id = id, .item = item };
	if (sha)
		snprintf(s->ops[s->nops - 1].sha256, sizeof s->ops[0].sha256, "%s", sha);
}

/* The id in a Location "<DOCS><id>/", else 0. */
static long long doc_id(const struct e2e_resp *r)
{
	const char *loc = e2e_header(r, "Location");

	return loc && strncmp(loc, DOCS, strlen(DOCS)) == 0 ? strtoll(loc + strlen(DOCS), NULL, 10) : 0;
}

static int post(struct e2e_browser *b, const char *path, const char *const *pairs)
{
	struct e2e_resp r;
	int status = e2e_b_post_pairs(b, path, pairs, &r);

	e2e_resp_free(&r);
	return status;
}

/* A document's cycle: upload, submit, accept; stops at the first unacknowledged step. */
static void document_cycle(struct stream *s, int n)
{
	char pdf[160], title[64], sha[65], path[96];
	struct e2e_resp r;

	snprintf(pdf, sizeof pdf, "%%PDF-1.4\n%% crash test document %d %ld\n1 0 obj<<>>endobj\ntrailer<<>>\n%%%%EOF\n",
		 n, (long)time(NULL));
	snprintf(title, sizeof title, "Протокол № %d", n);
	e2e_sha256(pdf, strlen(pdf), sha);
	struct e2e_part parts[] = {
		{ .name = "_csrf", .value = e2e_csrf(s->school) },
		{ .name = "type", .value = "protocol" },
		{ .name = "title", .value = title },
		{ .name = "file", .filename = "protocol.pdf", .data = pdf, .size = strlen(pdf) },
	};
	s->attempts++;
	int status = e2e_b_upload(s->school, DOCS, parts, sizeof parts / sizeof parts[0], NULL, &r);
	long long id = doc_id(&r);

	e2e_resp_free(&r);
	if (status == 0 || status >= 500)
		usleep(20000);   /* the app is down: give the supervisor a moment */
	if (status != 303 || id == 0)
		return;
	ack(s, OP_UPLOAD, id, 0, sha);
	snprintf(path, sizeof path, DOCS "%lld/submit", id);
	s->attempts++;
	if (post(s->school, path, (const char *const[]){ NULL }) != 303)
		return;
	ack(s, OP_SUBMIT, id, 0, NULL);
	snprintf(path, sizeof path, DOCS "%lld/review", id);
	s->attempts++;
	if (post(s->coord, path, (const char *const[]){ "verdict", "accept", "comment", "", NULL }) == 303)
		ack(s, OP_ACCEPT, id, 0, NULL);
}

/* An occurrence's cycle: executed by the school, confirmed by the coordinator. */
static void occurrence_cycle(struct stream *s)
{
	char path[128];

	if (s->next_occ >= s->nocc)
		return;
	long long occ = s->occ[s->next_occ], item = s->item[s->next_occ];

	s->next_occ++;
	snprintf(path, sizeof path, ROADMAP "%lld/occurrences/%lld/done", item, occ);
	s->attempts++;
	int status = post(s->school, path, (const char *const[]){ "note", "Исполнено", NULL });

	if (status == 0 || status >= 500)
		s->next_occ--;   /* not answered: try the same one again (409 if it got through) */
	if (status != 303)
		return;
	ack(s, OP_DONE, occ, item, NULL);
	snprintf(path, sizeof path, ROADMAP "%lld/occurrences/%lld/confirm", item, occ);
	s->attempts++;
	if (post(s->coord, path, (const char *const[]){ NULL }) == 303)
		ack(s, OP_CONFIRM, occ, item, NULL);
}

static void *stream_run(void *arg)
{
	struct stream *s = arg;

	for (int n = 1; !atomic_load(&s->stop); n++) {
		document_cycle(s, n);
		occurrence_cycle(s);
		usleep(2000);
	}
	return NULL;
}

/* Waits up to 15 s for a new app (another pid) that answers /healthz with 200. */
static int back_up(struct e2e *e, long old_pid)
{
	struct e2e_resp r;

	for (int i = 0; i < 300; i++) {
		long pid = e2e_app_pid(e);
		int status = pid && pid != old_pid ? e2e_get(e, "/healthz", &r) : 0;

		if (pid && pid != old_pid)
			e2e_resp_free(&r);
		if (status == 200)
			return 1;
		usleep(50000);
	}
	return 0;
}

/* Whether the acknowledged op is in the database in full. */
static int op_holds(struct e2e *e, const struct op *o)
{
	char path[256];
	struct stat st;

	switch (o->kind) {
	case OP_UPLOAD:
		snprintf(path, sizeof path, "%s/files/%.2s/%s", e2e_data_dir(e), o->sha256, o->sha256);
		return e2e_count(e, "SELECT count(*) FROM document WHERE id = %lld AND sha256 = '%q'", o->id,
				 o->sha256) == 1 && stat(path, &st) == 0 && st.st_size > 0 &&
		       e2e_count(e, "SELECT count(*) FROM audit WHERE document_id = %lld AND action = 'upload'",
				 o->id) == 1;
	case OP_SUBMIT:
		return e2e_count(e, "SELECT count(*) FROM document WHERE id = %lld"
				    " AND status IN ('submitted', 'accepted', 'published')", o->id) == 1;
	case OP_ACCEPT:
		return e2e_count(e, "SELECT count(*) FROM document WHERE id = %lld"
				    " AND status IN ('accepted', 'published')", o->id) == 1 &&
		       e2e_count(e, "SELECT count(*) FROM review WHERE document_id = %lld AND verdict = 'accept'",
				 o->id) == 1;
	case OP_DONE:
		return e2e_count(e, "SELECT count(*) FROM occurrence WHERE id = %lld"
				    " AND status IN ('done', 'confirmed') AND evidence_note = 'Исполнено'", o->id) == 1;
	case OP_CONFIRM:
		return e2e_count(e, "SELECT count(*) FROM occurrence WHERE id = %lld AND status = 'confirmed'",
				 o->id) == 1;
	default:
		return 0;
	}
}

static void load_occurrences(struct stream *s)
{
	char *rows = e2e_query(s->e, "SELECT o.id, o.item_id FROM occurrence o"
				     " JOIN roadmap_item i ON i.id = o.item_id JOIN roadmap r ON r.id = i.roadmap_id"
				     " JOIN municipality m ON m.id = r.municipality_id"
				     " WHERE m.slug = 'ust-ilimsk' AND r.school_id IS NULL AND o.status = 'planned'"
				     " ORDER BY o.id LIMIT %d", OCC_MAX);

	for (char *p = rows; p && *p && s->nocc < OCC_MAX;) {
		s->occ[s->nocc] = strtoll(p, &p, 10);
		s->item[s->nocc++] = strtoll(p + 1, &p, 10);
		p += *p == '\n';
	}
	free(rows);
}

int main(void)
{
	const char *env_rounds = getenv("CRASH_ROUNDS");
	int rounds = env_rounds ? atoi(env_rounds) : 50, killed = 0, came_back = 0;
	struct e2e *e = e2e_start();
	static struct stream s;
	struct e2e_resp r;
	pthread_t t;

	if (!ok(e != NULL, "the stack starts"))
		return ok_done();
	s.e = e;
	s.school = e2e_browser_new(e);
	s.coord = e2e_browser_new(e);
	ok(e2e_login(s.school, "school-sosh-5", e2e_password(e, "school-sosh-5"), NULL) == 303 &&
	   e2e_login(s.coord, "coord-ust-ilimsk", e2e_password(e, "coord-ust-ilimsk"), NULL) == 303,
	   "the school and the coordinator log in");
	load_occurrences(&s);
	ok(s.nocc >= 50, "%zu planned occurrences to work on", s.nocc);

	long pid = e2e_app_pid(e);

	ok(pid > 0 && kill((pid_t)pid, SIGKILL) == 0, "the app's pid is in DATA_DIR/app.pid; SIGKILL");
	ok(e2e_get(e, "/", &r) == 503 && r.body && strstr(r.body, "<h1>Сервис временно недоступен</h1>"),
	   "while it is down nginx answers 503 «Сервис временно недоступен»");
	e2e_resp_free(&r);
	ok(back_up(e, pid), "the supervisor starts it again and it serves");

	srand(20261123);
	pthread_create(&t, NULL, stream_run, &s);
	for (int i = 0; i < rounds; i++) {
		usleep(30000 + (useconds_t)(rand() % 170000));
		pid = e2e_app_pid(e);
		killed += pid > 0 && kill((pid_t)pid, SIGKILL) == 0;
		came_back += back_up(e, pid);
	}
	usleep(300000);
	atomic_store(&s.stop, true);
	pthread_join(t, NULL);
	ok(killed == rounds && came_back == rounds, "%d rounds: killed %d times, back up %d times", rounds, killed,
	   came_back);

	int counts[OP__MAX] = { 0 }, lost = 0;

	for (size_t i = 0; i < s.nops; i++) {
		counts[s.ops[i].kind]++;
		if (!op_holds(e, &s.ops[i]) && lost++ < 5)
			printf("# lost: %s of %lld\n", op_name[s.ops[i].kind], s.ops[i].id);
	}
	ok(s.nops > 0 && lost == 0,
	   "every acknowledged request is there in full: %d uploads, %d submissions, %d acceptances, %d executions,"
	   " %d confirmations of %d attempts", counts[OP_UPLOAD], counts[OP_SUBMIT], counts[OP_ACCEPT],
	   counts[OP_DONE], counts[OP_CONFIRM], s.attempts);
	ok(counts[OP_UPLOAD] > 0 && counts[OP_ACCEPT] > 0 && counts[OP_CONFIRM] > 0,
	   "the stream got every kind of request through between the kills");
	char *check = e2e_query(e, "PRAGMA integrity_check");

	ok(check && strcmp(check, "ok\n") == 0, "PRAGMA integrity_check: ok");
	free(check);
	ok(e2e_count(e, "SELECT count(*) FROM document WHERE sha256 IS NULL OR size IS NULL") == 0,
	   "no half-written document row");

	pid = e2e_app_pid(e);
	ok(kill((pid_t)pid, SIGKILL) == 0 && back_up(e, pid) && e2e_tmp_empty(e),
	   "a cleanup pass (one more restart) leaves no temporary upload behind");
	e2e_browser_free(s.school);
	e2e_browser_free(s.coord);
	e2e_stop(e);
	return ok_done();
}
