#!/bin/sh
# bench.sh: measures the portal behind nginx with wrk against two baselines: a static file
# and a trivial FastCGI "hello" (build/bench/hello). Builds nothing: run `make bench`.
# Starts src/run.sh (own PORT, temp DATA_DIR, own process group) plus hello on
# DATA_DIR/hello.sock, reached through DATA_DIR/nginx.d/bench.conf; prints name, req/s,
# p50, p99 per target (static, hello, school, municipality, roadmap) with the FastCGI process's
# CPU time per request, the ratios school/hello and school/static, and the app's VmRSS before
# and after; saves the table as DATA_DIR/bench.csv, copied to build/bench/bench.csv.
# Environment: BENCH_PORT (18089), BENCH_DURATION (10s), BENCH_WARMUP (2s), BENCH_THREADS (2),
# BENCH_CONNS (32), BENCH_PERF=1 (perf-record the app during the school run:
# build/bench/perf.txt; disturbs that run), BENCH_KEEP=1 (keep the temp data dir), APP
# (the app binary, as in run.sh).
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
export LC_ALL=C
PORT=${BENCH_PORT:-18089}
DURATION=${BENCH_DURATION:-10s}
WARMUP=${BENCH_WARMUP:-2s}
WRK_THREADS=${BENCH_THREADS:-2}
WRK_CONNS=${BENCH_CONNS:-32}
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

cleanup() {
	trap - EXIT INT TERM
	[ "$ok" -eq 1 ] || show_logs
	if [ -n "$run_pgid" ]; then
		# run.sh stops nginx (QUIT) and the app (TERM) itself; the group kill is the fallback.
		kill -s TERM "$run_pgid" 2>/dev/null || true
		i=0
		while kill -0 "-$run_pgid" 2>/dev/null && [ $i -lt 100 ]; do
			sleep 0.1
			i=$((i + 1))
		done
		kill -s KILL -- "-$run_pgid" 2>/dev/null || true
	fi
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

PORT=$PORT DATA_DIR=$DATA setsid sh -c 'echo $$ >"$1"; exec sh "$2/src/run.sh"' \
	sh "$DATA/run.pid" "$ROOT" >"$DATA/run.log" 2>&1 </dev/null &

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
	kill -0 "$run_pgid" 2>/dev/null || die "run.sh exited"
	sleep 0.2
done
[ -S "$DATA/hello.sock" ] && kill -0 "$hello_pid" 2>/dev/null || die "hello did not start"

app_pid=$(pgrep -P "$run_pgid" -x kachestvo.fcgi | head -n 1 || true)
[ -n "$app_pid" ] || die "cannot find the kachestvo.fcgi process under run.sh ($run_pgid)"
rss() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status" 2>/dev/null || true; }
# CPU time (utime + stime, clock ticks) of a process; both names have no spaces, so $14 + $15.
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
HZ=$(getconf CLK_TCK)
rss_before=$(rss "$app_pid" VmRSS)

TARGETS="static=$STATIC_URL
hello=/__bench/hello
school=/ust-ilimsk/schools/sosh-7/
municipality=/ust-ilimsk/
roadmap=/ust-ilimsk/roadmap/"

CSV=$DATA/bench.csv
echo "name,url,req_per_s,p50_ms,p99_ms,requests,errors,fcgi_cpu_us_per_req" >"$CSV"
echo "wrk -t$WRK_THREADS -c$WRK_CONNS -d$DURATION (after a $WARMUP warm-up), $(nproc) cores, $BASE"
printf '%-13s %-30s %10s %9s %9s %7s %9s\n' name url req/s p50_ms p99_ms errors cpu_us/rq

echo "$TARGETS" | while IFS='=' read -r name url; do
	# One probe first: a wrong status skips the target; a timeout is noted and measured anyway.
	code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$BASE$url" || true)
	[ "$code" = 000 ] && echo "# $name: the probe request timed out (3 s); measuring anyway"
	if [ "$code" != 200 ] && [ "$code" != 000 ]; then
		printf '%-13s %-30s %s\n' "$name" "$url" "skipped: HTTP $code"
		echo "$name,$url,,,,,HTTP $code," >>"$CSV"
		continue
	fi
	wrk -t"$WRK_THREADS" -c"$WRK_CONNS" -d"$WARMUP" "$BASE$url" >/dev/null 2>&1 </dev/null || true
	case $name in
	static) cpu_pid= ;;
	hello) cpu_pid=$hello_pid ;;
	*) cpu_pid=$app_pid ;;
	esac
	t0=$( [ -n "$cpu_pid" ] && ticks "$cpu_pid" || echo 0)
	perf_pid=
	if [ "$name" = school ] && [ "${BENCH_PERF:-0}" = 1 ]; then
		perf record -q -F 999 -p "$app_pid" -o "$DATA/perf.data" -- sleep "${DURATION%s}" \
			>/dev/null 2>&1 </dev/null &
		perf_pid=$!
	fi
	line=$(wrk -t"$WRK_THREADS" -c"$WRK_CONNS" -d"$DURATION" -s "$DATA/report.lua" \
		"$BASE$url" </dev/null 2>&1 | grep '^RESULT ' || true)
	t1=$( [ -n "$cpu_pid" ] && ticks "$cpu_pid" || echo 0)
	if [ -n "$perf_pid" ]; then
		wait "$perf_pid" || true
		mkdir -p "$OUT"
		perf report -i "$DATA/perf.data" --stdio --sort dso,symbol --percent-limit 0.5 \
			>"$OUT/perf.txt" 2>/dev/null || true
	fi
	if [ -z "$line" ]; then
		printf '%-13s %-30s %s\n' "$name" "$url" "wrk failed"
		echo "$name,$url,,,,,wrk failed," >>"$CSV"
		continue
	fi
	set -- $line
	# CPU of the FastCGI process per request (hello or the app; none for static), in µs.
	cpu=$(awk -v d=$((t1 - t0)) -v hz="$HZ" -v n="$5" -v p="$cpu_pid" \
		'BEGIN { if (p == "" || n == 0) print "-"; else printf "%.0f\n", d * 1e6 / hz / n }')
	printf '%-13s %-30s %10s %9s %9s %7s %9s\n' "$name" "$url" "$2" "$3" "$4" "$6" "$cpu"
	echo "$name,$url,$2,$3,$4,$5,$6,$cpu" >>"$CSV"
done

rss_after=$(rss "$app_pid" VmRSS)
hwm_after=$(rss "$app_pid" VmHWM)
rps() { awk -F, -v n="$1" '$1 == n { print $3 }' "$CSV"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "n/a"; else printf "%.2f\n", a / b }'; }
school_hello=$(ratio "$(rps school)" "$(rps hello)")
school_static=$(ratio "$(rps school)" "$(rps static)")
verdict=$(awk -v r="$school_hello" 'BEGIN { if (r == "n/a") print "n/a"; else if (r + 0 >= 0.5) print "met"; else print "NOT met" }')

echo
echo "school/hello  = $school_hello   (target >= 0.50: $verdict)"
echo "school/static = $school_static"
echo "app VmRSS: before ${rss_before:-?} kB, after ${rss_after:-?} kB (peak ${hwm_after:-?} kB)"
{
	echo "ratio_school_hello,,$school_hello,,,,,"
	echo "ratio_school_static,,$school_static,,,,,"
	echo "app_vmrss_before_kb,,${rss_before:-},,,,,"
	echo "app_vmrss_after_kb,,${rss_after:-},,,,,"
	echo "app_vmhwm_after_kb,,${hwm_after:-},,,,,"
} >>"$CSV"
echo "CSV: $OUT/bench.csv"
[ "${BENCH_PERF:-0}" = 1 ] && echo "profile: $OUT/perf.txt"
ok=1
