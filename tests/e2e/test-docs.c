/*
 * test-docs.c: a document's life over real HTTP: a school uploads a concept, submits it, the
 * curator returns it with a comment, the school sends version 2, the curator accepts it and the
 * public sees and downloads it; each step checked in the pages, the database and the audit log.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "e2e.h"
#include "tap.h"

#define SCHOOL "/ust-ilimsk/schools/sosh-5/"
#define DOCS SCHOOL "docs/"
#define TITLE "Концепция развития МБОУ «СОШ № 5» на 2022–2024 годы"
#define NAME1 "Концепция развития СОШ № 5.pdf"
#define NAME2 "Концепция развития СОШ № 5, редакция 2.pdf"
#define COMMENT "Нет подписи директора и даты утверждения; приложите приказ."
#define BAD_LOGIN "Неверный логин или пароль"
#define THROTTLED "Слишком много неудачных попыток входа. Попробуйте через 15 минут."

/* Two small valid PDFs, different by a comment line. */
#define PDF_BODY "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n" \
	"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n" \
	"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n" \
	"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
static const char pdf1[] = "%PDF-1.4\n% version 1\n" PDF_BODY;
static const char pdf2[] = "%PDF-1.4\n% version 2, signed\n" PDF_BODY;

/* A 1x1 PNG. */
static const unsigned char png[] = {
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
	0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
	0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0,
	0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
	0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

/* The start of a 64-bit x86 ELF executable. */
static const unsigned char elf[64] = {
	0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	2, 0, 0x3e, 0, 1, 0, 0, 0, 0x78, 0, 0x40, 0, 0, 0, 0, 0,
	0x40, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0x40, 0, 0x38, 0, 1, 0, 0, 0, 0, 0, 0, 0,
};

static int has(const struct e2e_resp *r, const char *s)
{
	return r->body && strstr(r->body, s) != NULL;
}

static int location_is(const struct e2e_resp *r, const char *want)
{
	const char *loc = e2e_header(r, "Location");

	return loc && strcmp(loc, want) == 0;
}

/* The id in a Location "<DOCS><id>/", else 0. */
static long long doc_id(const struct e2e_resp *r)
{
	const char *loc = e2e_header(r, "Location");
	char *end;
	long long id;

	if (!loc || strncmp(loc, DOCS, strlen(DOCS)) != 0)
		return 0;
	id = strtoll(loc + strlen(DOCS), &end, 10);
	return strcmp(end, "/") == 0 ? id : 0;
}

/* Uploads one file to sosh-5 as the browser's user; series 0: a new document. */
static int upload(struct e2e_browser *b, const char *type, const char *title, long long series,
		  const char *name, const void *data, size_t size, struct e2e_resp *r)
{
	char s[24] = "";
	struct e2e_part parts[] = {
		{ .name = "_csrf", .value = e2e_csrf(b) },
		{ .name = "series", .value = s },
		{ .name = "type", .value = type },
		{ .name = "title", .value = title },
		{ .name = "file", .filename = name, .data = data, .size = size },
	};

	if (series)
		snprintf(s, sizeof s, "%lld", series);
	return e2e_b_upload(b, DOCS, parts, sizeof parts / sizeof parts[0], NULL, r);
}

static int review(struct e2e_browser *b, long long id, const char *verdict, const char *comment,
		  struct e2e_resp *r)
{
	char path[96];

	snprintf(path, sizeof path, DOCS "%lld/review", id);
	return e2e_b_post_pairs(b, path, (const char *const[]){ "verdict", verdict, "comment", comment, NULL }, r);
}

static int submit(struct e2e_browser *b, long long id, struct e2e_resp *r)
{
	char path[96];

	snprintf(path, sizeof path, DOCS "%lld/submit", id);
	return e2e_b_post_pairs(b, path, (const char *const[]){ NULL }, r);
}

/* The document's column as text, malloc'd without the trailing newline. */
static char *doc_col(struct e2e *e, long long id, const char *col)
{
	char *v = e2e_query(e, "SELECT %s FROM document WHERE id = %lld", col, id);

	if (v && *v)
		v[strlen(v) - 1] = '\0';
	return v;
}

static int doc_is(struct e2e *e, long long id, const char *col, const char *want)
{
	char *v = doc_col(e, id, col);
	int same = v && strcmp(v, want) == 0;

	if (!same)
		printf("# document %lld: %s is «%s», expected «%s»\n", id, col, v ? v : "(error)", want);
	free(v);
	return same;
}

/* The file at DATA_DIR/files/<2>/<sha> holds exactly these bytes. */
static int stored(struct e2e *e, const void *data, size_t size)
{
	char hex[65], path[256];
	struct stat st;
	FILE *f;
	char *buf;
	int same = 0;

	e2e_sha256(data, size, hex);
	snprintf(path, sizeof path, "%s/files/%.2s/%s", e2e_data_dir(e), hex, hex);
	if (stat(path, &st) != 0 || (size_t)st.st_size != size || !(f = fopen(path, "rb")))
		return 0;
	if ((buf = malloc(size + 1)) != NULL)
		same = fread(buf, 1, size + 1, f) == size && memcmp(buf, data, size) == 0;
	free(buf);
	fclose(f);
	return same;
}

/* filename*=UTF-8''… of a Content-Disposition, percent-decoded into out; 0 if absent or bad. */
static int disposition_name(const char *cd, char *out, size_t size)
{
	const char *p = cd ? strstr(cd, "filename*=UTF-8''") : NULL;
	size_t o = 0;

	if (!p)
		return 0;
	for (p += strlen("filename*=UTF-8''"); *p && *p != ';' && o + 1 < size; p++) {
		unsigned v;

		if (*p == '%' && sscanf(p + 1, "%2x", &v) == 1) {
			out[o++] = (char)v;
			p += 2;
		} else
			out[o++] = *p;
	}
	out[o] = '\0';
	return 1;
}

/* The labels of <th scope="row"> cells in order, each followed by '\n', malloc'd. */
static char *row_labels(const char *body)
{
	static const char th[] = "<th scope=\"row\">";
	size_t cap = strlen(body) + 1, o = 0;
	char *out = malloc(cap);

	if (!out)
		return NULL;
	for (const char *p = body; (p = strstr(p, th)) != NULL; ) {
		size_t n;

		p += sizeof th - 1;
		n = strcspn(p, "<");
		memcpy(out + o, p, n);
		o += n;
		out[o++] = '\n';
		p += n;
	}
	out[o] = '\0';
	return out;
}

static void login(struct e2e *e, struct e2e_browser *school, struct e2e_browser *curator)
{
	struct e2e_resp r;
	char *sid;

	e2e_login(school, "school-sosh-5", "not-the-password", &r);
	ok(r.status == 401 && has(&r, BAD_LOGIN), "wrong password: 401 «%s» (got %d)", BAD_LOGIN, r.status);
	ok(has(&r, "value=\"school-sosh-5\""), "the login form keeps the login typed");
	e2e_resp_free(&r);
	ok((sid = e2e_cookie(school, "sid")) == NULL, "wrong password: no session cookie");
	free(sid);

	e2e_login(school, "school-sosh-5", e2e_password(e, "school-sosh-5"), &r);
	ok(r.status == 303 && location_is(&r, "/cabinet/"), "right password: 303 to /cabinet/ (got %d)",
	   r.status);
	ok(e2e_header(&r, "Set-Cookie") && strstr(r.headers, "sid=") && strstr(r.headers, "HttpOnly"),
	   "login sets an HttpOnly sid cookie");
	e2e_resp_free(&r);
	ok(strlen(e2e_csrf(school)) >= 32, "the cabinet carries the session's _csrf");

	ok(e2e_login(curator, "curator-ust-ilimsk", e2e_password(e, "curator-ust-ilimsk"), NULL) == 303,
	   "curator-ust-ilimsk logs in, in a second cookie jar");
	ok(strcmp(e2e_csrf(school), e2e_csrf(curator)) != 0, "each session has its own _csrf");
}

/* Uploads version 1 and submits it; returns its id. */
static long long first_version(struct e2e *e, struct e2e_browser *school)
{
	struct e2e_resp r;
	char hex[65], path[96], self[24];
	long long id;

	e2e_b_get(school, DOCS, &r);
	ok(r.status == 200 && has(&r, "enctype=\"multipart/form-data\"") && !has(&r, "<li class=\"doc"),
	   "GET " DOCS ": 200, the upload form, no documents yet");
	e2e_resp_free(&r);

	upload(school, "concept", TITLE, 0, NAME1, pdf1, sizeof pdf1 - 1, &r);
	id = doc_id(&r);
	ok(r.status == 303 && id > 0, "upload of «%s»: 303 to " DOCS "<id>/ (got %d, %s)", NAME1, r.status,
	   e2e_header(&r, "Location") ? e2e_header(&r, "Location") : "no Location");
	e2e_resp_free(&r);
	e2e_sha256(pdf1, sizeof pdf1 - 1, hex);
	snprintf(self, sizeof self, "%lld", id);
	ok(doc_is(e, id, "status", "draft") && doc_is(e, id, "version", "1") &&
	   doc_is(e, id, "series", self) && doc_is(e, id, "type", "concept") &&
	   doc_is(e, id, "title", TITLE), "database: version 1, draft, its own series, type and title");
	ok(doc_is(e, id, "orig_name", NAME1) && doc_is(e, id, "sha256", hex) &&
	   doc_is(e, id, "mime", "application/pdf"), "database: the Cyrillic file name, SHA-256, application/pdf");
	ok(stored(e, pdf1, sizeof pdf1 - 1), "the file is stored at files/%.2s/%.12s… with the same bytes", hex, hex);
	ok(e2e_tmp_empty(e), "tmp/ is empty after the upload");

	snprintf(path, sizeof path, DOCS "%lld/", id);
	e2e_b_get(school, path, &r);
	ok(r.status == 200 && has(&r, TITLE) && has(&r, NAME1), "the school sees its draft's page with the file name");
	e2e_resp_free(&r);
	e2e_get(e, path, &r);
	ok(r.status == 303 && e2e_header(&r, "Location") &&
	   strncmp(e2e_header(&r, "Location"), "/login?next=", 12) == 0,
	   "anonymous: the draft's page sends to /login (got %d)", r.status);
	e2e_resp_free(&r);

	submit(school, id, &r);
	ok(r.status == 303 && doc_is(e, id, "status", "submitted"), "submit: 303, status submitted (got %d)",
	   r.status);
	e2e_resp_free(&r);
	submit(school, id, &r);
	ok(r.status == 409 && doc_is(e, id, "status", "submitted"),
	   "a second submit: 409, still submitted (got %d)", r.status);
	e2e_resp_free(&r);
	return id;
}

static void return_it(struct e2e *e, struct e2e_browser *school, struct e2e_browser *curator, long long id)
{
	struct e2e_resp r;
	char href[96];

	snprintf(href, sizeof href, "href=\"" DOCS "%lld/\"", id);
	e2e_b_get(curator, "/review/", &r);
	ok(r.status == 200 && has(&r, href) && has(&r, TITLE) && has(&r, "Всего: 1."),
	   "the curator's queue lists the submitted concept (got %d)", r.status);
	e2e_resp_free(&r);

	review(curator, id, "return", "", &r);
	ok(r.status == 422 && has(&r, "При возврате на доработку напишите, что исправить."),
	   "return without a comment: 422 with the reason (got %d)", r.status);
	e2e_resp_free(&r);
	review(curator, id, "return", "   \n ", &r);
	ok(r.status == 422, "return with a blank comment: 422 (got %d)", r.status);
	e2e_resp_free(&r);
	ok(doc_is(e, id, "status", "submitted") && e2e_count(e, "SELECT count(*) FROM review") == 0,
	   "after the refused returns: still submitted, no review row");

	review(curator, id, "return", COMMENT, &r);
	ok(r.status == 303 && location_is(&r, "/review/"), "return with a comment: 303 to /review/ (got %d)",
	   r.status);
	e2e_resp_free(&r);
	ok(doc_is(e, id, "status", "returned") &&
	   e2e_count(e, "SELECT count(*) FROM review WHERE document_id = %lld AND verdict = 'return'"
		     " AND comment = %Q", id, COMMENT) == 1, "database: returned, the review row with the comment");
	e2e_b_get(curator, "/review/", &r);
	ok(r.status == 200 && !has(&r, href) && has(&r, "Новых документов на проверку нет."),
	   "the queue is empty again");
	e2e_resp_free(&r);

	e2e_b_get(school, DOCS, &r);
	ok(r.status == 200 && has(&r, "возвращён на доработку") && has(&r, "Загрузить новую версию"),
	   "the school's documents page: «возвращён на доработку» and the new-version form");
	ok(has(&r, COMMENT), "the school's documents page shows the curator's comment");
	e2e_resp_free(&r);
}

/* Uploads version 2 in the same series, submits it, the curator accepts; returns its id. */
static long long second_version(struct e2e *e, struct e2e_browser *school, struct e2e_browser *curator,
				long long id1)
{
	struct e2e_resp r;
	long long id2;
	char series[24];

	upload(school, "concept", TITLE, id1, NAME2, pdf2, sizeof pdf2 - 1, &r);
	id2 = doc_id(&r);
	ok(r.status == 303 && id2 > id1, "upload of version 2 in the series: 303 (got %d)", r.status);
	e2e_resp_free(&r);
	snprintf(series, sizeof series, "%lld", id1);
	ok(doc_is(e, id2, "version", "2") && doc_is(e, id2, "series", series) && doc_is(e, id2, "status", "draft") &&
	   doc_is(e, id2, "orig_name", NAME2), "database: version 2 of series %lld, draft", id1);
	ok(stored(e, pdf2, sizeof pdf2 - 1), "version 2's file is stored under its hash");
	submit(school, id2, &r);
	ok(r.status == 303 && doc_is(e, id2, "status", "submitted"), "submit version 2: 303, submitted");
	e2e_resp_free(&r);

	review(curator, id2, "accept", "", &r);
	ok(r.status == 303 && location_is(&r, "/review/"), "accept: 303 to /review/ (got %d)", r.status);
	e2e_resp_free(&r);
	ok(doc_is(e, id2, "status", "published") && e2e_count(e, "SELECT published_at > 0 FROM document"
							      " WHERE id = %lld", id2) == 1,
	   "database: version 2 published, with its date");
	ok(doc_is(e, id1, "status", "returned"), "version 1 stays returned");
	review(curator, id2, "return", "поздно", &r);
	ok(r.status == 409 && doc_is(e, id2, "status", "published"),
	   "a verdict on a published version: 409, nothing changes (got %d)", r.status);
	e2e_resp_free(&r);
	return id2;
}

static void public_view(struct e2e *e, struct e2e_browser *school, long long id1, long long id2)
{
	static const char concept_row[] = "<th scope=\"row\">Концепция развития</th><td>До 30 апреля</td>"
					  "<td><span class=\"status status-published\">опубликован</span>";
	struct e2e_resp r;
	char path[96], href1[96], href2[96], name[256], hex[65];
	const char *cd, *ct;

	snprintf(href1, sizeof href1, "href=\"" DOCS "%lld/\"", id1);
	snprintf(href2, sizeof href2, "href=\"" DOCS "%lld/\"", id2);
	e2e_get(e, SCHOOL, &r);
	ok(r.status == 200 && has(&r, href2) && has(&r, TITLE) && !has(&r, href1),
	   "public school page lists version 2, not version 1 (got %d)", r.status);
	ok(has(&r, concept_row), "public school page: «Концепция развития» … «опубликован»");
	ok(!has(&r, "Опубликованных документов пока нет."), "public school page: no «nothing published» note");
	e2e_resp_free(&r);

	snprintf(path, sizeof path, DOCS "%lld/", id2);
	e2e_get(e, path, &r);
	ok(r.status == 200 && has(&r, "<h1>" TITLE "</h1>") && has(&r, NAME2) && has(&r, "опубликован"),
	   "public version page: 200, title, file name, «опубликован» (got %d)", r.status);
	ok(has(&r, href2) && !has(&r, href1) && !has(&r, COMMENT) && !has(&r, "История изменений"),
	   "public version page: version 2 in the history; the returned version 1 and the comments hidden");
	e2e_resp_free(&r);
	e2e_b_get(school, path, &r);
	ok(r.status == 200 && has(&r, href1) && has(&r, href2) && has(&r, "возвращён на доработку") &&
	   has(&r, "опубликован"), "the school's view of the version page lists both versions with their states");
	ok(has(&r, COMMENT), "the school's view of the version page shows the curator's comment");
	e2e_resp_free(&r);

	snprintf(path, sizeof path, DOCS "%lld/file", id2);
	e2e_get(e, path, &r);
	cd = e2e_header(&r, "Content-Disposition");
	ct = e2e_header(&r, "Content-Type");
	e2e_sha256(r.body, r.len, hex);
	{
		char want[65];

		e2e_sha256(pdf2, sizeof pdf2 - 1, want);
		ok(r.status == 200 && r.len == sizeof pdf2 - 1 && strcmp(hex, want) == 0,
		   "anonymous download of version 2: 200, the exact bytes (SHA-256 %.12s…, got %d, %zu bytes)",
		   want, r.status, r.len);
	}
	ok(ct && strncmp(ct, "application/pdf", 15) == 0, "download: Content-Type application/pdf (%s)",
	   ct ? ct : "none");
	ok(cd && strncmp(cd, "attachment", 10) == 0 && disposition_name(cd, name, sizeof name) &&
	   strcmp(name, NAME2) == 0, "download: Content-Disposition attachment, filename*=UTF-8'' of «%s»", NAME2);
	if (cd && strcmp(name, NAME2) != 0)
		printf("# Content-Disposition: %s\n", cd);
	e2e_resp_free(&r);

	snprintf(path, sizeof path, DOCS "%lld/file", id1);
	e2e_get(e, path, &r);
	ok(r.status != 200 && r.status < 500 && !has(&r, "%PDF"),
	   "anonymous download of the returned version 1: refused (got %d %s)", r.status,
	   e2e_header(&r, "Location") ? e2e_header(&r, "Location") : "");
	e2e_resp_free(&r);
	snprintf(path, sizeof path, DOCS "%lld/", id1);
	e2e_get(e, path, &r);
	ok(r.status != 200 && !has(&r, COMMENT), "anonymous: version 1's page is refused (got %d)", r.status);
	e2e_resp_free(&r);
	snprintf(path, sizeof path, DOCS "%lld/file", id1);
	e2e_b_get(school, path, &r);
	ok(r.status == 200 && r.len == sizeof pdf1 - 1 && memcmp(r.body, pdf1, r.len) == 0,
	   "the school downloads its returned version 1 (got %d)", r.status);
	e2e_resp_free(&r);
}

/* The audit log page and table: every step, in order; the table refuses UPDATE and DELETE. */
static void audit(struct e2e *e, struct e2e_browser *school, long long id1, long long id2)
{
	static const char *const steps[] = { "Загружен файл", "Отправлен на проверку", "Возвращён на доработку",
					     "Загружен файл", "Отправлен на проверку", "Подтверждён куратором",
					     "Опубликован" };
	static const char want_db[] = "upload|draft\nsubmit|submitted\nreturn|returned\nupload|draft\n"
				      "submit|submitted\naccept|accepted\npublish|published\n";
	struct e2e_resp r;
	char *labels, *rows, want[512] = "", path[128];
	sqlite3 *db;
	char *err = NULL;
	long long before;

	e2e_b_get(school, SCHOOL "audit/", &r);
	ok(r.status == 200, "GET " SCHOOL "audit/ as the school: 200 (got %d)", r.status);
	labels = row_labels(r.body);
	for (size_t i = sizeof steps / sizeof steps[0]; i-- > 0; ) {   /* newest first */
		strcat(want, steps[i]);
		strcat(want, "\n");
	}
	{
		/* the school's account and login rows are there too: keep the documents' steps only */
		char *p = labels, *o = labels;

		while (p && *p) {
			size_t n = strcspn(p, "\n") + 1;
			int step = 0;

			for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
				step |= strlen(steps[i]) + 1 == n && strncmp(p, steps[i], n - 1) == 0;
			step |= strncmp(p, "Заменён новой версией\n", n) == 0;
			if (step) {
				memmove(o, p, n);
				o += n;
			}
			p += n;
		}
		if (o)
			*o = '\0';
	}
	ok(labels && strcmp(labels, want) == 0, "the audit page lists upload, submit, return, upload, submit,"
	   " accept, publish, newest first");
	if (labels && strcmp(labels, want) != 0)
		printf("# got:\n%s", labels);
	free(labels);
	ok(has(&r, COMMENT) && has(&r, NAME1) && has(&r, NAME2), "the audit page shows the comment and both file names");
	ok(has(&r, "Вход"), "the audit page shows the school user's login");
	e2e_resp_free(&r);

	rows = e2e_query(e, "SELECT action, to_status FROM audit WHERE document_id IN (%lld, %lld) ORDER BY id",
			 id1, id2);
	ok(rows && strcmp(rows, want_db) == 0, "database: the audit rows of both versions in order");
	if (rows && strcmp(rows, want_db) != 0)
		printf("# got:\n%s", rows);
	free(rows);
	ok(e2e_count(e, "SELECT count(*) FROM audit WHERE document_id = %lld AND action = 'return'"
		     " AND detail = %Q AND user_id = (SELECT id FROM user WHERE login = 'curator-ust-ilimsk')",
		     id1, COMMENT) == 1, "database: the return row holds the comment and the curator");
	ok(e2e_count(e, "SELECT count(*) FROM audit a JOIN document d ON d.id = a.document_id"
		     " WHERE a.action = 'upload' AND a.sha256 = d.sha256 AND a.detail = d.orig_name"
		     " AND a.addr = '127.0.0.1'") == 2, "database: upload rows hold the file name, hash and address");

	before = e2e_count(e, "SELECT count(*) FROM audit");
	snprintf(path, sizeof path, "%s/portal.db", e2e_data_dir(e));
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK) {
		sqlite3_busy_timeout(db, 5000);
		int rc = sqlite3_exec(db, "UPDATE audit SET detail = 'forged'", NULL, NULL, &err);

		ok(rc != SQLITE_OK && err && strstr(err, "append-only"), "the audit table refuses UPDATE (%s)",
		   err ? err : "accepted");
		sqlite3_free(err);
		err = NULL;
		rc = sqlite3_exec(db, "DELETE FROM audit", NULL, NULL, &err);
		ok(rc != SQLITE_OK && err && strstr(err, "append-only"), "the audit table refuses DELETE (%s)",
		   err ? err : "accepted");
		sqlite3_free(err);
	} else
		ok(0, "open %s read-write", path);
	sqlite3_close(db);
	ok(before > 0 && e2e_count(e, "SELECT count(*) FROM audit") == before &&
	   e2e_count(e, "SELECT count(*) FROM audit WHERE detail = 'forged'") == 0, "the audit rows are unchanged");
}

/* Formats are judged by content: text, an ELF or a script named .pdf are refused, a PNG taken. */
static void formats(struct e2e *e, struct e2e_browser *school)
{
	static const char text[] = "Просто текст, а не документ.\n";
	static const char script[] = "#!/bin/sh\nrm -rf \"$HOME\"\n";
	static const struct { const char *name; const void *data; size_t size; } refused[] = {
		{ "заметка.txt",      text,   sizeof text - 1 },
		{ "программа.pdf",    elf,    sizeof elf },
		{ "скрипт.pdf",       script, sizeof script - 1 },
	};
	struct e2e_resp r;
	long long docs = e2e_count(e, "SELECT count(*) FROM document");
	int files = e2e_files(e, "files");
	long long id;

	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		upload(school, "other", "Не документ", 0, refused[i].name, refused[i].data, refused[i].size, &r);
		ok(r.status == 422 && has(&r, "Такой формат не принимается"),
		   "upload of «%s»: 422 «Такой формат не принимается» (got %d)", refused[i].name, r.status);
		e2e_resp_free(&r);
	}
	ok(e2e_count(e, "SELECT count(*) FROM document") == docs && e2e_files(e, "files") == files &&
	   e2e_tmp_empty(e), "refused formats: no document row, no stored file, tmp/ empty");

	upload(school, "other", "Фото стенда", 0, "стенд.png", png, sizeof png, &r);
	id = doc_id(&r);
	ok(r.status == 303 && id > 0 && doc_is(e, id, "mime", "image/png") && stored(e, png, sizeof png),
	   "upload of a PNG: 303, image/png, stored (got %d)", r.status);
	e2e_resp_free(&r);
}

static void logout(struct e2e *e, struct e2e_browser *school)
{
	struct e2e_resp r;
	char *sid = e2e_cookie(school, "sid"), cookie[128];

	ok(sid != NULL, "the school's browser holds a sid cookie");
	snprintf(cookie, sizeof cookie, "sid=%s", sid ? sid : "");
	free(sid);
	e2e_request(e, "GET", "/cabinet/", cookie, &r);
	ok(r.status == 200, "the sid cookie opens /cabinet/ (got %d)", r.status);
	e2e_resp_free(&r);

	e2e_b_post_pairs(school, "/logout", (const char *const[]){ NULL }, &r);
	ok(r.status == 303 && location_is(&r, "/"), "POST /logout: 303 to / (got %d)", r.status);
	e2e_resp_free(&r);
	sid = e2e_cookie(school, "sid");
	ok(!sid || !*sid, "logout clears the sid cookie");
	free(sid);
	e2e_request(e, "GET", "/cabinet/", cookie, &r);
	ok(r.status == 303 && location_is(&r, "/login?next=/cabinet/"),
	   "the old sid cookie no longer opens /cabinet/: 303 to /login (got %d)", r.status);
	e2e_resp_free(&r);
	e2e_request(e, "GET", DOCS, cookie, &r);
	ok(r.status == 303, "nor the documents page (got %d)", r.status);
	e2e_resp_free(&r);
	ok(e2e_count(e, "SELECT count(*) FROM session s JOIN user u ON u.id = s.user_id"
		     " WHERE u.login = 'school-sosh-5'") == 0, "database: the session row is gone");
	ok(e2e_count(e, "SELECT count(*) FROM audit WHERE action = 'logout'") == 1, "database: the logout is audited");
}

static void throttling(struct e2e *e)
{
	struct e2e_browser *b = e2e_browser_new(e);
	struct e2e_resp r;
	char *sid;
	int all401 = 1;

	for (int i = 0; i < 5; i++) {
		e2e_login(b, "school-sosh-17", "wrong-password", &r);
		all401 &= r.status == 401;
		e2e_resp_free(&r);
	}
	ok(all401, "5 wrong passwords for school-sosh-17: 401 each");
	e2e_login(b, "school-sosh-17", e2e_password(e, "school-sosh-17"), &r);
	ok(r.status == 429 && has(&r, THROTTLED), "the 6th attempt, with the right password: 429 «%s» (got %d)",
	   THROTTLED, r.status);
	e2e_resp_free(&r);
	ok((sid = e2e_cookie(b, "sid")) == NULL, "throttled: no session cookie");
	free(sid);
	ok(e2e_count(e, "SELECT count(*) FROM login_failure WHERE login = 'school-sosh-17'") == 5 &&
	   e2e_count(e, "SELECT count(*) FROM audit WHERE action = 'login_failed' AND login = 'school-sosh-17'") == 5,
	   "database: 5 failures recorded and audited");
	e2e_login(b, "school-sosh-7", e2e_password(e, "school-sosh-7"), &r);
	ok(r.status == 303, "another account from the same address still logs in (got %d)", r.status);
	e2e_resp_free(&r);
	e2e_browser_free(b);
}

int main(void)
{
	struct e2e *e = e2e_start();
	struct e2e_browser *school, *curator;
	long long id1, id2;

	if (!ok(e != NULL, "portal starts and answers /healthz"))
		return ok_done();
	ok(e2e_password(e, "school-sosh-5") && e2e_password(e, "curator-ust-ilimsk"),
	   "demo-accounts.txt has school-sosh-5 and curator-ust-ilimsk");
	school = e2e_browser_new(e);
	curator = e2e_browser_new(e);
	login(e, school, curator);
	id1 = first_version(e, school);
	return_it(e, school, curator, id1);
	id2 = second_version(e, school, curator, id1);
	public_view(e, school, id1, id2);
	audit(e, school, id1, id2);
	formats(e, school);
	logout(e, school);
	throttling(e);
	e2e_browser_free(school);
	e2e_browser_free(curator);
	e2e_stop(e);
	return ok_done();
}
