# bench.mk: `make bench`: builds the FastCGI hello baseline and runs tests/bench/bench.sh
# (static file, hello, app pages through nginx with wrk; app memory per request; a 1 GiB upload;
# roadmap pages of generated municipalities of 100 and 1,000 schools: tests/bench/generate.sh).

.PHONY: bench

build/bench/hello: tests/bench/hello.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $< $(shell pkg-config --libs fcgi) -lpthread

bench:
	@sh tests/install-deps.sh bench
	@$(MAKE) --no-print-directory all build/bench/hello
	@sh tests/bench/bench.sh
