//! The person's profile: conditions, age band, medicines and preferences.
//! Every change is kept with its date (`profile_versions`).

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::error::{CoreError, Result};
use crate::intake::{KefirKind, Source};
use crate::text::{check_note, enum_str};
use crate::time::Timestamp;

/// Longest display name, in characters.
pub const MAX_NAME_CHARS: usize = 80;

enum_str! {
    /// Conditions asked about before starting (P1–P8).
    pub enum Condition {
        MilkProteinAllergy = "milk_protein_allergy",
        LactoseIntolerance = "lactose_intolerance",
        HistamineSensitivity = "histamine_sensitivity",
        Pregnant = "pregnant",
        Breastfeeding = "breastfeeding",
        Neutropenia = "neutropenia",
        Chemotherapy = "chemotherapy",
        Transplant = "transplant",
        BiologicsOrImmunosuppressants = "biologics_or_immunosuppressants",
        CentralLine = "central_line",
        /// A stay in intensive care (P5).
        IcuStay = "icu",
        /// Short bowel syndrome (P5).
        ShortBowel = "short_bowel",
        KidneyDiseaseOrPotassiumRestriction = "kidney_disease_or_potassium_restriction",
        AvoidingAlcohol = "avoiding_alcohol",
    }
}

impl Condition {
    /// SNOMED CT concept for exports, where safety-evidence.md gives one.
    pub fn snomed(self) -> Option<&'static str> {
        match self {
            Condition::MilkProteinAllergy => Some("782555009"),
            _ => None,
        }
    }

    /// Any of the immunocompromised kinds (P5, S7). An immunosuppressant
    /// medicine counts too: see `Profile::immunocompromised`.
    pub fn is_immunocompromised(self) -> bool {
        matches!(
            self,
            Condition::Neutropenia
                | Condition::Chemotherapy
                | Condition::Transplant
                | Condition::BiologicsOrImmunosuppressants
                | Condition::CentralLine
                | Condition::IcuStay
                | Condition::ShortBowel
        )
    }
}

enum_str! {
    pub enum AgeBand {
        InfantUnder12Months = "infant_under_12_months",
        Child = "child",
        Adult = "adult",
    }
}

enum_str! {
    /// Medicine classes with kefir rules (M1–M6).
    pub enum MedClass {
        Antibiotic = "antibiotic",
        FluoroquinoloneOrTetracycline = "fluoroquinolone_or_tetracycline",
        Immunosuppressant = "immunosuppressant",
        MaoInhibitor = "mao_inhibitor",
        MetronidazoleOrDisulfiram = "metronidazole_or_disulfiram",
        VitaminKAntagonist = "vitamin_k_antagonist",
        Other = "other",
    }
}

/// What the person tells the app about themselves.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Profile {
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub display_name: Option<String>,
    pub age_band: AgeBand,
    pub conditions: Vec<Condition>,
    pub medicines: Vec<MedClass>,
    /// Kinds the person wants to drink (empty = no preference).
    pub preferred_kinds: Vec<KefirKind>,
    /// Sources the person wants to use (empty = no preference).
    pub preferred_sources: Vec<Source>,
}

impl Default for Profile {
    fn default() -> Self {
        Profile {
            display_name: None,
            age_band: AgeBand::Adult,
            conditions: Vec::new(),
            medicines: Vec::new(),
            preferred_kinds: Vec::new(),
            preferred_sources: Vec::new(),
        }
    }
}

impl Profile {
    pub fn has(&self, c: Condition) -> bool {
        self.conditions.contains(&c)
    }
    pub fn takes(&self, m: MedClass) -> bool {
        self.medicines.contains(&m)
    }
    /// P5 applies (and S7 can fire): an immunocompromising condition (P5's
    /// list: neutropenia, chemotherapy, transplant, biologics or
    /// immunosuppressants, central line, ICU stay, short bowel) or an
    /// immunosuppressant medicine (M2: "see P5").
    pub fn immunocompromised(&self) -> bool {
        self.conditions.iter().any(|c| c.is_immunocompromised()) || self.takes(MedClass::Immunosuppressant)
    }

    /// Validate and normalise: trimmed name, sorted de-duplicated lists.
    pub fn normalised(&self) -> Result<Profile> {
        let name = check_note("display_name", self.display_name.as_deref())?;
        if let Some(n) = &name {
            if n.chars().count() > MAX_NAME_CHARS || n.contains('\n') {
                return Err(CoreError::invalid(
                    "display_name",
                    &format!("must be one line of at most {MAX_NAME_CHARS} characters"),
                ));
            }
        }
        let mut p = self.clone();
        p.display_name = name;
        crate::sort::sort(&mut p.conditions);
        p.conditions.dedup();
        crate::sort::sort(&mut p.medicines);
        p.medicines.dedup();
        crate::sort::sort(&mut p.preferred_kinds);
        p.preferred_kinds.dedup();
        crate::sort::sort(&mut p.preferred_sources);
        p.preferred_sources.dedup();
        Ok(p)
    }
}

/// One saved version of the profile.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ProfileVersion {
    pub saved_at: Timestamp,
    pub profile: Profile,
}

/// The stored "cleared by my clinician" acknowledgement: which consult-level
/// rules the clinician cleared, and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ClinicianAck {
    pub at: Timestamp,
    pub rule_ids: Vec<String>,
    pub note: Option<String>,
}

pub(crate) fn save(c: &Connection, p: &Profile, now: Timestamp) -> Result<()> {
    let json = serde_json::to_string(p).map_err(|e| CoreError::Internal(e.to_string()))?;
    c.execute("INSERT INTO profile_versions (saved_ms, profile_json) VALUES (?1, ?2)", params![now.millis(), json])?;
    Ok(())
}

pub(crate) fn current(c: &Connection) -> Result<Option<ProfileVersion>> {
    let row: Option<(i64, String)> = c
        .prepare_cached("SELECT saved_ms, profile_json FROM profile_versions ORDER BY id DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    row.map(version_from_row).transpose()
}

pub(crate) fn history(c: &Connection) -> Result<Vec<ProfileVersion>> {
    let mut st = c.prepare("SELECT saved_ms, profile_json FROM profile_versions ORDER BY id")?;
    let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<Vec<(i64, String)>>>()?;
    rows.into_iter().map(version_from_row).collect()
}

fn version_from_row((ms, json): (i64, String)) -> Result<ProfileVersion> {
    Ok(ProfileVersion {
        saved_at: Timestamp::from_millis(ms).ok_or_else(|| CoreError::Internal("bad profile time".into()))?,
        profile: serde_json::from_str(&json).map_err(|e| CoreError::Internal(format!("stored profile: {e}")))?,
    })
}

pub(crate) fn add_ack(c: &Connection, ack: &ClinicianAck) -> Result<()> {
    c.execute(
        "INSERT INTO clinician_acks (at_ms, rule_ids, note) VALUES (?1, ?2, ?3)",
        params![ack.at.millis(), crate::text::join_ids(&ack.rule_ids), ack.note],
    )?;
    Ok(())
}

/// Every stored acknowledgement, oldest first.
pub(crate) fn acks(c: &Connection) -> Result<Vec<ClinicianAck>> {
    let mut st = c.prepare_cached("SELECT at_ms, rule_ids, note FROM clinician_acks ORDER BY at_ms, id")?;
    let rows = st
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<String>>(2)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows
        .into_iter()
        .filter_map(|(ms, ids, note)| {
            Some(ClinicianAck { at: Timestamp::from_millis(ms)?, rule_ids: crate::text::split_ids(&ids), note })
        })
        .collect())
}

pub(crate) fn latest_ack(c: &Connection) -> Result<Option<ClinicianAck>> {
    let row: Option<(i64, String, Option<String>)> = c
        .prepare_cached("SELECT at_ms, rule_ids, note FROM clinician_acks ORDER BY id DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    Ok(row.and_then(|(ms, ids, note)| {
        Some(ClinicianAck { at: Timestamp::from_millis(ms)?, rule_ids: crate::text::split_ids(&ids), note })
    }))
}
