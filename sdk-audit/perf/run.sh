#!/usr/bin/env bash
# Times `audit` on a generated tree of 100k files / 1 GiB (see generate.py). Not a test: run it
# by hand after `mvn -pl sdk-audit package`, and record the number in sdk-audit/README.md.
# Usage: perf/run.sh [DIR] [FILES] [TOTAL_BYTES]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar="$here/../target/hardwire-audit.jar"
dir=${1:-/tmp/hardwire-audit-perf}
[ -f "$jar" ] || { echo "build first: mvn -pl sdk-audit package" >&2; exit 2; }
if [ ! -d "$dir" ]; then
  python3 "$here/generate.py" "$dir" "${2:-100000}" "${3:-1073741824}"
fi
echo "tree: $(find "$dir" -type f | wc -l) files, $(du -sb "$dir" | cut -f1) bytes; cores: $(nproc)"
cat "$dir"/module000/pkg00/* > /dev/null # same page-cache state for every run
start=$(date +%s.%N)
set +e
java -jar "$jar" audit --format json "$dir" > /tmp/hardwire-audit-perf.json
code=$?
set -e
end=$(date +%s.%N)
findings=$(grep -c '"rule"' /tmp/hardwire-audit-perf.json || true)
echo "audit exit $code, $findings findings, $(echo "$end - $start" | bc) s"
