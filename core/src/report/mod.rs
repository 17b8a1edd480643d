//! The doctor summary: one plain data record (`Summary`) built from the
//! store, and renderers that turn it into a PDF, a FHIR R4 bundle and CSV.
//! Renderers are pure functions of the record and a `Locale`.
//!
//! Language: the record is built in the REPORT locale (chosen apart from
//! the app's, so a German-speaking user can hand an English summary to a
//! doctor abroad): labels, "what" texts, spacing rules, advice and the
//! disclaimer (message `disclaimer`) are catalogue text in that locale
//! (`core/locales/*/report.ftl`, `vocab.ftl`, `rules.ftl`). Codes stay codes:
//! rule ids, SNOMED CT, `DecisionKind`, plan status (`active`...), and the
//! `source` of red flags and notes (`check-in`, `reaction report`, `drink`...),
//! which the renderers turn into words in their own locale argument. Plan
//! reasons come from the plan's stored events as they are.

use serde::{Deserialize, Serialize};

use crate::intake::{KefirKind, Source};
use crate::plan::DecisionKind;
use crate::profile::MedClass;
use crate::rules::{Finding, Level};
use crate::time::Timestamp;
use crate::vocab::{Severity, Symptom, SymptomEntry};

/// Everything a doctor summary shows, for one date range.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Summary {
    /// Random UUID stored once per database: the FHIR Patient id.
    pub patient_id: String,
    pub app_version: String,
    pub generated_at: Timestamp,
    /// IANA zone the local dates below are in.
    pub time_zone: String,
    /// First and last local day, ISO `YYYY-MM-DD`, inclusive.
    pub from_date: String,
    pub to_date: String,
    pub display_name: Option<String>,
    /// e.g. "adult", "child", "infant under 12 months"; None if not given.
    pub age_band: Option<String>,
    /// Overall screening level and every finding, with rule ids.
    pub screening_level: Level,
    /// `screening_level` in the report's locale (catalogue `level-<code>`).
    pub screening_level_label: String,
    pub findings: Vec<Finding>,
    pub constraints: ConstraintsSummary,
    /// False when no profile had been saved by the end of the range: then
    /// findings, conditions and medicines are empty (nothing was reported).
    pub has_profile: bool,
    /// The profile versions in force during the range, oldest first: the one
    /// in force on the first day (if any) and each change inside the range.
    pub profile_changes: Vec<ProfileChange>,
    /// Where the plan stood on the last day of the range (None: no plan).
    pub plan_status: Option<PlanStatusLine>,
    /// Medicine courses from the logged doses (M1–M3 spacing counted).
    pub courses: Vec<MedCourse>,
    /// Drinks against the screening: ruled-out kinds/sources (P1, P4, P5,
    /// M4, M5), days over the cap (D3), drinks inside a spacing window (M1–M3).
    pub breaches: Vec<Breach>,
    /// Every note the user typed in the range, oldest first.
    pub notes: Vec<NoteRow>,
    /// The latest "cleared by my clinician" the user recorded by the end of
    /// the range: reported by the user, not verified.
    pub clearance: Option<ClearanceRow>,
    /// Conditions from the profile (for FHIR Condition / AllergyIntolerance).
    pub conditions: Vec<CodedItem>,
    /// Current medicines by class (for FHIR MedicationStatement).
    pub medicines: Vec<CodedItem>,
    /// One row per local day in the range, oldest first.
    pub days: Vec<DayRow>,
    /// Plan decisions other than a plain "advance"/"hold" on schedule, i.e. the
    /// events a clinician cares about (start, step-back, pause, stop, restart...).
    pub plan_events: Vec<PlanEventRow>,
    /// Per symptom reported at least once: days present and worst severity.
    pub symptoms: Vec<SymptomRow>,
    /// Every symptom reported (severity above none), for FHIR Observations.
    pub symptom_reports: Vec<SymptomReport>,
    /// Count of check-ins with Bristol type 1..=7 (index 0 = type 1).
    pub bristol_counts: Vec<u32>,
    pub red_flags: Vec<RedFlagRow>,
    /// Medicine doses logged inside the spacing window of a drink already
    /// logged (M1–M3), as stored when the dose was logged: each names the
    /// drink's time and ml and the rule. Oldest dose first.
    pub spacing_warnings: Vec<Finding>,
    pub totals: Totals,
    pub kinds: Vec<KindRow>,
    pub sources: Vec<SourceRow>,
    /// The `disclaimer` message in the report's locale.
    pub disclaimer: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ConstraintsSummary {
    pub max_ml_per_day: u32,
    pub allowed_kinds: Vec<KefirKind>,
    pub allowed_sources: Vec<Source>,
    /// Human-readable spacing rules, e.g. "Antibiotic: kefir 3 h after a dose, 3 h before the next (M1)".
    pub spacing: Vec<String>,
    pub clinician_clearance_needed: bool,
    /// ISO date of the stored "cleared by my clinician" acknowledgement.
    pub clinician_cleared_on: Option<String>,
}

/// A profile item with its codes for FHIR.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CodedItem {
    /// Our stable code, e.g. "milk_protein_allergy", "antibiotic".
    pub code: String,
    pub label: String,
    /// SNOMED CT concept when one is known (e.g. 782555009 cow's milk protein allergy).
    pub snomed: Option<String>,
    /// True for allergies (FHIR AllergyIntolerance rather than Condition).
    pub is_allergy: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DayRow {
    pub date: String,
    pub intake_ml: u32,
    /// The plan's target for the day, if a plan was running.
    pub target_ml: Option<u32>,
    /// The plan's decision that day.
    pub decision: Option<DecisionKind>,
    pub checked_in: bool,
    /// Worst symptom severity reported that day in the check-in or any
    /// reaction report (None = neither).
    pub worst_severity: Option<Severity>,
    /// The symptom(s) at that worst severity, e.g. "Lip, face or tongue swelling".
    pub worst_symptom: Option<String>,
    /// Rule ids of the day's most severe plan event.
    pub rule_ids: Vec<String>,
    pub bristol: Option<u8>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PlanEventRow {
    pub date: String,
    pub decision: DecisionKind,
    /// `decision` in the report's locale (catalogue `decision-<code>`), e.g. "Step back".
    pub decision_label: String,
    pub target_ml: u32,
    pub reason: String,
    pub rule_ids: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SymptomRow {
    pub symptom: Symptom,
    pub label: String,
    pub snomed: Option<String>,
    pub days_present: u32,
    pub worst: Severity,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SymptomReport {
    /// When it was recorded (check-in or reaction report time).
    pub at: Timestamp,
    pub date: String,
    pub symptom: Symptom,
    pub label: String,
    pub snomed: Option<String>,
    pub severity: Severity,
    /// True for a daily check-in: it describes the whole local day `date`
    /// (possibly typed the day after); false for a reaction report at `at`.
    pub whole_day: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RedFlagRow {
    pub at: Timestamp,
    pub level: Level,
    pub rule_ids: Vec<String>,
    /// Symptom labels that raised it, e.g. "Hives (severe)".
    pub what: String,
    /// Local date and time, e.g. "2026-11-17 12:40".
    pub local_time: String,
    /// "reaction report" or "check-in".
    pub source: String,
    pub symptoms: Vec<SymptomEntry>,
    pub note: Option<String>,
    /// The last drink before it (within 48 h).
    pub last_drink: Option<DrinkRef>,
    /// What the app told the person: each rule's title and advice.
    pub advice: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DrinkRef {
    pub at: Timestamp,
    pub local_time: String,
    pub ml: u32,
    pub kind: KefirKind,
    pub source: Source,
}

/// One profile version in force during the range.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ProfileChange {
    pub saved_at: Timestamp,
    /// Local date it was saved, ISO.
    pub date: String,
    /// True for the version already in force on the first day.
    pub before_range: bool,
    /// What changed from the version before, e.g. "added MAO inhibitor".
    pub what: String,
}

/// The plan's state on the last day of the range.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PlanStatusLine {
    /// "active", "paused" or "stopped".
    pub status: String,
    /// ISO date the state began (the stop, pause, start, restart or resume).
    pub since: String,
    pub reason: String,
    pub rule_ids: Vec<String>,
    /// The target that day, ml (0 while paused or stopped).
    pub target_ml: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MedCourse {
    pub medicine: MedClass,
    pub label: String,
    /// The name the user typed, e.g. "Amoxicillin".
    pub name: Option<String>,
    pub first_dose: Timestamp,
    pub last_dose: Timestamp,
    pub first_local: String,
    pub last_local: String,
    /// Most common interval between doses, hours.
    pub interval_hours: Option<u32>,
    /// Doses inside the period; `first_dose`/`last_dose` are the first and
    /// last of those.
    pub doses: u32,
    /// Doses of the same course before the period starts / after it ends.
    pub doses_before: u32,
    pub doses_after: u32,
    /// True while doses are still expected at `generated_at`.
    pub active: bool,
    /// Spacing rule (M1–M3) for this class, if any.
    pub rule_id: Option<String>,
    /// Drinks logged inside this course's spacing windows.
    pub drinks_in_window: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Breach {
    pub at: Timestamp,
    pub date: String,
    pub rule_id: String,
    /// e.g. "150 ml milk kefir (commercial) at 08:30: ruled out by screening".
    pub what: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NoteRow {
    pub at: Timestamp,
    pub date: String,
    /// "drink", "check-in", "reaction", "dose" or "clearance".
    pub source: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ClearanceRow {
    pub at: Timestamp,
    pub date: String,
    pub rule_ids: Vec<String>,
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Totals {
    pub days: u32,
    pub total_ml: u32,
    pub drinks: u32,
    pub days_with_intake: u32,
    /// Mean ml over days with intake (rounded).
    pub mean_ml_on_intake_days: u32,
    pub max_day_ml: u32,
    pub checkin_days: u32,
    /// Whole percent of days in the range with a check-in.
    pub checkin_adherence_pct: u32,
    /// Days with a plan target where intake was within 10 % of it.
    pub days_on_target: u32,
    pub days_with_target: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct KindRow {
    pub kind: KefirKind,
    pub ml: u32,
    pub drinks: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SourceRow {
    pub source: Source,
    pub ml: u32,
    pub drinks: u32,
}

pub mod build;
pub mod csv;
pub mod fhir;
pub mod pdf;
pub mod sample;
mod shaping;
