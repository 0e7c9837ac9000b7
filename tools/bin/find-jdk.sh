#!/usr/bin/env bash
# Prints the home of a JDK >= 21: $JAVA_HOME when it qualifies, else the newest one under /usr/lib/jvm.
set -euo pipefail

major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}'; }

if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/javac" ]] && (( $(major "$JAVA_HOME") >= 21 )); then
  echo "$JAVA_HOME"; exit 0
fi
best=""; best_v=0
for home in /usr/lib/jvm/*; do
  [[ -x "$home/bin/javac" && ! -L "$home" ]] || continue
  v=$(major "$home"); [[ "$v" =~ ^[0-9]+$ ]] || continue
  if (( v >= 21 && v > best_v )); then best="$home"; best_v=$v; fi
done
if [[ -z "$best" ]]; then
  echo "no JDK >= 21 found (set JAVA_HOME or install one under /usr/lib/jvm)" >&2
  exit 1
fi
echo "$best"
