#!/usr/bin/env bash
# Builds everything the benchmarks run besides Java, into OUT_DIR:
#   wasm/{workloads,small,data1m}.wasm   the C workloads (clang-14, lld-14, wasi-libc)
#   artifacts/<stem>.<profile>.<target>.cwasm   the same modules precompiled by nsw-precompile
#                                        (this machine's target and pulley64, every profile)
#   libnsw_bench_bare.so                 the empty C functions of the bare FFM baselines
#   native-bench                         the Rust driver: the workloads through the same
#                                        libnsw_embedding.so + libnsw_platform.so, no JVM
#
#   build-natives.sh REPO_ROOT NATIVES_DIR OUT_DIR
# NATIVES_DIR holds linux-<arch>/{libnsw_embedding.so, libnsw_platform.so, nsw-precompile}
# (the artifacts of rust-nostd and platform-shim, unpacked by the pom).
# Steps whose outputs are newer than their inputs are skipped.
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 REPO_ROOT NATIVES_DIR OUT_DIR" >&2; exit 2; }
root=$(cd "$1" && pwd) natives_dir=$2 out=$3
source "$root/scripts/env.sh"
src=$root/benchmarks/src/main
case "$(uname -m)" in
  x86_64 | amd64) arch=x86_64 ;;
  aarch64 | arm64) arch=aarch64 ;;
  *) echo "build-natives.sh: unsupported machine '$(uname -m)' (x86_64 or aarch64)" >&2; exit 1 ;;
esac
native=$natives_dir/linux-$arch
shim=$native
cc=$(nsw_cc "$arch")
precompile=${NSW_PRECOMPILE:-$native/nsw-precompile}
for f in "$precompile" "$native/libnsw_embedding.so" "$shim/libnsw_platform.so"; do
  [ -e "$f" ] || { echo "build-natives.sh: $f is missing: build rust-nostd and platform-shim first (./mvnw -pl platform-shim,rust-nostd,benchmarks -am verify)" >&2; exit 1; }
done
for tool in clang-14 "$cc"; do
  command -v "$tool" >/dev/null || { echo "build-natives.sh: $tool is missing: run scripts/bootstrap.sh as root" >&2; exit 1; }
done
[ -d /usr/lib/wasm32-wasi ] || { echo "build-natives.sh: wasi-libc is missing: run scripts/bootstrap.sh as root" >&2; exit 1; }

mkdir -p "$out/wasm" "$out/artifacts"
stale() { # OUTPUT INPUTS...: true when OUTPUT is missing or older than an input
  local o=$1; shift
  [ -e "$o" ] || return 0
  for i in "$@"; do [ "$i" -nt "$o" ] && return 0; done
  return 1
}

# Reactor-style modules: no _start, no WASI imports; wasi-libc only supplies memset/memcpy.
for stem in workloads small data1m; do
  if stale "$out/wasm/$stem.wasm" "$src/c/$stem.c"; then
    clang-14 --target=wasm32-wasi -O2 -nostartfiles -Wl,--no-entry -Wl,--strip-all \
      -o "$out/wasm/$stem.wasm" "$src/c/$stem.c"
  fi
done

if stale "$out/artifacts/workloads.native.$arch.cwasm" "$out"/wasm/*.wasm "$precompile"; then
  rm -f "$out"/artifacts/*.cwasm
  "$precompile" --out-dir "$out/artifacts" --target "$arch" --target pulley64 \
    --profile native --profile native-signals --profile pulley "$out"/wasm/*.wasm 2>&1 \
    | grep -v -e '^nsw-precompile: skipping' -e '^\[[0-9]*/[0-9]*\] compiled' || true
fi

if stale "$out/libnsw_bench_bare.so" "$src/c/bare.c"; then
  "$cc" -std=c11 -O2 -fPIC -shared -Wall -Wextra -Werror -o "$out/libnsw_bench_bare.so" "$src/c/bare.c"
fi

if stale "$out/native-bench" "$src/rust/native_bench.rs" "$native/libnsw_embedding.so" "$shim/libnsw_platform.so"; then
  # The shim goes in with --no-as-needed: the driver never calls it, the embedding does.
  "$RUSTC" --edition 2021 -C opt-level=3 -C debuginfo=0 -L "$native" -L "$shim" \
    -C link-arg=-Wl,--no-as-needed -C link-arg=-lnsw_platform -C "link-arg=-Wl,-rpath,$shim:$native" \
    -o "$out/native-bench" "$src/rust/native_bench.rs"
fi
echo "build-natives.sh: $(ls "$out"/artifacts/*.cwasm | wc -l) artifacts, native-bench and the bare library in $out"
