/*
 * tpl.h: the C face of ctemplate. Every template is auto-escaped (the bridge
 * refuses a template without the AUTOESCAPE pragma); C never marks a value as
 * safe, with one audited exception: struct tpl_html (see tpl_set_html).
 */
#ifndef TPL_H
#define TPL_H

#ifdef __cplusplus
extern "C" {
#endif

struct arena;
struct buf;
struct tpl_dict;

enum { TPL_OK = 0, TPL_ENOENT = -1, TPL_ENOESCAPE = -2, TPL_EPARSE = -3 };

/* Loads every *.tpl under `dir`, checks the pragma, freezes the cache.
 * Startup only. Returns TPL_OK or the first error (logged with the file name). */
int tpl_init(const char *dir);

/* Frees the cache; after all workers have stopped. */
void tpl_shutdown(void);

/* A root dictionary deleted at the next arena_reset(); NULL out of memory. */
struct tpl_dict *tpl_dict_new(struct arena *a);

/* Values are copied; NULL sets nothing (the template shows nothing). */
void tpl_set_str(struct tpl_dict *d, const char *key, const char *value);
void tpl_set_int(struct tpl_dict *d, const char *key, long long value);
void tpl_show(struct tpl_dict *d, const char *section);

/*
 * HTML that md_render() (md.c, libcmark in safe mode) made from Markdown: the only
 * value a template may show unescaped. Nothing else builds one (tests/check.sh).
 */
struct tpl_html {
	const char *s;
};

/*
 * Sets `key` to trusted HTML. Only {{KEY:x-trusted-html}} shows it unescaped, and
 * only on a line of its own (tests/check.sh). The bridge stores the value behind a
 * random per-process marker; the modifier emits a value without that marker (any
 * tpl_set_str value) HTML-escaped, so the path cannot pass anything else through.
 */
void tpl_set_html(struct tpl_dict *d, const char *key, const struct tpl_html *h);

/* Adds one repetition of `section` and returns its dictionary. */
struct tpl_dict *tpl_section_add(struct tpl_dict *d, const char *section);

/* When `value` is not NULL: adds one `section` whose `key` is `value`. */
void tpl_section_str(struct tpl_dict *d, const char *section, const char *key, const char *value);

/* Fills include marker {{>name}} with template `file`; returns its dictionary. */
struct tpl_dict *tpl_include(struct tpl_dict *d, const char *name, const char *file);

/* Appends the expansion of `file` with `d` to `out`. Returns TPL_OK or TPL_EPARSE. */
int tpl_expand(const char *file, const struct tpl_dict *d, struct buf *out);

#ifdef __cplusplus
}
#endif
#endif
