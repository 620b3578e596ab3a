#!/usr/bin/env bash
# Proves the embedding needs nothing of std: type-checks it for the
# bare-metal targets <arch>-unknown-none (x86_64, aarch64), whose
# core/alloc are built from Debian's rust-web-src (-Zbuild-std, enabled on the
# stable compiler with RUSTC_BOOTSTRAP). No library is produced: the shipped
# libraries are the *-linux-gnu builds, checked by check-symbols.sh.
set -euo pipefail
source "$(dirname "$0")/../../scripts/env.sh"
cd "$NSW_ROOT/rust-nostd"
passed=0; failed=0
for arch in "${NSW_ARCHES[@]}"; do
  target=$arch-unknown-none
  if RUSTC_BOOTSTRAP=1 "$CARGO" check --locked -q -p nsw-embedding --target "$target" \
      -Zbuild-std=core,alloc --target-dir "$CARGO_TARGET_DIR/bare-metal"; then
    echo "ok   the embedding builds for $target (no std exists there)"; passed=$((passed+1))
  else
    echo "FAIL the embedding does not build for $target"; failed=$((failed+1))
  fi
done
echo "bare-metal: $passed passed, $failed failed"
[ "$failed" = 0 ]
