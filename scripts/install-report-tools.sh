#!/usr/bin/env bash
# Tools the report tests need, installed on a fresh Debian machine (as root):
#   - pdftotext and pdftoppm (poppler-utils): the PDF's text must be
#     extractable, and page 1 is rendered to PNG for review;
#   - Noto fonts (fonts-noto-core: Noto Sans incl. Vietnamese, Hebrew,
#     Arabic; fonts-noto-cjk: Chinese/Japanese/Korean), the fallback fonts
#     the PDF tests pass for names and notes in any script;
#   - the HL7 reference validator as packaged by HAPI FHIR (Maven Central:
#     hapi-fhir-validation, hapi-fhir-structures-r4,
#     hapi-fhir-validation-resources-r4), built with maven + OpenJDK 17 into
#     tests/fhir/hapi/target (tests/fhir/hapi-validate.sh runs it offline);
#   - an independent FHIR validator: the Python package fhir.resources 6.4.0,
#     the last release whose models are FHIR R4 (4.0.1); it needs pydantic 1,
#     so it lives in its own virtual environment;
#   - the standard `age` tool (Debian package `age`, the Go reference
#     implementation) and `python3`: cli/tests/cli.rs decrypts an
#     encrypted backup with `age -d` and imports a file `age -p` made,
#     driving both through a pseudo-terminal (age reads passphrases from
#     the terminal only).
# Idempotent. Prints the interpreter to use as its last line:
#   KEFIR_PYTHON=/opt/kefir-toolchains/fhir-venv/bin/python
# With CI=true a failure here is fatal (exit 1); elsewhere it warns loudly.
set -euo pipefail

VENV="${KEFIR_FHIR_VENV:-/opt/kefir-toolchains/fhir-venv}"
fail() {
  {
    echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
    echo "!!  report tools: $*"
    echo "!!  The PDF/FHIR and age interop tests fail with CI=true and are skipped otherwise."
    echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
  } >&2
  [[ "${CI:-}" == true ]] && exit 1
  exit 0
}

if ! command -v pdftotext >/dev/null 2>&1; then
  echo "[install-report-tools] apt-get install poppler-utils" >&2
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils; } >/dev/null 2>&1 ||
    fail "could not install poppler-utils (pdftotext)"
fi

APT_UPDATED=
apt_install() {
  [[ -n "$APT_UPDATED" ]] || { apt-get update -qq >/dev/null 2>&1 || true; APT_UPDATED=1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1
}

if ! command -v pdftoppm >/dev/null 2>&1; then
  apt_install poppler-utils || fail "could not install poppler-utils (pdftoppm)"
fi
if ! ls /usr/share/fonts/truetype/noto/NotoSansHebrew-Regular.ttf >/dev/null 2>&1 ||
   ! ls /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc >/dev/null 2>&1; then
  echo "[install-report-tools] apt-get install fonts-noto-core fonts-noto-cjk" >&2
  apt_install fonts-noto-core fonts-noto-cjk || fail "could not install the Noto fonts"
fi
if ! command -v age >/dev/null 2>&1; then
  echo "[install-report-tools] apt-get install age" >&2
  apt_install age || fail "could not install age (the encrypted-backup interop tests need it)"
fi
if ! command -v mvn >/dev/null 2>&1 || ! command -v javac >/dev/null 2>&1; then
  echo "[install-report-tools] apt-get install maven openjdk-17-jdk-headless" >&2
  apt_install maven openjdk-17-jdk-headless || fail "could not install maven and a JDK"
fi
HAPI="$(cd "$(dirname "${BASH_SOURCE[0]}")/../tests/fhir/hapi" && pwd)"
if [[ ! -f "$HAPI/target/classes/Validate.class" || ! -d "$HAPI/target/lib" ]]; then
  echo "[install-report-tools] building the HAPI FHIR validator (Maven Central)" >&2
  (cd "$HAPI" && mvn -q -B package -DskipTests >/dev/null 2>&1) || fail "could not build tests/fhir/hapi (maven)"
fi

if ! "$VENV/bin/python" -c 'import fhir.resources.bundle' >/dev/null 2>&1; then
  echo "[install-report-tools] python venv $VENV with fhir.resources==6.4.0" >&2
  PY=$(command -v python3) || fail "python3 is missing"
  if ! "$PY" -m venv "$VENV" >/dev/null 2>&1; then
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv; } >/dev/null 2>&1 || true
    "$PY" -m venv "$VENV" >/dev/null 2>&1 || fail "could not create a Python virtual environment"
  fi
  "$VENV/bin/pip" install -q "fhir.resources==6.4.0" "pydantic>=1.10,<2" >/dev/null 2>&1 ||
    fail "could not pip install fhir.resources 6.4.0"
fi
echo "KEFIR_PYTHON=$VENV/bin/python"
