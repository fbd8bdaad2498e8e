/*
 * test-mail.c: e-mail over real SMTP: a local aiosmtpd sink on 127.0.0.1 receives what the
 * portal sends when a school submits a document and the curator returns it (headers, RFC 2047
 * subject, links); with the sink stopped the mail waits in the outbox and arrives once it is
 * back; a message cut off by a crash is marked failed, never resent by itself, and the
 * administrator sends it again; reminders are queued once; the settings page; /admin/outbox/.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include "e2e.h"
#include "tap.h"

#define DOCS "/ust-ilimsk/schools/sosh-5/docs/"
#define TITLE "Концепция развития «СОШ № 5» на 2025–2027 годы"
#define COMMENT "Нет подписи директора; приложите приказ."
#define PDF "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"

static int smtp_port;
static pid_t sink_pid;
static char sink_dir[64] = "/tmp/kachestvo-smtp-XXXXXX";

static int free_port(void)
{
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof sa;
	int fd = socket(AF_INET, SOCK_STREAM, 0), port = 0;

	if (fd >= 0 && bind(fd, (struct sockaddr *)&sa, sizeof sa) == 0 &&
	    getsockname(fd, (struct sockaddr *)&sa, &len) == 0)
		port = ntohs(sa.sin_port);
	if (fd >= 0)
		close(fd);
	return port;
}

static int port_open(int port)
{
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port),
				  .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	int fd = socket(AF_INET, SOCK_STREAM, 0), up;

	up = fd >= 0 && connect(fd, (struct sockaddr *)&sa, sizeof sa) == 0;
	if (fd >= 0)
		close(fd);
	return up;
}

/* Starts the sink (Debian's python3 with python3-aiosmtpd) and waits until it listens. */
static int sink_start(void)
{
	char port[16];

	snprintf(port, sizeof port, "%d", smtp_port);
	if ((sink_pid = fork()) == 0) {
		execl("/usr/bin/python3", "python3", "tests/smtp_sink.py", "127.0.0.1", port, sink_dir, (char *)NULL);
		_exit(127);
	}
	for (int i = 0; i < 200 && sink_pid > 0; i++) {
		if (port_open(smtp_port))
			return 1;
		usleep(50000);
	}
	return 0;
}

static void sink_stop(void)
{
	if (sink_pid > 0) {
		kill(sink_pid, SIGTERM);
		waitpid(sink_pid, NULL, 0);
		sink_pid = 0;
	}
}

/* The decoded summary NNN.json of the n-th message received, malloc'd; NULL if none (yet). */
static char *sink_read(int n, const char *ext)
{
	char path[128];
	FILE *f;
	char *buf = NULL;
	long size;

	snprintf(path, sizeof path, "%s/%03d.%s", sink_dir, n, ext);
	if (!(f = fopen(path, "rb")))
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
	    (buf = malloc((size_t)size + 1))) {
		buf[fread(buf, 1, (size_t)size, f)] = '\0';
	}
	fclose(f);
	return buf;
}

/* Waits up to `seconds` for message n to arrive. */
static char *sink_wait(int n, int seconds)
{
	char *s;

	for (int i = 0; i < seconds * 20; i++) {
		if ((s = sink_read(n, "json")))
			return s;
		usleep(50000);
	}
	return NULL;
}

static long long count_wait(struct e2e *e, long long want, int seconds, const char *sql)
{
	long long n = -1;

	for (int i = 0; i < seconds * 20; i++) {
		if ((n = e2e_count(e, "%s", sql)) == want)
			break;
		usleep(50000);
	}
	return n;
}

static int has(const char *s, const char *needle)
{
	return s && strstr(s, needle) != NULL;
}

/* True when the header block of a raw message is 7-bit ASCII only. */
static int headers_ascii(const char *raw)
{
	const char *end = raw ? strstr(raw, "\r\n\r\n") : NULL;

	if (!end)
		return 0;
	for (const char *p = raw; p < end; p++)
		if ((unsigned char)*p >= 0x80)
			return 0;
	return 1;
}

static long long upload_and_submit(struct e2e_browser *b)
{
	struct e2e_part parts[] = {
		{ .name = "_csrf", .value = e2e_csrf(b) },
		{ .name = "series", .value = "" },
		{ .name = "type", .value = "concept" },
		{ .name = "title", .value = TITLE },
		{ .name = "file", .filename = "concept.pdf", .data = PDF, .size = sizeof PDF - 1 },
	};
	struct e2e_resp r;
	const char *loc;
	long long id = 0;
	char path[96];

	e2e_b_upload(b, DOCS, parts, sizeof parts / sizeof parts[0], NULL, &r);
	if ((loc = e2e_header(&r, "Location")) && strncmp(loc, DOCS, strlen(DOCS)) == 0)
		id = atoll(loc + strlen(DOCS));
	e2e_resp_free(&r);
	snprintf(path, sizeof path, DOCS "%lld/submit", id);
	if (id && e2e_b_post_pairs(b, path, (const char *const[]){ NULL }, &r) != 303)
		id = 0;
	if (id)
		e2e_resp_free(&r);
	return id;
}

static void settings(struct e2e *e, struct e2e_browser *school)
{
	struct e2e_resp r;

	ok(e2e_b_get(school, "/settings/mail", &r) == 200 && has(r.body, "school-sosh-5@demo.invalid") &&
	   has(r.body, "Документ возвращён на доработку") && has(r.body, "Ежедневная сводка"),
	   "the settings page shows the address and every kind of mail");
	e2e_resp_free(&r);
	ok(e2e_b_post_pairs(school, "/settings/mail",
			    (const char *const[]){ "email", "<script>@x", "doc_returned", "1", NULL }, &r) == 422 &&
	   has(r.body, "Адрес почты указан неверно") && !has(r.body, "<script>@x") && has(r.body, "&lt;script&gt;@x"),
	   "a bad address: 422, a Russian message, the value escaped");
	e2e_resp_free(&r);
	ok(e2e_b_post_pairs(school, "/settings/mail",
			    (const char *const[]){ "email", "director@sosh5.example", "doc_returned", "1", "due_1", "1",
						   "digest", "1", NULL }, &r) == 303,
	   "saving the settings answers 303");
	e2e_resp_free(&r);
	ok(e2e_count(e, "SELECT count(*) FROM user WHERE login = 'school-sosh-5' AND email = 'director@sosh5.example'") == 1 &&
	   e2e_count(e, "SELECT count(*) FROM mail_pref p JOIN user u ON u.id = p.user_id WHERE u.login = 'school-sosh-5'"
			" AND ((kind IN ('doc_returned', 'due_1', 'digest') AND enabled = 1) OR (kind = 'doc_accepted' AND enabled = 0))") == 4 &&
	   e2e_count(e, "SELECT count(*) FROM audit WHERE action = 'mail_settings'") == 1,
	   "address and choices stored, with an audit row");
}

int main(void)
{
	char url[64], *msg, *raw;
	struct e2e *e;
	struct e2e_browser *school, *curator, *admin;
	struct e2e_resp r;
	long long id;

	if (!mkdtemp(sink_dir) || !(smtp_port = free_port()))
		return 1;
	snprintf(url, sizeof url, "KACHESTVO_SMTP_URL=smtp://127.0.0.1:%d", smtp_port);
	ok(sink_start(), "the SMTP sink listens on 127.0.0.1:%d", smtp_port);
	e = e2e_start_env((const char *const[]){ url, "KACHESTVO_MAIL_POLL_MS=100", "KACHESTVO_MAIL_RETRY_S=1",
						 "KACHESTVO_MAIL_REMIND_S=1", "KACHESTVO_MAIL_FROM=portal@kachestvo.test",
						 NULL });
	if (!ok(e != NULL, "the portal starts with smtp_url set")) {
		sink_stop();
		return 1;
	}
	school = e2e_browser_new(e);
	curator = e2e_browser_new(e);
	admin = e2e_browser_new(e);
	ok(e2e_login(school, "school-sosh-5", e2e_password(e, "school-sosh-5"), NULL) == 303 &&
	   e2e_login(curator, "curator-ust-ilimsk", e2e_password(e, "curator-ust-ilimsk"), NULL) == 303 &&
	   e2e_login(admin, "admin", e2e_password(e, "admin"), NULL) == 303, "school, curator and admin log in");

	id = upload_and_submit(school);
	ok(id > 0, "the school uploads and submits a document");
	ok(e2e_count(e, "SELECT count(*) FROM outbox WHERE kind = 'doc_submitted'"
			" AND rcpt = 'curator-ust-ilimsk@demo.invalid'") == 1,
	   "submitting queued one mail to the school's curator");
	msg = sink_wait(1, 10);
	ok(has(msg, "\"rcpt_tos\": [\"<curator-ust-ilimsk@demo.invalid>\"]") ||
	   has(msg, "\"rcpt_tos\": [\"curator-ust-ilimsk@demo.invalid\"]"), "the curator's mail arrives in the sink");
	free(msg);

	char path[96];
	snprintf(path, sizeof path, DOCS "%lld/review", id);
	ok(e2e_b_post_pairs(curator, path, (const char *const[]){ "verdict", "return", "comment", COMMENT, NULL }, &r) == 303,
	   "the curator returns the document with a comment");
	e2e_resp_free(&r);
	msg = sink_wait(2, 10);
	raw = sink_read(2, "eml");
	char link[160];
	snprintf(link, sizeof link, "/ust-ilimsk/schools/sosh-5/docs/%lld/", id);
	ok(has(msg, "school-sosh-5@demo.invalid"), "the school administrator receives the e-mail about the return");
	ok(has(msg, "\"subject\": \"Документ возвращён на доработку: " "Концепция развития «СОШ № 5» на 2025–2027 годы\""),
	   "its subject decodes to «Документ возвращён на доработку: <title>»");
	ok(has(raw, "\r\nSubject: =?UTF-8?B?") && headers_ascii(raw), "the subject is RFC 2047 encoded; headers are ASCII");
	ok(has(raw, "\r\nMessage-ID: <") && has(raw, "@kachestvo.test>\r\n") && has(raw, "\r\nDate: ") &&
	   has(raw, "From: portal@kachestvo.test\r\n") && has(raw, "multipart/alternative"),
	   "From, Date, Message-ID and multipart/alternative headers");
	ok(has(msg, link) && has(msg, "http://127.0.0.1:") && has(msg, COMMENT),
	   "plain text and HTML carry the link to the document and the curator's comment");
	ok(has(msg, "\"html\": \"<!DOCTYPE html>") && has(msg, "href=\\\"http://127.0.0.1:"),
	   "the HTML alternative links the page");
	free(msg);
	free(raw);

	settings(e, school);

	/* the sink goes away: the next mail waits, with the error shown, and arrives later */
	sink_stop();
	ok(!port_open(smtp_port), "the SMTP sink is stopped");
	id = upload_and_submit(school);
	ok(id > 0, "the school submits a second document while the sink is down");
	ok(count_wait(e, 1, 10, "SELECT count(*) FROM outbox WHERE kind = 'doc_submitted' AND status = 'queued'"
				" AND attempts >= 1 AND last_error IS NOT NULL") == 1,
	   "the mail stays queued after a failed attempt, with the error");
	ok(e2e_b_get(admin, "/admin/outbox/", &r) == 200 && has(r.body, "В очереди") && has(r.body, "Последняя ошибка"),
	   "/admin/outbox/ shows the queued mail and its last error");
	e2e_resp_free(&r);
	ok(e2e_b_get(school, "/admin/outbox/", &r) == 403, "/admin/outbox/ is the administrator's only");
	e2e_resp_free(&r);
	ok(sink_start(), "the sink comes back");
	msg = sink_wait(3, 15);
	ok(has(msg, "Документ сдан на проверку"), "the queued mail is delivered once the sink is back");
	free(msg);
	ok(count_wait(e, 0, 5, "SELECT count(*) FROM outbox WHERE status <> 'sent'") == 0 &&
	   e2e_count(e, "SELECT count(*) FROM outbox") == 3, "every message is sent, none twice");

	/* a reminder: an occurrence due tomorrow, assigned to the school administrator */
	ok(e2e_exec(e, "INSERT INTO item_assignee (item_id, user_id) SELECT o.item_id, u.id FROM occurrence o, user u"
		       " WHERE u.login = 'school-sosh-5' AND o.id = (SELECT min(id) FROM occurrence);"
		       " UPDATE occurrence SET status = 'planned', due_on = CAST(unixepoch() / 86400 AS INTEGER) + 1,"
		       " starts_on = CAST(unixepoch() / 86400 AS INTEGER) - 30 WHERE id = (SELECT min(id) FROM occurrence)"),
	   "an occurrence due tomorrow is assigned to the school administrator");
	ok(count_wait(e, 1, 10, "SELECT count(*) FROM outbox WHERE kind = 'due_1'") == 1, "a «срок завтра» reminder is queued");
	ok(count_wait(e, 1, 10, "SELECT count(*) FROM outbox WHERE kind = 'digest'") == 1,
	   "the daily digest the administrator chose is queued");
	usleep(2500000);
	ok(e2e_count(e, "SELECT count(*) FROM outbox WHERE kind IN ('due_1', 'digest')") == 2,
	   "later rounds of the reminder job add nothing (one per occurrence, kind and person)");

	/* a crash between claim and result: failed, not resent, until the administrator says so */
	sink_stop();
	ok(e2e_exec(e, "UPDATE outbox SET status = 'sending' WHERE id = (SELECT max(id) FROM outbox WHERE status = 'sent')"),
	   "a message is left «sending», as a crash mid-send would leave it");
	long pid = e2e_app_pid(e);

	ok(pid > 0 && kill((pid_t)pid, SIGKILL) == 0, "the app is killed");
	ok(count_wait(e, 1, 15, "SELECT count(*) FROM outbox WHERE status = 'failed' AND last_error LIKE 'Отправка прервана%'") == 1,
	   "after the restart the interrupted message is failed, its delivery unknown, not resent");
	long long failed = e2e_count(e, "SELECT id FROM outbox WHERE status = 'failed'");
	snprintf(path, sizeof path, "/admin/outbox/%lld/retry", failed);
	for (int i = 0; i < 100 && e2e_b_get(admin, "/healthz", &r) != 200; i++) {
		e2e_resp_free(&r);
		usleep(100000);
	}
	e2e_resp_free(&r);
	ok(e2e_b_get(admin, "/admin/outbox/", &r) == 200 && has(r.body, "Отправить снова"),
	   "the outbox page offers «Отправить снова» for it");
	e2e_resp_free(&r);
	ok(sink_start(), "the sink is back");
	ok(e2e_b_post_pairs(admin, path, (const char *const[]){ NULL }, &r) == 303, "the administrator sends it again");
	e2e_resp_free(&r);
	ok(count_wait(e, 0, 15, "SELECT count(*) FROM outbox WHERE status <> 'sent'") == 0 &&
	   e2e_count(e, "SELECT count(*) FROM audit WHERE action = 'mail_retry'") == 1,
	   "it is sent, and the retry is in the audit log");

	e2e_browser_free(school);
	e2e_browser_free(curator);
	e2e_browser_free(admin);
	e2e_stop(e);
	sink_stop();
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", sink_dir);
	if (system(cmd) != 0)
		printf("# cannot remove %s\n", sink_dir);
	return ok_done();
}
