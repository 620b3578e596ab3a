#!/usr/bin/env bash
# Tests of the native core (after build.sh and the shim's build):
# Rust unit tests, the embedding's module graph, symbol checks, and the end-to-end harness per arch
# (aarch64 under qemu-user). Artifacts for each arch are compiled by that
# arch's own precompiler build.
set -euo pipefail
source "$(dirname "$0")/../../scripts/env.sh"
cd "$NSW_ROOT/rust-nostd"
arches=("$@"); [ ${#arches[@]} -eq 0 ] && arches=("${NSW_ARCHES[@]}")
# The shim of an arch: from the platform-shim artifact the pom unpacked into
# $NSW_NATIVES_DIR/linux-<arch>, or, run by hand, from that module's build directory.
shim() {
  if [ -n "${NSW_NATIVES_DIR:-}" ]; then echo "$NSW_NATIVES_DIR/linux-$1/libnsw_platform.so"
  else echo "$NSW_ROOT/platform-shim/target/$1/libnsw_platform.so"; fi
}

nsw_step "Rust tests: contract and precompiler"
"$CARGO" test --locked -p nsw-contract -p nsw-precompiler

nsw_step "Rust tests: spec-test converter"
"$CARGO" test --locked -p nsw-spec-convert

nsw_step "the embedding's modules: error.rs a leaf, no cycles, each C function in its noun's file"
python3 scripts/check-module-graph.py

nsw_step "the embedding builds where no std exists"
scripts/check-bare-metal.sh

for arch in "${arches[@]}"; do
  out="target/native/linux-$arch"
  nsw_step "symbol checks ($arch)"
  scripts/check-symbols.sh "$arch"

  nsw_step "precompile the harness modules with the $arch precompiler"
  rm -rf "$out/artifacts"; mkdir -p "$out/artifacts"
  nsw_run "$arch" "$out/nsw-precompile" --out-dir "$out/artifacts" \
    --target x86_64 --target aarch64 --target pulley64 \
    --profile native --profile native-signals --profile pulley harness/wat/*.wat
  nsw_run "$arch" "$out/nsw-precompile" --out-dir "$out/artifacts/metered" --fuel --epoch \
    --target "$arch" --target pulley64 --profile native --profile native-signals --profile pulley harness/wat/spin.wat

  nsw_step "end-to-end harness ($arch)"
  "$(nsw_cc "$arch")" -std=c11 -O2 -Wall -Wextra -Werror -Iinclude -o "$out/harness" harness/harness.c -ldl -lpthread
  nsw_run "$arch" "$out/harness" "$(shim "$arch")" \
    "$out/libnsw_embedding.so" "$out/artifacts" "$arch"
done
