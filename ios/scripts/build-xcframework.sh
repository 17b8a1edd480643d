#!/usr/bin/env bash
# Build the Rust core for iOS and package it for SwiftPM (macOS + Xcode only).
#
#   ios/scripts/build-xcframework.sh            # release (default)
#   PROFILE=debug ios/scripts/build-xcframework.sh
#   KEFIR_XCF_MACOS=1 ios/scripts/build-xcframework.sh   # also a macOS slice,
#                                                         # for `swift test` on a Mac
#
# Produces (all gitignored, never committed):
#   ios/KefirKit/Artifacts/KefirFFI.xcframework
#     ios-arm64/                       libkefir_ffi.a  (aarch64-apple-ios)
#     ios-arm64_x86_64-simulator/      libkefir_ffi.a  (lipo: aarch64-apple-ios-sim + x86_64-apple-ios)
#     [macos-arm64_x86_64/             libkefir_ffi.a  (lipo: aarch64/x86_64-apple-darwin)]
#     each with Headers/kefir_coreFFI/{kefir_coreFFI.h,module.modulemap}
#               Headers/kefir_ffiFFI/{kefir_ffiFFI.h,module.modulemap}
#   ios/KefirKit/Sources/KefirBindings/{kefir_core,kefir_ffi}.swift
#
# Why two header folders: uniffi emits one C module per crate that uses it
# (kefir_core for the records, kefir_ffi for the facade), and the generated
# Swift does `#if canImport(kefir_coreFFI)` / `canImport(kefir_ffiFFI)`. Clang
# finds `Headers/<Module>/module.modulemap` for `import <Module>`, and a
# folder per module avoids the "multiple module.modulemap" clash Xcode has
# when several static XCFrameworks put one at the Headers root.
#
# The Swift bindings are generated from the HOST library (uniffi reads the
# metadata the macros embedded; it is the same for every target), via
# scripts/gen-bindings.sh, so the Kotlin/Swift tests on Linux and the app use
# the very same generator and uniffi version (=0.32.2).
#
# Requirements: Xcode (xcodebuild, lipo, the iOS SDKs), rustup with the
# targets below (the script adds missing ones). NOT run in this repository's
# Linux CI: there is no Xcode there.
set -euo pipefail

IOS_SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$IOS_SCRIPTS/../.." && pwd)"
PKG="$ROOT/ios/KefirKit"
PROFILE="${PROFILE:-release}"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
[[ "$TARGET_DIR" = /* ]] || TARGET_DIR="$ROOT/$TARGET_DIR"
OUT="$TARGET_DIR/xcframework"
XCF="$PKG/Artifacts/KefirFFI.xcframework"
LIB=libkefir_ffi.a

die() { echo "build-xcframework: $*" >&2; exit 1; }
[[ "$(uname -s)" == Darwin ]] || die "needs macOS with Xcode (xcodebuild, lipo); this is $(uname -s)"
command -v xcodebuild >/dev/null || die "xcodebuild not found: install Xcode and run xcode-select"
command -v cargo >/dev/null || die "cargo not found: install Rust (rustup)"

case "$PROFILE" in
  release) cargo_profile=(--release) ;;
  # Empty in debug: expanded as ${cargo_profile[@]+"${cargo_profile[@]}"} below,
  # since macOS's bash 3.2 aborts on "${a[@]}" of an empty array under `set -u`.
  debug) cargo_profile=() ;;
  *) die "PROFILE must be release or debug" ;;
esac

IOS_TARGETS=(aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios)
MAC_TARGETS=(aarch64-apple-darwin x86_64-apple-darwin)
targets=("${IOS_TARGETS[@]}")
[[ "${KEFIR_XCF_MACOS:-0}" == 1 ]] && targets+=("${MAC_TARGETS[@]}")

if command -v rustup >/dev/null; then
  installed=$(rustup target list --installed)
  for t in "${targets[@]}"; do
    grep -qx "$t" <<<"$installed" || rustup target add "$t"
  done
fi

# Minimum OS versions, matching Package.swift (iOS 17, macOS 14); the C
# parts (bundled SQLite) are compiled by the `cc` crate with these.
export IPHONEOS_DEPLOYMENT_TARGET=17.0
export MACOSX_DEPLOYMENT_TARGET=14.0

cd "$ROOT"
for t in "${targets[@]}"; do
  echo "build-xcframework: cargo build -p kefir-ffi --lib --target $t ${cargo_profile[*]+"${cargo_profile[*]}"}" >&2
  cargo build -p kefir-ffi --lib --target "$t" ${cargo_profile[@]+"${cargo_profile[@]}"}
  [[ -f "$TARGET_DIR/$t/$PROFILE/$LIB" ]] || die "$TARGET_DIR/$t/$PROFILE/$LIB not built (is staticlib in bindings/Cargo.toml crate-type?)"
done

# The native libraries the static library expects the final link to provide
# (keep Package.swift's linkerSettings in line with this).
echo "build-xcframework: native static libs (aarch64-apple-ios):" >&2
cargo rustc -q -p kefir-ffi --lib --target aarch64-apple-ios ${cargo_profile[@]+"${cargo_profile[@]}"} --crate-type staticlib \
  -- --print native-static-libs 2>&1 | grep -E 'native-static-libs' >&2 || true

# Swift bindings + headers from the host library (same source, same
# metadata; a debug host build is enough and much faster than LTO).
PROFILE=debug "$ROOT/scripts/gen-bindings.sh"
GEN="$TARGET_DIR/bindings/swift"

rm -rf "$OUT"
mkdir -p "$OUT/headers"
for mod in kefir_coreFFI kefir_ffiFFI; do
  [[ -f "$GEN/$mod.h" && -f "$GEN/$mod.modulemap" ]] || die "no generated $mod.h/.modulemap in $GEN"
  mkdir -p "$OUT/headers/$mod"
  cp "$GEN/$mod.h" "$OUT/headers/$mod/"
  cp "$GEN/$mod.modulemap" "$OUT/headers/$mod/module.modulemap"
done

# One library per platform variant: the simulator (and macOS) slices are fat.
mkdir -p "$OUT/ios" "$OUT/ios-simulator"
cp "$TARGET_DIR/aarch64-apple-ios/$PROFILE/$LIB" "$OUT/ios/$LIB"
lipo -create \
  "$TARGET_DIR/aarch64-apple-ios-sim/$PROFILE/$LIB" \
  "$TARGET_DIR/x86_64-apple-ios/$PROFILE/$LIB" \
  -output "$OUT/ios-simulator/$LIB"
xcf_args=(-library "$OUT/ios/$LIB" -headers "$OUT/headers"
  -library "$OUT/ios-simulator/$LIB" -headers "$OUT/headers")
if [[ "${KEFIR_XCF_MACOS:-0}" == 1 ]]; then
  mkdir -p "$OUT/macos"
  lipo -create \
    "$TARGET_DIR/aarch64-apple-darwin/$PROFILE/$LIB" \
    "$TARGET_DIR/x86_64-apple-darwin/$PROFILE/$LIB" \
    -output "$OUT/macos/$LIB"
  xcf_args+=(-library "$OUT/macos/$LIB" -headers "$OUT/headers")
fi

rm -rf "$XCF"
mkdir -p "$(dirname "$XCF")"
xcodebuild -create-xcframework "${xcf_args[@]}" -output "$XCF"

# Generated Swift into the one KefirBindings module (gitignored).
mkdir -p "$PKG/Sources/KefirBindings"
cp "$GEN/kefir_core.swift" "$GEN/kefir_ffi.swift" "$PKG/Sources/KefirBindings/"

# Required-reason APIs the Rust library imports: compare with
# ios/KefirApp/Resources/PrivacyInfo.xcprivacy after dependency updates.
echo "build-xcframework: required-reason symbols imported by $LIB (ios-arm64):" >&2
# shellcheck disable=SC2016 # `$INODE64` is part of the symbol names, not a variable
nm -u "$OUT/ios/$LIB" 2>/dev/null |
  grep -Ew '_(stat|fstat|lstat|fstatat|getattrlist|getattrlistbulk|fgetattrlist|getattrlistat|statfs|fstatfs|statvfs|fstatvfs|mach_absolute_time)(\$INODE64)?' |
  sort -u | sed 's/^/build-xcframework:   /' >&2 || true

echo "build-xcframework: wrote $XCF" >&2
echo "build-xcframework: wrote $PKG/Sources/KefirBindings/{kefir_core,kefir_ffi}.swift" >&2
