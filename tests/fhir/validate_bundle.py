#!/usr/bin/env python3
"""Validate FHIR bundles written by kefir-core (report::fhir) with the
independent Python models of the `fhir.resources` package.

    python3 tests/fhir/validate_bundle.py FILE [FILE...]

Each FILE must hold one Bundle of type `collection`. The script parses the
bundle and, separately, every entry resource with the library's model for
its resourceType (unknown elements, wrong types, bad primitives such as a
dateTime without a valid offset, and violated invariants are errors), and
checks that fullUrls are unique and every `reference` resolves to a fullUrl
inside the bundle. The models do not check code bindings, so the script also
checks the elements with a *required* binding that the app writes (statuses,
types, categories) against their R4 value sets.

Which FHIR version:
  * Preferred: fhir.resources 6.4.0, the last release whose root package is
    FHIR R4 (4.0.1), the version the app exports:
        pip install "fhir.resources==6.4.0" "pydantic>=1.10,<2"
    (6.4.0 does not pin pydantic, but needs pydantic 1.x.)
  * Fallback: fhir.resources >= 7 (pydantic 2) ships no R4, only R5 at the
    root and R4B (4.3.0) as a sub-package. R4B kept R4's resources used here
    (Patient, Observation, AllergyIntolerance, Condition,
    MedicationStatement, Bundle) structurally unchanged, so the script
    validates against R4B and says so.

Exit status: 0 all valid, 1 a validation error, 2 fhir.resources (or a
usable FHIR version of it) is not installed, 64 usage error.
"""

import json
import sys


def load_models():
    """Return (label, parse(resource_type, dict) -> model)."""
    try:
        import fhir.resources as root
    except ImportError as e:
        print(f"validate_bundle: fhir.resources is not installed ({e})", file=sys.stderr)
        sys.exit(2)
    version = getattr(root, "__fhir_version__", "")
    if version.startswith("4.0"):
        try:
            from fhir.resources import get_fhir_model_class
        except ImportError as e:  # e.g. pydantic 2 under fhir.resources 6.x
            print(f"validate_bundle: fhir.resources {version} unusable ({e}); "
                  "install pydantic>=1.10,<2", file=sys.stderr)
            sys.exit(2)
        return f"R4 {version}", lambda rt, data: get_fhir_model_class(rt).parse_obj(data)
    try:
        from fhir.resources.R4B import get_fhir_model_class
        import fhir.resources.R4B as r4b
    except ImportError as e:
        print(f"validate_bundle: fhir.resources has neither R4 nor R4B ({e})", file=sys.stderr)
        sys.exit(2)
    try:
        from importlib.metadata import version as package_version
        package = package_version("fhir.resources")
    except Exception:  # metadata missing in odd installs; the label is informational
        package = "?"
    label = f"R4B {getattr(r4b, '__fhir_version__', '4.3.0')} (fhir.resources {package} has no R4 models)"
    return label, lambda rt, data: get_fhir_model_class(rt).model_validate(data)


# Required bindings (FHIR R4 4.0.1) of the coded elements the app writes:
# (resourceType, element) -> allowed codes. CodeableConcept elements are
# checked on their codings from the named HL7 code system.
REQUIRED_CODES = {
    ("Bundle", "type"): {"document", "message", "transaction", "transaction-response", "batch",
                         "batch-response", "history", "searchset", "collection"},
    ("Observation", "status"): {"registered", "preliminary", "final", "amended", "corrected",
                                "cancelled", "entered-in-error", "unknown"},
    ("MedicationStatement", "status"): {"active", "completed", "entered-in-error", "intended",
                                        "stopped", "on-hold", "unknown", "not-taken"},
    ("AllergyIntolerance", "type"): {"allergy", "intolerance"},
    ("AllergyIntolerance", "category"): {"food", "medication", "environment", "biologic"},
    ("AllergyIntolerance", "clinicalStatus"): {"active", "inactive", "resolved"},
    ("AllergyIntolerance", "verificationStatus"): {"unconfirmed", "confirmed", "refuted",
                                                   "entered-in-error"},
    ("Condition", "clinicalStatus"): {"active", "recurrence", "relapse", "inactive", "remission",
                                      "resolved"},
    ("Condition", "verificationStatus"): {"unconfirmed", "provisional", "differential", "confirmed",
                                          "refuted", "entered-in-error"},
}
CONCEPT_SYSTEMS = {
    ("AllergyIntolerance", "clinicalStatus"):
        "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical",
    ("AllergyIntolerance", "verificationStatus"):
        "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification",
    ("Condition", "clinicalStatus"): "http://terminology.hl7.org/CodeSystem/condition-clinical",
    ("Condition", "verificationStatus"): "http://terminology.hl7.org/CodeSystem/condition-ver-status",
}


def binding_errors(resource):
    rt = resource.get("resourceType")
    errors = []
    for (brt, element), allowed in REQUIRED_CODES.items():
        if brt != rt or element not in resource:
            continue
        value = resource[element]
        system = CONCEPT_SYSTEMS.get((brt, element))
        if system:
            codes = [c.get("code") for c in value.get("coding", []) if c.get("system") == system]
            if not codes:
                errors.append(f"{element} has no coding from {system}")
        else:
            codes = value if isinstance(value, list) else [value]
        for code in codes:
            if code not in allowed:
                errors.append(f"{element} {code!r} is not in its required value set")
    return errors


def references(value, out):
    if isinstance(value, dict):
        for k, v in value.items():
            if k == "reference" and isinstance(v, str):
                out.append(v)
            else:
                references(v, out)
    elif isinstance(value, list):
        for v in value:
            references(v, out)


def validate(path, label, parse):
    errors = []
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError) as e:
        return [f"cannot read JSON: {e}"], 0
    if data.get("resourceType") != "Bundle":
        return [f"resourceType is {data.get('resourceType')!r}, not 'Bundle'"], 0
    if data.get("type") != "collection":
        errors.append(f"Bundle.type is {data.get('type')!r}, not 'collection'")
    errors += [f"Bundle: {e}" for e in binding_errors(data)]
    try:
        parse("Bundle", data)
    except Exception as e:  # the library raises pydantic ValidationError and others
        errors.append(f"Bundle: {e}")

    entries = data.get("entry") or []
    urls = set()
    for i, entry in enumerate(entries):
        url = entry.get("fullUrl")
        resource = entry.get("resource") or {}
        rt = resource.get("resourceType", "?")
        where = f"entry[{i}] {rt} {url}"
        if not url or not url.startswith("urn:uuid:"):
            errors.append(f"{where}: fullUrl is not a urn:uuid")
        elif url in urls:
            errors.append(f"{where}: duplicate fullUrl")
        urls.add(url)
        try:
            parse(rt, resource)
        except Exception as e:
            errors.append(f"{where}: {e}")
        errors += [f"{where}: {e}" for e in binding_errors(resource)]

    refs = []
    references(entries, refs)
    for r in refs:
        if r not in urls:
            errors.append(f"reference {r} does not resolve inside the bundle")
    return errors, len(entries)


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 64
    label, parse = load_models()
    failed = False
    for path in argv[1:]:
        errors, n = validate(path, label, parse)
        if errors:
            failed = True
            print(f"validate_bundle: {path}: INVALID ({label})", file=sys.stderr)
            for e in errors:
                print(f"  - {e}", file=sys.stderr)
        else:
            print(f"validate_bundle: {path}: OK, {n} resources valid against FHIR {label}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
