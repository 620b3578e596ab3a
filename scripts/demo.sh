#!/usr/bin/env bash
# The demo command (README): builds what the Java demo needs (platform shim, no_std
# runtime, precompiler, sdk-api, both providers, wasi), precompiles examples/demo/src/main/wat/demo.wat
# and the WASI program examples/demo/src/main/c/wordcount.c for every profile, and runs them with
# every available provider: on the newest JDK (ffm and jni), then on Java 17 (jni only). Ends with the same kind of modules through the C ABI.
# See examples/demo/README.md for what each line means.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$NSW_ROOT"
scripts/bootstrap.sh
export JAVA_HOME; JAVA_HOME=$(scripts/find-jdk.sh 22)
arch=$(uname -m)
mkdir -p target
log=target/demo-build.log

nsw_step "building the shim, the runtime, the precompiler, the SDK and both providers (the first build takes a while; log in $log)"
# rust-nostd is named because the demo needs its precompiler, which no jar depends on.
if ! ./mvnw -B -ntp -q install -DskipTests -pl rust-nostd,examples/demo -am >"$log" 2>&1; then
  tail -n 40 "$log" >&2
  echo "demo: the build failed; the whole log is in $log" >&2
  exit 1
fi

# The demo is a plain main class; the build wrote its class path (sdk-api, sdk-ffm, sdk-jni).
cp=$(cat examples/demo/target/demo.classpath)
artifacts=examples/demo/target/artifacts
text=examples/demo/src/main/text   # the WASI program's read-only directory
jdk17=$JDK17_HOME/bin/java
failed=0
nsw_step "the Java demo on $JAVA_HOME: every provider, every profile"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$cp" dev.nostdwasm.examples.demo.Demo "$artifacts" "$text" || failed=1
nsw_step "the same on Java 17 ($jdk17): ffm needs Java 22, so jni serves alone"
if [ -x "$jdk17" ]; then
  "$jdk17" --enable-native-access=ALL-UNNAMED -cp "$cp" dev.nostdwasm.examples.demo.Demo "$artifacts" "$text" || failed=1
else
  echo "no Java 17 at $jdk17 (JDK17_HOME in scripts/toolchain.properties): skipped"
fi

# The same kind of modules through the C ABI of the no_std runtime, without Java.
out="rust-nostd/target/native/linux-$arch"
mkdir -p "$out/demo"
nsw_step "the C ABI: precompiling rust-nostd/harness/wat/*.wat for $arch and pulley64"
"$out/nsw-precompile" --out-dir "$out/demo" --target "$arch" --target pulley64 \
  --profile native --profile native-signals --profile pulley rust-nostd/harness/wat/*.wat 2>&1 | tail -n 1
nsw_step "what an artifact says about itself"
"$out/nsw-precompile" inspect "$out/demo/add.native.$arch.cwasm"
nsw_step "the C ABI: running the modules (shim loaded RTLD_GLOBAL, then the no_std embedding)"
"$(nsw_cc "$arch")" -std=c11 -O2 -Irust-nostd/include -o "$out/harness" rust-nostd/harness/harness.c -ldl -lpthread
# The rejection scenarios need an artifact for the other architecture too.
other=$([ "$arch" = x86_64 ] && echo aarch64 || echo x86_64)
"$out/nsw-precompile" --out-dir "$out/demo" --target "$other" --profile native rust-nostd/harness/wat/add.wat >/dev/null 2>&1
"$out/nsw-precompile" --out-dir "$out/demo/metered" --fuel --epoch --target "$arch" --target pulley64 \
  --profile native --profile native-signals --profile pulley rust-nostd/harness/wat/spin.wat >/dev/null 2>&1
"$out/harness" "platform-shim/target/$arch/libnsw_platform.so" "$out/libnsw_embedding.so" "$out/demo" "$arch"
[ "$failed" = 0 ] || { echo "demo: the Java demo failed (see above)" >&2; exit 1; }
