#!/usr/bin/env bash
# Check that every 64-bit ELF shared library has all its LOAD segments aligned
# to at least 16 KB (16384 bytes), as Android 15+ devices with 16 KB memory
# pages need and Google Play requires for new uploads of apps with native code.
#
#   scripts/check-elf-alignment.sh [--min BYTES] PATH...
#
# PATH may be a .so file, a directory (searched for *.so), or an .apk, .aab,
# .aar or .jar (unpacked into a temporary directory first).
# 32-bit libraries (armeabi-v7a, x86) are listed but never fail: the
# requirement applies to 64-bit ABIs.
# Env: READELF (default: readelf, else llvm-readelf), e.g. the NDK's
# toolchains/llvm/prebuilt/<host>/bin/llvm-readelf.
# Prints one line per library: `OK|FAIL|32-bit <min p_align> <path>`; exit 1
# if any 64-bit library is below the minimum or no library was found.
set -euo pipefail

MIN=16384
if [[ "${1:-}" == --min ]]; then
  MIN="$2"
  shift 2
fi
[[ $# -gt 0 ]] || { echo "usage: $0 [--min BYTES] PATH..." >&2; exit 2; }

READELF="${READELF:-}"
if [[ -z "$READELF" ]]; then
  if command -v readelf >/dev/null 2>&1; then
    READELF=readelf
  elif command -v llvm-readelf >/dev/null 2>&1; then
    READELF=llvm-readelf
  else
    echo "check-elf-alignment: no readelf (install binutils, or set READELF to the NDK's llvm-readelf)" >&2
    exit 2
  fi
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

libs=()
n=0
for path in "$@"; do
  case "$path" in
    *.apk | *.aab | *.aar | *.jar | *.zip)
      n=$((n + 1))
      mkdir -p "$WORK/$n"
      unzip -q -o "$path" '*.so' -d "$WORK/$n" 2>/dev/null || true
      while IFS= read -r -d '' f; do libs+=("$f"); done < <(find "$WORK/$n" -name '*.so' -type f -print0 | sort -z)
      ;;
    *)
      if [[ -d "$path" ]]; then
        while IFS= read -r -d '' f; do libs+=("$f"); done < <(find "$path" -name '*.so' -type f -print0 | sort -z)
      elif [[ -f "$path" ]]; then
        libs+=("$path")
      else
        echo "check-elf-alignment: no such file or directory: $path" >&2
        exit 2
      fi
      ;;
  esac
done
if [[ ${#libs[@]} -eq 0 ]]; then
  echo "check-elf-alignment: no .so found in: $*" >&2
  exit 1
fi

failed=0
for lib in ${libs[@]+"${libs[@]}"}; do
  shown="${lib#"$WORK"/*/}"
  class=$("$READELF" -h "$lib" 2>/dev/null | sed -nE 's/^ *Class: *(ELF32|ELF64).*/\1/p')
  if [[ -z "$class" ]]; then
    echo "FAIL not-an-elf $shown"
    failed=1
    continue
  fi
  # Smallest Align of the LOAD program headers (the last column of `readelf -lW`, hex).
  align=""
  while read -r hex; do
    a=$((16#${hex#0x}))
    if [[ -z "$align" ]] || ((a < align)); then align=$a; fi
  done < <("$READELF" -lW "$lib" | awk '$1 == "LOAD" { print $NF }')
  if [[ -z "$align" ]]; then
    echo "FAIL no-LOAD-segment $shown"
    failed=1
  elif [[ "$class" == ELF32 ]]; then
    echo "32-bit $align $shown"
  elif ((align >= MIN)); then
    echo "OK $align $shown"
  else
    echo "FAIL $align $shown (LOAD segments must be aligned to >= $MIN)"
    failed=1
  fi
done
exit "$failed"
