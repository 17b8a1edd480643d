#!/usr/bin/env bash
# Validate FHIR R4 JSON files with the HL7 reference validator as packaged by
# HAPI FHIR (hapi-fhir-validation + hapi-fhir-structures-r4 +
# hapi-fhir-validation-resources-r4, from Maven Central), run offline.
#
#     bash tests/fhir/hapi-validate.sh FILE [FILE...]
#
# Builds tests/fhir/hapi (a small Java main, Validate.java) on first use
# (needs maven and a JDK 17: scripts/install-report-tools.sh installs them).
# Prints every message ("SEVERITY location: message") and a summary line per
# file. Exit 0: no errors; 1: an error or fatal message; 2: the validator is
# not available (tools missing).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT="$HERE/hapi"
if [[ ! -f "$PROJECT/target/classes/Validate.class" || ! -d "$PROJECT/target/lib" ]]; then
  command -v mvn >/dev/null 2>&1 || { echo "hapi-validate: maven is missing" >&2; exit 2; }
  (cd "$PROJECT" && mvn -q -B package -DskipTests >&2) || { echo "hapi-validate: build failed" >&2; exit 2; }
fi
command -v java >/dev/null 2>&1 || { echo "hapi-validate: java is missing" >&2; exit 2; }
exec java -Xss4m -cp "$PROJECT/target/classes:$PROJECT/target/lib/*" Validate "$@"
