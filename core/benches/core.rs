//! Core benchmarks on a generated five-year history (see BENCHMARKS.md).
//!
//!     cargo bench -p kefir-core --bench core
//!
//! The history (~9 000 drinks, ~1 800 check-ins, 300 doses) is written once
//! per run through the real `Kefir` API into a temp file; cold opens copy that
//! file per iteration. Read paths are also timed against hand-written raw
//! rusqlite baselines (`common/raw.rs`) that compute the same answer; the
//! bench checks the answers are equal before timing them.
//!
//! `KEFIR_BENCH_QUICK=1` shortens every measurement (a smoke run, ~1 min).

mod common;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use common::raw;
use criterion::{criterion_group, BatchSize, Criterion};
use kefir_core::report::pdf::Paper;
use kefir_core::time::iso_date;
use kefir_core::{DrinkInput, Kefir, KefirKind, Source, Timestamp};

struct Data {
    _dir: tempfile::TempDir,
    history: PathBuf,
    v1: PathBuf,
    scratch: PathBuf,
}

fn data() -> &'static Data {
    static DATA: std::sync::OnceLock<Data> = std::sync::OnceLock::new();
    DATA.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir");
        let history = dir.path().join("history.db");
        let t = Instant::now();
        let n = common::generate(&history).expect("generate history");
        let size = std::fs::metadata(&history).map(|m| m.len()).unwrap_or(0);
        eprintln!(
            "history: {} days, {} drinks, {} check-ins, {} doses, {} reactions; {:.1} MiB; generated in {:.1} s",
            n.days,
            n.drinks,
            n.checkins,
            n.doses,
            n.reactions,
            size as f64 / 1048576.0,
            t.elapsed().as_secs_f64()
        );
        let v1 = dir.path().join("history-v1.db");
        common::write_v1_copy(&history, &v1).expect("v1 copy");
        let scratch = dir.path().join("scratch");
        std::fs::create_dir(&scratch).expect("scratch dir");
        Data { history, v1, scratch, _dir: dir }
    })
}

/// A fresh copy of `src` (main file only: the history is checkpointed).
fn copy_of(src: &Path) -> PathBuf {
    static N: AtomicU64 = AtomicU64::new(0);
    let dst = data().scratch.join(format!("copy-{}.db", N.fetch_add(1, Ordering::Relaxed)));
    std::fs::copy(src, &dst).expect("copy");
    dst
}

fn remove_db(p: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", p.display()));
    }
}

/// A working copy of the history, opened through the core.
fn working_copy() -> (Kefir, PathBuf) {
    let p = copy_of(&data().history);
    (Kefir::open(&p).expect("open copy"), p)
}

fn config() -> Criterion {
    let c = Criterion::default().configure_from_args();
    if std::env::var_os("KEFIR_BENCH_QUICK").is_some() {
        c.warm_up_time(Duration::from_millis(300)).measurement_time(Duration::from_secs(1)).sample_size(10)
    } else {
        c.warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(4))
    }
}

fn open(c: &mut Criterion) {
    let d = data();
    let mut g = c.benchmark_group("open");
    // Cold open of the latest schema: precheck, open, pragmas, integrity
    // check, migrations (none to run). The file is copied before each
    // iteration (not timed), so SQLite starts with an empty page cache; the
    // OS page cache is warm (the copy just wrote it).
    g.bench_function("open_migrate_cold", |b| {
        b.iter_batched(
            || copy_of(&d.history),
            |p| {
                let k = Kefir::open(&p).expect("open");
                (k, p)
            },
            BatchSize::PerIteration,
        )
    });
    // Same file in the v1 schema: open runs upgrade_2 and upgrade_3.
    g.bench_function("open_upgrade_v1_to_latest", |b| {
        b.iter_batched(
            || copy_of(&d.v1),
            |p| {
                let k = Kefir::open(&p).expect("open v1");
                (k, p)
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
    // Delete the copies (after timing).
    if let Ok(rd) = std::fs::read_dir(&d.scratch) {
        for e in rd.flatten() {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

fn writes(c: &mut Criterion) {
    let (k, path) = working_copy();
    let tz = common::TZ;
    let now = common::now();
    let base_id: i64 = k.store().conn().query_row("SELECT max(id) FROM drinks", [], |r| r.get(0)).expect("max id");
    let mut g = c.benchmark_group("write");
    // One drink per iteration, each on a different day of the last year
    // (so no day grows unrealistically); the rows a sample added are
    // deleted after it (not timed).
    g.bench_function("log_drink", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for i in 0..iters {
                let day = common::last_day() - chrono::Duration::days((i % 365) as i64);
                let at = common::local(day, 12, 34);
                let input = DrinkInput {
                    at,
                    ml: 30,
                    kind: KefirKind::MilkCow,
                    source: Source::Commercial,
                    note: None,
                    batch: None,
                };
                let t = Instant::now();
                let r = k.log_drink(&input, now, tz).expect("log");
                total += t.elapsed();
                std::hint::black_box(r);
            }
            k.store().conn().execute("DELETE FROM drinks WHERE id > ?1", [base_id]).expect("cleanup");
            total
        })
    });
    g.finish();
    drop(k);
    remove_db(&path);
}

fn reads(c: &mut Criterion) {
    let (k, path) = working_copy();
    let rawc = raw::open(&path);
    let tz = common::TZ;
    let zone = common::zone();
    let now = common::now();

    // The same answers, or the comparison means nothing.
    let today = k.today(now, tz).expect("today");
    assert_eq!(raw::TodayAnswer::of(&today), raw::today(&rawc, now, tz), "raw Today baseline differs");
    assert!(today.drinks.len() >= 3 && today.target_ml.is_some(), "{today:?}");
    let from90 = now.minus(chrono::Duration::days(89));
    let from365 = now.minus(chrono::Duration::days(364));
    assert_eq!(k.daily_totals(from90, now, tz).unwrap(), raw::daily_totals(&rawc, from90, now, &zone));
    assert_eq!(k.daily_totals(from365, now, tz).unwrap(), raw::daily_totals(&rawc, from365, now, &zone));
    assert_eq!(k.list_drinks(from90, now).unwrap(), raw::list_drinks(&rawc, from90, now));

    let mut g = c.benchmark_group("read");
    g.bench_function("today", |b| b.iter(|| k.today(now, tz).expect("today")));
    g.bench_function("today_raw_sqlite", |b| b.iter(|| raw::today(&rawc, now, tz)));
    // (The earlier what-if "today inside one read transaction" is gone: Kefir::today now holds one itself.)
    g.bench_function("daily_totals_90d", |b| b.iter(|| k.daily_totals(from90, now, tz).expect("totals")));
    g.bench_function("daily_totals_90d_raw_sqlite", |b| b.iter(|| raw::daily_totals(&rawc, from90, now, &zone)));
    g.bench_function("daily_totals_365d", |b| b.iter(|| k.daily_totals(from365, now, tz).expect("totals")));
    g.bench_function("daily_totals_365d_raw_sqlite", |b| b.iter(|| raw::daily_totals(&rawc, from365, now, &zone)));
    g.bench_function("list_drinks_90d", |b| b.iter(|| k.list_drinks(from90, now).expect("list")));
    g.bench_function("list_drinks_90d_raw_sqlite", |b| b.iter(|| raw::list_drinks(&rawc, from90, now)));
    g.bench_function("upcoming_notifications_16", |b| {
        b.iter(|| k.upcoming_notifications(now, tz, 16).expect("upcoming"))
    });
    g.finish();

    // Deciding one day: `today()` on a new day. The day's stored decision is
    // deleted before each iteration (not timed), so every call decides it.
    let next = common::last_day() + chrono::Duration::days(1);
    let morning = common::local(next, 7, 0);
    let mut g = c.benchmark_group("plan");
    g.bench_function("today_deciding_one_day", |b| {
        b.iter_batched(
            || {
                k.store().conn().execute("DELETE FROM plan_days WHERE day = ?1", [iso_date(next)]).expect("undecide");
            },
            |()| k.today(morning, tz).expect("today"),
            BatchSize::PerIteration,
        )
    });
    g.finish();
    k.store().conn().execute("DELETE FROM plan_days WHERE day = ?1", [iso_date(next)]).expect("undecide");
    drop(rawc);
    drop(k);
    remove_db(&path);
}

/// `today()` with the clock 1, 10 or 100 years ahead of the history's last
/// day (issue 13: bounded catch-up). Before each iteration (not timed) the
/// days decided by the previous one are removed and the plan's status is put
/// back, so every call does the whole catch-up: decide up to the absence
/// pause (D4, 7 days without check-in or drink) and stop there.
fn far_clock(c: &mut Criterion) {
    let (k, path) = working_copy();
    let tz = common::TZ;
    let last = common::last_day();
    let conn = k.store().conn();
    let status: String =
        conn.query_row("SELECT status FROM plans ORDER BY id DESC LIMIT 1", [], |r| r.get(0)).expect("plan");
    let reset = || {
        conn.execute("DELETE FROM plan_days WHERE day > ?1", [iso_date(last)]).expect("undecide");
        conn.execute("DELETE FROM plan_events WHERE day > ?1", [iso_date(last)]).expect("events");
        conn.execute("UPDATE plans SET status = ?1 WHERE id = (SELECT max(id) FROM plans)", [&status]).expect("status");
    };
    let rows = || -> i64 { conn.query_row("SELECT count(*) FROM plan_days", [], |r| r.get(0)).expect("count") };
    let mut g = c.benchmark_group("plan");
    for years in [1i64, 10, 100] {
        let now = common::local(last + chrono::Duration::days(365 * years), 9, 0);
        reset();
        let before = rows();
        let t = k.today(now, tz).expect("today");
        eprintln!(
            "today {years} years ahead: wrote {} plan days; {:?} {:?}",
            rows() - before,
            t.decision.map(|d| d.kind),
            t.target_ml
        );
        g.bench_function(format!("today_clock_ahead_{years}y"), |b| {
            b.iter_batched(reset, |()| k.today(now, tz).expect("today"), BatchSize::PerIteration)
        });
    }
    g.finish();
    reset();
    drop(k);
    remove_db(&path);
}

fn reports(c: &mut Criterion) {
    let (k, path) = working_copy();
    let tz = common::TZ;
    let now = common::now();
    let last = common::last_day();
    let (to, from90, from365) =
        (iso_date(last), iso_date(last - chrono::Duration::days(89)), iso_date(last - chrono::Duration::days(364)));
    let out = data().scratch.join("out");
    std::fs::create_dir_all(&out).expect("out dir");
    let pdf = out.join("summary.pdf");
    let fhir = out.join("bundle.json");
    let backup = out.join("backup.json");
    // Sizes, for the notes.
    k.write_pdf(&from90, &to, Paper::A4, &pdf, now, tz).expect("pdf");
    k.write_fhir(&from365, &to, &fhir, now, tz).expect("fhir");
    k.write_backup(&backup, None, now).expect("backup");
    for p in [&pdf, &fhir, &backup] {
        eprintln!("{}: {} KiB", p.display(), std::fs::metadata(p).map(|m| m.len() / 1024).unwrap_or(0));
    }

    let mut g = c.benchmark_group("report");
    g.sample_size(20);
    g.bench_function("summary_90d", |b| b.iter(|| k.summary(&from90, &to, now, tz).expect("summary")));
    g.bench_function("pdf_90d_in_memory", |b| {
        b.iter(|| {
            let s = k.summary(&from90, &to, now, tz).expect("summary");
            kefir_core::report::pdf::render(&s, Paper::A4, &kefir_core::l10n::Locale::english()).expect("render")
        })
    });
    // Five years (the longest summary), summary + render.
    let from5y = iso_date(last - chrono::Duration::days(5 * 365 - 1));
    g.bench_function("pdf_5y_in_memory", |b| {
        b.iter(|| {
            let s = k.summary(&from5y, &to, now, tz).expect("summary");
            kefir_core::report::pdf::render(&s, Paper::A4, &kefir_core::l10n::Locale::english()).expect("render")
        })
    });
    // Names and notes in four scripts with Debian's Noto fonts as fallbacks
    // (shaping, bidi, subsetting a 19 MB CJK collection); skipped without them.
    let noto = [
        "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
        "/usr/share/fonts/truetype/noto/NotoSansHebrew-Regular.ttf",
        "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    ];
    if let Ok(fonts) = noto.iter().map(std::fs::read).collect::<std::io::Result<Vec<Vec<u8>>>>() {
        let mut s = k.summary(&from90, &to, now, tz).expect("summary");
        s.display_name = Some("Nguyễn Thị Hoa · שרה · 王芳 · سارة".into());
        g.bench_function("pdf_90d_render_any_script_noto", |b| {
            b.iter(|| {
                kefir_core::report::pdf::render_with_fonts(&s, Paper::A4, &fonts, &kefir_core::l10n::Locale::english())
                    .expect("render")
            })
        });
    }
    g.bench_function("write_pdf_90d", |b| b.iter(|| k.write_pdf(&from90, &to, Paper::A4, &pdf, now, tz).expect("pdf")));
    g.bench_function("write_fhir_365d", |b| b.iter(|| k.write_fhir(&from365, &to, &fhir, now, tz).expect("fhir")));
    g.bench_function("fhir_365d_in_memory", |b| {
        b.iter(|| {
            let s = k.summary(&from365, &to, now, tz).expect("summary");
            kefir_core::report::fhir::to_string(&s, &kefir_core::l10n::Locale::english()).expect("fhir")
        })
    });
    g.bench_function("export_backup_in_memory", |b| b.iter(|| k.export_backup(now).expect("export")));
    g.bench_function("write_backup_full", |b| b.iter(|| k.write_backup(&backup, None, now).expect("backup")));
    g.finish();
    drop(k);
    remove_db(&path);
}

/// Encrypted backups (issue 17): the five-year backup (about 2.7 MiB of
/// JSON) encrypted and decrypted at the export work factor (2^17: 128 MiB
/// for scrypt), and the key derivation alone at the import maximum (2^18,
/// what `age -p` writes) on a tiny file.
fn encrypted_backups(c: &mut Criterion) {
    use kefir_core::backup::MAX_BACKUP_BYTES;
    use kefir_core::backup_crypt::{decrypt, encrypt, encrypt_with_work_factor, MAX_WORK_FACTOR};
    const PASS: &str = "seven tired otters sing kefir songs";
    let (k, path) = working_copy();
    let plain = k.export_backup(common::now()).expect("export");
    let sealed = encrypt(plain.as_bytes(), PASS).expect("encrypt");
    eprintln!("backup: {} bytes plain, {} bytes encrypted", plain.len(), sealed.len());
    let tiny18 = encrypt_with_work_factor(b"{}", PASS, MAX_WORK_FACTOR).expect("encrypt");
    let mut g = c.benchmark_group("backup_crypt");
    g.sample_size(10);
    g.bench_function("encrypt_backup_full_2p17", |b| b.iter(|| encrypt(plain.as_bytes(), PASS).expect("encrypt")));
    g.bench_function("decrypt_backup_full_2p17", |b| {
        b.iter(|| decrypt(&sealed, PASS, MAX_BACKUP_BYTES).expect("decrypt"))
    });
    g.bench_function("decrypt_tiny_2p18", |b| b.iter(|| decrypt(&tiny18, PASS, MAX_BACKUP_BYTES).expect("decrypt")));
    g.finish();
    drop(k);
    remove_db(&path);
}

/// The scripted database of the FFI cost tests (tests/kotlin/FfiCostTest.kt,
/// tests/swift/FfiCostTests.swift, bindings/tests/ffi_cost.rs), for the
/// criterion number of the direct call on the same data.
fn ffi_script(c: &mut Criterion) {
    let p = data().scratch.join("ffi-script.db");
    remove_db(&p);
    let k = Kefir::open(&p).expect("open");
    let (now, tz) = ffi_cost_script(&k);
    let mut g = c.benchmark_group("ffi_script");
    g.bench_function("today_direct_rust", |b| b.iter(|| k.today(now, tz).expect("today")));
    g.finish();
    drop(k);
    remove_db(&p);
}

/// Mirror of `buildRealisticDb` in tests/kotlin/FfiCostTest.kt,
/// tests/swift/FfiCostTests.swift and bindings/tests/ffi_cost.rs: 120 days
/// from 2025-01-01, 5 drinks a day, a check-in every evening, an antibiotic
/// every 8 h on days 100..=109; "now" = day 119 at 17:00 UTC.
fn ffi_cost_script(k: &Kefir) -> (Timestamp, &'static str) {
    use kefir_core::{CheckinInput, DoseInput, MedClass, PlanSettings, Profile, Severity, Symptom, SymptomEntry};
    let tz = "Europe/Berlin";
    let t0 = Timestamp::parse_rfc3339("2025-01-01T00:00:00Z").unwrap();
    let at = |d: i64, h: i64, m: i64| t0.plus(chrono::Duration::minutes(d * 1440 + h * 60 + m));
    k.save_profile(&Profile { medicines: vec![MedClass::Antibiotic], ..Profile::default() }, at(0, 5, 0)).unwrap();
    k.start_plan(&PlanSettings::default(), at(0, 5, 0), tz).unwrap();
    for d in 0..120i64 {
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
                k.log_dose(&input, at(d, h, 0), tz).unwrap();
            }
        }
        k.today(at(d, 5, 30), tz).unwrap();
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
            k.log_drink(&input, t, tz).unwrap();
        }
        if d < 119 {
            let symptoms = if d % 10 == 3 {
                vec![SymptomEntry { symptom: Symptom::Gas, severity: Severity::Mild }]
            } else {
                vec![]
            };
            let day = iso_date(at(d, 12, 0).utc().date_naive());
            k.save_checkin(&CheckinInput { day, symptoms, bristol: Some(4), note: None }, at(d, 20, 0), tz).unwrap();
        }
    }
    (at(119, 17, 0), tz)
}

criterion_group! {
    name = benches;
    config = config();
    targets = open, writes, reads, far_clock, reports, encrypted_backups, ffi_script
}

fn main() {
    let started = std::time::SystemTime::now();
    benches();
    Criterion::default().configure_from_args().final_summary();
    summary::print(started);
}

/// After the run: one table with every benchmark measured by this run, the
/// core/raw ratios and the targets of BENCHMARKS.md.
mod summary {
    use std::path::PathBuf;
    use std::time::SystemTime;

    /// (id, target in µs, what the target is about)
    const TARGETS: &[(&str, f64, &str)] = &[
        ("read/today", 1000.0, "Today <= 1 ms"),
        ("write/log_drink", 100.0, "log <= 100 us"),
        ("open/open_migrate_cold", 10_000.0, "cold open <= 10 ms"),
        ("report/write_pdf_90d", 50_000.0, "90-day PDF <= 50 ms"),
        ("report/pdf_90d_in_memory", 50_000.0, "90-day PDF <= 50 ms"),
        ("plan/today_clock_ahead_1y", 10_000.0, "clock 1 year ahead <= 10 ms"),
        ("plan/today_clock_ahead_10y", 10_000.0, "clock 10 years ahead <= 10 ms"),
        ("plan/today_clock_ahead_100y", 10_000.0, "clock 100 years ahead <= 10 ms"),
    ];
    /// (core, raw baseline, target ratio)
    const RATIOS: &[(&str, &str, Option<f64>)] = &[
        ("read/today", "read/today_raw_sqlite", Some(1.5)),
        ("read/daily_totals_90d", "read/daily_totals_90d_raw_sqlite", None),
        ("read/daily_totals_365d", "read/daily_totals_365d_raw_sqlite", None),
        ("read/list_drinks_90d", "read/list_drinks_90d_raw_sqlite", None),
    ];

    fn criterion_dir() -> PathBuf {
        if let Some(h) = std::env::var_os("CRITERION_HOME") {
            return PathBuf::from(h);
        }
        if let Some(t) = std::env::var_os("CARGO_TARGET_DIR") {
            return PathBuf::from(t).join("criterion");
        }
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/criterion")
    }

    /// Mean in µs of a benchmark measured since `since`.
    fn mean_us(id: &str, since: SystemTime) -> Option<f64> {
        let p = criterion_dir().join(id).join("new/estimates.json");
        let fresh = std::fs::metadata(&p).and_then(|m| m.modified()).is_ok_and(|t| t >= since);
        if !fresh {
            return None;
        }
        let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&p).ok()?).ok()?;
        Some(v["mean"]["point_estimate"].as_f64()? / 1000.0)
    }

    fn ids(since: SystemTime) -> Vec<String> {
        let mut out = Vec::new();
        let Ok(groups) = std::fs::read_dir(criterion_dir()) else { return out };
        for g in groups.flatten().filter(|g| g.path().is_dir()) {
            let Ok(benches) = std::fs::read_dir(g.path()) else { continue };
            for b in benches.flatten() {
                let id = format!("{}/{}", g.file_name().to_string_lossy(), b.file_name().to_string_lossy());
                if mean_us(&id, since).is_some() {
                    out.push(id);
                }
            }
        }
        out.sort();
        out
    }

    fn show(us: f64) -> String {
        if us >= 1000.0 {
            format!("{:.2} ms", us / 1000.0)
        } else {
            format!("{us:.1} µs")
        }
    }

    pub fn print(since: SystemTime) {
        let ids = ids(since);
        if ids.is_empty() {
            return;
        }
        println!("\n| benchmark | mean | target |\n|---|---:|---|");
        for id in &ids {
            let us = mean_us(id, since).unwrap_or(f64::NAN);
            let target = TARGETS
                .iter()
                .find(|t| t.0 == id)
                .map(|t| format!("{} {}", t.2, if us <= t.1 { "MET" } else { "MISSED" }))
                .unwrap_or_default();
            println!("| {id} | {} | {target} |", show(us));
        }
        println!("\n| core call | raw SQLite baseline | ratio | target |\n|---|---|---:|---|");
        for (core, raw, want) in RATIOS {
            if let (Some(c), Some(r)) = (mean_us(core, since), mean_us(raw, since)) {
                let ratio = c / r;
                let target = want
                    .map(|w| format!("<= {w}x {}", if ratio <= w { "MET" } else { "MISSED" }))
                    .unwrap_or_else(|| "(reported)".into());
                println!("| {core} {} | {} | {ratio:.2}x | {target} |", show(c), show(r));
            }
        }
    }
}
