#!/usr/bin/env bash
# Regenerates the FFM bindings of sdk-ffm from rust-nostd/include/nsw.h with jextract.
#
# The bindings in src/main/java/dev/nostdwasm/ffm/bindings/ were written by hand in jextract's
# shape, because jextract cannot be installed on the build machines (no reachable registry has
# it). Where jextract exists (https://jdk.java.net/jextract/, a build for JDK 22 or later), this
# script runs the command they follow:
#
#   jextract --output <dir> --target-package dev.nostdwasm.ffm.bindings \
#            --header-class-name nsw_h rust-nostd/include/nsw.h
#
# It writes into a scratch directory (default: sdk-ffm/target/jextract) and does not overwrite the
# checked-in sources: the hand-written classes differ from jextract's on purpose (symbols come
# from nsw_h.bind(SymbolLookup) instead of a lookup fixed at class init; descriptors readable
# without resolving symbols; callback types as functional interfaces). Diff the output against
# them and port the changes; HeaderDriftTest (mvn -pl sdk-ffm verify) says when they agree.
#
# Usage: sdk-ffm/scripts/regen-bindings.sh [output-dir]
# Env:   JEXTRACT  path of the jextract launcher (default: jextract on PATH)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
header="$root/rust-nostd/include/nsw.h"
out="${1:-$root/sdk-ffm/target/jextract}"
jextract="${JEXTRACT:-jextract}"

if ! command -v "$jextract" >/dev/null 2>&1; then
  cat >&2 <<MSG
regen-bindings: jextract is not on PATH (set JEXTRACT=/path/to/jextract to use another one).
  jextract cannot be installed on this machine; the bindings in
  sdk-ffm/src/main/java/dev/nostdwasm/ffm/bindings/ are maintained by hand in its shape.
  After changing rust-nostd/include/nsw.h, update them by hand and run
    ./mvnw -pl sdk-api,sdk-ffm -am verify
  HeaderDriftTest lists every function, constant and layout that differs from the header.
MSG
  exit 2
fi

if [[ ! -f "$header" ]]; then
  echo "regen-bindings: $header not found (run rust-nostd/scripts/gen-headers.sh)" >&2
  exit 1
fi

rm -rf "$out"
mkdir -p "$out"
set -x
"$jextract" \
  --output "$out" \
  --target-package dev.nostdwasm.ffm.bindings \
  --header-class-name nsw_h \
  "$header"
{ set +x; } 2>/dev/null
echo "regen-bindings: jextract wrote $out/dev/nostdwasm/ffm/bindings/; diff it against" \
     "sdk-ffm/src/main/java/dev/nostdwasm/ffm/bindings/ and port the changes by hand."
