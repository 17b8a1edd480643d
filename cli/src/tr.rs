//! The CLI's own chrome (headings, labels, table headers, units, success
//! messages, hints) in the language of `--lang`: Project Fluent files in
//! `cli/locales/<lang>/cli.ftl`, compiled into the binary. They are the
//! CLI's only (the phones never ship them); the domain words come from the
//! core's catalogue. The tag → language decision is the core's
//! (`kefir_core::l10n::Locale::parse`, English fallback), and a message a
//! language lacks falls back to English.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use kefir_core::l10n::{Lang, Locale};

use crate::cmd::Ctx;

type Bundle = FluentBundle<FluentResource>;

/// The catalogue source of one language.
fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::En => include_str!("../locales/en/cli.ftl"),
        Lang::De => include_str!("../locales/de/cli.ftl"),
        Lang::Ru => include_str!("../locales/ru/cli.ftl"),
    }
}

fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: [OnceLock<Bundle>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let i = Lang::ALL.iter().position(|l| *l == lang).expect("every Lang is in ALL");
    BUNDLES[i].get_or_init(|| {
        let id: unic_langid::LanguageIdentifier = lang.code().parse().expect("static tag");
        let mut b = FluentBundle::new_concurrent(vec![id]);
        // Plain terminal text: no Unicode isolation marks around arguments.
        b.set_use_isolating(false);
        let res = FluentResource::try_new(source(lang).to_string())
            .unwrap_or_else(|(_, e)| panic!("cli catalogue {}: {e:?}", lang.code()));
        b.add_resource(res).unwrap_or_else(|e| panic!("cli catalogue {}: {e:?}", lang.code()));
        b
    })
}

/// The message `id` in `loc`, with `args` (English when the language lacks it).
pub fn format(loc: &Locale, id: &str, args: &[(&str, FluentValue)]) -> String {
    let mut fa = FluentArgs::with_capacity(args.len());
    for (k, v) in args {
        fa.set(*k, v.clone());
    }
    for lang in [loc.lang(), Lang::En] {
        let b = bundle(lang);
        if let Some(p) = b.get_message(id).and_then(|m| m.value()) {
            let mut errors = vec![];
            let s = b.format_pattern(p, Some(&fa), &mut errors);
            debug_assert!(errors.is_empty(), "cli message {id} ({}): {errors:?}", lang.code());
            return s.into_owned();
        }
    }
    debug_assert!(false, "cli message {id} is not in the English catalogue");
    id.to_string()
}

/// The message `id` in the command's language.
pub fn tr(ctx: &Ctx, id: &str) -> String {
    format(&ctx.loc, id, &[])
}

/// The message `id` with named arguments in the command's language.
pub fn trf(ctx: &Ctx, id: &str, args: &[(&str, FluentValue)]) -> String {
    format(&ctx.loc, id, args)
}

/// A number argument (selects plural forms: Russian one/few/many/other).
pub fn n(v: impl Into<f64>) -> FluentValue<'static> {
    FluentValue::from(v.into())
}

/// A text argument.
pub fn s(v: impl ToString) -> FluentValue<'static> {
    FluentValue::from(v.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    /// Message id → the variables its text uses, read from the source.
    fn messages(src: &str) -> BTreeMap<String, BTreeSet<String>> {
        let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut current = None;
        for line in src.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let body = match line.split_once(" = ") {
                Some((id, rest)) if !line.starts_with(' ') && !id.contains(' ') => {
                    assert!(out.insert(id.to_string(), BTreeSet::new()).is_none(), "{id} twice");
                    current = Some(id.to_string());
                    rest
                }
                _ => line,
            };
            let vars = out.get_mut(current.as_ref().expect("a message first")).unwrap();
            for part in body.split('$').skip(1) {
                vars.insert(part.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect());
            }
        }
        out
    }

    #[test]
    fn every_language_has_the_same_ids_and_variables() {
        let en = messages(source(Lang::En));
        for lang in [Lang::De, Lang::Ru] {
            assert_eq!(messages(source(lang)), en, "{}", lang.code());
            // And it parses (Fluent's own parser, through the bundle).
            let _ = bundle(lang);
        }
    }

    #[test]
    fn every_id_is_used_by_the_cli() {
        let code = [include_str!("main.rs"), include_str!("cmd.rs"), include_str!("print.rs"), include_str!("demo.rs")]
            .concat();
        for id in messages(source(Lang::En)).keys() {
            assert!(code.contains(&format!("\"{id}\"")), "{id} is not used");
        }
    }

    #[test]
    fn russian_counts_use_one_few_many() {
        let ru = Locale::parse("ru").unwrap();
        let f = |k: f64| format(&ru, "drinks-count", &[("n", n(k))]);
        assert_eq!(f(1.0), "(1 напиток)");
        assert_eq!(f(3.0), "(3 напитка)");
        assert_eq!(f(5.0), "(5 напитков)");
        assert_eq!(f(21.0), "(21 напиток)");
        let en = Locale::english();
        assert_eq!(format(&en, "drinks-count", &[("n", n(2))]), "(2 drinks)");
        // A language without a catalogue speaks English.
        assert_eq!(format(&Locale::parse("fr").unwrap(), "yes", &[]), "yes");
    }
}
