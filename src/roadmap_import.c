/*
 * roadmap_import.c: an uploaded roadmap (TSV, CSV or XLSX) turned into rows with
 * row-level errors. The shared readers (ri_read.c) hand rows of cells to the callback
 * here, which finds the header, the task headings and the fields,
 * checks each row and hashes the normalised content; the Russian messages of the import
 * are this file's tables (the details of an unreadable file are ri_read.c's). Memory is the caller's arena only, bounded by RI_ROWS_MAX rows of
 * RI_COLS_MAX cells of RI_CELL_MAX bytes; the readers stop at the first fatal error, so
 * a 100,000-row file costs the first 5,001 rows. No file parsing, no database, no logging,
 * no HTTP.
 */
#include "roadmap_import.h"

#include <stdbool.h>
#include <string.h>

#include <sodium.h>

#include "arena.h"
#include "ri_sink.h"

enum {
	HEADER_SCAN = 20,             /* non-empty rows searched for the header */
	NUMS_SLOTS = 16384            /* hash set of row numbers: a power of 2 over 2 * RI_ROWS_MAX */
};

/* ---- Messages ---- */

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

/* ri_row_error_message(); the RIE__MAX row stands for any unknown value. */
static const char *const row_error_msg[RIE__MAX + 1] = {
	"Не указано мероприятие",                                                          /* RIE_NO_MEASURE */
	"Такой номер уже есть выше",                                                       /* RIE_DUP_NUMBER */
	"Срок не распознан: укажите дату, месяц, период или «Ежегодно»",                   /* RIE_DEADLINE */
	"Ячейка начинается с «=», «+», «-» или «@»: сохранена как текст, не как формула",  /* RIE_FORMULA */
	"Текст ячейки длиннее 4000 байт и обрезан",                                        /* RIE_TOO_LONG */
	"Ошибка в строке",                                                                 /* RIE__MAX */
};

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
static int head_field(const char *h)
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

/* The roadmap's state behind the sink. */
struct rm {
	struct ri_sink s;
	const struct dl_period *period;
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

static bool rm_row(struct ri_sink *s, int line, const struct ri_cell *c, int n);

static void rd_init(struct rm *rd, struct arena *a, const struct dl_period *period)
{
	memset(rd, 0, sizeof *rd);
	ri_sink_init(&rd->s, a, rm_row, rd);
	rd->period = period;
	for (int i = 0; i < F__MAX; i++)
		rd->col[i] = -1;
	crypto_hash_sha256_init(&rd->sha);
}

static bool rd_header(struct rm *rd, const struct ri_cell *c, int n)
{

	ri_heads(c, n, head_field, F__MAX, rd->col);
	if (rd->col[F_MEASURE] >= 0) {
		rd->header = true;
		return true;
	}
	for (int i = 0; i < F__MAX; i++)
		rd->col[i] = -1;
	if (++rd->scanned >= HEADER_SCAN)
		return ri_sink_fail(&rd->s, RI_COLUMNS, ri_detail(RID_MEASURES));
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
static bool rd_heading(const struct rm *rd, const struct ri_cell *c, int k)
{
	static const char task[] = "задача";
	char h[sizeof task + 8];

	ri_fold(c->s, c->len < 64 ? c->len : 64, h, sizeof h);
	if (strncmp(h, task, sizeof task - 1) == 0)
		return true;
	/* text alone in the first column, unless that column holds the measures or it is a bare number */
	return k == 0 && rd->col[F_MEASURE] != 0 && !(rd->col[F_NUMBER] == 0 && numberlike(c));
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

static bool rd_data(struct rm *rd, int line, const struct ri_cell *c, int n)
{
	const char *v[F__MAX];
	bool formula = false, too_long = false;
	struct ri_row *r;

	if (rd->nrows == RI_ROWS_MAX)
		return ri_sink_fail(&rd->s, RI_TOO_MANY, NULL);
	if (!ri_grow(&rd->s, (void **)&rd->rows, rd->nrows, &rd->cap, sizeof *rd->rows, RI_ROWS_MAX))
		return false;
	if (rd->task_set && !rd->task && !(rd->task = arena_strndup(rd->s.a, rd->task_buf, rd->task_len)))
		return ri_sink_fail(&rd->s, RI_TOO_MANY, ri_detail(RID_NOMEM));
	if (!ri_fields(&rd->s, rd->col, F__MAX, c, n, "=+-@", v, &formula, &too_long))
		return false;
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
	if (r->number) {
		int added = ri_set_add(&rd->s, &rd->nums, NUMS_SLOTS, r->number);

		if (added < 0)
			return false;
		if (!added)
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

static bool rm_row(struct ri_sink *s, int line, const struct ri_cell *c, int n)
{
	struct rm *rd = s->ctx;
	int filled = 0, only = -1;

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
		if (!rd->task_buf && !(rd->task_buf = arena_alloc(rd->s.a, RI_CELL_MAX)))
			return ri_sink_fail(&rd->s, RI_TOO_MANY, ri_detail(RID_NOMEM));
		rd->task_len = c[only].len;   /* a normalised cell: RI_CELL_MAX at most */
		memcpy(rd->task_buf, c[only].s, rd->task_len);
		rd->task_set = true;
		rd->task = NULL;
		return true;
	}
	return rd_data(rd, line, c, n);
}

static void rd_finish(struct rm *rd, struct ri_result *out)
{
	unsigned char md[crypto_hash_sha256_BYTES];
	char *hex;

	memset(out, 0, sizeof *out);
	if (!rd->s.err && !rd->header)
		ri_sink_fail(&rd->s, rd->scanned ? RI_COLUMNS : RI_EMPTY, rd->scanned ? ri_detail(RID_MEASURES) : NULL);
	if (!rd->s.err && !rd->nrows)
		ri_sink_fail(&rd->s, RI_EMPTY, NULL);
	if (!rd->s.err) {
		crypto_hash_sha256_final(&rd->sha, md);
		if (!(hex = arena_alloc(rd->s.a, 2 * sizeof md + 1)))
			ri_sink_fail(&rd->s, RI_TOO_MANY, ri_detail(RID_NOMEM));
		else
			out->digest = sodium_bin2hex(hex, 2 * sizeof md + 1, md, sizeof md);
	}
	out->error = rd->s.err;
	out->error_detail = rd->s.detail;
	if (rd->s.err == RI_OK) {
		out->nrows = rd->nrows;
		out->rows = rd->rows;
		out->nerrors = rd->nerr;
	} else {
		out->digest = NULL;
	}
}

/* ---- Entry points ---- */

int ri_read_buffer(struct arena *a, const char *data, size_t n, enum ri_format f,
		   const struct dl_period *period, struct ri_result *out)
{
	struct rm rd;

	if (!a || !period || !out || (!data && n))
		return -1;
	rd_init(&rd, a, period);
	ri_sink_read_buffer(&rd.s, data, n, f);
	rd_finish(&rd, out);
	return 0;
}

int ri_read_file(struct arena *a, const char *path, enum ri_format f, const struct dl_period *period,
		 struct ri_result *out)
{
	struct rm rd;

	if (!a || !path || !period || !out)
		return -1;
	rd_init(&rd, a, period);
	if (ri_sink_read_file(&rd.s, path, f) != 0)
		return -1;
	rd_finish(&rd, out);
	return 0;
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
	return ri_failure_message(a, r->error, r->error_detail, ri_error_message(r->error));
}
