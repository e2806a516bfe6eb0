#!/usr/bin/env bash
# Runs Hardwire's benchmarks and writes JMH JSON, handshake facts, cold-start timings and a
# Markdown summary (with a chart when matplotlib is available).
#
#   benchmarks/run.sh quick   smoke check, under 3 minutes: one JDK, few short iterations, EC only
#   benchmarks/run.sh full    the RESULTS.md run: JDK 17 and JDK 25, longer iterations
#
# Each JDK gets: HandshakeFacts (what is negotiated, what resumes), the JMH suites (absolute times
# and allocation), PairedRatios (hardened/raw as interleaved A/B rounds: the targets' ratios) and
# the cold start of whole processes.
#
# Environment: JDKS="path ..." chooses the JDKs (full: JDK 17 and Temurin 25; quick: the first of
# them); JMH_EXTRA="..." adds JMH options (for example a benchmark regexp); STEPS="facts jmh paired
# cold" (the default) chooses the steps; RESULTS_DIR overrides the output folder (default
# benchmarks/results/<mode>).
set -euo pipefail

mode=${1:-}
case "$mode" in
  quick | full) ;;
  *) echo "usage: $0 quick|full" >&2; exit 2 ;;
esac

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
jar="$here/target/benchmarks.jar"
out=${RESULTS_DIR:-$here/results/$mode}
default_jdks="/usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64"
read -r -a jdks <<< "${JDKS:-$default_jdks}"
steps=" ${STEPS:-facts jmh paired cold} "

if [ "$mode" = quick ]; then
  jdks=("${jdks[0]}")
  # One fork, one short warm-up and one short measurement; EC chains and TLS 1.3 only (HandshakeFacts
  # still handshakes TLS 1.2 on every provider).
  jmh_options=(-f 1 -wi 1 -w 200ms -i 1 -r 300ms -p key=EC_P256 -p protocol=TLSv1.3)
  paired=(3 quick)
  cold_runs=2
else
  jmh_options=(-f 1 -wi 3 -w 1s -i 4 -r 1s)
  paired=(40)
  cold_runs=10
fi

# Build the uber-jar if it is missing or older than any main source or pom of the modules it holds.
if [ ! -f "$jar" ] || [ -n "$(find "$root"/{sdk-core,sdk-okhttp,sdk-jdk,test-support,benchmarks}/src/main \
    "$root"/{sdk-core,sdk-okhttp,sdk-jdk,test-support,benchmarks}/pom.xml "$root/pom.xml" -newer "$jar" -print -quit)" ]; then
  echo "== building $jar"
  (cd "$root" && mvn -q -B -pl benchmarks -am package -Dmaven.test.skip=true)
fi

# A run of some steps adds to the folder; a run of all starts it afresh.
[ "$steps" = " facts jmh paired cold " ] && rm -rf "$out"
mkdir -p "$out"
{
  [ "$steps" = " facts jmh paired cold " ] || echo "--- steps:$steps"
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "mode: $mode"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "memory: $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "kernel: $(uname -r)"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "jdks: ${jdks[*]}"
  echo "git: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
} >> "$out/machine.txt"

start_server() {
  local java=$1 dir=$2
  rm -f "$dir/port"
  "$java" -cp "$jar" dev.hardwire.benchmarks.BenchServer "$dir" 600 &
  server_pid=$!
  for _ in $(seq 100); do [ -s "$dir/port" ] && return 0; sleep 0.1; done
  echo "BenchServer did not start" >&2
  return 1
}

cold_start() {
  local java=$1 dir=$2
  start_server "$java" "$dir"
  local url="https://127.0.0.1:$(cat "$dir/port")/small"
  local variants=(raw-okhttp hardened-okhttp recommended raw-jdk hardened-jdk)
  local base=("$java" --add-opens=java.base/java.net=ALL-UNNAMED -cp "$jar" dev.hardwire.benchmarks.ColdStart)
  if command -v hyperfine > /dev/null; then
    local commands=()
    for v in "${variants[@]}"; do commands+=("${base[*]} $v $url $dir/root.pem"); done
    hyperfine --style basic --warmup 1 --runs "$cold_runs" --export-json "$dir/coldstart.json" \
      -n raw-okhttp -n hardened-okhttp -n recommended -n raw-jdk -n hardened-jdk "${commands[@]}"
  else
    # Without hyperfine: time each run with date, and write the same JSON shape.
    local json="{\"results\": ["
    local first=1
    for v in "${variants[@]}"; do
      for _ in 1; do "${base[@]}" "$v" "$url" "$dir/root.pem"; done
      local times=()
      for _ in $(seq "$cold_runs"); do
        local t0 t1
        t0=$(date +%s%N)
        "${base[@]}" "$v" "$url" "$dir/root.pem"
        t1=$(date +%s%N)
        times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.6f", (b - a) / 1e9}')")
      done
      local list
      list=$(IFS=,; echo "${times[*]}")
      [ $first = 1 ] || json+=","
      first=0
      json+="{\"command\": \"$v\", \"times\": [$list]}"
    done
    echo "$json]}" > "$dir/coldstart.json"
  fi
  kill "$server_pid" 2> /dev/null || true
  wait "$server_pid" 2> /dev/null || true
  rm -f "$dir/port" "$dir/root.pem"
}

for jdk in "${jdks[@]}"; do
  java="$jdk/bin/java"
  version=$("$java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.runtime.version/ {print $2}')
  major=${version%%[.+]*}
  dir="$out/jdk$major"
  mkdir -p "$dir"
  echo "$version ($("$java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.vendor = / {print $2}'))" > "$dir/jdk.txt"
  if [[ $steps == *" facts "* ]]; then
    echo "== JDK $version: handshake facts"
    "$java" --add-opens=java.base/java.net=ALL-UNNAMED -cp "$jar" dev.hardwire.benchmarks.HandshakeFacts \
      > "$dir/facts.md" 2> /dev/null
  fi
  if [[ $steps == *" jmh "* ]]; then
    echo "== JDK $version: JMH ($mode)"
    # shellcheck disable=SC2086
    "$java" -jar "$jar" "${jmh_options[@]}" -jvm "$java" -prof gc -rf json -rff "$dir/jmh.json" ${JMH_EXTRA:-} \
      > "$dir/jmh.log"
    grep -E '^[A-Z][A-Za-z]+Benchmark\.[a-zA-Z0-9]+ ' "$dir/jmh.log" || true
  fi
  if [[ $steps == *" paired "* ]]; then
    echo "== JDK $version: interleaved A/B ratios"
    "$java" -Xms1g -Xmx1g --add-opens=java.base/java.net=ALL-UNNAMED -cp "$jar" dev.hardwire.benchmarks.PairedRatios \
      "${paired[0]}" "$dir/paired.json" "${paired[@]:1}" 2> "$dir/paired.log"
  fi
  if [[ $steps == *" cold "* ]]; then
    echo "== JDK $version: cold start ($cold_runs runs each)"
    cold_start "$java" "$dir"
  fi
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"

python3 "$here/report.py" "$out"
echo "== summary: $out/summary.md"
