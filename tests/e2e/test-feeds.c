/*
 * test-feeds.c: the Atom feeds of a municipality and a school (well-formed Atom 1.0 checked by
 * Python's XML parser, stable entry ids, published documents and confirmed work as entries), the
 * links to them on the public pages, the schema.org microdata of a school, the open data (index
 * with the column lists, one CSV per dataset with exactly those columns), and the link snippet
 * shown to the school administrator.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "e2e.h"
#include "tap.h"

#define SCHOOL "/ust-ilimsk/schools/sosh-5/"
#define DOCS SCHOOL "docs/"
#define TITLE "Программа антирисковых мер <СОШ № 5> & «план»"
#define PDF "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"

/* Checks an Atom document with Python's XML parser: the root, id/title/updated of the feed and
 * of each entry, one link per entry. Prints the entries' ids, one per line, into out. */
static const char atom_check[] =
	"import sys, xml.etree.ElementTree as ET\n"
	"A = '{http://www.w3.org/2005/Atom}'\n"
	"root = ET.parse(sys.argv[1]).getroot()\n"
	"assert root.tag == A + 'feed', root.tag\n"
	"for t in ('id', 'title', 'updated', 'author'):\n"
	"    assert root.find(A + t) is not None, t\n"
	"for e in root.findall(A + 'entry'):\n"
	"    for t in ('id', 'title', 'updated', 'link'):\n"
	"        assert e.find(A + t) is not None and (t == 'link' or e.find(A + t).text), t\n"
	"    print(e.find(A + 'id').text + ' ' + e.find(A + 'title').text)\n";

/* Runs atom_check on `body`; returns its output (malloc'd) or NULL when the check failed. */
static char *atom_valid(const char *body)
{
	char path[] = "/tmp/kachestvo-feed-XXXXXX", cmd[256], *out;
	FILE *f, *p;
	int fd = mkstemp(path);
	size_t n = 0;

	if (fd < 0 || !(f = fdopen(fd, "w")))
		return NULL;
	fputs(body ? body : "", f);
	fclose(f);
	snprintf(cmd, sizeof cmd, "/usr/bin/python3 -c \"$ATOM_CHECK\" %s", path);
	setenv("ATOM_CHECK", atom_check, 1);
	if (!(p = popen(cmd, "r")) || !(out = calloc(1, 65536))) {
		unlink(path);
		return NULL;
	}
	n = fread(out, 1, 65535, p);
	out[n] = '\0';
	if (pclose(p) != 0) {
		free(out);
		out = NULL;
	}
	unlink(path);
	return out;
}

static int has(const char *s, const char *needle)
{
	return s && strstr(s, needle) != NULL;
}

static long long publish(struct e2e *e, struct e2e_browser *school, struct e2e_browser *curator)
{
	struct e2e_part parts[] = {
		{ .name = "_csrf", .value = e2e_csrf(school) },
		{ .name = "series", .value = "" },
		{ .name = "type", .value = "antirisk" },
		{ .name = "title", .value = TITLE },
		{ .name = "file", .filename = "p.pdf", .data = PDF, .size = sizeof PDF - 1 },
	};
	struct e2e_resp r;
	const char *loc;
	long long id = 0;
	char path[96];

	e2e_b_upload(school, DOCS, parts, sizeof parts / sizeof parts[0], NULL, &r);
	if ((loc = e2e_header(&r, "Location")) && strncmp(loc, DOCS, strlen(DOCS)) == 0)
		id = atoll(loc + strlen(DOCS));
	e2e_resp_free(&r);
	snprintf(path, sizeof path, DOCS "%lld/submit", id);
	e2e_b_post_pairs(school, path, (const char *const[]){ NULL }, &r);
	e2e_resp_free(&r);
	snprintf(path, sizeof path, DOCS "%lld/review", id);
	e2e_b_post_pairs(curator, path, (const char *const[]){ "verdict", "accept", "comment", "", NULL }, &r);
	e2e_resp_free(&r);
	return e2e_count(e, "SELECT count(*) FROM document WHERE id = %lld AND status = 'published'", id) == 1 ? id : 0;
}

static void feeds(struct e2e *e, long long doc)
{
	struct e2e_resp r;
	char *out, *again, want[160];
	const char *ct;

	ok(e2e_get(e, "/ust-ilimsk/feed.atom", &r) == 200 && (ct = e2e_header(&r, "Content-Type")) &&
	   strncmp(ct, "application/atom+xml", 20) == 0, "the municipality's feed is application/atom+xml");
	out = atom_valid(r.body);
	ok(out != NULL, "it is well-formed Atom: feed id, title, updated, author; each entry id, title, updated, link");
	snprintf(want, sizeof want, "/ust-ilimsk/schools/sosh-5/docs/%lld/ Опубликован документ: %s", doc, TITLE);
	ok(has(out, want), "the published document is an entry, its title escaped and read back exactly");
	ok(has(out, "#occurrence-") && has(out, "Подтверждено мероприятие: "), "a confirmed occurrence is an entry");
	e2e_resp_free(&r);
	e2e_get(e, "/ust-ilimsk/feed.atom", &r);
	again = atom_valid(r.body);
	ok(out && again && strcmp(out, again) == 0, "entry ids are stable from one fetch to the next");
	free(out);
	free(again);
	e2e_resp_free(&r);
	ok(e2e_get(e, SCHOOL "feed.atom", &r) == 200 && (out = atom_valid(r.body)) && has(out, want) &&
	   !has(out, "/schools/sosh-7/"), "the school's feed has its document and no other school's");
	free(out);
	e2e_resp_free(&r);
	ok(e2e_get(e, "/ust-ilimsk/schools/no-such/feed.atom", &r) == 404, "an unknown school's feed: 404");
	e2e_resp_free(&r);
}

static void pages(struct e2e *e)
{
	struct e2e_resp r;

	ok(e2e_get(e, "/ust-ilimsk/", &r) == 200 &&
	   has(r.body, "<link rel=\"alternate\" type=\"application/atom+xml\"") &&
	   has(r.body, "href=\"/ust-ilimsk/feed.atom\""), "the municipality page links its feed in the head and visibly");
	e2e_resp_free(&r);
	ok(e2e_get(e, SCHOOL, &r) == 200 && has(r.body, "href=\"/ust-ilimsk/schools/sosh-5/feed.atom\"") &&
	   has(r.body, "itemtype=\"https://schema.org/EducationalOrganization\"") &&
	   has(r.body, "itemprop=\"name\">МАОУ «СОШ № 5»</h1>") && has(r.body, "itemprop=\"addressLocality\""),
	   "the school page links its feed and carries EducationalOrganization microdata");
	e2e_resp_free(&r);
}

/* The first line of a CSV body without the BOM, malloc'd. */
static char *csv_head(const char *body)
{
	const char *p = body && strncmp(body, "\xef\xbb\xbf", 3) == 0 ? body + 3 : body;
	size_t n = p ? strcspn(p, "\r\n") : 0;
	char *s = malloc(n + 1);

	if (s) {
		memcpy(s, p ? p : "", n);
		s[n] = '\0';
	}
	return s;
}

static void opendata(struct e2e *e)
{
	static const struct { const char *name, *head; } sets[] = {
		{ "schools", "Код муниципалитета;Муниципалитет;Код школы;Школа;Полное наименование;Населённый пункт;"
			     "Сайт школы;Страница на портале;Год;Программа;Категория" },
		{ "roadmap", "Код муниципалитета;Код школы;Дорожная карта;Номер;Мероприятие;Срок (как в документе);"
			     "Статус;Срок;Подтверждено;Страница на портале" },
		{ "documents", "Код муниципалитета;Код школы;Школа;Вид документа;Название;Версия;Опубликован;Файл" },
	};
	struct e2e_resp idx, r;
	char path[64];

	ok(e2e_get(e, "/opendata/", &idx) == 200 && has(idx.body, "<h1>Открытые данные</h1>"), "/opendata/ answers");
	for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++) {
		char *head;
		const char *ct;

		snprintf(path, sizeof path, "/opendata/%s.csv", sets[i].name);
		ok(has(idx.body, path), "the index links %s", path);
		ok(e2e_get(e, path, &r) == 200 && (ct = e2e_header(&r, "Content-Type")) && has(ct, "text/csv") &&
		   (head = csv_head(r.body)) && strcmp(head, sets[i].head) == 0,
		   "%s: CSV whose header row is the documented column list", path);
		char *col = strdup(sets[i].head), *save = NULL;
		int listed = 1;
		for (char *c = strtok_r(col, ";", &save); c; c = strtok_r(NULL, ";", &save)) {
			char li[200];
			snprintf(li, sizeof li, "<li>%s</li>", c);
			listed &= has(idx.body, li);
		}
		ok(listed, "the index lists every column of %s", sets[i].name);
		free(col);
		if (i == 2)
			ok(has(r.body, TITLE), "documents.csv holds the published document");
		if (i == 0)
			ok(has(r.body, "sosh-5;МАОУ «СОШ № 5»"), "schools.csv holds the schools");
		e2e_resp_free(&r);
	}
	e2e_resp_free(&idx);
	ok(e2e_get(e, "/opendata/nothing.csv", &r) == 404, "an unknown dataset: 404");
	e2e_resp_free(&r);
}

int main(void)
{
	struct e2e *e = e2e_start();
	struct e2e_browser *school, *curator;
	struct e2e_resp r;
	long long doc;

	if (!ok(e != NULL, "the portal starts"))
		return 1;
	school = e2e_browser_new(e);
	curator = e2e_browser_new(e);
	ok(e2e_login(school, "school-sosh-5", e2e_password(e, "school-sosh-5"), NULL) == 303 &&
	   e2e_login(curator, "curator-ust-ilimsk", e2e_password(e, "curator-ust-ilimsk"), NULL) == 303,
	   "the school and its curator log in");
	doc = publish(e, school, curator);
	ok(doc > 0, "a document is uploaded, submitted, accepted and published");
	ok(e2e_exec(e, "UPDATE occurrence SET status = 'confirmed', confirmed_at = unixepoch() WHERE id ="
		       " (SELECT min(o.id) FROM occurrence o JOIN roadmap_item i ON i.id = o.item_id"
		       " JOIN roadmap r ON r.id = i.roadmap_id JOIN municipality m ON m.id = r.municipality_id"
		       " WHERE m.slug = 'ust-ilimsk' AND i.removed_at IS NULL)"), "an occurrence is confirmed");
	feeds(e, doc);
	pages(e);
	opendata(e);

	ok(e2e_b_get(school, DOCS, &r) == 200 && has(r.body, "Ссылка для сайта школы") &&
	   has(r.body, "&lt;a href=&quot;http://127.0.0.1:") && has(r.body, "/ust-ilimsk/schools/sosh-5/&quot;") &&
	   has(r.body, "static/badge.svg"), "the school administrator sees the link snippet, escaped for copying");
	e2e_resp_free(&r);
	ok(e2e_b_get(curator, DOCS, &r) == 200 && !has(r.body, "Ссылка для сайта школы"), "the curator does not");
	e2e_resp_free(&r);
	ok(e2e_get(e, "/static/badge.svg", &r) == 200, "the badge image is served");
	e2e_resp_free(&r);

	e2e_browser_free(school);
	e2e_browser_free(curator);
	e2e_stop(e);
	return ok_done();
}
