//! Simulation: a synthetic person followed through N days of the real app
//! (the same `Kefir` calls the phones make, with a simulated clock). Pure in
//! the sense that matters: deterministic for the same inputs, no I/O beyond
//! the database it is given. The `kefir demo` main job and the plan's
//! property tests use it.

use chrono::{Duration, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::app::Kefir;
use crate::checkin::{CheckinInput, ReactionInput, Severity, Symptom, SymptomEntry};
use crate::error::Result;
use crate::intake::{DrinkInput, KefirKind, Source};
use crate::meds::DoseInput;
use crate::plan::{DecisionKind, PlanSettings};
use crate::profile::{MedClass, Profile};
use crate::rules::Level;
use crate::time::{iso_date, Timestamp, Zone};

/// Deterministic random numbers (SplitMix64): no dependency, same stream everywhere.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Symptoms on given days (0-based), on top of the random model.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScriptedDay {
    pub day: u32,
    pub symptoms: Vec<SymptomEntry>,
    /// Report it at once ("report a reaction now") instead of in the evening check-in.
    pub as_reaction: bool,
}

/// How the synthetic person's body responds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SymptomModel {
    /// Chance per day of mild digestive symptoms, per 100 ml drunk.
    pub mild_per_100ml: f64,
    /// Chance per day of a moderate digestive symptom, per 100 ml drunk.
    pub moderate_per_100ml: f64,
    pub scripted: Vec<ScriptedDay>,
}

impl SymptomModel {
    pub fn none() -> Self {
        SymptomModel { mild_per_100ml: 0.0, moderate_per_100ml: 0.0, scripted: Vec::new() }
    }
}

/// A course of a medicine: doses at the given local times on days `first..=last`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MedicineCourse {
    pub medicine: MedClass,
    pub first_day: u32,
    pub last_day: u32,
    pub times: Vec<NaiveTime>,
    pub interval_hours: u32,
    /// The name logged with each dose (e.g. "Amoxicillin").
    #[serde(default)]
    pub name: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Simulation {
    pub profile: Profile,
    pub time_zone: String,
    /// Local date of day 0 (the plan starts that morning).
    pub first_day: NaiveDate,
    pub days: u32,
    pub plan: PlanSettings,
    pub symptoms: SymptomModel,
    /// Chance per day of drinking the day's target.
    pub adherence: f64,
    /// Chance per day of doing the evening check-in.
    pub checkin_rate: f64,
    pub kind: KefirKind,
    pub source: Source,
    /// Local time of the daily drink (D5: morning or after a meal).
    pub drink_time: NaiveTime,
    /// Drink time on medicine days (to keep out of the spacing window).
    pub drink_time_on_medicine: NaiveTime,
    pub medicines: Vec<MedicineCourse>,
    /// Restart this many days after a stop, once a clean check-in followed.
    pub restart_after_days: Option<u32>,
    pub clinician_cleared: bool,
    pub seed: u64,
}

impl Simulation {
    /// A plain adult with no symptoms who always drinks and checks in.
    pub fn symptom_free(first_day: NaiveDate, days: u32, time_zone: &str) -> Self {
        Simulation {
            profile: Profile::default(),
            time_zone: time_zone.to_string(),
            first_day,
            days,
            plan: PlanSettings::default(),
            symptoms: SymptomModel::none(),
            adherence: 1.0,
            checkin_rate: 1.0,
            kind: KefirKind::MilkCow,
            source: Source::Commercial,
            drink_time: NaiveTime::from_hms_opt(8, 30, 0).expect("valid"),
            drink_time_on_medicine: NaiveTime::from_hms_opt(13, 0, 0).expect("valid"),
            medicines: Vec::new(),
            restart_after_days: None,
            clinician_cleared: false,
            seed: 1,
        }
    }
}

/// What happened on one simulated day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SimDay {
    pub day: u32,
    pub date: String,
    pub decision: Option<DecisionKind>,
    pub target_ml: u32,
    pub drunk_ml: u32,
    pub checked_in: bool,
    /// Worst level of the day's reports.
    pub level: Level,
    pub rule_ids: Vec<String>,
}

/// Run the simulation against a fresh in-memory database.
pub fn simulate(sim: &Simulation) -> Result<Vec<SimDay>> {
    simulate_into(&Kefir::open_in_memory()?, sim)
}

/// Run the simulation against the given app (e.g. the demo's database file).
pub fn simulate_into(app: &Kefir, sim: &Simulation) -> Result<Vec<SimDay>> {
    let zone = Zone::parse(&sim.time_zone)?;
    let tz = sim.time_zone.as_str();
    let mut rng = Rng::new(sim.seed);
    let at = |day: NaiveDate, h: u32, m: u32| zone.resolve_local(day.and_hms_opt(h, m, 0).expect("valid time"));
    let at_time = |day: NaiveDate, t: NaiveTime| zone.resolve_local(day.and_time(t));
    let first_morning = at(sim.first_day, 7, 0);
    app.save_profile(&sim.profile, first_morning)?;
    if sim.clinician_cleared && app.screening()?.needs_clinician {
        app.acknowledge_clinician(Some("Simulated go-ahead".into()), first_morning)?;
    }
    app.start_plan(&sim.plan, first_morning, tz)?;
    let mut out = Vec::with_capacity(sim.days as usize);
    let mut stopped_on: Option<u32> = None;
    for d in 0..sim.days {
        let date = sim.first_day + Duration::days(d as i64);
        let on_medicine: Vec<&MedicineCourse> =
            sim.medicines.iter().filter(|m| (m.first_day..=m.last_day).contains(&d)).collect();
        // Medicine doses first (as they happen), then the morning view.
        for course in &on_medicine {
            for (i, t) in course.times.iter().enumerate() {
                let when = at_time(date, *t);
                // The course's last dose foresees no next one.
                let last = d == course.last_day && i + 1 == course.times.len();
                let interval_hours = (!last).then_some(course.interval_hours);
                app.log_dose(
                    &DoseInput {
                        medicine: course.medicine,
                        at: when,
                        interval_hours,
                        note: None,
                        name: course.name.clone(),
                    },
                    when,
                    tz,
                )?;
            }
        }
        let morning = at(date, 7, 0);
        if let (Some(s), Some(after)) = (stopped_on, sim.restart_after_days) {
            let view = app.plan_view(morning, tz)?;
            let needs_clinician =
                view.blocked_rule_ids.iter().any(|id| crate::plan::CLINICIAN_RESTART_RULES.contains(&id.as_str()));
            if d >= s + after && sim.clinician_cleared && needs_clinician {
                // NotAllowed: an earlier go-ahead already covers the reaction.
                match app.acknowledge_clinician(Some("Simulated go-ahead after the reaction".into()), morning) {
                    Err(crate::error::CoreError::NotAllowed { .. }) => {}
                    r => {
                        r?;
                    }
                }
            }
            if d >= s + after && app.plan_view(morning, tz)?.can_restart {
                app.restart_plan(morning, tz)?;
                stopped_on = None;
            }
        }
        let view = app.plan_view(morning, tz)?;
        let consult_paused = view.plan.as_ref().is_some_and(|p| p.status == crate::plan::PlanStatus::Paused)
            && !view.can_resume
            && crate::plan::consult_pause(app.store().conn())?.is_some();
        if consult_paused && sim.clinician_cleared {
            // A consult-level finding paused the plan: the clinician's go-ahead lets it resume.
            app.acknowledge_clinician(Some("Simulated go-ahead after the finding".into()), morning)?;
        }
        if app.plan_view(morning, tz)?.can_resume {
            app.resume_plan(morning, tz)?;
        }
        let today = app.today(morning, tz)?;
        let target = today.target_ml.unwrap_or(0);
        let mut drunk = 0;
        if target > 0 && rng.unit() < sim.adherence {
            let t = if on_medicine.is_empty() { sim.drink_time } else { sim.drink_time_on_medicine };
            let when = at_time(date, t);
            app.log_drink(
                &DrinkInput { at: when, ml: target, kind: sim.kind, source: sim.source, note: None, batch: None },
                when,
                tz,
            )?;
            drunk = target;
        }
        // Symptoms: scripted ones, else drawn from the dose-dependent model.
        let mut level = Level::Info;
        let mut rule_ids = Vec::new();
        let scripted = sim.symptoms.scripted.iter().find(|s| s.day == d);
        let mut evening_symptoms: Vec<SymptomEntry> = Vec::new();
        if let Some(s) = scripted {
            if s.as_reaction && s.symptoms.iter().any(|e| e.severity > Severity::None) {
                let when = at(date, 11, 0);
                let r = app.report_reaction(
                    &ReactionInput { at: when, symptoms: s.symptoms.clone(), note: None },
                    when,
                    tz,
                )?;
                level = level.max(r.assessment.level);
                rule_ids.extend(r.reaction.rule_ids);
            } else {
                evening_symptoms = s.symptoms.clone();
            }
        } else {
            let scale = drunk as f64 / 100.0;
            let roll = rng.unit();
            if roll < sim.symptoms.moderate_per_100ml * scale {
                evening_symptoms.push(SymptomEntry { symptom: Symptom::Bloating, severity: Severity::Moderate });
            } else if roll < (sim.symptoms.moderate_per_100ml + sim.symptoms.mild_per_100ml) * scale {
                evening_symptoms.push(SymptomEntry { symptom: Symptom::Gas, severity: Severity::Mild });
            }
        }
        let checked_in = rng.unit() < sim.checkin_rate || !evening_symptoms.is_empty();
        if checked_in {
            let when = at(date, 20, 0);
            let input = CheckinInput {
                day: iso_date(date),
                symptoms: evening_symptoms,
                bristol: Some(if level >= Level::Caution { 6 } else { 4 }),
                note: None,
            };
            let r = app.save_checkin(&input, when, tz)?;
            level = level.max(r.assessment.level);
            rule_ids.extend(r.checkin.rule_ids);
        }
        let end_of_day = app.today(at(date, 21, 0), tz)?;
        let decision = end_of_day.decision.as_ref().map(|x| x.kind);
        if decision == Some(DecisionKind::Stop) && stopped_on.is_none() {
            stopped_on = Some(d);
        }
        crate::sort::sort(&mut rule_ids);
        rule_ids.dedup();
        out.push(SimDay {
            day: d,
            date: iso_date(date),
            decision,
            target_ml: end_of_day.target_ml.unwrap_or(0),
            drunk_ml: drunk,
            checked_in,
            level,
            rule_ids,
        });
    }
    Ok(out)
}

/// The demo's four weeks: mild bloating early on (hold), a moderate day
/// (step back), a short antibiotic course with kefir moved to lunchtime (M1),
/// then the target. Deterministic.
pub fn demo_simulation(first_day: NaiveDate, time_zone: &str) -> Simulation {
    let mild = |symptom| SymptomEntry { symptom, severity: Severity::Mild };
    Simulation {
        profile: Profile {
            display_name: Some("Demo person".into()),
            conditions: vec![crate::profile::Condition::LactoseIntolerance],
            ..Profile::default()
        },
        symptoms: SymptomModel {
            mild_per_100ml: 0.0,
            moderate_per_100ml: 0.0,
            scripted: vec![
                ScriptedDay { day: 4, symptoms: vec![mild(Symptom::Bloating), mild(Symptom::Gas)], as_reaction: false },
                ScriptedDay {
                    day: 8,
                    symptoms: vec![SymptomEntry { symptom: Symptom::Bloating, severity: Severity::Moderate }],
                    as_reaction: false,
                },
                ScriptedDay { day: 9, symptoms: vec![mild(Symptom::Gas)], as_reaction: false },
            ],
        },
        medicines: vec![MedicineCourse {
            medicine: MedClass::Antibiotic,
            first_day: 14,
            last_day: 18,
            times: vec![
                NaiveTime::from_hms_opt(8, 0, 0).expect("valid"),
                NaiveTime::from_hms_opt(20, 0, 0).expect("valid"),
            ],
            interval_hours: 12,
            name: Some("Amoxicillin".into()),
        }],
        seed: 2026,
        ..Simulation::symptom_free(first_day, 28, time_zone)
    }
}

/// Fresh timestamps for callers that want "now" at the end of a simulation.
pub fn end_of(sim: &Simulation) -> Result<Timestamp> {
    let zone = Zone::parse(&sim.time_zone)?;
    let last = sim.first_day + Duration::days(sim.days.saturating_sub(1) as i64);
    Ok(zone.resolve_local(last.and_hms_opt(21, 30, 0).expect("valid time")))
}
