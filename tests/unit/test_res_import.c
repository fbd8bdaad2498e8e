/*
 * test_res_import.c: the results and social-index reader. Header detection (Russian heads,
 * the seeds' ASCII codes, rows above the header, the kind by «Индекс»), every row check
 * (school, procedure, subject, grade, year, metric, value, N, stage, status, duplicates,
 * formulas, municipality), school matching (slug, label, short name, bare number, «Город»,
 * «Область»), decimal commas and «%», the seed file db/seed/ust-ilimsk/results.tsv, an
 * XLSX with numbers and a formula, and whole-file failures (columns, encoding, empty).
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "arena.h"
#include "res_import.h"
#include "tap.h"
#include "vocab.h"

static struct arena A;

static const struct res_school SCHOOLS[] = {
	{ 1, "sosh-1", "МБОУ «СОШ № 1»", "СОШ № 1" },
	{ 7, "sosh-7", "МАОУ «СОШ № 7 им.Пичуева Л.П.»", "СОШ № 7" },
	{ 17, "sosh-17", "МБОУ «СОШ № 17»", "СОШ № 17" },
	{ 20, "gimnaziya", "Гимназия", "Гимназия" },
};
enum { NSCHOOLS = sizeof SCHOOLS / sizeof SCHOOLS[0] };

static const char HEAD[] = "Школа\tПроцедура\tПредмет\tКласс\tГод\tПоказатель\tЗначение\tУчастников\tЭтап\n";

static struct res_result read_tsv(const char *text)
{
	struct res_result r;

	if (res_read_buffer(&A, text, strlen(text), RI_TSV, "ust-ilimsk", SCHOOLS, NSCHOOLS, &r) != 0)
		r.error = RI__MAX;
	return r;
}

/* One data row under HEAD. */
static struct res_result one(const char *row)
{
	char *t = arena_printf(&A, "%s%s\n", HEAD, row);

	return read_tsv(t);
}

static bool has_error(const struct res_row *r, enum res_row_error e)
{
	for (int i = 0; i < r->nerrors; i++)
		if (r->errors[i] == e)
			return true;
	return false;
}

/* The single row of `row` has exactly error `e` (or none for RSE__MAX). */
static void row_check(const char *row, enum res_row_error e, const char *what)
{
	struct res_result r = one(row);

	ok(r.error == RI_OK && r.nrows == 1 &&
	   (e == RSE__MAX ? r.rows[0].nerrors == 0 : (r.rows[0].nerrors == 1 && has_error(&r.rows[0], e))),
	   "%s", what);
}

static void test_good_rows(void)
{
	struct res_result r = one("СОШ № 7\tОГЭ\tМатематика\t9\t2023\tКачество (%)\t47,8%\t23\tосновной период");
	const struct res_row *x = &r.rows[0];

	ok(r.error == RI_OK && r.kind == RES_RESULTS && r.nrows == 1 && r.nerrors == 0, "a full row is read");
	ok(x->school_id == 7 && x->scope == SCOPE_SCHOOL && x->procedure == PROC_OGE &&
	   strcmp(x->subject, "Математика") == 0 && x->grade == 9 && x->year == 2023 &&
	   x->metric == MET_QUALITY && x->value > 47.79 && x->value < 47.81 && x->n == 23 &&
	   x->stage == STAGE_MAIN && strcmp(x->raw, "47,8%") == 0 && x->line == 2,
	   "its fields: school, procedure, grade, metric, decimal comma and «%%», N, stage, raw kept");
	r = one("7\tvpr\tРусский язык\t5\t2023\tshare2\t12.5\t\t");
	ok(r.nerrors == 0 && r.rows[0].school_id == 7 && r.rows[0].procedure == PROC_VPR &&
	   r.rows[0].metric == MET_SHARE2 && r.rows[0].n == -1, "bare number, codes, no N");
	r = one("МАОУ «СОШ № 7 им.Пичуева Л.П.»\tЕГЭ\tХимия\t11\t2022\tДоля ниже минимального порога\t0\t4\tпосле пересдач");
	ok(r.nerrors == 0 && r.rows[0].school_id == 7 && r.rows[0].stage == STAGE_RETAKE &&
	   r.rows[0].metric == MET_BELOW_MIN, "short name, metric label without «(%%)», retake stage");
	r = one("sosh-17\tгвэ\tМатематика\t9\t2021\tСредняя отметка\t3,4\t\t");
	ok(r.nerrors == 0 && r.rows[0].school_id == 17 && r.rows[0].procedure == PROC_GVE &&
	   r.rows[0].metric == MET_MEAN_MARK, "slug, ГВЭ in lower case, mean mark");
	r = one("СОШ №1\tОГЭ\tМатематика\t9\t2021\tУспеваемость (%)\t100\t\t");
	ok(r.nerrors == 0 && r.rows[0].school_id == 1, "«СОШ №1» without a space");
	r = one("гимназия\tОГЭ\tМатематика\t9\t2021\tУспеваемость (%)\t100\t\t");
	ok(r.nerrors == 0 && r.rows[0].school_id == 20, "a school without a number, any case");
	r = one("Город\tОГЭ\tМатематика\t9\t2021\tУспеваемость (%)\t97,8\t\t");
	ok(r.nerrors == 0 && r.rows[0].scope == SCOPE_CITY && r.rows[0].school_id == 0, "«Город» is the city row");
	r = one("Область*\tОГЭ\tМатематика\t9\t2021\tУспеваемость (%)\t93,5\t\t");
	ok(r.nerrors == 0 && r.rows[0].scope == SCOPE_REGION, "«Область*» is the region row");
	arena_reset(&A);
}

static void test_row_errors(void)
{
	row_check("СОШ № 99\tОГЭ\tМатематика\t9\t2021\tКачество (%)\t50\t\t", RSE_SCHOOL, "unknown school");
	row_check("99\tОГЭ\tМатематика\t9\t2021\tКачество (%)\t50\t\t", RSE_SCHOOL, "unknown school number");
	row_check("\tОГЭ\tМатематика\t9\t2021\tКачество (%)\t50\t\t", RSE_SCHOOL, "no school");
	row_check("7\tОлимпиада\tМатематика\t9\t2021\tКачество (%)\t50\t\t", RSE_PROCEDURE, "unknown procedure");
	row_check("7\tОГЭ\t\t9\t2021\tКачество (%)\t50\t\t", RSE_SUBJECT, "no subject");
	row_check("7\tОГЭ\tМатематика\t12\t2021\tКачество (%)\t50\t\t", RSE_GRADE, "grade 12");
	row_check("7\tОГЭ\tМатематика\t0\t2021\tКачество (%)\t50\t\t", RSE_GRADE, "grade 0");
	row_check("7\tОГЭ\tМатематика\t9а\t2021\tКачество (%)\t50\t\t", RSE_GRADE, "grade «9а»");
	row_check("7\tОГЭ\tМатематика\t\t2021\tКачество (%)\t50\t\t", RSE_GRADE, "no grade");
	row_check("7\tОГЭ\tМатематика\t9\t1999\tКачество (%)\t50\t\t", RSE_YEAR, "year 1999");
	row_check("7\tОГЭ\tМатематика\t9\t2101\tКачество (%)\t50\t\t", RSE_YEAR, "year 2101");
	row_check("7\tОГЭ\tМатематика\t9\t2100\tКачество (%)\t50\t\t", RSE__MAX, "year 2100 is fine");
	row_check("7\tОГЭ\tМатематика\t9\t2021\tОценка\t50\t\t", RSE_METRIC, "unknown metric");
	row_check("7\tОГЭ\tМатематика\t9\t2021\tКачество (%)\tмного\t\t", RSE_VALUE, "value not a number");
	row_check("7\tОГЭ\tМатематика\t9\t2021\tКачество (%)\t\t\t", RSE_VALUE, "no value");
	row_check("7\tОГЭ\tМатематика\t9\t2021\tКачество (%)\t100,5\t\t", RSE_VALUE, "a percentage over 100");
	row_check("7\tОГЭ\tМатематика\t9\t2021\tКачество (%)\t-1\t\t", RSE_VALUE, "a negative percentage");
	row_check("7\tОГЭ\tМатематика\t9\t2021\tКачество (%)\t1,2,3\t\t", RSE_VALUE, "«1,2,3»");
	row_check("7\tОГЭ\tМатематика\t9\t2021\tКачество (%)\tinf\t\t", RSE_VALUE, "«inf»");
	row_check("7\tОГЭ\tМатематика\t9\t2021\tКачество (%)\t0x10\t\t", RSE_VALUE, "hex");
	row_check("7\tОГЭ\tМатематика\t9\t2021\tСредняя отметка\t5,1\t\t", RSE_VALUE, "a mean mark over 5");
	row_check("7\tОГЭ\tМатематика\t9\t2021\tКачество (%)\t100 %\t\t", RSE__MAX, "«100 %» is fine");
	row_check("7\tОГЭ\tМатематика\t9\t2021\tКачество (%)\t50\t-3\t", RSE_N, "negative N");
	row_check("7\tОГЭ\tМатематика\t9\t2021\tКачество (%)\t50\t12,5\t", RSE_N, "fractional N");
	row_check("7\tОГЭ\tМатематика\t9\t2021\tКачество (%)\t50\t0\t", RSE__MAX, "N 0 is fine");
	row_check("7\tОГЭ\tМатематика\t9\t2021\tКачество (%)\t50\t\tдосрочный", RSE_STAGE, "unknown stage");
	row_check("7\tОГЭ\t=A1+B1\t9\t2021\tКачество (%)\t50\t\t", RSE_FORMULA, "a formula-like cell");

	struct res_result r = read_tsv(arena_printf(&A, "%s%s%s%s", HEAD,
		"7\tОГЭ\tМатематика\t9\t2021\tКачество (%)\t50\t\t\n",
		"СОШ № 7\tОГЭ\tМатематика\t9\t2021\tquality\t51\t\tосновной период\n",
		"7\tОГЭ\tМатематика\t9\t2021\tКачество (%)\t50\t\tпосле пересдач\n"));
	ok(r.nrows == 3 && r.nerrors == 1 && r.rows[0].nerrors == 0 && has_error(&r.rows[1], RSE_DUP) &&
	   r.rows[2].nerrors == 0, "the same result twice (other spelling) is a duplicate; another stage is not");
	r = read_tsv("municipality\tscope\tschool\tprocedure\tsubject\tgrade\tyear\tmetric\tvalue\traw\tsource\n"
		     "baley\tschool\tsosh-1\toge\tМатематика\t9\t2019\tpass\t98\t98\t000:L1\n");
	ok(r.nrows == 1 && has_error(&r.rows[0], RSE_MUNI), "a row of another municipality");
	arena_reset(&A);
}

static void test_header(void)
{
	struct res_result r = read_tsv("Результаты ОГЭ 2023\n\nСводная таблица\n"
				       "Школа:\tПроцедура\tПредмет\tКласс\tГод\tПоказатель\tЗначение (%)\tЧисло участников (N)\n"
				       "1\tОГЭ\tМатематика\t9\t2023\tКачество\t40\t30\n");

	ok(r.error == RI_OK && r.nrows == 1 && r.nerrors == 0 && r.rows[0].n == 30 && r.rows[0].line == 5,
	   "title rows above the header skipped; heads with «:» and parentheses");
	r = read_tsv("Школа\tПроцедура\tПредмет\tГод\tПоказатель\tЗначение\n1\tОГЭ\tМатематика\t2023\tКачество\t40\n");
	ok(r.error == RI_COLUMNS && r.error_detail && strcmp(r.error_detail, "Класс") == 0 &&
	   strstr(res_result_message(&A, &r), "«Класс»"), "a missing column is named");
	r = read_tsv("Процедура\tПредмет\n");
	ok(r.error == RI_COLUMNS && strstr(res_result_message(&A, &r), "«Школа»"), "no header at all");
	r = read_tsv(HEAD);
	ok(r.error == RI_EMPTY, "a header without rows is empty");
	r = read_tsv("");
	ok(r.error == RI_EMPTY, "an empty file");
	r = one("\xd1\xce\xd8 \xb9 7\t\xce\xc3\xdd\t\xcc\xe0\xf2\xe5\xec\xe0\xf2\xe8\xea\xe0\t9\t2021\tx\t1\t\t");
	ok(r.error == RI_ENCODING && strstr(res_result_message(&A, &r), "Windows-1251"), "Windows-1251 refused: %s",
	   res_result_message(&A, &r));
	arena_reset(&A);
}

static void test_social(void)
{
	struct res_result r = read_tsv("Школа\tГод\tИндекс\tСтатус\n"
				       "СОШ № 1\t2023\t−5,5\tнеблагоприятный\n"
				       "7\t2023\t2\t\n"
				       "17\t2023\t-3\tхороший\n"
				       "Город\t2023\t-1\t\n"
				       "1\t2023\t-4\t\n");

	ok(r.error == RI_OK && r.kind == RES_SOCIAL && r.nrows == 5, "«Индекс» without «Показатель» is social data");
	ok(r.rows[0].school_id == 1 && r.rows[0].value < -5.49 && r.rows[0].value > -5.51 &&
	   r.rows[0].status == SOC_UNFAVOURABLE && r.rows[0].nerrors == 0, "index with a minus sign and a comma, status");
	ok(r.rows[1].nerrors == 0 && r.rows[1].status == SOC__MAX, "status optional");
	ok(has_error(&r.rows[2], RSE_STATUS), "unknown status");
	ok(has_error(&r.rows[3], RSE_SCHOOL), "no «Город» row in social data");
	ok(has_error(&r.rows[4], RSE_DUP), "the same school and year twice");
	r = read_tsv("Школа\tИндекс\n1\t-4\n");
	ok(r.error == RI_COLUMNS && strcmp(r.error_detail, "Год") == 0, "social data needs «Год»");
	arena_reset(&A);
}

static void test_seed_file(void)
{
	static const struct res_school ust[] = {
		{ 1, "sosh-1", "", "" }, { 2, "sosh-2", "", "" }, { 5, "sosh-5", "", "" }, { 7, "sosh-7", "", "" },
		{ 8, "sosh-8", "", "" }, { 9, "sosh-9", "", "" }, { 11, "sosh-11", "", "" }, { 12, "sosh-12", "", "" },
		{ 13, "sosh-13", "", "" }, { 14, "sosh-14", "", "" }, { 15, "sosh-15", "", "" },
		{ 17, "sosh-17", "", "" }, { 20, "gimnaziya", "", "" }, { 21, "nok", "", "" },
	};
	struct res_result r;
	size_t city = 0, region = 0;

	ok(res_read_file(&A, "db/seed/ust-ilimsk/results.tsv", RI_TSV, "ust-ilimsk", ust,
			 sizeof ust / sizeof ust[0], &r) == 0 && r.error == RI_OK, "the seed's results.tsv is read");
	ok(r.nrows == 212 && r.nerrors == 0, "all its 212 rows, no errors (%zu rows, %zu with errors)", r.nrows,
	   r.nerrors);
	for (size_t i = 0; i < r.nrows; i++) {
		city += r.rows[i].scope == SCOPE_CITY;
		region += r.rows[i].scope == SCOPE_REGION;
	}
	ok(city > 0 && region > 0 && strcmp(r.rows[1].raw, "28,6") == 0, "comparison rows by scope, raw from «raw»");
	arena_reset(&A);
}

static void test_xlsx(void)
{
	char path[] = "/tmp/test_res_import.XXXXXX.xlsx";
	lxw_workbook *wb;
	lxw_worksheet *ws;
	struct res_result r;
	int fd = mkstemps(path, 5);

	close(fd);
	wb = workbook_new(path);
	ws = workbook_add_worksheet(wb, NULL);
	worksheet_write_string(ws, 0, 0, "Школа", NULL);
	worksheet_write_string(ws, 0, 1, "Процедура", NULL);
	worksheet_write_string(ws, 0, 2, "Предмет", NULL);
	worksheet_write_string(ws, 0, 3, "Класс", NULL);
	worksheet_write_string(ws, 0, 4, "Год", NULL);
	worksheet_write_string(ws, 0, 5, "Показатель", NULL);
	worksheet_write_string(ws, 0, 6, "Значение", NULL);
	for (int i = 1; i <= 2; i++) {
		worksheet_write_number(ws, (lxw_row_t)i, 0, 7, NULL);
		worksheet_write_string(ws, (lxw_row_t)i, 1, "ВПР", NULL);
		worksheet_write_string(ws, (lxw_row_t)i, 2, "Математика", NULL);
		worksheet_write_number(ws, (lxw_row_t)i, 3, 4 + i, NULL);
		worksheet_write_number(ws, (lxw_row_t)i, 4, 2023, NULL);
		worksheet_write_string(ws, (lxw_row_t)i, 5, "Доля «2» (%)", NULL);
	}
	worksheet_write_number(ws, 1, 6, 34.5, NULL);
	worksheet_write_formula(ws, 2, 6, "=1+1", NULL);
	workbook_close(wb);
	ok(res_read_file(&A, path, RI_XLSX, "ust-ilimsk", SCHOOLS, NSCHOOLS, &r) == 0 && r.error == RI_OK &&
	   r.nrows == 2, "an XLSX is read");
	ok(r.rows[0].nerrors == 0 && r.rows[0].grade == 5 && r.rows[0].value > 34.49 && r.rows[0].value < 34.51,
	   "number cells as numbers");
	ok(has_error(&r.rows[1], RSE_FORMULA), "a formula cell is an error");
	unlink(path);
	ok(res_read_buffer(&A, "PK\3\4garbage", 11, RI_XLSX, NULL, SCHOOLS, NSCHOOLS, &r) == 0 &&
	   r.error == RI_FORMAT, "a broken XLSX is refused");
	arena_reset(&A);
}

static void test_messages(void)
{
	bool all = true;

	for (int e = 0; e <= RSE__MAX; e++)
		all &= res_row_error_message((enum res_row_error)e)[0] != '\0';
	ok(all, "every row error has a message");
	ok(res_read_buffer(NULL, "", 0, RI_TSV, NULL, NULL, 0, NULL) == -1, "NULL arguments refused");
}

int main(void)
{
	if (arena_init(&A, 256 << 10, 32 << 20) != 0)
		return 1;
	test_good_rows();
	test_row_errors();
	test_header();
	test_social();
	test_seed_file();
	test_xlsx();
	test_messages();
	return ok_done();
}
