#!/usr/bin/env bash
# Runs `make [TARGET...] ARCH=<arch>` in platform-shim for every architecture the build
# ships (NSW_ARCHES in scripts/env.sh: x86_64 only when NSW_AARCH64_SKIP=true).
#   make-arches.sh            builds the library of each
#   make-arches.sh test       builds and runs the tests of each
set -euo pipefail
source "$(dirname "$0")/../../scripts/env.sh"
for arch in "${NSW_ARCHES[@]}"; do
  make --no-print-directory -C "$NSW_ROOT/platform-shim" "$@" ARCH="$arch"
done
