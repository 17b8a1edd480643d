//! The message catalogue: every user-facing string the core produces comes
//! from here, in the locale the caller passes (a BCP 47 tag such as `de-AT`
//! or `ru`), falling back to English.
//!
//! Messages are Project Fluent (`.ftl`) files under `core/locales/<lang>/`,
//! one file per area of the app; `build.rs` concatenates each language's
//! files and deflates them into the library, and each language's bundle is
//! parsed once per process (`fluent-bundle`'s thread-safe bundle: plural
//! rules from CLDR via `intl_pluralrules`, selectors, terms). Numbers are
//! formatted with each language's CLDR decimal and grouping separators
//! (`format_number`); dates through the catalogue's own `date-*` messages
//! (month names and the order of day, month and year are per language).
//!
//! Stored data never holds catalogue text: it keeps codes and [`Msg`]
//! references (a message id and its arguments), rendered at read time in the
//! locale of that call. English is the reference catalogue; German and
//! Russian need review by a native-speaking clinician before release
//! (`docs/localisation.md`).

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::types::FluentNumber;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};
use unic_langid::LanguageIdentifier;

use crate::error::{CoreError, Result};

/// The languages with a full catalogue. English is the fallback.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    En,
    De,
    Ru,
}

impl Lang {
    pub const ALL: &'static [Lang] = &[Lang::En, Lang::De, Lang::Ru];

    /// The BCP 47 language subtag (`en`, `de`, `ru`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Ru => "ru",
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    /// The catalogue source of this language (all its `.ftl` files joined).
    pub fn source(self) -> String {
        let z: &[u8] = match self {
            Lang::En => include_bytes!(concat!(env!("OUT_DIR"), "/en.ftl.z")),
            Lang::De => include_bytes!(concat!(env!("OUT_DIR"), "/de.ftl.z")),
            Lang::Ru => include_bytes!(concat!(env!("OUT_DIR"), "/ru.ftl.z")),
        };
        let bytes = miniz_oxide::inflate::decompress_to_vec_zlib(z).expect("catalogue compressed at build time");
        String::from_utf8(bytes).expect("catalogue is UTF-8")
    }
}

/// A caller's locale: the language whose catalogue is used (English when the
/// requested one has none) and the requested region, if any (e.g. `US` in
/// `en-US`, used for defaults such as the paper size).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Locale {
    lang: Lang,
    region: Option<String>,
    tag: String,
}

impl Default for Locale {
    fn default() -> Self {
        Locale::english()
    }
}

impl Locale {
    /// English, no region: the fallback, and the locale of tests and tools.
    pub fn english() -> Locale {
        Locale { lang: Lang::En, region: None, tag: "en".into() }
    }

    /// Parse a BCP 47 tag (`de`, `de-AT`, `ru-RU`, `en-US`; `_` is accepted
    /// for `-`, a POSIX suffix such as `.UTF-8` or `@euro` and BCP 47
    /// extensions or private use from the first singleton on, e.g.
    /// `-u-fw-mon`, are ignored; `x-...` and `i-...` alone are English).
    /// An empty tag is English. A well-formed tag in a language without a
    /// catalogue falls back to English and keeps its region. Error: a tag
    /// that is not BCP 47 is `InvalidInput { field: "locale" }`.
    pub fn parse(tag: &str) -> Result<Locale> {
        let t = tag.trim();
        let t = t.split(['.', '@']).next().unwrap_or("");
        if t.is_empty() || t.eq_ignore_ascii_case("c") || t.eq_ignore_ascii_case("posix") {
            return Ok(Locale::english());
        }
        // Extensions and private use (`de-DE-u-fw-mon` from Android's
        // regional preferences, `-x-...`, grandfathered `i-...`) do not
        // choose the catalogue: keep the subtags before the first singleton.
        let t = t.replace('_', "-");
        let malformed = || CoreError::invalid("locale", &format!("'{}' is not a BCP 47 language tag", tag.trim()));
        if !t.split('-').all(|s| (1..=8).contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphanumeric())) {
            return Err(malformed());
        }
        let base: Vec<&str> = t.split('-').take_while(|s| s.len() != 1).collect();
        if base.is_empty() {
            return Ok(Locale::english());
        }
        let id: LanguageIdentifier = base.join("-").parse().map_err(|_| malformed())?;
        let lang = match id.language.as_str() {
            "de" => Lang::De,
            "ru" => Lang::Ru,
            _ => Lang::En,
        };
        let region = id.region.map(|r| r.as_str().to_string());
        Ok(Locale { lang, region, tag: id.to_string() })
    }

    /// The catalogue language in use.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The region subtag the caller gave (upper case), if any.
    pub fn region(&self) -> Option<&str> {
        self.region.as_deref()
    }

    /// The normalised tag the caller asked for (e.g. `de-AT`).
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// The message `id` without arguments.
    pub fn t(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// The message `id` with named arguments.
    pub fn tr(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.format(id, Some(&fluent_args(args.iter().map(|(k, v)| (*k, v)))))
    }

    /// Render a stored message reference.
    pub fn msg(&self, m: &Msg) -> String {
        self.format(&m.id, Some(&fluent_args(m.args.iter().map(|(k, v)| (k.as_str(), v)))))
    }

    /// Render several message references as one text, separated by spaces.
    pub fn msgs(&self, ms: &[Msg]) -> String {
        ms.iter().map(|m| self.msg(m)).collect::<Vec<_>>().join(" ")
    }

    /// An ISO date (`2026-03-01`) as this language writes it in prose
    /// (`1 March 2026`, `1. März 2026`, `1 марта 2026 г.`); other text is
    /// returned unchanged.
    pub fn date(&self, iso: &str) -> String {
        let mut it = iso.splitn(3, '-');
        let (Some(y), Some(m), Some(d)) = (it.next(), it.next(), it.next()) else { return iso.to_string() };
        let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i64>(), m.parse::<i64>(), d.parse::<i64>()) else {
            return iso.to_string();
        };
        if !(1..=12).contains(&m) {
            return iso.to_string();
        }
        self.tr(
            "date-long",
            &[("year", Arg::Str(y.to_string())), ("month", Arg::Int(m)), ("day", Arg::Str(d.to_string()))],
        )
    }

    /// A number with this language's decimal separator, grouping and
    /// `decimals` fraction digits (CLDR: `1,234.5` en, `1.234,5` de,
    /// `1 234,5` ru).
    pub fn number(&self, n: f64, decimals: usize) -> String {
        format_number(self.lang, n, Some(decimals))
    }

    /// Whether the stored reference `m` names a message of this language's
    /// catalogue and formats without errors (every variable given): checked
    /// before a reference from outside (a backup) is stored.
    pub fn well_formed(&self, m: &Msg) -> bool {
        let b = &bundles()[self.lang.index()];
        let Some(pattern) = b.get_message(&m.id).and_then(|x| x.value()) else { return false };
        let fa = fluent_args(m.args.iter().map(|(k, v)| (k.as_str(), v)));
        let mut errors = vec![];
        b.format_pattern(pattern, Some(&fa), &mut errors);
        errors.is_empty()
    }

    fn format(&self, id: &str, args: Option<&FluentArgs>) -> String {
        let bundles = bundles();
        for lang in [self.lang, Lang::En] {
            let b = &bundles[lang.index()];
            if let Some(pattern) = b.get_message(id).and_then(|m| m.value()) {
                let mut errors = vec![];
                let s = b.format_pattern(pattern, args, &mut errors);
                debug_assert!(errors.is_empty(), "message {id} ({}): {errors:?}", lang.code());
                return s.into_owned();
            }
        }
        debug_assert!(false, "message {id} is not in the English catalogue");
        id.to_string()
    }
}

/// Named arguments as Fluent takes them.
fn fluent_args<'a>(args: impl ExactSizeIterator<Item = (&'a str, &'a Arg)>) -> FluentArgs<'a> {
    let mut fa = FluentArgs::with_capacity(args.len());
    for (k, v) in args {
        fa.set(k, v.to_fluent());
    }
    fa
}

/// One argument of a message.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Arg {
    Int(i64),
    Num(f64),
    Str(String),
}

impl Arg {
    fn to_fluent(&self) -> FluentValue<'static> {
        match self {
            Arg::Int(i) => FluentValue::from(*i),
            Arg::Num(n) => FluentValue::from(*n),
            Arg::Str(s) => FluentValue::from(s.clone()),
        }
    }
}

impl From<i64> for Arg {
    fn from(v: i64) -> Arg {
        Arg::Int(v)
    }
}
impl From<u32> for Arg {
    fn from(v: u32) -> Arg {
        Arg::Int(v.into())
    }
}
impl From<&str> for Arg {
    fn from(v: &str) -> Arg {
        Arg::Str(v.to_string())
    }
}
impl From<String> for Arg {
    fn from(v: String) -> Arg {
        Arg::Str(v)
    }
}

/// A language-neutral reference to a catalogue message, as stored in the
/// database and backups: the message id and its arguments (numbers, codes,
/// rule-id lists; never text in some language).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Msg {
    pub id: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<(String, Arg)>,
}

impl Msg {
    pub fn new(id: &str) -> Msg {
        Msg { id: id.to_string(), args: vec![] }
    }

    /// Add an argument (builder style).
    pub fn arg(mut self, name: &str, value: impl Into<Arg>) -> Msg {
        self.args.push((name.to_string(), value.into()));
        self
    }
}

type Bundle = FluentBundle<FluentResource>;

fn bundles() -> &'static [Bundle; 3] {
    static BUNDLES: OnceLock<[Bundle; 3]> = OnceLock::new();
    BUNDLES.get_or_init(|| Lang::ALL.iter().map(|&l| bundle(l)).collect::<Vec<_>>().try_into().ok().expect("3"))
}

fn bundle(lang: Lang) -> Bundle {
    let id: LanguageIdentifier = lang.code().parse().expect("static tag");
    let mut b = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around arguments: the PDF isolates user
    // text itself (unicode-bidi) and the CLI prints plain text.
    b.set_use_isolating(false);
    b.set_formatter(Some(match lang {
        Lang::En => |v, _| fluent_number(Lang::En, v),
        Lang::De => |v, _| fluent_number(Lang::De, v),
        Lang::Ru => |v, _| fluent_number(Lang::Ru, v),
    }));
    let res =
        FluentResource::try_new(lang.source()).unwrap_or_else(|(_, e)| panic!("catalogue {}: {e:?}", lang.code()));
    b.add_resource(res).unwrap_or_else(|e| panic!("catalogue {}: {e:?}", lang.code()));
    b
}

fn fluent_number(lang: Lang, v: &FluentValue) -> Option<String> {
    match v {
        FluentValue::Number(FluentNumber { value, options }) => {
            Some(format_number(lang, *value, options.minimum_fraction_digits.or(options.maximum_fraction_digits)))
        }
        _ => None,
    }
}

/// CLDR separators: decimal, group, and the smallest number that is grouped
/// (minimumGroupingDigits 1 in all three: `2,800`, `2.800`, `2 800`).
fn separators(lang: Lang) -> (char, &'static str, f64) {
    match lang {
        Lang::En => ('.', ",", 1000.0),
        Lang::De => (',', ".", 1000.0),
        Lang::Ru => (',', "\u{a0}", 1000.0),
    }
}

fn format_number(lang: Lang, n: f64, decimals: Option<usize>) -> String {
    let (dec, group, min_grouped) = separators(lang);
    let text: Cow<str> = match decimals {
        Some(d) => format!("{:.*}", d, n.abs()).into(),
        None => format!("{}", n.abs()).into(),
    };
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_ref(), None),
    };
    let mut out = String::new();
    if n < 0.0 && n != 0.0 {
        out.push('-');
    }
    if n.abs() >= min_grouped {
        let digits: Vec<char> = int.chars().collect();
        for (i, c) in digits.iter().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push_str(group);
            }
            out.push(*c);
        }
    } else {
        out.push_str(int);
    }
    if let Some(f) = frac {
        out.push(dec);
        out.push_str(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_fall_back_to_english_and_keep_the_region() {
        assert_eq!(Locale::parse("de-AT").unwrap().lang(), Lang::De);
        assert_eq!(Locale::parse("de_DE.UTF-8").unwrap().region(), Some("DE"));
        assert_eq!(Locale::parse("ru").unwrap().lang(), Lang::Ru);
        let fr = Locale::parse("fr-CA").unwrap();
        assert_eq!((fr.lang(), fr.region()), (Lang::En, Some("CA")));
        assert_eq!(Locale::parse("").unwrap(), Locale::english());
        assert_eq!(Locale::parse("C.UTF-8").unwrap(), Locale::english());
        // Extensions and private use never fail a call (Android 14 adds
        // `-u-` extensions for regional preferences).
        let ext = Locale::parse("de-DE-u-fw-mon").unwrap();
        assert_eq!((ext.lang(), ext.region(), ext.tag()), (Lang::De, Some("DE"), "de-DE"));
        assert_eq!(Locale::parse("de-u-nu-arab").unwrap().lang(), Lang::De);
        assert_eq!(Locale::parse("ru-RU-x-private").unwrap().lang(), Lang::Ru);
        assert_eq!(Locale::parse("x-private").unwrap(), Locale::english());
        assert_eq!(Locale::parse("i-klingon").unwrap(), Locale::english());
        assert!(Locale::parse("x_y_z!").is_err());
        assert!(Locale::parse("de--DE").is_err());
        let e = Locale::parse("not a tag!").unwrap_err();
        assert!(e.to_string().contains("locale"), "{e}");
    }

    #[test]
    fn numbers_use_each_languages_separators() {
        assert_eq!(format_number(Lang::En, 1234.5, Some(1)), "1,234.5");
        assert_eq!(format_number(Lang::De, 1234.5, Some(1)), "1.234,5");
        assert_eq!(format_number(Lang::Ru, 2800.0, Some(0)), "2\u{a0}800");
        assert_eq!(format_number(Lang::De, 12345.0, Some(0)), "12.345");
        assert_eq!(format_number(Lang::Ru, 12345.25, Some(2)), "12\u{a0}345,25");
        assert_eq!(format_number(Lang::En, -3.0, None), "-3");
        assert_eq!(format_number(Lang::En, 150.0, None), "150");
    }

    #[test]
    fn dates_are_written_in_each_language() {
        assert_eq!(Locale::english().date("2026-03-01"), "1 March 2026");
        assert_eq!(Locale::parse("de").unwrap().date("2026-03-01"), "1. März 2026");
        assert_eq!(Locale::parse("ru").unwrap().date("2026-03-01"), "1 марта 2026 г.");
        assert_eq!(Locale::english().date("not a date"), "not a date");
    }

    #[test]
    fn stored_message_references_render_in_any_language() {
        let m = Msg::new("date-long").arg("year", "2026").arg("month", 12i64).arg("day", "24");
        let json = serde_json::to_string(&m).unwrap();
        let back: Msg = serde_json::from_str(&json).unwrap();
        assert_eq!(Locale::parse("de").unwrap().msg(&back), "24. Dezember 2026");
    }
}
