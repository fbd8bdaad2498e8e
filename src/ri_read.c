/*
 * ri_read.c: the shared front of the spreadsheet imports: which reader a file needs (TSV,
 * CSV or XLSX by its first bytes), the cell normalising and head folding both importers
 * use, the sink that hands rows to an importer's callback, and the Russian details of an
 * unreadable file. It never interprets cells, never touches the database, never logs.
 */
#include "ri_sink.h"

#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "ri_text.h"
#include "ri_xlsx.h"

enum {
	HEAD_LONG = 300   /* longer cells are never column heads */
};

/* ri_detail() and ri_detail_line(): the error_detail of a failed read; after only with a line. */
/* ri_failure_message(): the detail between before and after; NULL rows take the plain text. */
static const struct {
	const char *before, *after;
} failure_msg[RI__MAX] = {
	{ NULL, NULL },                                                       /* RI_OK */
	{ "Файл не в кодировке UTF-8 (похоже на ",
	  "): сохраните его как «CSV UTF-8»" },                              /* RI_ENCODING */
	{ "В файле не найден столбец «",
	  "»: первой строкой таблицы должны идти заголовки столбцов" },      /* RI_COLUMNS */
	{ "Файл не принят: ", "" },                                          /* RI_TOO_MANY */
	{ NULL, NULL },                                                       /* RI_EMPTY */
	{ "Файл не удалось прочитать: ", "" },                               /* RI_FORMAT */
};

/* Text around a line number: «before» line «after». */
static const struct {
	const char *before, *after;
} detail_msg[RID__MAX] = {
	{ "файл слишком велик для обработки", NULL },                                    /* RID_NOMEM */
	{ "формат XLS (Excel 97–2003) не поддерживается: сохраните файл как XLSX", NULL }, /* RID_XLS */
	{ "это не файл XLSX", NULL },                                                    /* RID_NOT_ZIP */
	{ "Мероприятия", NULL },                                                         /* RID_MEASURES */
	{ "в файле есть нулевые байты: это не текстовая таблица", NULL },                /* RID_NUL */
	{ "кавычка в строке ", " не закрыта" },                                          /* RID_QUOTE */
	{ "в файле XML есть DTD: Excel так не пишет", NULL },                            /* RID_DTD */
	{ "слишком много строк в книге", NULL },                                         /* RID_SST_MAX */
	{ "ячейка ссылается на несуществующую строку", NULL },                           /* RID_SST_REF */
	{ "архив повреждён или зашифрован", NULL },                                      /* RID_ZIP_ENTRY */
	{ "архив повреждён", NULL },                                                     /* RID_ZIP_READ */
	{ "часть книги больше 20 МБ: это не похоже на таблицу", NULL },           /* RID_PART_MAX */
	{ "XML внутри книги повреждён", NULL },                                          /* RID_XML */
	{ "это не книга Excel: в архиве нет xl/workbook.xml", NULL },                    /* RID_NO_WORKBOOK */
	{ "в книге нет листа", NULL },                                                   /* RID_NO_SHEET */
	{ "в архиве слишком много файлов", NULL },                                       /* RID_ZIP_FILES */
	{ "файл XLSX повреждён или обрезан", NULL },                                     /* RID_ZIP_BAD */
};

const char *ri_detail(enum ri_detail d)
{
	return detail_msg[d].before;
}

const char *ri_detail_line(struct arena *a, enum ri_detail d, int line)
{
	const char *after = detail_msg[d].after;

	return arena_printf(a, "%s%d%s", detail_msg[d].before, line, after ? after : "");
}

/* ---- Cells ---- */

static bool is_cont(unsigned char c)
{
	return (c & 0xc0) == 0x80;
}

/* The length of the UTF-8 sequence led by `c` (1 for anything else). */
static size_t seq_len(unsigned char c)
{
	return c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
}

size_t ri_cell_norm(char *str, size_t n, bool *over)
{
	unsigned char *s = (unsigned char *)str;
	size_t o = 0, b = 0, e;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];

		if (c == '\r') {
			c = '\n';
			if (i + 1 < n && s[i + 1] == '\n')
				i++;
		} else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f) {
			c = ' ';
		}
		s[o++] = c;
	}
	e = o;
	for (;;) {
		if (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n'))
			b++;
		else if (b + 1 < e && s[b] == 0xc2 && s[b + 1] == 0xa0)
			b += 2;
		else if (b + 2 < e && s[b] == 0xef && s[b + 1] == 0xbb && s[b + 2] == 0xbf)
			b += 3;
		else
			break;
	}
	for (;;) {
		if (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n'))
			e--;
		else if (e >= b + 2 && s[e - 2] == 0xc2 && s[e - 1] == 0xa0)
			e -= 2;
		else if (e >= b + 3 && s[e - 3] == 0xef && s[e - 2] == 0xbb && s[e - 1] == 0xbf)
			e -= 3;
		else
			break;
	}
	n = e - b;
	memmove(s, s + b, n);
	if (*over || n > RI_CELL_MAX) {
		size_t cut = n > RI_CELL_MAX ? RI_CELL_MAX : n, k = cut;

		while (k > 0 && is_cont(s[k - 1]))
			k--;
		if (k > 0 && k - 1 + seq_len(s[k - 1]) > cut)   /* the last character is incomplete */
			cut = k - 1;
		n = cut;
		*over = true;
	}
	return n;
}

void ri_fold(const char *str, size_t n, char *out, size_t cap)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t o = 0;
	bool space = false;

	for (size_t i = 0; i < n && o + 4 < cap; i++) {
		unsigned char c = s[i], d = i + 1 < n ? s[i + 1] : 0;

		if (c == ' ' || c == '\t' || c == '\n' || (c == 0xc2 && d == 0xa0)) {
			i += c == 0xc2;
			space = true;
			continue;
		}
		if (space && o)
			out[o++] = ' ';
		space = false;
		if (c >= 'A' && c <= 'Z') {
			out[o++] = (char)(c + 32);
		} else if (c == 0xd0 && d >= 0x90 && d <= 0x9f) {            /* А–П */
			out[o++] = (char)0xd0, out[o++] = (char)(d + 0x20), i++;
		} else if (c == 0xd0 && d >= 0xa0 && d <= 0xaf) {            /* Р–Я */
			out[o++] = (char)0xd1, out[o++] = (char)(d - 0x20), i++;
		} else if ((c == 0xd0 && d == 0x81) || (c == 0xd1 && d == 0x91)) {   /* Ё ё */
			out[o++] = (char)0xd0, out[o++] = (char)0xb5, i++;
		} else {
			out[o++] = (char)c;
		}
	}
	while (o && (out[o - 1] == ':' || out[o - 1] == '.' || out[o - 1] == '*' || out[o - 1] == ' '))
		o--;
	out[o] = '\0';
}

void ri_heads(const struct ri_cell *c, int n, int (*field)(const char *folded), int nf, int *col)
{
	char h[HEAD_LONG + 8];

	for (int i = 0; i < n; i++) {
		int f;

		if (!c[i].len || c[i].len > HEAD_LONG)
			continue;
		ri_fold(c[i].s, c[i].len, h, sizeof h);
		if ((f = field(h)) >= 0 && f < nf && col[f] < 0)
			col[f] = i;
	}
}

/* ---- The sink ---- */

void ri_sink_init(struct ri_sink *rd, struct arena *a,
		  bool (*row)(struct ri_sink *, int, const struct ri_cell *, int), void *ctx)
{
	memset(rd, 0, sizeof *rd);
	rd->a = a;
	rd->row = row;
	rd->ctx = ctx;
}

struct arena *ri_sink_arena(const struct ri_sink *rd)
{
	return rd->a;
}

bool ri_sink_failed(const struct ri_sink *rd)
{
	return rd->err != RI_OK;
}

bool ri_sink_fail(struct ri_sink *rd, enum ri_error e, const char *detail)
{
	if (rd->err == RI_OK) {
		rd->err = e;
		rd->detail = detail;
	}
	return false;
}

bool ri_sink_row(struct ri_sink *rd, int line, const struct ri_cell *c, int n)
{
	return rd->err == RI_OK && rd->row(rd, line, c, n);
}

bool ri_grow(struct ri_sink *rd, void **items, size_t n, size_t *cap, size_t size, size_t max)
{
	size_t want = *cap ? *cap * 2 : 64;
	void *p;

	if (n < *cap)
		return true;
	if (want > max)
		want = max;
	if (want <= n || !(p = arena_alloc(rd->a, want * size)))
		return ri_sink_fail(rd, RI_TOO_MANY, ri_detail(RID_NOMEM));
	if (n)
		memcpy(p, *items, n * size);
	*items = p;
	*cap = want;
	return true;
}

bool ri_fields(struct ri_sink *rd, const int *col, int nf, const struct ri_cell *c, int n, const char *lead,
	       const char **v, bool *formula, bool *over)
{
	for (int f = 0; f < nf; f++) {
		int k = col[f];

		v[f] = NULL;
		if (k < 0 || k >= n || !c[k].len)
			continue;
		if (!(v[f] = arena_strndup(rd->a, c[k].s, c[k].len)))
			return ri_sink_fail(rd, RI_TOO_MANY, ri_detail(RID_NOMEM));
		*formula |= c[k].formula || (!c[k].number && c[k].len > 1 && strchr(lead, v[f][0]));
		*over |= c[k].over;
	}
	return true;
}

int ri_set_add(struct ri_sink *rd, const char ***slots, size_t nslots, const char *key)
{
	uint32_t h = 2166136261u;   /* FNV-1a */
	size_t i;

	if (!*slots) {
		if (!(*slots = arena_alloc(rd->a, nslots * sizeof **slots))) {
			ri_sink_fail(rd, RI_TOO_MANY, ri_detail(RID_NOMEM));
			return -1;
		}
		memset(*slots, 0, nslots * sizeof **slots);
	}
	for (const char *p = key; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	for (i = h & (nslots - 1); (*slots)[i]; i = (i + 1) & (nslots - 1))
		if (strcmp((*slots)[i], key) == 0)
			return 0;
	(*slots)[i] = key;   /* never full: the caller sizes the set over twice its keys */
	return 1;
}

/* ---- Formats ---- */

enum kind { K_TEXT, K_ZIP, K_REFUSED };

/*
 * What the first bytes say the file is, whatever the caller thought: a file that is
 * neither text nor XLSX (an XLS, or anything but a ZIP named XLSX) fails the sink.
 */
static enum kind rd_sniff(struct ri_sink *rd, const unsigned char *h, size_t n, enum ri_format f)
{
	if (n >= 4 && h[0] == 'P' && h[1] == 'K' && (h[2] == 3 || h[2] == 5) && (h[3] == 4 || h[3] == 6))
		return K_ZIP;
	if (n >= 4 && h[0] == 0xd0 && h[1] == 0xcf && h[2] == 0x11 && h[3] == 0xe0)
		ri_sink_fail(rd, RI_FORMAT, ri_detail(RID_XLS));
	else if (f == RI_XLSX)
		ri_sink_fail(rd, RI_FORMAT, ri_detail(RID_NOT_ZIP));
	else
		return K_TEXT;
	return K_REFUSED;
}

void ri_sink_read_buffer(struct ri_sink *rd, const char *data, size_t n, enum ri_format f)
{
	switch (rd_sniff(rd, (const unsigned char *)data, n, f)) {
	case K_ZIP:
		ri_xlsx_read_buffer(rd, data, n);
		break;
	case K_TEXT:
		ri_text_read_buffer(rd, data, n, f);
		break;
	case K_REFUSED:
		break;
	}
}

int ri_sink_read_file(struct ri_sink *rd, const char *path, enum ri_format f)
{
	unsigned char head[8];
	struct stat sb;
	ssize_t h = 0;
	int fd, rc = 0;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return -1;
	if (fstat(fd, &sb) != 0 || (h = pread(fd, head, sizeof head, 0)) < 0) {
		close(fd);
		return -1;
	}
	switch (rd_sniff(rd, head, (size_t)h, f)) {
	case K_ZIP:
		rc = ri_xlsx_read_fd(rd, fd, path, sb.st_size);
		break;
	case K_TEXT:
		rc = ri_text_read_fd(rd, fd, f);
		break;
	case K_REFUSED:
		break;
	}
	close(fd);
	return rc;
}

static bool name_ends(const char *name, const char *ext)
{
	size_t n = name ? strlen(name) : 0, k = strlen(ext);
	return n >= k && strcasecmp(name + n - k, ext) == 0;
}

int ri_format_from_mime(const char *mime, const char *name)
{
	if (!mime)
		return -1;
	if (strcmp(mime, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") == 0 ||
	    strcmp(mime, "application/zip") == 0 ||
	    (strcmp(mime, "application/octet-stream") == 0 && name_ends(name, ".xlsx")))
		return RI_XLSX;
	if (strcmp(mime, "text/tab-separated-values") == 0 ||
	    (strncmp(mime, "text/", 5) == 0 && (name_ends(name, ".tsv") || name_ends(name, ".tab"))))
		return RI_TSV;
	if (strncmp(mime, "text/", 5) == 0 || strcmp(mime, "application/csv") == 0)
		return RI_CSV;
	return -1;
}

const char *ri_failure_message(struct arena *a, enum ri_error e, const char *detail, const char *plain)
{
	const char *m = NULL;

	if (detail && (unsigned)e < RI__MAX && failure_msg[e].before)
		m = arena_printf(a, "%s%s%s", failure_msg[e].before, detail, failure_msg[e].after);
	return m ? m : plain;
}
