#!/usr/bin/env bash
# Bundles nsw-precompile for both host architectures under OUT_DIR/META-INF/native
# (read by Precompiler.bundled() through NativeBundle.extractExecutable), stripped of
# symbols first: build.sh keeps the symbol table (--strip-debug), which the jar does
# not need.
# NATIVES_DIR holds linux-<arch>/nsw-precompile (rust-nostd's artifacts, unpacked by the pom).
# Usage: NSW_VERSION=<version> bundle-precompiler.sh OUT_DIR NATIVES_DIR WORK_DIR
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: NSW_VERSION=<version> $0 OUT_DIR NATIVES_DIR WORK_DIR" >&2; exit 2; }
out=$1; natives=$2; work=$3
source "$(dirname "$0")/../../scripts/env.sh"
args=()
for arch in "${NSW_ARCHES[@]}"; do
  src="$natives/linux-$arch/nsw-precompile"
  [ -f "$src" ] || { echo "bundle-precompiler: missing $src: build rust-nostd first (./mvnw -pl rust-nostd,precompiler verify)" >&2; exit 1; }
  dst="$work/linux-$arch/nsw-precompile"
  mkdir -p "$(dirname "$dst")"
  tool=$(nsw_strip "$arch")
  if command -v "$tool" >/dev/null; then
    "$tool" --strip-all -o "$dst" "$src"
  else
    echo "bundle-precompiler: $tool not found: bundling $src unstripped" >&2
    cp "$src" "$dst"
  fi
  args+=(--arch "$arch" --exe "$dst")
done
exec "$NSW_ROOT/scripts/bundle-natives.sh" "$out" "${args[@]}"
