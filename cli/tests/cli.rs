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
    // The antibiotic course (M1), as the README promises.
    assert!(
        text.contains("medicine: Amoxicillin (Antibiotic)") && text.contains("completed; spacing kept (M1)"),
        "{text}"
    );
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

#[test]
fn a_dose_name_reaches_the_summary_and_a_bad_font_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    let db = db.to_str().unwrap();
    let o = kefir(&["--db", db, "med", "log", "antibiotic", "--every", "8", "--name", "Amoxicillin"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = kefir(&["--db", db, "--json", "report"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let summary = if v["summary"].is_object() { &v["summary"] } else { &v };
    assert_eq!(summary["courses"][0]["name"], "Amoxicillin", "{v}");
    let long = "x".repeat(81);
    let o = kefir(&["--db", db, "med", "log", "antibiotic", "--name", &long]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let bad = dir.path().join("bad.ttf");
    std::fs::write(&bad, "not a font").unwrap();
    let pdf = dir.path().join("r.pdf");
    let o = kefir(&["--db", db, "report", "--pdf", pdf.to_str().unwrap(), "--font", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("fonts"), "{}", stderr(&o));
    assert!(!pdf.exists());
}
