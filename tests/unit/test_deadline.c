/*
 * test_deadline.c: deadline phrases: every phrase of the seed roadmaps parses (but the one
 * the GUIDE marks INVALID), exact windows for each row of the GUIDE's table (§3.3), and
 * edge cases: leap years, December–January, case and ё, dashes, garbage, long and
 * invalid UTF-8 input, truncation, the date arithmetic and the vocabulary.
 */
#include <glob.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deadline.h"
#include "tap.h"

#define P(yf, yt) yf, yt, 0
#define PB(yf, yt, b) yf, yt, b

struct want {
	const char *text;
	int year_from, year_to, base;
	enum deadline_kind kind;
	int n;
	const char *first, *last;   /* "2022-01-24..2022-02-01"; NULL when n is 0 */
	bool as_needed;
	const char *label_first, *label_last;
};

static const struct want cases[] = {
	/* DATE */
	{ "01.03.2022", P(2022, 2022), DL_DATE, 1, "2022-03-01..2022-03-01", NULL, false, NULL, NULL },
	{ "10.06.2022", P(2022, 2022), DL_DATE, 1, "2022-06-10..2022-06-10", NULL, false, NULL, NULL },
	{ "17 января 2022", P(2022, 2022), DL_DATE, 1, "2022-01-17..2022-01-17", NULL, false, NULL, NULL },
	{ "30 апр. 2023", P(2022, 2024), DL_DATE, 1, "2023-04-30..2023-04-30", NULL, false, NULL, NULL },
	/* RANGE, with any dash and spacing */
	{ "08.02.2022 – 05.07.2022", P(2022, 2022), DL_RANGE, 1, "2022-02-08..2022-07-05", NULL, false, NULL, NULL },
	{ "01.03.2022– 25.03.2022", P(2022, 2022), DL_RANGE, 1, "2022-03-01..2022-03-25", NULL, false, NULL, NULL },
	{ "01.03.2022-25.03.2022", P(2022, 2022), DL_RANGE, 1, "2022-03-01..2022-03-25", NULL, false, NULL, NULL },
	{ "01.03.2022 — 25.03.2022", P(2022, 2022), DL_RANGE, 1, "2022-03-01..2022-03-25", NULL, false, NULL, NULL },
	{ "10.03.2022 – 16.03.2022 05.09.2022 – 12.09.2022", P(2022, 2022), DL_RANGE, 2,
	  "2022-03-10..2022-03-16", "2022-09-05..2022-09-12", false, NULL, NULL },
	{ "24.01-01-02.2022", P(2022, 2022), DL_RANGE, 1, "2022-01-24..2022-02-01", NULL, false, NULL, NULL },
	{ "с 01.03.2022 по 25.03.2022", P(2022, 2022), DL_RANGE, 1, "2022-03-01..2022-03-25", NULL, false, NULL, NULL },
	/* MONTH or YEAR, of the base or the explicit year */
	{ "январь", P(2022, 2022), DL_MONTH, 1, "2022-01-01..2022-01-31", NULL, false, NULL, NULL },
	{ "Апрель", P(2022, 2022), DL_MONTH, 1, "2022-04-01..2022-04-30", NULL, false, NULL, NULL },
	{ "декабрь", P(2020, 2024), DL_MONTH, 1, "2020-12-01..2020-12-31", NULL, false, NULL, NULL },
	{ "октябрь 2021 г.", P(2020, 2024), DL_MONTH, 1, "2021-10-01..2021-10-31", NULL, false, NULL, NULL },
	{ "Август 2022 г", P(2020, 2024), DL_MONTH, 1, "2022-08-01..2022-08-31", NULL, false, NULL, NULL },
	{ "Ноябрь.2022г.", P(2020, 2024), DL_MONTH, 1, "2022-11-01..2022-11-30", NULL, false, NULL, NULL },
	{ "2024г.", P(2020, 2024), DL_YEAR, 1, "2024-01-01..2024-12-31", NULL, false, NULL, NULL },
	/* «Декабрь» of 003 item 1 is the previous year: the caller passes that base year */
	{ "Декабрь", PB(2022, 2022, 2021), DL_MONTH, 1, "2021-12-01..2021-12-31", NULL, false, NULL, NULL },
	/* MONTH_RANGE */
	{ "Февраль-март", P(2022, 2022), DL_MONTH_RANGE, 1, "2022-02-01..2022-03-31", NULL, false, NULL, NULL },
	{ "март - ноябрь", P(2022, 2022), DL_MONTH_RANGE, 1, "2022-03-01..2022-11-30", NULL, false, NULL, NULL },
	{ "Май-июль", P(2022, 2022), DL_MONTH_RANGE, 1, "2022-05-01..2022-07-31", NULL, false, NULL, NULL },
	{ "ноябрь 2021г.- январь 2022г.", P(2020, 2024), DL_MONTH_RANGE, 1, "2021-11-01..2022-01-31", NULL, false, NULL, NULL },
	{ "Январь - февраль 2021 год", P(2020, 2024), DL_MONTH_RANGE, 1, "2021-01-01..2021-02-28", NULL, false, NULL, NULL },
	{ "Октябрь - ноябрь 2021г.", P(2020, 2024), DL_MONTH_RANGE, 1, "2021-10-01..2021-11-30", NULL, false, NULL, NULL },
	/* OPEN, BY_DATE */
	{ "Март-", P(2022, 2022), DL_OPEN, 1, "2022-03-01..2022-12-31", NULL, false, NULL, NULL },
	{ "Март-", PB(2020, 2024, 2022), DL_OPEN, 1, "2022-03-01..2024-12-31", NULL, false, NULL, NULL },
	{ "с марта", P(2022, 2022), DL_OPEN, 1, "2022-03-01..2022-12-31", NULL, false, NULL, NULL },
	{ "До 30 апреля", P(2022, 2022), DL_BY_DATE, 1, "2022-01-01..2022-04-30", NULL, false, NULL, NULL },
	{ "не позднее 01.03.2023", PB(2022, 2024, 2022), DL_BY_DATE, 1, "2022-01-01..2023-03-01", NULL, false, NULL, NULL },
	/* CONTINUOUS */
	{ "В течение года", P(2022, 2022), DL_CONTINUOUS_YEAR, 1, "2022-01-01..2022-12-31", NULL, false, NULL, NULL },
	{ "В течение года", PB(2020, 2024, 2023), DL_CONTINUOUS_YEAR, 1, "2023-01-01..2023-12-31", NULL, false, NULL, NULL },
	{ "Постоянно", P(2020, 2024), DL_CONTINUOUS_PROGRAMME, 1, "2020-01-01..2024-12-31", NULL, false, NULL, NULL },
	{ "В течение всего периода", P(2022, 2022), DL_CONTINUOUS_PROGRAMME, 1, "2022-01-01..2022-12-31", NULL, false, NULL, NULL },
	{ "В течение срока действия программы", P(2022, 2024), DL_CONTINUOUS_PROGRAMME, 1,
	  "2022-01-01..2024-12-31", NULL, false, NULL, NULL },
	/* ANNUAL */
	{ "Ежегодно", P(2022, 2024), DL_ANNUAL, 3, "2022-01-01..2022-12-31", "2024-01-01..2024-12-31", false, NULL, NULL },
	{ "Ежегодно в течение года", P(2020, 2024), DL_ANNUAL, 5, "2020-01-01..2020-12-31", "2024-01-01..2024-12-31", false, NULL, NULL },
	{ "1 раз в год", P(2020, 2024), DL_ANNUAL, 5, "2020-01-01..2020-12-31", "2024-01-01..2024-12-31", false, NULL, NULL },
	{ "Июнь (ежегодно)", P(2020, 2024), DL_ANNUAL, 5, "2020-06-01..2020-06-30", "2024-06-01..2024-06-30", false, NULL, NULL },
	{ "сентябрь - октябрь 2021 г. ежегодно", P(2020, 2024), DL_ANNUAL, 4,
	  "2021-09-01..2021-10-31", "2024-09-01..2024-10-31", false, NULL, NULL },
	/* MONTHLY, QUARTERLY */
	{ "октябрь 2021г. Ежемесячно", P(2020, 2024), DL_MONTHLY, 39, "2021-10-01..2021-10-31", "2024-12-01..2024-12-31", false, NULL, NULL },
	{ "Ежемесячно", P(2022, 2022), DL_MONTHLY, 12, "2022-01-01..2022-01-31", "2022-12-01..2022-12-31", false, NULL, NULL },
	{ "ежеквартально", P(2022, 2023), DL_QUARTERLY, 8, "2022-01-01..2022-03-31", "2023-10-01..2023-12-31", false, NULL, NULL },
	/* LIST of years given after the months */
	{ "Ежегодно февраль 2021г., 2022г., 2023г., 2024г.", P(2020, 2024), DL_LIST, 4,
	  "2021-02-01..2021-02-28", "2024-02-01..2024-02-29", false, NULL, NULL },
	{ "Октябрь, декабрь (ежегодно 2021г., 2022г., 2023г., 2024г.)", P(2020, 2024), DL_LIST, 8,
	  "2021-10-01..2021-10-31", "2024-12-01..2024-12-31", false, NULL, NULL },
	{ "Июнь - август 2021г., 2022 г. 2023 г., 2024г.", P(2020, 2024), DL_LIST, 4,
	  "2021-06-01..2021-08-31", "2024-06-01..2024-08-31", false, NULL, NULL },
	/* SEMIANNUAL */
	{ "2 раза в год (ноябрь-декабрь, апрель-май)", P(2020, 2024), DL_SEMIANNUAL, 10,
	  "2020-04-01..2020-05-31", "2024-11-01..2024-12-31", false, NULL, NULL },
	{ "2 раза в год (декабрь, май)", P(2022, 2022), DL_SEMIANNUAL, 2,
	  "2022-05-01..2022-05-31", "2022-12-01..2022-12-31", false, NULL, NULL },
	{ "По полугодиям", P(2022, 2024), DL_SEMIANNUAL, 6, "2022-01-01..2022-06-30", "2024-07-01..2024-12-31", false, NULL, NULL },
	{ "Периодически (проведение системного анализа, не менее 2 раз в год)", P(2022, 2024), DL_SEMIANNUAL, 6,
	  "2022-01-01..2022-06-30", "2024-07-01..2024-12-31", false, NULL, NULL },
	/* EVERY_N_YEARS */
	{ "1 раз в три года", P(2022, 2024), DL_EVERY_N_YEARS, 1, "2022-01-01..2024-12-31", NULL, false, NULL, NULL },
	{ "1 раз в 3 года", P(2020, 2024), DL_EVERY_N_YEARS, 2, "2020-01-01..2022-12-31", "2023-01-01..2024-12-31", false, NULL, NULL },
	/* LIST, with as_needed and labels */
	{ "Январь 2021г. Декабрь 2021г. Декабрь 2022г. Декабрь 2023г.", P(2020, 2024), DL_LIST, 4,
	  "2021-01-01..2021-01-31", "2023-12-01..2023-12-31", false, NULL, NULL },
	{ "Ноябрь 2021г. Ноябрь.2022г. Ноябрь 2023 г. По мере необходимости", P(2020, 2024), DL_LIST, 3,
	  "2021-11-01..2021-11-30", "2023-11-01..2023-11-30", true, NULL, NULL },
	{ "Декабрь 2020г. Декабрь 2022г.", P(2020, 2024), DL_LIST, 2, "2020-12-01..2020-12-31", "2022-12-01..2022-12-31", false, NULL, NULL },
	{ "февраль 2021 (входной мониторинг) Январь 2022, 2023 (промежуточный мониторинг) Январь 2024 (итоговый мониторинг)",
	  P(2020, 2024), DL_LIST, 4, "2021-02-01..2021-02-28", "2024-01-01..2024-01-31", false,
	  "входной мониторинг", "итоговый мониторинг" },
	/* ACAD_YEAR, YEAR_RANGE */
	{ "2021-2022 уч.год", P(2020, 2024), DL_ACAD_YEAR, 1, "2021-09-01..2022-08-31", NULL, false, NULL, NULL },
	{ "2021-2022 уч.год 2022-2023 уч.год", P(2020, 2024), DL_ACAD_YEAR, 2, "2021-09-01..2022-08-31", "2022-09-01..2023-08-31", false, NULL, NULL },
	{ "В течение года 2020-2021 уч.год 2021-2022 уч.год 2022-2023 уч.год 2023-2024 уч.год", P(2020, 2024), DL_ACAD_YEAR, 4,
	  "2020-09-01..2021-08-31", "2023-09-01..2024-08-31", false, NULL, NULL },
	{ "2023-2024г.г.", P(2020, 2024), DL_YEAR_RANGE, 1, "2023-01-01..2024-12-31", NULL, false, NULL, NULL },
	{ "2020-2022 г.г. 2022-2024 г.г.", P(2020, 2024), DL_YEAR_RANGE, 2, "2020-01-01..2022-12-31", "2022-01-01..2024-12-31", false, NULL, NULL },
	/* no dates */
	{ "По запросам ОУ", P(2020, 2024), DL_ON_REQUEST, 0, NULL, NULL, false, NULL, NULL },
	{ "В соответствии с запросом", P(2022, 2024), DL_ON_REQUEST, 0, NULL, NULL, false, NULL, NULL },
	{ "По мере необходимости", P(2022, 2024), DL_ON_REQUEST, 0, NULL, NULL, true, NULL, NULL },
	{ "Согласно плану работы МКУ «Управление образования»", P(2020, 2024), DL_PER_PLAN, 0, NULL, NULL, false, NULL, NULL },
	{ "Согласно плану работы", P(2020, 2024), DL_PER_PLAN, 0, NULL, NULL, false, NULL, NULL },
	{ "Согласно плану повышению квалификации", P(2020, 2024), DL_PER_PLAN, 0, NULL, NULL, false, NULL, NULL },
	{ "В соответствии с нормативными документами", P(2022, 2024), DL_PER_PLAN, 0, NULL, NULL, false, NULL, NULL },
	{ "По мере завершения программ ПК", P(2020, 2024), DL_ON_EVENT, 0, NULL, NULL, false, NULL, NULL },
	{ "", P(2022, 2022), DL_UNSCHEDULED, 0, NULL, NULL, false, NULL, NULL },
	{ " \t ", P(2022, 2022), DL_UNSCHEDULED, 0, NULL, NULL, false, NULL, NULL },
	{ "Специалисты МКУ «Управление образования»", P(2020, 2024), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },

	/* leap years */
	{ "29.02.2024", P(2024, 2024), DL_DATE, 1, "2024-02-29..2024-02-29", NULL, false, NULL, NULL },
	{ "29.02.2023", P(2023, 2023), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
	{ "Февраль 2024", P(2024, 2024), DL_MONTH, 1, "2024-02-01..2024-02-29", NULL, false, NULL, NULL },
	{ "Февраль", P(2100, 2100), DL_MONTH, 1, "2100-02-01..2100-02-28", NULL, false, NULL, NULL },
	{ "Февраль", P(2000, 2000), DL_MONTH, 1, "2000-02-01..2000-02-29", NULL, false, NULL, NULL },
	{ "29.02-01.03.2024", P(2024, 2024), DL_RANGE, 1, "2024-02-29..2024-03-01", NULL, false, NULL, NULL },
	{ "29 февраля (ежегодно)", P(2024, 2024), DL_ANNUAL, 1, "2024-02-29..2024-02-29", NULL, false, NULL, NULL },
	{ "29 февраля (ежегодно)", P(2022, 2024), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
	/* December to January */
	{ "ноябрь-январь", P(2022, 2023), DL_MONTH_RANGE, 1, "2022-11-01..2023-01-31", NULL, false, NULL, NULL },
	{ "декабрь - январь 2022", P(2020, 2024), DL_MONTH_RANGE, 1, "2021-12-01..2022-01-31", NULL, false, NULL, NULL },
	{ "24.12-15.01.2022", P(2021, 2022), DL_RANGE, 1, "2021-12-24..2022-01-15", NULL, false, NULL, NULL },
	{ "25.12.2021 - 10.01.2022", P(2021, 2022), DL_RANGE, 1, "2021-12-25..2022-01-10", NULL, false, NULL, NULL },
	{ "Декабрь 2021 - январь", P(2021, 2022), DL_MONTH_RANGE, 1, "2021-12-01..2022-01-31", NULL, false, NULL, NULL },
	/* letter case, ё, dashes */
	{ "ЕЖЕГОДНО", P(2022, 2023), DL_ANNUAL, 2, "2022-01-01..2022-12-31", "2023-01-01..2023-12-31", false, NULL, NULL },
	{ "Ёжемесячно", P(2022, 2022), DL_MONTHLY, 12, "2022-01-01..2022-01-31", "2022-12-01..2022-12-31", false, NULL, NULL },
	{ "В ТЕЧЕНИЁ ГОДА", P(2022, 2022), DL_CONTINUOUS_YEAR, 1, "2022-01-01..2022-12-31", NULL, false, NULL, NULL },
	{ "ФЕВРАЛЬ–МАРТ", P(2022, 2022), DL_MONTH_RANGE, 1, "2022-02-01..2022-03-31", NULL, false, NULL, NULL },
	{ "февраль \xe2\x88\x92 март", P(2022, 2022), DL_MONTH_RANGE, 1, "2022-02-01..2022-03-31", NULL, false, NULL, NULL },
	{ "февраль -март", P(2022, 2022), DL_MONTH_RANGE, 1, "2022-02-01..2022-03-31", NULL, false, NULL, NULL },
	{ "ПО ЗАПРОСАМ ОУ", P(2022, 2022), DL_ON_REQUEST, 0, NULL, NULL, false, NULL, NULL },
	{ "янв.\xc2\xa0" "2022", P(2022, 2022), DL_MONTH, 1, "2022-01-01..2022-01-31", NULL, false, NULL, NULL },
	/* combinations beyond the seeds */
	{ "Ежегодно до 30 апреля", P(2022, 2024), DL_ANNUAL, 3, "2022-01-01..2022-04-30", "2024-01-01..2024-04-30", false, NULL, NULL },
	{ "Ежемесячно с октября 2021", P(2021, 2022), DL_MONTHLY, 15, "2021-10-01..2021-10-31", "2022-12-01..2022-12-31", false, NULL, NULL },
	{ "в январе и феврале", P(2022, 2022), DL_LIST, 2, "2022-01-01..2022-01-31", "2022-02-01..2022-02-28", false, NULL, NULL },
	{ "Ежегодно: январь", P(2022, 2023), DL_ANNUAL, 2, "2022-01-01..2022-01-31", "2023-01-01..2023-01-31", false, NULL, NULL },
	{ "В течение 2023 года", P(2022, 2024), DL_YEAR, 1, "2023-01-01..2023-12-31", NULL, false, NULL, NULL },
	{ "не реже 1 раза в квартал", P(2022, 2022), DL_QUARTERLY, 4, "2022-01-01..2022-03-31", "2022-10-01..2022-12-31", false, NULL, NULL },
	{ "2021/2022 учебный год", P(2020, 2024), DL_ACAD_YEAR, 1, "2021-09-01..2022-08-31", NULL, false, NULL, NULL },
	{ "Постоянно, по мере необходимости", P(2022, 2022), DL_CONTINUOUS_PROGRAMME, 1, "2022-01-01..2022-12-31", NULL, true, NULL, NULL },
	{ "Январь 2022, 2022", P(2022, 2022), DL_LIST, 1, "2022-01-01..2022-01-31", NULL, false, NULL, NULL },
	/* garbage, ambiguity and contradictions: never guessed */
	{ "Январь 2022, март", P(2022, 2022), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
	{ "Ежегодно с марта", P(2022, 2022), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
	{ "когда-нибудь", P(2022, 2022), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
	{ "asdf", P(2022, 2022), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
	{ "32.01.2022", P(2022, 2022), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
	{ "13.13.2022", P(2022, 2022), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
	{ "31.04.2022", P(2022, 2022), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
	{ "00.03.2022", P(2022, 2022), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
	{ "01.03.22", P(2022, 2022), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
	{ "2022-2021", P(2021, 2022), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
	{ "2021-2023 уч.год", P(2021, 2023), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
	{ "март 2022 - январь 2022", P(2022, 2022), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
	{ "Март 2023-", P(2022, 2022), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
	{ "1850", P(2022, 2022), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
	{ "Январь 3000", P(2022, 2022), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
	{ "(входной мониторинг)", P(2022, 2022), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
	{ "Январь (", P(2022, 2022), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
	{ "Январь )", P(2022, 2022), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
	{ "Январь ((май))", P(2022, 2022), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
	{ "3 раза в год", P(2022, 2022), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
	{ "ежегодно ежемесячно", P(2022, 2022), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
	{ "Периодически", P(2022, 2022), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
	{ "в течение всего", P(2022, 2022), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
	{ "Март-, май", P(2022, 2022), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
	{ "2 раза в год (май)", P(2022, 2022), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
	{ "ежеквартально (март)", P(2022, 2022), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
	{ "Октябрь, 2022-2024 г.г.", P(2022, 2024), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
	{ "Постоянно 2022", P(2022, 2022), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
	{ "до марта", P(2022, 2022), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
	{ "Январь 2022 (1 этап)", P(2022, 2022), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
	{ "Январь\x01", P(2022, 2022), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
	/* invalid UTF-8 */
	{ "\xff", P(2022, 2022), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
	{ "Январь \xd0", P(2022, 2022), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
	{ "\xc0\xaf", P(2022, 2022), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
	{ "\xed\xa0\x80", P(2022, 2022), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
	{ "\xf4\x90\x80\x80", P(2022, 2022), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
	/* a period the parser refuses */
	{ "Январь", P(1980, 1980), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
	{ "Январь", P(2024, 2022), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
	{ "Январь", P(2000, 2030), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
	{ "Январь", PB(2022, 2022, 3000), DL_INVALID, 0, NULL, NULL, false, NULL, NULL },
};

static void fmt_window(const struct dl_window *w, char *buf, size_t n)
{
	int y1, m1, d1, y2, m2, d2;

	deadline_date(w->from, &y1, &m1, &d1);
	deadline_date(w->to, &y2, &m2, &d2);
	snprintf(buf, n, "%04d-%02d-%02d..%04d-%02d-%02d", y1, m1, d1, y2, m2, d2);
}

static bool label_is(const struct dl_window *w, const char *want)
{
	if (!want)
		return w->label == NULL && w->label_len == 0;
	return w->label && (size_t)w->label_len == strlen(want) && memcmp(w->label, want, strlen(want)) == 0;
}

static void check_case(const struct want *c)
{
	struct dl_period p = { c->year_from, c->year_to, c->base };
	struct dl_window w[DL_WINDOWS_MAX];
	enum deadline_kind kind;
	bool as_needed, sorted = true;
	char first[40] = "", last[40] = "";
	const char *want_last = c->last ? c->last : c->first;
	int n = deadline_parse(c->text, &p, &kind, &as_needed, w, DL_WINDOWS_MAX);

	if (n > 0) {
		fmt_window(&w[0], first, sizeof first);
		fmt_window(&w[n - 1], last, sizeof last);
	}
	for (int i = 0; i < n; i++)
		if (w[i].from > w[i].to || (i && w[i - 1].from > w[i].from))
			sorted = false;
	ok(kind == c->kind && n == c->n && as_needed == c->as_needed && sorted &&
	   (!c->first || strcmp(first, c->first) == 0) && (!want_last || strcmp(last, want_last) == 0) &&
	   (n == 0 || (label_is(&w[0], c->label_first) && label_is(&w[n - 1], c->label_last))),
	   "«%s» [%d–%d] → %s, %d window(s) %s %s%s (got %s, %d: %s %s%s)", c->text, c->year_from, c->year_to,
	   deadline_kind_v[c->kind].code, c->n, c->first ? c->first : "", c->last ? c->last : "",
	   c->as_needed ? " as needed" : "", deadline_kind_v[kind].code, n, first, last,
	   as_needed ? " as needed" : "");
}

/* The labels of the monitoring rounds, window by window. */
static void check_labels(void)
{
	static const char *const want[4] = { "входной мониторинг", "промежуточный мониторинг",
					     "промежуточный мониторинг", "итоговый мониторинг" };
	struct dl_period p = { 2020, 2024, 0 };
	struct dl_window w[8];
	enum deadline_kind kind;
	bool as_needed, good;
	int n = deadline_parse("февраль 2021 (входной мониторинг) Январь 2022, 2023 (промежуточный мониторинг) "
			       "Январь 2024 (итоговый мониторинг)", &p, &kind, &as_needed, w, 8);

	good = n == 4;
	for (int i = 0; good && i < 4; i++)
		good = label_is(&w[i], want[i]);
	ok(good, "each monitoring round keeps its own label");
}

/* A distinct (roadmap, phrase) pair of the seeds with the roadmap's years. */
struct seed_phrase {
	char *text;
	char *roadmap;
	int year_from, year_to;
};

static char *field(char *line, int col)
{
	char *s = line;

	for (int i = 0; i < col; i++) {
		s = strchr(s, '\t');
		if (!s)
			return NULL;
		s++;
	}
	return s;
}

static char *field_dup(char *line, int col)
{
	char *s = field(line, col);
	size_t n;

	if (!s)
		return NULL;
	n = strcspn(s, "\t\n");
	char *d = malloc(n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

/* The years of roadmap `slug` of the folder `dir` (roadmaps.tsv); false if absent. */
static bool roadmap_years(const char *dir, const char *slug, int *yf, int *yt)
{
	char path[600], line[8192];
	bool found = false;
	FILE *f;

	snprintf(path, sizeof path, "%s/roadmaps.tsv", dir);
	if (!(f = fopen(path, "r")))
		return false;
	while (!found && fgets(line, sizeof line, f)) {
		char *s = field_dup(line, 1), *a = field(line, 4), *b = field(line, 5);
		if (s && a && b && strcmp(s, slug) == 0) {
			*yf = atoi(a);
			*yt = atoi(b);
			found = *yf > 0;
		}
		free(s);
	}
	fclose(f);
	return found;
}

static void check_seeds(void)
{
	static const char *const invalid[] = { "Специалисты МКУ «Управление образования»" };
	struct seed_phrase *ph = NULL;
	int nph = 0, parsed = 0, ndistinct = 0;
	glob_t g;
	char line[8192];

	if (glob("db/seed/*/roadmap_items.tsv", 0, NULL, &g) != 0) {
		ok(0, "seed roadmaps found in db/seed/*/roadmap_items.tsv");
		return;
	}
	for (size_t k = 0; k < g.gl_pathc; k++) {
		char dir[512];
		FILE *f = fopen(g.gl_pathv[k], "r");
		snprintf(dir, sizeof dir, "%.*s", (int)(strrchr(g.gl_pathv[k], '/') - g.gl_pathv[k]), g.gl_pathv[k]);
		if (!f)
			continue;
		for (int row = 0; fgets(line, sizeof line, f); row++) {
			char *slug, *text;
			int yf, yt, i;
			if (row == 0 || !(slug = field_dup(line, 1)) || !(text = field_dup(line, 7)))
				continue;
			if (!roadmap_years(dir, slug, &yf, &yt)) {
				ok(0, "%s: roadmap %s has years in roadmaps.tsv", dir, slug);
				free(slug);
				free(text);
				continue;
			}
			for (i = 0; i < nph; i++)
				if (strcmp(ph[i].text, text) == 0 && strcmp(ph[i].roadmap, slug) == 0 &&
				    ph[i].year_from == yf && ph[i].year_to == yt)
					break;
			if (i < nph) {
				free(slug);
				free(text);
				continue;
			}
			ph = realloc(ph, (size_t)(nph + 1) * sizeof *ph);
			ph[nph++] = (struct seed_phrase){ text, slug, yf, yt };
		}
		fclose(f);
	}
	globfree(&g);
	ok(nph >= 80, "the seed roadmaps have %d distinct (roadmap, phrase) pairs", nph);
	for (int i = 0; i < nph; i++) {
		struct dl_period p = { ph[i].year_from, ph[i].year_to, 0 };
		struct dl_window w[DL_WINDOWS_MAX];
		enum deadline_kind kind;
		bool as_needed, want_invalid = false, dup = false;
		int n = deadline_parse(ph[i].text, &p, &kind, &as_needed, w, DL_WINDOWS_MAX);

		for (size_t k = 0; k < sizeof invalid / sizeof invalid[0]; k++)
			want_invalid |= strcmp(ph[i].text, invalid[k]) == 0;
		for (int j = 0; j < i; j++)
			dup |= strcmp(ph[j].text, ph[i].text) == 0;
		ndistinct += !dup;
		parsed += !dup && kind != DL_INVALID;
		if (kind == DL_INVALID && !want_invalid)
			printf("# unparsed: «%s»\n", ph[i].text);
		ok(want_invalid ? kind == DL_INVALID && n == 0 : kind != DL_INVALID,
		   "seed %s [%d–%d]: «%s» → %s, %d window(s)", ph[i].roadmap, ph[i].year_from, ph[i].year_to,
		   ph[i].text, deadline_kind_v[kind].code, n);
	}
	printf("# seed phrases: %d of %d distinct texts parsed\n", parsed, ndistinct);
	for (int i = 0; i < nph; i++) {
		free(ph[i].text);
		free(ph[i].roadmap);
	}
	free(ph);
}

static void check_limits(void)
{
	struct dl_period p = { 2022, 2022, 0 };
	struct dl_window w[DL_WINDOWS_MAX];
	enum deadline_kind kind;
	bool as_needed;
	char *big = malloc(10 * 1024 + 1), pad[DL_TEXT_MAX + 2];
	int n;

	for (int i = 0; i < 10 * 1024; i++)
		big[i] = "январь "[i % 7];   /* bytes, so the text is cut mid-letter too */
	big[10 * 1024] = '\0';
	n = deadline_parse(big, &p, &kind, &as_needed, w, DL_WINDOWS_MAX);
	ok(kind == DL_INVALID && n == 0, "10 KB of text is DL_INVALID");
	memset(big, ' ', 10 * 1024);
	n = deadline_parse(big, &p, &kind, &as_needed, w, DL_WINDOWS_MAX);
	ok(kind == DL_INVALID && n == 0, "10 KB of spaces is DL_INVALID");
	free(big);

	memset(pad, ' ', sizeof pad);
	memcpy(pad, "Январь", strlen("Январь"));
	pad[DL_TEXT_MAX] = '\0';
	n = deadline_parse(pad, &p, &kind, &as_needed, w, DL_WINDOWS_MAX);
	ok(kind == DL_MONTH && n == 1, "a phrase of exactly DL_TEXT_MAX bytes is parsed");
	pad[DL_TEXT_MAX] = ' ';
	pad[DL_TEXT_MAX + 1] = '\0';
	n = deadline_parse(pad, &p, &kind, &as_needed, w, DL_WINDOWS_MAX);
	ok(kind == DL_INVALID && n == 0, "one byte more is DL_INVALID");

	n = deadline_parse("Ежемесячно", &p, &kind, &as_needed, w, 5);
	ok(kind == DL_MONTHLY && n == 5 && w[4].from == deadline_days(2022, 5, 1),
	   "max = 5 keeps the first five months");
	n = deadline_parse("Ежемесячно", &p, &kind, &as_needed, NULL, 0);
	ok(kind == DL_MONTHLY && n == 0, "max = 0 stores nothing but still names the kind");
	n = deadline_parse("Ежемесячно", &p, &kind, &as_needed, w, -1);
	ok(n == 0, "a negative max stores nothing");
	n = deadline_parse(NULL, &p, &kind, &as_needed, w, DL_WINDOWS_MAX);
	ok(kind == DL_UNSCHEDULED && n == 0, "NULL text is DL_UNSCHEDULED");
	n = deadline_parse("Январь", NULL, &kind, &as_needed, w, DL_WINDOWS_MAX);
	ok(kind == DL_INVALID && n == 0, "NULL period is DL_INVALID");
	n = deadline_parse("Январь", &p, NULL, NULL, w, DL_WINDOWS_MAX);
	ok(n == 1, "kind and as_needed may be NULL");

	struct dl_period wide = { 2005, 2024, 0 };
	n = deadline_parse("Ежемесячно", &wide, &kind, &as_needed, w, DL_WINDOWS_MAX);
	ok(kind == DL_MONTHLY && n == 240, "monthly over the widest period: 240 windows (got %d)", n);

	char list[DL_TEXT_MAX + 1] = "";
	for (int y = 1990; strlen(list) + 12 < sizeof list && y <= 2100; y++)
		snprintf(list + strlen(list), sizeof list - strlen(list), "%d, ", y);
	n = deadline_parse(list, &p, &kind, &as_needed, w, DL_WINDOWS_MAX);
	ok(kind == DL_LIST && n > 80, "a long list of years: %d windows", n);
}

static void check_dates(void)
{
	bool good = true;
	int y, m, d;

	ok(deadline_days(1970, 1, 1) == 0 && deadline_days(2000, 3, 1) - deadline_days(2000, 2, 28) == 2 &&
	   deadline_days(2100, 3, 1) - deadline_days(2100, 2, 28) == 1 && deadline_days(1969, 12, 31) == -1,
	   "deadline_days: epoch, 2000 leap, 2100 not leap");
	for (int z = deadline_days(1990, 1, 1); z <= deadline_days(2100, 12, 31); z++) {
		deadline_date(z, &y, &m, &d);
		if (deadline_days(y, m, d) != z || m < 1 || m > 12 || d < 1 || d > 31)
			good = false;
	}
	ok(good, "deadline_date inverts deadline_days for every day of 1990–2100");
}

static void check_vocab(void)
{
	bool good = true;

	for (int i = 0; i < DL__MAX; i++) {
		if (!deadline_kind_v[i].code || !*deadline_kind_v[i].code || !deadline_kind_v[i].label ||
		    !*deadline_kind_v[i].label)
			good = false;
		for (int j = 0; j < i; j++)
			if (strcmp(deadline_kind_v[i].code, deadline_kind_v[j].code) == 0 ||
			    strcmp(deadline_kind_v[i].label, deadline_kind_v[j].label) == 0)
				good = false;
	}
	ok(good, "deadline_kind_v: codes and labels present and unique");
	ok(VOCAB_FIND(deadline_kind_v, "semiannual") == DL_SEMIANNUAL && VOCAB_FIND(deadline_kind_v, "x") == DL__MAX,
	   "deadline_kind_v: lookup by code");
}

int main(void)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		check_case(&cases[i]);
	check_labels();
	check_seeds();
	check_limits();
	check_dates();
	check_vocab();
	return ok_done();
}
