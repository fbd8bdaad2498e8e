#!/bin/sh
# generate.sh DATA_DIR SLUG N: adds a made-up municipality SLUG (kind city, 2022–2024) with N
# schools school-1..school-N to DATA_DIR/portal.db (migrated and seeded, e.g. by a first
# start of src/run.sh; the app must not be running). Each school gets its own roadmap
# (school_id set, 2022–2022) with 4 tasks and 60 items whose deadline phrases cycle through
# ust-ilimsk's real ones (db/seed/ust-ilimsk/roadmap_items.tsv, column 8); see generate.sql.
#
# The items are scheduled into occurrences by the app itself (`$APP --migrate`, which runs
# schedule_pending() as every start does, 1000 items per transaction). Then a fixed
# share of the municipality's occurrences is marked
# worked on: every 3rd (by id) confirmed, of the rest every 5th done, with
# done_at/confirmed_at on the due date (noon UTC) and no user.
# Environment: APP (the app binary, as in run.sh).
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
[ $# -eq 3 ] || { echo "usage: $0 DATA_DIR SLUG N" >&2; exit 2; }
DATA=$1 SLUG=$2 N=$3
APP=${APP:-$ROOT/cgi-bin/kachestvo.fcgi}
DB=$DATA/portal.db
SEED=$ROOT/db/seed/ust-ilimsk
die() { echo "generate.sh: $*" >&2; exit 1; }
case $SLUG in *[!a-z0-9-]* | [!a-z0-9]* | "") die "bad slug: $SLUG" ;; esac
case $N in "" | *[!0-9]*) die "N must be a number" ;; esac
[ "$N" -ge 1 ] || die "N must be >= 1"
[ -f "$DB" ] || die "$DB is missing: start src/run.sh once with DATA_DIR=$DATA"
[ -x "$APP" ] || die "$APP is missing: make all"
command -v sqlite3 >/dev/null || die "sqlite3 is missing"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM municipality WHERE slug = '$SLUG'")" = 0 ] ||
	die "$SLUG is already in $DB"

# The prelude's temp tables (see generate.sql) from the seed TSVs, quotes doubled.
seed_tables() {
	echo "CREATE TEMP TABLE gen_param (slug TEXT, n INTEGER, lo INTEGER, hi INTEGER);"
	echo "INSERT INTO gen_param VALUES ('$SLUG', $N, $1, $2);"
	echo "CREATE TEMP TABLE gen_task (k INTEGER PRIMARY KEY, title TEXT);"
	echo "CREATE TEMP TABLE gen_item (k INTEGER PRIMARY KEY, measure TEXT, planned_result TEXT,"
	echo "	deadline_text TEXT, responsible TEXT);"
	awk -F '\t' 'function q(s) { gsub(/\047/, "\047\047", s); return "\047" s "\047" }
		FNR == 1 { next }
		FILENAME ~ /roadmap_tasks/ && $1 == "ust-ilimsk" && t < 4 {
			t++; print "INSERT INTO gen_task VALUES (" t ", " q($4) ");" }
		FILENAME ~ /roadmap_items/ && $1 == "ust-ilimsk" && $8 ~ /[^ ]/ {
			i++; print "INSERT INTO gen_item VALUES (" i ", " q($6) ", " q($7) ", " q($8) ", " q($9) ");" }' \
		"$SEED/roadmap_tasks.tsv" "$SEED/roadmap_items.tsv"
}

export KACHESTVO_DATA_DIR="$DATA" KACHESTVO_TEMPLATES="$ROOT/templates" KACHESTVO_MIGRATIONS="$ROOT/db"
mkdir -p "$DATA/logs"
{ echo ".bail on"; seed_tables 1 "$N"; cat "$ROOT/tests/bench/generate.sql"; } | sqlite3 "$DB" ||
	die "inserting the schools of $SLUG failed"
"$APP" --migrate 2>>"$DATA/logs/generate.log" ||
	die "scheduling the items of $SLUG failed (see $DATA/logs/generate.log)"

sqlite3 "$DB" <<EOF || die "marking occurrences of $SLUG failed"
.bail on
BEGIN;
CREATE TEMP TABLE gen_occ AS
SELECT o.id FROM occurrence o
JOIN roadmap_item i ON i.id = o.item_id
JOIN roadmap r ON r.id = i.roadmap_id
JOIN municipality m ON m.id = r.municipality_id
WHERE m.slug = '$SLUG';
UPDATE occurrence SET status = 'confirmed', done_at = due_on * 86400 + 43200,
	confirmed_at = due_on * 86400 + 43200
WHERE id IN (SELECT id FROM gen_occ) AND id % 3 = 0;
UPDATE occurrence SET status = 'done', done_at = due_on * 86400 + 43200
WHERE id IN (SELECT id FROM gen_occ) AND id % 3 <> 0 AND id % 5 = 0;
COMMIT;
EOF

sqlite3 -separator ' ' "$DB" "SELECT '$SLUG:', count(DISTINCT s.id), 'schools,', count(i.id),
	'items (' || coalesce(sum(i.deadline_kind IS NULL), 0) || ' unscheduled),', o.n, 'occurrences,',
	o.c, 'confirmed,', o.d, 'done'
	FROM municipality m JOIN school s ON s.municipality_id = m.id
	LEFT JOIN roadmap r ON r.school_id = s.id LEFT JOIN roadmap_item i ON i.roadmap_id = r.id,
	(SELECT count(*) AS n, sum(o.status = 'confirmed') AS c, sum(o.status = 'done') AS d
	 FROM occurrence o JOIN roadmap_item i ON i.id = o.item_id JOIN roadmap r ON r.id = i.roadmap_id
	 JOIN municipality m ON m.id = r.municipality_id WHERE m.slug = '$SLUG') o
	WHERE m.slug = '$SLUG'"
