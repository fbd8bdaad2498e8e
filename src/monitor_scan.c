/*
 * monitor_scan.c: reading a school's page without the network: a careful href
 * scanner (not a DOM: links are all a round needs, and a scanner bounded by the
 * buffer cannot be stalled by any markup), charset detection and windows-1251
 * text, the one keyword table of document types, outcome and freshness rules.
 * No fetching, no database. Strings go to the caller's arena.
 */
#include "monitor_scan.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

#include "arena.h"
#include "buf.h"
#include "http.h"

enum { TEXT_MAX = 300, HREF_MAX = 2000 };

/*
 * THE matching rules: a file link is of the first row's type whose keyword occurs in its
 * href (percent-decoded, lower case) or text (lower case). Specific rows come first:
 * «программа антирисковых мер» must not count as any «программа».
 */
static const struct {
	enum doc_type type;
	const char *keyword;
} doc_keywords[] = {
	{ DT_ANTIRISK, "антириск" },
	{ DT_ANTIRISK, "antirisk" },
	{ DT_MIDTERM,  "среднесрочн" },
	{ DT_MIDTERM,  "srednesroch" },
	{ DT_MIDTERM,  "midterm" },
	{ DT_SHPPKO,   "шппко" },
	{ DT_SHPPKO,   "shppko" },
	{ DT_SHPPKO,   "программа повышения качества" },
	{ DT_SHPPKO,   "программы повышения качества" },
	{ DT_CONCEPT,  "концепци" },
	{ DT_CONCEPT,  "koncepc" },
	{ DT_CONCEPT,  "concept" },
	{ DT_ROADMAP,  "дорожн" },
	{ DT_ROADMAP,  "dorozhn" },
	{ DT_ROADMAP,  "roadmap" },
	{ DT_REPORT,   "отчет" },
	{ DT_REPORT,   "отчёт" },
	{ DT_REPORT,   "otchet" },
	{ DT_REPORT,   "report" },
	{ DT_ORDER,    "приказ" },
	{ DT_ORDER,    "prikaz" },
	{ DT_PROTOCOL, "протокол" },
	{ DT_PROTOCOL, "protokol" },
};

static const char *const file_ext[] = { "pdf", "doc", "docx", "odt", "rtf", "xls", "xlsx", "ods",
					"zip", "rar", "7z", "jpg", "jpeg", "png" };

/* windows-1251 0x80..0xBF as Unicode code points (0xC0..0xFF are U+0410..U+044F). */
static const unsigned short cp1251_high[64] = {
	0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021, 0x20AC, 0x2030, 0x0409, 0x2039,
	0x040A, 0x040C, 0x040B, 0x040F, 0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0xFFFD, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F, 0x00A0, 0x040E, 0x045E, 0x0408,
	0x00A4, 0x0490, 0x00A6, 0x00A7, 0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
	0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7, 0x0451, 0x2116, 0x0454, 0x00BB,
	0x0458, 0x0405, 0x0455, 0x0457,
};

static void put_utf8(struct buf *b, unsigned cp)
{
	if (cp >= 0x800)
		buf_putc(b, (char)(0xE0 | cp >> 12));
	if (cp >= 0x80)
		buf_putc(b, (char)(cp >= 0x800 ? 0x80 | ((cp >> 6) & 0x3F) : 0xC0 | cp >> 6));
	buf_putc(b, (char)(cp >= 0x80 ? 0x80 | (cp & 0x3F) : cp));
}

/* Case-insensitive search for ASCII `needle` in s[0..n). */
static const char *find_ci(const char *s, size_t n, const char *needle)
{
	size_t k = strlen(needle);

	for (size_t i = 0; k <= n && i <= n - k; i++)
		if (strncasecmp(s + i, needle, k) == 0)
			return s + i;
	return NULL;
}

/* The value of attribute `name` in tag text t[0..n), or NULL; `*vn` its length. */
static const char *tag_attr(const char *t, size_t n, const char *name, size_t *vn)
{
	size_t k = strlen(name), i = 0;

	while (i < n) {
		while (i < n && (isspace((unsigned char)t[i]) || t[i] == '/'))
			i++;
		size_t s = i;
		while (i < n && !isspace((unsigned char)t[i]) && t[i] != '=' && t[i] != '>')
			i++;
		size_t an = i - s;
		while (i < n && isspace((unsigned char)t[i]))
			i++;
		if (i >= n || t[i] != '=') {
			if (i == s)
				i++;
			continue;
		}
		i++;
		while (i < n && isspace((unsigned char)t[i]))
			i++;
		size_t vs, ve;
		if (i < n && (t[i] == '"' || t[i] == '\'')) {
			const char *q = memchr(t + i + 1, t[i], n - i - 1);

			if (!q)
				return NULL;
			vs = i + 1;
			ve = (size_t)(q - t);
			i = ve + 1;
		} else {
			vs = i;
			while (i < n && !isspace((unsigned char)t[i]) && t[i] != '>')
				i++;
			ve = i;
		}
		if (an == k && strncasecmp(t + s, name, k) == 0) {
			*vn = ve - vs;
			return t + vs;
		}
	}
	return NULL;
}

/* Text t[0..n) without tags and entities' markup, spaces collapsed, as UTF-8. */
static const char *link_text(struct arena *a, const char *t, size_t n, bool cp1251)
{
	struct buf b;
	bool in_tag = false, space = false;

	buf_init(&b, a, TEXT_MAX * 3 + 8);
	for (size_t i = 0; i < n && b.len < TEXT_MAX * 2; i++) {
		unsigned char c = (unsigned char)t[i];

		if (in_tag) {
			in_tag = c != '>';
			continue;
		}
		if (c == '<') {
			in_tag = true;
			continue;
		}
		if (isspace(c) || c < 0x20) {
			space = b.len > 0;
			continue;
		}
		if (space)
			buf_puts(&b, " ");
		space = false;
		if (c >= 0x80 && cp1251)
			put_utf8(&b, c >= 0xC0 ? 0x0410 + (c - 0xC0) : cp1251_high[c - 0x80]);
		else
			buf_putc(&b, (char)c);
	}
	return b.err ? "" : b.data ? b.data : "";
}

size_t scan_links(struct arena *a, const char *html, size_t len, bool cp1251, struct scan_link *out,
		  size_t max)
{
	size_t n = 0, i = 0;

	while (i < len && n < max) {
		const char *lt = memchr(html + i, '<', len - i);

		if (!lt)
			break;
		i = (size_t)(lt - html);
		size_t rest = len - i;
		const char *skip_to = NULL;

		if (rest >= 4 && memcmp(lt, "<!--", 4) == 0)
			skip_to = "-->";
		else if (rest >= 7 && strncasecmp(lt, "<script", 7) == 0)
			skip_to = "</script";
		else if (rest >= 6 && strncasecmp(lt, "<style", 6) == 0)
			skip_to = "</style";
		if (skip_to) {
			const char *end = find_ci(lt + 1, rest - 1, skip_to);

			if (!end)
				break;
			i = (size_t)(end - html) + 1;
			continue;
		}
		if (rest < 3 || (lt[1] | 0x20) != 'a' || !isspace((unsigned char)lt[2])) {
			i++;
			continue;
		}
		const char *gt = memchr(lt, '>', rest);

		if (!gt)
			break;
		size_t hn;
		const char *href = tag_attr(lt + 2, (size_t)(gt - lt - 2), "href", &hn);
		const char *body = gt + 1;
		const char *close = find_ci(body, len - (size_t)(body - html), "</a");
		size_t tn = close ? (size_t)(close - body) : 0;

		i = (size_t)(body - html) + tn;
		if (!href || hn == 0 || hn > HREF_MAX)
			continue;
		while (hn && isspace((unsigned char)*href))
			href++, hn--;
		while (hn && isspace((unsigned char)href[hn - 1]))
			hn--;
		out[n].href = arena_strndup(a, href, hn);
		out[n].text = link_text(a, body, tn, cp1251);
		if (out[n].href)
			n++;
	}
	return n;
}

bool scan_is_cp1251(const char *html, size_t len)
{
	return !http_text_ok(html, len);
}

bool scan_is_file(const char *href)
{
	size_t n = strcspn(href, "?#");
	const char *dot = NULL;

	for (size_t i = 0; i < n; i++)
		if (href[i] == '.')
			dot = href + i;
		else if (href[i] == '/')
			dot = NULL;
	if (!dot)
		return false;
	size_t en = (size_t)(href + n - dot - 1);

	for (size_t i = 0; i < sizeof file_ext / sizeof file_ext[0]; i++)
		if (strlen(file_ext[i]) == en && strncasecmp(dot + 1, file_ext[i], en) == 0)
			return true;
	return false;
}

static int hex(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
}

/* s percent-decoded (a '+' stays) and lower-cased: ASCII, and Cyrillic А..Я, Ё in UTF-8. */
static char *fold(struct arena *a, const char *s)
{
	size_t n = strlen(s);
	char *o = arena_alloc(a, n + 1), *p = o;

	if (!o)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (s[i] == '%' && i + 2 < n && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
			*p++ = (char)(hex(s[i + 1]) << 4 | hex(s[i + 2]));
			i += 2;
		} else
			*p++ = s[i];
	*p = '\0';
	for (unsigned char *u = (unsigned char *)o; *u; u++) {
		if (*u < 0x80)
			*u = (unsigned char)tolower(*u);
		else if (u[0] == 0xD0 && u[1] >= 0x90 && u[1] <= 0x9F)
			u[1] += 0x20, u++;
		else if (u[0] == 0xD0 && u[1] >= 0xA0 && u[1] <= 0xAF)
			u[0] = 0xD1, u[1] -= 0x20, u++;
		else if (u[0] == 0xD0 && u[1] == 0x81)
			u[0] = 0xD1, u[1] = 0x91, u++;
	}
	return o;
}

size_t scan_doc_type(struct arena *a, const char *href, const char *text)
{
	const char *h = fold(a, href), *t = fold(a, text ? text : "");

	if (!h || !t)
		return DT__MAX;
	for (size_t i = 0; i < sizeof doc_keywords / sizeof doc_keywords[0]; i++)
		if (strstr(h, doc_keywords[i].keyword) || strstr(t, doc_keywords[i].keyword))
			return doc_keywords[i].type;
	return DT__MAX;
}

enum monitor_outcome scan_outcome(int curl_code, long http_status, bool too_big)
{
	if (too_big || curl_code == CURLE_FILESIZE_EXCEEDED)
		return MO_TOO_BIG;
	switch (curl_code) {
	case CURLE_OK:
		return http_status == 304 ? MO_NOT_MODIFIED
		       : http_status >= 200 && http_status < 300 ? MO_OK
		       : http_status >= 300 && http_status < 400 ? MO_REDIRECTS : MO_HTTP;
	case CURLE_URL_MALFORMAT:
	case CURLE_UNSUPPORTED_PROTOCOL:
		return MO_BAD_URL;
	case CURLE_COULDNT_RESOLVE_HOST:
		return MO_DNS;
	case CURLE_COULDNT_CONNECT:
		return MO_CONNECT;
	case CURLE_OPERATION_TIMEDOUT:
		return MO_TIMEOUT;
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_ISSUER_ERROR:
		return MO_TLS;
	case CURLE_TOO_MANY_REDIRECTS:
		return MO_REDIRECTS;
	default:
		return MO_OTHER;
	}
}

enum monitor_fresh scan_fresh(int64_t now, int64_t modified_at, int64_t changed_at)
{
	const int64_t month = (int64_t)MONITOR_FRESH_DAYS * 86400;

	if ((modified_at && now - modified_at <= month) || (changed_at && now - changed_at <= month))
		return FRESH_YES;
	return modified_at || changed_at ? FRESH_NO : FRESH_UNKNOWN;
}

bool scan_url_ok(const char *url)
{
	CURLU *u;
	char *host = NULL, *user = NULL, *pass = NULL;
	bool ok;

	if (strlen(url) > SCAN_URL_MAX || (strncasecmp(url, "http://", 7) != 0 && strncasecmp(url, "https://", 8) != 0))
		return false;
	for (const unsigned char *p = (const unsigned char *)url; *p; p++)
		if (*p <= ' ' || *p == 0x7F)
			return false;
	if (!(u = curl_url()))
		return false;
	ok = curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	     curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK && host && *host &&
	     curl_url_get(u, CURLUPART_USER, &user, 0) != CURLUE_OK &&
	     curl_url_get(u, CURLUPART_PASSWORD, &pass, 0) != CURLUE_OK;
	curl_free(host);
	curl_free(user);
	curl_free(pass);
	curl_url_cleanup(u);
	return ok;
}

const char *scan_resolve(struct arena *a, const char *base, const char *href)
{
	CURLU *u = curl_url();
	char *full = NULL, *scheme = NULL;
	const char *out = NULL;

	if (!u)
		return NULL;
	if (curl_url_set(u, CURLUPART_URL, base, 0) == CURLUE_OK &&
	    curl_url_set(u, CURLUPART_URL, href, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
	    (strcmp(scheme, "http") == 0 || strcmp(scheme, "https") == 0) &&
	    curl_url_set(u, CURLUPART_FRAGMENT, NULL, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_URL, &full, 0) == CURLUE_OK)
		out = arena_strdup(a, full);
	curl_free(scheme);
	curl_free(full);
	curl_url_cleanup(u);
	return out;
}
