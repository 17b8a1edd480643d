//! The benchmark data set: a deterministic five-year history written through
//! the real core API (the same `Kefir` calls the phones make, with a
//! simulated clock), and the hand-written raw-SQLite baselines the core's
//! read paths are compared with.
//!
//! Shape of the history (seed 2026, Europe/Berlin, 2021-06-01..=2026-05-31):
//! ~5 drinks a day (≈ 9 000), an evening check-in on ~98.6 % of days
//! (≈ 1 800), 10 antibiotic courses of 10 days × 3 doses (300 doses), a dozen
//! mild reaction reports, one plan started on day one and decided every day.

#![allow(dead_code)]

pub mod raw;

use std::path::Path;

use chrono::{Duration, NaiveDate, NaiveTime};
use kefir_core::simulate::Rng;
use kefir_core::time::Zone;
use kefir_core::{
    CheckinInput, DecisionKind, DoseInput, DrinkInput, Kefir, KefirKind, MedClass, PlanSettings, Profile,
    ReactionInput, Severity, Source, Symptom, SymptomEntry, Timestamp,
};

pub const TZ: &str = "Europe/Berlin";
pub const DAYS: u32 = 1826;

pub fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 6, 1).expect("valid date")
}

pub fn last_day() -> NaiveDate {
    first_day() + Duration::days(DAYS as i64 - 1)
}

pub fn zone() -> Zone {
    Zone::parse(TZ).expect("zone")
}

pub fn local(day: NaiveDate, h: u32, m: u32) -> Timestamp {
    zone().resolve_local(day.and_time(NaiveTime::from_hms_opt(h, m, 0).expect("valid time")))
}

/// "Now" for the read benchmarks: the last day at 18:00 (its plan day is
/// decided, four of five drinks are logged, the check-in is not done yet).
pub fn now() -> Timestamp {
    local(last_day(), 18, 0)
}

#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub drinks: u64,
    pub checkins: u64,
    pub doses: u64,
    pub reactions: u64,
    pub days: u64,
}

/// Medicine-course days: 10 courses of 10 days, spread over the five years.
fn on_medicine(d: u32) -> bool {
    (0..10).any(|i| {
        let start = 80 + i * 172;
        (start..start + 10).contains(&d)
    })
}

/// Write the history into a fresh database at `path`. Deterministic.
pub fn generate(path: &Path) -> kefir_core::Result<Counts> {
    let app = Kefir::open(path)?;
    let mut rng = Rng::new(2026);
    let mut n = Counts::default();
    let profile = Profile {
        display_name: Some("Bench person".into()),
        medicines: vec![MedClass::Antibiotic],
        ..Profile::default()
    };
    let day0 = first_day();
    app.save_profile(&profile, local(day0, 6, 30))?;
    app.start_plan(&PlanSettings::default(), local(day0, 6, 30), TZ)?;
    for d in 0..DAYS {
        let date = day0 + Duration::days(d as i64);
        let med = on_medicine(d);
        if med {
            // Antibiotic every 8 h: 07:00, 15:00, 23:00 (the course's last dose foresees none).
            for (i, h) in [7u32, 15, 23].into_iter().enumerate() {
                let at = local(date, h, 0);
                let last = !on_medicine(d + 1) && i == 2;
                app.log_dose(
                    &DoseInput {
                        medicine: MedClass::Antibiotic,
                        at,
                        interval_hours: (!last).then_some(8),
                        note: None,
                        name: None,
                    },
                    at,
                    TZ,
                )?;
                n.doses += 1;
            }
        }
        // The morning view decides the day.
        let morning = local(date, 6, 45);
        let today = app.today(morning, TZ)?;
        if matches!(today.decision.as_ref().map(|x| x.kind), Some(DecisionKind::Pause | DecisionKind::Paused)) {
            app.resume_plan(morning, TZ)?;
        }
        let target = app.today(morning, TZ)?.target_ml.unwrap_or(0).max(50);
        if rng.unit() >= 0.014 {
            // Five drinks, inside the antibiotic's allowed windows on medicine days.
            let times: [(u32, u32); 5] = if med {
                [(10, 15), (10, 45), (11, 30), (18, 20), (19, 10)]
            } else {
                [(7, 30), (10, 0), (13, 0), (16, 0), (19, 30)]
            };
            for (i, (h, m)) in times.into_iter().enumerate() {
                let at = local(date, h, m + (rng.next_u64() % 10) as u32);
                let note = (rng.unit() < 0.1).then(|| format!("glass {i}, felt fine"));
                let kind = if rng.unit() < 0.8 { KefirKind::MilkCow } else { KefirKind::MilkGoat };
                app.log_drink(
                    &DrinkInput { at, ml: (target / 5).max(5), kind, source: Source::Commercial, note, batch: None },
                    at,
                    TZ,
                )?;
                n.drinks += 1;
            }
        }
        if d % 150 == 75 {
            let at = local(date, 14, 0);
            app.report_reaction(
                &ReactionInput {
                    at,
                    symptoms: vec![SymptomEntry { symptom: Symptom::Nausea, severity: Severity::Mild }],
                    note: None,
                },
                at,
                TZ,
            )?;
            n.reactions += 1;
        }
        if rng.unit() < 0.986 {
            let roll = rng.unit();
            let symptoms = if roll < 0.02 {
                vec![SymptomEntry { symptom: Symptom::Bloating, severity: Severity::Moderate }]
            } else if roll < 0.10 {
                vec![SymptomEntry { symptom: Symptom::Gas, severity: Severity::Mild }]
            } else {
                vec![]
            };
            let input = CheckinInput { day: kefir_core::time::iso_date(date), symptoms, bristol: Some(4), note: None };
            app.save_checkin(&input, local(date, 21, 0), TZ)?;
            n.checkins += 1;
        }
        n.days += 1;
    }
    // The last day: the check-in is not done yet and the evening drink is
    // still to come (`now()` is 18:00), so drop what the loop wrote after it.
    let c = app.store().conn();
    c.execute("DELETE FROM drinks WHERE at_ms > ?1", [now().millis()]).map_err(kefir_core::CoreError::from)?;
    c.execute("DELETE FROM checkins WHERE day = ?1", [kefir_core::time::iso_date(last_day())])
        .map_err(kefir_core::CoreError::from)?;
    c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").map_err(kefir_core::CoreError::from)?;
    let count = |t: &str| -> kefir_core::Result<u64> {
        let n: i64 = c.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))?;
        Ok(n as u64)
    };
    n.drinks = count("drinks")?;
    n.checkins = count("checkins")?;
    drop(app);
    Ok(n)
}

/// The v1 schema (the intake log only) with the same ~9 000 drinks, to time
/// a real upgrade v1 → latest on open.
pub fn write_v1_copy(history: &Path, v1: &Path) -> rusqlite::Result<()> {
    let c = rusqlite::Connection::open(v1)?;
    c.execute_batch(kefir_core::store::SCHEMA_SNAPSHOTS[0])?;
    c.execute_batch(&format!("ATTACH DATABASE '{}' AS h", history.display()))?;
    c.execute_batch(
        "INSERT INTO drinks (id, at_ms, ml, kind, source, note, created_ms, deleted_ms) \
         SELECT id, at_ms, ml, kind, source, note, created_ms, deleted_ms FROM h.drinks; \
         DETACH DATABASE h; PRAGMA user_version = 1;",
    )?;
    Ok(())
}
