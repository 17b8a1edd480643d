#!/usr/bin/env bash
# Size budget of the shipped phone library.
#
#   scripts/check-size.sh
#
# Builds the release cdylib (`cargo build -p kefir-ffi --release`: opt-level
# z, LTO, one codegen unit, panic=abort), strips a copy the way it ships
# (`strip --strip-unneeded`: the symbol table and uniffi's metadata symbols
# are only needed by uniffi-bindgen at build time, which reads the unstripped
# library), prints both sizes and fails if the stripped library is larger
# than 3.5 MiB (3.5 * 1024 * 1024 bytes; 3 MiB until issue 14 added text
# shaping for any script, see BENCHMARKS.md). The budget is checked on the x86_64
# host build (Android x86_64 emulator ABI); arm64 builds of the same code are
# of similar size but are not built here (no NDK on this machine).
#
# Also prints the biggest contributors per crate (from `nm --size-sort` on
# the unstripped library; sizes of named symbols only).
# Env: KEFIR_SIZE_BUDGET=<bytes> overrides the budget (for testing the check).
set -euo pipefail

ROOT="${KEFIR_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
[[ "$TARGET_DIR" = /* ]] || TARGET_DIR="$ROOT/$TARGET_DIR"
BUDGET="${KEFIR_SIZE_BUDGET:-$((7 * 512 * 1024))}"
cd "$ROOT"

arch=$(uname -m)
if [[ "$arch" != x86_64 ]]; then
  echo "check-size: note: host is $arch, the budget is defined for x86_64" >&2
fi

echo "check-size: cargo build -p kefir-ffi --release" >&2
cargo build --quiet -p kefir-ffi --release
LIB="$TARGET_DIR/release/libkefir_ffi.so"
[[ -f "$LIB" ]] || { echo "check-size: $LIB not found after build" >&2; exit 1; }

OUT="$TARGET_DIR/size"
mkdir -p "$OUT"
SHIP="$OUT/libkefir_ffi.so"
cp "$LIB" "$SHIP"
strip --strip-unneeded "$SHIP"

size_of() { stat -c %s "$1"; }
unstripped=$(size_of "$LIB")
stripped=$(size_of "$SHIP")
mib() { awk -v b="$1" 'BEGIN { printf "%.2f MiB", b / 1048576 }'; }

echo "check-size: sections of the shipped (stripped) library:"
size -A "$SHIP" | awk '$2 ~ /^[0-9]+$/ && $2 > 4096 { printf "  %-22s %9d\n", $1, $2 }'

echo "check-size: biggest crates by named-symbol size (unstripped; code and named data only):"
# nm -t d: decimal sizes (no gawk needed). C symbols (SQLite) have no `::`.
nm -C -S -t d "$LIB" 2>/dev/null | awk '
  NF >= 4 && $3 ~ /^[tTrRdDbB]$/ {
    n = $4; for (i = 5; i <= NF; i++) n = n " " $i;
    c = n; sub(/^&?(mut )?_?</, "", c); sub(/^<?impl /, "", c);
    if (c !~ /::/) c = "[C: SQLite and libc shims]"; else { sub(/::.*/, "", c); sub(/ as .*/, "", c) }
    tot[c] += $2 + 0; all += $2 + 0
  }
  END { for (k in tot) printf "%d %s\n", tot[k], k; printf "%d %s\n", all, "= all named symbols" }' |
  sort -rn | head -n 14 | awk '{ s = $1; $1 = ""; printf "  %9d%s\n", s, $0 }'
echo "check-size: (anonymous data, e.g. constant tables in .data.rel.ro and their .rela.dyn"
echo "            relocations, has no symbol and is not in the list above: see BENCHMARKS.md)"

echo "check-size: libkefir_ffi.so ($arch): unstripped $unstripped bytes ($(mib "$unstripped")), shipped (strip --strip-unneeded) $stripped bytes ($(mib "$stripped")), budget $BUDGET bytes ($(mib "$BUDGET"))"
if ((stripped > BUDGET)); then
  echo "check-size: FAIL: the shipped library is $((stripped - BUDGET)) bytes over the budget" >&2
  exit 1
fi
echo "check-size: ok ($((BUDGET - stripped)) bytes under the budget)"
