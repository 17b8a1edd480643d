//! The `kefir` binary end to end: the "done when" checks and the demo.

use std::path::Path;
use std::process::{Command, Output};

fn kefir(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kefir"))
        .args(args)
        .env("KEFIR_TZ", "Europe/London")
        .env_remove("KEFIR_DB")
        .env_remove("KEFIR_NOW")
        .output()
        .expect("kefir runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn log_zero_is_refused_then_120_water_shows_in_today() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let db = db.to_str().unwrap();
    let o = kefir(&["--db", db, "log", "0"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "one clear line: {err}");
    assert!(err.contains("ml") && err.contains("1-1000"), "{err}");
    let o = kefir(&["--db", db, "--json", "list", "--from", "2000-01-01"]);
    assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "[]", "nothing stored");
    assert!(kefir(&["--db", db, "log", "120", "--kind", "water"]).status.success());
    let o = kefir(&["--db", db, "today", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["drunk_ml"], 120);
    assert_eq!(v["drinks"][0]["kind"], "water");
}

fn assert_refused_untouched(path: &Path) {
    let before = std::fs::read(path).unwrap();
    let o = kefir(&["--db", path.to_str().unwrap(), "today"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("cannot read database"), "{}", stderr(&o));
    assert_eq!(std::fs::read(path).unwrap(), before, "file unchanged");
    let siblings: Vec<_> = std::fs::read_dir(path.parent().unwrap()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(siblings.len(), 1, "no -wal/-shm created: {siblings:?}");
}

#[test]
fn text_files_and_truncated_databases_are_refused_and_left_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes").join("notes.txt");
    std::fs::create_dir_all(text.parent().unwrap()).unwrap();
    std::fs::write(&text, "my kefir notes\n".repeat(300)).unwrap();
    assert_refused_untouched(&text);

    // A real database with some data, cut in half.
    let good = dir.path().join("good.db");
    for ml in 1..=60 {
        let at = format!("2026-11-{:02} 08:00", 1 + ml % 25);
        let note = "x".repeat(300);
        let args = ["--db", good.to_str().unwrap(), "log", &ml.to_string(), "--at", &at, "--note", &note];
        assert!(kefir(&args).status.success());
    }
    // Fold the WAL into the file, as a closed app would leave it.
    let c = rusqlite::Connection::open(&good).unwrap();
    c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;").unwrap();
    drop(c);
    let bytes = std::fs::read(&good).unwrap();
    let cut = dir.path().join("cut").join("cut.db");
    std::fs::create_dir_all(cut.parent().unwrap()).unwrap();
    std::fs::write(&cut, &bytes[..bytes.len() / 2 + 100]).unwrap();
    assert_refused_untouched(&cut);
}

#[test]
fn demo_writes_a_database_a_pdf_and_a_fhir_bundle() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("demo");
    let o = kefir(&["demo", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("step_back") && text.contains("advance"), "{text}");
    assert!(text.contains("Doctor summary"));
    let pdf = std::fs::read(out.join("kefir-summary.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let fhir: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("kefir-summary.fhir.json")).unwrap()).unwrap();
    assert_eq!(fhir["resourceType"], "Bundle");
    // Running it again replaces its own files and gives the same story.
    let again = kefir(&["demo", "--out", out.to_str().unwrap()]);
    assert!(again.status.success());
    let strip = |s: &str| s.lines().filter(|l| !l.contains("generated")).map(str::to_string).collect::<Vec<_>>();
    assert_eq!(strip(&String::from_utf8_lossy(&again.stdout)), strip(&text));
}

// --- issue 13: the "Seen" sequences, as a user types them -------------------------------

/// `kefir --db DB --tz UTC --now NOW ARGS...`: (exit code, stdout, stderr).
fn k(db: &str, now: &str, args: &[&str]) -> (Option<i32>, String, String) {
    let mut all = vec!["--db", db, "--tz", "UTC", "--now", now];
    all.extend_from_slice(args);
    let o = kefir(&all);
    (o.status.code(), String::from_utf8_lossy(&o.stdout).into_owned(), stderr(&o))
}

fn fresh_db(dir: &tempfile::TempDir) -> String {
    dir.path().join("x.db").to_str().unwrap().to_string()
}

#[test]
fn clock_jump_then_emergency_ends_stopped_and_restart_needs_a_clinician() {
    let dir = tempfile::tempdir().unwrap();
    let db = fresh_db(&dir);
    assert_eq!(k(&db, "2026-11-10T08:00:00Z", &["plan", "start"]).0, Some(0));
    assert_eq!(k(&db, "2026-12-31T08:00:00Z", &["today"]).0, Some(0));
    let (code, out, err) = k(&db, "2026-11-12T09:00:00Z", &["react", "--symptom", "lip_face_tongue_swelling=moderate"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("S5"), "{out}");
    let (_, out, _) = k(&db, "2026-11-13T09:00:00Z", &["today"]);
    assert!(out.contains("Stopped") && !out.contains("Today: 50 ml"), "{out}");
    assert!(out.contains("clinician"), "the stop screen says so: {out}");
    // One clean check-in is not enough after S5.
    assert_eq!(k(&db, "2026-11-13T20:00:00Z", &["checkin"]).0, Some(0));
    let (code, _, err) = k(&db, "2026-11-14T08:00:00Z", &["plan", "restart"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("clinician") && err.contains("S5"), "{err}");
    assert_eq!(k(&db, "2026-11-14T08:00:00Z", &["profile", "ack", "--note", "Allergist agreed"]).0, Some(0));
    let (code, out, err) = k(&db, "2026-11-14T08:05:00Z", &["plan", "restart"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("restart"), "{out}");
}

#[test]
fn profile_change_to_consult_pauses_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let db = fresh_db(&dir);
    let now = "2026-11-10T08:00:00Z";
    k(&db, now, &["plan", "start"]);
    let (code, _, err) =
        k(&db, now, &["profile", "set", "--age", "infant_under_12_months", "--condition", "milk_protein_allergy"]);
    assert_eq!(code, Some(0), "{err}");
    let (_, out, _) = k(&db, now, &["today"]);
    assert!(out.contains("Paused") && out.contains("P7"), "{out}");
}

#[test]
fn medicines_after_drinks_immunosuppressant_and_mao_cap() {
    let dir = tempfile::tempdir().unwrap();
    let db = fresh_db(&dir);
    k(&db, "2026-11-10T06:00:00Z", &["profile", "set", "--medicine", "fluoroquinolone_or_tetracycline"]);
    assert_eq!(k(&db, "2026-11-10T07:00:00Z", &["log", "100"]).0, Some(0));
    let (code, out, err) = k(&db, "2026-11-10T08:00:00Z", &["med", "log", "fluoroquinolone_or_tetracycline"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("[M3]") && out.contains("07:00") && out.contains("100 ml"), "{out}");
    let (_, out, _) = k(&db, "2026-11-10T09:00:00Z", &["today"]);
    assert!(out.contains("M3"), "Today shows it: {out}");

    let dir = tempfile::tempdir().unwrap();
    let db = fresh_db(&dir);
    let now = "2026-11-10T08:00:00Z";
    k(&db, now, &["profile", "set", "--medicine", "immunosuppressant"]);
    let (_, out, _) = k(&db, now, &["screen"]);
    assert!(out.contains("P5") && out.contains("M2"), "{out}");
    let (_, out, _) = k(&db, now, &["react", "--symptom", "fever_chills=severe"]);
    assert!(out.contains("S7") && out.contains("emergency") && !out.contains("No symptoms"), "{out}");
    for c in ["icu", "short_bowel"] {
        let (code, _, err) = k(&db, now, &["profile", "set", "--condition", c]);
        assert_eq!(code, Some(0), "{c}: {err}");
        assert!(k(&db, now, &["screen"]).1.contains("P5"));
    }

    let dir = tempfile::tempdir().unwrap();
    let db = fresh_db(&dir);
    k(&db, now, &["profile", "set", "--medicine", "mao_inhibitor"]);
    let (_, out, _) = k(&db, now, &["log", "130"]);
    assert!(out.contains("your limit is 120 ml (M4)"), "{out}");
}

#[test]
fn homemade_batch_fields_reach_h1_h2_and_no_plan_is_said_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let db = fresh_db(&dir);
    let now = "2026-11-10T08:00:00Z";
    let (code, out, err) = k(
        &db,
        now,
        &["log", "50", "--source", "homemade", "--fermentation-hours", "24", "--room-temp", "22", "--spoiled", "mould"],
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("[H2]") && out.contains("[H1]"), "{out}");
    let (_, out, _) = k(&db, now, &["--json", "list"]);
    assert!(out.contains("\"mould\": true") && out.contains("\"fermentation_hours\": 24"), "{out}");
    let (code, _, err) = k(&db, now, &["log", "50", "--spoiled", "mould"]);
    assert_eq!(code, Some(2), "a commercial drink has no batch: {err}");
    let (code, _, err) = k(&db, now, &["log", "50", "--source", "homemade", "--spoiled", "green"]);
    assert_eq!(code, Some(2), "{err}");
    let (code, _, err) = k(&db, now, &["plan", "pause"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("no plan yet"), "{err}");
    let o = kefir(&["undo", "--help"]);
    let help = String::from_utf8_lossy(&o.stdout);
    assert!(help.contains("ID") && help.contains("delete"), "{help}");
}
