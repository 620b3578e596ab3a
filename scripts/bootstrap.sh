#!/usr/bin/env bash
# Installs every system tool the build needs on a fresh Debian bookworm
# machine (DESIGN.md section 7). Idempotent; prints nothing when all is present.
set -euo pipefail
CBINDGEN_VERSION=0.29.4

packages=(
  rustc-web cargo-web libstd-rust-web-dev libstd-rust-web-dev:arm64   # Rust 1.96 for both targets
  rust-web-src                                                        # core/alloc sources: the bare-metal check (-Zbuild-std)
  gcc make gcc-aarch64-linux-gnu libc6-dev-arm64-cross binutils-aarch64-linux-gnu  # C for both targets
  qemu-user-static                                                    # runs aarch64 binaries here
  libc6:arm64 libstdc++6:arm64 libgcc-s1:arm64 zlib1g:arm64 python3-pip  # aarch64 JVMs (scripts/aarch64-jvm.sh)
  python3 curl unzip                                                  # scripts, Maven Wrapper
  clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32                 # benchmarks and wasi-tests: C to wasm
)
# JDK 17 (JDK17_HOME in scripts/toolchain.properties): jni.h for sdk-jni's C glue, and the
# JVM of the Java 17 test runs.
source "$(dirname "$0")/toolchain.properties"
[ -f "$JDK17_HOME/include/jni.h" ] || packages+=(openjdk-17-jdk-headless)

need_root() {
  if [ "$(id -u)" != 0 ]; then
    echo "bootstrap: missing $1; run scripts/bootstrap.sh as root (or install it by hand)." >&2
    exit 1
  fi
}

if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  need_root "the arm64 dpkg architecture"
  echo "bootstrap: adding the arm64 architecture" >&2
  dpkg --add-architecture arm64
  rm -f /var/lib/apt/lists/lock.updated
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  need_root "Debian packages: ${missing[*]}"
  echo "bootstrap: installing ${missing[*]}" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

if [ "$(cbindgen --version 2>/dev/null)" != "cbindgen $CBINDGEN_VERSION" ]; then
  need_root "cbindgen $CBINDGEN_VERSION"
  echo "bootstrap: installing cbindgen $CBINDGEN_VERSION from crates.io (a minute or two)" >&2
  RUSTC=/usr/bin/rustc /usr/bin/cargo install --quiet --locked --root /usr/local cbindgen --version "$CBINDGEN_VERSION" >&2
fi

# A JDK 22+ builds everything (--release 17 for the API and JNI, 22 for FFM); find-jdk.sh
# says what is wrong with JDK22_HOME when it is missing or too old.
"$(dirname "$0")/find-jdk.sh" 22 >/dev/null

# The aarch64 JVMs of the it-tests' aarch64 runs, unpacked into the cache (docs/aarch64.md).
"$(dirname "$0")/aarch64-jvm.sh" 17 22 >/dev/null

# Go for wasi-tests' Go programs (GO in scripts/toolchain.properties). Bookworm's Go is too old
# for GOOS=wasip1 and no registry here ships a Go toolchain, so it cannot be installed from here.
if ! "$GO" version >/dev/null 2>&1; then
  echo "bootstrap: Go is missing: no $GO (wasi-tests builds the Go standard library's tests with it)." >&2
  echo "  Install Go 1.26 or newer under /usr/local/go, or set GO in scripts/toolchain.properties." >&2
  exit 1
fi

# The reference Wasmtime CLI of the WASI differential tests, unpacked into the cache if missing.
"$(dirname "$0")/wasmtime-cli.sh" >/dev/null
