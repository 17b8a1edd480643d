#!/usr/bin/env bash
# Build and test ios/KefirKit on Linux with the real Swift compiler (the
# Debian trixie chroot of scripts/install-toolchains.sh) against the real
# host libkefir_ffi and freshly generated bindings.
#
#   ios/scripts/test-kefirkit.sh [extra `swift test` args, e.g. --filter PlanTests]
#
# Env: PROFILE=debug|release (default debug); KEFIR_SKIP_GEN=1 reuses the
# bindings in target/bindings (scripts/test-all.sh sets it).
# Last line of output: `swift: N passed, M failed` (scripts/test-swift.sh's
# swift_summarize). Exit 1 on any failure, a build error, or no test run.
#
# Nothing generated is written under ios/: the package is copied into the
# chroot (swift_stage) and the generated pieces are added to that copy only:
#   Sources/KefirBindings/{kefir_core,kefir_ffi}.swift   one Swift module
#   FFI/{kefir_coreFFI,kefir_ffiFFI}/{module.modulemap,<name>.h}
#   lib/libkefir_ffi.so            linked via $KEFIR_LIB_DIR (Package.swift)
set -euo pipefail

IOS_SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="${KEFIR_ROOT:-$(cd "$IOS_SCRIPTS/../.." && pwd)}"
# shellcheck source=scripts/test-swift.sh
source "$ROOT/scripts/test-swift.sh"   # defines swift_stage, swift_chroot_run, swift_summarize

kefirkit_main() {
  local profile target_dir
  profile="${PROFILE:-debug}"
  target_dir="${CARGO_TARGET_DIR:-$ROOT/target}"
  [[ "$target_dir" = /* ]] || target_dir="$ROOT/$target_dir"
  export PROFILE="$profile" KEFIR_ROOT="$ROOT"

  install_swift || { echo "swift: 0 passed, 1 failed"; return 1; }
  if [[ "${KEFIR_SKIP_GEN:-0}" != 1 ]]; then
    "$ROOT/scripts/gen-bindings.sh"
  fi
  local gen="$target_dir/bindings/swift" lib
  lib=$(cat "$target_dir/bindings/LIBRARY" 2>/dev/null || true)
  if [[ -z "$lib" || ! -f "$lib" || ! -f "$gen/kefir_ffi.swift" || ! -f "$gen/kefir_core.swift" ]]; then
    echo "test-kefirkit: no generated bindings; run scripts/gen-bindings.sh" >&2
    echo "swift: 0 passed, 1 failed"
    return 1
  fi

  local name=KefirKit dir host log rc=0
  dir=$(swift_stage "$ROOT/ios/KefirKit" "$name")
  host="$SWIFT_ROOT$dir"
  # Generated Swift: both files into the one KefirBindings module.
  cp "$gen/kefir_core.swift" "$gen/kefir_ffi.swift" "$host/Sources/KefirBindings/"
  # One system-library target per C module, named as the generated
  # `#if canImport(<crate>FFI)` expects.
  local mm mod
  for mm in "$gen"/*FFI.modulemap; do
    mod=$(basename "$mm" .modulemap)
    mkdir -p "$host/FFI/$mod"
    cp "$mm" "$host/FFI/$mod/module.modulemap"
    cp "$gen/$mod.h" "$host/FFI/$mod/"
  done
  mkdir -p "$host/lib"
  cp "$lib" "$host/lib/"

  mkdir -p "$target_dir/swift-tests"
  log="$target_dir/swift-tests/$name.log"
  echo "test-kefirkit: swift build --build-tests in chroot $SWIFT_ROOT:$dir (log: $log)" >&2
  if ! swift_chroot_run "$dir" env KEFIR_LIB_DIR="$dir/lib" swift build --build-tests >"$log" 2>&1; then
    grep -E 'error:' "$log" | head -n 40 >&2 || true
    tail -n 40 "$log" >&2
    echo "test-kefirkit: BUILD FAILED" >&2
    echo "swift: 0 passed, 1 failed"
    return 1
  fi
  echo "test-kefirkit: swift test" >&2
  swift_chroot_run "$dir" env KEFIR_LIB_DIR="$dir/lib" LD_LIBRARY_PATH="$dir/lib" \
    swift test --skip-build "$@" 2>&1 | tee -a "$log" || rc=$?
  # The app's non-SwiftUI files against this KefirKit (stand-ins for UIKit
  # and UserNotifications): counted as one more test.
  local tc=0 summary
  echo "test-kefirkit: ios/scripts/typecheck-app.sh" >&2
  "$IOS_SCRIPTS/typecheck-app.sh" "$dir" || tc=1
  summary=$(swift_summarize "$log" "$rc") || rc=1
  local p f
  read -r p f < <(sed -nE 's/^swift: ([0-9]+) passed, ([0-9]+) failed.*/\1 \2/p' <<<"$summary")
  if [[ $tc -eq 0 ]]; then p=$((p + 1)); else f=$((f + 1)); fi
  echo "swift: $p passed, $f failed"
  [[ $f -eq 0 && $rc -eq 0 ]]
}

kefirkit_main "$@"
