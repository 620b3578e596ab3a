#!/usr/bin/env python3
"""Turns one benchmark run into docs/perf/results.tsv and docs/PERFORMANCE.md.

    report.py --jmh JMH.json --native NATIVE.tsv [--native NATIVE2.tsv] --root REPO --mode quick|full
              --command "..." --machine MACHINE.txt [--notes NOTES.md]

Every ratio is subject time / baseline time with both from this run. Measures are named
<group>.<workload> (JMH's ComputeBench.sha256 is compute.sha256); subjects as in Subjects.java,
plus wasmtime-rust:<profile> from the Rust driver. --notes is the hand-written analysis
(what was optimized, what falls short) kept in docs/perf/notes.md and copied into the page.
"""
import argparse
import json
import os
import statistics
import sys
from collections import OrderedDict

COMPUTE = ["sha256", "matmul", "sieve", "fib", "sort"]
PROFILES = ["native", "native-signals", "pulley"]
RUST_BASE = "wasmtime-rust:native-signals"
MIB = 1 << 20


def measure_name(benchmark):
    # dev.nostdwasm.bench.ComputeBench.sha256 -> compute.sha256
    cls, method = benchmark.rsplit(".", 2)[-2:]
    return cls[: -len("Bench")].lower() + "." + method


def load(args):
    scores = OrderedDict()  # (measure, subject) -> ns/op
    with open(args.jmh) as f:
        for r in json.load(f):
            unit = r["primaryMetric"]["scoreUnit"]
            if unit != "ns/op":
                sys.exit(f"report.py: unexpected JMH unit {unit} (the benchmarks report ns/op)")
            # The median of the measurement iterations, not JMH's mean: on a shared machine one
            # iteration hit by other load would move the mean; native_bench.rs does the same.
            iterations = [x for fork in r["primaryMetric"]["rawData"] for x in fork]
            scores[(measure_name(r["benchmark"]), r["params"]["subject"])] = statistics.median(iterations)
    for path in args.native:
        with open(path) as f:
            for line in f:
                measure, subject, ns, _result = line.rstrip("\n").split("\t")
                key = (measure, subject)
                scores[key] = min(float(ns), scores.get(key, float("inf")))
    return scores


def lib_sizes(root):
    """Bytes of the native libraries each provider ships per target (from the providers' jars)."""
    sizes = OrderedDict()
    for provider, libs in (("ffm", ("libnsw_embedding", "libnsw_platform")),
                           ("jni", ("libnsw_embedding", "libnsw_platform", "libnsw_jni"))):
        base = os.path.join(root, f"sdk-{provider}", "target", "classes", "META-INF", "native")
        if not os.path.isdir(base):
            continue
        for target in sorted(os.listdir(base)):
            total = 0
            if not os.path.isdir(os.path.join(base, target)):
                continue
            for name in os.listdir(os.path.join(base, target)):
                if name.endswith(".so") and name.startswith(libs):
                    total += os.path.getsize(os.path.join(base, target, name))
            sizes[f"{provider}:{target}"] = total
    return sizes


def rows(scores, sizes):
    """(measure, subject, baseline, ratio, goal, met) for every goal in docs/PERFORMANCE.md."""
    out = []

    def ratio_row(measure, subject, baseline, op, limit):
        s, b = scores.get((measure, subject)), scores.get((measure, baseline))
        if s is None or b is None:
            out.append((measure, subject, baseline, "n/a", f"{op}{limit}", "n/a (not measured)"))
            return
        r = s / b
        ok = r <= limit if op == "<=" else r >= limit
        out.append((measure, subject, baseline, f"{r:.3f}", f"{op}{limit}", "yes" if ok else "no"))

    for w in COMPUTE:
        m = "compute." + w
        ratio_row(m, "ffm:native-signals", RUST_BASE, "<=", 1.05)
        ratio_row(m, "ffm:native", RUST_BASE, "<=", 1.3)
        ratio_row(m, "chicory:compiler", "ffm:native-signals", ">=", 3)
        out.append((m, "redline", "ffm:native-signals", "n/a", ">=1.0",
                    "n/a (no redline compiler on Maven Central: see benchmarks/README.md)"))
    for m in ("call.i32x2", "call.i64x4"):
        for p in PROFILES:
            ratio_row(m, "ffm:" + p, "ffm-bare", "<=", 2)
        for p in PROFILES:
            ratio_row(m, "jni:" + p, "ffm-bare", "<=", 3)
    for prov in ("ffm", "jni"):
        for p in PROFILES:
            ratio_row("call.host", f"{prov}:{p}", "ffm-bare", "<=", 3)
    for m, limit in (("instantiate.small", 20), ("instantiate.data1m", 50)):
        for prov in ("ffm", "jni"):
            for p in PROFILES:
                s = scores.get((m, f"{prov}:{p}"))
                if s is None:
                    out.append((m, f"{prov}:{p}", "1us", "n/a", f"<={limit}", "n/a (not measured)"))
                    continue
                us = s / 1000
                out.append((m, f"{prov}:{p}", "1us", f"{us:.3f}", f"<={limit}", "yes" if us <= limit else "no"))
    for subject, size in sizes.items():
        r = size / (6 * MIB)
        out.append(("native-library-size", subject, "6MiB", f"{r:.3f}", "<=1", "yes" if r <= 1 else "no"))
    return out


def fmt_ns(ns):
    if ns >= 1e6:
        return f"{ns / 1e6:.2f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.2f} us"
    return f"{ns:.1f} ns"


def score_table(scores):
    measures = list(OrderedDict.fromkeys(m for m, _ in scores))
    order = ["wasmtime-rust:native", "wasmtime-rust:native-signals", "wasmtime-rust:pulley", "ffm-bare",
             "ffm:native", "ffm:native-signals", "ffm:pulley", "jni:native", "jni:native-signals", "jni:pulley",
             "chicory:compiler", "chicory:interpreter"]
    subjects = [s for s in order if any((m, s) in scores for m in measures)]
    group_order = {"compute": 0, "call": 1, "memory": 2, "instantiate": 3}
    first = {m: i for i, m in enumerate(measures)}
    measures.sort(key=lambda m: (group_order.get(m.split(".")[0], 9), first[m]))
    lines = ["| measure | " + " | ".join(subjects) + " |", "|---" * (len(subjects) + 1) + "|"]
    for m in measures:
        cells = [fmt_ns(scores[(m, s)]) if (m, s) in scores else "" for s in subjects]
        lines.append(f"| {m} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jmh", required=True)
    ap.add_argument("--native", required=True, action="append",
                    help="a native-bench output; given twice (before and after JMH), the lower score counts")
    ap.add_argument("--root", required=True)
    ap.add_argument("--mode", required=True)
    ap.add_argument("--command", required=True)
    ap.add_argument("--machine", required=True)
    ap.add_argument("--notes")
    args = ap.parse_args()

    scores = load(args)
    sizes = lib_sizes(args.root)
    goal_rows = rows(scores, sizes)
    perf = os.path.join(args.root, "docs", "perf")
    os.makedirs(perf, exist_ok=True)
    with open(os.path.join(perf, "results.tsv"), "w") as f:
        f.write("measure\tsubject\tbaseline\tratio\tgoal\tmet\n")
        for r in goal_rows:
            f.write("\t".join(r) + "\n")
    with open(os.path.join(perf, "scores.tsv"), "w") as f:
        f.write("measure\tsubject\tns_per_op\n")
        for (m, s), ns in scores.items():
            f.write(f"{m}\t{s}\t{ns:.3f}\n")

    met = sum(1 for r in goal_rows if r[5] == "yes")
    missed = [r for r in goal_rows if r[5] == "no"]
    na = sum(1 for r in goal_rows if r[5].startswith("n/a"))
    with open(args.machine) as f:
        machine = f.read().strip()
    notes = ""
    if args.notes and os.path.exists(args.notes):
        with open(args.notes) as f:
            notes = f.read().strip()

    goal_lines = ["| measure | subject | baseline | ratio | goal | met |", "|---|---|---|---|---|---|"]
    goal_lines += ["| " + " | ".join(r) + " |" for r in goal_rows]
    page = f"""# Performance

Generated by `scripts/bench.sh` from one run ({args.mode} mode); do not edit by hand (the
analysis below comes from `docs/perf/notes.md`). Every ratio is subject time / baseline time,
both measured in the same run, so ratios hold where absolute times drift.

- Workloads (C compiled to wasm in the build) and subjects: `benchmarks/README.md`.
- Goals: `docs/perf/results.tsv` (below); every score: `docs/perf/scores.tsv`.
- Goals met: **{met}**, missed: **{len(missed)}**, not measurable: {na}.
- Instantiation rows give the time itself in microseconds (baseline `1us`); library-size rows the
  size over 6 MiB.

## Command

```sh
{args.command}
```

## Machine

```text
{machine}
```

## How each subject is timed

- JMH {args.mode} mode, average time per operation, one fork per benchmark and subject (a fresh
  JVM each, so no subject's JIT profile affects another's), iterations as under Machine. A
  score is the median of the measurement iterations (not JMH's mean), so that one iteration
  disturbed by other load does not move it.
- `wasmtime-rust:<profile>`: `benchmarks/src/main/rust/native_bench.rs`, the same artifacts
  through the same `libnsw_embedding.so` + `libnsw_platform.so` from Rust, timed like JMH's
  average-time mode (a timer thread ends each iteration; iteration score = its time / its
  operations; the same number and length of warmup and measurement iterations; the median of
  the measurement iterations). It runs before and after JMH and the lower of its two scores
  counts: a baseline can only get stricter that way.
- `ffm-bare`: FFM straight to empty C functions (`bare.c`): the floor for a Java -> native call,
  an upcall, and a 4 KiB copy.
- `chicory:interpreter`, `chicory:compiler`: Chicory {chicory_version()} on the same `.wasm`
  (the compiler translates to JVM bytecode once at setup).
- Compute baseline: native Wasmtime from Rust with the `native-signals` artifact (Wasmtime's
  default configuration: guard pages, no explicit bounds checks); the `native` profile's 1.3
  allowance is for its explicit bounds checks.

## Goals

{chr(10).join(goal_lines)}

## All scores (time per operation)

{score_table(scores)}

{notes}
"""
    with open(os.path.join(args.root, "docs", "PERFORMANCE.md"), "w") as f:
        f.write(page)
    print(f"report.py: {met} goals met, {len(missed)} missed, {na} not measurable; "
          f"docs/PERFORMANCE.md and docs/perf/results.tsv written")
    for r in missed:
        print("  missed: " + "  ".join(r))


def chicory_version():
    return os.environ.get("NSW_BENCH_CHICORY", "1.7.5")


if __name__ == "__main__":
    main()
