#!/usr/bin/env bash
# Lints that need no Android SDK or Xcode, run by .ci/run before the tests:
#
#   scripts/lint-shells.sh
#
# 1. shellcheck (warnings are failures) over every shell script in the
#    repository: *.sh, .ci/run and any tracked file with a sh/bash shebang.
#    It is installed with apt-get when missing.
# 2. scripts/lint_shell_resources.py: String Catalog format specifiers,
#    Android strings.xml placeholders and their Kotlin call sites, the
#    manifest, the iOS property lists, and that no domain vocabulary
#    (a condition_/symptom_/bristol_/severity_/med_/kind_/source_ key, or
#    one of the core's English labels in core/locales/en/vocab.ftl) is back
#    in strings.xml, the String Catalog or a Kotlin/Swift literal: the
#    shells show the core's labels (python3 standard library).
# 3. scripts/check-elf-alignment.sh: a self-test on two tiny libraries
#    linked here (4 KB and 16 KB max-page-size; skipped without cc), then
#    JNA's Android AAR (the version in android/gradle/libs.versions.toml,
#    from Maven Central, cached under target/lint-cache): its 64-bit
#    libjnidispatch.so must be 16 KB aligned.
#
# Env: CI=true makes a missing tool or an unreachable Maven Central a failure.
# Last line: `lint: N passed, M failed`; exit 1 if anything failed.
set -euo pipefail

SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="${KEFIR_ROOT:-$(cd "$SCRIPTS/.." && pwd)}"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
[[ "$TARGET_DIR" = /* ]] || TARGET_DIR="$ROOT/$TARGET_DIR"
cd "$ROOT"

passed=0
failed=0
ok() {
  passed=$((passed + 1))
  echo "lint: PASS $*"
}
bad() {
  failed=$((failed + 1))
  echo "lint: FAIL $*" >&2
}
missing_tool() {
  if [[ "${CI:-}" == true ]]; then bad "$*"; else echo "lint: SKIPPED $* (a failure under CI=true)" >&2; fi
}

# --- 1. shellcheck ---------------------------------------------------------------
if ! command -v shellcheck >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  echo "lint: installing shellcheck (apt-get)" >&2
  if [[ $(id -u) -eq 0 ]]; then
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq shellcheck; } >&2 || true
  else
    { sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq shellcheck; } >&2 || true
  fi
fi
scripts=()
if git -C "$ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  while IFS= read -r -d '' f; do
    [[ -f "$f" ]] || continue
    case "$f" in
      *.sh | .ci/run) scripts+=("$f") ;;
      *) if head -n1 "$f" 2>/dev/null | grep -qE '^#!.*\b(ba)?sh\b'; then scripts+=("$f"); fi ;;
    esac
  done < <(git -C "$ROOT" ls-files -z)
else
  while IFS= read -r -d '' f; do scripts+=("${f#./}"); done < <(find . -path ./target -prune -o \( -name '*.sh' -o -path ./.ci/run \) -type f -print0)
fi
if ! command -v shellcheck >/dev/null 2>&1; then
  missing_tool "shellcheck not installed (apt-get install shellcheck)"
elif [[ ${#scripts[@]} -eq 0 ]]; then
  bad "shellcheck: no scripts found"
elif shellcheck --version | sed -n 's/^version: /shellcheck /p' >&2 &&
  shellcheck -x --severity=warning "${scripts[@]}"; then
  ok "shellcheck --severity=warning: ${#scripts[@]} scripts"
else
  bad "shellcheck: warnings or errors above"
fi

# --- 2. resources ---------------------------------------------------------------
if command -v python3 >/dev/null 2>&1; then
  if python3 "$SCRIPTS/lint_shell_resources.py" --self-test --root "$ROOT"; then
    ok "resources (String Catalog, strings.xml, manifest, plists, no domain vocabulary in the shells)"
  else
    bad "resources: problems above"
  fi
else
  missing_tool "python3 not installed"
fi

# --- 3. 16 KB ELF alignment --------------------------------------------------------
ELF="$SCRIPTS/check-elf-alignment.sh"
if command -v cc >/dev/null 2>&1 && command -v readelf >/dev/null 2>&1; then
  t=$(mktemp -d)
  printf 'int kefir_lint(void) { return 1; }\n' >"$t/a.c"
  if cc -shared -fPIC -Wl,-z,max-page-size=4096 -o "$t/lib4k.so" "$t/a.c" &&
    cc -shared -fPIC -Wl,-z,max-page-size=16384 -o "$t/lib16k.so" "$t/a.c"; then
    if "$ELF" "$t/lib16k.so" >&2 && ! "$ELF" "$t/lib4k.so" >&2; then
      ok "check-elf-alignment.sh passes a 16 KB library and fails a 4 KB one"
    else
      bad "check-elf-alignment.sh self-test"
    fi
  else
    echo "lint: cc could not link the self-test libraries; self-test skipped" >&2
  fi
  rm -rf "$t"
else
  echo "lint: no cc/readelf; the check-elf-alignment.sh self-test is skipped" >&2
fi
jna=$(sed -nE 's/^jna *= *"([^"]+)".*/\1/p' android/gradle/libs.versions.toml | head -n1)
if [[ -z "$jna" ]]; then
  bad "no jna version in android/gradle/libs.versions.toml"
else
  cache="$TARGET_DIR/lint-cache"
  aar="$cache/jna-$jna.aar"
  mkdir -p "$cache"
  if [[ ! -s "$aar" ]]; then
    url="https://repo1.maven.org/maven2/net/java/dev/jna/jna/$jna/jna-$jna.aar"
    echo "lint: downloading $url" >&2
    if curl -fsSL --retry 2 -o "$aar.part" "$url"; then mv "$aar.part" "$aar"; else rm -f "$aar.part"; fi
  fi
  if [[ ! -s "$aar" ]]; then
    missing_tool "JNA $jna AAR not downloadable from Maven Central"
  elif ! command -v readelf >/dev/null 2>&1; then
    missing_tool "readelf not installed (binutils)"
  elif "$ELF" "$aar"; then
    ok "JNA $jna AAR: 64-bit libjnidispatch.so 16 KB aligned"
  else
    bad "JNA $jna AAR: libjnidispatch.so not 16 KB aligned (see above)"
  fi
fi

echo "lint: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
