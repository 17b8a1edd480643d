#!/usr/bin/env bash
# Build the host cdylib and generate the Kotlin and Swift bindings from it.
#
#   scripts/gen-bindings.sh            # debug build (default)
#   PROFILE=release scripts/gen-bindings.sh
#
# Outputs (never committed; everything lives under target/):
#   target/<profile>/libkefir_ffi.so              the host library
#   target/bindings/lib/libkefir_ffi.so           its snapshot, which the tests load
#   target/bindings/LIBRARY                       path of that snapshot
#   target/bindings/kotlin/uniffi/{kefir_core,kefir_ffi}/*.kt
#   target/bindings/swift/{kefir_core,kefir_ffi}.swift
#   target/bindings/swift/{kefir_coreFFI,kefir_ffiFFI}.{h,modulemap}
#
# Library mode emits one component per crate that uses uniffi: kefir_core
# (records/enums derived in core behind its `uniffi` feature) and kefir_ffi
# (the facade). Both load the single cdylib libkefir_ffi.
set -euo pipefail

ROOT="${KEFIR_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
PROFILE="${PROFILE:-debug}"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
[[ "$TARGET_DIR" = /* ]] || TARGET_DIR="$ROOT/$TARGET_DIR"
OUT_DIR="$TARGET_DIR/bindings"

case "$PROFILE" in
  debug) profile_args=() ;;
  release) profile_args=(--release) ;;
  *)
    echo "gen-bindings: PROFILE must be debug or release (got '$PROFILE')" >&2
    exit 2
    ;;
esac
case "$(uname -s)" in
  Darwin) LIB_FILE="libkefir_ffi.dylib" ;;
  *) LIB_FILE="libkefir_ffi.so" ;;
esac

cd "$ROOT"
# `${a[@]+"${a[@]}"}`: macOS's bash 3.2 aborts on "${a[@]}" of an empty
# array under `set -u` ("unbound variable"); bash >= 4.4 does not.
echo "gen-bindings: cargo build -p kefir-ffi ${profile_args[*]+"${profile_args[*]}"}" >&2
cargo build --quiet -p kefir-ffi ${profile_args[@]+"${profile_args[@]}"}
# The bindgen is a build tool: always a debug build (the release profile's
# LTO would only slow it down). It is not in default-members, so name it.
echo "gen-bindings: cargo build -p kefir-bindgen" >&2
cargo build --quiet -p kefir-bindgen

LIB="$TARGET_DIR/$PROFILE/$LIB_FILE"
BINDGEN="$TARGET_DIR/debug/uniffi-bindgen"
[[ -f "$LIB" ]] || { echo "gen-bindings: $LIB not found after build" >&2; exit 1; }
[[ -x "$BINDGEN" ]] || { echo "gen-bindings: $BINDGEN not found after build" >&2; exit 1; }

rm -rf "${OUT_DIR:?}/kotlin" "${OUT_DIR:?}/swift" "${OUT_DIR:?}/lib" "$OUT_DIR/LIBRARY"
mkdir -p "$OUT_DIR/lib"
# Snapshot the library next to the bindings and generate from the snapshot:
# the tests load this copy, so bindings and library always match even if
# target/<profile> is rebuilt meanwhile (a stale pair fails with confusing
# errors such as "Failed to convert arg: not enough bytes remaining in
# buffer", since uniffi's checksums cover function signatures, not record
# layouts).
SNAPSHOT="$OUT_DIR/lib/$LIB_FILE"
cp "$LIB" "$SNAPSHOT"
# uniffi 0.32: the source is auto-detected as a library (the --library flag is
# deprecated); `cargo metadata` runs from $ROOT to map crates to components.
# --no-format: don't try ktlint / swift-format (not installed; only warnings).
for lang in kotlin swift; do
  "$BINDGEN" generate "$SNAPSHOT" --language "$lang" --no-format \
    --out-dir "$OUT_DIR/$lang" >"$OUT_DIR/$lang.log" 2>&1 || {
    cat "$OUT_DIR/$lang.log" >&2
    echo "gen-bindings: uniffi-bindgen generate --language $lang failed" >&2
    exit 1
  }
done

printf '%s\n' "$SNAPSHOT" >"$OUT_DIR/LIBRARY"
echo "gen-bindings: $PROFILE library $LIB (snapshot: $SNAPSHOT)" >&2
(cd "$OUT_DIR" && find kotlin swift -type f | sort | sed 's/^/gen-bindings:   /') >&2
