#!/usr/bin/env bash
# Generates the two C headers from their Rust sources with cbindgen:
#   platform-shim/include/wasmtime-platform.h  from Wasmtime's custom platform API
#   rust-nostd/include/nsw.h                   from our embedding's C ABI
# Rewrites a header only when its content changed, and then says so on stderr
# (the headers are committed: review and commit the change). rust-nostd/scripts/build.sh
# runs this, so a C ABI change is the Rust function plus a rebuild; the Java and JNI
# bindings follow nsw.h at build time (scripts/gen-abi.py).
# With --check, compares instead and fails when a committed copy is stale.
set -euo pipefail
source "$(dirname "$0")/env.sh"
check=0; [ "${1:-}" = "--check" ] && check=1
cd "$NSW_ROOT/rust-nostd"
wasmtime_dir=$("$CARGO" metadata --format-version 1 --locked 2>/dev/null \
  | python3 -c 'import json,sys; m=json.load(sys.stdin); print(next(p["manifest_path"] for p in m["packages"] if p["name"]=="wasmtime").rsplit("/",1)[0])')
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cbindgen --quiet "$wasmtime_dir/src/runtime/vm/sys/custom/capi.rs" \
  --config "$NSW_ROOT/platform-shim/cbindgen.toml" --output "$tmp/wasmtime-platform.h"
cbindgen --quiet --config crates/embedding/cbindgen.toml --crate nsw-embedding --output "$tmp/nsw.h"
stale=0
for pair in "wasmtime-platform.h:$NSW_ROOT/platform-shim/include/wasmtime-platform.h" "nsw.h:$NSW_ROOT/rust-nostd/include/nsw.h"; do
  new="$tmp/${pair%%:*}"; committed="${pair#*:}"
  if [ $check = 1 ]; then
    if ! cmp -s "$new" "$committed"; then
      echo "stale header: $committed differs from what cbindgen generates now:" >&2
      diff -u "$committed" "$new" | head -40 >&2 || true
      stale=1
    fi
  elif ! cmp -s "$new" "$committed"; then
    cp "$new" "$committed"
    echo "${committed#"$NSW_ROOT"/} changed: commit it" >&2
  fi
done
if [ $stale = 1 ]; then
  echo "Regenerate with scripts/gen-headers.sh, review the diff and commit it." >&2
  exit 1
fi
