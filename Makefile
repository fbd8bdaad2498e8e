# Makefile: builds the portal (cgi-bin/kachestvo.fcgi), runs it (make run), tests it
# (make test), measures it (make bench). Objects go to build/ (build/san/ with sanitizers).

PORT     ?= 8080
DATA_DIR ?= var
-include Makefile.local

PKGS     = sqlite3 libctemplate fcgi libsodium libmagic xlsxwriter libzip expat libcurl libcmark
WARN     = -Wall -Wextra -Wformat=2 -Wshadow -Werror
CFLAGS   = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g -O2 $(WARN) \
           $(shell pkg-config --cflags $(PKGS))
CXXFLAGS = -std=c++17 -g -O2 $(WARN) $(shell pkg-config --cflags $(PKGS))
LDLIBS   = $(shell pkg-config --libs $(PKGS)) -lstemmer -lpthread   # libstemmer has no .pc file
SANFLAGS = -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined

# The application, in the order of a request's path; main.o is kept apart so tests can link the rest.
LIBSRC = src/http.c \
         src/upload.c \
         src/valid.c \
         src/session.c \
         src/multipart.c \
         src/route.c \
         src/render.c \
         src/page_home.c \
         src/page_municipality.c \
         src/page_school.c \
         src/page_roadmap.c \
         src/page_misc.c \
         src/page_login.c \
         src/page_docs.c \
         src/page_review.c \
         src/page_items.c \
         src/page_import.c \
         src/page_results_import.c \
         src/page_roadmap_schools.c \
         src/page_roadmap_edit.c \
         src/page_indicators.c \
         src/page_common.c \
         src/page_content.c \
         src/page_news.c \
         src/page_freshness.c \
         src/content.c \
         src/md.c \
         src/diff.c \
         src/page_dash.c \
         src/page_search.c \
         src/dash.c \
         src/dash_views.c \
         src/dash_results.c \
         src/dash_indicators.c \
         src/chart.c \
         src/cache.c \
         src/actors.c \
         src/view.c \
         src/vocab.c \
         src/deadline.c \
         src/ri_read.c \
         src/roadmap_import.c \
         src/res_import.c \
         src/db_result_import.c \
         src/ri_text.c \
         src/ri_xlsx.c \
         src/export.c \
         src/ident.c \
         src/db_ident.c \
         src/page_ident.c \
         src/page_ident_view.c \
         src/page_ident_decide.c \
         src/page_ident_settings.c \
         src/monitor.c \
         src/monitor_fetch.c \
         src/monitor_scan.c \
         src/page_monitor.c \
         src/db_monitor.c \
         src/db.c \
         src/db_municipality.c \
         src/db_school.c \
         src/db_content.c \
         src/db_result.c \
         src/db_indicator.c \
         src/indicator.c \
         src/db_dash.c \
         src/db_roadmap.c \
         src/db_document.c \
         src/db_search.c \
         src/search_tok.c \
         src/db_occurrence.c \
         src/db_roadmap_edit.c \
         src/schedule.c \
         src/db_user.c \
         src/db_audit.c \
         src/db_outbox.c \
         src/outbox.c \
         src/mail_msg.c \
         src/mail_send.c \
         src/page_mail.c \
         src/page_feed.c \
         src/page_opendata.c \
         src/db_feed.c \
         src/auth.c \
         src/arena.c \
         src/buf.c \
         src/config.c \
         src/log.c
LIBCXX = src/tpl_bridge.cc

UNIT   = arena http route vocab config db view tpl auth cache seed multipart admin deadline export roadmap_import \
         res_import ident indicator chart search_tok monitor md diff mail
E2E    = pages hostile docs attacks roadmap roadmap-edit import results-import ident indicators dashboard \
         crash backup plans slowloris load diskfull nginx-cache search monitor content mail feeds

OBJ      = $(LIBSRC:src/%.c=build/%.o) $(LIBCXX:src/%.cc=build/%.o)
SANOBJ   = $(LIBSRC:src/%.c=build/san/%.o) $(LIBCXX:src/%.cc=build/san/%.o)
FUZZ     = query path cookie multipart deadline roadmap_import res_import
FUZZOBJ  = $(LIBSRC:src/%.c=build/fuzz/obj/%.o) $(LIBCXX:src/%.cc=build/fuzz/obj/%.o)
FUZZBIN  = $(FUZZ:%=build/fuzz/fuzz_%)
FUZZFLAGS = -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_SECONDS ?= 60
UNITBIN  = $(UNIT:%=build/tests/test_%) $(UNIT:%=build/san/tests/test_%)
E2EBIN   = $(E2E:%=build/tests/test-%)

.PHONY: all deps run test check fuzz soak clean
all: cgi-bin/kachestvo.fcgi cgi-bin/kachestvo-admin

deps:
	@sh tests/install-deps.sh run

run: deps
	@$(MAKE) --no-print-directory all
	@PORT=$(PORT) DATA_DIR=$(DATA_DIR) sh src/run.sh

cgi-bin/kachestvo.fcgi: build/main.o $(OBJ)
	@mkdir -p $(@D)
	$(CXX) -o $@ $^ $(LDLIBS)

build/san/kachestvo.fcgi: build/san/main.o $(SANOBJ)
	$(CXX) $(SANFLAGS) -o $@ $^ $(LDLIBS)

# The account-management command (src/admin.c) links the same library objects.
cgi-bin/kachestvo-admin: build/admin.o build/admin_users.o build/admin_demo.o build/admin_backup.o build/admin_monitor.o $(OBJ)
	@mkdir -p $(@D)
	$(CXX) -o $@ $^ $(LDLIBS)

build/san/kachestvo-admin: build/san/admin.o build/san/admin_users.o build/san/admin_demo.o build/san/admin_backup.o build/san/admin_monitor.o $(SANOBJ)
	$(CXX) $(SANFLAGS) -o $@ $^ $(LDLIBS)

build/%.o: src/%.c src/*.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c -o $@ $<
build/%.o: src/%.cc src/*.h
	@mkdir -p $(@D)
	$(CXX) $(CXXFLAGS) -c -o $@ $<
build/san/%.o: src/%.c src/*.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SANFLAGS) -c -o $@ $<
build/san/%.o: src/%.cc src/*.h
	@mkdir -p $(@D)
	$(CXX) $(CXXFLAGS) $(SANFLAGS) -c -o $@ $<

# Fuzz targets (libFuzzer, clang) link the whole application but main.o.
build/fuzz/obj/%.o: src/%.c src/*.h
	@mkdir -p $(@D)
	clang $(CFLAGS) $(FUZZFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<
build/fuzz/obj/%.o: src/%.cc src/*.h
	@mkdir -p $(@D)
	clang++ $(CXXFLAGS) $(FUZZFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<
build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZOBJ)
	clang++ -x c $(CFLAGS) $(FUZZFLAGS) -fsanitize=fuzzer -Isrc -o $@ $< -x none $(FUZZOBJ) $(LDLIBS)

# Unit tests link the application without main.o; e2e tests link libcurl, SQLite, libsodium and their harness.
build/tests/test_%: tests/unit/test_%.c tests/unit/tap.h $(OBJ)
	@mkdir -p $(@D)
	$(CXX) -x c $(CFLAGS) -Isrc -o $@ $< -x none $(OBJ) $(LDLIBS)
build/san/tests/test_%: tests/unit/test_%.c tests/unit/tap.h $(SANOBJ)
	@mkdir -p $(@D)
	$(CXX) -x c $(CFLAGS) $(SANFLAGS) -Isrc -o $@ $< -x none $(SANOBJ) $(LDLIBS)
# test_admin runs the command: the plain build, or the sanitizer build under build/san/.
build/tests/test_admin: cgi-bin/kachestvo-admin
build/san/tests/test_admin: build/san/kachestvo-admin
build/tests/test-%: tests/e2e/test-%.c tests/e2e/e2e.c tests/e2e/e2e.h tests/unit/tap.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Itests/unit -o $@ $< tests/e2e/e2e.c $$(pkg-config --libs libcurl sqlite3 libsodium)

# The test tiers; each command prints ok / not ok lines, tests/run.sh adds them up.
TESTS = $(UNIT:%=build/tests/test_%) \
        $(UNIT:%=build/san/tests/test_%) \
        $(E2E:%=build/tests/test-%) \
        $(foreach t,$(E2E),"APP=build/san/kachestvo.fcgi build/tests/test-$(t)") \
        "APP_WRAP='valgrind --leak-check=full --show-leak-kinds=definite --suppressions=$(CURDIR)/tests/valgrind.supp' build/tests/test-pages" \
        "sh tests/check.sh" \
        "node tests/browser/browser.mjs" \
        "sh tests/fuzz/run.sh 10"

test:
	@sh tests/install-deps.sh test
	@npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
	@$(MAKE) --no-print-directory all build/san/kachestvo.fcgi $(UNITBIN) $(E2EBIN) $(FUZZBIN)
	@sh tests/run.sh $(TESTS)

fuzz:
	@sh tests/install-deps.sh test
	@$(MAKE) --no-print-directory $(FUZZBIN)
	@sh tests/run.sh "sh tests/fuzz/run.sh $(FUZZ_SECONDS)"

# The long versions: mixed load at 64 connections for 60 s, 200 kills of the app.
soak:
	@sh tests/install-deps.sh test
	@$(MAKE) --no-print-directory all build/tests/test-load build/tests/test-crash
	@sh tests/run.sh "LOAD_CONNS=64 LOAD_SECONDS=60 build/tests/test-load" "CRASH_ROUNDS=200 build/tests/test-crash"

check:
	@sh tests/check.sh

clean:
	rm -rf build cgi-bin

include tests/bench/bench.mk
