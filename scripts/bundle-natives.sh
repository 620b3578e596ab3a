#!/usr/bin/env bash
# Lays out native libraries as a provider jar carries them (read by
# dev.nostdwasm.api.natives.NativeBundle):
#
#   OUT_DIR/META-INF/native/linux-<arch>/<stem>-<version>.so
#   OUT_DIR/META-INF/native/linux-<arch>/<name>-<version>          (executables, --exe)
#   OUT_DIR/META-INF/native/manifest.sha256     ("<sha256>  linux-<arch>/<name>", sorted by name)
#
# Usage: NSW_VERSION=0.1.0-SNAPSHOT bundle-natives.sh OUT_DIR --arch ARCH FILE... [--arch ARCH FILE...]
#   ARCH is x86_64 or aarch64; each FILE is a shared library named <stem>.so, e.g.
#   --arch x86_64 rust-nostd/target/native/linux-x86_64/libnsw_embedding.so
#                 platform-shim/target/x86_64/libnsw_platform.so
#   --exe FILE (after an --arch) bundles an executable instead (NativeBundle.extractExecutable),
#   e.g. --arch x86_64 --exe rust-nostd/target/native/linux-x86_64/nsw-precompile
#
# The files of an architecture left out of the build (NSW_ARCHES in scripts/env.sh, e.g.
# aarch64 with NSW_AARCH64_SKIP=true) are left out of the bundle too, with a note.
#
# OUT_DIR/META-INF/native is rebuilt from the given files on every run (nothing stale is kept),
# so running it twice with the same inputs gives the same tree. The old tree is replaced only
# once the new one is complete.
set -euo pipefail

die() { echo "bundle-natives: $*" >&2; exit 1; }
usage() {
  echo "usage: NSW_VERSION=<version> $0 OUT_DIR --arch ARCH FILE... [--arch ARCH FILE...]" >&2
  echo "       ARCH is x86_64 or aarch64; every FILE is a <name>.so, or an executable after --exe" >&2
  exit 2
}

[ $# -ge 1 ] || usage
case "$1" in -*) usage ;; esac
out=$1; shift
[ -n "${NSW_VERSION:-}" ] || die "NSW_VERSION is not set: give the project version, e.g. NSW_VERSION=0.1.0-SNAPSHOT (the natives' file names carry it)"
case "$NSW_VERSION" in
  *[!A-Za-z0-9._+-]*) die "NSW_VERSION='$NSW_VERSION' has characters not allowed in a file name part (use letters, digits, . _ + -)" ;;
esac
command -v sha256sum >/dev/null || die "sha256sum (coreutils) is required"
source "$(dirname "$0")/env.sh"
built() { local a; for a in "${NSW_ARCHES[@]}"; do [ "$a" = "$1" ] && return 0; done; return 1; }

# First pass: check every argument before touching OUT_DIR.
arch=""; exe=0; sources=(); targets=(); modes=(); count=0; left_out=()
while [ $# -gt 0 ]; do
  case "$1" in
    --arch)
      [ $# -ge 2 ] || die "--arch needs a value (x86_64 or aarch64)"
      case "$2" in
        x86_64|aarch64) arch=$2 ;;
        *) die "unsupported architecture '$2': use x86_64 or aarch64" ;;
      esac
      built "$arch" || left_out+=("$arch")
      shift 2 ;;
    --arch=*)
      set -- --arch "${1#--arch=}" "${@:2}" ;;
    --exe)
      [ $# -ge 2 ] || die "--exe needs a file (an executable)"
      exe=1; shift ;;
    -*) die "unknown option '$1'" ;;
    *)
      [ -n "$arch" ] || die "'$1' comes before any --arch: say which architecture it is built for (--arch x86_64 or --arch aarch64)"
      if ! built "$arch"; then exe=0; shift; continue; fi
      [ -f "$1" ] || die "missing input file: $1 (build the native modules first)"
      base=$(basename -- "$1")
      if [ "$exe" = 1 ]; then
        case "$base" in
          *.so|*[!A-Za-z0-9._+-]*) die "$1: expected an executable named <name> (letters, digits, . _ + -; no .so)" ;;
        esac
        target="linux-$arch/$base-$NSW_VERSION"
        modes+=(0755)
      else
        case "$base" in
          *.so) ;;
          *) die "$1: expected a shared library named <name>.so (give executables with --exe FILE)" ;;
        esac
        target="linux-$arch/${base%.so}-$NSW_VERSION.so"
        modes+=(0644)
      fi
      exe=0
      seen=0
      for i in "${!targets[@]}"; do
        if [ "${targets[$i]}" = "$target" ]; then
          cmp -s "${sources[$i]}" "$1" || die "two different files would both become $target: ${sources[$i]} and $1"
          seen=1
        fi
      done
      if [ $seen = 0 ]; then sources+=("$1"); targets+=("$target"); count=$((count + 1)); else unset 'modes[-1]'; fi
      shift ;;
  esac
done
[ "$count" -gt 0 ] || die "no input files given"

mkdir -p "$out/META-INF"
stage=$(mktemp -d "$out/META-INF/.native.XXXXXX")
trap 'rm -rf "$stage"' EXIT
for i in "${!targets[@]}"; do
  mkdir -p "$stage/$(dirname "${targets[$i]}")"
  cp -- "${sources[$i]}" "$stage/${targets[$i]}"
  chmod "${modes[$i]}" "$stage/${targets[$i]}"
done
(cd "$stage" && LC_ALL=C sha256sum -- "${targets[@]}" | LC_ALL=C sort -k2) > "$stage/manifest.sha256.tmp"
mv "$stage/manifest.sha256.tmp" "$stage/manifest.sha256"
chmod 0755 "$stage"

rm -rf "$out/META-INF/native"
mv "$stage" "$out/META-INF/native"
trap - EXIT
echo "bundle-natives: $count file(s) in $out/META-INF/native (version $NSW_VERSION)"
if [ ${#left_out[@]} -gt 0 ]; then
  echo "bundle-natives: no natives for ${left_out[*]} (NSW_AARCH64_SKIP=true): this jar runs on ${NSW_ARCHES[*]} only" >&2
fi
