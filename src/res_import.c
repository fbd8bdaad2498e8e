/*
 * res_import.c: an uploaded file of assessment results or social index values turned into
 * checked rows. The shared readers (ri_read.c) hand rows of cells to the callback here,
 * which finds the header and the kind of file, matches schools, procedures and metrics,
 * parses the numbers and marks duplicates; the Russian messages of this import are its
 * tables. Memory is the caller's arena, bounded by RES_ROWS_MAX rows. No database, no
 * logging, no HTTP.
 */
#include "res_import.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "ri_sink.h"
#include "vocab.h"

enum {
	HEADER_SCAN = 20,     /* non-empty rows searched for the header */
	KEY_CAP = 512,        /* bytes of a folded name */
	DUP_SLOTS = 32768     /* hash set of row keys: a power of 2 over 2 * RES_ROWS_MAX */
};

/* ---- Messages ---- */

/* The message of a failed read without a detail; the RI__MAX row for any unknown value. */
static const char *const error_msg[RI__MAX + 1] = {
	"Файл прочитан",                                                                /* RI_OK */
	"Файл не в кодировке UTF-8: сохраните его как «CSV UTF-8» или загрузите XLSX",   /* RI_ENCODING */
	"В файле не найдены заголовки «Школа» и «Значение» (или «Индекс»): первой строкой таблицы должны идти заголовки столбцов",   /* RI_COLUMNS */
	"В файле больше 10000 строк: разделите его на части",                           /* RI_TOO_MANY */
	"В файле нет ни одной строки с данными",                                        /* RI_EMPTY */
	"Файл не удалось прочитать как таблицу XLSX, CSV или TSV",                      /* RI_FORMAT */
	"Файл не удалось прочитать",                                                    /* RI__MAX */
};

/* res_row_error_message(); the RSE__MAX row stands for any unknown value. */
static const char *const row_error_msg[RSE__MAX + 1] = {
	"Школа не найдена в муниципалитете: укажите номер («7»), краткое название («СОШ № 7»), «Город» или «Область»",   /* RSE_SCHOOL */
	"Строка другого муниципалитета",                                                  /* RSE_MUNI */
	"Процедура не распознана: ОГЭ, ЕГЭ, ГВЭ, ВПР или «Переход в 10 класс»",           /* RSE_PROCEDURE */
	"Не указан предмет",                                                              /* RSE_SUBJECT */
	"Класс — целое число от 1 до 11",                                                 /* RSE_GRADE */
	"Год — число от 2000 до 2100",                                                    /* RSE_YEAR */
	"Показатель не распознан: например, «Успеваемость (%)», «Качество (%)», «Доля «2» (%)»",   /* RSE_METRIC */
	"Значение не число или вне допустимых границ (проценты от 0 до 100, средняя отметка до 5)",   /* RSE_VALUE */
	"Число участников — целое неотрицательное число",                                 /* RSE_N */
	"Этап не распознан: «основной период» или «после пересдач»",                      /* RSE_STAGE */
	"Статус не распознан: благоприятный, нейтральный или неблагоприятный",            /* RSE_STATUS */
	"Такая строка уже есть выше в файле",                                             /* RSE_DUP */
	"Ячейка с формулой или начинается с «=», «+» или «@»: введите значение",          /* RSE_FORMULA */
	"Текст ячейки длиннее 4000 байт",                                                 /* RSE_TOO_LONG */
	"Ошибка в строке",                                                                /* RSE__MAX */
};

const char *res_row_error_message(enum res_row_error e)
{
	return row_error_msg[(unsigned)e < RSE__MAX ? e : RSE__MAX];
}

const char *res_result_message(struct arena *a, const struct res_result *r)
{
	const char *plain = error_msg[(unsigned)r->error < RI__MAX ? r->error : RI__MAX];

	return ri_failure_message(a, r->error, r->error_detail, plain);
}

/* ---- Columns ---- */

enum field {
	F_SCHOOL, F_SCOPE, F_MUNI, F_PROCEDURE, F_SUBJECT, F_GRADE, F_YEAR, F_METRIC, F_VALUE,
	F_RAW, F_N, F_STAGE, F_INDEX, F_STATUS, F__MAX
};

/* The Russian head of each field, named when a required column is missing. */
static const char *const field_name[F__MAX] = {
	"Школа", "scope", "municipality", "Процедура", "Предмет", "Класс", "Год", "Показатель",
	"Значение", "raw", "Участников", "Этап", "Индекс", "Статус",
};

/* Columns each kind of file must have. */
static const enum field need_results[] = { F_PROCEDURE, F_SUBJECT, F_GRADE, F_YEAR, F_METRIC, F_VALUE };
static const enum field need_social[] = { F_YEAR, F_INDEX };

/* Folded heads (ri_fold): Russian, and the ASCII codes of the seeds' results.tsv. */
static const struct head {
	enum field f;
	const char *text;
} heads[] = {
	{ F_SCHOOL, "школа" }, { F_SCHOOL, "school" }, { F_SCHOOL, "оо" },
	{ F_SCHOOL, "образовательная организация" }, { F_SCHOOL, "образовательное учреждение" },
	{ F_SCOPE, "scope" }, { F_MUNI, "municipality" },
	{ F_PROCEDURE, "процедура" }, { F_PROCEDURE, "оценочная процедура" }, { F_PROCEDURE, "procedure" },
	{ F_SUBJECT, "предмет" }, { F_SUBJECT, "subject" },
	{ F_GRADE, "класс" }, { F_GRADE, "grade" },
	{ F_YEAR, "год" }, { F_YEAR, "year" },
	{ F_METRIC, "показатель" }, { F_METRIC, "metric" },
	{ F_VALUE, "значение" }, { F_VALUE, "value" }, { F_RAW, "raw" },
	{ F_N, "участников" }, { F_N, "число участников" }, { F_N, "количество участников" },
	{ F_N, "n" }, { F_N, "n_participants" },
	{ F_STAGE, "этап" }, { F_STAGE, "stage" },
	{ F_INDEX, "индекс" }, { F_INDEX, "индекс социального благополучия" }, { F_INDEX, "index" },
	{ F_STATUS, "статус" }, { F_STATUS, "социальный статус" }, { F_STATUS, "status" },
};

/* The field a folded head names (the text alone or before a parenthesis), or F__MAX. */
static int head_field(const char *h)
{
	for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++) {
		size_t n = strlen(heads[i].text);

		if (strncmp(h, heads[i].text, n) == 0 &&
		    (h[n] == '\0' || h[n] == '(' || (h[n] == ' ' && h[n + 1] == '(')))
			return heads[i].f;
	}
	return F__MAX;
}

/* ---- Names ---- */

/*
 * A school's name as compared: folded, quotes dropped, no space after «№», and the
 * organisational form («МБОУ», «МАОУ», …: a first word ending in «оу») left out.
 */
static void school_key(const char *s, size_t n, char *out, size_t cap)
{
	char f[KEY_CAP];
	const char *p = f, *sp;
	size_t o = 0;

	ri_fold(s, n, f, sizeof f);
	if ((sp = strchr(f, ' ')) && sp - f >= 4 && strncmp(sp - 4, "оу", 4) == 0)
		p = sp + 1;
	for (; *p && o + 1 < cap; p++) {
		if (strncmp(p, "«", 2) == 0 || strncmp(p, "»", 2) == 0) {
			p++;
			continue;
		}
		if (*p == '"')
			continue;
		if (strncmp(p, "№ ", 4) == 0) {
			if (o + 4 >= cap)
				break;
			memcpy(out + o, "№", 3);
			o += 3;
			p += 3;
			continue;
		}
		out[o++] = *p;
	}
	while (o && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
}

/* The number after «№» in a folded key, or -1. */
static long key_number(const char *key)
{
	const char *p = strstr(key, "№");
	char *end;
	long v;

	if (!p || p[3] < '0' || p[3] > '9')
		return -1;
	v = strtol(p + 3, &end, 10);
	return *end == '\0' || *end == ' ' ? v : -1;
}

/* The vocabulary entry whose code (any case) or folded label is `s`, or `n`. */
static size_t vocab_match(const struct vocab *v, size_t n, const char *s)
{
	char lab[KEY_CAP], folded[KEY_CAP];

	ri_fold(s, strlen(s), folded, sizeof folded);

	for (size_t i = 0; i < n; i++) {
		size_t k;

		if (strcasecmp(s, v[i].code) == 0)
			return i;
		ri_fold(v[i].label, strlen(v[i].label), lab, sizeof lab);
		if (strcmp(folded, lab) == 0)
			return i;
		/* the label without its parenthesis: «Успеваемость», «основной период» */
		k = strcspn(lab, "(");
		if (k > 1 && lab[k - 1] == ' ' && strlen(folded) == k - 1 && strncmp(folded, lab, k - 1) == 0)
			return i;
	}
	return n;
}

/* ---- Numbers ---- */

/* «28,6», «47,8 %», «−5»: a finite decimal, with an optional trailing «%» when `pct`. */
static bool parse_decimal(const char *s, bool pct, double *out)
{
	char b[64], *end;
	size_t o = 0, n = strlen(s);

	if (pct) {
		while (n && s[n - 1] == ' ')
			n--;
		if (n && s[n - 1] == '%')
			n--;
		while (n && s[n - 1] == ' ')
			n--;
	}
	if (n >= 3 && (strncmp(s, "−", 3) == 0 || strncmp(s, "–", 3) == 0)) {
		b[o++] = '-';
		s += 3;
		n -= 3;
	}
	if (!n || n + o >= sizeof b || strspn(s, "0123456789.,+-") < n)
		return false;
	for (size_t i = 0; i < n; i++)
		b[o++] = s[i] == ',' ? '.' : s[i];
	b[o] = '\0';
	*out = strtod(b, &end);
	return end == b + o && isfinite(*out);
}

/* A whole number of at most 9 digits between lo and hi; -1 otherwise. */
static long long parse_int(const char *s, long long lo, long long hi)
{
	long long v = 0;
	size_t n = strlen(s);

	if (!n || n > 9 || strspn(s, "0123456789") != n)
		return -1;
	for (; *s; s++)
		v = v * 10 + (*s - '0');
	return v >= lo && v <= hi ? v : -1;
}

/* ---- The sink ---- */

struct rs {
	struct ri_sink s;
	const char *muni;
	const struct res_school *schools;
	size_t nschools;
	char **label_key, **name_key;   /* school_key() of each school's label and short name */
	long *number;                   /* key_number() of each label */
	bool header;
	int scanned;
	int col[F__MAX];
	enum res_kind kind;
	struct res_row *rows;
	size_t nrows, cap, nerr;
	const char **seen;              /* open-addressing set of row keys */
};

static void row_error(struct res_row *r, enum res_row_error e)
{
	for (int i = 0; i < r->nerrors; i++)
		if (r->errors[i] == e)
			return;
	if (r->nerrors < RES_ERRORS_MAX)
		r->errors[r->nerrors++] = e;
}

static bool rs_nomem(struct rs *rd)
{
	return ri_sink_fail(&rd->s, RI_TOO_MANY, ri_detail(RID_NOMEM));
}

static bool rs_prepare(struct rs *rd)
{
	struct arena *a = rd->s.a;
	size_t n = rd->nschools ? rd->nschools : 1;

	rd->label_key = arena_alloc(a, n * sizeof *rd->label_key);
	rd->name_key = arena_alloc(a, n * sizeof *rd->name_key);
	rd->number = arena_alloc(a, n * sizeof *rd->number);
	if (!rd->label_key || !rd->name_key || !rd->number)
		return false;
	for (size_t i = 0; i < rd->nschools; i++) {
		const struct res_school *sc = &rd->schools[i];

		if (!(rd->label_key[i] = arena_alloc(a, KEY_CAP)) || !(rd->name_key[i] = arena_alloc(a, KEY_CAP)))
			return false;
		school_key(sc->label ? sc->label : "", sc->label ? strlen(sc->label) : 0, rd->label_key[i], KEY_CAP);
		school_key(sc->short_name ? sc->short_name : "", sc->short_name ? strlen(sc->short_name) : 0,
			   rd->name_key[i], KEY_CAP);
		rd->number[i] = key_number(rd->label_key[i]);
	}
	return true;
}

static bool rs_header(struct rs *rd, const struct ri_cell *c, int n)
{
	const enum field *need;
	size_t nneed;

	ri_heads(c, n, head_field, F__MAX, rd->col);
	if (rd->col[F_SCHOOL] < 0 || (rd->col[F_VALUE] < 0 && rd->col[F_INDEX] < 0)) {
		for (int i = 0; i < F__MAX; i++)
			rd->col[i] = -1;
		if (++rd->scanned >= HEADER_SCAN)
			return ri_sink_fail(&rd->s, RI_COLUMNS, NULL);
		return true;
	}
	rd->header = true;
	rd->kind = rd->col[F_INDEX] >= 0 && rd->col[F_METRIC] < 0 ? RES_SOCIAL : RES_RESULTS;
	need = rd->kind == RES_SOCIAL ? need_social : need_results;
	nneed = rd->kind == RES_SOCIAL ? sizeof need_social / sizeof *need_social
				       : sizeof need_results / sizeof *need_results;
	for (size_t i = 0; i < nneed; i++)
		if (rd->col[need[i]] < 0)
			return ri_sink_fail(&rd->s, RI_COLUMNS, field_name[need[i]]);
	return rs_prepare(rd) || rs_nomem(rd);
}

/* Scope and school of the row from its school cell (and the seeds' scope column). */
static void rs_school(struct rs *rd, struct res_row *r, const char *scope)
{
	char key[KEY_CAP];
	size_t sc = scope ? vocab_match(scope_v, SCOPE__MAX, scope) : SCOPE_SCHOOL;
	long num;

	r->scope = SCOPE_SCHOOL;
	if (sc == SCOPE__MAX || (sc != SCOPE_SCHOOL && rd->kind == RES_SOCIAL)) {
		row_error(r, RSE_SCHOOL);
		return;
	}
	if (sc != SCOPE_SCHOOL) {
		r->scope = (int)sc;
		return;
	}
	if (!r->school) {
		row_error(r, RSE_SCHOOL);
		return;
	}
	school_key(r->school, strlen(r->school), key, sizeof key);
	for (size_t i = SCOPE_CITY; i < SCOPE__MAX && rd->kind == RES_RESULTS; i++) {
		char lab[32];

		ri_fold(scope_v[i].label, strlen(scope_v[i].label), lab, sizeof lab);
		if (strcmp(key, lab) == 0) {
			r->scope = (int)i;
			return;
		}
	}
	num = (long)parse_int(r->school, 1, 100000);
	for (size_t i = 0; i < rd->nschools; i++)
		if (strcmp(r->school, rd->schools[i].slug) == 0 || strcmp(key, rd->label_key[i]) == 0 ||
		    strcmp(key, rd->name_key[i]) == 0 || (num > 0 && num == rd->number[i])) {
			r->school_id = rd->schools[i].id;
			return;
		}
	row_error(r, RSE_SCHOOL);
}

/* Adds the row's key to the set: 1 new, 0 seen in an earlier row, -1 when the arena is full. */
static int rs_key_new(struct rs *rd, const struct res_row *r)
{
	const char *k = arena_printf(rd->s.a, "%d|%lld|%d|%s|%d|%d|%d|%d", r->scope, (long long)r->school_id,
				     r->procedure, r->subject ? r->subject : "", r->grade, r->year,
				     r->metric, r->stage);

	if (!k) {
		rs_nomem(rd);
		return -1;
	}
	return ri_set_add(&rd->s, &rd->seen, DUP_SLOTS, k);
}

/* The fields of a results row: procedure, subject, grade, metric, value, N, stage. */
static void rs_result_fields(struct res_row *r, const char *const *v)
{
	size_t k;

	if ((k = v[F_PROCEDURE] ? vocab_match(procedure_v, PROC__MAX, v[F_PROCEDURE])
				: PROC__MAX) == PROC__MAX)
		row_error(r, RSE_PROCEDURE);
	r->procedure = (int)k;
	if (!(r->subject = v[F_SUBJECT]))
		row_error(r, RSE_SUBJECT);
	if ((r->grade = v[F_GRADE] ? (int)parse_int(v[F_GRADE], 1, 11) : -1) < 0)
		row_error(r, RSE_GRADE);
	if ((k = v[F_METRIC] ? vocab_match(metric_v, MET__MAX, v[F_METRIC]) : MET__MAX) == MET__MAX)
		row_error(r, RSE_METRIC);
	r->metric = (int)k;
	if (!v[F_VALUE] || !parse_decimal(v[F_VALUE], true, &r->value) || r->value < 0 ||
	    r->value > (r->metric == MET_MEAN_MARK ? 5 : 100))
		row_error(r, RSE_VALUE);
	if (v[F_N] && (r->n = parse_int(v[F_N], 0, 999999999)) < 0)
		row_error(r, RSE_N);
	if ((k = v[F_STAGE] ? vocab_match(result_stage_v, STAGE__MAX, v[F_STAGE]) : STAGE_MAIN) ==
	    STAGE__MAX)
		row_error(r, RSE_STAGE);
	r->stage = (int)k;
	r->raw = v[F_RAW] ? v[F_RAW] : v[F_VALUE];
}

/* The fields of a social row: the index and the optional status. */
static void rs_social_fields(struct res_row *r, const char *const *v)
{
	if (!v[F_INDEX] || !parse_decimal(v[F_INDEX], false, &r->value) || fabs(r->value) > 100)
		row_error(r, RSE_VALUE);
	r->raw = v[F_INDEX];
	if (v[F_STATUS] &&
	    (r->status = (int)vocab_match(social_status_v, SOC__MAX, v[F_STATUS])) == SOC__MAX)
		row_error(r, RSE_STATUS);
}

static bool rs_data(struct rs *rd, int line, const struct ri_cell *c, int n)
{
	const char *v[F__MAX];
	bool formula = false, too_long = false;
	struct res_row *r;

	if (rd->nrows == RES_ROWS_MAX)
		return ri_sink_fail(&rd->s, RI_TOO_MANY, NULL);
	if (!ri_grow(&rd->s, (void **)&rd->rows, rd->nrows, &rd->cap, sizeof *rd->rows, RES_ROWS_MAX))
		return false;
	if (!ri_fields(&rd->s, rd->col, F__MAX, c, n, "=+@", v, &formula, &too_long))
		return false;
	r = &rd->rows[rd->nrows];
	memset(r, 0, sizeof *r);
	r->line = line;
	r->school = v[F_SCHOOL];
	r->n = -1;
	r->status = SOC__MAX;
	if (v[F_MUNI] && rd->muni && strcmp(v[F_MUNI], rd->muni) != 0)
		row_error(r, RSE_MUNI);
	rs_school(rd, r, v[F_SCOPE]);
	if ((r->year = v[F_YEAR] ? (int)parse_int(v[F_YEAR], 2000, 2100) : -1) < 0)
		row_error(r, RSE_YEAR);
	if (rd->kind == RES_RESULTS)
		rs_result_fields(r, v);
	else
		rs_social_fields(r, v);
	if (formula)
		row_error(r, RSE_FORMULA);
	if (too_long)
		row_error(r, RSE_TOO_LONG);
	if (!r->nerrors) {
		int added = rs_key_new(rd, r);

		if (added < 0)
			return false;
		if (!added)
			row_error(r, RSE_DUP);
	}
	rd->nrows++;
	rd->nerr += r->nerrors > 0;
	return true;
}

static bool rs_row(struct ri_sink *s, int line, const struct ri_cell *c, int n)
{
	struct rs *rd = s->ctx;
	bool any = false;

	for (int i = 0; i < n && !any; i++)
		any = c[i].len > 0;
	if (!any)
		return true;
	return rd->header ? rs_data(rd, line, c, n) : rs_header(rd, c, n);
}

static void rs_init(struct rs *rd, struct arena *a, const char *muni, const struct res_school *schools,
		    size_t nschools)
{
	memset(rd, 0, sizeof *rd);
	ri_sink_init(&rd->s, a, rs_row, rd);
	rd->muni = muni;
	rd->schools = schools;
	rd->nschools = nschools;
	for (int i = 0; i < F__MAX; i++)
		rd->col[i] = -1;
}

static void rs_finish(struct rs *rd, struct res_result *out)
{
	memset(out, 0, sizeof *out);
	if (!rd->s.err && !rd->header)
		ri_sink_fail(&rd->s, rd->scanned ? RI_COLUMNS : RI_EMPTY, NULL);
	if (!rd->s.err && !rd->nrows)
		ri_sink_fail(&rd->s, RI_EMPTY, NULL);
	out->kind = rd->kind;
	out->error = rd->s.err;
	out->error_detail = rd->s.detail;
	if (rd->s.err == RI_OK) {
		out->nrows = rd->nrows;
		out->rows = rd->rows;
		out->nerrors = rd->nerr;
	}
}

int res_read_buffer(struct arena *a, const char *data, size_t n, enum ri_format f, const char *muni_slug,
		    const struct res_school *schools, size_t nschools, struct res_result *out)
{
	struct rs rd;

	if (!a || !out || (!data && n) || (!schools && nschools))
		return -1;
	rs_init(&rd, a, muni_slug, schools, nschools);
	ri_sink_read_buffer(&rd.s, data, n, f);
	rs_finish(&rd, out);
	return 0;
}

int res_read_file(struct arena *a, const char *path, enum ri_format f, const char *muni_slug,
		  const struct res_school *schools, size_t nschools, struct res_result *out)
{
	struct rs rd;

	if (!a || !path || !out || (!schools && nschools))
		return -1;
	rs_init(&rd, a, muni_slug, schools, nschools);
	if (ri_sink_read_file(&rd.s, path, f) != 0)
		return -1;
	rs_finish(&rd, out);
	return 0;
}
