#!/bin/sh
# bench.sh: measures the portal behind nginx with wrk against two baselines: a static file
# and a trivial FastCGI "hello" (build/bench/hello). Builds nothing: run `make bench`.
# Starts src/run.sh (own PORT, temp DATA_DIR, own process group, KACHESTVO_UPLOAD_MAX_MB=1100)
# plus hello on DATA_DIR/hello.sock, reached through DATA_DIR/nginx.d/bench.conf; prints name,
# req/s, p50, p99 per target (static, hello, school, municipality, roadmap) with the FastCGI
# process's CPU time per request, the ratios school/hello and school/static, and the app's
# VmRSS before and after.
# Memory per request: VmRSS after a warm-up of every app page against VmRSS after all app
# targets (at least BENCH_MIN_REQS app requests, counted from wrk's totals; a top-up run of
# the school page makes up a shortfall); target: no growth (<= 10 %).
# A 1 GiB upload: logs in as the demo school administrator school-sosh-5, POSTs a sparse
# 1 GiB "PDF" to /ust-ilimsk/schools/sosh-5/docs/ (expects 303), prints time, throughput and
# the app's VmRSS/VmHWM growth (target <= 8 MiB), checks the stored file's SHA-256.
# Roadmaps at scale (issue 5): the first start of run.sh creates and seeds the database; the
# stack is stopped, tests/bench/generate.sh adds bench-100 (100 schools) and bench-1000 (1,000
# schools), each school with its own 60-item roadmap, scheduled by the app and partly worked
# on, and the stack starts again on that database for every measurement. Extra targets (each
# anonymous and fresh, BENCH_SCALE_DURATION): a school's roadmap page and the school page at
# bench-1000, the municipal summary of school roadmaps at bench-100 and bench-1000; each
# page's req/s against the ust-ilimsk school page (school or school-fresh) and the growth of
# the fresh summary's time per request from 100 to 1,000 schools (target <= 10: linear).
# The coordinator's dashboard (issue 6), signed in as the region administrator (a session
# cookie, so never the page cache): at ust-ilimsk, bench-100 and bench-1000 (generate.sql
# gives those lists, risks and results), each against school-fresh, and its growth from 100
# to 1,000 schools (target <= 10: linear).
# Search (issue 9): tests/bench/generate_search.sql adds bench-search (40,000 schools, each with
# a published and a draft document and 3 roadmap items), indexed by `$APP --migrate`; targets
# search40k-fresh («программы антирисковых мер»: every school's document and item match, the
# page counts them all) and search40k-school-fresh («СОШ № 12345»), anonymous, against school-fresh.
# Saves the table as DATA_DIR/bench.csv, copied to build/bench/bench.csv.
# Environment: BENCH_PORT (18089), BENCH_DURATION (10s), BENCH_WARMUP (2s), BENCH_THREADS (2),
# BENCH_CONNS (32), BENCH_MIN_REQS (100000), BENCH_UPLOAD=0 (skip the upload),
# BENCH_SCALE=0 (no generated data, no extra targets), BENCH_SCALE_DURATION (5s),
# BENCH_SCALE_WARMUP (1s), BENCH_SCALE_TIMEOUT (10s: wrk's per-request timeout there),
# BENCH_PERF=1 (perf-record the app during the school run: build/bench/perf.txt; disturbs
# that run), BENCH_KEEP=1 (keep the temp data dir), APP (the app binary, as in run.sh).
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
export LC_ALL=C
PORT=${BENCH_PORT:-18089}
DURATION=${BENCH_DURATION:-10s}
WARMUP=${BENCH_WARMUP:-2s}
WRK_THREADS=${BENCH_THREADS:-2}
WRK_CONNS=${BENCH_CONNS:-32}
MIN_REQS=${BENCH_MIN_REQS:-100000}
SCALE=${BENCH_SCALE:-1}
SCALE_DURATION=${BENCH_SCALE_DURATION:-5s}
SCALE_WARMUP=${BENCH_SCALE_WARMUP:-1s}
SCALE_TIMEOUT=${BENCH_SCALE_TIMEOUT:-10s}
UPLOAD_MB=1100                  # the app's cap and, through run.sh, nginx's body limit
UPLOAD_BYTES=1073741824         # 1 GiB
UPLOAD_SCHOOL=/ust-ilimsk/schools/sosh-5
UPLOAD_LOGIN=school-sosh-5
export APP="${APP:-$ROOT/cgi-bin/kachestvo.fcgi}"
HELLO=$ROOT/build/bench/hello
OUT=$ROOT/build/bench
BASE=http://127.0.0.1:$PORT

die() { echo "bench.sh: $*" >&2; exit 1; }
[ -x "$APP" ] || die "$APP is missing: run make bench (or make all)"
[ -x "$HELLO" ] || die "$HELLO is missing: run make bench"
command -v wrk >/dev/null || die "wrk is missing: sh tests/install-deps.sh bench"
command -v curl >/dev/null || die "curl is missing"
curl -s -o /dev/null --max-time 1 "$BASE/" && die "port $PORT is busy; set BENCH_PORT"

DATA=$(mktemp -d "${TMPDIR:-/tmp}/kachestvo-bench.XXXXXX")
run_pgid=
hello_pid=
ok=0

show_logs() {
	for f in "$DATA/run.log" "$DATA/hello.log" "$DATA/logs/app.log" "$DATA/logs/nginx-error.log"; do
		[ -s "$f" ] || continue
		echo "--- $f (last lines)" >&2
		tail -n 15 "$f" >&2
	done
}

# Is a process of group $1 still running (zombies, such as an unreaped run.sh, do not count)?
group_alive() {
	for p in $(pgrep -g "$1" 2>/dev/null); do
		[ "$(awk '{ print $3 }' "/proc/$p/stat" 2>/dev/null)" = Z ] || return 0
	done
	return 1
}

# Stops run.sh (its own process group): run.sh stops nginx (QUIT) and the app (TERM) itself;
# the group kill after 10 s is the fallback.
stop_stack() {
	[ -n "$run_pgid" ] || return 0
	kill -s TERM "$run_pgid" 2>/dev/null || true
	i=0
	while group_alive "$run_pgid" && [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	kill -s KILL -- "-$run_pgid" 2>/dev/null || true
	wait "$run_pgid" 2>/dev/null || true
	run_pgid=
}

cleanup() {
	trap - EXIT INT TERM
	[ "$ok" -eq 1 ] || show_logs
	stop_stack
	if [ -n "$hello_pid" ]; then
		kill -s TERM "$hello_pid" 2>/dev/null || true
		wait "$hello_pid" 2>/dev/null || true
	fi
	if [ -f "$DATA/bench.csv" ]; then
		mkdir -p "$OUT"
		cp "$DATA/bench.csv" "$OUT/bench.csv"
	fi
	if [ "${BENCH_KEEP:-0}" = 1 ]; then
		echo "bench.sh: data kept in $DATA"
	else
		rm -rf "$DATA"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The static target: the site's stylesheet once it exists, else a small file of our own.
if [ -f "$ROOT/static/site.css" ]; then
	STATIC_URL=/static/site.css
else
	mkdir -p "$DATA/bench-static"
	i=0
	while [ $i -lt 64 ]; do
		echo ".bench-rule-$i { margin: 0 auto; padding: 0.5rem 1rem; color: #222; }"
		i=$((i + 1))
	done >"$DATA/bench-static/site.css"
	STATIC_URL=/__bench/static/site.css
fi

# Benchmark-only locations; nginx reads nginx.d/*.conf inside the server block at start.
mkdir -p "$DATA/nginx.d"
sed "s|@DATA@|$DATA|g" >"$DATA/nginx.d/bench.conf" <<'EOF'
# bench.conf: written by tests/bench/bench.sh; benchmark baselines only.
location = /__bench/hello {
	fastcgi_pass unix:@DATA@/hello.sock;
	fastcgi_param REQUEST_METHOD $request_method;
	fastcgi_param REQUEST_URI $request_uri;
	fastcgi_param QUERY_STRING $query_string;
	fastcgi_param CONTENT_TYPE $content_type;
	fastcgi_param CONTENT_LENGTH $content_length;
	fastcgi_param REMOTE_ADDR $remote_addr;
	fastcgi_param REQUEST_ID $request_id;
}
location /__bench/static/ {
	alias @DATA@/bench-static/;
}
EOF

# wrk prints one machine-readable line at the end (latencies are in microseconds).
cat >"$DATA/report.lua" <<'EOF'
done = function(summary, latency, requests)
	local e = summary.errors
	io.write(string.format("RESULT %.1f %.3f %.3f %d %d\n",
		summary.requests / (summary.duration / 1e6),
		latency:percentile(50) / 1000, latency:percentile(99) / 1000,
		summary.requests, e.connect + e.read + e.write + e.status + e.timeout))
end
EOF

"$HELLO" "$DATA/hello.sock" >"$DATA/hello.log" 2>&1 &
hello_pid=$!

# The value of the hidden _csrf field in the form after the line matching $1 (a regex).
csrf_after() {
	awk -v start="$1" '$0 ~ start { on = 1 }
		on && match($0, /name="_csrf" value="[^"]*"/) {
			v = substr($0, RSTART, RLENGTH); sub(/^name="_csrf" value="/, "", v); sub(/"$/, "", v)
			print v; exit }'
}

# Signs in as $1 (password from demo-accounts.txt) into cookie jar $2; on failure prints
# why and returns 1.
bench_login() {
	pass=$(awk -F '\t' -v l="$1" '$1 == l { print $2; exit }' "$DATA/demo-accounts.txt" 2>/dev/null)
	[ -n "$pass" ] || { echo "no $1 in demo-accounts.txt"; return 1; }
	token=$(curl -s -c "$2" -b "$2" --max-time 5 "$BASE/login" | csrf_after '<form' || true)
	[ -n "$token" ] || { echo "no _csrf on GET /login"; return 1; }
	code=$(curl -s -o /dev/null -w '%{http_code}' -c "$2" -b "$2" --max-time 10 \
		--data-urlencode "_csrf=$token" --data-urlencode "login=$1" \
		--data-urlencode "password=$pass" "$BASE/login" || true)
	[ "$code" = 303 ] && grep -q '[[:space:]]sid[[:space:]]' "$2" ||
		{ echo "POST /login: HTTP $code, no sid cookie"; return 1; }
}

export KACHESTVO_UPLOAD_MAX_MB=$UPLOAD_MB
# Starts src/run.sh in its own process group and waits for /healthz.
start_stack() {
	rm -f "$DATA/run.pid"
	PORT=$PORT DATA_DIR=$DATA setsid sh -c 'echo $$ >"$1"; exec sh "$2/src/run.sh"' \
		sh "$DATA/run.pid" "$ROOT" >>"$DATA/run.log" 2>&1 </dev/null &
	i=0
	until [ -s "$DATA/run.pid" ]; do
		i=$((i + 1))
		[ $i -le 50 ] || die "run.sh did not start"
		sleep 0.1
	done
	run_pgid=$(cat "$DATA/run.pid")
	i=0
	until curl -fs -o /dev/null --max-time 2 "$BASE/healthz"; do
		i=$((i + 1))
		[ $i -le 300 ] || die "no /healthz on $BASE after 60 s"
		group_alive "$run_pgid" || die "run.sh exited"
		sleep 0.2
	done
}

# Generated municipalities go in before the app starts for the measurements: the app
# schedules roadmap items (deadline_kind NULL) into occurrences when it starts.
SCALE_URLS=
if [ "$SCALE" = 1 ]; then
	start_stack             # creates, migrates and seeds DATA_DIR/portal.db, demo accounts
	stop_stack
	gen_t0=$(date +%s)
	for n in 100 1000; do
		sh "$ROOT/tests/bench/generate.sh" "$DATA" "bench-$n" "$n" || die "generate.sh bench-$n failed"
	done
	echo "generated in $(($(date +%s) - gen_t0)) s (tests/bench/generate.sh)"
	gen_t0=$(date +%s)
	sqlite3 "$DATA/portal.db" <"$ROOT/tests/bench/generate_search.sql" || die "generate_search.sql failed"
	gen_t1=$(date +%s)
	KACHESTVO_DATA_DIR="$DATA" KACHESTVO_TEMPLATES="$ROOT/templates" KACHESTVO_MIGRATIONS="$ROOT/db" \
		"$APP" --migrate 2>>"$DATA/logs/generate.log" || die "indexing bench-search failed"
	echo "search region bench-search: 40,000 schools, 80,000 documents, 120,000 items;" \
		"inserted in $((gen_t1 - gen_t0)) s, indexed in $(($(date +%s) - gen_t1)) s"
	SCALE_URLS="/bench-1000/schools/school-1/roadmap/ /bench-100/roadmap/schools/
/bench-1000/roadmap/schools/ /bench-1000/schools/school-1/"
fi
start_stack
[ -S "$DATA/hello.sock" ] && kill -0 "$hello_pid" 2>/dev/null || die "hello did not start"
# The dashboards need a session: the region administrator may open every municipality's.
DASH_COOKIE=
if why=$(bench_login admin "$DATA/dash-cookies.txt"); then
	DASH_COOKIE="Cookie: sid=$(awk '$6 == "sid" { print $7 }' "$DATA/dash-cookies.txt")"
else
	echo "# dashboards: $why (their targets are skipped)"
fi

app_pid=$(pgrep -P "$run_pgid" -x kachestvo.fcgi | head -n 1 || true)
[ -n "$app_pid" ] || die "cannot find the kachestvo.fcgi process under run.sh ($run_pgid)"
rss() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status" 2>/dev/null || true; }
# CPU time (utime + stime, clock ticks) of a process; both names have no spaces, so $14 + $15.
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
HZ=$(getconf CLK_TCK)
# Waits (at most 30 s) until the app has used under 2 clock ticks in 0.3 s: requests that a
# finished wrk left unanswered are still rendered after it has gone (1.5 s of work for 32
# requests of the 1,000-school summary), and would be counted against the next run.
drain() {
	d0=$(ticks "$app_pid")
	for _ in $(seq 100); do
		sleep 0.3
		d1=$(ticks "$app_pid")
		[ $((d1 - d0)) -lt 2 ] && return 0
		d0=$d1
	done
	echo "# the app was still busy 30 s after wrk had finished"
}
rss_before=$(rss "$app_pid" VmRSS)

# school-fresh asks for a fresh page (Cache-Control: no-cache): rendered every time, the
# worker's page cache bypassed; school is what anonymous visitors get.
TARGETS="static=$STATIC_URL
hello=/__bench/hello
school=/ust-ilimsk/schools/sosh-7/
school-fresh=/ust-ilimsk/schools/sosh-7/
municipality=/ust-ilimsk/
roadmap=/ust-ilimsk/roadmap/
dash=/ust-ilimsk/dashboard/"
# Roadmaps at scale: shorter runs, each anonymous and fresh.
SCALE_TARGETS="school1k-roadmap=/bench-1000/schools/school-1/roadmap/
school1k-roadmap-fresh=/bench-1000/schools/school-1/roadmap/
summary-100=/bench-100/roadmap/schools/
summary-100-fresh=/bench-100/roadmap/schools/
summary-1k=/bench-1000/roadmap/schools/
summary-1k-fresh=/bench-1000/roadmap/schools/
school1k=/bench-1000/schools/school-1/
school1k-fresh=/bench-1000/schools/school-1/
dash-100=/bench-100/dashboard/
dash-1k=/bench-1000/dashboard/
search40k-fresh=/search?q=%D0%BF%D1%80%D0%BE%D0%B3%D1%80%D0%B0%D0%BC%D0%BC%D1%8B+%D0%B0%D0%BD%D1%82%D0%B8%D1%80%D0%B8%D1%81%D0%BA%D0%BE%D0%B2%D1%8B%D1%85+%D0%BC%D0%B5%D1%80&muni=bench-search
search40k-school-fresh=/search?q=%D0%A1%D0%9E%D0%A8+%E2%84%96+12345&muni=bench-search"

CSV=$DATA/bench.csv
echo "name,url,req_per_s,p50_ms,p99_ms,requests,errors,fcgi_cpu_us_per_req" >"$CSV"
echo "wrk -t$WRK_THREADS -c$WRK_CONNS -d$DURATION (after a $WARMUP warm-up), $(nproc) cores, $BASE"
printf '%-22s %-37s %10s %9s %9s %7s %9s\n' name url req/s p50_ms p99_ms errors cpu_us/rq

# Requests the app has served since rss_warm (VmRSS after every app page's warm-up, below).
app_reqs=0
# rss_trace: "name VmRSS/VmHWM" after each app target, to tell warm-up from a leak
# The count of requests in a RESULT line ("" when wrk printed none).
result_reqs() { [ -n "$1" ] && echo "$1" | awk '{ print $5 }' || echo 0; }

# Every app page once under load before the baseline: each thread prepares its statements and
# grows its arena on its first visit of a page, which is warm-up, not growth per request.
for url in /ust-ilimsk/schools/sosh-7/ /ust-ilimsk/ /ust-ilimsk/roadmap/ $SCALE_URLS; do
	wrk -t"$WRK_THREADS" -c"$WRK_CONNS" -d1s "$BASE$url" >/dev/null 2>&1 </dev/null || true
done
# The generated pages also rendered fresh (each worker's largest page), then an idle app.
for url in $SCALE_URLS; do
	wrk -t"$WRK_THREADS" -c"$WRK_CONNS" -d1s --timeout "$SCALE_TIMEOUT" -H "Cache-Control: no-cache" \
		"$BASE$url" >/dev/null 2>&1 </dev/null || true
done
for url in /ust-ilimsk/dashboard/ ${SCALE_URLS:+/bench-100/dashboard/ /bench-1000/dashboard/}; do
	[ -n "$DASH_COOKIE" ] && wrk -t"$WRK_THREADS" -c"$WRK_CONNS" -d1s --timeout "$SCALE_TIMEOUT" \
		-H "$DASH_COOKIE" "$BASE$url" >/dev/null 2>&1 </dev/null || true
done
drain
rss_warm=$(rss "$app_pid" VmRSS)
rss_trace=" all-pages-warm-up $rss_warm/$(rss "$app_pid" VmHWM)"

# Measures one target: name url duration warm-up [wrk timeout]. A name ending in -fresh asks
# for a fresh page (Cache-Control: no-cache): rendered every time, the worker's page cache
# bypassed. Runs in this shell (no pipe, no subshell), so rss_trace and app_reqs survive it.
measure() {
	name=$1 url=$2 dur=$3 wup=$4 tmo=${5:-}
	drain
	auth=
	case $name in dash*) auth=$DASH_COOKIE ;; esac   # logged in: rendered on every request
	# One probe first: a wrong status skips the target; a timeout is noted and measured anyway.
	code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 ${auth:+-H "$auth"} "$BASE$url" || true)
	[ "$code" = 000 ] && echo "# $name: the probe request timed out (3 s); measuring anyway"
	if [ "$code" != 200 ] && [ "$code" != 000 ]; then
		printf '%-22s %-37s %s\n' "$name" "$url" "skipped: HTTP $code"
		echo "$name,$url,,,,,HTTP $code," >>"$CSV"
		return 0
	fi
	case $name in
	static) cpu_pid= ;;
	hello) cpu_pid=$hello_pid ;;
	*) cpu_pid=$app_pid ;;
	esac
	fresh=
	case $name in *-fresh) fresh="Cache-Control: no-cache" ;; esac
	warm=$(wrk -t"$WRK_THREADS" -c"$WRK_CONNS" -d"$wup" ${tmo:+--timeout "$tmo"} -s "$DATA/report.lua" \
		${fresh:+-H "$fresh"} ${auth:+-H "$auth"} "$BASE$url" </dev/null 2>&1 | grep '^RESULT ' || true)
	[ "$cpu_pid" = "$app_pid" ] && app_reqs=$((app_reqs + $(result_reqs "$warm")))
	drain
	t0=$( [ -n "$cpu_pid" ] && ticks "$cpu_pid" || echo 0)
	perf_pid=
	if [ "$name" = school ] && [ "${BENCH_PERF:-0}" = 1 ]; then
		perf record -q -F 999 -p "$app_pid" -o "$DATA/perf.data" -- sleep "${dur%s}" \
			>/dev/null 2>&1 </dev/null &
		perf_pid=$!
	fi
	line=$(wrk -t"$WRK_THREADS" -c"$WRK_CONNS" -d"$dur" ${tmo:+--timeout "$tmo"} -s "$DATA/report.lua" \
		${fresh:+-H "$fresh"} ${auth:+-H "$auth"} "$BASE$url" </dev/null 2>&1 | grep '^RESULT ' || true)
	t1=$( [ -n "$cpu_pid" ] && ticks "$cpu_pid" || echo 0)
	if [ -n "$perf_pid" ]; then
		wait "$perf_pid" || true
		mkdir -p "$OUT"
		perf report -i "$DATA/perf.data" --stdio --sort dso,symbol --percent-limit 0.5 \
			>"$OUT/perf.txt" 2>/dev/null || true
	fi
	if [ -z "$line" ]; then
		printf '%-22s %-37s %s\n' "$name" "$url" "wrk failed"
		echo "$name,$url,,,,,wrk failed," >>"$CSV"
		return 0
	fi
	if [ "$(result_reqs "$line")" = 0 ]; then
		printf '%-22s %-37s %s\n' "$name" "$url" "no request completed in $dur"
		echo "$name,$url,,,,0,no request completed in $dur," >>"$CSV"
		return 0
	fi
	if [ "$cpu_pid" = "$app_pid" ]; then
		app_reqs=$((app_reqs + $(result_reqs "$line")))
		rss_trace="$rss_trace $name $(rss "$app_pid" VmRSS)/$(rss "$app_pid" VmHWM)"
	fi
	set -- $line
	# CPU of the FastCGI process per request (hello or the app; none for static), in µs.
	cpu=$(awk -v d=$((t1 - t0)) -v hz="$HZ" -v n="$5" -v p="$cpu_pid" \
		'BEGIN { if (p == "" || n == 0) print "-"; else printf "%.0f\n", d * 1e6 / hz / n }')
	printf '%-22s %-37s %10s %9s %9s %7s %9s\n' "$name" "$url" "$2" "$3" "$4" "$6" "$cpu"
	echo "$name,$url,$2,$3,$4,$5,$6,$cpu" >>"$CSV"
}

while IFS='=' read -r name url; do
	measure "$name" "$url" "$DURATION" "$WARMUP"
done <<EOF
$TARGETS
EOF
if [ "$SCALE" = 1 ]; then
	echo "# roadmaps at scale: wrk -d$SCALE_DURATION after a $SCALE_WARMUP warm-up, --timeout $SCALE_TIMEOUT each"
	while IFS='=' read -r name url; do
		measure "$name" "$url" "$SCALE_DURATION" "$SCALE_WARMUP" "$SCALE_TIMEOUT"
	done <<EOF
$SCALE_TARGETS
EOF
fi

# Top-up runs of the school page until the app has served MIN_REQS requests since rss_warm
# (sized from the school rate seen so far, at most three runs of at most 60 s each).
SCHOOL_URL=/ust-ilimsk/schools/sosh-7/
topup=0
while [ -n "$rss_warm" ] && [ "$app_reqs" -lt "$MIN_REQS" ] && [ $topup -lt 3 ]; do
	topup=$((topup + 1))
	rate=$(awk -F, '$1 == "school" && $3 != "" { print $3 }' "$CSV")
	secs=$(awk -v need=$((MIN_REQS - app_reqs)) -v r="${rate:-0}" \
		'BEGIN { s = (r > 0) ? int(need * 1.2 / r) + 2 : 10; if (s > 60) s = 60; print s }')
	line=$(wrk -t"$WRK_THREADS" -c"$WRK_CONNS" -d"${secs}s" -s "$DATA/report.lua" \
		"$BASE$SCHOOL_URL" </dev/null 2>&1 | grep '^RESULT ' || true)
	[ -n "$line" ] || { echo "# school top-up run: wrk failed"; break; }
	app_reqs=$((app_reqs + $(result_reqs "$line")))
	set -- $line
	printf '%-22s %-37s %10s %9s %9s %7s %9s   (%ss to reach %s app requests)\n' \
		"school-more" "$SCHOOL_URL" "$2" "$3" "$4" "$6" "-" "$secs" "$MIN_REQS"
	echo "school_topup,$SCHOOL_URL,$2,$3,$4,$5,$6," >>"$CSV"
	rss_trace="$rss_trace school-more $(rss "$app_pid" VmRSS)/$(rss "$app_pid" VmHWM)"
done

rss_after=$(rss "$app_pid" VmRSS)
hwm_after=$(rss "$app_pid" VmHWM)
rps() { awk -F, -v n="$1" '$1 == n { print $3 }' "$CSV"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "n/a"; else printf "%.2f\n", a / b }'; }
school_hello=$(ratio "$(rps school)" "$(rps hello)")
school_static=$(ratio "$(rps school)" "$(rps static)")
verdict=$(awk -v r="$school_hello" 'BEGIN { if (r == "n/a") print "n/a"; else if (r + 0 >= 0.5) print "met"; else print "NOT met" }')
# Memory per request: growth of VmRSS over the app requests since the warm-up, in per cent.
growth=$(awk -v a="$rss_warm" -v b="$rss_after" \
	'BEGIN { if (a == "" || b == "" || a == 0) print "n/a"; else printf "%.1f\n", (b - a) * 100 / a }')
mem_verdict=$(awk -v g="$growth" -v n="$app_reqs" -v m="$MIN_REQS" 'BEGIN {
	if (g == "n/a") print "n/a"; else if (n < m) print "n/a: fewer than " m " requests";
	else if (g + 0 <= 10) print "met"; else print "NOT met" }')

echo
echo "school/hello  = $school_hello   (target >= 0.50: $verdict; anonymous visitors, page cache)"
echo "school-fresh/hello = $(ratio "$(rps school-fresh)" "$(rps hello)")   (rendered every time)"
echo "school/static = $school_static"
echo "app VmRSS: before ${rss_before:-?} kB, after ${rss_after:-?} kB (peak ${hwm_after:-?} kB)"
echo "app VmRSS after warm-up ${rss_warm:-?} kB, after $app_reqs requests ${rss_after:-?} kB," \
	"growth $growth% (target no growth, <= 10%: $mem_verdict)"
echo "  app VmRSS/VmHWM kB after each app target:$rss_trace"
{
	echo "ratio_school_hello,,$school_hello,,,,,"
	echo "ratio_school_fresh_hello,,$(ratio "$(rps school-fresh)" "$(rps hello)"),,,,,"
	echo "ratio_school_static,,$school_static,,,,,"
	echo "app_vmrss_before_kb,,${rss_before:-},,,,,"
	echo "app_vmrss_after_kb,,${rss_after:-},,,,,"
	echo "app_vmhwm_after_kb,,${hwm_after:-},,,,,"
	echo "app_vmrss_warm_kb,,${rss_warm:-},,,,,"
	echo "app_requests_after_warm,,$app_reqs,,,,,"
	echo "app_vmrss_growth_pct,,$growth,,,,,"
} >>"$CSV"

# ---- Roadmaps at scale: each page against the ust-ilimsk school page, and the growth ----
if [ "$SCALE" = 1 ]; then
	# Field $2 (3 req/s, 4 p50, 8 CPU µs/req) of the CSV row named $1.
	field() { awk -F, -v n="$1" -v f="$2" '$1 == n { print $f }' "$CSV"; }
	# a / b with three significant digits; n/a when either is missing or not a number.
	ratio_g() { awk -v a="$1" -v b="$2" 'BEGIN {
		if (a !~ /^[0-9.]+$/ || b !~ /^[0-9.]+$/ || b + 0 == 0) print "n/a"; else printf "%.3g\n", a / b }'; }
	echo
	echo "roadmaps at scale: req/s of each page / req/s of the ust-ilimsk school page in this run"
	echo "  (anonymous rows against school, -fresh rows against school-fresh; below 1 is slower):"
	for name in school1k-roadmap school1k-roadmap-fresh summary-100 summary-100-fresh \
		summary-1k summary-1k-fresh school1k school1k-fresh dash dash-100 dash-1k \
		search40k-fresh search40k-school-fresh; do
		case $name in *-fresh | dash*) base=school-fresh ;; *) base=school ;; esac
		r=$(ratio_g "$(field "$name" 3)" "$(field "$base" 3)")
		note=
		[ -z "$(field "$name" 3)" ] && note="   ($(field "$name" 7))"
		printf '  %-22s / %-12s = %s%s\n' "$name" "$base" "$r" "$note"
		echo "ratio_${name}_${base},,$r,,,,," >>"$CSV"
	done
	# Growth of a page's time per request from 100 schools (row $1) to 1,000 (row $2): by
	# throughput (1/req/s, the verdict), by the median latency and by the app's CPU per
	# request; $3 names the page, $4 its CSV rows growth_$4_*.
	growth() {
		g_rps=$(ratio_g "$(field "$1" 3)" "$(field "$2" 3)")
		g_p50=$(ratio_g "$(field "$2" 4)" "$(field "$1" 4)")
		g_cpu=$(ratio_g "$(field "$2" 8)" "$(field "$1" 8)")
		g_verdict=$(awk -v g="$g_rps" -v t="$1" 'BEGIN { if (g == "n/a") print "n/a: a target is missing (" t ")";
			else if (g + 0 <= 10) print "met"; else print "NOT met" }')
		echo "growth of $3 from 100 to 1,000 schools:" \
			"time per request (1/req/s) x$g_rps (≤ 10 (linear or better): $g_verdict);" \
			"p50 x$g_p50; app CPU per request x$g_cpu"
		{
			echo "growth_${4}_1k_100_time_per_req,,$g_rps,,,,,"
			echo "growth_${4}_1k_100_p50,,$g_p50,,,,,"
			echo "growth_${4}_1k_100_cpu,,$g_cpu,,,,,"
			echo "growth_${4}_verdict,,$g_verdict,,,,,"
		} >>"$CSV"
	}
	growth summary-100-fresh summary-1k-fresh "the fresh summary /{m}/roadmap/schools/" summary_fresh
	growth dash-100 dash-1k "the dashboard /{m}/dashboard/ (signed in, never cached)" dash
	g_anon=$(ratio_g "$(field summary-100 3)" "$(field summary-1k 3)")
	echo "growth of the summary as visitors get it (page cache), same: time per request x$g_anon"
	echo "growth_summary_1k_100_time_per_req,,$g_anon,,,,," >>"$CSV"
fi

# ---- A 1 GiB upload as the demo school administrator ----
# Prints "upload: <reason>" and leaves a CSV row when a step fails; the bench goes on.
upload_fail() {
	echo "upload: FAILED: $*"
	echo "upload_1gib,$UPLOAD_SCHOOL/docs/,,,,,$*," >>"$CSV"
	if [ -s "$DATA/logs/app.log" ]; then
		echo "--- $DATA/logs/app.log (last lines)"
		tail -n 5 "$DATA/logs/app.log"
	fi
}
upload() {
	jar=$DATA/bench-cookies.txt
	big=$DATA/big.pdf
	why=$(bench_login "$UPLOAD_LOGIN" "$jar") || { upload_fail "$why"; return; }
	token=$(curl -s -b "$jar" --max-time 5 "$BASE$UPLOAD_SCHOOL/docs/" |
		csrf_after 'enctype="multipart/form-data"' || true)
	[ -n "$token" ] || { upload_fail "no upload form with _csrf on GET $UPLOAD_SCHOOL/docs/"; return; }

	# A sparse file libmagic calls application/pdf: the header, then zeros up to 1 GiB.
	printf '%%PDF-1.4\n' >"$big"
	truncate -s "$UPLOAD_BYTES" "$big"
	sent_sha=$(sha256sum "$big" | cut -d' ' -f1)

	# VmHWM is reset to the current VmRSS (clear_refs 5) so that the peak is the upload's own.
	up_rss0=$(rss "$app_pid" VmRSS)
	up_hwm0=$(rss "$app_pid" VmHWM)
	if (echo 5 >"/proc/$app_pid/clear_refs") 2>/dev/null; then
		peak_base=$up_rss0 peak_note="VmHWM reset before the upload"
	else
		peak_base=$up_hwm0 peak_note="VmHWM not resettable: growth of the lifetime peak"
	fi
	res=$(curl -s -o "$DATA/upload-response.html" -D "$DATA/upload-headers.txt" -b "$jar" \
		--max-time 600 -w '%{http_code} %{time_total}' \
		-F "_csrf=$token" -F type=report -F "title=Нагрузочная проверка: 1 ГиБ" \
		-F "file=@$big;filename=big.pdf" "$BASE$UPLOAD_SCHOOL/docs/" || true)
	up_rss1=$(rss "$app_pid" VmRSS)
	up_hwm1=$(rss "$app_pid" VmHWM)
	code=${res%% *}
	secs=${res#* }
	where=$(awk 'tolower($1) == "location:" { sub(/\r$/, "", $2); print $2 }' "$DATA/upload-headers.txt" 2>/dev/null || true)
	if [ "$code" != 303 ]; then
		upload_fail "POST $UPLOAD_SCHOOL/docs/ (1 GiB): HTTP $code after ${secs}s"
		rm -f "$big"
		return
	fi
	secs=$(awk -v t="$secs" 'BEGIN { printf "%.2f\n", t }')
	mibps=$(awk -v b="$UPLOAD_BYTES" -v t="$secs" 'BEGIN { printf "%.1f\n", (t > 0) ? b / 1048576 / t : 0 }')
	stored=$DATA/files/$(echo "$sent_sha" | cut -c1-2)/$sent_sha
	if [ -f "$stored" ]; then
		stored_sha=$(sha256sum "$stored" | cut -d' ' -f1)
	else
		stored_sha="missing"
	fi
	[ "$stored_sha" = "$sent_sha" ] && same=yes || same=NO
	rss_grow=$((up_rss1 - up_rss0))
	peak_grow=$((up_hwm1 - peak_base))
	up_verdict=$(awk -v a=$rss_grow -v b=$peak_grow 'BEGIN { print (a <= 8192 && b <= 8192) ? "met" : "NOT met" }')
	echo
	echo "upload 1 GiB as $UPLOAD_LOGIN: HTTP $code -> $where in ${secs}s ($mibps MiB/s, curl -> nginx -> app -> disk)"
	echo "stored $stored"
	echo "sha256 sent   $sent_sha"
	echo "sha256 stored $stored_sha (same: $same)"
	echo "app memory during a 1 GiB upload: +$rss_grow kB (peak +$peak_grow kB; $peak_note)" \
		"(target <= 8 MiB: $up_verdict)"
	echo "  app VmRSS before $up_rss0 kB, after $up_rss1 kB; VmHWM after $up_hwm1 kB"
	{
		echo "upload_1gib,$UPLOAD_SCHOOL/docs/,$mibps,,,1,0,"
		echo "upload_seconds,,$secs,,,,,"
		echo "upload_mib_per_s,,$mibps,,,,,"
		echo "upload_app_vmrss_before_kb,,$up_rss0,,,,,"
		echo "upload_app_vmrss_after_kb,,$up_rss1,,,,,"
		echo "upload_app_vmhwm_after_kb,,$up_hwm1,,,,,"
		echo "upload_app_rss_growth_kb,,$rss_grow,,,,,"
		echo "upload_app_peak_growth_kb,,$peak_grow,,,,,"
		echo "upload_sha256,,$sent_sha,,,,,"
		echo "upload_sha256_same,,$same,,,,,"
	} >>"$CSV"
	rm -f "$big" "$stored"
}
[ "${BENCH_UPLOAD:-1}" = 0 ] || upload

echo "CSV: $OUT/bench.csv"
[ "${BENCH_PERF:-0}" = 1 ] && echo "profile: $OUT/perf.txt"
ok=1
