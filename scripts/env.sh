# Sourced by the build scripts: the toolchain that works on these machines
# (DESIGN.md section 7). Debian's Rust is called explicitly because rustup's
# shims come first on PATH and cannot fetch the aarch64 standard library here.
export RUSTC=/usr/bin/rustc
export CARGO=/usr/bin/cargo
export RUSTDOC=/usr/bin/rustdoc
export CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER=aarch64-linux-gnu-gcc
# Outside the clone, so a fresh clone still builds warm.
export CARGO_TARGET_DIR="${NSW_CARGO_TARGET_DIR:-$HOME/.cache/nostd-wasm-java/cargo-target}"
export NSW_ROOT="${NSW_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
# Targets we ship natives for: Debian arch name -> Rust triple, C compiler.
NSW_ARCHES=(x86_64 aarch64)
nsw_triple() { echo "$1-unknown-linux-gnu"; }
nsw_cc() { case "$1" in x86_64) echo gcc ;; aarch64) echo aarch64-linux-gnu-gcc ;; esac; }
nsw_nm() { case "$1" in x86_64) echo nm ;; aarch64) echo aarch64-linux-gnu-nm ;; esac; }
nsw_strip() { case "$1" in x86_64) echo strip ;; aarch64) echo aarch64-linux-gnu-strip ;; esac; }
# Runs a binary of architecture $1 on this machine. LD_LIBRARY_PATH keeps the
# cross loader on the cross libc even where Debian's libc6:arm64 is installed
# (their versions can differ, and threads then hang).
nsw_run() {
  local arch=$1; shift
  if [ "$arch" = "$(uname -m)" ]; then "$@"; else qemu-"$arch"-static -L "/usr/$arch-linux-gnu" -E LD_LIBRARY_PATH="/usr/$arch-linux-gnu/lib" "$@"; fi
}
nsw_step() { printf '\n== %s\n' "$*" >&2; }
