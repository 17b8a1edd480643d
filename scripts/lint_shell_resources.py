#!/usr/bin/env python3
"""Lint the phone shells' resources with the Python standard library only.

    python3 scripts/lint_shell_resources.py [--root DIR] [--self-test]

Checks (each problem is one line `lint: <file>: <what>`; exit 1 if any):

String Catalog (ios/KefirApp/Resources/Localizable.xcstrings)
  - every key and every translation (plain values and every plural/device
    variation) uses only valid printf specifiers; a lone `%` (such as `%)`)
    is an error, `%%` is a literal percent sign;
  - every translation uses the key's arguments with the same types at the
    same positions (`%u` vs `%1$u` are both argument 1 of type u; `%lld` and
    `%@` differ); a plural variation may leave out the argument it is
    plural on (e.g. "one day"), but may not add or retype one.
Android strings (android/app/src/main/res/values*/strings.xml)
  - placeholders are valid; more than one placeholder must be positional
    (`%1$s`), as aapt2 requires; no lone `%`; apostrophes and double quotes
    escaped; every translation has the same placeholders as the default;
  - every `R.string.x` / `R.plurals.x` used in Kotlin exists, and every
    `stringResource(R.string.x, a, b)` / `getString(R.string.x, ...)` passes
    as many arguments as the string has placeholders.
AndroidManifest.xml
  - well-formed; every component class exists in the Kotlin sources; every
    component with an intent filter sets android:exported; every
    `@string/`, `@xml/`, `@style/`, `@mipmap/`, `@drawable/` reference exists;
    INTERNET is removed (no network code), POST_NOTIFICATIONS is declared.
Scripts that also run on macOS (bash 3.2): scripts/gen-bindings.sh,
  scripts/check-elf-alignment.sh, ios/scripts/build-xcframework.sh
  - no bash 4 features (mapfile/readarray, associative arrays, ${x,,}/${x^^});
  - an array assigned empty (`a=()`) is only expanded guarded, as
    `${a[@]+"${a[@]}"}`: bash 3.2 aborts on "${a[@]}" of an empty array
    under `set -u`.
Domain vocabulary stays in the core (issue 15): the shells show the core's
  labels (screening_form, checkin_form, drink_form), so
  - no strings.xml name starts with condition_, symptom_, bristol_,
    severity_, med_, medicine_, kind_, source_ or age_;
  - no strings.xml value, String Catalog key and no string literal in the
    shells' Kotlin or Swift sources is one of the core's English labels of
    those families (core/locales/en/vocab.ftl: conditions, age bands,
    medicines, symptoms, severities, kinds, sources, Bristol types).
Apple property lists (ios/**/*.plist, *.entitlements, *.xcprivacy)
  - parse with plistlib; the privacy manifest has NSPrivacyTracking and a
    reason for every accessed API type; the data-protection entitlement is
    one of Apple's four classes and matches ios/KefirApp/project.yml.
"""
from __future__ import annotations

import argparse
import json
import plistlib
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ANDROID_NS = "{http://schemas.android.com/apk/res/android}"
TOOLS_NS = "{http://schemas.android.com/tools}"

problems: list[str] = []


def report(path: Path | str, what: str) -> None:
    problems.append(f"lint: {path}: {what}")


# --- printf specifiers ---------------------------------------------------------

# Apple's String Catalog specifiers (printf + %@), e.g. %u %1$u %lld %@ %.1f %#@name@.
APPLE_SPEC = re.compile(r"%(?:(\d+)\$)?([-+ 0#]*)(\d+|\*)?(?:\.(\d+|\*))?(hh|h|ll|l|q|z|t|j|L)?([@dDiuUxXoOfFeEgGcCsSpaA])")
# Android (java.util.Formatter) specifiers, e.g. %s %1$s %d %2$.1f.
JAVA_SPEC = re.compile(r"%(?:(\d+)\$)?([-#+ 0,(<]*)(\d+)?(?:\.(\d+))?([bBhHsScCdoxXeEfgGaAtT%n])")


def apple_args(text: str) -> tuple[dict[int, str], list[str]]:
    """Arguments {position: type} of a catalog string, and errors."""
    args: dict[int, str] = {}
    errors: list[str] = []
    i, seq = 0, 0
    while i < len(text):
        if text[i] != "%":
            i += 1
            continue
        if text.startswith("%%", i):
            i += 2
            continue
        if text.startswith("%#@", i):  # a substitution, %#@name@
            end = text.find("@", i + 3)
            if end < 0:
                errors.append(f"unterminated substitution at {i}")
                return args, errors
            i = end + 1
            continue
        m = APPLE_SPEC.match(text, i)
        if not m:
            errors.append(f"lone '%' at offset {i} ({text[i:i + 4]!r}): write %% for a percent sign")
            i += 1
            continue
        pos = int(m.group(1)) if m.group(1) else None
        if pos is None:
            seq += 1
            pos = seq
        kind = (m.group(5) or "") + m.group(6)
        # %d and %i are the same conversion; l and none differ in width (UInt32 vs Int).
        kind = kind.replace("i", "d")
        if pos in args and args[pos] != kind:
            errors.append(f"argument {pos} used as %{args[pos]} and %{kind}")
        args[pos] = kind
        i = m.end()
    return args, errors


def catalog_values(entry: dict) -> list[tuple[str, str, bool]]:
    """(language/variation path, value, is_plural_variation) for every string unit of a key."""
    out: list[tuple[str, str, bool]] = []

    def walk(node: dict, where: str, plural: bool) -> None:
        unit = node.get("stringUnit")
        if unit is not None:
            out.append((where, unit.get("value", ""), plural))
        for vkind, cases in node.get("variations", {}).items():
            for case, sub in cases.items():
                walk(sub, f"{where}/{vkind}.{case}", plural or vkind == "plural")
        for name, sub in node.get("substitutions", {}).items():
            walk(sub, f"{where}/substitution {name}", True)

    for lang, loc in entry.get("localizations", {}).items():
        walk(loc, lang, False)
    return out


def lint_catalog(path: Path) -> int:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        report(path, f"not valid JSON: {e}")
        return 0
    n = 0
    for key, entry in data.get("strings", {}).items():
        n += 1
        key_args, errors = apple_args(key)
        for e in errors:
            report(path, f"key {key!r}: {e}")
        for where, value, plural in catalog_values(entry):
            args, errors = apple_args(value)
            for e in errors:
                report(path, f"key {key!r} [{where}] value {value!r}: {e}")
            for pos, kind in args.items():
                if pos not in key_args:
                    report(path, f"key {key!r} [{where}] value {value!r}: argument {pos} (%{kind}) is not in the key")
                elif key_args[pos] != kind:
                    report(path, f"key {key!r} [{where}] value {value!r}: argument {pos} is %{kind}, the key has %{key_args[pos]}")
            missing = sorted(set(key_args) - set(args))
            # A plural case may leave out the number it is plural on ("one day").
            if missing and not (plural and len(missing) <= 1):
                report(path, f"key {key!r} [{where}] value {value!r}: leaves out argument(s) {missing}")
    return n


# --- Android strings -------------------------------------------------------------

def java_args(text: str) -> tuple[list[tuple[int | None, str]], list[str]]:
    specs: list[tuple[int | None, str]] = []
    errors: list[str] = []
    i = 0
    while i < len(text):
        if text[i] != "%":
            i += 1
            continue
        m = JAVA_SPEC.match(text, i)
        if not m:
            errors.append(f"lone '%' at offset {i} ({text[i:i + 4]!r}): write %% (or \\u0025)")
            i += 1
            continue
        if m.group(5) not in "%n":
            specs.append((int(m.group(1)) if m.group(1) else None, m.group(5).lower()))
        i = m.end()
    return specs, errors


def android_text(el: ET.Element) -> str:
    return "".join(el.itertext())


def lint_android_strings(res: Path) -> tuple[dict[str, int], int]:
    """Placeholders per name in the default strings.xml (strings and plurals)."""
    counts: dict[str, int] = {}
    default_specs: dict[str, list] = {}
    n = 0
    files = sorted(res.glob("values*/strings.xml"))
    for f in files:
        try:
            root = ET.parse(f).getroot()
        except ET.ParseError as e:
            report(f, f"not well-formed XML: {e}")
            continue
        is_default = f.parent.name == "values"
        for el in root:
            name = el.get("name", "")
            if el.tag == "string":
                texts = [android_text(el)]
            elif el.tag == "plurals":
                texts = [android_text(item) for item in el.findall("item")]
            else:
                continue
            n += 1
            if el.get("formatted") == "false":
                continue
            all_specs = []
            for t in texts:
                specs, errors = java_args(t)
                for e in errors:
                    report(f, f"{name}: {e}")
                if len(specs) > 1 and any(p is None for p, _ in specs):
                    report(f, f"{name}: {len(specs)} placeholders must all be positional (%1$s, %2$d)")
                if re.search(r"(?<!\\)'", t) and not (t.startswith('"') and t.endswith('"')):
                    report(f, f"{name}: unescaped apostrophe (write \\')")
                if re.search(r'(?<!\\)"', t.strip('"')):
                    report(f, f"{name}: unescaped double quote (write \\\")")
                all_specs.append(sorted((p or i + 1, k) for i, (p, k) in enumerate(specs)))
            merged = sorted(set(s for specs in all_specs for s in specs))
            if is_default:
                counts[name] = max((p for p, _ in merged), default=0)
                default_specs[name] = merged
            elif name in default_specs and merged != default_specs[name] and el.tag == "string":
                report(f, f"{name}: placeholders {merged} differ from the default's {default_specs[name]}")
    return counts, n


def split_args(src: str, start: int) -> list[str] | None:
    """Top-level comma-separated arguments of the call whose '(' is at src[start]."""
    depth, args, cur, i = 0, [], [], start
    in_str = None
    while i < len(src):
        c = src[i]
        if in_str:
            cur.append(c)
            if c == "\\":
                cur.append(src[i + 1])
                i += 2
                continue
            if c == in_str:
                in_str = None
        elif c in "\"'":
            in_str = c
            cur.append(c)
        elif c in "([{":
            depth += 1
            if depth > 1:
                cur.append(c)
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                args.append("".join(cur).strip())
                return [a for a in args if a]
            cur.append(c)
        elif c == "," and depth == 1:
            args.append("".join(cur).strip())
            cur = []
        else:
            cur.append(c)
        i += 1
    return None


def lint_kotlin_uses(src_dir: Path, res: Path, counts: dict[str, int]) -> int:
    names = set(counts)
    for f in res.glob("values*/strings.xml"):
        try:
            for el in ET.parse(f).getroot():
                names.add(el.get("name", ""))
        except ET.ParseError:
            pass
    checked = 0
    call = re.compile(r"\b(stringResource|getString|pluralStringResource|getQuantityString)\(")
    for f in sorted(src_dir.rglob("*.kt")):
        src = f.read_text(encoding="utf-8")
        for m in re.finditer(r"\bR\.(string|plurals)\.(\w+)", src):
            if m.group(2) not in names:
                report(f, f"R.{m.group(1)}.{m.group(2)} is not in res/values*/strings.xml")
        for m in call.finditer(src):
            args = split_args(src, m.end() - 1)
            if not args:
                continue
            ref = re.fullmatch(r"R\.(string|plurals)\.(\w+)", args[0])
            if not ref or ref.group(2) not in counts:
                continue
            given = len(args) - 1
            if m.group(1) in ("pluralStringResource", "getQuantityString"):
                given -= 1  # the count that picks the plural form
            want = counts[ref.group(2)]
            checked += 1
            if given != want and not (given == 0 and m.group(1) in ("stringResource", "getString")):
                line = src.count("\n", 0, m.start()) + 1
                report(f"{f}:{line}", f"{m.group(1)}(R.{ref.group(1)}.{ref.group(2)}) passes {given} argument(s), the string has {want}")
            elif given == 0 and want > 0 and m.group(1) in ("stringResource", "getString"):
                line = src.count("\n", 0, m.start()) + 1
                report(f"{f}:{line}", f"R.string.{ref.group(2)} has {want} placeholder(s) but is used without arguments")
    return checked


def lint_manifest(manifest: Path, src_dir: Path, res: Path) -> int:
    try:
        root = ET.parse(manifest).getroot()
    except ET.ParseError as e:
        report(manifest, f"not well-formed XML: {e}")
        return 0
    package_dir = src_dir / "org" / "kefir" / "app"
    n = 0
    perms = {p.get(ANDROID_NS + "name"): p.get(TOOLS_NS + "node") for p in root.findall("uses-permission")}
    if perms.get("android.permission.INTERNET", "absent") not in ("remove", "absent"):
        report(manifest, "INTERNET must not be requested (no network code): tools:node=\"remove\"")
    if "android.permission.POST_NOTIFICATIONS" not in perms:
        report(manifest, "POST_NOTIFICATIONS is not declared: reminders would never show on Android 13+")
    app = root.find("application")
    if app is None:
        report(manifest, "no <application>")
        return n
    for comp in app:
        if comp.tag not in ("activity", "receiver", "service", "provider"):
            continue
        n += 1
        name = comp.get(ANDROID_NS + "name", "")
        if name.startswith("."):
            rel = name[1:].replace(".", "/") + ".kt"
            cls = name.rsplit(".", 1)[-1]
            hits = [p for p in package_dir.rglob("*.kt") if re.search(rf"\bclass {cls}\b", p.read_text(encoding="utf-8"))]
            if not (package_dir / rel).exists() and not hits:
                report(manifest, f"{comp.tag} {name}: no Kotlin class {cls} under {package_dir}")
        if comp.find("intent-filter") is not None and comp.get(ANDROID_NS + "exported") is None:
            report(manifest, f"{comp.tag} {name}: has an intent-filter but no android:exported (required from API 31)")
    for el in root.iter():
        for attr, value in el.attrib.items():
            m = re.fullmatch(r"@(string|xml|style|mipmap|drawable|color)/([\w.]+)", value)
            if not m:
                continue
            kind, rname = m.groups()
            if kind in ("string", "style", "color"):
                found = any(
                    e.get("name") == rname
                    for f in res.glob("values*/*.xml")
                    for e in ET.parse(f).getroot()
                )
            else:
                found = any(res.glob(f"{kind}*/{rname}.*"))
            if not found:
                report(manifest, f"{attr.split('}')[-1]}={value}: no such resource under {res}")
    return n


def lint_plists(ios: Path) -> int:
    n = 0
    values: dict[str, object] = {}
    for f in sorted(list(ios.rglob("*.plist")) + list(ios.rglob("*.entitlements")) + list(ios.rglob("*.xcprivacy"))):
        if ".build" in f.parts or "Artifacts" in f.parts:
            continue
        n += 1
        try:
            data = plistlib.loads(f.read_bytes())
        except Exception as e:  # plistlib raises several types
            report(f, f"not a valid property list: {e}")
            continue
        if f.suffix == ".xcprivacy":
            if not isinstance(data.get("NSPrivacyTracking"), bool):
                report(f, "NSPrivacyTracking (bool) is missing")
            for i, api in enumerate(data.get("NSPrivacyAccessedAPITypes", [])):
                if not api.get("NSPrivacyAccessedAPIType", "").startswith("NSPrivacyAccessedAPICategory"):
                    report(f, f"NSPrivacyAccessedAPITypes[{i}]: no NSPrivacyAccessedAPICategory… type")
                if not api.get("NSPrivacyAccessedAPITypeReasons"):
                    report(f, f"NSPrivacyAccessedAPITypes[{i}]: no reason given")
        if f.suffix == ".entitlements":
            dp = data.get("com.apple.developer.default-data-protection")
            if dp is not None:
                values["data-protection"] = dp
                if dp not in ("NSFileProtectionComplete", "NSFileProtectionCompleteUnlessOpen",
                              "NSFileProtectionCompleteUntilFirstUserAuthentication", "NSFileProtectionNone"):
                    report(f, f"default-data-protection {dp!r} is not an NSFileProtection class")
    project = ios / "KefirApp" / "project.yml"
    if project.exists() and "data-protection" in values:
        m = re.search(r"com\.apple\.developer\.default-data-protection:\s*(\S+)", project.read_text(encoding="utf-8"))
        if not m or m.group(1) != values["data-protection"]:
            report(project, f"default-data-protection differs from the entitlements file ({values['data-protection']})")
    return n


def lint_usage_descriptions(ios: Path) -> int:
    """Every `NS…UsageDescription` in project.yml's Info.plist properties has
    the same English text in Resources/InfoPlist.xcstrings and a translation
    into every language of CFBundleLocalizations (iOS shows it in the
    permission dialog, in the device's language)."""
    project = ios / "KefirApp" / "project.yml"
    catalog = ios / "KefirApp" / "Resources" / "InfoPlist.xcstrings"
    if not project.exists():
        return 0
    text = project.read_text(encoding="utf-8")
    keys = dict(re.findall(r"^\s+(NS\w+UsageDescription):\s*(.+?)\s*$", text, re.M))
    m = re.search(r"CFBundleLocalizations:\s*\[([^\]]*)\]", text)
    languages = [x.strip() for x in m.group(1).split(",")] if m else ["en"]
    if not keys:
        return 0
    try:
        strings = json.loads(catalog.read_text(encoding="utf-8")).get("strings", {})
    except (OSError, ValueError) as e:
        report(catalog, f"needed for {sorted(keys)}: {e}")
        return 0
    for key, english in keys.items():
        locs = strings.get(key, {}).get("localizations", {})
        for lang in languages:
            value = locs.get(lang, {}).get("stringUnit", {}).get("value", "")
            if not value.strip():
                report(catalog, f"{key}: no {lang} text")
        if locs.get("en", {}).get("stringUnit", {}).get("value") not in (None, english):
            report(catalog, f"{key}: the en text differs from project.yml's")
    return len(keys)


# --- domain vocabulary ---------------------------------------------------------------

VOCAB_KEY_PREFIXES = (
    "condition_", "symptom_", "bristol_", "severity_", "med_", "medicine_", "kind_", "source_", "age_",
    "plan_status_", "decision_", "level_",
)
VOCAB_FAMILIES = ("condition", "age", "medicine", "symptom", "severity", "kind", "source", "bristol")


def vocab_labels(ftl: Path) -> set[str]:
    """The core's English labels of the vocabulary families (single-line
    messages without placeables), normalised by norm()."""
    out: set[str] = set()
    for line in ftl.read_text(encoding="utf-8").splitlines():
        m = re.match(r"([a-z]+)-[a-z0-9_]+\s*=\s*(.+)$", line)
        if m and m.group(1) in VOCAB_FAMILIES and "{" not in m.group(2):
            out.add(norm(m.group(2)))
    return out


def norm(text: str) -> str:
    """Case, apostrophe style, surrounding quotes/space and Android escapes do not matter."""
    t = text.strip().strip('"').replace("\\'", "'").replace("\u2019", "'").replace("’", "'")
    return re.sub(r"\s+", " ", t).casefold()


def lint_vocabulary(root: Path, res: Path, catalog: Path) -> int:
    ftl = root / "core" / "locales" / "en" / "vocab.ftl"
    if not ftl.exists():
        report(ftl, "missing: the core's vocabulary labels (the shells' check needs them)")
        return 0
    labels = vocab_labels(ftl)
    if len(labels) < 40:
        report(ftl, f"only {len(labels)} vocabulary labels found: the parser no longer matches the file")
    n = 0
    for f in sorted(res.glob("values*/strings.xml")):
        try:
            root_el = ET.parse(f).getroot()
        except ET.ParseError:
            continue  # reported by lint_android_strings
        for el in root_el:
            name = el.get("name", "")
            n += 1
            if name.startswith(VOCAB_KEY_PREFIXES):
                report(f, f"{name}: domain vocabulary belongs to the core (show the label from its form record)")
            texts = [android_text(el)] if el.tag == "string" else [android_text(i) for i in el.findall("item")]
            for t in texts:
                if norm(t) in labels:
                    report(f, f"{name}: {t!r} is the core's label; show the core's, do not copy it")
    try:
        keys = json.loads(catalog.read_text(encoding="utf-8")).get("strings", {})
    except (OSError, ValueError):
        keys = {}  # reported by lint_catalog
    for key in keys:
        n += 1
        if norm(key) in labels:
            report(catalog, f"key {key!r} is the core's label; show the core's, do not copy it")
    literal = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
    sources = [root / "android" / "app" / "src" / "main" / "kotlin", root / "ios" / "KefirApp" / "Sources",
               root / "ios" / "KefirKit" / "Sources"]
    for d in sources:
        for f in sorted(list(d.rglob("*.kt")) + list(d.rglob("*.swift"))):
            src = f.read_text(encoding="utf-8")
            for m in literal.finditer(src):
                n += 1
                start = src.rfind("\n", 0, m.start()) + 1
                if src[start:m.start()].lstrip().startswith(("//", "*", "/*")):
                    continue  # a comment may quote a label
                if norm(m.group(1)) in labels:
                    line = src.count("\n", 0, m.start()) + 1
                    report(f"{f}:{line}", f"string literal {m.group(0)} is the core's label; show the core's")
    return n


MACOS_SCRIPTS = ["scripts/gen-bindings.sh", "scripts/check-elf-alignment.sh", "ios/scripts/build-xcframework.sh"]


def bash32_problems(src: str) -> list[str]:
    out = []
    for i, line in enumerate(src.splitlines(), 1):
        code = line.split("#", 1)[0] if not line.lstrip().startswith("#!") else ""
        if re.search(r"\b(mapfile|readarray)\b|\b(declare|local|typeset) -[a-zA-Z]*A|\$\{\w+(,,|\^\^)", code):
            out.append(f"line {i}: bash 4 feature: {line.strip()}")
    for name in set(re.findall(r"\b(\w+)=\(\s*\)", src)):
        for m in re.finditer(r'"\$\{' + name + r'\[[@*]\]\}"', src):
            guard = "${" + name + "[" + src[m.start() + 4 + len(name)] + "]+"
            if not src[:m.start()].endswith(guard):
                line = src.count("\n", 0, m.start()) + 1
                out.append(f"line {line}: \"${{{name}[@]}}\" of an array that may be empty: write ${{{name}[@]+\"${{{name}[@]}}\"}}")
    return out


def lint_bash32(root: Path) -> int:
    n = 0
    for rel in MACOS_SCRIPTS:
        f = root / rel
        if not f.exists():
            continue
        n += 1
        for p in bash32_problems(f.read_text(encoding="utf-8")):
            report(f, p)
    return n


def self_test() -> None:
    """The checks find what they should (run with --self-test)."""
    assert apple_args("%u (%u %%)") == ({1: "u", 2: "u"}, [])
    assert apple_args("%1$u (%2$u %)")[1], "a lone % is an error"
    assert apple_args("Step %lld: %@") == ({1: "lld", 2: "@"}, [])
    assert apple_args("%2$@ %1$lld") == ({2: "@", 1: "lld"}, [])
    assert java_args("%1$s of %2$s")[0] == [(1, "s"), (2, "s")]
    assert java_args("50 %")[1], "a lone % is an error"
    assert java_args("50 %% and %n")[0] == []
    assert split_args('stringResource(R.string.a, f(x, y), "a,b")', 14) == ["R.string.a", "f(x, y)", '"a,b"']
    assert bash32_problems('a=()\ncmd "${a[@]}"\n'), "unguarded empty array"
    assert not bash32_problems('a=()\ncmd ${a[@]+"${a[@]}"}\necho "${a[*]+"${a[*]}"}"\n')
    assert bash32_problems("mapfile -t x < f\n") and bash32_problems("declare -A m=()\n")
    assert norm("Cow\\'s milk kefir") == norm("cow’s milk KEFIR") == "cow's milk kefir"
    assert "VOCAB" not in "x" and "condition_pregnant".startswith(VOCAB_KEY_PREFIXES)
    assert not "section_symptoms".startswith(VOCAB_KEY_PREFIXES)
    print("lint_shell_resources: self-test passed")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default=str(Path(__file__).resolve().parent.parent))
    ap.add_argument("--self-test", action="store_true")
    a = ap.parse_args()
    if a.self_test:
        self_test()
    root = Path(a.root)
    android = root / "android" / "app" / "src" / "main"
    res, kotlin = android / "res", android / "kotlin"
    ios = root / "ios"
    keys = lint_catalog(ios / "KefirApp" / "Resources" / "Localizable.xcstrings")
    if (ios / "KefirApp" / "Resources" / "InfoPlist.xcstrings").exists():
        keys += lint_catalog(ios / "KefirApp" / "Resources" / "InfoPlist.xcstrings")
    usage = lint_usage_descriptions(ios)
    counts, strings = lint_android_strings(res)
    calls = lint_kotlin_uses(kotlin, res, counts)
    components = lint_manifest(android / "AndroidManifest.xml", kotlin, res)
    plists = lint_plists(ios)
    macos = lint_bash32(root)
    vocab = lint_vocabulary(root, res, ios / "KefirApp" / "Resources" / "Localizable.xcstrings")
    for p in problems:
        print(p)
    print(f"lint_shell_resources: {keys} catalog keys, {strings} Android strings, {calls} string calls, "
          f"{components} manifest components, {plists} property lists, {usage} usage descriptions, {macos} macOS scripts, "
          f"{vocab} vocabulary checks; {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
