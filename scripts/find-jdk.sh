#!/usr/bin/env bash
# Prints the home of the newest JDK whose feature version is >= $1:
# $NSW_JAVA_HOME if set, else the newest under /usr/lib/jvm.
set -euo pipefail
min=${1:-17}
candidates=("${NSW_JAVA_HOME:-}" /usr/lib/jvm/*)
best=""; best_v=0
for home in "${candidates[@]}"; do
  [ -n "$home" ] && [ -x "$home/bin/javac" ] || continue
  v=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  v=${v#1.}
  if [ "${v:-0}" -ge "$min" ] && [ "$v" -gt "$best_v" ]; then best=$home; best_v=$v; fi
  [ -n "${NSW_JAVA_HOME:-}" ] && [ "$home" = "$NSW_JAVA_HOME" ] && [ -n "$best" ] && break
done
[ -n "$best" ] || { echo "no JDK >= $min found" >&2; exit 1; }
echo "$best"
