//! The core's modules form layers (ARCHITECTURE.md, "Who owns what"): no
//! module reaches itself through its `crate::` imports (no cycles), the
//! vocabulary and the catalogue sit below the rules, and nothing but the
//! app and the exporters imports from `report`. Read from the source files
//! (test modules excluded), so a new import that breaks a layer fails here.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Module name -> the `crate::<module>` names its non-test code uses.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut add = |module: &str, path: &Path| {
        let text = std::fs::read_to_string(path).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap();
        let deps = out.entry(module.to_string()).or_default();
        for (i, _) in code.match_indices("crate::") {
            let name: String = code[i + 7..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            if name != module && !name.is_empty() {
                deps.insert(name);
            }
        }
    };
    for e in std::fs::read_dir(&src).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            let module = p.file_name().unwrap().to_str().unwrap().to_string();
            for f in std::fs::read_dir(&p).unwrap() {
                add(&module, &f.unwrap().path());
            }
        } else if p.extension().is_some_and(|x| x == "rs") && p.file_stem().unwrap() != "lib" {
            add(p.file_stem().unwrap().to_str().unwrap(), &p);
        }
    }
    out
}

fn reaches(g: &BTreeMap<String, BTreeSet<String>>, from: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut todo = vec![from.to_string()];
    while let Some(m) = todo.pop() {
        for d in g.get(&m).into_iter().flatten() {
            if seen.insert(d.clone()) {
                todo.push(d.clone());
            }
        }
    }
    seen
}

#[test]
fn modules_import_each_other_without_cycles() {
    let g = imports();
    assert!(g.len() > 15, "{g:?}");
    let cycles: Vec<String> = g.keys().filter(|m| reaches(&g, m).contains(*m)).cloned().collect();
    assert!(cycles.is_empty(), "modules on an import cycle: {cycles:?}\n{g:#?}");
}

#[test]
fn vocabulary_and_catalogue_sit_below_the_rules_and_nothing_low_uses_report() {
    let g = imports();
    for low in ["l10n", "vocab", "rules", "screening", "checkin", "meds", "intake", "profile"] {
        let r = reaches(&g, low);
        assert!(!r.contains("report"), "{low} reaches report: {r:?}");
        assert!(!r.contains("plan"), "{low} reaches plan: {r:?}");
    }
    for low in ["l10n", "vocab"] {
        let r = reaches(&g, low);
        for high in ["rules", "checkin", "screening"] {
            assert!(!r.contains(high), "{low} reaches {high}: {r:?}");
        }
    }
    let users: Vec<&String> =
        g.iter().filter(|(m, d)| d.contains("report") && *m != "report").map(|(m, _)| m).collect();
    for u in &users {
        assert!(["app", "forms", "backup"].contains(&u.as_str()), "{u} imports from report");
    }
}
