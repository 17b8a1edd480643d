//! FFI cost, the Rust side: the same scripted database and the same N Today
//! calls as tests/kotlin/FfiCostTest.kt and tests/swift/FfiCostTests.swift,
//! called directly on `KefirApp` (no FFI). Prints the mean; asserts only
//! sanity, never a timing. For the numbers in BENCHMARKS.md run it against
//! the release profile, like the foreign tests' release library:
//!
//!     cargo test --release -p kefir-ffi --test ffi_cost -- --nocapture

mod common;

use std::time::Instant;

use kefir_core::{
    CheckinInput, DoseInput, DrinkInput, KefirKind, MedClass, PlanSettings, Profile, Severity, Source, Symptom,
    SymptomEntry, Timestamp,
};
use kefir_ffi::KefirApp;

const TZ: &str = "Europe/Berlin";
const CALLS: u32 = 1000;
const WARMUP: u32 = 1000;

/// Day `d` of the script at `h`:`m` UTC.
fn at(d: i64, h: i64, m: i64) -> Timestamp {
    common::ts("2025-01-01T00:00:00Z").plus(chrono::Duration::minutes(d * 1440 + h * 60 + m))
}

/// The scripted database (identical in FfiCostTest.kt, FfiCostTests.swift and
/// the `ffi_script` group of core/benches/core.rs).
fn build_realistic_db(app: &KefirApp) -> Timestamp {
    let profile = Profile { medicines: vec![MedClass::Antibiotic], ..Profile::default() };
    app.save_profile(profile, at(0, 5, 0), "en".into()).unwrap();
    app.start_plan(PlanSettings::default(), at(0, 5, 0), TZ.into(), "en".into()).unwrap();
    for d in 0..120 {
        let med = (100..110).contains(&d);
        if med {
            for h in [6, 14, 22] {
                // The course's last dose foresees no next one.
                let interval_hours = (d != 109 || h != 22).then_some(8);
                let input = DoseInput {
                    medicine: MedClass::Antibiotic,
                    at: at(d, h, 0),
                    interval_hours,
                    note: None,
                    name: None,
                };
                app.log_dose(input, at(d, h, 0), TZ.into(), "en".into()).unwrap();
            }
        }
        app.today(at(d, 5, 30), TZ.into(), "en".into()).unwrap();
        let times: [(i64, i64); 5] = if med {
            [(9, 15), (9, 45), (10, 30), (17, 20), (18, 10)]
        } else {
            [(6, 30), (9, 0), (12, 0), (15, 0), (18, 30)]
        };
        for (i, (h, m)) in times.into_iter().enumerate() {
            if d == 119 && h >= 17 {
                continue;
            }
            let t = at(d, h, m);
            let note = (i == 0).then(|| format!("day {d}"));
            let input =
                DrinkInput { at: t, ml: 30, kind: KefirKind::MilkCow, source: Source::Commercial, note, batch: None };
            app.log_drink(input, t, TZ.into(), "en".into()).unwrap();
        }
        if d < 119 {
            let symptoms = if d % 10 == 3 {
                vec![SymptomEntry { symptom: Symptom::Gas, severity: Severity::Mild }]
            } else {
                vec![]
            };
            let day = kefir_core::time::iso_date(at(d, 12, 0).utc().date_naive());
            app.save_checkin(
                CheckinInput { day, symptoms, bristol: Some(4), note: None },
                at(d, 20, 0),
                TZ.into(),
                "en".into(),
            )
            .unwrap();
        }
    }
    at(119, 17, 0)
}

#[test]
fn today_call_cost_direct_rust() {
    let dir = tempfile::tempdir().unwrap();
    let app = KefirApp::new(dir.path().join("kefir.db").display().to_string()).unwrap();
    let now = build_realistic_db(&app);
    let first = app.today(now, TZ.into(), "en".into()).unwrap();
    assert!(first.target_ml.is_some_and(|t| t > 0), "the plan should be running: {}", first.headline);
    assert_eq!(first.drinks.len(), 4);
    for _ in 0..WARMUP {
        app.today(now, TZ.into(), "en".into()).unwrap();
    }
    let mut same = true;
    let start = Instant::now();
    for _ in 0..CALLS {
        let t = app.today(now, TZ.into(), "en".into()).unwrap();
        same &= t.target_ml == first.target_ml && t.date == first.date && t.drinks == first.drinks;
    }
    let mean_us = start.elapsed().as_secs_f64() * 1e6 / CALLS as f64;
    let profile = if cfg!(debug_assertions) { "debug" } else { "release" };
    println!(
        "ffi-cost: rust KefirApp::today ({profile}) mean {mean_us:.1} us over {CALLS} calls (date {}, target {:?} ml, {} drinks)",
        first.date,
        first.target_ml,
        first.drinks.len()
    );
    assert!(same, "today() returned a different day, target or drinks between calls");
    // A call with a tiny result (no spacing window is open): the fixed cost of a call.
    for _ in 0..WARMUP {
        app.spacing(now, TZ.into(), "en".into()).unwrap();
    }
    let mut empty = true;
    let start = Instant::now();
    for _ in 0..CALLS {
        empty &= app.spacing(now, TZ.into(), "en".into()).unwrap().is_empty();
    }
    let small_us = start.elapsed().as_secs_f64() * 1e6 / CALLS as f64;
    println!("ffi-cost: rust KefirApp::spacing ({profile}) (empty result) mean {small_us:.1} us over {CALLS} calls");
    assert!(empty, "spacing() should be empty 10 days after the last dose");
}
