#!/usr/bin/env bash
# Converts the WebAssembly spec test suite for the conformance runner.
#
#   convert-spec.sh NATIVE_DIR OUT_DIR
#
# NATIVE_DIR is rust-nostd/target/native; the converter is
# NATIVE_DIR/linux-<this machine's arch>/nsw-wast-convert (or $NSW_WAST_CONVERT).
# Every file included in it-tests/conformance/files.tsv becomes
# OUT_DIR/<suite>/<stem>/commands.json plus artifacts for native and native-signals on
# x86_64 and aarch64 and pulley on pulley64 (it-tests/conformance/FORMAT.md).
# A second run with the same converter binary and list does nothing (OUT_DIR/.stamp).
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 NATIVE_DIR OUT_DIR" >&2
  exit 2
fi
native_dir=$1 out_dir=$2
list=$(cd "$(dirname "$0")/.." && pwd)/conformance/files.tsv

case "$(uname -m)" in
  x86_64 | amd64) arch=x86_64 ;;
  aarch64 | arm64) arch=aarch64 ;;
  *) echo "convert-spec.sh: unsupported machine '$(uname -m)' (x86_64 or aarch64)" >&2; exit 1 ;;
esac
converter=${NSW_WAST_CONVERT:-$native_dir/linux-$arch/nsw-wast-convert}

if [ ! -x "$converter" ]; then
  cat >&2 <<MSG
convert-spec.sh: the spec-test converter is missing: $converter
  The conformance tests need nsw-wast-convert, which the rust-nostd module builds.
  Build rust-nostd first, e.g. from the repository root:
      ./mvnw -B -ntp -pl rust-nostd install      (or rust-nostd/scripts/build.sh)
  or point NSW_WAST_CONVERT at an nsw-wast-convert binary.
MSG
  exit 1
fi
if [ ! -f "$list" ]; then
  echo "convert-spec.sh: the file list is missing: $list" >&2
  exit 1
fi

# The output depends only on the converter (Wasmtime, the testsuite data, the
# conversion) and the list; the stamp is written last, so an interrupted run
# is redone.
stamp=$(sha256sum "$converter" "$list" | awk '{print $1}' | sha256sum | awk '{print $1}')
if [ -f "$out_dir/.stamp" ] && [ "$(cat "$out_dir/.stamp")" = "$stamp" ] && [ -f "$out_dir/index.json" ]; then
  echo "convert-spec.sh: $out_dir is up to date"
  exit 0
fi

echo "convert-spec.sh: converting the spec tests into $out_dir (converter $converter)"
started=$(date +%s)
"$converter" --list "$list" --out "$out_dir"
echo "$stamp" >"$out_dir/.stamp"
echo "convert-spec.sh: done in $(($(date +%s) - started)) s"
