//! Concurrency: 8 threads share one `Arc<KefirApp>` for 10 seconds, mixing
//! writes (drinks, deletions and undos, check-ins, doses) with Today, Plan
//! and list calls. No call may fail (in particular no "database is locked"
//! may reach a caller), and afterwards every acknowledged write is stored
//! exactly once with the acknowledged content.
//!
//! `KEFIR_CONCURRENCY_SECS` changes the duration.

mod common;

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::*;
use kefir_core::{CheckinInput, DoseInput, MedClass, PlanSettings, Profile, Severity, Symptom, SymptomEntry};
use kefir_ffi::{KefirApp, KefirError};

const THREADS: u64 = 8;

#[derive(Default)]
struct Log {
    /// Drinks that must exist: id → (ml, note).
    live: HashMap<i64, (u32, String)>,
    doses: Vec<i64>,
    calls: u64,
}

#[test]
fn eight_threads_share_one_app_without_losing_anything() {
    let secs: u64 = std::env::var("KEFIR_CONCURRENCY_SECS").ok().and_then(|s| s.parse().ok()).unwrap_or(10);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kefir.db");
    let app: Arc<KefirApp> = KefirApp::new(path.display().to_string()).unwrap();
    let now = now();
    let start = now.minus(chrono::Duration::days(30));
    app.save_profile(Profile { medicines: vec![MedClass::Antibiotic], ..Profile::default() }, start, "en".into())
        .unwrap();
    app.start_plan(PlanSettings::default(), start, TZ.into(), "en".into()).unwrap();

    let stop = Arc::new(AtomicBool::new(false));
    let errors: Arc<Mutex<Vec<String>>> = Arc::default();
    let seq = Arc::new(AtomicU64::new(0));
    let (_, seed) = Rng::from_env("KEFIR_CONCURRENCY_SEED");
    let handles: Vec<_> = (0..THREADS)
        .map(|t| {
            let (app, stop, errors, seq) = (app.clone(), stop.clone(), errors.clone(), seq.clone());
            std::thread::spawn(move || {
                let mut rng = Rng(seed.wrapping_add(t * 0x9E37_79B9).max(1));
                let mut log = Log::default();
                let fail = |what: &str, e: KefirError| errors.lock().unwrap().push(format!("thread {t} {what}: {e:?}"));
                while !stop.load(Ordering::Relaxed) {
                    log.calls += 1;
                    let n = seq.fetch_add(1, Ordering::Relaxed);
                    // Spread over the last 30 days, so the days stay realistic.
                    let at = now.minus(chrono::Duration::minutes(rng.below(30 * 24 * 60) as i64));
                    match rng.below(100) {
                        0..=39 => {
                            let ml = 1 + rng.below(400) as u32;
                            let note = format!("t{t} n{n}");
                            let mut d = drink(at, ml);
                            d.note = Some(note.clone());
                            match app.log_drink(d, now, TZ.into(), "en".into()) {
                                Ok(r) => {
                                    log.live.insert(r.drink.id, (ml, note));
                                }
                                Err(e) => fail("log_drink", e),
                            }
                        }
                        40..=44 => {
                            // Delete one of this thread's drinks, sometimes undo it.
                            if let Some(&id) = log.live.keys().nth(rng.below(log.live.len().max(1) as u64) as usize) {
                                match app.delete_drink(id, now) {
                                    Ok(()) => {
                                        let kept = log.live.remove(&id).unwrap();
                                        // Only the latest deletion (of any thread) can be undone.
                                        match app.undo_delete_drink(id) {
                                            Ok(d) => {
                                                assert_eq!((d.ml, d.note.clone().unwrap()), kept);
                                                log.live.insert(id, kept);
                                            }
                                            Err(KefirError::NotFound { .. }) => {}
                                            Err(e) => fail("undo_delete_drink", e),
                                        }
                                    }
                                    Err(e) => fail("delete_drink", e),
                                }
                            }
                        }
                        45..=49 => {
                            let day = kefir_core::time::iso_date(now.local_date(&kefir_core::Zone::parse(TZ).unwrap()));
                            let sev = if rng.below(2) == 0 { Severity::None } else { Severity::Mild };
                            let input = CheckinInput {
                                day,
                                symptoms: vec![SymptomEntry { symptom: Symptom::Gas, severity: sev }],
                                bristol: Some(4),
                                note: Some(format!("t{t} n{n}")),
                            };
                            if let Err(e) = app.save_checkin(input, now, TZ.into(), "en".into()) {
                                fail("save_checkin", e)
                            }
                        }
                        50..=52 => {
                            let input = DoseInput {
                                medicine: MedClass::Antibiotic,
                                at,
                                interval_hours: Some(8),
                                note: None,
                                name: None,
                            };
                            match app.log_dose(input, now, TZ.into(), "en".into()) {
                                Ok(d) => log.doses.push(d.dose.id),
                                Err(e) => fail("log_dose", e),
                            }
                        }
                        53..=89 => {
                            // Today, some days back too (decides any undecided day).
                            let when = now.minus(chrono::Duration::hours(rng.below(48) as i64));
                            match app.today(when, TZ.into(), "en".into()) {
                                Ok(today) => assert_eq!(today.drunk_ml, today.drinks.iter().map(|d| d.ml).sum::<u32>()),
                                Err(e) => fail("today", e),
                            }
                        }
                        90..=94 => {
                            if let Err(e) = app.plan_view(now, TZ.into(), "en".into()) {
                                fail("plan_view", e)
                            }
                        }
                        _ => {
                            if let Err(e) = app.daily_totals(start, now, TZ.into()) {
                                fail("daily_totals", e)
                            }
                        }
                    }
                }
                log
            })
        })
        .collect();
    let started = Instant::now();
    std::thread::sleep(Duration::from_secs(secs));
    stop.store(true, Ordering::Relaxed);
    let logs: Vec<Log> = handles.into_iter().map(|h| h.join().expect("a thread panicked")).collect();
    let elapsed = started.elapsed();

    let errors = errors.lock().unwrap();
    assert!(errors.is_empty(), "{} calls failed, first: {:#?}", errors.len(), &errors[..errors.len().min(5)]);

    // Every acknowledged drink, exactly once, as acknowledged; nothing else.
    let mut want: HashMap<i64, (u32, String)> = HashMap::new();
    for l in &logs {
        for (id, v) in &l.live {
            assert!(want.insert(*id, v.clone()).is_none(), "drink id {id} given to two threads");
        }
    }
    let stored = app.list_drinks(ts("2000-01-01T00:00:00Z"), now.plus(chrono::Duration::days(1))).unwrap();
    let got: HashMap<i64, (u32, String)> =
        stored.iter().map(|d| (d.id, (d.ml, d.note.clone().unwrap_or_default()))).collect();
    assert_eq!(got.len(), stored.len(), "a drink listed twice");
    assert_eq!(got, want, "stored drinks differ from the acknowledged ones");
    let doses: usize = logs.iter().map(|l| l.doses.len()).sum();
    let stored_doses =
        app.with_core(|k| k.store().conn().query_row("SELECT count(*) FROM med_doses", [], |r| r.get::<_, i64>(0)));
    assert_eq!(stored_doses.unwrap() as usize, doses);
    let calls: u64 = logs.iter().map(|l| l.calls).sum();
    println!(
        "concurrency: {THREADS} threads, {calls} calls in {:.1} s, {} drinks and {doses} doses all present, no errors",
        elapsed.as_secs_f64(),
        want.len()
    );
    assert!(calls > THREADS * 10, "only {calls} calls ran");
}

/// Two `KefirApp`s on the same file (e.g. an iOS widget extension or an
/// Android service in its own process next to the app): write transactions
/// start DEFERRED (`Connection::unchecked_transaction`), so a read that
/// becomes a write after the other connection committed fails at once with
/// SQLITE_BUSY ("database is locked") instead of waiting for the busy
/// timeout. Found by this suite; see BENCHMARKS.md "Findings".
#[test]
fn two_apps_on_one_file_never_see_database_is_locked() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = seeded_copy(dir.path(), "kefir.db");
    let (a, b) = (open(&path), open(&path));
    let stop = Arc::new(AtomicBool::new(false));
    let errors: Arc<Mutex<Vec<String>>> = Arc::default();
    let handles: Vec<_> = (0..THREADS)
        .map(|t| {
            let app = if t % 2 == 0 { a.clone() } else { b.clone() };
            let (stop, errors) = (stop.clone(), errors.clone());
            std::thread::spawn(move || {
                let mut n = 0i64;
                while !stop.load(Ordering::Relaxed) {
                    n += 1;
                    let r = if n % 2 == 0 {
                        app.log_drink(drink(now(), 10), now(), TZ.into(), "en".into()).map(|_| ())
                    } else {
                        // Each call on a new day decides it (read, then write).
                        app.today(now().plus(chrono::Duration::days(n / 2)), TZ.into(), "en".into()).map(|_| ())
                    };
                    if let Err(e) = r {
                        errors.lock().unwrap().push(format!("thread {t}: {e}"));
                    }
                }
            })
        })
        .collect();
    std::thread::sleep(Duration::from_secs(5));
    stop.store(true, Ordering::Relaxed);
    for h in handles {
        h.join().unwrap();
    }
    let errors = errors.lock().unwrap();
    assert!(errors.is_empty(), "{} calls failed: {:?}", errors.len(), &errors[..errors.len().min(5)]);
}
