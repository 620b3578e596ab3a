#!/usr/bin/env bash
# The test command (README): installs what is missing, builds every module
# for x86_64 and aarch64, and runs every test (aarch64 under qemu-user).
# Ends with one summary line over all suites: all suites: N passed, M failed, K skipped.
#
#   test.sh [--quick] [maven arguments...]
#
# --quick is the inner loop: every module's tests once, on x86_64 and the JVM running
# Maven. It leaves out what only repeats them elsewhere: the aarch64 builds and every
# qemu run, the Java 17 runs, and the spec suite beyond its wasm-v1 files. Like the full
# command it runs verify, never install, so its jars (x86_64 natives only) stay in target/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
quick=()
if [ "${1:-}" = --quick ]; then
  shift
  quick=(
    -Dnostdwasm.aarch64.skip=true              # natives, glue and bundles: x86_64 only (pom.xml)
    -Dnostdwasm.it.aarch64.skip=true           # it-tests: no aarch64 JVMs under qemu
    -Dnostdwasm.jdk17.skip=true                # sdk-jni: no second run on Java 17
    -Dnostdwasm.it.jdk17.skip=true             # it-tests: no second run of the JNI suites on Java 17
    '-Dnostdwasm.conformance.files=wasm-v1/*'  # the spec suite's wasm-v1 files on every provider and profile
  )
fi
scripts/bootstrap.sh
export JAVA_HOME; JAVA_HOME=$(scripts/find-jdk.sh 22)
mkdir -p target
log=target/test.log
start=$SECONDS
set +e
./mvnw -B -ntp verify "${quick[@]}" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# The summary counts tests: every native suite ends with "<suite>: N passed, M failed[, K skipped]";
# cargo with "test result: ... N passed; M failed; K ignored"; each Maven module's Surefire results
# with "Tests run: N, Failures: F, Errors: E, Skipped: S"; each run of Maven projects by the invoker
# (plugin ITs, consumer projects) with "Passed: P, Failed: F, Errors: E, Skipped: S". In it-tests a
# spec-suite test is one assertion (it-tests/README.md, docs/CONFORMANCE.md).
read -r passed failed skipped < <(python3 - "$log" <<'PY'
import re, sys
p = f = s = 0
for line in open(sys.argv[1], errors="replace"):
    line = line.rstrip()
    m = re.search(r": (\d+) passed, (\d+) failed(?:, (\d+) skipped)?", line)
    if m:
        p += int(m.group(1)); f += int(m.group(2)); s += int(m.group(3) or 0)
        continue
    m = re.search(r"test result: \w+\. (\d+) passed; (\d+) failed; (\d+) ignored", line)
    if m:
        p += int(m.group(1)); f += int(m.group(2)); s += int(m.group(3))
        continue
    m = re.search(r"^\[\w+\] Tests run: (\d+), Failures: (\d+), Errors: (\d+), Skipped: (\d+)$", line)
    if m:
        run, fails, errors, skips = map(int, m.groups())
        p += run - fails - errors - skips; f += fails + errors; s += skips
        continue
    m = re.search(r"^\[\w+\]\s+Passed: (\d+), Failed: (\d+), Errors: (\d+), Skipped: (\d+)$", line)
    if m:
        ok, fails, errors, skips = map(int, m.groups())
        p += ok; f += fails + errors; s += skips
print(p, f, s)
PY
)
echo "took $((SECONDS - start)) s; log in $log"
[ "$status" = 0 ] || { echo "build or tests failed (maven exit $status): see $log"; failed=$((failed > 0 ? failed : 1)); }
echo "all suites: $passed passed, $failed failed, $skipped skipped"
[ "$status" = 0 ] && [ "$failed" = 0 ]
