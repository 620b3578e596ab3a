#!/usr/bin/env bash
# Builds the WASI test programs of wasi-tests (wasi-tests/README.md):
#
#   build-wasi-programs.sh C_DIR GO_PACKAGES OUT_DIR
#
#   C_DIR/*.c      each a program of ours -> OUT_DIR/c/<name>.wasm (WASI_CC, wasm32-wasi, wasi-libc)
#   GO_PACKAGES    one Go standard-library package per line (the first word; # starts a comment)
#                  -> OUT_DIR/go/<package with / as _>.wasm, its test binary (GOOS=wasip1 GOARCH=wasm)
#                  OUT_DIR/go/goroot/: the part of GOROOT that these tests read (its top-level files,
#                  each package's directory with its testdata, the time zone database, and src/unicode,
#                  which path/filepath's tests walk); the tests run with it preopened as GOROOT
#
# A stamp (OUT_DIR/.stamp: a hash of the inputs and the tool versions) makes a warm build skip
# everything. Go's build cache lives in the cache directory, so a clean build only relinks.
# Tools: WASI_CC and GO from scripts/toolchain.properties. Cache: $NSW_CACHE_DIR, default
# ~/.cache/nostd-wasm-java. Prints how long each part took.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/scripts/toolchain.properties"

die() { echo "build-wasi-programs.sh: $*" >&2; exit 1; }
[ $# = 3 ] || die "usage: $0 C_DIR GO_PACKAGES OUT_DIR"
c_dir=$1 go_packages=$2 out=$3

command -v "$WASI_CC" >/dev/null || die "$WASI_CC is missing (scripts/bootstrap.sh installs clang-14, lld-14 and wasi-libc)"
[ -d /usr/lib/wasm32-wasi ] || die "wasi-libc is missing (scripts/bootstrap.sh installs it)"
"$GO" version >/dev/null 2>&1 || die "Go is missing: no $GO (install Go 1.26 or newer, or set GO in scripts/toolchain.properties)"

mapfile -t packages < <(sed -e 's/#.*//' "$go_packages" | awk 'NF && !seen[$1]++ { print $1 }')
[ ${#packages[@]} -gt 0 ] || die "no packages in $go_packages"

stamp=$( {
  "$WASI_CC" --version | head -1
  "$GO" version
  sha256sum "$0" "$go_packages" "$c_dir"/*.c "$c_dir"/*.h
} | sha256sum | cut -d' ' -f1)
if [ -f "$out/.stamp" ] && [ "$(cat "$out/.stamp")" = "$stamp" ]; then
  echo "build-wasi-programs.sh: up to date in $out"
  exit 0
fi
rm -rf "$out"
mkdir -p "$out/c" "$out/go"

start=$SECONDS
for source in "$c_dir"/*.c; do
  # -lwasi-emulated-process-clocks: clocks.c names the CPU-time clocks through <time.h>.
  "$WASI_CC" --target=wasm32-wasi -O2 -Wall -Wextra -Werror -Wno-unused-parameter \
    -o "$out/c/$(basename "$source" .c).wasm" "$source" -lwasi-emulated-process-clocks
done
c_seconds=$((SECONDS - start))

cache="${NSW_CACHE_DIR:-$HOME/.cache/nostd-wasm-java}"
# Offline and local: the standard library needs no download, and no other Go toolchain.
export GOCACHE="$cache/go-build" GOPATH="$cache/go-path" GOTOOLCHAIN=local GOPROXY=off GOFLAGS= GOTELEMETRY=off
export GOOS=wasip1 GOARCH=wasm
goroot=$(GOOS= GOARCH= "$GO" env GOROOT)
start=$SECONDS
mirror=$out/go/goroot
mkdir -p "$mirror/lib/time"
# The top-level files too: os's tests list GOROOT and look for them.
find "$goroot" -maxdepth 1 -type f -exec cp {} "$mirror/" \;
cp "$goroot/lib/time/zoneinfo.zip" "$mirror/lib/time/"
for directory in "${packages[@]}" unicode; do
  mkdir -p "$mirror/src/$(dirname "$directory")"
  cp -r "$goroot/src/$directory" "$mirror/src/$(dirname "$directory")/"
done
for package in "${packages[@]}"; do
  "$GO" test -c -o "$out/go/${package//\//_}.wasm" "$package"
done
go_seconds=$((SECONDS - start))

echo "$stamp" >"$out/.stamp"
echo "build-wasi-programs.sh: $(ls "$out/c" | wc -l) C programs in ${c_seconds}s, ${#packages[@]} Go test binaries in ${go_seconds}s, in $out"
