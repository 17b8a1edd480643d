//! The message catalogue (core/locales/<lang>/*.ftl), checked as files with
//! Fluent's own parser (`fluent-syntax`), independently of `l10n`:
//! - every file of every language parses without a single error;
//! - an id is defined once per language (across all its files);
//! - English, German and Russian define the same ids;
//! - a message uses the same set of variables (`$name`) in every language;
//! - no id is unused. An id is used when it appears as a string literal
//!   (`"id"`) in core/src or bindings/src, when `forms::generated_ids()`
//!   lists it (ids built at run time: `<family>-<code>` for every
//!   `Labelled` code, `-help` texts, `bristol-<n>`, `language-<code>`,
//!   `rule-<ID>-title`/`-advice`), or when another message or term
//!   references it (`{ other-id }`, `{ -term }`);
//! - every generated id exists.
//!
//! The test scans whatever `.ftl` files exist: areas added later are checked
//! without listing them here.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast::{CallArguments, Entry, Expression, InlineExpression, Pattern, PatternElement};
use kefir_core::l10n::{Lang, Locale};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// One language's entries: id -> (variables, referenced ids, file).
struct Catalogue {
    entries: BTreeMap<String, (BTreeSet<String>, BTreeSet<String>, String)>,
    duplicates: Vec<String>,
    errors: Vec<String>,
}

fn ftl_files(lang: &str) -> Vec<PathBuf> {
    let dir = root().join("locales").join(lang);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
        .collect();
    files.sort();
    files
}

fn walk_pattern(p: &Pattern<&str>, vars: &mut BTreeSet<String>, refs: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            walk_expr(expression, vars, refs);
        }
    }
}

fn walk_expr(e: &Expression<&str>, vars: &mut BTreeSet<String>, refs: &mut BTreeSet<String>) {
    match e {
        Expression::Select { selector, variants } => {
            walk_inline(selector, vars, refs);
            for v in variants {
                walk_pattern(&v.value, vars, refs);
            }
        }
        Expression::Inline(i) => walk_inline(i, vars, refs),
    }
}

fn walk_args(a: &CallArguments<&str>, vars: &mut BTreeSet<String>, refs: &mut BTreeSet<String>) {
    for p in &a.positional {
        walk_inline(p, vars, refs);
    }
    for n in &a.named {
        walk_inline(&n.value, vars, refs);
    }
}

fn walk_inline(i: &InlineExpression<&str>, vars: &mut BTreeSet<String>, refs: &mut BTreeSet<String>) {
    match i {
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        InlineExpression::MessageReference { id, .. } => {
            refs.insert(id.name.to_string());
        }
        InlineExpression::TermReference { id, arguments, .. } => {
            refs.insert(format!("-{}", id.name));
            if let Some(a) = arguments {
                walk_args(a, vars, refs);
            }
        }
        InlineExpression::FunctionReference { arguments, .. } => walk_args(arguments, vars, refs),
        InlineExpression::Placeable { expression } => walk_expr(expression, vars, refs),
        InlineExpression::StringLiteral { .. } | InlineExpression::NumberLiteral { .. } => {}
    }
}

fn load(lang: &str) -> Catalogue {
    let mut c = Catalogue { entries: BTreeMap::new(), duplicates: vec![], errors: vec![] };
    for f in ftl_files(lang) {
        let name = format!("{lang}/{}", f.file_name().unwrap().to_string_lossy());
        let text = std::fs::read_to_string(&f).unwrap_or_else(|e| panic!("{name}: {e}"));
        let res = match fluent_syntax::parser::parse(text.as_str()) {
            Ok(r) => r,
            Err((r, errs)) => {
                for e in errs {
                    let line = text[..e.pos.start.min(text.len())].lines().count().max(1);
                    c.errors.push(format!("{name}:{line}: {:?}", e.kind));
                }
                r
            }
        };
        for entry in &res.body {
            let (id, patterns): (String, Vec<&Pattern<&str>>) = match entry {
                Entry::Message(m) => {
                    let mut ps: Vec<&Pattern<&str>> = m.attributes.iter().map(|a| &a.value).collect();
                    ps.extend(m.value.as_ref());
                    (m.id.name.to_string(), ps)
                }
                Entry::Term(t) => {
                    let mut ps: Vec<&Pattern<&str>> = t.attributes.iter().map(|a| &a.value).collect();
                    ps.push(&t.value);
                    (format!("-{}", t.id.name), ps)
                }
                Entry::Junk { content } => {
                    c.errors.push(format!("{name}: junk {content:?}"));
                    continue;
                }
                _ => continue,
            };
            let (mut vars, mut refs) = (BTreeSet::new(), BTreeSet::new());
            for p in patterns {
                walk_pattern(p, &mut vars, &mut refs);
            }
            if let Some((_, _, first)) = c.entries.get(&id) {
                c.duplicates.push(format!("{id} in {first} and {name}"));
            }
            c.entries.insert(id, (vars, refs, name.clone()));
        }
    }
    c
}

fn all() -> Vec<(&'static str, Catalogue)> {
    Lang::ALL.iter().map(|l| (l.code(), load(l.code()))).collect()
}

#[test]
fn every_catalogue_file_parses_without_errors_and_defines_each_id_once() {
    for (lang, c) in all() {
        assert!(!c.entries.is_empty(), "{lang}: no messages");
        assert!(c.errors.is_empty(), "{lang}: Fluent syntax errors:\n{}", c.errors.join("\n"));
        assert!(c.duplicates.is_empty(), "{lang}: ids defined twice:\n{}", c.duplicates.join("\n"));
    }
}

#[test]
fn every_id_exists_in_every_language_with_the_same_variables() {
    let cats = all();
    let (_, en) = &cats[0];
    let mut problems = vec![];
    for (lang, c) in &cats[1..] {
        for (id, (vars, _, file)) in &en.entries {
            match c.entries.get(id) {
                None => problems.push(format!("{lang}: missing {id} (en: {file})")),
                Some((v, _, f)) if v != vars => {
                    problems.push(format!("{f}: {id} uses variables {v:?}, English ({file}) {vars:?}"))
                }
                Some(_) => {}
            }
        }
        for (id, (_, _, file)) in &c.entries {
            if !en.entries.contains_key(id) {
                problems.push(format!("{file}: {id} is not in the English catalogue"));
            }
        }
    }
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

fn sources(dir: &Path, out: &mut String) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push_str(&std::fs::read_to_string(&p).unwrap());
            out.push('\n');
        }
    }
}

#[test]
fn no_id_is_unused_and_every_generated_id_exists() {
    let mut code = String::new();
    sources(&root().join("src"), &mut code);
    sources(&root().join("../bindings/src"), &mut code);
    let generated: BTreeSet<String> = kefir_core::forms::generated_ids().into_iter().collect();
    let cats = all();
    let (_, en) = &cats[0];
    let referenced: BTreeSet<&String> = cats.iter().flat_map(|(_, c)| c.entries.values()).flat_map(|e| &e.1).collect();
    let unused: Vec<String> = en
        .entries
        .iter()
        .filter(|(id, _)| !generated.contains(*id) && !referenced.contains(id) && !code.contains(&format!("\"{id}\"")))
        .map(|(id, (_, _, file))| format!("{file}: {id}"))
        .collect();
    assert!(
        unused.is_empty(),
        "{} unused ids (see the convention in this file's header):\n{}",
        unused.len(),
        unused.join("\n")
    );
    // Rule texts arrive with rules.ftl (the rules' own catalogue area): until
    // a branch has one, the rule ids are not required yet; once any
    // `rule-` message exists, every rule needs its title and advice.
    let has_rules = en.entries.keys().any(|id| id.starts_with("rule-"));
    let missing: Vec<&String> = generated
        .iter()
        .filter(|id| has_rules || !id.starts_with("rule-"))
        .filter(|id| !en.entries.contains_key(*id))
        .collect();
    assert!(missing.is_empty(), "generated ids missing from the English catalogue: {missing:?}");
}

#[test]
fn every_message_renders_in_every_language() {
    // The bundles `l10n` builds render each message with its variables set,
    // without a Fluent error (debug builds assert on errors in `Locale::tr`).
    let cats = all();
    for (lang, c) in &cats {
        let loc = Locale::parse(lang).unwrap();
        for (id, (vars, _, _)) in c.entries.iter().filter(|(id, _)| !id.starts_with('-')) {
            let args: Vec<(&str, kefir_core::l10n::Arg)> =
                vars.iter().map(|v| (v.as_str(), kefir_core::l10n::Arg::Int(2))).collect();
            let text = loc.tr(id, &args);
            assert!(!text.trim().is_empty(), "{lang}: {id} renders empty");
            assert!(!text.contains("{$") && !text.contains("{ $"), "{lang}: {id}: {text}");
        }
    }
}
