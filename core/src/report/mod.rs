//! The doctor summary: one plain data record (`Summary`) built from the
//! store, and renderers that turn it into a PDF, a FHIR R4 bundle and CSV.
//! Renderers are pure functions of the record.

use serde::{Deserialize, Serialize};

use crate::checkin::{Severity, Symptom};
use crate::intake::{KefirKind, Source};
use crate::plan::DecisionKind;
use crate::rules::{Finding, Level};
use crate::time::Timestamp;

/// Shown on every summary and export that gives advice.
pub const DISCLAIMER: &str = "Patient-reported data recorded in the Kefir Start app. \
The app gives general guidance and is not a diagnosis; it does not replace a clinician.";

/// Everything a doctor summary shows, for one date range.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Summary {
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
    pub findings: Vec<Finding>,
    pub constraints: ConstraintsSummary,
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
    /// Worst symptom severity reported that day (None = no check-in).
    pub worst_severity: Option<Severity>,
    pub bristol: Option<u8>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PlanEventRow {
    pub date: String,
    pub decision: DecisionKind,
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
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RedFlagRow {
    pub at: Timestamp,
    pub level: Level,
    pub rule_ids: Vec<String>,
    /// Symptom labels that raised it, e.g. "Hives (severe)".
    pub what: String,
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
