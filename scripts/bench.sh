#!/usr/bin/env bash
# The benchmark suite: every subject on the same workloads in one run, then
# docs/PERFORMANCE.md and docs/perf/results.tsv (ratios from this run) via
# benchmarks/scripts/report.py.
#
#   scripts/bench.sh [quick|full] [--no-build] [JMH_REGEX]
#
#   quick   (default) 2 warmup + 3 measurement iterations of 200 ms: a few minutes, for development
#   full    4 warmup + 6 measurement iterations of 1 s: the numbers to commit (about 30 minutes
#           on 2 cores; run it on a quiet machine)
#   --no-build   use the jars and natives already built
#   JMH_REGEX    run only the matching benchmarks (e.g. 'CallBench'); the report marks the rest n/a
#
# Builds sdk-api, sdk-ffm, sdk-jni and benchmarks first, so that the providers' bundled natives
# are the same libnsw_embedding.so + libnsw_platform.so the Rust driver links.
# Raw outputs stay in target/bench/ (jmh.json, native-1.tsv and native-2.tsv, logs).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

mode=quick build=1 regex=""
for a in "$@"; do
  case "$a" in
    quick | full) mode=$a ;;
    --no-build) build=0 ;;
    -h | --help) sed -n '2,17p' "$0"; exit 0 ;;
    -*) echo "bench.sh: unknown option $a (see --help)" >&2; exit 2 ;;
    *) regex=$a ;;
  esac
done
case $mode in
  quick) wi=2 i=3 iter_ms=200 ;;
  full) wi=4 i=6 iter_ms=1000 ;;
esac

export JAVA_HOME; JAVA_HOME=$(scripts/find-jdk.sh 22)
out=target/bench
mkdir -p "$out"
natives=$root/benchmarks/target/natives

if [ "$build" = 1 ]; then
  scripts/bootstrap.sh
  echo "bench.sh: building sdk-api, sdk-ffm, sdk-jni, benchmarks (log: $out/build.log)"
  ./mvnw -B -ntp -pl sdk-api,sdk-ffm,sdk-jni,benchmarks install -DskipTests >"$out/build.log" 2>&1 \
    || { tail -40 "$out/build.log"; echo "bench.sh: the build failed: see $out/build.log" >&2; exit 1; }
fi
for f in "$natives/native-bench" benchmarks/target/bench.classpath benchmarks/target/classes/META-INF/BenchmarkList; do
  [ -e "$f" ] || { echo "bench.sh: $f is missing: run without --no-build" >&2; exit 1; }
done

case "$(uname -m)" in
  x86_64 | amd64) arch=x86_64 ;;
  aarch64 | arm64) arch=aarch64 ;;
  *) echo "bench.sh: unsupported machine '$(uname -m)'" >&2; exit 1 ;;
esac

{
  echo "date:      $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cpu:       $(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -1) ($(nproc) CPUs)"
  echo "memory:    $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "kernel:    $(uname -sr)"
  echo "java:      $("$JAVA_HOME/bin/java" -version 2>&1 | head -1) ($JAVA_HOME)"
  echo "rustc:     $(${RUSTC:-/usr/bin/rustc} --version 2>/dev/null)"
  echo "mode:      $mode: $wi warmup + $i measurement iterations of $iter_ms ms, 1 fork"
  echo "load avg:  $(cut -d' ' -f1-3 /proc/loadavg) (at start)"
} >"$out/machine.txt"

echo "bench.sh: native Wasmtime from Rust ($mode)"
prefix=""
# A JMH regex naming one group (e.g. CallBench) runs the driver's matching measures only.
case "$regex" in
  *Compute*) prefix=compute. ;;
  *Call*) prefix=call. ;;
  *Memory*) prefix=memory. ;;
  *Instantiate*) prefix=instantiate. ;;
esac
# Run before and after JMH; the report keeps each measure's lower score, so a burst of load on a
# shared machine during one of the two runs does not flatter the Java subjects.
"$natives/native-bench" "$natives/artifacts" "$arch" "$wi" "$i" "$iter_ms" $prefix | tee "$out/native-1.tsv"

echo "bench.sh: JMH ($mode): every provider x profile, Chicory, bare FFM (log: $out/jmh.log)"
cp="$root/benchmarks/target/classes:$(cat benchmarks/target/bench.classpath)"
set +e
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED "-Dnostdwasm.bench.dir=$natives" -cp "$cp" \
  org.openjdk.jmh.Main -f 1 -wi "$wi" -i "$i" -w "${iter_ms}ms" -r "${iter_ms}ms" -foe true \
  -rf json -rff "$out/jmh.json" ${regex:+"$regex"} 2>&1 | tee "$out/jmh.log" \
  | grep --line-buffered -E '^(# Parameters:|Benchmark |[A-Z][A-Za-z]+Bench\.)'
status=${PIPESTATUS[0]}
set -e
[ "$status" = 0 ] || { echo "bench.sh: JMH failed (exit $status): see $out/jmh.log" >&2; exit 1; }

echo "bench.sh: native Wasmtime from Rust again"
"$natives/native-bench" "$natives/artifacts" "$arch" "$wi" "$i" "$iter_ms" $prefix >"$out/native-2.tsv"
echo "load avg:  $(cut -d' ' -f1-3 /proc/loadavg) (at end)" >>"$out/machine.txt"
command="scripts/bench.sh $*"
python3 benchmarks/scripts/report.py --jmh "$out/jmh.json" --native "$out/native-1.tsv" --native "$out/native-2.tsv" --root "$root" \
  --mode "$mode" --command "${command% }" --machine "$out/machine.txt" --notes docs/perf/notes.md
