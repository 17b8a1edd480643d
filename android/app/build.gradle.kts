import org.jetbrains.kotlin.gradle.dsl.JvmTarget

plugins {
    alias(libs.plugins.android.application)
    alias(libs.plugins.kotlin.android)
    alias(libs.plugins.kotlin.compose)
}

// ---------------------------------------------------------------------------
// The Rust core is built as part of this build. The Cargo workspace is the
// repository root, one level above android/.
val repoRoot: File = rootProject.projectDir.parentFile
val cargoTargetDir: File = providers.environmentVariable("CARGO_TARGET_DIR")
    .map { if (File(it).isAbsolute) File(it) else File(repoRoot, it) }
    .getOrElse(File(repoRoot, "target"))
// `-Pkefir.rustProfile=debug` builds the Rust library without LTO (faster, larger).
val rustProfile: String = providers.gradleProperty("kefir.rustProfile").getOrElse("release")
val rustAbis = listOf("arm64-v8a", "armeabi-v7a", "x86_64")
val rustJniLibs: File = layout.buildDirectory.dir("rustJniLibs").get().asFile
// The NDK the Rust library is built with. Pinned: r28+ links 16 KB-aligned
// ELF segments by default (Play requires 16 KB page support for new uploads
// of apps with native code targeting Android 15+); the linker flag below
// makes the alignment explicit for older NDKs too. AGP installs this version
// through the SDK manager when it is missing and the licences are accepted.
val kefirNdkVersion = "28.2.13676358" // NDK r28c
// Every ELF LOAD segment of the Rust library aligned to 16 KB.
val rustAndroidRustflags = "-C link-arg=-Wl,-z,max-page-size=16384"

/**
 * The cargo executable. Android Studio launched from the Dock/Start menu has
 * no shell PATH, so plain `cargo` is not found there. In order:
 * `-Pkefir.cargo=/path/to/cargo` (or `kefir.cargo=` in ~/.gradle/gradle.properties),
 * the `KEFIR_CARGO` environment variable, `~/.cargo/bin/cargo` (rustup's
 * default), then `cargo` on PATH.
 */
val cargoExecutable: String = providers.gradleProperty("kefir.cargo")
    .orElse(providers.environmentVariable("KEFIR_CARGO"))
    .getOrElse(
        File(System.getProperty("user.home"), ".cargo/bin/cargo").takeIf { it.canExecute() }?.path ?: "cargo",
    )

/** PATH for the cargo tasks: cargo's own directory first, so `cargo ndk` finds cargo-ndk and rustc next to it. */
fun pathWithCargo(): String {
    val dir = File(cargoExecutable).parentFile?.path
    val path = System.getenv("PATH").orEmpty()
    return if (dir == null) path else dir + File.pathSeparator + path
}
val uniffiKotlinDir: File = layout.buildDirectory.dir("generated/uniffi/kotlin").get().asFile
val rustSources = fileTree(repoRoot) {
    include("Cargo.toml", "Cargo.lock", "core/**", "bindings/**")
    exclude("**/target/**")
}

/** libkefir_ffi.so for each ABI, via cargo-ndk, into build/rustJniLibs/<abi>/. */
val cargoNdk by tasks.registering(Exec::class) {
    group = "rust"
    description = "Builds libkefir_ffi.so for ${rustAbis.joinToString()} with cargo-ndk"
    workingDir = repoRoot
    inputs.files(rustSources)
    inputs.property("profile", rustProfile)
    inputs.property("ndkVersion", kefirNdkVersion)
    inputs.property("rustflags", rustAndroidRustflags)
    outputs.dir(rustJniLibs)
    val args = mutableListOf(cargoExecutable, "ndk")
    rustAbis.forEach { args += listOf("-t", it) }
    // API 26 = minSdk; the .so files are copied to <dir>/<abi>/.
    args += listOf("--platform", "26", "-o", rustJniLibs.path, "build", "-p", "kefir-ffi")
    if (rustProfile == "release") args += "--release"
    commandLine(args)
    environment("PATH", pathWithCargo())
    // With --target (which cargo-ndk passes) RUSTFLAGS reach only the Android
    // artifacts, not build scripts or proc macros built for the host.
    environment("RUSTFLAGS", rustAndroidRustflags)
    doFirst {
        // cargo-ndk reads ANDROID_NDK_HOME, never local.properties: hand it the
        // NDK AGP resolved (ndkVersion below, under the SDK from local.properties
        // or ANDROID_HOME). Resolved here, at execution, not at configuration.
        val ndk = android.ndkDirectory
        if (!ndk.isDirectory) throw GradleException("NDK $kefirNdkVersion not found at $ndk: install it with the SDK manager")
        environment("ANDROID_NDK_HOME", ndk.path)
    }
}

/**
 * Fails the build when a 64-bit Rust library has an ELF LOAD segment aligned
 * to less than 16 KB, using the NDK's llvm-readelf and the repository's
 * scripts/check-elf-alignment.sh (which also checks JNA's libjnidispatch.so
 * in CI, see .github/workflows/android.yml).
 */
val checkRustAlignment by tasks.registering(Exec::class) {
    group = "verification"
    description = "Checks that the Rust libraries' LOAD segments are 16 KB aligned"
    dependsOn(cargoNdk)
    inputs.dir(rustJniLibs)
    commandLine("bash", File(repoRoot, "scripts/check-elf-alignment.sh").path, rustJniLibs.path)
    doFirst {
        val readelf = android.ndkDirectory.resolve("toolchains/llvm/prebuilt").listFiles()
            ?.map { File(it, "bin/llvm-readelf") }?.firstOrNull { it.canExecute() }
        if (readelf != null) environment("READELF", readelf.path)
    }
}

/** The Kotlin bindings, generated by the project's own uniffi-bindgen (crate kefir-bindgen). */
val uniffiBindgen by tasks.registering(Exec::class) {
    group = "rust"
    description = "Generates the uniffi Kotlin bindings into build/generated/uniffi/kotlin"
    dependsOn(cargoNdk)
    workingDir = repoRoot
    // Generate from cargo's own (unstripped) arm64 build: library mode reads
    // the uniffi metadata from it. The bindings are the same for every ABI.
    val library = File(cargoTargetDir, "aarch64-linux-android/$rustProfile/libkefir_ffi.so")
    inputs.files(rustSources)
    inputs.property("profile", rustProfile)
    outputs.dir(uniffiKotlinDir)
    doFirst { uniffiKotlinDir.deleteRecursively() }
    environment("PATH", pathWithCargo())
    commandLine(
        cargoExecutable, "run", "--quiet", "-p", "kefir-bindgen", "--",
        "generate", library.path, "--language", "kotlin", "--no-format", "--out-dir", uniffiKotlinDir.path,
    )
}

/** The host (desktop) library, for the JVM unit tests in src/test. */
val cargoHostLib by tasks.registering(Exec::class) {
    group = "rust"
    description = "Builds the host libkefir_ffi for JVM unit tests"
    workingDir = repoRoot
    inputs.files(rustSources)
    outputs.dir(File(cargoTargetDir, "debug"))
    environment("PATH", pathWithCargo())
    commandLine(cargoExecutable, "build", "--quiet", "-p", "kefir-ffi")
}
// ---------------------------------------------------------------------------

android {
    namespace = "org.kefir.app"
    compileSdk = 36
    ndkVersion = kefirNdkVersion

    defaultConfig {
        applicationId = "org.kefir.app"
        // 26: java.time (Instant, ZoneId) without core library desugaring,
        // adaptive icons, notification channels. See README.
        minSdk = 26
        targetSdk = 36
        versionCode = 1
        versionName = "0.1.0"
        ndk {
            // Only the ABIs we build the Rust library for (JNA's AAR ships more).
            abiFilters += rustAbis
        }
    }

    buildTypes {
        release {
            isMinifyEnabled = true
            proguardFiles(getDefaultProguardFile("proguard-android-optimize.txt"), "proguard-rules.pro")
        }
    }

    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }

    buildFeatures {
        compose = true
    }

    sourceSets {
        getByName("main") {
            jniLibs.srcDir(rustJniLibs)
            java.srcDir(uniffiKotlinDir)
        }
    }

    testOptions {
        // `all` takes a Kotlin function type (Test) -> Unit: the task is the
        // lambda's parameter, not its receiver.
        unitTests.all { test ->
            test.dependsOn(cargoHostLib)
            // JNA finds the host libkefir_ffi here.
            test.systemProperty("jna.library.path", File(cargoTargetDir, "debug").path)
        }
    }
}

kotlin {
    compilerOptions {
        jvmTarget.set(JvmTarget.JVM_17)
    }
}

tasks.named("preBuild") {
    dependsOn(cargoNdk, uniffiBindgen)
}
tasks.named("check") {
    dependsOn(checkRustAlignment)
}

dependencies {
    implementation(libs.androidx.core.ktx)
    implementation(libs.androidx.activity.compose)
    implementation(platform(libs.androidx.compose.bom))
    implementation(libs.androidx.compose.ui)
    implementation(libs.androidx.compose.foundation)
    implementation(libs.androidx.compose.material3)
    implementation(libs.androidx.compose.material.icons.core)
    implementation(libs.androidx.compose.ui.tooling.preview)
    implementation(libs.androidx.lifecycle.runtime.compose)
    implementation(libs.androidx.lifecycle.viewmodel.compose)
    implementation(libs.androidx.navigation.compose)
    implementation(libs.androidx.work.runtime.ktx)
    // App lock (issue 17): ProcessLifecycleOwner reports background/foreground; BiometricPrompt unlocks.
    implementation(libs.androidx.lifecycle.process)
    implementation(libs.androidx.biometric)
    // Theme.AppCompat for BiometricPrompt's fingerprint dialog on Android 8.x (see themes.xml).
    implementation(libs.androidx.appcompat)
    implementation(libs.androidx.fragment.ktx)
    implementation(libs.kotlinx.coroutines.android)
    // The generated bindings load libkefir_ffi through JNA; the AAR carries
    // JNA's native dispatch library for Android.
    implementation(libs.jna) {
        artifact { type = "aar" }
    }
    debugImplementation(libs.androidx.compose.ui.tooling)

    // JVM unit tests (src/test): the same tests scripts/test-kotlin.sh runs.
    // The plain JNA jar carries the desktop dispatch library.
    testImplementation(libs.jna)
    testImplementation(libs.kotlin.test.junit)
    testImplementation(libs.junit)
}
