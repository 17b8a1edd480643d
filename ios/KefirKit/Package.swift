// swift-tools-version:5.10
// KefirKit: the Swift package the iOS app links. It wraps the uniffi
// bindings generated from the Rust core (crate kefir-ffi) and adds an actor
// (`KefirStore`) that keeps every core call off the main actor, display
// formatting, and a pure notification-scheduling planner.
//
// Module graph:
//   KefirKit ── @_exported import ──▶ KefirBindings (generated Swift, ONE module:
//                                     kefir_core.swift + kefir_ffi.swift)
//                                        │ imports the C modules kefir_coreFFI, kefir_ffiFFI
//   Apple:  binary target KefirFFI = Artifacts/KefirFFI.xcframework
//           (static libkefir_ffi.a per platform + both headers/module maps),
//           built by ios/scripts/build-xcframework.sh.
//   Linux:  system-library targets FFI/kefir_coreFFI, FFI/kefir_ffiFFI and the
//           host libkefir_ffi.so from $KEFIR_LIB_DIR; staged by
//           ios/scripts/test-kefirkit.sh into its copy of the package.
//
// Generated code is never committed: Sources/KefirBindings/*.swift, FFI/ and
// Artifacts/ are gitignored and (re)created by the two scripts above.
import PackageDescription

#if os(Linux)
let libDir = Context.environment["KEFIR_LIB_DIR"] ?? "lib"
let ffiTargets: [Target] = [
    .systemLibrary(name: "kefir_coreFFI", path: "FFI/kefir_coreFFI"),
    .systemLibrary(name: "kefir_ffiFFI", path: "FFI/kefir_ffiFFI"),
]
let ffiDependencies: [Target.Dependency] = ["kefir_coreFFI", "kefir_ffiFFI"]
let bindingsLinkerSettings: [LinkerSetting] = [
    .linkedLibrary("kefir_ffi"),
    .unsafeFlags(["-L", libDir, "-Xlinker", "-rpath", "-Xlinker", libDir]),
]
#else
let ffiTargets: [Target] = [
    .binaryTarget(name: "KefirFFI", path: "Artifacts/KefirFFI.xcframework"),
]
let ffiDependencies: [Target.Dependency] = ["KefirFFI"]
// The Rust static library's native dependencies (see the output of
// `--print native-static-libs` in build-xcframework.sh): chrono's
// iana-time-zone uses CoreFoundation; libSystem/libiconv-free otherwise.
let bindingsLinkerSettings: [LinkerSetting] = [
    .linkedFramework("CoreFoundation"),
]
#endif

let package = Package(
    name: "KefirKit",
    platforms: [.iOS(.v17), .macOS(.v14)],
    products: [
        .library(name: "KefirKit", targets: ["KefirKit"]),
    ],
    targets: ffiTargets + [
        .target(
            name: "KefirBindings",
            dependencies: ffiDependencies,
            path: "Sources/KefirBindings",
            exclude: ["README.md"],
            linkerSettings: bindingsLinkerSettings
        ),
        .target(
            name: "KefirKit",
            dependencies: ["KefirBindings"],
            path: "Sources/KefirKit",
            swiftSettings: [.enableExperimentalFeature("StrictConcurrency")]
        ),
        .testTarget(
            name: "KefirKitTests",
            dependencies: ["KefirKit"],
            path: "Tests/KefirKitTests"
        ),
    ]
)
