//! Shared helpers for the facade's quality tests: a seeded database written
//! through `KefirApp`, and a snapshot of every table for "nothing changed".

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use kefir_core::{
    CheckinInput, DoseInput, DrinkInput, KefirKind, MedClass, PlanSettings, Profile, ReactionInput, Severity, Source,
    Symptom, SymptomEntry, Timestamp,
};
use kefir_ffi::KefirApp;

pub const TZ: &str = "Europe/Berlin";

pub fn ts(s: &str) -> Timestamp {
    Timestamp::parse_rfc3339(s).unwrap_or_else(|| panic!("bad test time {s}"))
}

/// "Now" of the seeded database: Tuesday 2026-03-10, 13:00 in Berlin.
pub fn now() -> Timestamp {
    ts("2026-03-10T12:00:00Z")
}

pub fn hours_before(t: Timestamp, h: i64) -> Timestamp {
    t.minus(chrono::Duration::hours(h))
}

pub fn drink(at: Timestamp, ml: u32) -> DrinkInput {
    DrinkInput { at, ml, kind: KefirKind::MilkCow, source: Source::Commercial, note: None, batch: None }
}

/// Ids the seeded database contains.
#[derive(Clone, Debug)]
pub struct Seeded {
    /// A live drink.
    pub drink_id: i64,
    /// A drink deleted (undo-able).
    pub deleted_id: i64,
}

/// Three weeks of use through the facade: profile with an antibiotic, a
/// plan, two drinks a day, daily check-ins, a dose, a mild reaction, and a
/// deleted drink.
pub fn seed(app: &KefirApp) -> Seeded {
    let now = now();
    let start = hours_before(now, 20 * 24 + 6);
    app.save_profile(
        Profile { display_name: Some("Seed".into()), medicines: vec![MedClass::Antibiotic], ..Profile::default() },
        start,
        "en".into(),
    )
    .expect("profile");
    app.start_plan(PlanSettings::default(), start, TZ.into(), "en".into()).expect("plan");
    let mut last = 0;
    for d in (0..=20i64).rev() {
        let morning = hours_before(now, d * 24 + 5);
        app.today(morning, TZ.into(), "en".into()).expect("today");
        for h in [4, 1] {
            let at = hours_before(now, d * 24 + h);
            last = app.log_drink(drink(at, 25), at, TZ.into(), "en".into()).expect("drink").drink.id;
        }
        if d > 0 {
            let evening = hours_before(now, d * 24 - 8);
            let day = evening.local_date(&kefir_core::Zone::parse(TZ).unwrap());
            let input =
                CheckinInput { day: kefir_core::time::iso_date(day), symptoms: vec![], bristol: Some(4), note: None };
            app.save_checkin(input, evening, TZ.into(), "en".into()).expect("checkin");
        }
    }
    let dose_at = hours_before(now, 50);
    app.log_dose(
        DoseInput {
            medicine: MedClass::Antibiotic,
            at: dose_at,
            interval_hours: None,
            note: Some("course".into()),
            name: None,
        },
        dose_at,
        TZ.into(),
        "en".into(),
    )
    .expect("dose");
    let r_at = hours_before(now, 26);
    app.report_reaction(
        ReactionInput {
            at: r_at,
            symptoms: vec![SymptomEntry { symptom: Symptom::Gas, severity: Severity::Mild }],
            note: None,
        },
        r_at,
        TZ.into(),
        "en".into(),
    )
    .expect("reaction");
    let gone =
        app.log_drink(drink(hours_before(now, 2), 10), hours_before(now, 2), TZ.into(), "en".into()).expect("drink");
    app.delete_drink(gone.drink.id, now).expect("delete");
    // The reaction above (reported with a clock a day back) arrived after
    // today's decision was made, so that decision was dropped to be decided
    // again with it (plan::invalidate_after): open Today once at `now`, as
    // the user would, so the seeded file has every plan day decided.
    app.today(now, TZ.into(), "en".into()).expect("today");
    Seeded { drink_id: last, deleted_id: gone.drink.id }
}

/// Every row of every table (and the schema version), as text.
pub fn dump_conn(c: &rusqlite::Connection) -> Vec<String> {
    let mut out = Vec::new();
    let v: i64 = c.query_row("PRAGMA user_version", [], |r| r.get(0)).expect("user_version");
    out.push(format!("user_version {v}"));
    let tables: Vec<String> = c
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .expect("tables")
        .query_map([], |r| r.get(0))
        .expect("tables")
        .map(|r| r.expect("table"))
        .collect();
    for t in tables {
        let mut st = c.prepare(&format!("SELECT * FROM \"{t}\"")).expect("select");
        let n = st.column_count();
        let mut rows: Vec<String> = st
            .query_map([], |r| {
                let mut cells = Vec::with_capacity(n);
                for i in 0..n {
                    cells.push(format!("{:?}", r.get_ref(i)?));
                }
                Ok(format!("{t}: {}", cells.join(" | ")))
            })
            .expect("rows")
            .map(|r| r.expect("row"))
            .collect();
        rows.sort();
        out.extend(rows);
    }
    out
}

/// Snapshot through the app's own connection.
pub fn dump(app: &KefirApp) -> Vec<String> {
    app.with_core(|k| dump_conn(k.store().conn()))
}

/// A seeded database file, made once per test binary and copied per use.
pub fn seeded_copy(dir: &Path, name: &str) -> (PathBuf, Seeded) {
    static TEMPLATE: std::sync::OnceLock<(tempfile::TempDir, PathBuf, Seeded)> = std::sync::OnceLock::new();
    let (_d, template, seeded) = TEMPLATE.get_or_init(|| {
        let d = tempfile::tempdir().expect("tempdir");
        let p = d.path().join("seed.db");
        {
            let app = KefirApp::new(p.display().to_string()).expect("open seed");
            let s = seed(&app);
            app.with_core(|k| k.store().conn().execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")).expect("ckpt");
            drop(app);
            (d, p, s)
        }
    });
    let dst = dir.join(name);
    std::fs::copy(template, &dst).expect("copy seed");
    (dst, seeded.clone())
}

pub fn open(path: &Path) -> Arc<KefirApp> {
    KefirApp::new(path.display().to_string()).expect("open")
}

/// Names in a directory, sorted.
pub fn listing(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .expect("read_dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into())
        .collect();
    v.sort();
    v
}

/// Deterministic pseudo-random numbers (xorshift64*), seedable from the env.
pub struct Rng(pub u64);

impl Rng {
    pub fn from_env(var: &str) -> (Rng, u64) {
        let seed = std::env::var(var).ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(1)
        });
        (Rng(seed.max(1)), seed)
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}
