#!/usr/bin/env bash
# Tools the report tests need, installed on a fresh Debian machine (as root):
#   - pdftotext (poppler-utils): the PDF's text must be extractable;
#   - an independent FHIR validator: the Python package fhir.resources 6.4.0,
#     the last release whose models are FHIR R4 (4.0.1); it needs pydantic 1,
#     so it lives in its own virtual environment.
# Idempotent. Prints the interpreter to use as its last line:
#   KEFIR_PYTHON=/opt/kefir-toolchains/fhir-venv/bin/python
# With CI=true a failure here is fatal (exit 1); elsewhere it warns loudly.
set -euo pipefail

VENV="${KEFIR_FHIR_VENV:-/opt/kefir-toolchains/fhir-venv}"
fail() {
  {
    echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
    echo "!!  report tools: $*"
    echo "!!  The PDF/FHIR tests fail with CI=true and are skipped otherwise."
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
