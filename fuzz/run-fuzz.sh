#!/bin/sh
# Runs a libFuzzer target: every regression input, then N runs from the
# seed corpus (copied, so the checked-in corpus is not rewritten).
# Prints "fuzz: TARGET runs=N seconds=S execs_per_s=R" for docs/security.md.
set -eu
target=$1 corpus=$2 regressions=$3 runs=$4 leaks=${5:-1}
name=$(basename "$target")
if [ -d "$regressions" ] && [ -n "$(ls -A "$regressions" 2>/dev/null)" ]; then
  "$target" -runs=0 -detect_leaks="$leaks" "$regressions"/* > /dev/null 2>&1 ||
    { "$target" -runs=0 -detect_leaks="$leaks" "$regressions"/*; exit 1; }
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$corpus"/. "$work"/
start=$(date +%s)
# A fixed seed (PLATZ_FUZZ_SEED, default 1): the same binary and corpus
# make the same runs, so a CI failure can be reproduced; explore with
# other seeds by hand.
"$target" -seed="${PLATZ_FUZZ_SEED:-1}" -runs="$runs" -detect_leaks="$leaks" -max_len=65536 \
  -timeout=20 -rss_limit_mb=4096 \
  -artifact_prefix="$work/" -print_final_stats=1 "$work" > "$work/log" 2>&1 || {
  tail -60 "$work/log"; for a in "$work"/crash-* "$work"/leak-* "$work"/timeout-*; do
    [ -e "$a" ] && { echo "artifact: $a"; od -c "$a" | head -20; }; done; exit 1; }
end=$(date +%s)
secs=$((end - start)); [ "$secs" -gt 0 ] || secs=1
echo "fuzz: $name runs=$runs seconds=$secs execs_per_s=$((runs / secs))"
grep -E "^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb|new_units_added)" "$work/log" || true
