#!/bin/sh
# run.sh: starts the portal in the foreground: nginx on 127.0.0.1:$PORT in front of the
# FastCGI app, data in $DATA_DIR (created and seeded with the demo data on first start).
# Ctrl-C or SIGTERM stops both. The app is supervised: when it dies it is started again
# (its pid is in $DATA_DIR/app.pid) while nginx answers «сервис временно недоступен».
# Environment: PORT (8080), DATA_DIR (var), APP (the binary),
# APP_WRAP (a command prefix for the app, e.g. valgrind; empty by default).
# The first start also creates the demo accounts; their logins and passwords go to
# $DATA_DIR/demo-accounts.txt (mode 0600).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT=${PORT:-8080}
DATA_DIR=${DATA_DIR:-$ROOT/var}
APP=${APP:-$ROOT/cgi-bin/kachestvo.fcgi}
APP_WRAP=${APP_WRAP:-}
ADMIN=$ROOT/cgi-bin/kachestvo-admin
mkdir -p "$DATA_DIR/logs" "$DATA_DIR/nginx" "$DATA_DIR/nginx.d"
DATA_DIR=$(cd "$DATA_DIR" && pwd)
SOCK=$DATA_DIR/app.sock
DEMO=$DATA_DIR/demo-accounts.txt
export KACHESTVO_DATA_DIR="$DATA_DIR" KACHESTVO_TEMPLATES="$ROOT/templates" KACHESTVO_MIGRATIONS="$ROOT/db"
export KACHESTVO_BASE_URL="${KACHESTVO_BASE_URL:-http://127.0.0.1:$PORT}"

if [ ! -f "$DATA_DIR/portal.db" ]; then
	echo "Создаю демонстрационную базу: $DATA_DIR/portal.db"
	demo_new=1
	"$APP" --migrate
	if ! "$ROOT/db/seed.sh" "$DATA_DIR/portal.db"; then
		rm -f "$DATA_DIR/portal.db" "$DATA_DIR/portal.db-wal" "$DATA_DIR/portal.db-shm"
		echo "run.sh: demo data import failed" >&2
		exit 1
	fi
	if ! "$ADMIN" demo-users "$DEMO"; then
		rm -f "$DATA_DIR/portal.db" "$DATA_DIR/portal.db-wal" "$DATA_DIR/portal.db-shm" "$DEMO"
		echo "run.sh: creating the demo accounts failed" >&2
		exit 1
	fi
fi

# Demo schools' websites are the fixture pages under static/demo-sites/ served by this nginx
# (a first start gives every school without a website one of them; later starts follow PORT).
DEMO_SITES="http://127.0.0.1:$PORT/static/demo-sites/"
sqlite3 "$DATA_DIR/portal.db" "PRAGMA busy_timeout = 5000;
UPDATE school SET website = '$DEMO_SITES' || substr(website, instr(website, '/static/demo-sites/') + 19)
 WHERE website GLOB 'http://127.0.0.1:*/static/demo-sites/*';" >/dev/null
if [ -n "${demo_new:-}" ]; then
	sqlite3 "$DATA_DIR/portal.db" "UPDATE school SET website = '$DEMO_SITES' ||
	 CASE id % 3 WHEN 0 THEN 'good/' WHEN 1 THEN 'missing/' ELSE 'cp1251/' END WHERE website IS NULL;"
fi

user=$(id -un)
group=$(id -gn)
sed -e "s|@ROOT@|$ROOT|g" -e "s|@DATA@|$DATA_DIR|g" -e "s|@PORT@|$PORT|g" \
    -e "s|@SOCK@|$SOCK|g" -e "s|@USER@|$user $group|g" \
    -e "s|@BODY_MAX@|$(( ${KACHESTVO_UPLOAD_MAX_MB:-50} + 1 ))|g" \
    -e "s|@PAGE_CACHE@|$([ "${KACHESTVO_PAGE_CACHE_SECONDS:-0}" -gt 0 ] 2>/dev/null && echo pages || echo off)|g" \
    "$ROOT/nginx.conf" > "$DATA_DIR/nginx.conf"

app_pid=
nginx_pid=
stopping=
stop() {
	trap - INT TERM EXIT
	stopping=1
	[ -n "$nginx_pid" ] && kill -QUIT "$nginx_pid" 2>/dev/null
	[ -n "$app_pid" ] && kill -TERM "$app_pid" 2>/dev/null
	wait 2>/dev/null || true
	rm -f "$DATA_DIR/app.pid"
	echo "Остановлено."
	exit 0
}
trap stop INT TERM EXIT

# Starts the app and waits for its socket (30 s: valgrind on a busy machine is slow);
# returns 1 if it does not come up.
start_app() {
	rm -f "$SOCK"
	$APP_WRAP "$APP" 2>>"$DATA_DIR/logs/app.log" &
	app_pid=$!
	echo "$app_pid" > "$DATA_DIR/app.pid"
	i=0
	while [ ! -S "$SOCK" ]; do
		i=$((i + 1))
		if [ $i -gt 600 ] || ! kill -0 "$app_pid" 2>/dev/null; then
			echo "run.sh: the app did not start; see $DATA_DIR/logs/app.log" >&2
			tail -n 5 "$DATA_DIR/logs/app.log" >&2
			return 1
		fi
		sleep 0.05
	done
}

start_app || exit 1
nginx -e "$DATA_DIR/logs/nginx-error.log" -c "$DATA_DIR/nginx.conf" -p "$DATA_DIR" &
nginx_pid=$!

echo "Качество: http://127.0.0.1:$PORT/"
echo "Данные: $DATA_DIR (журналы в $DATA_DIR/logs)"
if [ -f "$DEMO" ]; then
	echo "Демо-учётные записи: $DEMO (вход: http://127.0.0.1:$PORT/login)"
else
	echo "Демо-учётных записей нет; создать: KACHESTVO_DATA_DIR=$DATA_DIR $ADMIN demo-users $DEMO"
fi
echo "Остановить: Ctrl-C"
# The supervisor: an app that dies is started again (a crash loop is slowed to five tries a second).
while :; do
	rc=0
	wait "$app_pid" || rc=$?
	[ -n "$stopping" ] && break
	echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) ERR req=- mod=run msg=\"the app exited with status $rc: restarting\"" \
		>>"$DATA_DIR/logs/app.log"
	echo "run.sh: приложение завершилось (код $rc), перезапускаю" >&2
	sleep 0.2
	start_app || exit 1
done
