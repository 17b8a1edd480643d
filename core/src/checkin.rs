//! Daily check-ins: a 4-level severity per symptom and the Bristol stool
//! type (S1–S8 are evaluated from them in `rules`).

use serde::{Deserialize, Serialize};

use crate::text::enum_str;

enum_str! {
    /// Validated 4-level severity scale (none, mild, moderate, severe).
    pub enum Severity {
        None = "none",
        Mild = "mild",
        Moderate = "moderate",
        Severe = "severe",
    }
}

enum_str! {
    /// Symptoms asked about during the introduction.
    pub enum Symptom {
        Bloating = "bloating",
        Gas = "gas",
        AbdominalPain = "abdominal_pain",
        Cramps = "cramps",
        Diarrhoea = "diarrhoea",
        Constipation = "constipation",
        Nausea = "nausea",
        SkinRedness = "skin_redness",
        Itching = "itching",
        Hives = "hives",
        LipFaceTongueSwelling = "lip_face_tongue_swelling",
        ItchyThroat = "itchy_throat",
        BreathingDifficulty = "breathing_difficulty",
        Faintness = "faintness",
        FeverChills = "fever_chills",
        BloodInStool = "blood_in_stool",
    }
}

impl Symptom {
    /// Plain-language label for screens and reports.
    pub fn label(self) -> &'static str {
        match self {
            Symptom::Bloating => "Bloating",
            Symptom::Gas => "Gas",
            Symptom::AbdominalPain => "Abdominal pain",
            Symptom::Cramps => "Cramps",
            Symptom::Diarrhoea => "Diarrhoea",
            Symptom::Constipation => "Constipation",
            Symptom::Nausea => "Nausea",
            Symptom::SkinRedness => "Skin redness or rash",
            Symptom::Itching => "Itching",
            Symptom::Hives => "Hives",
            Symptom::LipFaceTongueSwelling => "Swelling of lips, face or tongue",
            Symptom::ItchyThroat => "Itchy throat",
            Symptom::BreathingDifficulty => "Wheeze or difficulty breathing",
            Symptom::Faintness => "Faintness",
            Symptom::FeverChills => "Fever or chills",
            Symptom::BloodInStool => "Blood in stool",
        }
    }

    /// SNOMED CT finding for doctor exports, where safety-evidence.md gives one.
    pub fn snomed(self) -> Option<&'static str> {
        match self {
            Symptom::Nausea => Some("422587007"),
            Symptom::Bloating => Some("116289008"),
            Symptom::Diarrhoea => Some("62315008"),
            Symptom::AbdominalPain => Some("21522001"),
            Symptom::Hives => Some("126485001"),
            Symptom::BreathingDifficulty => Some("267036007"),
            _ => None,
        }
    }

    /// Digestive symptoms (S1/S2 hold and step-back logic).
    pub fn is_digestive(self) -> bool {
        matches!(
            self,
            Symptom::Bloating
                | Symptom::Gas
                | Symptom::AbdominalPain
                | Symptom::Cramps
                | Symptom::Diarrhoea
                | Symptom::Constipation
                | Symptom::Nausea
        )
    }
}

/// One symptom with its severity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SymptomEntry {
    pub symptom: Symptom,
    pub severity: Severity,
}
