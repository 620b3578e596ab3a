# Sourced by the build scripts: the toolchain that works on these machines
# (DESIGN.md section 7), from scripts/toolchain.properties. Debian's Rust is called
# explicitly because rustup's shims come first on PATH and cannot fetch the aarch64
# standard library here.
export NSW_ROOT="${NSW_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
# KEY=value lines without spaces: valid shell as they are.
source "$NSW_ROOT/scripts/toolchain.properties"
export RUSTC=/usr/bin/rustc
export CARGO=/usr/bin/cargo
export RUSTDOC=/usr/bin/rustdoc
export CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER=$CC_aarch64
# Outside the clone, so a fresh clone still builds warm.
export CARGO_TARGET_DIR="${NSW_CARGO_TARGET_DIR:-$HOME/.cache/nostd-wasm-java/cargo-target}"
# Targets we ship natives for. NSW_AARCH64_SKIP=true (the POMs pass -Dnostdwasm.aarch64.skip,
# scripts/test.sh --quick sets it) leaves aarch64 out of every script that builds, tests
# or bundles for all of them.
NSW_ARCHES=(x86_64 aarch64)
if [ "${NSW_AARCH64_SKIP:-false}" = true ]; then NSW_ARCHES=(x86_64); fi
# The tools for architecture $1 (Debian arch name), as named in toolchain.properties.
nsw_triple() { echo "$1-unknown-linux-gnu"; }
nsw_tool() { local key="$1_$2"; [ -n "${!key:-}" ] || { echo "env.sh: no $key in scripts/toolchain.properties" >&2; return 1; }; echo "${!key}"; }
nsw_cc() { nsw_tool CC "$1"; }
nsw_nm() { nsw_tool NM "$1"; }
nsw_strip() { nsw_tool STRIP "$1"; }
# Runs a binary of architecture $1 on this machine. LD_LIBRARY_PATH keeps the
# cross loader on the cross libc even where Debian's libc6:arm64 is installed
# (their versions can differ, and threads then hang).
nsw_run() {
  local arch=$1; shift
  if [ "$arch" = "$(uname -m)" ]; then "$@"; return; fi
  local qemu sysroot
  qemu=$(nsw_tool QEMU "$arch") && sysroot=$(nsw_tool QEMU_SYSROOT "$arch") || return 1
  "$qemu" -L "$sysroot" -E LD_LIBRARY_PATH="$sysroot/lib" "$@"
}
nsw_step() { printf '\n== %s\n' "$*" >&2; }
