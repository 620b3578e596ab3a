#!/usr/bin/env bash
# Prints the home of the JDK the build uses for Java 17 or for Java 22+
# (JDK17_HOME or JDK22_HOME in scripts/toolchain.properties), after checking it is there
# and new enough.
#   find-jdk.sh 17|22
set -euo pipefail
source "$(dirname "$0")/env.sh"
case "${1:-}" in
  17) home=$JDK17_HOME ;;
  22) home=$JDK22_HOME ;;
  *) echo "usage: $0 17|22" >&2; exit 2 ;;
esac
fix="install it (scripts/bootstrap.sh) or set JDK$1_HOME in scripts/toolchain.properties"
[ -x "$home/bin/javac" ] || { echo "find-jdk.sh: no JDK at $home (JDK$1_HOME): $fix" >&2; exit 1; }
v=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
[ "${v:-0}" -ge "$1" ] || { echo "find-jdk.sh: $home (JDK$1_HOME) is Java ${v:-?}, not $1 or newer: $fix" >&2; exit 1; }
echo "$home"
