#!/usr/bin/env bash
# The demo command (README): builds the natives for this machine, precompiles
# the seed's modules with our precompiler for every profile, shows one
# artifact's envelope, and runs them through the C ABI of the no_std runtime.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$NSW_ROOT"
scripts/bootstrap.sh
arch=$(uname -m)
nsw_step "building the platform shim and the runtime for $arch (the first build takes a while)"
make -s -C platform-shim ARCH="$arch"
rust-nostd/scripts/build.sh "$arch"
out="rust-nostd/target/native/linux-$arch"
mkdir -p "$out/demo"
nsw_step "precompiling rust-nostd/harness/wat/*.wat for $arch and pulley64"
"$out/nsw-precompile" --out-dir "$out/demo" --target "$arch" --target pulley64 \
  --profile native --profile native-signals --profile pulley rust-nostd/harness/wat/*.wat
nsw_step "what an artifact says about itself"
"$out/nsw-precompile" inspect "$out/demo/add.native.$arch.cwasm"
nsw_step "running the modules: shim loaded RTLD_GLOBAL, then the no_std embedding"
"$(nsw_cc "$arch")" -std=c11 -O2 -Irust-nostd/include -o "$out/harness" rust-nostd/harness/harness.c -ldl -lpthread
# The rejection scenarios need an artifact for the other architecture too.
other=$([ "$arch" = x86_64 ] && echo aarch64 || echo x86_64)
"$out/nsw-precompile" --out-dir "$out/demo" --target "$other" --profile native rust-nostd/harness/wat/add.wat
"$out/nsw-precompile" --out-dir "$out/demo/metered" --fuel --epoch --target "$arch" --target pulley64 \
  --profile native --profile native-signals --profile pulley rust-nostd/harness/wat/spin.wat
"$out/harness" "platform-shim/target/$arch/libnsw_platform.so" "$out/libnsw_embedding.so" "$out/demo" "$arch"
