//! Backup and restore round trips, refusals that change nothing, and
//! "delete everything" leaving no trace in the file.

use chrono::NaiveDate;
use kefir_core::simulate::{demo_simulation, simulate_into, ScriptedDay, Simulation, SymptomModel};
use kefir_core::*;
use proptest::prelude::*;

fn ts(s: &str) -> Timestamp {
    Timestamp::parse_rfc3339(s).unwrap()
}
const NOW: &str = "2026-12-31T12:00:00Z";

fn demo_app() -> Kefir {
    let app = Kefir::open_in_memory().unwrap();
    let sim = demo_simulation(NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(), "Europe/Madrid");
    simulate_into(&app, &sim).unwrap();
    app
}

#[test]
fn export_import_export_is_identical() {
    let app = demo_app();
    let first = app.export_backup(ts(NOW)).unwrap();
    assert!(first.contains("\"format\": \"kefir-backup\""));
    let fresh = Kefir::open_in_memory().unwrap();
    let summary = fresh.import_backup(first.as_bytes(), ImportMode::IntoEmpty, false, ts(NOW)).unwrap();
    assert_eq!(summary.drinks as usize, app.list_drinks(ts("2000-01-01T00:00:00Z"), ts(NOW)).unwrap().len());
    assert_eq!(summary.plans, 1);
    assert_eq!(fresh.export_backup(ts(NOW)).unwrap(), first);
    // The imported app works the same: same Today.
    let now = ts("2026-11-28T18:00:00Z");
    assert_eq!(fresh.today(now, "Europe/Madrid").unwrap(), app.today(now, "Europe/Madrid").unwrap());
}

#[test]
fn refusals_change_nothing() {
    let app = demo_app();
    let before = app.export_backup(ts(NOW)).unwrap();
    let target = Kefir::open_in_memory().unwrap();
    target
        .log_drink(
            &DrinkInput {
                at: ts("2026-12-01T08:00:00Z"),
                ml: 80,
                kind: KefirKind::Water,
                source: Source::Commercial,
                note: Some("mine".into()),
                batch: None,
            },
            ts(NOW),
            "UTC",
        )
        .unwrap();
    let target_before = target.export_backup(ts(NOW)).unwrap();

    let newer = before.replacen("\"version\": 3", "\"version\": 99", 1);
    assert!(matches!(
        target.import_backup(newer.as_bytes(), ImportMode::Replace, true, ts(NOW)),
        Err(CoreError::NewerBackup { found: 99, .. })
    ));
    let camel = before.replacen("\"kind\": \"milk_cow\"", "\"kind\": \"milk_camel\"", 1);
    assert!(
        matches!(target.import_backup(camel.as_bytes(), ImportMode::Replace, true, ts(NOW)), Err(CoreError::BadBackupField { field, reason }) if field.starts_with("drinks[") && field.ends_with("].kind") && reason.contains("milk_camel"))
    );
    let truncated = &before.as_bytes()[..before.len() / 2];
    assert!(matches!(
        target.import_backup(truncated, ImportMode::Replace, true, ts(NOW)),
        Err(CoreError::BadBackup(_))
    ));
    assert!(matches!(
        target.import_backup(b"{\"resourceType\":\"Bundle\"}", ImportMode::Replace, true, ts(NOW)),
        Err(CoreError::BadBackup(_))
    ));
    assert!(matches!(
        target.import_backup(b"\x89PNG\r\n", ImportMode::Replace, true, ts(NOW)),
        Err(CoreError::BadBackup(_))
    ));
    let too_much = before.replacen("\"ml\": 50", "\"ml\": 5000", 1);
    assert!(matches!(
        target.import_backup(too_much.as_bytes(), ImportMode::Replace, true, ts(NOW)),
        Err(CoreError::BadBackup(_))
    ));
    let bad_rule = before.replacen("\"D1\"", "\"Z9\"", 1);
    assert!(
        matches!(target.import_backup(bad_rule.as_bytes(), ImportMode::Replace, true, ts(NOW)), Err(CoreError::BadBackupField { field, reason }) if field.contains(".rule_ids") && reason.contains("Z9"))
    );
    let extra_field = before.replacen("\"drinks\": [", "\"surprise\": 1, \"drinks\": [", 1);
    assert!(matches!(
        target.import_backup(extra_field.as_bytes(), ImportMode::Replace, true, ts(NOW)),
        Err(CoreError::BadBackupField { field, .. }) if field == "surprise"
    ));
    // Into a database with data: refused. Replace without confirmation: asks.
    assert!(matches!(
        target.import_backup(before.as_bytes(), ImportMode::IntoEmpty, true, ts(NOW)),
        Err(CoreError::NotAllowed { .. })
    ));
    assert!(matches!(
        target.import_backup(before.as_bytes(), ImportMode::Replace, false, ts(NOW)),
        Err(CoreError::ConfirmationRequired(_))
    ));
    assert_eq!(target.export_backup(ts(NOW)).unwrap(), target_before);
    // With confirmation it replaces everything.
    target.import_backup(before.as_bytes(), ImportMode::Replace, true, ts(NOW)).unwrap();
    assert_eq!(target.export_backup(ts(NOW)).unwrap(), before);
}

#[test]
fn backup_files_round_trip_through_disk() {
    let dir = tempfile::tempdir().unwrap();
    let app = demo_app();
    let path = dir.path().join("kefir-backup.json");
    app.write_backup(&path, None, ts(NOW)).unwrap();
    let other = Kefir::open(&dir.path().join("restored.db")).unwrap();
    other.import_backup_file(&path, None, ImportMode::IntoEmpty, false, ts(NOW)).unwrap();
    assert_eq!(other.export_backup(ts(NOW)).unwrap(), app.export_backup(ts(NOW)).unwrap());
    assert!(matches!(
        other.import_backup_file(&dir.path().join("missing.json"), None, ImportMode::Replace, true, ts(NOW)),
        Err(CoreError::BadBackup(m)) if m.contains("missing.json") && m.contains("does not exist")
    ));
}

#[test]
fn wipe_leaves_no_trace_of_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let secret = "SECRET-NOTE-7f3a9c-about-my-gut";
    let app = Kefir::open(&db).unwrap();
    for i in 0..50 {
        let input = DrinkInput {
            at: ts("2026-12-01T08:00:00Z"),
            ml: 50 + i,
            kind: KefirKind::MilkCow,
            source: Source::Commercial,
            note: Some(format!("{secret} {i}")),
            batch: None,
        };
        app.log_drink(&input, ts(NOW), "UTC").unwrap();
    }
    let read_all = || {
        let mut bytes = std::fs::read(&db).unwrap();
        for ext in ["-wal", "-shm"] {
            if let Ok(b) = std::fs::read(format!("{}{ext}", db.display())) {
                bytes.extend(b);
            }
        }
        bytes
    };
    let contains = |hay: &[u8]| hay.windows(secret.len()).any(|w| w == secret.as_bytes());
    assert!(contains(&read_all()), "the note is on disk before the wipe");
    assert!(matches!(app.wipe_everything(false), Err(CoreError::ConfirmationRequired(_))));
    assert!(contains(&read_all()));
    app.wipe_everything(true).unwrap();
    assert!(!contains(&read_all()), "no trace of the note after the wipe");
    assert!(app.list_drinks(ts("2000-01-01T00:00:00Z"), ts(NOW)).unwrap().is_empty());
    // The app still works after the wipe.
    drop(app);
    let app = Kefir::open(&db).unwrap();
    assert_eq!(app.profile_history().unwrap().len(), 0);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, ..ProptestConfig::default() })]

    #[test]
    fn round_trip_of_random_histories(seed in any::<u64>(), days in 5u32..40, mild in 0.0f64..0.5, moderate in 0.0f64..0.2,
                                      reaction_day in proptest::option::of(0u32..40)) {
        let app = Kefir::open_in_memory().unwrap();
        let mut sim = Simulation::symptom_free(NaiveDate::from_ymd_opt(2026, 3, 20).unwrap(), days, "Australia/Lord_Howe");
        sim.seed = seed;
        sim.adherence = 0.8;
        sim.checkin_rate = 0.7;
        sim.restart_after_days = Some(3);
        sim.symptoms = SymptomModel {
            mild_per_100ml: mild,
            moderate_per_100ml: moderate,
            scripted: reaction_day
                .map(|d| vec![ScriptedDay { day: d, symptoms: vec![SymptomEntry { symptom: Symptom::Hives, severity: Severity::Mild }], as_reaction: true }])
                .unwrap_or_default(),
        };
        simulate_into(&app, &sim).unwrap();
        let a = app.export_backup(ts(NOW)).unwrap();
        let b = Kefir::open_in_memory().unwrap();
        b.import_backup(a.as_bytes(), ImportMode::IntoEmpty, false, ts(NOW)).unwrap();
        prop_assert_eq!(b.export_backup(ts(NOW)).unwrap(), a);
    }
}

/// Issue 12, item 5: nothing dated after the import. A backup whose
/// `exported_at` is later than the import's `now` (a crafted file, or this
/// device's clock set back) is refused with the field named, and nothing
/// is stored; within `time::MAX_FUTURE` (10 minutes, the allowance a
/// drink logged ahead of the clock gets) of `exported_at`, or after it, it
/// imports.
#[test]
fn a_backup_made_after_the_import_time_is_refused() {
    let app = demo_app();
    let json = app.export_backup(ts(NOW)).unwrap();
    let fresh = Kefir::open_in_memory().unwrap();
    let before = ts("2026-12-31T11:49:59Z");
    match fresh.import_backup(json.as_bytes(), ImportMode::IntoEmpty, false, before) {
        Err(CoreError::BadBackupField { field, reason }) => {
            assert_eq!(field, "exported_at");
            assert!(reason.contains("clock"), "{reason}");
        }
        other => panic!("expected a refusal naming exported_at, got {other:?}"),
    }
    assert!(fresh.list_drinks(ts("2000-01-01T00:00:00Z"), ts(NOW)).unwrap().is_empty(), "nothing stored");
    fresh.import_backup(json.as_bytes(), ImportMode::IntoEmpty, false, ts("2026-12-31T11:50:00Z")).unwrap();
}

/// Finding 4 (issue 17, private by default): a database the app creates is
/// readable by its owner only (0600 whatever the umask), and so are the
/// -wal/-shm files SQLite creates beside it (they take the main file's
/// mode). An existing file keeps the mode its owner gave it.
#[test]
fn a_new_database_is_private_and_an_existing_one_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let dir = tempfile::tempdir().unwrap();
    let drink = |app: &Kefir| {
        let input = DrinkInput {
            at: ts("2026-12-01T08:00:00Z"),
            ml: 80,
            kind: KefirKind::Water,
            source: Source::Commercial,
            note: Some("private".into()),
            batch: None,
        };
        app.log_drink(&input, ts(NOW), "UTC").unwrap();
    };
    let new = dir.path().join("new.db");
    {
        let app = Kefir::open(&new).unwrap();
        assert_eq!(mode(&new), 0o600);
        drink(&app);
        let wal = dir.path().join("new.db-wal");
        assert!(wal.exists(), "the diary runs in WAL mode");
        assert_eq!(mode(&wal), 0o600);
        let shm = dir.path().join("new.db-shm");
        if shm.exists() {
            assert_eq!(mode(&shm), 0o600);
        }
    }
    // An existing diary and an existing empty file: their modes are the owner's.
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    for (p, m) in [(&new, 0o644), (&empty, 0o640)] {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap();
        let app = Kefir::open(p).unwrap();
        drink(&app);
        drop(app);
        assert_eq!(mode(p), m, "{}", p.display());
    }
}
