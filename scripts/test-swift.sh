#!/usr/bin/env bash
# Run the Swift tests (tests/swift/*.swift, XCTest or Swift Testing) against
# the generated Swift bindings and the real host libkefir_ffi, with the Swift
# 6.0 toolchain from the Debian trixie chroot (see install-toolchains.sh).
#
#   scripts/test-swift.sh [extra `swift test` args, e.g. --filter SmokeTests]
#
# Env: PROFILE=debug|release (default debug), KEFIR_SKIP_GEN=1 to reuse the
# bindings already in target/bindings (test-all.sh sets it after generating).
# Last line of output: `swift: N passed, M failed`. Exit 1 on any failure,
# on a build error, or when no test ran.
#
# The package that is staged into the chroot (built on the host under
# target/swift-tests/KefirBindingsTests):
#   Package.swift
#   Sources/kefir_coreFFI/{module.modulemap,kefir_coreFFI.h}  system library
#   Sources/kefir_ffiFFI/{module.modulemap,kefir_ffiFFI.h}    system library
#   Sources/Kefir/{kefir_core,kefir_ffi}.swift   ONE Swift module `Kefir`
#   Tests/KefirTests/*.swift                     copied from tests/swift
#   lib/libkefir_ffi.so
# uniffi's Swift output for several crates must be compiled into one Swift
# module (kefir_ffi.swift uses kefir_core.swift's internal converters); each
# component's C header gets its own module, named as the generated
# `#if canImport(<crate>FFI)` expects.
#
# Reuse (e.g. for ios/KefirKit): `source scripts/test-swift.sh` defines the
# functions without running anything:
#   dir=$(swift_stage ios/KefirKit KefirKit)      # copy a directory in
#   swift_chroot_run "$dir" swift test            # run a command there
#   swift_summarize LOGFILE                       # parse + print counts line
set -euo pipefail

SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/install-toolchains.sh
source "$SCRIPTS/install-toolchains.sh"

# In-chroot directory under which staged directories live: one per checkout
# (a hash of its path), so several worktrees sharing the chroot never stage
# into (and build in) the same directory.
SWIFT_STAGE_DIR="/kefir-stage/$(cd "${KEFIR_ROOT:-$SCRIPTS/..}" && pwd | sha256sum | cut -c1-12)"

# swift_stage SRC_DIR NAME: copy SRC_DIR (minus .build) to the chroot's
# /kefir-stage/NAME, keeping that directory's own .build cache so SwiftPM
# builds incrementally. Prints the in-chroot path.
swift_stage() {
  local src="$1" name="$2"
  local dest="$SWIFT_ROOT$SWIFT_STAGE_DIR/$name"
  [[ -d "$src" ]] || { echo "swift_stage: no directory $src" >&2; return 1; }
  mkdir -p "$dest"
  # SwiftPM's incremental build has been seen to keep stale record layouts
  # when only the generated bindings change (a crash, not a build error):
  # start clean whenever the generated code or the library differ.
  local gen="${CARGO_TARGET_DIR:-${KEFIR_ROOT:-.}/target}/bindings" fp
  fp=$(cat "$gen"/swift/*.swift "$gen"/swift/*.h "$gen"/LIBRARY 2>/dev/null | sha256sum | cut -c1-16)
  if [[ "$(cat "$dest/.bindings-fingerprint" 2>/dev/null)" != "$fp" ]]; then
    rm -rf "$dest/.build"
  fi
  find "$dest" -mindepth 1 -maxdepth 1 ! -name .build -exec rm -rf {} +
  (cd "$src" && tar --exclude=./.build --exclude=./.swiftpm -cf - .) | (cd "$dest" && tar -xf -)
  echo "$fp" >"$dest/.bindings-fingerprint"
  echo "$SWIFT_STAGE_DIR/$name"
}

# swift_chroot_run DIR CMD...: run CMD in the chroot with DIR (an in-chroot
# path) as working directory, a clean environment and /proc mounted (swiftc's
# RUNPATH uses $ORIGIN, which needs /proc/self/exe). Prefix CMD with
# `env VAR=VALUE` for extra environment (e.g. LD_LIBRARY_PATH).
# /proc is mounted in a private mount namespace (unshare) when possible, so
# concurrent runs from other checkouts cannot unmount it under each other;
# without unshare it is mounted in the chroot and unmounted afterwards.
swift_chroot_run() {
  local dir="$1"
  shift
  local mounted=0 rc=0
  # shellcheck disable=SC2016 # $1/$@ are expanded by the inner sh
  local run_in_chroot=(chroot "$SWIFT_ROOT" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb
    PATH=/usr/local/bin:/usr/bin:/bin
    /bin/sh -c 'cd "$1" && shift && exec "$@"' sh "$dir" "$@")
  if unshare --mount --propagation private true 2>/dev/null; then
    # shellcheck disable=SC2016 # $1/$@ are expanded by the inner sh
    unshare --mount --propagation private /bin/sh -c \
      'mount -t proc proc "$1/proc" && shift && exec "$@"' sh "$SWIFT_ROOT" "${run_in_chroot[@]}" || rc=$?
    return "$rc"
  fi
  if ! mountpoint -q "$SWIFT_ROOT/proc"; then
    mount -t proc proc "$SWIFT_ROOT/proc"
    mounted=1
  fi
  "${run_in_chroot[@]}" || rc=$?
  if [[ $mounted -eq 1 ]]; then umount -l "$SWIFT_ROOT/proc" 2>/dev/null || true; fi
  return "$rc"
}

# swift_summarize LOGFILE [RC]: count test results of a `swift test` run
# (XCTest `Test Case '...' passed|failed|skipped` lines and Swift Testing
# `Test run with N tests` / `Test x failed` lines) and print
# `swift: N passed, M failed`. Returns 1 if anything failed, RC != 0, or no
# test passed.
swift_summarize() {
  local log="$1" rc="${2:-0}"
  local xp xf xs st_total st_fail passed failed skipped
  xp=$(grep -cE "^Test Case '.*' passed \(" "$log" || true)
  xf=$(grep -cE "^Test Case '.*' failed \(" "$log" || true)
  xs=$(grep -cE "^Test Case '.*' skipped \(" "$log" || true)
  st_total=$(sed -nE 's/.*Test run with ([0-9]+) tests? (passed|failed).*/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
  st_fail=$(grep -E ' Test .* failed after ' "$log" | grep -vc 'Test run with' || true)
  passed=$((xp + st_total - st_fail))
  failed=$((xf + st_fail))
  skipped=$xs
  if [[ $rc -ne 0 && $failed -eq 0 ]]; then
    echo "swift: 'swift test' exited with status $rc without a failed test (build or runtime error, see above)" >&2
    failed=1
  fi
  [[ $passed -eq 0 && $failed -eq 0 ]] && echo "swift: no tests ran" >&2
  if [[ $skipped -gt 0 ]]; then
    echo "swift: $passed passed, $failed failed, $skipped skipped"
  else
    echo "swift: $passed passed, $failed failed"
  fi
  [[ $failed -eq 0 && $passed -gt 0 ]]
}

# Build the package described at the top from generated bindings + tests.
swift_make_bindings_package() {
  local gen="$1" lib="$2" tests="$3" pkg="$4" stage_lib="$5"
  rm -rf "$pkg"
  mkdir -p "$pkg/Sources/Kefir" "$pkg/Tests/KefirTests" "$pkg/lib"
  local deps="" mm name
  shopt -s nullglob
  for mm in "$gen"/*FFI.modulemap; do
    name=$(basename "$mm" .modulemap)
    mkdir -p "$pkg/Sources/$name"
    # One module per directory, as SwiftPM wants (module.modulemap).
    cp "$mm" "$pkg/Sources/$name/module.modulemap"
    cp "$gen/$name.h" "$pkg/Sources/$name/"
    deps+="\"$name\", "
  done
  local swift_srcs=("$gen"/*.swift) test_srcs=("$tests"/*.swift)
  shopt -u nullglob
  [[ -n "$deps" && ${#swift_srcs[@]} -gt 0 ]] || { echo "test-swift: no generated Swift in $gen" >&2; return 1; }
  [[ ${#test_srcs[@]} -gt 0 ]] || { echo "test-swift: no tests in $tests/*.swift" >&2; return 1; }
  cp "${swift_srcs[@]}" "$pkg/Sources/Kefir/"
  cp "${test_srcs[@]}" "$pkg/Tests/KefirTests/"
  cp "$lib" "$pkg/lib/"
  local sys_targets="" n
  for n in ${deps//[\",]/}; do
    sys_targets+="        .systemLibrary(name: \"$n\", path: \"Sources/$n\"),"$'\n'
  done
  cat >"$pkg/Package.swift" <<EOF
// swift-tools-version:5.10
// Generated by scripts/test-swift.sh; do not edit.
import PackageDescription

let libDir = "$stage_lib"
let package = Package(
    name: "KefirBindingsTests",
    targets: [
$sys_targets        .target(
            name: "Kefir",
            dependencies: [${deps%, }],
            path: "Sources/Kefir",
            linkerSettings: [
                .linkedLibrary("kefir_ffi"),
                .unsafeFlags(["-L", libDir, "-Xlinker", "-rpath", "-Xlinker", libDir]),
            ]
        ),
        .testTarget(name: "KefirTests", dependencies: ["Kefir"], path: "Tests/KefirTests"),
    ]
)
EOF
}

main() {
  local root profile target_dir
  root="${KEFIR_ROOT:-$(cd "$SCRIPTS/.." && pwd)}"
  profile="${PROFILE:-debug}"
  target_dir="${CARGO_TARGET_DIR:-$root/target}"
  [[ "$target_dir" = /* ]] || target_dir="$root/$target_dir"
  export PROFILE="$profile" KEFIR_ROOT="$root"

  install_swift || return 1
  if [[ "${KEFIR_SKIP_GEN:-0}" != 1 ]]; then
    "$SCRIPTS/gen-bindings.sh"
  fi
  local lib
  lib=$(cat "$target_dir/bindings/LIBRARY" 2>/dev/null || true)
  if [[ -z "$lib" || ! -f "$lib" || ! -d "$target_dir/bindings/swift" ]]; then
    echo "test-swift: no generated bindings; run scripts/gen-bindings.sh" >&2
    return 1
  fi

  local name=KefirBindingsTests
  local pkg="$target_dir/swift-tests/$name" dir log rc=0
  mkdir -p "$target_dir/swift-tests"
  swift_make_bindings_package "$target_dir/bindings/swift" "$lib" "$root/tests/swift" \
    "$pkg" "$SWIFT_STAGE_DIR/$name/lib" || return 1
  dir=$(swift_stage "$pkg" "$name")
  log="$target_dir/swift-tests/$name.log"

  echo "test-swift: swift build --build-tests in chroot $SWIFT_ROOT:$dir (log: $log)" >&2
  if ! swift_chroot_run "$dir" swift build --build-tests >"$log" 2>&1; then
    grep -E 'error:' "$log" | head -n 40 >&2 || true
    tail -n 40 "$log" >&2
    echo "test-swift: BUILD FAILED" >&2
    echo "swift: 0 passed, 1 failed"
    return 1
  fi
  echo "test-swift: swift test" >&2
  swift_chroot_run "$dir" env LD_LIBRARY_PATH="$dir/lib" swift test --skip-build "$@" 2>&1 |
    tee -a "$log" || rc=$?
  swift_summarize "$log" "$rc"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  main "$@"
fi
