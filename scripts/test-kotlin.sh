#!/usr/bin/env bash
# Compile the generated Kotlin bindings + tests/kotlin/*.kt with kotlinc and
# run them on the JVM against the real host libkefir_ffi (via JNA).
#
#   scripts/test-kotlin.sh [--filter SUBSTRING]
#
# Env: PROFILE=debug|release (default debug), KEFIR_SKIP_GEN=1 to reuse the
# bindings already in target/bindings (test-all.sh sets it after generating).
# Last line of output: `kotlin: N passed, M failed`. Exit 1 on any failure or
# when no test ran.
set -euo pipefail

SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="${KEFIR_ROOT:-$(cd "$SCRIPTS/.." && pwd)}"
PROFILE="${PROFILE:-debug}"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
[[ "$TARGET_DIR" = /* ]] || TARGET_DIR="$ROOT/$TARGET_DIR"
export PROFILE KEFIR_ROOT="$ROOT"

# shellcheck source=scripts/install-toolchains.sh
source "$SCRIPTS/install-toolchains.sh"
install_kotlin || exit 1

if [[ "${KEFIR_SKIP_GEN:-0}" != 1 ]]; then
  "$SCRIPTS/gen-bindings.sh"
fi
GEN="$TARGET_DIR/bindings/kotlin"
LIB=$(cat "$TARGET_DIR/bindings/LIBRARY" 2>/dev/null || true)
if [[ -z "$LIB" || ! -f "$LIB" || ! -d "$GEN" ]]; then
  echo "test-kotlin: no generated bindings; run scripts/gen-bindings.sh" >&2
  exit 1
fi

KH=$(kotlin_home)
KOTLINC="$KH/bin/kotlinc"
JAVA_LIBS=(/usr/share/java/jna.jar /usr/share/java/junit4.jar /usr/share/java/hamcrest-core.jar)
KOTLIN_LIBS=("$KH/lib/kotlin-test.jar" "$KH/lib/kotlin-test-junit.jar" "$KH/lib/kotlinx-coroutines-core-jvm.jar")
join_cp() { local IFS=:; echo "$*"; }
CP=$(join_cp "${JAVA_LIBS[@]}" "${KOTLIN_LIBS[@]}")

BUILD="$TARGET_DIR/kotlin-tests"
mkdir -p "$BUILD"
shopt -s nullglob
GEN_SRCS=("$GEN"/uniffi/*/*.kt)
TEST_SRCS=("$ROOT"/tests/kotlin/*.kt)
shopt -u nullglob
# Also the Android shell's plain-Kotlin logic and its JVM tests: every *.kt
# under the directories listed in android/scripts/jvm-sources.txt.
JVM_SOURCES="$ROOT/android/scripts/jvm-sources.txt"
if [[ -f "$JVM_SOURCES" ]]; then
  while read -r dir; do
    [[ -z "$dir" || "$dir" == \#* ]] && continue
    [[ -d "$ROOT/$dir" ]] || { echo "test-kotlin: $dir (from $JVM_SOURCES) is missing" >&2; exit 1; }
    mapfile -t -O "${#TEST_SRCS[@]}" TEST_SRCS < <(find "$ROOT/$dir" -name '*.kt' | sort)
  done <"$JVM_SOURCES"
fi
[[ ${#GEN_SRCS[@]} -gt 0 ]] || { echo "test-kotlin: no .kt under $GEN" >&2; exit 1; }
[[ ${#TEST_SRCS[@]} -gt 0 ]] || { echo "test-kotlin: no tests in tests/kotlin/*.kt" >&2; exit 1; }

# kotlinc is slow (~20 s for the generated code on 2 cores): compile the
# bindings into their own jar, and only again when the generated code changes.
KOTLINC_FLAGS=(-jvm-target 17 -nowarn)
BINDINGS_JAR="$BUILD/bindings.jar"
hash=$(cat "${GEN_SRCS[@]}" | sha256sum | cut -c1-16)
if [[ ! -f "$BINDINGS_JAR" || "$(cat "$BUILD/bindings.hash" 2>/dev/null)" != "$hash" ]]; then
  echo "test-kotlin: kotlinc generated bindings (${#GEN_SRCS[@]} files)" >&2
  rm -f "$BINDINGS_JAR" "$BUILD/bindings.hash"
  "$KOTLINC" "${KOTLINC_FLAGS[@]}" -cp "$CP" -d "$BINDINGS_JAR" "${GEN_SRCS[@]}"
  echo "$hash" >"$BUILD/bindings.hash"
fi

echo "test-kotlin: kotlinc ${#TEST_SRCS[@]} test files" >&2
TESTS_JAR="$BUILD/tests.jar"
rm -f "$TESTS_JAR"
"$KOTLINC" "${KOTLINC_FLAGS[@]}" -cp "$BINDINGS_JAR:$CP" -d "$TESTS_JAR" "${TEST_SRCS[@]}"

# jna.library.path: where JNA looks for libkefir_ffi; jna.nosys=false lets
# Debian's jna.jar use its system libjnidispatch.
echo "test-kotlin: java -Djna.library.path=$(dirname "$LIB")" >&2
exec java -Djna.library.path="$(dirname "$LIB")" \
  -cp "$TESTS_JAR:$BINDINGS_JAR:$KH/lib/kotlin-stdlib.jar:$CP" \
  kefir.testing.TestRunnerKt "$TESTS_JAR" "$@"
