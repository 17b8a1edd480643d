#!/usr/bin/env bash
# Type-check the iOS app's non-SwiftUI files on Linux: App/AppModel.swift,
# AppDelegate.swift, ReminderScheduler.swift and ErrorText.swift, in Swift 5
# mode with complete strict concurrency (as project.yml builds them), against
# the KefirKit module that ios/scripts/test-kefirkit.sh just built and small
# stand-ins for UIKit and UserNotifications (ios/scripts/typecheck-stubs/).
# This catches type and concurrency errors in the code that routes taps,
# handles the reminder buttons and opens or recovers the store; it does not
# replace a build with Xcode (the stand-ins only declare what these files use).
#
#   ios/scripts/typecheck-app.sh STAGED_KEFIRKIT_DIR
#
# STAGED_KEFIRKIT_DIR: the in-chroot path of the staged, built KefirKit
# (test-kefirkit.sh passes it). Needs scripts/test-swift.sh's functions.
# Prints `typecheck-app: OK` or the errors; exit 1 on an error.
set -euo pipefail

IOS_SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="${KEFIR_ROOT:-$(cd "$IOS_SCRIPTS/../.." && pwd)}"
# shellcheck source=scripts/test-swift.sh
source "$ROOT/scripts/test-swift.sh"

kit="${1:?usage: typecheck-app.sh STAGED_KEFIRKIT_DIR}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/stubs" "$work/app"
cp "$IOS_SCRIPTS"/typecheck-stubs/*.swift "$work/stubs/"
cp "$ROOT"/ios/KefirApp/Sources/App/{AppModel,AppDelegate,ReminderScheduler,ErrorText}.swift "$work/app/"
dir=$(swift_stage "$work" AppTypecheck)

# shellcheck disable=SC2016 # expanded by the inner sh
if swift_chroot_run "$dir" /bin/sh -c '
  kit="$1"
  mkdir -p mods
  swiftc -emit-module -parse-as-library -module-name UIKit stubs/UIKit.swift -emit-module-path mods/UIKit.swiftmodule &&
  swiftc -emit-module -parse-as-library -module-name UserNotifications stubs/UserNotifications.swift \
    -emit-module-path mods/UserNotifications.swiftmodule &&
  swiftc -emit-module -parse-as-library -module-name LocalAuthentication stubs/LocalAuthentication.swift \
    -emit-module-path mods/LocalAuthentication.swiftmodule &&
  swiftc -typecheck -swift-version 5 -strict-concurrency=complete -I mods -I "$kit/.build/debug/Modules" \
    -Xcc -fmodule-map-file="$kit/FFI/kefir_coreFFI/module.modulemap" \
    -Xcc -fmodule-map-file="$kit/FFI/kefir_ffiFFI/module.modulemap" \
    app/*.swift stubs/AppStandIns.swift
' sh "$kit" >"$work/log" 2>&1 && ! grep -q 'error:' "$work/log"; then
  echo "typecheck-app: OK (AppModel, AppDelegate, ReminderScheduler, ErrorText)"
else
  cat "$work/log" >&2
  echo "typecheck-app: FAILED" >&2
  exit 1
fi
