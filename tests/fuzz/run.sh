#!/bin/sh
# run.sh: runs every fuzz target in build/fuzz for SECONDS each (default 10) on a copy of
# its seed corpus; prints one "ok"/"not ok" line per target. A crash input is kept in build/fuzz.
secs=${1:-10}
rc=0
for bin in build/fuzz/fuzz_*; do
	name=${bin#build/fuzz/fuzz_}
	work=$(mktemp -d)
	cp tests/fuzz/corpus/"$name"/* "$work"/ 2>/dev/null
	if "$bin" -max_total_time="$secs" -max_len=8192 -print_final_stats=1 -artifact_prefix=build/fuzz/crash-"$name"- \
		"$work" >build/fuzz/"$name".log 2>&1; then
		echo "ok - fuzz $name for ${secs}s: $(grep -o 'stat::number_of_executed_units: [0-9]*' build/fuzz/"$name".log | grep -o '[0-9]*$' || tail -n1 build/fuzz/"$name".log) runs, no crash"
	else
		echo "not ok - fuzz $name crashed; see build/fuzz/$name.log"
		tail -n 30 build/fuzz/"$name".log
		rc=1
	fi
	rm -rf "$work"
done
exit $rc
