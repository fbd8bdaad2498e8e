/*
 * fuzz_deadline.c: libFuzzer target for the deadline-phrase parser. The first three bytes
 * choose the period, the base year and `max`; the rest is the phrase. Aborts unless the
 * windows are at most `max`, sorted, each from <= to, within 1990–2100, labelled only
 * with text inside the phrase, and absent for the kinds that have none.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "deadline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dl_window w[DL_WINDOWS_MAX + 1];
	enum deadline_kind kind;
	bool as_needed;
	char *text;
	int max, n;

	if (size < 3)
		return 0;
	struct dl_period p = { 2015 + data[0] % 10, 0, 0 };
	p.year_to = p.year_from + data[1] % 8;
	p.base_year = data[1] & 0x80 ? p.year_from - 1 : 0;
	max = data[2] == 0xff ? DL_WINDOWS_MAX : data[2] % 64;
	text = malloc(size - 3 + 1);
	memcpy(text, data + 3, size - 3);
	text[size - 3] = '\0';

	memset(w, 0xa5, sizeof w);
	n = deadline_parse(text, &p, &kind, &as_needed, w, max);
	if (n < 0 || n > max || (int)kind < 0 || kind >= DL__MAX)
		abort();
	if (n && (kind == DL_ON_REQUEST || kind == DL_PER_PLAN || kind == DL_ON_EVENT ||
		  kind == DL_UNSCHEDULED || kind == DL_INVALID))
		abort();
	for (size_t b = 0; b < sizeof w[0]; b++)   /* nothing written past max */
		if (((const unsigned char *)&w[max])[b] != 0xa5)
			abort();
	for (int i = 0; i < n; i++) {
		int y1, m1, d1, y2, m2, d2;
		deadline_date(w[i].from, &y1, &m1, &d1);
		deadline_date(w[i].to, &y2, &m2, &d2);
		if (w[i].from > w[i].to || y1 < 1990 || y2 > 2100)
			abort();
		if (i && (w[i - 1].from > w[i].from || (w[i - 1].from == w[i].from && w[i - 1].to > w[i].to)))
			abort();
		if ((w[i].label == NULL) != (w[i].label_len == 0))
			abort();
		if (w[i].label && (w[i].label < text || w[i].label_len < 0 ||
				   w[i].label + w[i].label_len > text + (size - 3)))
			abort();
	}
	/* the same input gives the same answer: no hidden state */
	enum deadline_kind kind2;
	bool as_needed2;
	struct dl_window w2[DL_WINDOWS_MAX];
	if (deadline_parse(text, &p, &kind2, &as_needed2, w2, max) != n || kind2 != kind ||
	    as_needed2 != as_needed)
		abort();
	for (int i = 0; i < n; i++)   /* field by field: the struct has padding */
		if (w2[i].from != w[i].from || w2[i].to != w[i].to || w2[i].label != w[i].label ||
		    w2[i].label_len != w[i].label_len)
			abort();
	free(text);
	return 0;
}
