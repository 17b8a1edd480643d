//! The safety rules: ONE table (`RULES`), one row per rule id (the safety
//! reference's D/S/P/M/H ids plus the product's own X1), with its trigger,
//! level, constraints, advice text and source. Everything else in the app
//! asks this table; `docs/rules.md` is generated from it
//! (`catalogue_markdown`) and a test fails when the file is stale.
//!
//! Figures come from the reference; where the evidence is thin (the 200 ml
//! cap, D3) the text says it is a product default, not a medical fact.

use serde::{Deserialize, Serialize};

use crate::intake::{KefirKind, Source};
use crate::l10n::{Arg, Lang, Locale};
use crate::profile::{AgeBand, Condition, MedClass, Profile};
use crate::vocab::{Labelled, Severity, Symptom, SymptomEntry};

pub use crate::vocab::Level;

/// One rule that applies, with the advice to show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Finding {
    pub rule_id: String,
    pub level: Level,
    /// `level` in the caller's language (`level-<code>`), for the card.
    pub level_label: String,
    pub title: String,
    pub advice: String,
    pub source: String,
}

/// Product default: the most kefir a day the app plans for (D2/D3). No
/// published upper limit exists; this is the seed article's 200 ml.
pub const DEFAULT_CAP_ML: u32 = 200;
/// Largest first-day amount (D1).
pub const DEFAULT_START_MAX_ML: u32 = 100;
/// Smallest amount the plan ever asks for.
pub const MIN_PLAN_ML: u32 = 25;

/// What makes a rule apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trigger {
    /// Introduction guidance that always applies to a plan.
    Guidance,
    /// The profile lists any of these conditions.
    Condition(&'static [Condition]),
    /// Any immunocompromising condition (`IMMUNOCOMPROMISED`) or an
    /// immunosuppressant medicine (P5 via M2).
    Immunocompromised,
    /// The profile lists this medicine class (or a dose of it is logged).
    Medicine(MedClass),
    Age(AgeBand),
    /// A day's intake above the profile's cap.
    DailyTotalOverCap,
    /// A symptom pattern in a check-in or a reaction report.
    Symptoms(SymptomPattern),
    /// A homemade drink or a profile that prefers homemade kefir.
    Homemade,
    /// A spoiled homemade batch.
    SpoiledBatch,
    /// A commercial drink or a profile that prefers commercial kefir.
    Commercial,
}

/// Symptom patterns; see `pattern_fires` for the exact test of each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymptomPattern {
    MildDigestive,
    ModerateOrPersistentDigestive,
    LactoseReaction,
    SkinOrHistamine,
    Anaphylaxis,
    HivesWithoutBreathingSigns,
    FeverWhileImmunocompromised,
    BloodInStool,
    /// A severe symptom that no other symptom rule covers (product default).
    SevereWithoutRule,
}

/// What a rule does to the plan's limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Constraint {
    /// Maximum ml per day.
    CapMl(u32),
    /// Maximum first-day amount.
    StartMaxMl(u32),
    NoMilkKefir,
    NoHomemade,
    /// Keep kefir `after_dose_h` hours after a dose and `before_dose_h` hours before the next.
    Spacing {
        after_dose_h: u32,
        before_dose_h: u32,
    },
}

pub struct Rule {
    pub id: &'static str,
    pub trigger: Trigger,
    pub level: Level,
    /// Level when the same pattern recurs within `RECURRENCE_DAYS` (S4).
    pub recurs_as: Option<Level>,
    pub constraints: &'static [Constraint],
    /// Title and advice are catalogue messages `rule-<id>-title` and
    /// `rule-<id>-advice` (`core/locales/<lang>/rules.ftl`): see
    /// [`Rule::title`], [`Rule::advice`].
    pub source: &'static str,
}

/// "Recurs" for S4: seen again within this many days.
pub const RECURRENCE_DAYS: i64 = 7;

use Condition as C;
use Constraint as K;
use Level as L;

/// The P5 conditions, as the catalogue lists them.
pub const IMMUNOCOMPROMISED: &[Condition] = &[
    C::Neutropenia,
    C::Chemotherapy,
    C::Transplant,
    C::BiologicsOrImmunosuppressants,
    C::CentralLine,
    C::IcuStay,
    C::ShortBowel,
];

/// Every rule, by id. Keep ids in the reference's order.
pub static RULES: &[Rule] = &[
    // --- Dose and schedule ---
    Rule {
        id: "D1",
        trigger: Trigger::Guidance,
        level: L::Info,
        recurs_as: None,
        constraints: &[K::StartMaxMl(DEFAULT_START_MAX_ML)],
        source: "seed (Gradual Introduction)",
    },
    Rule {
        id: "D2",
        trigger: Trigger::Guidance,
        level: L::Info,
        recurs_as: None,
        constraints: &[K::CapMl(DEFAULT_CAP_ML)],
        source: "seed (Safe Intake Guidance; FAQ)",
    },
    Rule {
        id: "D3",
        trigger: Trigger::DailyTotalOverCap,
        level: L::Caution,
        recurs_as: None,
        constraints: &[],
        source: "seed (Risks of Overconsumption)",
    },
    Rule {
        id: "D4",
        trigger: Trigger::Guidance,
        level: L::Info,
        recurs_as: None,
        constraints: &[],
        source: "seed (Monitoring Physiological Reactions)",
    },
    Rule {
        id: "D5",
        trigger: Trigger::Guidance,
        level: L::Info,
        recurs_as: None,
        constraints: &[],
        source: "seed (Optimal Consumption Pattern)",
    },
    Rule {
        id: "D6",
        trigger: Trigger::Guidance,
        level: L::Info,
        recurs_as: None,
        constraints: &[],
        source: "Monash University FODMAP reintroduction guidance",
    },
    // --- Symptoms during introduction ---
    Rule {
        id: "S1",
        trigger: Trigger::Symptoms(SymptomPattern::MildDigestive),
        level: L::Info,
        recurs_as: None,
        constraints: &[],
        source: "seed (Digestive Discomfort); Bristol Stool Form Scale types 6-7 as loose stools (Lewis & Heaton, \
                 Scand J Gastroenterol 1997;32:920-4)",
    },
    Rule {
        id: "S2",
        trigger: Trigger::Symptoms(SymptomPattern::ModerateOrPersistentDigestive),
        level: L::Caution,
        recurs_as: None,
        constraints: &[],
        source: "seed (Digestive Discomfort; Microbial Overgrowth)",
    },
    Rule {
        id: "S3",
        trigger: Trigger::Symptoms(SymptomPattern::LactoseReaction),
        level: L::Caution,
        recurs_as: None,
        constraints: &[],
        source: "seed (Lactose Intolerance Reaction); Hertzler & Clancy, J Am Diet Assoc 2003;103:582",
    },
    Rule {
        id: "S4",
        trigger: Trigger::Symptoms(SymptomPattern::SkinOrHistamine),
        level: L::Caution,
        recurs_as: Some(L::Stop),
        constraints: &[],
        source: "seed (Yeast and Histamine Response); Comas-Baste et al., Biomolecules 2020;10:1181",
    },
    // S5 reads the reference literally: swelling of lips/face/tongue, an
    // itchy throat (an airway sign) or any breathing/circulation sign alone
    // is an emergency, as is a severe GI symptom with skin signs.
    Rule {
        id: "S5",
        trigger: Trigger::Symptoms(SymptomPattern::Anaphylaxis),
        level: L::Emergency,
        recurs_as: None,
        constraints: &[],
        source: "seed (Milk Protein Allergy; Cutaneous and Respiratory Symptoms); WAO anaphylaxis criteria 2020 \
                 (Cardona et al., World Allergy Organ J 13:100472)",
    },
    Rule {
        id: "S6",
        trigger: Trigger::Symptoms(SymptomPattern::HivesWithoutBreathingSigns),
        level: L::Stop,
        recurs_as: None,
        constraints: &[],
        source: "seed (Clinical Management)",
    },
    Rule {
        id: "S7",
        trigger: Trigger::Symptoms(SymptomPattern::FeverWhileImmunocompromised),
        level: L::Emergency,
        recurs_as: None,
        constraints: &[],
        source: "Yelin et al., Nat Med 2019;25:1728; Munoz et al., Clin Infect Dis 2005;40:1625",
    },
    Rule {
        id: "S8",
        trigger: Trigger::Symptoms(SymptomPattern::BloodInStool),
        level: L::Consult,
        recurs_as: None,
        constraints: &[],
        source: "NICE CG61 red flags",
    },
    // X1 is the product's own rule, not the reference's: every severe symptom
    // gets at least `consult`, so no answer ever reads "no symptoms" or
    // "expected" for it.
    Rule {
        id: "X1",
        trigger: Trigger::Symptoms(SymptomPattern::SevereWithoutRule),
        level: L::Consult,
        recurs_as: None,
        constraints: &[],
        source: "product default",
    },
    // --- Screening before starting ---
    Rule {
        id: "P1",
        trigger: Trigger::Condition(&[C::MilkProteinAllergy]),
        level: L::Caution,
        recurs_as: None,
        constraints: &[K::NoMilkKefir],
        source: "seed (Milk Protein Allergy; FAQ)",
    },
    Rule {
        id: "P2",
        trigger: Trigger::Condition(&[C::LactoseIntolerance]),
        level: L::Caution,
        recurs_as: None,
        constraints: &[K::StartMaxMl(50)],
        source: "seed (Lactose Intolerance Reaction); Hertzler & Clancy 2003",
    },
    Rule {
        id: "P3",
        trigger: Trigger::Condition(&[C::HistamineSensitivity]),
        level: L::Caution,
        recurs_as: None,
        constraints: &[K::StartMaxMl(50)],
        source: "seed (Yeast and Histamine Response)",
    },
    Rule {
        id: "P4",
        trigger: Trigger::Condition(&[C::Pregnant, C::Breastfeeding]),
        level: L::Consult,
        recurs_as: None,
        constraints: &[K::NoHomemade],
        source: "seed (Pregnant and Breastfeeding Women); general food-safety guidance",
    },
    Rule {
        id: "P5",
        trigger: Trigger::Immunocompromised,
        level: L::Consult,
        recurs_as: None,
        constraints: &[K::NoHomemade],
        source: "seed (Immunocompromised Individuals); Yelin 2019; Rannikko et al., Emerg Infect Dis 2021;27(8); \
                 Hennequin et al., Eur J Clin Microbiol Infect Dis 2000;19:16; Dufresne et al., J Clin Microbiol \
                 2014;52:1830",
    },
    Rule {
        id: "P6",
        trigger: Trigger::Condition(&[C::KidneyDiseaseOrPotassiumRestriction]),
        level: L::Consult,
        recurs_as: None,
        constraints: &[],
        source: "seed (Electrolyte Imbalance); USDA food composition",
    },
    Rule {
        id: "P7",
        trigger: Trigger::Age(AgeBand::InfantUnder12Months),
        level: L::Consult,
        recurs_as: None,
        constraints: &[K::CapMl(50), K::StartMaxMl(25)],
        source: "FDA 2023 warning on probiotics in preterm infants; infant botulism guidance; caps: product default",
    },
    Rule {
        id: "P8",
        trigger: Trigger::Condition(&[C::AvoidingAlcohol]),
        level: L::Caution,
        recurs_as: None,
        constraints: &[],
        source: "Codex Standard CXS 243-2003 (kefir yeasts)",
    },
    // --- Medicines ---
    Rule {
        id: "M1",
        trigger: Trigger::Medicine(MedClass::Antibiotic),
        level: L::Caution,
        recurs_as: None,
        constraints: &[K::Spacing { after_dose_h: 3, before_dose_h: 3 }],
        source: "seed (Medication Interactions; FAQ)",
    },
    Rule {
        id: "M2",
        trigger: Trigger::Medicine(MedClass::Immunosuppressant),
        level: L::Consult,
        recurs_as: None,
        constraints: &[K::Spacing { after_dose_h: 3, before_dose_h: 3 }],
        source: "seed (Medication Interactions); see P5",
    },
    // M3 is about calcium in dairy; the spacing is applied to every kind of
    // kefir (conservative: the calcium of water and plant kefirs is not known here).
    Rule {
        id: "M3",
        trigger: Trigger::Medicine(MedClass::FluoroquinoloneOrTetracycline),
        level: L::Caution,
        recurs_as: None,
        constraints: &[K::Spacing { after_dose_h: 2, before_dose_h: 6 }],
        source: "product labels",
    },
    Rule {
        id: "M4",
        trigger: Trigger::Medicine(MedClass::MaoInhibitor),
        level: L::Caution,
        recurs_as: None,
        // The lower start (50 ml) follows the "lower for P2/P3/M4"; the cap is the source's ~120 ml.
        constraints: &[K::CapMl(120), K::StartMaxMl(50), K::NoHomemade],
        source: "Ozdestan & Uren, Eur Food Res Technol 2010;231:101",
    },
    Rule {
        id: "M5",
        trigger: Trigger::Medicine(MedClass::MetronidazoleOrDisulfiram),
        level: L::Consult,
        recurs_as: None,
        constraints: &[K::NoHomemade],
        source: "product labels",
    },
    Rule {
        id: "M6",
        trigger: Trigger::Medicine(MedClass::VitaminKAntagonist),
        level: L::Caution,
        recurs_as: None,
        constraints: &[],
        source: "Fu et al., Curr Dev Nutr 2017;1:e000638",
    },
    // --- Product and hygiene ---
    Rule {
        id: "H1",
        trigger: Trigger::Homemade,
        level: L::Info,
        recurs_as: None,
        constraints: &[],
        source: "seed (Homemade Fermentation Risks)",
    },
    // H2 stops that batch (a `stop`-level warning on the drink); it does not
    // stop the plan, which only person-level stop/emergency findings do.
    Rule {
        id: "H2",
        trigger: Trigger::SpoiledBatch,
        level: L::Stop,
        recurs_as: None,
        constraints: &[],
        source: "seed (Homemade Fermentation Risks)",
    },
    Rule {
        id: "H3",
        trigger: Trigger::Commercial,
        level: L::Info,
        recurs_as: None,
        constraints: &[],
        source: "seed (Safety Recommendations)",
    },
    Rule {
        id: "H4",
        trigger: Trigger::Guidance,
        level: L::Info,
        recurs_as: None,
        constraints: &[],
        source: "seed (Fermentation Process; FAQ)",
    },
];

/// The rule with this id. Panics on an unknown id: ids are compile-time
/// vocabulary, checked by a test over the whole table.
pub fn rule(id: &str) -> &'static Rule {
    RULES.iter().find(|r| r.id == id).unwrap_or_else(|| panic!("unknown rule id {id}"))
}

impl Rule {
    /// The rule's title in `loc` (message `rule-<id>-title`).
    pub fn title(&self, loc: &Locale) -> String {
        loc.t(&format!("rule-{}-title", self.id))
    }
    /// The rule's advice in `loc` (message `rule-<id>-advice`).
    pub fn advice(&self, loc: &Locale) -> String {
        loc.t(&format!("rule-{}-advice", self.id))
    }
    /// The title inside a sentence ("Noted (mild digestive symptoms)"):
    /// see [`in_sentence`].
    pub fn title_in_sentence(&self, loc: &Locale) -> String {
        in_sentence(loc, &self.title(loc))
    }
    /// The rule as a finding at its own level, written in `loc`.
    pub fn finding(&self, loc: &Locale) -> Finding {
        self.finding_at(self.level, loc)
    }
    /// The rule as a finding at `level` (S4 recurring), written in `loc`.
    pub fn finding_at(&self, level: Level, loc: &Locale) -> Finding {
        Finding {
            rule_id: self.id.to_string(),
            level,
            level_label: level.label(loc),
            title: self.title(loc),
            advice: self.advice(loc),
            source: self.source.to_string(),
        }
    }
    /// A finding whose advice starts with a specific detail (e.g. the
    /// amount), already written in `loc`.
    pub fn finding_with(&self, detail: &str, loc: &Locale) -> Finding {
        let mut f = self.finding(loc);
        f.advice = format!("{detail} {}", f.advice);
        f
    }

    /// Does this rule apply to the profile itself (screening)?
    pub fn applies_to_profile(&self, p: &Profile) -> bool {
        match self.trigger {
            Trigger::Condition(cs) => cs.iter().any(|c| p.has(*c)),
            Trigger::Immunocompromised => p.immunocompromised(),
            Trigger::Medicine(m) => p.takes(m),
            Trigger::Age(a) => p.age_band == a,
            Trigger::Homemade => p.preferred_sources.contains(&Source::Homemade),
            Trigger::Commercial => p.preferred_sources.contains(&Source::Commercial),
            Trigger::Guidance | Trigger::DailyTotalOverCap | Trigger::Symptoms(_) | Trigger::SpoiledBatch => false,
        }
    }
}

// ---------------------------------------------------------------------------
// Symptom patterns (S1–S8)

/// What a symptom evaluation looks at.
pub struct SymptomContext<'a> {
    pub entries: &'a [SymptomEntry],
    /// Entries of the previous day's check-in, if any (S2 persistence).
    pub previous_day: Option<&'a [SymptomEntry]>,
    /// Whether S4 signs were reported within `RECURRENCE_DAYS` before this report.
    pub skin_signs_recently: bool,
    /// Milk kefir drunk on the day or the day before (S3).
    pub drank_milk_kefir: bool,
    pub profile: &'a Profile,
}

fn sev(entries: &[SymptomEntry], s: Symptom) -> Severity {
    entries.iter().filter(|e| e.symptom == s).map(|e| e.severity).max().unwrap_or(Severity::None)
}

fn any_at_least(entries: &[SymptomEntry], symptoms: &[Symptom], min: Severity) -> bool {
    symptoms.iter().any(|s| sev(entries, *s) >= min)
}

const DIGESTIVE: &[Symptom] = &[
    Symptom::Bloating,
    Symptom::Gas,
    Symptom::AbdominalPain,
    Symptom::Cramps,
    Symptom::Diarrhoea,
    Symptom::Constipation,
    Symptom::Nausea,
];
const SKIN: &[Symptom] = &[Symptom::SkinRedness, Symptom::Itching, Symptom::Hives];
/// Airway, breathing or circulation signs (WAO criteria).
const AIRWAY_OR_CIRCULATION: &[Symptom] =
    &[Symptom::LipFaceTongueSwelling, Symptom::ItchyThroat, Symptom::BreathingDifficulty, Symptom::Faintness];

/// The exact test behind each symptom pattern.
pub fn pattern_fires(p: SymptomPattern, cx: &SymptomContext<'_>) -> bool {
    let e = cx.entries;
    match p {
        SymptomPattern::MildDigestive => {
            any_at_least(e, DIGESTIVE, Severity::Mild) && !any_at_least(e, DIGESTIVE, Severity::Moderate)
        }
        SymptomPattern::ModerateOrPersistentDigestive => {
            any_at_least(e, DIGESTIVE, Severity::Moderate)
                || (any_at_least(e, DIGESTIVE, Severity::Mild)
                    && cx.previous_day.is_some_and(|prev| any_at_least(prev, DIGESTIVE, Severity::Mild)))
        }
        SymptomPattern::LactoseReaction => {
            cx.profile.has(Condition::LactoseIntolerance)
                && cx.drank_milk_kefir
                && any_at_least(e, &[Symptom::Cramps, Symptom::AbdominalPain], Severity::Mild)
        }
        SymptomPattern::SkinOrHistamine => any_at_least(e, &[Symptom::SkinRedness, Symptom::Itching], Severity::Mild),
        SymptomPattern::Anaphylaxis => {
            any_at_least(e, AIRWAY_OR_CIRCULATION, Severity::Mild)
                || (any_at_least(e, DIGESTIVE, Severity::Severe) && any_at_least(e, SKIN, Severity::Mild))
        }
        SymptomPattern::HivesWithoutBreathingSigns => {
            sev(e, Symptom::Hives) >= Severity::Mild && !pattern_fires(SymptomPattern::Anaphylaxis, cx)
        }
        SymptomPattern::FeverWhileImmunocompromised => {
            cx.profile.immunocompromised() && sev(e, Symptom::FeverChills) >= Severity::Mild
        }
        SymptomPattern::BloodInStool => sev(e, Symptom::BloodInStool) >= Severity::Mild,
        SymptomPattern::SevereWithoutRule => {
            e.iter().any(|x| x.severity == Severity::Severe && !covered(x.symptom, cx))
        }
    }
}

/// Whether a specific symptom rule fires for this symptom (used by X1).
fn covered(s: Symptom, cx: &SymptomContext<'_>) -> bool {
    use SymptomPattern as P;
    let fires = |p| pattern_fires(p, cx);
    match s {
        // Product choice: severe abdominal pain is not "expected adaptation"
        // (S2 alone would only step back): X1 makes it at least consult.
        Symptom::AbdominalPain => false,
        _ if DIGESTIVE.contains(&s) => true, // S1/S2 always cover the other digestive symptoms
        Symptom::SkinRedness | Symptom::Itching => true, // S4
        Symptom::Hives => fires(P::HivesWithoutBreathingSigns) || fires(P::Anaphylaxis),
        _ if AIRWAY_OR_CIRCULATION.contains(&s) => true, // S5
        Symptom::FeverChills => fires(P::FeverWhileImmunocompromised),
        Symptom::BloodInStool => true, // S8
        _ => false,
    }
}

/// Every symptom rule that fires, at its level (S4 escalates when
/// recurring), written in `loc`.
pub fn symptom_findings(cx: &SymptomContext<'_>, loc: &Locale) -> Vec<Finding> {
    RULES
        .iter()
        .filter_map(|r| match r.trigger {
            Trigger::Symptoms(p) if pattern_fires(p, cx) => {
                let recurring = p == SymptomPattern::SkinOrHistamine && cx.skin_signs_recently;
                let level = match r.recurs_as {
                    Some(l) if recurring => l,
                    _ => r.level,
                };
                let mut f = r.finding_at(level, loc);
                if recurring && r.recurs_as.is_some() {
                    // The second time within RECURRENCE_DAYS: the advice is the stop, not a step back.
                    f.advice = loc.tr(&format!("rule-{}-recurs", r.id), &[("days", Arg::Int(RECURRENCE_DAYS))]);
                }
                Some(f)
            }
            _ => None,
        })
        .collect()
}

/// A title or label as it reads inside a sentence ("Noted (hives)"):
/// English and Russian lower-case its first letter unless it starts an
/// acronym ("MAO inhibitors" stays); German keeps it (nouns are capitalised).
pub fn in_sentence(loc: &Locale, s: &str) -> String {
    let mut cs = s.chars();
    match (loc.lang(), cs.next(), cs.next()) {
        (Lang::De, _, _) | (_, None, _) => s.to_string(),
        (_, Some(_), Some(second)) if second.is_uppercase() => s.to_string(),
        (_, Some(first), _) => first.to_lowercase().chain(s.chars().skip(1)).collect(),
    }
}

/// The highest level among findings (`Info` when there are none).
pub fn overall(findings: &[Finding]) -> Level {
    findings.iter().map(|f| f.level).max().unwrap_or(Level::Info)
}

/// Does this kind/source combination break a constraint? Returns the rule ids.
pub fn forbidding_rules(p: &Profile, kind: KefirKind, source: Source) -> Vec<&'static str> {
    RULES
        .iter()
        .filter(|r| r.applies_to_profile(p))
        .filter(|r| {
            r.constraints.iter().any(|c| match c {
                Constraint::NoMilkKefir => kind.is_milk(),
                Constraint::NoHomemade => source == Source::Homemade,
                _ => false,
            })
        })
        .map(|r| r.id)
        .collect()
}

impl Trigger {
    /// What makes the rule apply, in words (for the rules catalogue).
    pub fn describe(&self) -> String {
        let list = |cs: &[Condition]| cs.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ");
        match self {
            Trigger::Guidance => "always (plan guidance)".into(),
            Trigger::Condition(cs) => format!("profile condition {}", list(cs)),
            Trigger::Immunocompromised => format!(
                "profile condition {}, or the medicine `{}`",
                list(IMMUNOCOMPROMISED),
                MedClass::Immunosuppressant
            ),
            Trigger::Medicine(m) => format!("medicine `{m}` in the profile or a logged dose of it"),
            Trigger::Age(a) => format!("age band `{a}`"),
            Trigger::DailyTotalOverCap => "a day's kefir above the daily cap in force".into(),
            Trigger::Symptoms(p) => format!("symptoms: {}", p.describe()),
            Trigger::Homemade => "a homemade drink, or homemade preferred in the profile".into(),
            Trigger::SpoiledBatch => "a homemade batch with a spoilage sign".into(),
            Trigger::Commercial => "commercial kefir preferred in the profile".into(),
        }
    }
}

impl SymptomPattern {
    /// The exact test of `pattern_fires`, in words.
    pub fn describe(&self) -> &'static str {
        match self {
            SymptomPattern::MildDigestive => {
                "a digestive symptom at mild, none at moderate or worse (a check-in's Bristol type 6 or 7 counts \
                 as mild diarrhoea)"
            }
            SymptomPattern::ModerateOrPersistentDigestive => {
                "a digestive symptom at moderate or worse, or mild on two days in a row (Bristol type 6 or 7 \
                 counts as mild diarrhoea)"
            }
            SymptomPattern::LactoseReaction => {
                "cramps or abdominal pain after milk kefir (that day or the day before) with lactose intolerance"
            }
            SymptomPattern::SkinOrHistamine => "skin redness or itching (stop when it recurs within 7 days)",
            SymptomPattern::Anaphylaxis => {
                "swelling of lips/face/tongue, itchy throat, breathing difficulty or faintness, or a severe \
                 digestive symptom with a skin sign"
            }
            SymptomPattern::HivesWithoutBreathingSigns => "hives without S5's signs",
            SymptomPattern::FeverWhileImmunocompromised => "fever or chills while immunocompromised (see P5)",
            SymptomPattern::BloodInStool => "blood in stool",
            SymptomPattern::SevereWithoutRule => {
                "any symptom at severe that no other symptom rule covers, and severe abdominal pain"
            }
        }
    }
}

impl Constraint {
    /// The constraint in words (for the rules catalogue).
    pub fn describe(&self) -> String {
        match self {
            Constraint::CapMl(ml) => format!("daily cap {ml} ml"),
            Constraint::StartMaxMl(ml) => format!("start at most {ml} ml"),
            Constraint::NoMilkKefir => "no milk kefir".into(),
            Constraint::NoHomemade => "no homemade kefir".into(),
            Constraint::Spacing { after_dose_h, before_dose_h } => {
                format!("kefir {after_dose_h} h after a dose, {before_dose_h} h before the next")
            }
        }
    }
}

/// The project's rules catalogue (`docs/rules.md`), generated from `RULES`:
/// every rule's id, level, trigger, constraints, advice and source, with
/// titles and advice from the catalogue in `loc` (the repository's file is
/// the English one; the rest of the page is English developer documentation).
/// A test fails when the file in the repository differs from this.
pub fn catalogue_markdown(loc: &Locale) -> String {
    let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    let mut out = String::from(
        "# Rules catalogue\n\n\
         Generated from the rules table (`core/src/rules.rs`, `RULES`); do not edit by hand. Regenerate with\n\
         `KEFIR_WRITE_RULES_DOC=1 cargo test -p kefir-core --test rules rules_doc` (the test fails when this\n\
         file is stale). Levels: info < caution < consult < stop < emergency. Rule ids are the product's\n\
         vocabulary in code, tests and reports; X-rules are the product's own (product defaults).\n\n\
         | id | level | trigger | constraints | title | advice | source |\n\
         |---|---|---|---|---|---|---|\n",
    );
    for r in RULES {
        let level = match r.recurs_as {
            Some(l) => format!("{} ({l} when it recurs)", r.level),
            None => r.level.to_string(),
        };
        let constraints = r.constraints.iter().map(|c| c.describe()).collect::<Vec<_>>().join("; ");
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} |\n",
            r.id,
            level,
            cell(&r.trigger.describe()),
            cell(if constraints.is_empty() { "-" } else { &constraints }),
            cell(&r.title(loc)),
            cell(&r.advice(loc)),
            cell(r.source)
        ));
    }
    out.push_str(PRODUCT_CHOICES);
    out
}

/// How findings act on the plan: product choices, listed in the catalogue.
const PRODUCT_CHOICES: &str = "\n## How findings act on the plan (product choices)\n\n\
- **Bristol types 6-7** (loose or watery stools, Bristol Stool Form Scale, Lewis & Heaton 1997) count as \
  diarrhoea at least `mild`: one day holds the step (S1), two days in a row step back (S2). Types 1-5 are not \
  symptoms.\n\
- **At once**: a `stop`/`emergency` finding stops the plan the moment it is reported; a `consult` finding \
  pauses it at once (today's target becomes 0); a `caution` finding steps today's target back one step at \
  once (the next day then holds there instead of stepping back again).\n\
- **Clinician go-ahead**: resuming after a consult pause, and (re)starting after S5, S6 or S7, need a \
  clinician acknowledgement with a non-empty note, dated after both when the reaction happened and when it \
  was recorded, and not after `now`. The S5-S7 gate is derived from the reports (check-ins, reactions, the \
  stops they caused) and the acknowledgements, so a backup round-trip cannot open it.\n\
- **Caps on restart and resume**: the daily cap in force always applies; on the plan's first step the start \
  cap applies too (D1, P2, P3, M4). Resuming after an absence (D4) starts one step below the amount actually \
  tolerated (the last clean day's target, as clamped by a cap), D6.\n\
- **Beside a red flag**: when the overall level is `stop` or `emergency`, lower findings' advice never \
  suggests drinking; a recurring S4 says stop. A drink logged while the plan is stopped warns, naming the \
  stop rule.\n\
- **Medicine spacing**: a drink reminder never fires inside an open M1-M3 window; it moves to the window's \
  end and says so.\n\
- **Caps on the Plan screen**: steps above the daily cap in force are shown as the cap.\n";
