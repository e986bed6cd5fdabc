#!/bin/sh
# run-fuzzer.sh FUZZER FOUND CORPUS REGRESSIONS SECONDS
# Fuzzes for SECONDS, starting from the committed corpus. A crash is kept
# in REGRESSIONS, where every later test run replays it, and fails the run.
set -eu
fuzzer=$1 found=$2 corpus=$3 regressions=$4 seconds=$5
artifacts=$found-artifacts
mkdir -p "$found" "$artifacts"
status=0
"$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$artifacts/" "$found" "$corpus" || status=$?
for crash in "$artifacts"/*; do
  [ -e "$crash" ] || continue
  cp "$crash" "$regressions/"
  echo "kept $(basename "$crash") in $regressions: commit it, then fix the crash" >&2
done
exit $status
