#!/usr/bin/env bash
# Measures a proposed change to a core class without installing it: applies PATCH to a copy of the
# files it touches, compiles them against the benchmarks' uber-jar and runs MAIN (JMH, or
# PairedRatios) with the changed classes ahead of the jar on the class path (JMH's forks inherit it).
#
#   benchmarks/proposals/measure.sh PATCH JAVA_HOME MAIN [ARGS...]
#
# Examples (the verifier proposal):
#   benchmarks/proposals/measure.sh benchmarks/proposals/verifier-shares-parsed-certificates.patch \
#     /usr/lib/jvm/java-17-openjdk-amd64 dev.hardwire.benchmarks.PairedRatios 30 /tmp/paired.json handshakes
#   benchmarks/proposals/measure.sh benchmarks/proposals/verifier-shares-parsed-certificates.patch \
#     /usr/lib/jvm/java-17-openjdk-amd64 org.openjdk.jmh.Main PolicyMicroBenchmark.verify -prof gc
set -euo pipefail
patch_file=$(realpath "$1")
java_home=$2
main=$3
shift 3
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(dirname "$here")
jar="$here/target/benchmarks.jar"
[ -f "$jar" ] || (cd "$root" && mvn -q -B -pl benchmarks -am package -Dmaven.test.skip=true)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
files=$(grep '^+++ b/' "$patch_file" | sed 's#^+++ b/##')
for f in $files; do
  mkdir -p "$work/src/$(dirname "$f")"
  cp "$root/$f" "$work/src/$f"
done
(cd "$work/src" && patch -s -p1 < "$patch_file")
mkdir -p "$work/classes"
# shellcheck disable=SC2086
"$java_home/bin/javac" -nowarn --release 8 -cp "$jar" -d "$work/classes" $(for f in $files; do echo "$work/src/$f"; done)
"$java_home/bin/java" -Xms1g -Xmx1g --add-opens=java.base/java.net=ALL-UNNAMED -cp "$work/classes:$jar" "$main" "$@"
