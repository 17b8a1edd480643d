//! A realistic, deterministic synthetic [`Summary`] for tests, benchmarks and
//! renderer previews. No store, no clock, no randomness from outside: the
//! same `days` always gives the same summary.
//!
//! The story: an adult with a cow's-milk-protein allergy and histamine
//! intolerance, on an antibiotic and warfarin, introduces water and plant
//! kefir (P1, P3, M1, M6). The plan steps up every three tolerated days,
//! holds on mild digestive symptoms (S1), steps back on moderate ones (S2),
//! and pauses for a few days after moderate hives (S6, a red flag) before
//! restarting low. Check-ins are missed on some days. The zone is
//! Europe/London, so ranges past late March cross a DST change.

use chrono::{Duration, NaiveDate};

use crate::intake::{KefirKind, Source};
use crate::l10n::{Arg, Locale};
use crate::plan::DecisionKind;
use crate::profile::Condition;
use crate::profile::MedClass;
use crate::report::{
    Breach, CodedItem, ConstraintsSummary, DayRow, DrinkRef, KindRow, MedCourse, NoteRow, PlanEventRow, PlanStatusLine,
    ProfileChange, RedFlagRow, SourceRow, Summary, SymptomReport, SymptomRow, Totals,
};
use crate::rules::{Finding, Level};
use crate::time::{iso_date, Zone};
use crate::vocab::Labelled;
use crate::vocab::{Severity, Symptom, SymptomEntry};

/// First day of every sample range (a Monday).
pub const SAMPLE_FROM: (i32, u32, u32) = (2026, 1, 5);
/// Time zone of the sample.
pub const SAMPLE_ZONE: &str = "Europe/London";

/// The plan's ladder of daily targets, in ml.
const LADDER: [u32; 7] = [50, 75, 100, 125, 150, 175, 200];

/// A tiny deterministic generator (64-bit LCG, Knuth's MMIX constants).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u32 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) as u32
    }
    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: u32) -> u32 {
        self.next() % n
    }
}

/// A synthetic summary covering `days` local days (at least one) from
/// 2026-01-05 in Europe/London. Labels, spacing and disclaimer are in
/// `loc`, as `report::build` writes them; the sample's free texts (plan
/// reasons, notes, findings) are fixed English sample data.
pub fn sample_summary(days: u32, loc: &Locale) -> Summary {
    let days = days.max(1);
    let zone = Zone::parse(SAMPLE_ZONE).expect("sample zone is a valid IANA name");
    let (y, m, d) = SAMPLE_FROM;
    let first = NaiveDate::from_ymd_opt(y, m, d).expect("valid sample date");
    let last = first + Duration::days(i64::from(days) - 1);
    let mut rng = Lcg(0x6b65_6669_7232_3032); // "kefir2026"

    // The red flag, if the range is long enough to show a recovery.
    let red_flag_day = (days >= 14).then(|| days * 3 / 5);

    let mut rows = Vec::with_capacity(days as usize);
    let mut events = Vec::new();
    let mut reports = Vec::new();
    let mut red_flags = Vec::new();
    let mut step = 0usize; // index into LADDER
    let mut tolerated = 0u32; // tolerated days at the current step
    let mut pause_left = 0u32;
    let mut kind_ml = [0u32; 2]; // water, plant
    let mut kind_drinks = [0u32; 2];
    let mut source_ml = [0u32; 2]; // commercial, homemade
    let mut source_drinks = [0u32; 2];

    for i in 0..days {
        let date = first + Duration::days(i64::from(i));
        let iso = iso_date(date);
        let evening = zone.resolve_local(date.and_hms_opt(20, 30, 0).expect("valid time"));

        // Plan state for the day.
        let (target, decision) = if i == 0 {
            events.push(PlanEventRow {
                date: iso.clone(),
                decision: DecisionKind::Start,
                decision_label: DecisionKind::Start.label(loc),
                target_ml: LADDER[0],
                reason: "Start at the low end: milk-protein allergy and histamine intolerance (P1, P3).".into(),
                rule_ids: vec!["D1".into(), "P3".into()],
            });
            (Some(LADDER[0]), DecisionKind::Start)
        } else if pause_left > 0 {
            pause_left -= 1;
            if pause_left == 0 {
                step = 0;
                tolerated = 0;
                events.push(PlanEventRow {
                    date: iso.clone(),
                    decision: DecisionKind::Restart,
                    decision_label: DecisionKind::Restart.label(loc),
                    target_ml: LADDER[0],
                    reason: "Restart at the lowest step after the pause; symptoms resolved.".into(),
                    rule_ids: vec!["D1".into(), "D4".into()],
                });
                (Some(LADDER[0]), DecisionKind::Restart)
            } else {
                (None, DecisionKind::Pause)
            }
        } else if tolerated >= 3 && step + 1 < LADDER.len() {
            step += 1;
            tolerated = 0;
            (Some(LADDER[step]), DecisionKind::Advance)
        } else {
            (Some(LADDER[step]), DecisionKind::Hold)
        };

        // What the person drank: close to the target, sometimes a little off.
        let intake = match target {
            None => 0,
            Some(t) => match rng.below(20) {
                0 => 0,                    // forgot
                1 => t.saturating_sub(25), // a bit under
                2 if t < 200 => t + 25,    // a bit over
                _ => t,
            },
        };
        // Split into one or two drinks of water or plant kefir.
        if intake > 0 {
            let two = intake >= 100 && rng.below(3) == 0;
            let parts = if two { [intake / 2, intake - intake / 2] } else { [intake, 0] };
            for ml in parts.into_iter().filter(|&ml| ml > 0) {
                let k = usize::from(rng.below(4) == 0); // mostly water kefir
                let s = usize::from(rng.below(5) == 0); // mostly commercial
                kind_ml[k] += ml;
                kind_drinks[k] += 1;
                source_ml[s] += ml;
                source_drinks[s] += 1;
            }
        }

        // The evening check-in (missed on about one day in eight).
        let checked_in = rng.below(8) != 0 || Some(i) == red_flag_day;
        let mut symptoms: Vec<(Symptom, Severity)> = Vec::new();
        if checked_in {
            if Some(i) == red_flag_day {
                symptoms.push((Symptom::Hives, Severity::Moderate));
                symptoms.push((Symptom::Itching, Severity::Mild));
            } else if intake > 0 {
                match rng.below(24) {
                    0..=3 => symptoms.push((Symptom::Bloating, Severity::Mild)),
                    4 | 5 => symptoms.push((Symptom::Gas, Severity::Mild)),
                    6 => {
                        symptoms.push((Symptom::Bloating, Severity::Moderate));
                        symptoms.push((Symptom::AbdominalPain, Severity::Mild));
                    }
                    7 => symptoms.push((Symptom::Diarrhoea, Severity::Mild)),
                    8 if i > 20 => symptoms.push((Symptom::Nausea, Severity::Severe)),
                    _ => {}
                }
            }
        }
        let worst = checked_in.then(|| symptoms.iter().map(|s| s.1).max().unwrap_or(Severity::None));
        let bristol = (checked_in && rng.below(6) != 0).then(|| {
            let r = rng.below(10) as u8;
            match r {
                0 => 2,
                1..=2 => 3,
                3..=6 => 4,
                7..=8 => 5,
                _ => 6,
            }
        });
        for (symptom, severity) in &symptoms {
            reports.push(SymptomReport {
                at: evening,
                date: iso.clone(),
                symptom: *symptom,
                label: symptom.label(loc),
                snomed: symptom.snomed().map(str::to_string),
                severity: *severity,
                whole_day: true,
            });
        }

        // How the plan reacts (takes effect from the next day).
        if Some(i) == red_flag_day {
            red_flags.push(RedFlagRow {
                at: evening,
                level: Level::Stop,
                rule_ids: vec!["S6".into()],
                what: "Hives (moderate), Itching (mild)".into(),
                local_time: evening.local(&zone).format("%Y-%m-%d %H:%M").to_string(),
                source: "check-in".into(),
                symptoms: vec![
                    SymptomEntry { symptom: Symptom::Hives, severity: Severity::Moderate },
                    SymptomEntry { symptom: Symptom::Itching, severity: Severity::Mild },
                ],
                note: Some("Itchy wheals on both forearms after lunch".into()),
                last_drink: Some(DrinkRef {
                    at: evening,
                    local_time: evening.local(&zone).format("%Y-%m-%d 08:30").to_string(),
                    ml: target.unwrap_or(50),
                    kind: KefirKind::Water,
                    source: Source::Commercial,
                }),
                advice: vec!["Hives or itching (S6): stop kefir and see an allergist.".into()],
            });
            events.push(PlanEventRow {
                date: iso.clone(),
                decision: DecisionKind::Pause,
                decision_label: DecisionKind::Pause.label(loc),
                target_ml: 0,
                reason: "Hives without breathing or circulation signs: stop and see an allergist (S6).".into(),
                rule_ids: vec!["S6".into()],
            });
            pause_left = 4;
        } else if target.is_some() {
            match worst {
                Some(Severity::Moderate) | Some(Severity::Severe) => {
                    step = step.saturating_sub(1);
                    tolerated = 0;
                    events.push(PlanEventRow {
                        date: iso.clone(),
                        decision: DecisionKind::StepBack,
                        decision_label: DecisionKind::StepBack.label(loc),
                        target_ml: LADDER[step],
                        reason: "Moderate digestive symptoms: back to the previous tolerated amount.".into(),
                        rule_ids: vec!["S2".into()],
                    });
                }
                Some(Severity::Mild) => tolerated = 0, // S1: hold
                _ => tolerated += 1,
            }
        }

        let worst_symptom = symptoms
            .iter()
            .filter(|(_, sev)| Some(*sev) == worst && *sev > Severity::None)
            .map(|(sym, _)| sym.label(loc))
            .collect::<Vec<_>>()
            .join(", ");
        rows.push(DayRow {
            date: iso,
            intake_ml: intake,
            target_ml: target,
            decision: Some(decision),
            checked_in,
            worst_severity: worst,
            worst_symptom: (!worst_symptom.is_empty()).then_some(worst_symptom),
            rule_ids: Vec::new(),
            bristol,
        });
    }

    // Per-symptom rows, in the enum's order.
    let mut symptom_rows = Vec::new();
    for &symptom in Symptom::ALL {
        let mine: Vec<&SymptomReport> = reports.iter().filter(|r| r.symptom == symptom).collect();
        if let Some(worst) = mine.iter().map(|r| r.severity).max() {
            let mut dates: Vec<&str> = mine.iter().map(|r| r.date.as_str()).collect();
            dates.dedup();
            symptom_rows.push(SymptomRow {
                symptom,
                label: symptom.label(loc),
                snomed: symptom.snomed().map(str::to_string),
                days_present: dates.len() as u32,
                worst,
            });
        }
    }

    let mut bristol_counts = vec![0u32; 7];
    for b in rows.iter().filter_map(|r| r.bristol) {
        bristol_counts[usize::from(b - 1)] += 1;
    }

    let totals = totals_of(&rows, kind_drinks.iter().sum());
    let generated_at = zone.resolve_local((last + Duration::days(1)).and_hms_opt(9, 0, 0).expect("valid time"));

    let plan_status = events.last().map(|e| PlanStatusLine {
        status: "active".into(),
        since: e.date.clone(),
        reason: e.reason.clone(),
        rule_ids: e.rule_ids.clone(),
        target_ml: rows.last().and_then(|r| r.target_ml).unwrap_or(0),
    });
    let course_start = zone.resolve_local((first + Duration::days(2)).and_hms_opt(8, 0, 0).expect("valid time"));
    let course_end = zone.resolve_local((first + Duration::days(8)).and_hms_opt(20, 0, 0).expect("valid time"));
    let notes: Vec<NoteRow> = rows
        .iter()
        .filter(|r| r.worst_severity >= Some(Severity::Moderate))
        .map(|r| NoteRow {
            at: generated_at,
            date: r.date.clone(),
            source: "check-in".into(),
            text: format!("Worse than usual: {}", r.worst_symptom.clone().unwrap_or_default()),
        })
        .collect();
    let breaches: Vec<Breach> = rows
        .iter()
        .filter(|r| r.intake_ml > 200)
        .map(|r| Breach {
            at: generated_at,
            date: r.date.clone(),
            rule_id: "D3".into(),
            what: format!("{} ml on {}; the limit was 200 ml", r.intake_ml, r.date),
        })
        .collect();

    Summary {
        patient_id: "5b0d8a0e-2f64-4f6e-9a55-7f1d7c9e0a11".to_string(),
        has_profile: true,
        profile_changes: vec![ProfileChange {
            saved_at: zone.resolve_local(first.and_hms_opt(7, 0, 0).expect("valid time")),
            date: iso_date(first),
            before_range: false,
            what: "profile saved: Milk-protein (casein/whey) allergy, Histamine intolerance or sensitive skin, \
                   Antibiotic, Warfarin or other vitamin-K antagonist"
                .into(),
        }],
        plan_status,
        courses: (days >= 8)
            .then(|| MedCourse {
                medicine: MedClass::Antibiotic,
                label: MedClass::Antibiotic.label(loc),
                name: Some("Amoxicillin".into()),
                first_dose: course_start,
                last_dose: course_end,
                first_local: course_start.local(&zone).format("%Y-%m-%d %H:%M").to_string(),
                last_local: course_end.local(&zone).format("%Y-%m-%d %H:%M").to_string(),
                interval_hours: Some(12),
                doses: 14,
                doses_before: 0,
                doses_after: 0,
                active: false,
                rule_id: Some("M1".into()),
                drinks_in_window: 0,
            })
            .into_iter()
            .collect(),
        breaches,
        notes,
        clearance: None,
        app_version: crate::APP_VERSION.to_string(),
        generated_at,
        time_zone: SAMPLE_ZONE.to_string(),
        from_date: iso_date(first),
        to_date: iso_date(last),
        display_name: Some("Alex Example".to_string()),
        age_band: Some("adult".to_string()),
        screening_level: Level::Caution,
        screening_level_label: Level::Caution.label(loc),
        findings: vec![
            finding(
                "P1",
                Level::Caution,
                "Milk-protein allergy: water or plant kefir only",
                "Milk kefir is not allowed. Water or plant-based kefir only.",
                "seed (Milk Protein Allergy; FAQ)",
            ),
            finding(
                "P3",
                Level::Caution,
                "Histamine intolerance: lowest start",
                "Start at the lowest amount and watch for burning, redness, rash, flushing or headache (S4).",
                "seed (Yeast and Histamine Response)",
            ),
            finding(
                "M1",
                Level::Info,
                "Antibiotic: keep kefir 3 h apart from each dose",
                "Keep kefir at least 2-3 h apart from each antibiotic dose; the app shows the next allowed time.",
                "seed (Medication Interactions; FAQ)",
            ),
            finding(
                "M6",
                Level::Caution,
                "Warfarin: keep the daily amount steady",
                "Keep the daily amount steady and tell the anticoagulation clinic (vitamin K2 in full-fat dairy).",
                "Fu et al., Curr Dev Nutr 2017;1:e000638",
            ),
        ],
        constraints: ConstraintsSummary {
            max_ml_per_day: 200,
            allowed_kinds: vec![KefirKind::Water, KefirKind::Plant],
            allowed_sources: vec![Source::Commercial, Source::Homemade],
            spacing: vec![loc.tr(
                "r-spacing",
                &[
                    ("med", MedClass::Antibiotic.label(loc).into()),
                    ("after", Arg::Int(3)),
                    ("before", Arg::Int(3)),
                    ("rule", "M1".into()),
                ],
            )],
            clinician_clearance_needed: false,
            clinician_cleared_on: None,
        },
        conditions: vec![
            CodedItem {
                code: "milk_protein_allergy".into(),
                label: Condition::MilkProteinAllergy.label(loc),
                snomed: Some("782555009".into()),
                is_allergy: true,
            },
            CodedItem {
                code: "histamine_intolerance".into(),
                label: Condition::HistamineSensitivity.label(loc),
                snomed: None,
                is_allergy: false,
            },
        ],
        medicines: vec![
            CodedItem {
                code: "antibiotic".into(),
                label: MedClass::Antibiotic.label(loc),
                snomed: None,
                is_allergy: false,
            },
            CodedItem {
                code: "vitamin_k_antagonist".into(),
                label: MedClass::VitaminKAntagonist.label(loc),
                snomed: None,
                is_allergy: false,
            },
        ],
        days: rows,
        plan_events: events,
        symptoms: symptom_rows,
        symptom_reports: reports,
        bristol_counts,
        red_flags,
        spacing_warnings: Vec::new(),
        totals,
        kinds: [KefirKind::Water, KefirKind::Plant]
            .into_iter()
            .zip(kind_ml.into_iter().zip(kind_drinks))
            .filter(|(_, (_, n))| *n > 0)
            .map(|(kind, (ml, drinks))| KindRow { kind, ml, drinks })
            .collect(),
        sources: [Source::Commercial, Source::Homemade]
            .into_iter()
            .zip(source_ml.into_iter().zip(source_drinks))
            .filter(|(_, (_, n))| *n > 0)
            .map(|(source, (ml, drinks))| SourceRow { source, ml, drinks })
            .collect(),
        disclaimer: loc.t("disclaimer"),
    }
}

fn finding(rule_id: &str, level: Level, title: &str, advice: &str, source: &str) -> Finding {
    Finding {
        rule_id: rule_id.to_string(),
        level,
        level_label: crate::vocab::Labelled::label(level, &crate::l10n::Locale::english()),
        title: title.to_string(),
        advice: advice.to_string(),
        source: source.to_string(),
    }
}

/// Totals as the store computes them (see [`Totals`]).
fn totals_of(rows: &[DayRow], drinks: u32) -> Totals {
    let with_intake: Vec<u32> = rows.iter().map(|r| r.intake_ml).filter(|&ml| ml > 0).collect();
    let total_ml: u32 = with_intake.iter().sum();
    let checkin_days = rows.iter().filter(|r| r.checked_in).count() as u32;
    let with_target: Vec<(u32, u32)> = rows.iter().filter_map(|r| r.target_ml.map(|t| (r.intake_ml, t))).collect();
    let on_target =
        with_target.iter().filter(|(ml, t)| u64::from(ml.abs_diff(*t)) * 10 <= u64::from(*t)).count() as u32;
    let days = rows.len() as u32;
    Totals {
        days,
        total_ml,
        drinks,
        days_with_intake: with_intake.len() as u32,
        mean_ml_on_intake_days: if with_intake.is_empty() {
            0
        } else {
            (f64::from(total_ml) / with_intake.len() as f64).round() as u32
        },
        max_day_ml: with_intake.iter().copied().max().unwrap_or(0),
        checkin_days,
        checkin_adherence_pct: if days == 0 {
            0
        } else {
            (f64::from(checkin_days) * 100.0 / f64::from(days)).round() as u32
        },
        days_on_target: on_target,
        days_with_target: with_target.len() as u32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::DecisionKind;

    #[test]
    fn sample_is_deterministic_and_consistent() {
        let a = sample_summary(90, &Locale::english());
        assert_eq!(a, sample_summary(90, &Locale::english()));
        assert_eq!(a.days.len(), 90);
        assert_eq!(a.from_date, "2026-01-05");
        assert_eq!(a.to_date, "2026-04-04");
        assert_eq!(a.totals.days, 90);
        assert_eq!(a.totals.total_ml, a.days.iter().map(|d| d.intake_ml).sum::<u32>());
        assert_eq!(a.totals.total_ml, a.kinds.iter().map(|k| k.ml).sum::<u32>());
        assert_eq!(a.totals.total_ml, a.sources.iter().map(|s| s.ml).sum::<u32>());
        assert_eq!(a.totals.drinks, a.kinds.iter().map(|k| k.drinks).sum::<u32>());
        assert_eq!(a.bristol_counts.len(), 7);
        assert_eq!(a.bristol_counts.iter().sum::<u32>(), a.days.iter().filter(|d| d.bristol.is_some()).count() as u32);
        assert_eq!(a.red_flags.len(), 1);
        assert!(a.plan_events.iter().any(|e| e.decision == DecisionKind::Pause));
        assert!(a.plan_events.iter().any(|e| e.decision == DecisionKind::Restart));
        assert!(!a.symptom_reports.is_empty());
        assert!(a.symptom_reports.iter().all(|r| r.severity > Severity::None));
        // Every symptom row agrees with the reports.
        for row in &a.symptoms {
            let worst = a.symptom_reports.iter().filter(|r| r.symptom == row.symptom).map(|r| r.severity).max();
            assert_eq!(Some(row.worst), worst);
        }
    }

    #[test]
    fn tiny_and_long_ranges() {
        let one = sample_summary(0, &Locale::english());
        assert_eq!(one.days.len(), 1);
        assert_eq!(one.from_date, one.to_date);
        assert!(one.red_flags.is_empty());
        let year = sample_summary(365, &Locale::english());
        assert_eq!(year.days.len(), 365);
        assert_eq!(year.to_date, "2027-01-04");
        assert!(year.totals.max_day_ml <= 225);
    }
}
