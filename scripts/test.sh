#!/usr/bin/env bash
# The test command (README): installs what is missing, builds every module
# for x86_64 and aarch64, and runs every test (aarch64 under qemu-user).
# Ends with one summary line over all suites: all suites: N passed, M failed, K skipped.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
scripts/bootstrap.sh
export JAVA_HOME; JAVA_HOME=$(scripts/find-jdk.sh 22)
mkdir -p target
log=target/test.log
start=$SECONDS
set +e
./mvnw -B -ntp verify "$@" 2>&1 | tee "$log"
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
