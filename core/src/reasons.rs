//! Stored explanations (plan decision and event reasons, dose warnings) as
//! language-neutral message references, rendered at read time.
//!
//! A reason is a list of [`Msg`]s stored as JSON (`[{"id":"plan-day-one",
//! "args":[["ml",50]]}]`). Arguments are numbers and codes only; two
//! argument names are expanded when rendering, in the caller's language:
//! - `why`: comma-joined rule ids, written as the rules' titles with their
//!   ids (`lactose intolerance (P2); hives (S6).`, titles from the
//!   catalogue's `rule-<ID>-title`);
//! - `rules`: comma-joined rule ids, written as `S5, S6`;
//! - `medicine`: a medicine class code, written as its label in lower case
//!   (English and Russian; German keeps the capital of its nouns).
//!
//! Text stored before schema version 5 (English sentences) is kept as the
//! message `legacy-text` with the original text as its `text` argument: it
//! reads the same in every language.

use crate::l10n::{Arg, Lang, Locale, Msg};
use crate::vocab::Labelled;

/// The message id of text stored before message references (schema v4 and
/// backup format v2): rendered as-is in every language.
pub const LEGACY_TEXT: &str = "legacy-text";

/// `text` kept as it was written (older databases and backups).
pub fn legacy(text: &str) -> Msg {
    Msg::new(LEGACY_TEXT).arg("text", text)
}

/// Comma-joined rule ids, as stored in a message argument.
pub fn ids_arg(ids: &[String]) -> String {
    ids.join(",")
}

/// The stored form of a reason (JSON).
pub fn to_json(msgs: &[Msg]) -> String {
    serde_json::to_string(msgs).expect("a message list serialises")
}

/// A stored reason: the JSON list of message references, or (text that is
/// not such a list, as left by older versions) the text as legacy text.
pub fn from_json(stored: &str) -> Vec<Msg> {
    match serde_json::from_str::<Vec<Msg>>(stored) {
        Ok(v) => v,
        Err(_) if stored.is_empty() => Vec::new(),
        Err(_) => vec![legacy(stored)],
    }
}

/// Whether a reason from outside (a backup) can be stored: every message
/// exists in every language's catalogue and formats without errors once its
/// rule-id and code arguments are expanded.
pub fn is_valid(msgs: &[Msg]) -> bool {
    let langs: Vec<Locale> = Lang::ALL.iter().filter_map(|l| Locale::parse(l.code()).ok()).collect();
    let known = |s: &str| split(s).iter().all(|id| crate::rules::RULES.iter().any(|r| r.id == id));
    msgs.iter().all(|m| {
        m.args.iter().all(|(k, v)| match (k.as_str(), v) {
            ("why" | "rules", Arg::Str(s)) => known(s),
            ("why" | "rules", _) => false,
            _ => true,
        }) && langs.iter().all(|loc| loc.well_formed(&expand(loc, m)))
    })
}

/// Render a stored reason in `loc` (the messages joined by spaces).
pub fn render(loc: &Locale, msgs: &[Msg]) -> String {
    let expanded: Vec<Msg> = msgs.iter().map(|m| expand(loc, m)).collect();
    loc.msgs(&expanded)
}

fn expand(loc: &Locale, m: &Msg) -> Msg {
    Msg {
        id: m.id.clone(),
        args: m
            .args
            .iter()
            .map(|(k, v)| {
                let v = match (k.as_str(), v) {
                    ("why", Arg::Str(s)) => Arg::Str(describe(loc, &split(s))),
                    ("rules", Arg::Str(s)) => Arg::Str(split(s).join(", ")),
                    ("medicine", Arg::Str(s)) => Arg::Str(medicine(loc, s)),
                    _ => v.clone(),
                };
                (k.clone(), v)
            })
            .collect(),
    }
}

fn split(s: &str) -> Vec<String> {
    s.split(',').map(str::trim).filter(|x| !x.is_empty()).map(String::from).collect()
}

/// A rule's title in running text (catalogue id `rule-<ID>-title`).
pub fn rule_title(loc: &Locale, id: &str) -> String {
    mid_sentence(loc, loc.t(&format!("rule-{id}-title")))
}

/// A label inside a reason's sentence: English in lower case, Russian with
/// its first letter lowered (`rules::in_sentence`: abbreviations such as
/// МАО stay), German as it is (nouns keep their capital).
fn mid_sentence(loc: &Locale, label: String) -> String {
    match loc.lang() {
        Lang::En => label.to_lowercase(),
        Lang::De | Lang::Ru => crate::rules::in_sentence(loc, &label),
    }
}

/// Rule titles with their ids: `title (ID); title (ID).`
pub fn describe(loc: &Locale, rule_ids: &[String]) -> String {
    let parts: Vec<String> = rule_ids.iter().map(|id| format!("{} ({id})", rule_title(loc, id))).collect();
    format!("{}.", parts.join("; "))
}

fn medicine(loc: &Locale, code: &str) -> String {
    match crate::profile::MedClass::parse(code) {
        Some(m) => mid_sentence(loc, m.label(loc)),
        None => code.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_is_not_a_message_list_reads_as_legacy_text() {
        assert_eq!(from_json("Day one: start with 50 ml."), vec![legacy("Day one: start with 50 ml.")]);
        let de = Locale::parse("de").unwrap();
        assert_eq!(render(&de, &from_json("Day one: start with 50 ml.")), "Day one: start with 50 ml.");
        let m = vec![Msg::new("plan-day-one").arg("ml", 50i64)];
        assert_eq!(from_json(&to_json(&m)), m);
        assert!(from_json("").is_empty());
    }

    #[test]
    fn rule_lists_render_with_titles_in_each_language() {
        let m = vec![Msg::new("plan-stopped-why").arg("why", "S5,S6")];
        let en = render(&Locale::parse("en").unwrap(), &m);
        assert!(en.contains("(S5)") && en.contains("hives (S6)."), "{en}");
        let de = render(&Locale::parse("de").unwrap(), &m);
        assert!(de.starts_with("Beendet") && de.contains("Nesselsucht (S6)."), "{de}");
        let ru = render(&Locale::parse("ru").unwrap(), &m);
        assert!(ru.starts_with("Остановлен") && ru.contains("(S6)."), "{ru}");
    }
}
