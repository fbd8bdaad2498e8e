/*
 * monitor_fetch.c: the multi-interface loop behind fetch_all(): a queue fed into
 * at most `parallel` easy handles, each with every limit set, its headers and
 * body captured into the caller's arena. Runs in the monitoring thread, never
 * in a request.
 */
#include "monitor_fetch.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

#include "arena.h"

const char monitor_user_agent[] =
	"KachestvoMonitor/1.0 (school website monitoring of the municipal education authority)";

enum { HEADER_VALUE_MAX = 512 };

/* One transfer in flight; body is malloc'd while it grows and copied to the arena at the end. */
struct slot {
	struct fetch *f;
	CURL *h;
	struct curl_slist *hdrs;
	char *body;
	size_t len, size;
	long max;
	bool stopped;
	char etag[HEADER_VALUE_MAX], lastmod[HEADER_VALUE_MAX];
	char err[CURL_ERROR_SIZE];
};

static size_t body_cb(char *p, size_t size, size_t nmemb, void *arg)
{
	struct slot *s = arg;
	size_t n = size * nmemb;

	if (s->f->status_only) {
		s->stopped = true;
		return 0;
	}
	if ((long)(s->len + n) > s->max) {
		s->f->too_big = true;
		return 0;
	}
	if (s->len + n + 1 > s->size) {
		size_t want = (s->len + n + 1) * 2;
		char *b = realloc(s->body, want);

		if (!b)
			return 0;
		s->body = b;
		s->size = want;
	}
	memcpy(s->body + s->len, p, n);
	s->len += n;
	return n;
}

/* Copies a header's value (trimmed) into out when the line is `name: value`. */
static void header_value(const char *line, size_t n, const char *name, char *out, size_t size)
{
	size_t k = strlen(name);

	if (n <= k || strncasecmp(line, name, k) != 0 || line[k] != ':')
		return;
	line += k + 1;
	n -= k + 1;
	while (n && (*line == ' ' || *line == '\t'))
		line++, n--;
	while (n && (line[n - 1] == '\r' || line[n - 1] == '\n' || line[n - 1] == ' '))
		n--;
	if (n >= size)
		return;
	memcpy(out, line, n);
	out[n] = '\0';
}

static size_t header_cb(char *p, size_t size, size_t nmemb, void *arg)
{
	struct slot *s = arg;
	size_t n = size * nmemb;

	if (n >= 5 && strncmp(p, "HTTP/", 5) == 0)   /* a new response (after a redirect): forget the last */
		s->etag[0] = s->lastmod[0] = '\0';
	header_value(p, n, "ETag", s->etag, sizeof s->etag);
	header_value(p, n, "Last-Modified", s->lastmod, sizeof s->lastmod);
	return n;
}

static bool slot_start(struct slot *s, struct fetch *f, const struct fetch_limits *lim)
{
	char line[HEADER_VALUE_MAX + 32];

	memset(s, 0, sizeof *s);
	s->f = f;
	s->max = lim->max_bytes;
	if (!(s->h = curl_easy_init()))
		return false;
	if (f->etag && *f->etag && !strpbrk(f->etag, "\r\n")) {
		snprintf(line, sizeof line, "If-None-Match: %s", f->etag);
		s->hdrs = curl_slist_append(s->hdrs, line);
	}
	if (f->last_modified && *f->last_modified && !strpbrk(f->last_modified, "\r\n")) {
		snprintf(line, sizeof line, "If-Modified-Since: %s", f->last_modified);
		s->hdrs = curl_slist_append(s->hdrs, line);
	}
	curl_easy_setopt(s->h, CURLOPT_URL, f->url);
	curl_easy_setopt(s->h, CURLOPT_PRIVATE, s);
	curl_easy_setopt(s->h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(s->h, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(s->h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(s->h, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(s->h, CURLOPT_MAXREDIRS, lim->max_redirects);
	curl_easy_setopt(s->h, CURLOPT_CONNECTTIMEOUT, lim->connect_s);
	curl_easy_setopt(s->h, CURLOPT_TIMEOUT, lim->total_s);
	curl_easy_setopt(s->h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)lim->max_bytes);
	curl_easy_setopt(s->h, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(s->h, CURLOPT_SSL_VERIFYHOST, 2L);
	curl_easy_setopt(s->h, CURLOPT_USERAGENT, monitor_user_agent);
	curl_easy_setopt(s->h, CURLOPT_NOBODY, f->head ? 1L : 0L);
	curl_easy_setopt(s->h, CURLOPT_WRITEFUNCTION, body_cb);
	curl_easy_setopt(s->h, CURLOPT_WRITEDATA, s);
	curl_easy_setopt(s->h, CURLOPT_HEADERFUNCTION, header_cb);
	curl_easy_setopt(s->h, CURLOPT_HEADERDATA, s);
	curl_easy_setopt(s->h, CURLOPT_ERRORBUFFER, s->err);
	if (s->hdrs)
		curl_easy_setopt(s->h, CURLOPT_HTTPHEADER, s->hdrs);
	return true;
}

static const char *info_str(struct arena *a, CURL *h, CURLINFO what)
{
	char *v = NULL;

	return curl_easy_getinfo(h, what, &v) == CURLE_OK && v ? arena_strdup(a, v) : NULL;
}

/* Moves a finished transfer's results into its fetch and frees the slot's resources. */
static void slot_finish(struct arena *a, struct slot *s, CURLcode code)
{
	struct fetch *f = s->f;
	curl_off_t ms = 0;

	f->curl_code = s->stopped ? CURLE_OK : (int)code;
	curl_easy_getinfo(s->h, CURLINFO_RESPONSE_CODE, &f->status);
	curl_easy_getinfo(s->h, CURLINFO_TOTAL_TIME_T, &ms);
	f->elapsed_ms = (long)(ms / 1000);
	f->final_url = info_str(a, s->h, CURLINFO_EFFECTIVE_URL);
	f->content_type = info_str(a, s->h, CURLINFO_CONTENT_TYPE);
	f->etag_out = s->etag[0] ? arena_strdup(a, s->etag) : NULL;
	f->last_modified_out = s->lastmod[0] ? arena_strdup(a, s->lastmod) : NULL;
	f->modified_at = s->lastmod[0] ? (int64_t)curl_getdate(s->lastmod, NULL) : 0;
	if (f->modified_at < 0)
		f->modified_at = 0;
	f->error = f->curl_code != CURLE_OK ? arena_strdup(a, s->err[0] ? s->err : curl_easy_strerror(code)) : NULL;
	if (s->body && !f->too_big && f->curl_code == CURLE_OK && (f->body = arena_alloc(a, s->len + 1))) {
		memcpy((char *)f->body, s->body, s->len);
		((char *)f->body)[s->len] = '\0';
		f->len = s->len;
	}
	free(s->body);
	curl_slist_free_all(s->hdrs);
	curl_easy_cleanup(s->h);
	s->h = NULL;
}

int fetch_all(struct arena *a, struct fetch *f, size_t n, const struct fetch_limits *lim)
{
	CURLM *m = curl_multi_init();
	struct slot *slots = calloc((size_t)lim->parallel, sizeof *slots);
	size_t next = 0, running = 0;
	int still = 0;

	if (!m || !slots) {
		for (size_t i = 0; i < n; i++)
			f[i].curl_code = CURLE_FAILED_INIT;
		free(slots);
		if (m)
			curl_multi_cleanup(m);
		return -1;
	}
	for (;;) {
		for (long i = 0; i < lim->parallel && next < n; i++) {
			if (slots[i].h)
				continue;
			if (!slot_start(&slots[i], &f[next], lim) || curl_multi_add_handle(m, slots[i].h) != CURLM_OK) {
				f[next].curl_code = CURLE_FAILED_INIT;
				if (slots[i].h)
					curl_easy_cleanup(slots[i].h);
				curl_slist_free_all(slots[i].hdrs);
				slots[i].h = NULL;
			} else
				running++;
			next++;
		}
		if (running == 0 && next >= n)
			break;
		curl_multi_perform(m, &still);
		CURLMsg *msg;
		int left;

		while ((msg = curl_multi_info_read(m, &left))) {
			struct slot *s = NULL;

			if (msg->msg != CURLMSG_DONE)
				continue;
			curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, (char **)&s);
			CURLcode code = msg->data.result;

			curl_multi_remove_handle(m, msg->easy_handle);
			slot_finish(a, s, code);
			running--;
		}
		if (running > 0)
			curl_multi_poll(m, NULL, 0, 200, NULL);
	}
	free(slots);
	curl_multi_cleanup(m);
	return 0;
}
