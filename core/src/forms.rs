//! Screen-ready forms: every option a form offers, with its label (and help
//! text) in the caller's locale, in the order to show it, and the defaults
//! the shells would otherwise decide (preselected kind and source, quick
//! amounts, whether batch fields apply, default reminder times, paper size,
//! report languages). The shells keep no domain vocabulary: they show these
//! records as they come.
//!
//! Labels are the vocabulary's (`vocab.ftl`, `<family>-<code>`, see
//! [`Labelled`]); help texts and form texts are in `forms.ftl`.

use serde::{Deserialize, Serialize};

use crate::app::{DrinkLogged, Kefir};
use crate::error::Result;
use crate::intake::{DrinkInput, KefirKind, Source, MAX_DRINK_ML, MIN_DRINK_ML};
use crate::l10n::{Lang, Locale};
use crate::plan::{DecisionKind, PlanStatus};
use crate::profile::{AgeBand, Condition, MedClass};
use crate::reminders::ReminderSettings;
use crate::report::pdf::Paper;
use crate::time::{Timestamp, Zone};
use crate::vocab::{
    bristol_description, bristol_label, Labelled, Level, Severity, Symptom, SymptomEntry, BRISTOL_TYPES,
};

/// A condition the screening asks about: its code, label and a short plain
/// help text (`condition-<code>`, `condition-<code>-help`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ConditionOption {
    pub code: Condition,
    pub label: String,
    pub help: String,
}

/// A medicine class the screening asks about (`medicine-<code>`, `-help`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MedicineOption {
    pub code: MedClass,
    pub label: String,
    pub help: String,
}

/// An age band (`age-<code>`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AgeBandOption {
    pub code: AgeBand,
    pub label: String,
}

/// A kind of kefir (`kind-<code>`). `allowed`: the screening permits it
/// (it can still be logged; the core warns after saving).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct KindOption {
    pub code: KefirKind,
    pub label: String,
    pub allowed: bool,
}

/// A source of kefir (`source-<code>`). `batch_fields`: the drink form
/// asks for the batch (fermentation hours, room temperature, spoilage
/// signs; H1, H2) when this source is chosen: homemade only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SourceOption {
    pub code: Source,
    pub label: String,
    pub allowed: bool,
    pub batch_fields: bool,
}

/// A level of the severity ladder (`level-<code>`), lowest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LevelOption {
    pub code: Level,
    pub label: String,
}

/// The first-run screening form (profile questions), one list for both
/// platforms.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ScreeningForm {
    /// One line above the questions.
    pub intro: String,
    pub age_bands: Vec<AgeBandOption>,
    pub conditions: Vec<ConditionOption>,
    pub medicines: Vec<MedicineOption>,
    /// Preferred kinds and sources (all `allowed`: this is before screening).
    pub kinds: Vec<KindOption>,
    pub sources: Vec<SourceOption>,
    /// Labels of the screening's levels (info ... emergency).
    pub levels: Vec<LevelOption>,
}

/// A symptom (`symptom-<code>`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SymptomOption {
    pub code: Symptom,
    pub label: String,
}

/// A severity (`severity-<code>`), mildest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SeverityOption {
    pub code: Severity,
    pub label: String,
}

/// A Bristol Stool Form Scale type (1-7): "Type 4" and the scale's
/// description (Lewis & Heaton 1997).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BristolOption {
    pub bristol_type: u8,
    pub label: String,
    pub description: String,
}

/// The daily check-in and "report a reaction" forms.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CheckinForm {
    pub symptoms: Vec<SymptomOption>,
    pub severities: Vec<SeverityOption>,
    /// The severity each symptom starts at (`none`).
    pub default_severity: Severity,
    pub bristol_types: Vec<BristolOption>,
    /// Shown under a disabled "report a reaction" button: a reaction report
    /// needs at least one symptom above `none` ([`reaction_submit_allowed`]).
    pub reaction_needs_symptom: String,
}

/// The drink form, prefilled for `now`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DrinkForm {
    /// Every kind, in the core's order, marked by what the screening allows.
    pub kinds: Vec<KindOption>,
    pub sources: Vec<SourceOption>,
    /// Preselected: the last drink's kind and source, else the profile's
    /// first preference, else cow's-milk kefir, shop-bought; each replaced by
    /// the first allowed one when the screening rules it out.
    pub kind: KefirKind,
    pub source: Source,
    /// Quick-amount buttons in ml, ascending, each once: what is left of
    /// today's planned amount, the planned amount, and the common steps
    /// 50/100/150/200 ml up to the daily cap (D2 or the screening's).
    pub quick_amounts_ml: Vec<u32>,
    /// The ml field's limits per drink.
    pub min_ml: u32,
    pub max_ml: u32,
}

/// What "Log today's amount" did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum QuickLogOutcome {
    /// Stored: the remaining planned amount, with the form's preselected
    /// kind and source.
    Logged,
    /// Nothing left today (already drunk, or the plan is paused or stopped).
    NothingLeft,
    /// The form is needed: no plan, a homemade batch (described each time),
    /// or no allowed kind or source. Open the drink form with `ml`.
    NeedsForm,
}

/// The result of [`Kefir::log_planned_amount`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct QuickLog {
    pub outcome: QuickLogOutcome,
    /// The amount logged (`Logged`) or to prefill (`NeedsForm`), in ml.
    pub ml: Option<u32>,
    /// The stored drink and its warnings (`Logged` only).
    pub logged: Option<DrinkLogged>,
    /// One line to show (a notification or a toast).
    pub message: String,
}

/// A language: its BCP 47 code, its name in its own language ("Deutsch")
/// and in the caller's ("German").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LanguageOption {
    pub code: String,
    pub name: String,
    pub name_in_locale: String,
}

/// Settings screen defaults for a new install.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SettingsDefaults {
    /// Default reminders (check-in 20:00, drink 08:30, every day) in the
    /// caller's zone.
    pub reminders: ReminderSettings,
    /// Paper for the locale's region ([`paper_for`]).
    pub paper: Paper,
    /// Languages a doctor summary can be written in.
    pub report_languages: Vec<LanguageOption>,
    /// The summary's default language: the caller's.
    pub report_language: String,
}

/// The screening (profile) form in `loc`.
pub fn screening_form(loc: &Locale) -> ScreeningForm {
    ScreeningForm {
        intro: loc.t("form-screening-intro"),
        age_bands: AgeBand::ALL.iter().map(|&code| AgeBandOption { code, label: code.label(loc) }).collect(),
        conditions: Condition::ALL
            .iter()
            .map(|&code| ConditionOption { code, label: code.label(loc), help: help(loc, code) })
            .collect(),
        medicines: MedClass::ALL
            .iter()
            .map(|&code| MedicineOption { code, label: code.label(loc), help: help(loc, code) })
            .collect(),
        kinds: kind_options(loc, KefirKind::ALL),
        sources: source_options(loc, Source::ALL),
        levels: Level::ALL.iter().map(|&code| LevelOption { code, label: code.label(loc) }).collect(),
    }
}

/// The help text of a code that has one (`<family>-<code>-help`).
fn help<T: Labelled>(loc: &Locale, code: T) -> String {
    loc.t(&format!("{}-{}-help", T::FAMILY, code.code()))
}

fn kind_options(loc: &Locale, allowed: &[KefirKind]) -> Vec<KindOption> {
    KefirKind::ALL
        .iter()
        .map(|&code| KindOption { code, label: code.label(loc), allowed: allowed.contains(&code) })
        .collect()
}

fn source_options(loc: &Locale, allowed: &[Source]) -> Vec<SourceOption> {
    Source::ALL
        .iter()
        .map(|&code| SourceOption {
            code,
            label: code.label(loc),
            allowed: allowed.contains(&code),
            batch_fields: code == Source::Homemade,
        })
        .collect()
}

/// The check-in form in `loc`.
pub fn checkin_form(loc: &Locale) -> CheckinForm {
    CheckinForm {
        symptoms: Symptom::ALL.iter().map(|&code| SymptomOption { code, label: code.label(loc) }).collect(),
        severities: Severity::ALL.iter().map(|&code| SeverityOption { code, label: code.label(loc) }).collect(),
        default_severity: Severity::None,
        bristol_types: BRISTOL_TYPES
            .map(|n| BristolOption {
                bristol_type: n,
                label: bristol_label(loc, n),
                description: bristol_description(loc, n).unwrap_or_default(),
            })
            .collect(),
        reaction_needs_symptom: loc.t("form-reaction-needs-symptom"),
    }
}

/// Whether "report a reaction now" may be submitted: at least one symptom
/// above `none` (a report of nothing is not a reaction).
pub fn reaction_submit_allowed(symptoms: &[SymptomEntry]) -> bool {
    symptoms.iter().any(|e| e.severity != Severity::None)
}

/// Regions whose default paper is US Letter (CLDR supplemental data,
/// `paperSize type="US-Letter"`); A4 everywhere else.
pub const LETTER_REGIONS: &[&str] =
    &["BZ", "CA", "CL", "CO", "CR", "GT", "MX", "NI", "PA", "PH", "PR", "SV", "US", "VE"];

/// The default paper for `loc`'s region (CLDR `paperSize`); A4 when the
/// tag names no region.
pub fn paper_for(loc: &Locale) -> Paper {
    // No region given (`en`, `de`, POSIX `C`): ISO A4, the paper of most of
    // the world; guessing a region from the language would give a French or
    // Indian English user US Letter.
    match loc.region() {
        Some(region) if LETTER_REGIONS.contains(&region) => Paper::Letter,
        _ => Paper::A4,
    }
}

/// Every language with a catalogue (the app's languages and the summary's).
pub fn languages(loc: &Locale) -> Vec<LanguageOption> {
    Lang::ALL
        .iter()
        .map(|&l| {
            let id = format!("language-{}", l.code());
            let own = Locale::parse(l.code()).unwrap_or_default();
            LanguageOption { code: l.code().to_string(), name: own.t(&id), name_in_locale: loc.t(&id) }
        })
        .collect()
}

/// Settings defaults for a new install in `time_zone` (IANA; an unknown
/// zone is `InvalidInput { field: "time_zone" }`).
pub fn settings_defaults(time_zone: &str, loc: &Locale) -> Result<SettingsDefaults> {
    let zone = Zone::parse(time_zone)?;
    Ok(SettingsDefaults {
        reminders: ReminderSettings { time_zone: zone.name().to_string(), ..ReminderSettings::default() },
        paper: paper_for(loc),
        report_languages: languages(loc),
        report_language: loc.lang().code().to_string(),
    })
}

/// Common quick amounts, ml (D1: start 50-100 ml; the plan steps to 100-200 ml).
const COMMON_AMOUNTS_ML: [u32; 4] = [50, 100, 150, 200];

impl Kefir {
    /// The drink form for `now` in `tz` (today's plan, the screening, the
    /// last drink), texts in this call's locale.
    pub fn drink_form(&self, now: Timestamp, tz: &str) -> Result<DrinkForm> {
        let loc = self.locale();
        let today = self.today(now, tz)?;
        let cap = self.screening()?.constraints.max_ml_per_day;
        let profile = self.profile()?;
        let last = self.last_drink(now)?;
        let kind = pick(
            last.as_ref().map(|d| d.kind),
            profile.preferred_kinds.first().copied(),
            KefirKind::MilkCow,
            &today.allowed_kinds,
        );
        let source = pick(
            last.as_ref().map(|d| d.source),
            profile.preferred_sources.first().copied(),
            Source::Commercial,
            &today.allowed_sources,
        );
        let mut quick: Vec<u32> = [today.remaining_ml, today.target_ml].into_iter().flatten().collect();
        quick.extend(COMMON_AMOUNTS_ML.iter().copied().filter(|&m| m <= cap));
        quick.retain(|&m| (MIN_DRINK_ML..=MAX_DRINK_ML).contains(&m));
        quick.sort_unstable();
        quick.dedup();
        Ok(DrinkForm {
            kinds: kind_options(&loc, &today.allowed_kinds),
            sources: source_options(&loc, &today.allowed_sources),
            kind,
            source,
            quick_amounts_ml: quick,
            min_ml: MIN_DRINK_ML,
            max_ml: MAX_DRINK_ML,
        })
    }

    /// "Log today's amount" (the drink reminder's action): logs what is left
    /// of today's planned amount at `now`, with the drink form's preselected
    /// kind and source. Logs nothing when nothing is left, without a plan,
    /// for homemade kefir (its batch is described each time) or when the
    /// screening allows no kind or source (`NeedsForm`). A second call the
    /// same day finds nothing left.
    pub fn log_planned_amount(&self, now: Timestamp, tz: &str) -> Result<QuickLog> {
        let loc = self.locale();
        let form = self.drink_form(now, tz)?;
        let today = self.today(now, tz)?;
        let needs = |ml: Option<u32>| QuickLog {
            outcome: QuickLogOutcome::NeedsForm,
            ml,
            logged: None,
            message: loc.t("quick-log-needs-form"),
        };
        let Some(remaining) = today.remaining_ml else { return Ok(needs(None)) };
        if remaining == 0 {
            return Ok(QuickLog {
                outcome: QuickLogOutcome::NothingLeft,
                ml: None,
                logged: None,
                message: loc.t("quick-log-nothing-left"),
            });
        }
        let allowed = form.kinds.iter().any(|k| k.code == form.kind && k.allowed)
            && form.sources.iter().any(|s| s.code == form.source && s.allowed);
        if form.source == Source::Homemade || !allowed || remaining > MAX_DRINK_ML {
            return Ok(needs(Some(remaining)));
        }
        let input =
            DrinkInput { at: now, ml: remaining, kind: form.kind, source: form.source, note: None, batch: None };
        let logged = self.log_drink(&input, now, tz)?;
        Ok(QuickLog {
            outcome: QuickLogOutcome::Logged,
            ml: Some(remaining),
            message: loc.tr("quick-log-logged", &[("ml", remaining.into()), ("kind", form.kind.label(&loc).into())]),
            logged: Some(logged),
        })
    }

    /// The latest drink at or before `now`, if any.
    fn last_drink(&self, now: Timestamp) -> Result<Option<crate::intake::Drink>> {
        let from = Timestamp::from_millis(0).expect("epoch");
        if now < from {
            return Ok(None);
        }
        // `list_drinks` excludes its end: a drink logged at `now` counts.
        let drinks = self.list_drinks(from, now.plus(chrono::Duration::milliseconds(1)))?;
        Ok(drinks.into_iter().max_by_key(|d| (d.at, d.id)))
    }
}

/// The first of `last`, `preferred`, `fallback` that `allowed` holds, else
/// the first allowed value, else `fallback`.
fn pick<T: Copy + PartialEq>(last: Option<T>, preferred: Option<T>, fallback: T, allowed: &[T]) -> T {
    [last, preferred, Some(fallback)]
        .into_iter()
        .flatten()
        .find(|v| allowed.contains(v))
        .or_else(|| allowed.first().copied())
        .unwrap_or(fallback)
}

/// Message ids the core builds at run time rather than naming as a string
/// literal (the catalogue test counts them as used):
/// * `<family>-<code>` for every [`Labelled`] code (`condition-pregnant`);
/// * `condition-<code>-help`, `medicine-<code>-help`;
/// * `bristol-<n>` for types 1-7;
/// * `language-<code>` for every catalogue language;
/// * `rule-<ID>-title`, `rule-<ID>-advice` for every rule in `rules::RULES`.
pub fn generated_ids() -> Vec<String> {
    fn family<T: Labelled>(all: &[T], suffix: &str, out: &mut Vec<String>) {
        out.extend(all.iter().map(|c| format!("{}-{}{suffix}", T::FAMILY, c.code())));
    }
    let mut ids = Vec::new();
    family(Condition::ALL, "", &mut ids);
    family(Condition::ALL, "-help", &mut ids);
    family(AgeBand::ALL, "", &mut ids);
    family(MedClass::ALL, "", &mut ids);
    family(MedClass::ALL, "-help", &mut ids);
    family(Symptom::ALL, "", &mut ids);
    family(Severity::ALL, "", &mut ids);
    family(KefirKind::ALL, "", &mut ids);
    family(Source::ALL, "", &mut ids);
    family(Level::ALL, "", &mut ids);
    family(PlanStatus::ALL, "", &mut ids);
    family(DecisionKind::ALL, "", &mut ids);
    ids.extend(BRISTOL_TYPES.map(|n| format!("bristol-{n}")));
    ids.extend(Lang::ALL.iter().map(|l| format!("language-{}", l.code())));
    for r in crate::rules::RULES {
        ids.push(format!("rule-{}-title", r.id));
        ids.push(format!("rule-{}-advice", r.id));
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loc(tag: &str) -> Locale {
        Locale::parse(tag).unwrap()
    }

    #[test]
    fn paper_follows_the_region() {
        assert_eq!(paper_for(&loc("en-US")), Paper::Letter);
        assert_eq!(paper_for(&loc("es-MX")), Paper::Letter);
        assert_eq!(paper_for(&loc("en-PH")), Paper::Letter);
        assert_eq!(paper_for(&loc("fr-CA")), Paper::Letter);
        assert_eq!(paper_for(&loc("en-GB")), Paper::A4);
        assert_eq!(paper_for(&loc("de-AT")), Paper::A4);
        assert_eq!(paper_for(&loc("de")), Paper::A4);
        assert_eq!(paper_for(&loc("ru")), Paper::A4);
        assert_eq!(paper_for(&loc("en")), Paper::A4);
        assert_eq!(paper_for(&loc("fr")), Paper::A4);
        assert_eq!(paper_for(&loc("C")), Paper::A4);
    }

    #[test]
    fn reaction_needs_a_symptom_above_none() {
        assert!(!reaction_submit_allowed(&[]));
        let none = SymptomEntry { symptom: Symptom::Gas, severity: Severity::None };
        let mild = SymptomEntry { symptom: Symptom::Hives, severity: Severity::Mild };
        assert!(!reaction_submit_allowed(&[none]));
        assert!(reaction_submit_allowed(&[none, mild]));
    }

    #[test]
    fn pick_prefers_last_then_preference_then_fallback_among_allowed() {
        let all = KefirKind::ALL;
        assert_eq!(pick(Some(KefirKind::Water), Some(KefirKind::Plant), KefirKind::MilkCow, all), KefirKind::Water);
        assert_eq!(pick(None, Some(KefirKind::Plant), KefirKind::MilkCow, all), KefirKind::Plant);
        assert_eq!(pick(None, None, KefirKind::MilkCow, all), KefirKind::MilkCow);
        let no_milk = [KefirKind::Water, KefirKind::Plant];
        assert_eq!(pick(Some(KefirKind::MilkGoat), None, KefirKind::MilkCow, &no_milk), KefirKind::Water);
    }
}

/// The "save a backup" screen: encryption is offered by default; a plain
/// backup stays possible after `plain_warning` (issue 17).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BackupForm {
    /// Preselect "encrypt with a passphrase" (always true: the default).
    pub encrypt_by_default: bool,
    pub title: String,
    pub encrypt_label: String,
    pub passphrase_label: String,
    pub repeat_label: String,
    /// Shown when the two passphrase fields differ.
    pub mismatch_message: String,
    /// Why the passphrase matters: it cannot be recovered; anyone with the
    /// file and the passphrase can read the diary.
    pub passphrase_help: String,
    /// The clear warning before a plain (unencrypted) backup is written.
    pub plain_warning: String,
    /// The button that confirms a plain backup after the warning.
    pub plain_confirm_label: String,
    /// The import prompt for an encrypted backup.
    pub import_passphrase_prompt: String,
    /// Shown when the passphrase does not open the backup.
    pub wrong_passphrase_message: String,
}

/// The backup screen in `loc` (texts: `backup.ftl`). The file format
/// behind the choice is in `backup_crypt` (age, scrypt passphrase).
pub fn backup_form(loc: &Locale) -> BackupForm {
    BackupForm {
        encrypt_by_default: true,
        title: loc.t("backup-title"),
        encrypt_label: loc.t("backup-encrypt-label"),
        passphrase_label: loc.t("backup-passphrase-label"),
        repeat_label: loc.t("backup-repeat-label"),
        mismatch_message: loc.t("backup-mismatch"),
        passphrase_help: loc.t("backup-passphrase-help"),
        plain_warning: loc.t("backup-plain-warning"),
        plain_confirm_label: loc.t("backup-plain-confirm"),
        import_passphrase_prompt: loc.t("backup-import-prompt"),
        wrong_passphrase_message: loc.t("backup-wrong-passphrase"),
    }
}
