#!/usr/bin/env bash
# Builds the native runtime and the precompiler for every shipped target:
#   rust-nostd/target/native/linux-<arch>/libnsw_embedding.so           (stripped, shipped)
#   rust-nostd/target/native/linux-<arch>/libnsw_embedding.unstripped.so (for symbol checks)
#   rust-nostd/target/native/linux-<arch>/nsw-precompile                 (host CLI)
# and, for this machine only, the spec-test converter of the conformance tests:
#   rust-nostd/target/native/linux-<host arch>/nsw-wast-convert
# Usage: build.sh [arch...]   (default: x86_64 aarch64; x86_64 alone with NSW_AARCH64_SKIP=true)
set -euo pipefail
source "$(dirname "$0")/../../scripts/env.sh"
cd "$NSW_ROOT/rust-nostd"
arches=("$@"); [ ${#arches[@]} -eq 0 ] && arches=("${NSW_ARCHES[@]}")

nsw_step "headers from the Rust sources (rewritten when the C ABI changed)"
"$NSW_ROOT/scripts/gen-headers.sh"

for arch in "${arches[@]}"; do
  triple=$(nsw_triple "$arch"); out="target/native/linux-$arch"; mkdir -p "$out"
  nsw_step "embedding (no_std) for $triple"
  "$CARGO" build --locked --release -p nsw-embedding --target "$triple"
  # Only the C ABI is exported; the wasmtime_* platform symbols stay
  # undefined and resolve against the shim loaded RTLD_GLOBAL beforehand.
  "$(nsw_cc "$arch")" -shared -o "$out/libnsw_embedding.unstripped.so" \
    -static-libgcc -Wl,--gc-sections -Wl,--version-script=scripts/exports.map \
    -Wl,--whole-archive "$CARGO_TARGET_DIR/$triple/release/libnsw_embedding.a" -Wl,--no-whole-archive
  "$(nsw_strip "$arch")" --strip-all -o "$out/libnsw_embedding.so" "$out/libnsw_embedding.unstripped.so"
  nsw_step "precompiler (std) for a $arch host"
  "$CARGO" build --locked --release -p nsw-precompiler --target "$triple"
  "$(nsw_strip "$arch")" --strip-debug -o "$out/nsw-precompile" "$CARGO_TARGET_DIR/$triple/release/nsw-precompile"
  ls -l "$out" >&2
done

# The converter runs only on the build machine (it-tests/scripts/convert-spec.sh),
# so one host build serves every target; its own invocation keeps its
# dependencies' features away from the embedding's.
host=$(uname -m)
case "$host" in x86_64 | aarch64) ;; *) echo "build.sh: unsupported build machine '$host'" >&2; exit 1 ;; esac
nsw_step "spec-test converter (std) for this $host machine"
out="target/native/linux-$host"; mkdir -p "$out"
"$CARGO" build --locked --release -p nsw-spec-convert --target "$(nsw_triple "$host")"
"$(nsw_strip "$host")" --strip-debug -o "$out/nsw-wast-convert" "$CARGO_TARGET_DIR/$(nsw_triple "$host")/release/nsw-wast-convert"
