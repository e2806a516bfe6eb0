#!/usr/bin/env bash
# End-to-end run of the migration, the way a user runs it: installs sdk-migrate (and the adapters it
# adds), runs MigrateToHardwire with the OpenRewrite Maven plugin on a copy of before/, compares the
# patch with the committed fixture, then applies the migration and compiles the result against the
# real adapters.
#
#   sdk-migrate/src/it/e2e.sh            check: fails if the patch differs from the fixture
#   sdk-migrate/src/it/e2e.sh --update   rewrite the fixture after an intended change
#
# Not part of `mvn verify`: it needs the module installed and the plugin (from Maven Central on the
# first run), and takes about a minute.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
module=$(cd "$here/../.." && pwd)
root=$(cd "$module/.." && pwd)
expected="$module/src/test/resources/e2e/expected.diff"
plugin_version=$(sed -n 's:.*<rewrite-maven-plugin.version>\(.*\)</rewrite-maven-plugin.version>.*:\1:p' "$root/pom.xml")
version=$(sed -n '0,/<version>/s:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml")
plugin="org.openrewrite.maven:rewrite-maven-plugin:$plugin_version"
recipe=(-Drewrite.recipeArtifactCoordinates="dev.hardwire:sdk-migrate:$version"
  -Drewrite.activeRecipes=dev.hardwire.migrate.MigrateToHardwire)

echo "installing sdk-migrate $version and the modules it needs"
mvn -q -B -f "$root/pom.xml" -pl sdk-migrate -am install -Dmaven.test.skip=true

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$here/before/." "$work/"

echo "dryRun of MigrateToHardwire on $work"
(cd "$work" && mvn -q -B "$plugin:dryRun" "${recipe[@]}")
# The plugin writes files in the order it parsed them, which may differ between machines.
patch="$work/rewrite.sorted.patch"
awk '/^diff --git /{n++} {print > (dir "/section." sprintf("%04d", n))}' dir="$work" \
  "$work/target/rewrite/rewrite.patch"
for section in "$work"/section.*; do
  printf '%s\t%s\n' "$(head -n 1 "$section")" "$section"
done | LC_ALL=C sort | cut -f 2 | xargs cat > "$patch"

if [[ "${1:-}" == "--update" ]]; then
  mkdir -p "$(dirname "$expected")"
  cp "$patch" "$expected"
  echo "updated $expected"
elif ! diff -u "$expected" "$patch"; then
  echo "the migration's patch differs from $expected (above); if intended, run $0 --update" >&2
  exit 1
fi

echo "applying the migration and compiling the result"
(cd "$work" && mvn -q -B "$plugin:run" "${recipe[@]}" && mvn -q -B test-compile)
echo "e2e: the migration matches $expected and the migrated project compiles"
