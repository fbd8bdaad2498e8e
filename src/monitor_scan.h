/*
 * monitor_scan.h: what a school's page says, without the network: the links to
 * files in its HTML (any charset, broken markup), which document type each link
 * is (the ONE keyword table), what a fetch's result means (outcome), and whether
 * the page counts as updated within the last month. No libcurl, no database.
 */
#ifndef MONITOR_SCAN_H
#define MONITOR_SCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vocab.h"

struct arena;

/* A link from the page: its href as written and its text in UTF-8, both trimmed. */
struct scan_link {
	const char *href, *text;
};

/* At most `max` <a href> links of `html` (len bytes, not NUL-terminated) into
 * out[]; the text is converted to UTF-8 when `cp1251` is set. Comments, scripts
 * and styles are skipped; unterminated tags and quotes end the scan. Returns the count. */
size_t scan_links(struct arena *a, const char *html, size_t len, bool cp1251, struct scan_link *out,
		  size_t max);

/* True when the page's text is to be read as windows-1251: it is not valid UTF-8.
 * Declared charsets are not trusted: Russian school sites often send windows-1251
 * under a server-wide «charset=utf-8», or the other way round. */
bool scan_is_cp1251(const char *html, size_t len);

/* True when the href's path names a file (.pdf, .doc, .docx, .odt, .rtf, .xls, .xlsx,
 * .ods, .zip, .rar, .7z, .jpg, .jpeg, .png), ignoring query and fragment. */
bool scan_is_file(const char *href);

/* The document type (doc_type_v index) a file link is, from its href (percent-decoded,
 * lower-cased) and text (lower-cased Cyrillic): the first row of the keyword table
 * that matches either; DT__MAX when none does. */
size_t scan_doc_type(struct arena *a, const char *href, const char *text);

/* The outcome of a transfer from libcurl's result code (a CURLcode), the last HTTP
 * status (0 if none) and whether the size cap stopped it. */
enum monitor_outcome scan_outcome(int curl_code, long http_status, bool too_big);

enum { MONITOR_FRESH_DAYS = 30 };

/* Updated within MONITOR_FRESH_DAYS of `now`: by Last-Modified (modified_at, 0 if
 * none) or by the last round that saw the content change (changed_at, 0 if none);
 * either recent is enough. Unknown when neither is known; no when both are old. */
enum monitor_fresh scan_fresh(int64_t now, int64_t modified_at, int64_t changed_at);

enum { SCAN_URL_MAX = 500 };

/* True when `url` may be a school's website: http or https, a host, no user name or
 * password, no spaces or control characters, at most SCAN_URL_MAX bytes. */
bool scan_url_ok(const char *url);

/* `href` resolved against the page's `base` URL (in the arena), or NULL when it is
 * not an http(s) URL (mailto:, javascript:, broken). */
const char *scan_resolve(struct arena *a, const char *base, const char *href);

#endif
