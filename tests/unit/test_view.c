/* test_view.c: dates, shares with a decimal comma, URL arguments, local paths; actors. */
#include <string.h>

#include "actors.h"
#include "arena.h"
#include "tap.h"
#include "view.h"

int main(void)
{
	struct arena a;
	const char *parts[8];

	arena_init(&a, 4096, 1 << 20);
	ok(strcmp(view_date(&a, 0), "01.01.1970") == 0, "epoch date");
	ok(strcmp(view_date(&a, 1795435200), "23.11.2026") == 0, "a date in 2026");
	ok(strcmp(view_share(&a, 0, 60), "0,0") == 0, "0 of 60");
	ok(strcmp(view_share(&a, 1, 3), "33,3") == 0, "1 of 3 rounds down");
	ok(strcmp(view_share(&a, 2, 3), "66,7") == 0, "2 of 3 rounds up");
	ok(strcmp(view_share(&a, 60, 60), "100,0") == 0, "all");
	ok(strcmp(view_share(&a, 0, 0), "—") == 0, "no denominator");
	ok(strcmp(view_url_arg(&a, "/a b/?x=<1>&"), "/a%20b/%3Fx%3D%3C1%3E%26") == 0,
	   "URL argument encoding");
	ok(strcmp(view_url_arg(&a, "Уо"), "%D0%A3%D0%BE") == 0, "UTF-8 bytes encoded");
	ok(strcmp(view_datetime(&a, 1795435200), "23.11.2026 12:00") == 0, "date and time");
	ok(strcmp(view_disposition(&a, "Концепция \"x\";.pdf"),
		  "attachment; filename=\"__________________ _x__.pdf\"; "
		  "filename*=UTF-8''%D0%9A%D0%BE%D0%BD%D1%86%D0%B5%D0%BF%D1%86%D0%B8%D1%8F%20%22x%22%3B.pdf") == 0,
	   "Content-Disposition: ASCII fallback and RFC 5987 name");
	ok(strcmp(view_disposition(&a, ""), "attachment") == 0, "no name, plain attachment");
	ok(view_local_path("/ust-ilimsk/"), "local path");
	ok(!view_local_path("//evil.example/"), "protocol-relative refused");
	ok(!view_local_path("/\\evil.example"), "backslash trick refused");
	ok(!view_local_path("https://evil.example/"), "absolute URL refused");
	ok(!view_local_path(NULL), "NULL refused");

	size_t n = actors_split(&a, "Управление образования, МКУ «ЦРО, ИМЦ»; руководители ОУ.", parts, 8);
	ok(n == 3 && strcmp(parts[0], "Управление образования") == 0 &&
	   strcmp(parts[1], "МКУ «ЦРО, ИМЦ»") == 0 && strcmp(parts[2], "руководители ОУ") == 0,
	   "actors split at , and ; outside «» (%zu parts)", n);
	ok(actors_split(&a, " , ;", parts, 8) == 0, "empty parts dropped");
	ok(actors_split(&a, NULL, parts, 8) == 0, "NULL text");
	ok(actors_split(&a, "a, b, c", parts, 2) == 2, "at most max parts");
	ok(actors_contains(&a, "ОУ, УО", "УО"), "contains a part");
	ok(!actors_contains(&a, "ОУ, УО", "У"), "not a substring match");
	ok(strcmp(actors_fold(&a, "Муниципальный КООРДИНАТОР Ёлки ABC яЯ"),
		  "муниципальный координатор елки abc яя") == 0, "case folding of Cyrillic and Latin");
	ok(actors_contains(&a, "Управление образования, муниципальный координатор",
			   "Муниципальный координатор"), "parties match whatever their case");
	arena_free(&a);
	return ok_done();
}
