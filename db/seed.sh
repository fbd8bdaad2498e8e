#!/bin/sh
# seed.sh: builds the demo data into an already migrated database from db/seed/*/*.tsv.
# Usage: db/seed.sh DB. Everything happens in one transaction: all or nothing.
set -eu
db=$1
here=$(cd "$(dirname "$0")" && pwd)
kinds="municipality schools memberships risks indicators indicator_targets results roadmaps roadmap_tasks roadmap_items"
{
	echo ".bail on"
	echo ".mode ascii"
	printf '%s\n' '.separator "\t" "\n"'
	echo "BEGIN IMMEDIATE;"
	sed -n '/^-- stage:begin/,/^-- stage:end/p' "$here/seed_load.sql"
	for dir in "$here"/seed/*/; do
		for k in $kinds; do
			echo ".import --skip 1 '$dir$k.tsv' stage_$k"
		done
	done
	sed -n '/^-- load:begin/,/^-- load:end/p' "$here/seed_load.sql"
	echo "COMMIT;"
} | sqlite3 "$db"
