/* fuzz_cookie.c: libFuzzer target for the Cookie header reader. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *header = malloc(size + 1), out[8];

	memcpy(header, data, size);
	header[size] = '\0';
	if (http_cookie(header, "vi", out, sizeof out) && strlen(out) >= sizeof out)
		abort();   /* a value longer than the buffer was accepted */
	free(header);
	return 0;
}
