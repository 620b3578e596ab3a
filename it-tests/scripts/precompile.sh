#!/usr/bin/env bash
# Precompiles the integration tests' modules with the real precompiler.
#
#   precompile.sh NATIVE_DIR OUT_DIR WAT_DIR [METERED_WAT_DIR]
#
# NATIVE_DIR is rust-nostd/target/native; the precompiler is
# NATIVE_DIR/linux-<this machine's arch>/nsw-precompile (or $NSW_PRECOMPILE).
# Every WAT_DIR/*.wat becomes OUT_DIR/<stem>.<profile>.<target>.cwasm for the native
# profiles on x86_64 and aarch64 and the pulley profile on pulley64;
# METERED_WAT_DIR/*.wat the same under OUT_DIR/metered/, compiled with --fuel --epoch.
# For the signed-artifact tests: two fresh Ed25519 key pairs in OUT_DIR/keys/
# (trusted.key.pem/trusted.pub.pem and other.key.pem/other.pub.pem; openssl, or the JDK
# when openssl is missing) and WAT_DIR/add.wat signed with the trusted key under OUT_DIR/signed/.
set -euo pipefail

if [ $# -lt 3 ]; then
  echo "usage: $0 NATIVE_DIR OUT_DIR WAT_DIR [METERED_WAT_DIR]" >&2
  exit 2
fi
native_dir=$1 out_dir=$2 wat_dir=$3 metered_dir=${4:-}

case "$(uname -m)" in
  x86_64 | amd64) arch=x86_64 ;;
  aarch64 | arm64) arch=aarch64 ;;
  *) echo "precompile.sh: unsupported machine '$(uname -m)' (x86_64 or aarch64)" >&2; exit 1 ;;
esac
precompiler=${NSW_PRECOMPILE:-$native_dir/linux-$arch/nsw-precompile}

if [ ! -x "$precompiler" ]; then
  cat >&2 <<MSG
precompile.sh: the precompiler is missing: $precompiler
  The integration tests need the real nsw-precompile, which the rust-nostd module builds.
  Build rust-nostd first, e.g. from the repository root:
      ./mvnw -B -ntp -pl rust-nostd install      (or ./scripts/test.sh)
  or point NSW_PRECOMPILE at an nsw-precompile binary.
MSG
  exit 1
fi

shopt -s nullglob
compile() { # DIR_OUT EXTRA_FLAGS... -- INPUTS...
  local out=$1; shift
  local flags=()
  while [ "$1" != "--" ]; do flags+=("$1"); shift; done
  shift
  [ $# -gt 0 ] || return 0
  rm -rf "$out"
  mkdir -p "$out"
  local log
  log=$(mktemp)
  if ! "$precompiler" --out-dir "$out" \
    --target x86_64 --target aarch64 --target pulley64 \
    --profile native --profile native-signals --profile pulley \
    ${flags[@]+"${flags[@]}"} "$@" >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "precompile.sh: $precompiler failed (output above)" >&2
    exit 1
  fi
  # Keep the summary; the per-artifact lines and skipped combinations are noise here.
  grep -v -e '^nsw-precompile: skipping' -e '^\[[0-9]*/[0-9]*\] compiled' "$log" || true
  rm -f "$log"
}

wats=("$wat_dir"/*.wat)
if [ ${#wats[@]} -eq 0 ]; then
  echo "precompile.sh: no .wat files in $wat_dir" >&2
  exit 1
fi
# Plain modules into OUT_DIR (its metered/ subdirectory is rebuilt below).
rm -rf "$out_dir"
compile "$out_dir" -- "${wats[@]}"
if [ -n "$metered_dir" ]; then
  metered=("$metered_dir"/*.wat)
  compile "$out_dir/metered" --fuel --epoch -- "${metered[@]}"
fi

# keypair NAME: OUT_DIR/keys/NAME.key.pem (PKCS#8) and NAME.pub.pem (X.509 SubjectPublicKeyInfo).
keys_dir=$out_dir/keys
keypair() {
  local key=$keys_dir/$1.key.pem pub=$keys_dir/$1.pub.pem
  if [ -z "${NSW_IT_NO_OPENSSL:-}" ] && command -v openssl >/dev/null 2>&1; then
    openssl genpkey -algorithm ed25519 -out "$key" 2>/dev/null
    openssl pkey -in "$key" -pubout -out "$pub"
  else
    local java=${JAVA_HOME:+$JAVA_HOME/bin/}java src
    src=$(mktemp -d)/KeyPair.java
    cat >"$src" <<'JAVA'
import java.nio.file.*;
import java.security.*;
import java.util.Base64;
public class KeyPair {
    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
    public static void main(String[] args) throws Exception {
        var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Files.writeString(Path.of(args[0]), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(Path.of(args[1]), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    }
}
JAVA
    "$java" "$src" "$key" "$pub"
    rm -rf "$(dirname "$src")"
  fi
}
if [ -f "$wat_dir/add.wat" ]; then
  mkdir -p "$keys_dir"
  keypair trusted
  keypair other
  compile "$out_dir/signed" --sign-key "$keys_dir/trusted.key.pem" -- "$wat_dir/add.wat"
fi

count=$(find "$out_dir" -name '*.cwasm' | wc -l)
echo "precompile.sh: $count artifact(s) in $out_dir (precompiler $precompiler)"
