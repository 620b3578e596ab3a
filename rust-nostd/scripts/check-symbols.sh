#!/usr/bin/env bash
# Checks a built embedding library for one arch:
#  1. its undefined dynamic symbols are only Wasmtime's platform symbols
#     (wasmtime_*, provided by the shim) and the C library's;
#  2. no Rust std code is in it (the unstripped symbol table names none);
#  3. it exports nothing but the nsw_* C ABI.
# Prints one line per check and "symbols <arch>: N passed, M failed".
set -uo pipefail
source "$(dirname "$0")/../../scripts/env.sh"
arch=$1
dir="$NSW_ROOT/rust-nostd/target/native/linux-$arch"
lib="$dir/libnsw_embedding.so"; unstripped="$dir/libnsw_embedding.unstripped.so"
nm=$(nsw_nm "$arch"); passed=0; failed=0
result() { if [ "$1" = 0 ]; then echo "ok   $2"; passed=$((passed+1)); else echo "FAIL $2"; failed=$((failed+1)); fi; }

# Weak hooks every glibc shared object references.
glibc_weak='^(__cxa_finalize|__gmon_start__|_ITM_deregisterTMCloneTable|_ITM_registerTMCloneTable)$'
bad=$("$nm" -D --undefined-only "$lib" | awk '{print $NF}' | while read -r sym; do
  name=${sym%%@*}
  case "$sym" in
    wasmtime_*) ;;                     # the platform shim's
    nsw_platform_*) ;;                 # the shim's, for the embedding (platform-shim/include/nsw-platform.h)
    *@GLIBC_*) ;;                      # versioned libc symbols
    *) [[ "$name" =~ $glibc_weak ]] || echo "$sym" ;;
  esac
done)
result "$([ -z "$bad" ] && echo 0 || echo 1)" "$arch: undefined symbols are only wasmtime_*, nsw_platform_* and libc's${bad:+ (unexpected: $(echo $bad))}"
platform=$("$nm" -D --undefined-only "$lib" | awk '{print $NF}' | grep -c '^wasmtime_' || true)
result "$([ "$platform" -ge 10 ] && echo 0 || echo 1)" "$arch: $platform wasmtime_* platform symbols are left to the shim"

std_syms=$("$nm" --demangle "$unstripped" | grep -E ' (std|std_detect)::' | head -5)
result "$([ -z "$std_syms" ] && echo 0 || echo 1)" "$arch: no Rust std symbols in the library${std_syms:+ (found: $(echo $std_syms))}"

exports=$("$nm" -D --defined-only "$lib" | awk '{print $NF}' | grep -v '^nsw_' || true)
result "$([ -z "$exports" ] && echo 0 || echo 1)" "$arch: exports only nsw_*${exports:+ (also: $(echo $exports))}"

echo "symbols $arch: $passed passed, $failed failed"
[ "$failed" = 0 ]
