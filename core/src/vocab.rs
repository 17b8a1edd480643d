//! The domain vocabulary shared by every layer: symptoms, severities and the
//! level ladder. It sits below the rules, check-ins and reports (nothing here
//! imports from them); the words for each code come from the catalogue
//! (`l10n`), never from here.

use serde::{Deserialize, Serialize};

use crate::intake::{KefirKind, Source};
use crate::l10n::Locale;
use crate::profile::{AgeBand, Condition, MedClass};
use crate::text::enum_str;

enum_str! {
    /// The severity ladder: info < caution < consult < stop < emergency.
    pub enum Level {
        Info = "info",
        Caution = "caution",
        Consult = "consult",
        Stop = "stop",
        Emergency = "emergency",
    }
}

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
    /// SNOMED CT concept for doctor exports (the same code in every symptom
    /// Observation, reaction manifestation and the PDF), only where a
    /// published source gives one:
    /// * nausea 422587007, bloating 116289008, diarrhoea 62315008, abdominal
    ///   pain 21522001, hives 126485001, dyspnoea 267036007: safety-evidence.md,
    ///   "Coding for doctor exports";
    /// * swelling of lips, face or tongue 41291007 "Angioedema": HL7 Belgium
    ///   ValueSet be-vs-reaction-manifestation-code (hl7-be/terminology,
    ///   input/fsh/valuesets/BeVSReactionManifestationCode.fsh);
    /// * constipation 14760008 and abdominal cramps 51197009: HL7 Personal
    ///   Health Record Format IG, ConceptMap symptom-pghd-to-snomedct
    ///   (HL7/personal-health-record-format-ig,
    ///   input/fsh/pghd/conceptmap/ConceptMapSymptom.fsh, "constipation",
    ///   "abdominalCramps", equivalent).
    ///
    /// Left as text (no concept verified to mean the same): gas, skin redness
    /// or rash (one concept for both not found), itching, itchy throat,
    /// faintness (404640003 is dizziness, 271594007 fainting), fever or
    /// chills (two concepts, 386661006 and 43724002, for one answer), blood in
    /// stool (405729008 is haematochezia, narrower). See docs/fhir.md.
    pub fn snomed(self) -> Option<&'static str> {
        match self {
            Symptom::Nausea => Some("422587007"),
            Symptom::Bloating => Some("116289008"),
            Symptom::Diarrhoea => Some("62315008"),
            Symptom::AbdominalPain => Some("21522001"),
            Symptom::Hives => Some("126485001"),
            Symptom::BreathingDifficulty => Some("267036007"),
            Symptom::LipFaceTongueSwelling => Some("41291007"),
            Symptom::Constipation => Some("14760008"),
            Symptom::Cramps => Some("51197009"),
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

/// A stored code with a label in the catalogue: the message id is
/// `<FAMILY>-<code>` (e.g. `symptom-itchy_throat`, `condition-pregnant`).
pub trait Labelled: Copy {
    /// The catalogue family of this code (`condition`, `symptom`, ...).
    const FAMILY: &'static str;
    /// The stored code.
    fn code(self) -> &'static str;
    /// The label in `loc` (English when the language lacks it).
    fn label(self, loc: &Locale) -> String {
        loc.t(&format!("{}-{}", Self::FAMILY, self.code()))
    }
}

macro_rules! labelled {
    ($($t:ty => $family:literal),+ $(,)?) => {
        $(impl $crate::vocab::Labelled for $t {
            const FAMILY: &'static str = $family;
            fn code(self) -> &'static str {
                self.as_str()
            }
        })+
    };
}

pub(crate) use labelled;

labelled! {
    Condition => "condition",
    AgeBand => "age",
    MedClass => "medicine",
    Symptom => "symptom",
    Severity => "severity",
    KefirKind => "kind",
    Source => "source",
    Level => "level",
}

/// Bristol Stool Form Scale types (1-7).
pub const BRISTOL_TYPES: std::ops::RangeInclusive<u8> = 1..=7;

/// "Type 4" in `loc`.
pub fn bristol_label(loc: &Locale, bristol: u8) -> String {
    loc.tr("bristol-type", &[("type", crate::l10n::Arg::Int(bristol.into()))])
}

/// The scale's description of a type in `loc` ("Like a sausage or snake,
/// smooth and soft"); `None` outside 1-7.
pub fn bristol_description(loc: &Locale, bristol: u8) -> Option<String> {
    BRISTOL_TYPES.contains(&bristol).then(|| loc.t(&format!("bristol-{bristol}")))
}
