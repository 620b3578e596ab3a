#!/usr/bin/env bash
# Builds sdk-api twice, from two copies of its sources at two different paths, and compares the
# jars it publishes (classes, sources, javadoc) byte for byte. They are equal only if nothing of the
# build's time or place leaks into them: project.build.outputTimestamp in pom.xml fixes the time.
# The root pom.xml runs this in its verify phase. Ends with "reproducible-build: N passed, M failed"
# (scripts/test.sh counts it) and fails when a jar differs or is missing.
# Usage: check-reproducible.sh WORK_DIR   (emptied first; the two builds go to WORK_DIR/first and /second)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:?usage: check-reproducible.sh WORK_DIR}"
rm -rf "$work"

for copy in first second; do
  # sdk-api finds its parent at ../pom.xml, so the copy has the same shape as the repository.
  mkdir -p "$work/$copy/sdk-api"
  cp "$root/pom.xml" "$work/$copy/"
  cp -r "$root/sdk-api/pom.xml" "$root/sdk-api/src" "$work/$copy/sdk-api/"
  echo "reproducible-build: building $work/$copy/sdk-api"
  "$root/mvnw" -B -ntp -q -f "$work/$copy/sdk-api/pom.xml" package \
    -Dmaven.test.skip=true -Dnostdwasm.reproducible.skip=true
done

version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -n 1)
passed=0 failed=0
for jar in "sdk-api-$version.jar" "sdk-api-$version-sources.jar" "sdk-api-$version-javadoc.jar"; do
  first="$work/first/sdk-api/target/$jar" second="$work/second/sdk-api/target/$jar"
  if [ ! -f "$first" ] || [ ! -f "$second" ]; then
    echo "reproducible-build: FAILED $jar: not built (expected $first and $second)"
    failed=$((failed + 1))
  elif cmp -s "$first" "$second"; then
    echo "reproducible-build: ok $jar"
    passed=$((passed + 1))
  else
    # The entries whose size, time or CRC differ say where the difference comes from.
    echo "reproducible-build: FAILED $jar differs between the two builds; entries that differ:"
    diff <(unzip -lv "$first" | sed '$d') <(unzip -lv "$second" | sed '$d') | grep '^[<>]' || true
    failed=$((failed + 1))
  fi
done
echo "reproducible-build: $passed passed, $failed failed"
[ "$failed" = 0 ]
