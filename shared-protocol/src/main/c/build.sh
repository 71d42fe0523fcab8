#!/usr/bin/env bash
# Builds the native proof-of-work search into the classes directory (called by Maven at compile).
# Without gcc, or off x86-64 Linux, it says so and the JVM engines are used instead.
set -euo pipefail
java_home="$1"; out="$2"
here="$(cd "$(dirname "$0")" && pwd)"
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) ;;
  *) echo "native PoW: not built on $(uname -s)-$(uname -m); the JVM engines will be used"; exit 0 ;;
esac
if ! command -v gcc >/dev/null 2>&1; then
  echo "native PoW: gcc not found; the JVM engines will be used"; exit 0
fi
mkdir -p "$out/native/linux-x86_64"
gcc -O3 -shared -fPIC -Wall -Werror -I"$java_home/include" -I"$java_home/include/linux" \
  "$here/curl_pow.c" -o "$out/native/linux-x86_64/libiotahome_pow.so"
