/*
 * roadmap_import.c: an uploaded roadmap (TSV, CSV or XLSX) turned into rows with
 * row-level errors. The readers (ri_text.c for TSV and CSV, ri_xlsx.c for XLSX) hand rows
 * of cells to the sink here, which finds the header, the task headings and the fields,
 * checks each row and hashes the normalised content; the Russian messages of the import
 * are this file's tables. Memory is the caller's arena only, bounded by RI_ROWS_MAX rows of
 * RI_COLS_MAX cells of RI_CELL_MAX bytes; the readers stop at the first fatal error, so
 * a 100,000-row file costs the first 5,001 rows. No file parsing, no database, no logging,
 * no HTTP.
 */
#include "roadmap_import.h"

#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "arena.h"
#include "ri_text.h"
#include "ri_xlsx.h"
#include "roadmap_import_int.h"

enum {
	HEADER_SCAN = 20,             /* non-empty rows searched for the header */
	HEAD_LONG = 300,              /* longer cells are never column heads */
	NUMS_SLOTS = 16384            /* hash set of row numbers: a power of 2 over 2 * RI_ROWS_MAX */
};

/* ---- Messages ---- */

/* Text around a value: «before» value «after». */
struct around {
	const char *before, *after;
};

/* ri_error_message(); the RI__MAX row stands for any unknown value. */
static const char *const error_msg[RI__MAX + 1] = {
	"Файл прочитан",                                                                /* RI_OK */
	"Файл не в кодировке UTF-8: сохраните его как «CSV UTF-8» или загрузите XLSX",   /* RI_ENCODING */
	"В файле не найден столбец «Мероприятия»: первой строкой таблицы должны идти заголовки столбцов",  /* RI_COLUMNS */
	"В файле больше 5000 мероприятий: разделите его на части",                      /* RI_TOO_MANY */
	"В файле нет ни одного мероприятия",                                            /* RI_EMPTY */
	"Файл не удалось прочитать как таблицу XLSX, CSV или TSV",                      /* RI_FORMAT */
	"Файл не удалось прочитать",                                                    /* RI__MAX */
};

/* ri_result_message(): the detail between before and after; NULL rows take error_msg[]. */
static const struct around result_msg[RI__MAX] = {
	{ NULL, NULL },                                                       /* RI_OK */
	{ "Файл не в кодировке UTF-8 (похоже на ",
	  "): сохраните его как «CSV UTF-8»" },                              /* RI_ENCODING */
	{ "В файле не найден столбец «",
	  "»: первой строкой таблицы должны идти заголовки столбцов" },      /* RI_COLUMNS */
	{ "Файл не принят: ", "" },                                          /* RI_TOO_MANY */
	{ NULL, NULL },                                                       /* RI_EMPTY */
	{ "Файл не удалось прочитать: ", "" },                               /* RI_FORMAT */
};

/* ri_row_error_message(); the RIE__MAX row stands for any unknown value. */
static const char *const row_error_msg[RIE__MAX + 1] = {
	"Не указано мероприятие",                                                          /* RIE_NO_MEASURE */
	"Такой номер уже есть выше",                                                       /* RIE_DUP_NUMBER */
	"Срок не распознан: укажите дату, месяц, период или «Ежегодно»",                   /* RIE_DEADLINE */
	"Ячейка начинается с «=», «+», «-» или «@»: сохранена как текст, не как формула",  /* RIE_FORMULA */
	"Текст ячейки длиннее 4000 байт и обрезан",                                        /* RIE_TOO_LONG */
	"Ошибка в строке",                                                                 /* RIE__MAX */
};

/* ri_detail() and ri_detail_line(): the error_detail of a failed read; after only with a line. */
static const struct around detail_msg[RID__MAX] = {
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
	{ "часть книги больше 20 МБ: это не похоже на дорожную карту", NULL },           /* RID_PART_MAX */
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

/*
 * Folds a column head or heading for comparison: lower case (ASCII and Cyrillic), ё as е,
 * white space runs as one space, trimmed, trailing «:», «.», «*» dropped. NUL-terminated.
 */
static void fold(const char *str, size_t n, char *out, size_t cap)
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

/* ---- The sink: header, headings, rows ---- */

enum field { F_NUMBER, F_MEASURE, F_RESULT, F_DEADLINE, F_RESPONSIBLE, F__MAX };
enum match { M_EXACT, M_PREFIX };   /* M_EXACT also allows a parenthesis after the head */

/* Column heads of the seeds (GUIDE §3.3) and their near kin, folded. */
static const struct head {
	enum field f;
	enum match m;
	const char *text;
} heads[] = {
	{ F_NUMBER,      M_PREFIX, "№" },
	{ F_NUMBER,      M_EXACT,  "n" },
	{ F_NUMBER,      M_EXACT,  "no" },
	{ F_NUMBER,      M_EXACT,  "n п/п" },
	{ F_NUMBER,      M_EXACT,  "п/п" },
	{ F_NUMBER,      M_PREFIX, "номер" },
	{ F_MEASURE,     M_EXACT,  "мероприятия" },
	{ F_MEASURE,     M_EXACT,  "мероприятие" },
	{ F_MEASURE,     M_EXACT,  "событие" },
	{ F_MEASURE,     M_EXACT,  "события" },
	{ F_MEASURE,     M_EXACT,  "основные мероприятия" },
	{ F_MEASURE,     M_EXACT,  "основное мероприятие" },
	{ F_MEASURE,     M_EXACT,  "описание действий" },
	{ F_MEASURE,     M_EXACT,  "наименование мероприятия" },
	{ F_MEASURE,     M_EXACT,  "наименование мероприятий" },
	{ F_MEASURE,     M_EXACT,  "содержание мероприятия" },
	{ F_RESULT,      M_PREFIX, "планируемый результат" },
	{ F_RESULT,      M_PREFIX, "показатель реализации" },
	{ F_RESULT,      M_PREFIX, "непосредственный результат" },
	{ F_RESULT,      M_PREFIX, "муниципальный показатель" },
	{ F_RESULT,      M_PREFIX, "ожидаемый результат" },
	{ F_RESULT,      M_PREFIX, "результат" },
	{ F_DEADLINE,    M_PREFIX, "срок" },
	{ F_RESPONSIBLE, M_PREFIX, "ответственн" },
	{ F_RESPONSIBLE, M_PREFIX, "исполнител" },
};

/* The field a folded head names, or F__MAX. */
static enum field head_field(const char *h)
{
	for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++) {
		size_t n = strlen(heads[i].text);

		if (strncmp(h, heads[i].text, n) != 0)
			continue;
		if (heads[i].m == M_PREFIX || h[n] == '\0' || h[n] == '(' ||
		    (h[n] == ' ' && h[n + 1] == '('))
			return heads[i].f;
	}
	return F__MAX;
}

struct ri_sink {
	struct arena *a;
	const struct dl_period *period;
	enum ri_error err;
	const char *detail;
	bool header;
	int scanned;                  /* non-empty rows read while looking for the header */
	int col[F__MAX];              /* column of each field, -1 if absent */
	struct ri_row *rows;
	size_t nrows, cap, nerr;
	char *task_buf;               /* the heading in force (RI_CELL_MAX bytes at most) */
	size_t task_len;
	bool task_set;
	const char *task;             /* its arena copy, made for the first row under it */
	const char **nums;            /* open-addressing set of the numbers seen */
	crypto_hash_sha256_state sha;
};

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

static void rd_init(struct ri_sink *rd, struct arena *a, const struct dl_period *period)
{
	memset(rd, 0, sizeof *rd);
	rd->a = a;
	rd->period = period;
	for (int i = 0; i < F__MAX; i++)
		rd->col[i] = -1;
	crypto_hash_sha256_init(&rd->sha);
}

static bool rd_header(struct ri_sink *rd, const struct ri_cell *c, int n)
{
	char h[HEAD_LONG + 8];

	for (int i = 0; i < n; i++) {
		enum field f;

		if (!c[i].len || c[i].len > HEAD_LONG)
			continue;
		fold(c[i].s, c[i].len, h, sizeof h);
		if ((f = head_field(h)) != F__MAX && rd->col[f] < 0)
			rd->col[f] = i;
	}
	if (rd->col[F_MEASURE] >= 0) {
		rd->header = true;
		return true;
	}
	for (int i = 0; i < F__MAX; i++)
		rd->col[i] = -1;
	if (++rd->scanned >= HEADER_SCAN)
		return ri_sink_fail(rd, RI_COLUMNS, ri_detail(RID_MEASURES));
	return true;
}

/* «17», «0.8», «5.2.», «3)»: what a number cell holds. */
static bool numberlike(const struct ri_cell *c)
{
	bool digit = false;

	for (size_t i = 0; i < c->len; i++) {
		char ch = c->s[i];
		if (ch >= '0' && ch <= '9')
			digit = true;
		else if (!strchr(".,) ", ch))
			return false;
	}
	return digit;
}

/* Whether a row whose only non-empty cell is `c`, in column `k`, is a task heading. */
static bool rd_heading(const struct ri_sink *rd, const struct ri_cell *c, int k)
{
	static const char task[] = "задача";
	char h[sizeof task + 8];

	fold(c->s, c->len < 64 ? c->len : 64, h, sizeof h);
	if (strncmp(h, task, sizeof task - 1) == 0)
		return true;
	/* text alone in the first column, unless that column holds the measures or it is a bare number */
	return k == 0 && rd->col[F_MEASURE] != 0 && !(rd->col[F_NUMBER] == 0 && numberlike(c));
}

/* Adds `s` to the set of numbers; false if it was there (or on a full arena: then rd->err). */
static bool rd_number_new(struct ri_sink *rd, const char *s)
{
	uint32_t h = 2166136261u;
	size_t i;

	if (!rd->nums) {
		if (!(rd->nums = arena_alloc(rd->a, NUMS_SLOTS * sizeof *rd->nums)))
			return ri_sink_fail(rd, RI_TOO_MANY, ri_detail(RID_NOMEM));
		memset(rd->nums, 0, NUMS_SLOTS * sizeof *rd->nums);
	}
	for (const char *p = s; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	for (i = h & (NUMS_SLOTS - 1); rd->nums[i]; i = (i + 1) & (NUMS_SLOTS - 1))
		if (strcmp(rd->nums[i], s) == 0)
			return false;
	rd->nums[i] = s;   /* never full: at most RI_ROWS_MAX of NUMS_SLOTS */
	return true;
}

static void sha_field(crypto_hash_sha256_state *st, const char *s)
{
	if (s)
		crypto_hash_sha256_update(st, (const unsigned char *)s, strlen(s));
	crypto_hash_sha256_update(st, (const unsigned char *)"\x1f", 1);
}

static void row_error(struct ri_row *r, enum ri_row_error e)
{
	if (r->nerrors < (int)(sizeof r->errors / sizeof r->errors[0]))
		r->errors[r->nerrors++] = e;
}

static bool rd_data(struct ri_sink *rd, int line, const struct ri_cell *c, int n)
{
	const char *v[F__MAX];
	bool formula = false, too_long = false;
	struct ri_row *r;

	if (rd->nrows == RI_ROWS_MAX)
		return ri_sink_fail(rd, RI_TOO_MANY, NULL);
	if (rd->nrows == rd->cap) {
		size_t cap = rd->cap ? rd->cap * 2 : 64;
		struct ri_row *rows;

		if (cap > RI_ROWS_MAX)
			cap = RI_ROWS_MAX;
		if (!(rows = arena_alloc(rd->a, cap * sizeof *rows)))
			return ri_sink_fail(rd, RI_TOO_MANY, ri_detail(RID_NOMEM));
		if (rd->nrows)
			memcpy(rows, rd->rows, rd->nrows * sizeof *rows);
		rd->rows = rows;
		rd->cap = cap;
	}
	if (rd->task_set && !rd->task && !(rd->task = arena_strndup(rd->a, rd->task_buf, rd->task_len)))
		return ri_sink_fail(rd, RI_TOO_MANY, ri_detail(RID_NOMEM));
	for (int f = 0; f < F__MAX; f++) {
		int k = rd->col[f];

		v[f] = NULL;
		if (k < 0 || k >= n || !c[k].len)
			continue;
		if (!(v[f] = arena_strndup(rd->a, c[k].s, c[k].len)))
			return ri_sink_fail(rd, RI_TOO_MANY, ri_detail(RID_NOMEM));
		if (c[k].formula || (!c[k].number && c[k].len > 1 &&
				     (v[f][0] == '=' || v[f][0] == '+' || v[f][0] == '-' || v[f][0] == '@')))
			formula = true;
		too_long |= c[k].over;
	}
	r = &rd->rows[rd->nrows];
	memset(r, 0, sizeof *r);
	r->line = line;
	r->task = rd->task;
	r->number = v[F_NUMBER];
	r->measure = v[F_MEASURE];
	r->planned_result = v[F_RESULT];
	r->deadline_text = v[F_DEADLINE];
	r->responsible = v[F_RESPONSIBLE];
	if (!r->measure)
		row_error(r, RIE_NO_MEASURE);
	if (r->number && !rd_number_new(rd, r->number)) {
		if (rd->err)
			return false;
		row_error(r, RIE_DUP_NUMBER);
	}
	deadline_parse(r->deadline_text, rd->period, &r->kind, NULL, NULL, 0);
	if (r->kind == DL_INVALID)
		row_error(r, RIE_DEADLINE);
	if (formula)
		row_error(r, RIE_FORMULA);
	if (too_long)
		row_error(r, RIE_TOO_LONG);
	sha_field(&rd->sha, r->task);
	for (int f = 0; f < F__MAX; f++)
		sha_field(&rd->sha, v[f]);
	crypto_hash_sha256_update(&rd->sha, (const unsigned char *)"\x1e", 1);
	rd->nrows++;
	rd->nerr += r->nerrors > 0;
	return true;
}

bool ri_sink_row(struct ri_sink *rd, int line, const struct ri_cell *c, int n)
{
	int filled = 0, only = -1;

	if (rd->err)
		return false;
	for (int i = 0; i < n; i++)
		if (c[i].len) {
			filled++;
			only = i;
		}
	if (!filled)
		return true;
	if (!rd->header)
		return rd_header(rd, c, n);
	if (filled == 1 && rd_heading(rd, &c[only], only)) {
		if (!rd->task_buf && !(rd->task_buf = arena_alloc(rd->a, RI_CELL_MAX)))
			return ri_sink_fail(rd, RI_TOO_MANY, ri_detail(RID_NOMEM));
		rd->task_len = c[only].len;   /* a normalised cell: RI_CELL_MAX at most */
		memcpy(rd->task_buf, c[only].s, rd->task_len);
		rd->task_set = true;
		rd->task = NULL;
		return true;
	}
	return rd_data(rd, line, c, n);
}

static void rd_finish(struct ri_sink *rd, struct ri_result *out)
{
	unsigned char md[crypto_hash_sha256_BYTES];
	char *hex;

	memset(out, 0, sizeof *out);
	if (!rd->err && !rd->header)
		ri_sink_fail(rd, rd->scanned ? RI_COLUMNS : RI_EMPTY, rd->scanned ? ri_detail(RID_MEASURES) : NULL);
	if (!rd->err && !rd->nrows)
		ri_sink_fail(rd, RI_EMPTY, NULL);
	if (!rd->err) {
		crypto_hash_sha256_final(&rd->sha, md);
		if (!(hex = arena_alloc(rd->a, 2 * sizeof md + 1)))
			ri_sink_fail(rd, RI_TOO_MANY, ri_detail(RID_NOMEM));
		else
			out->digest = sodium_bin2hex(hex, 2 * sizeof md + 1, md, sizeof md);
	}
	out->error = rd->err;
	out->error_detail = rd->detail;
	if (rd->err == RI_OK) {
		out->nrows = rd->nrows;
		out->rows = rd->rows;
		out->nerrors = rd->nerr;
	} else {
		out->digest = NULL;
	}
}

/* ---- Entry points ---- */

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

int ri_read_buffer(struct arena *a, const char *data, size_t n, enum ri_format f,
		   const struct dl_period *period, struct ri_result *out)
{
	struct ri_sink rd;

	if (!a || !period || !out || (!data && n))
		return -1;
	rd_init(&rd, a, period);
	switch (rd_sniff(&rd, (const unsigned char *)data, n, f)) {
	case K_ZIP:
		ri_xlsx_read_buffer(&rd, data, n);
		break;
	case K_TEXT:
		ri_text_read_buffer(&rd, data, n, f);
		break;
	case K_REFUSED:
		break;
	}
	rd_finish(&rd, out);
	return 0;
}

int ri_read_file(struct arena *a, const char *path, enum ri_format f, const struct dl_period *period,
		 struct ri_result *out)
{
	unsigned char head[8];
	struct stat sb;
	struct ri_sink rd;
	ssize_t h = 0;
	int fd, rc = 0;

	if (!a || !path || !period || !out)
		return -1;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return -1;
	if (fstat(fd, &sb) != 0 || (h = pread(fd, head, sizeof head, 0)) < 0) {
		close(fd);
		return -1;
	}
	rd_init(&rd, a, period);
	switch (rd_sniff(&rd, head, (size_t)h, f)) {
	case K_ZIP:
		rc = ri_xlsx_read_fd(&rd, fd, path, sb.st_size);
		break;
	case K_TEXT:
		rc = ri_text_read_fd(&rd, fd, f);
		break;
	case K_REFUSED:
		break;
	}
	close(fd);
	if (rc == 0)
		rd_finish(&rd, out);
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

const char *ri_error_message(enum ri_error e)
{
	return error_msg[(unsigned)e < RI__MAX ? e : RI__MAX];
}

const char *ri_row_error_message(enum ri_row_error e)
{
	return row_error_msg[(unsigned)e < RIE__MAX ? e : RIE__MAX];
}

const char *ri_result_message(struct arena *a, const struct ri_result *r)
{
	const char *m = NULL, *d = r->error_detail;

	if (!d)
		return ri_error_message(r->error);
	if ((unsigned)r->error < RI__MAX && result_msg[r->error].before)
		m = arena_printf(a, "%s%s%s", result_msg[r->error].before, d, result_msg[r->error].after);
	return m ? m : ri_error_message(r->error);
}
