#!/bin/sh
# run.sh: runs the given test programs (binaries or scripts), prints their output, and counts
# "ok" / "not ok" lines. A program that exits non-zero without a "not ok" line (a crash,
# a sanitizer report) counts as one failure. Ends with one line: "N passed, N failed".
# Usage: tests/run.sh COMMAND... (each a shell command line); exits 1 if anything failed.
passed=0
failed=0
out=$(mktemp)
for t in "$@"; do
	echo "# $t"
	sh -c "$t" >"$out" 2>&1
	rc=$?
	cat "$out"
	p=$(grep -c '^ok ' "$out")
	f=$(grep -c '^not ok ' "$out")
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "not ok - $t exited with status $rc"
		f=1
	fi
	passed=$((passed + p))
	failed=$((failed + f))
done
rm -f "$out"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
