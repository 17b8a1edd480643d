//! Storage under faults, through the public `KefirApp` (issue 12): another
//! app's files are never changed, odd database paths are refused, exports
//! never overwrite the database, a device or a planted symlink, 50
//! processes may create one database at once, a full disk (a real 1 MB
//! tmpfs, mounted as root) gives "storage is full" and loses nothing, kills
//! during the checkpoint after a large replace-import leave an openable
//! diary, 10 processes can write at once, and a wipe tells the truth.
//!
//! Helper processes are this test binary re-run with `--ignored --exact
//! helper_process` and `KEFIR_HELPER=<role>`.
//! Env: `KEFIR_MP_SECS` (multi-process writers, default 20),
//! `KEFIR_CKPT_KILLS` (checkpoint kills, default 20).

mod common;

use std::collections::{BTreeMap, HashMap};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use kefir_core::report::pdf::Paper;
use kefir_core::ImportMode;
use kefir_ffi::{KefirApp, KefirError};

const ROLE: &str = "KEFIR_HELPER";
const DB: &str = "KEFIR_HELPER_DB";
const ARG: &str = "KEFIR_HELPER_ARG";

fn helper(role: &str, db: &Path, arg: &str) -> Command {
    let mut c = Command::new(std::env::current_exe().unwrap());
    c.args(["--ignored", "--exact", "helper_process", "--nocapture", "--test-threads", "1"])
        .env(ROLE, role)
        .env(DB, db)
        .env(ARG, arg)
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    c
}

fn say(line: &str) {
    let mut o = std::io::stdout().lock();
    o.write_all(format!("\n{line}\n").as_bytes()).unwrap();
    o.flush().unwrap();
}

/// The helper processes. Not a test on its own.
#[test]
#[ignore = "helper process for the multi-process tests"]
fn helper_process() {
    let (Ok(role), Ok(db)) = (std::env::var(ROLE), std::env::var(DB)) else { return };
    let arg = std::env::var(ARG).unwrap_or_default();
    match role.as_str() {
        // Open (maybe create) the database and log one drink.
        "first_open" => {
            let r = KefirApp::new(db).and_then(|app| app.log_drink(drink(now(), 10), now(), TZ.into(), "en".into()));
            match r {
                Ok(l) => say(&format!("OK {}", l.drink.id)),
                Err(e) => say(&format!("ERR {e}")),
            }
        }
        // Log drinks for `arg` seconds, acknowledging each.
        "writer" => {
            let app = match KefirApp::new(db) {
                Ok(a) => a,
                Err(e) => return say(&format!("ERR open {e}")),
            };
            let until = Instant::now() + Duration::from_secs(arg.parse().unwrap());
            let pid = std::process::id();
            let mut k = 0u64;
            while Instant::now() < until {
                k += 1;
                let mut d = drink(now().minus(chrono::Duration::seconds(k as i64)), 1 + (k % 900) as u32);
                d.note = Some(format!("p{pid}k{k}"));
                match app.log_drink(d, now(), TZ.into(), "en".into()) {
                    Ok(l) => say(&format!("ACK {} {} p{pid}k{k}", l.drink.id, l.drink.ml)),
                    Err(e) => return say(&format!("ERR drink {e}")),
                }
                if k % 10 == 0 {
                    if let Err(e) = app.today(now(), TZ.into(), "en".into()) {
                        return say(&format!("ERR today {e}"));
                    }
                }
            }
            say("DONE");
        }
        // Replace everything with the backup at `arg`, then close (checkpoint).
        "importer" => {
            let app = match KefirApp::new(db) {
                Ok(a) => a,
                Err(e) => return say(&format!("ERR open {e}")),
            };
            say("OPEN");
            match app.import_backup(arg, None, ImportMode::Replace, true, now(), "en".into()) {
                Ok(s) => say(&format!("ACK {}", s.drinks)),
                Err(e) => return say(&format!("ERR import {e}")),
            }
            drop(app); // the checkpoint runs here
            say("CLOSED");
        }
        other => panic!("unknown helper role {other}"),
    }
}

/// Lines of a helper's output, without the line a kill may have cut.
fn whole_lines(out: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(out);
    let complete = match text.rfind('\n') {
        Some(i) => &text[..i],
        None => "",
    };
    complete.lines().filter(|l| !l.is_empty()).map(str::to_string).collect()
}

fn sqlite_file(dir: &Path, sql: &str) -> PathBuf {
    let p = dir.join("other.db");
    rusqlite::Connection::open(&p).unwrap().execute_batch(sql).unwrap();
    p
}

/// Another app's SQLite file, whatever its user_version or journal mode,
/// is refused as `DatabaseUnreadable`, byte-identical, with no
/// -wal/-shm/-journal beside it.
#[test]
fn other_apps_sqlite_files_are_refused_byte_identical() {
    let kefir_v3_tables = kefir_core::store::SCHEMA_SNAPSHOTS[2];
    let table: Vec<(&str, String)> = vec![
        ("user_version 0 with a table", "CREATE TABLE contacts(name TEXT); INSERT INTO contacts VALUES ('a');".into()),
        (
            "user_version 1",
            "CREATE TABLE notes(t TEXT); INSERT INTO notes VALUES ('x'); PRAGMA user_version = 1;".into(),
        ),
        ("user_version 2", "CREATE TABLE notes(t TEXT); PRAGMA user_version = 2;".into()),
        ("user_version 3", "CREATE TABLE notes(t TEXT); PRAGMA user_version = 3;".into()),
        ("user_version 4", "CREATE TABLE notes(t TEXT); PRAGMA user_version = 4;".into()),
        ("user_version -1", "CREATE TABLE notes(t TEXT); PRAGMA user_version = -1;".into()),
        ("user_version 999", "CREATE TABLE notes(t TEXT); PRAGMA user_version = 999;".into()),
        ("WAL mode, user_version 2", "PRAGMA journal_mode = WAL; CREATE TABLE n(t); PRAGMA user_version = 2;".into()),
        ("another application id", "CREATE TABLE n(t); PRAGMA application_id = 42; PRAGMA user_version = 3;".into()),
        (
            "kefir's own tables under another application id",
            format!("{kefir_v3_tables} PRAGMA application_id = 7; PRAGMA user_version = 3;"),
        ),
        ("kefir's v3 tables with user_version 2", format!("{kefir_v3_tables} PRAGMA user_version = 2;")),
        ("an empty foreign file with an id", "PRAGMA application_id = 99; PRAGMA user_version = 1;".into()),
        // Hostile-tester finding 8: no tables left, but it had a schema once.
        ("a foreign file whose only table was dropped", "CREATE TABLE x(y); DROP TABLE x;".into()),
        (
            "a foreign file with user_version 2 and no tables",
            "CREATE TABLE x(y); DROP TABLE x; PRAGMA user_version = 2;".into(),
        ),
    ];
    let mut failures = Vec::new();
    for (name, sql) in &table {
        let dir = tempfile::tempdir().unwrap();
        let p = sqlite_file(dir.path(), sql);
        let bytes = std::fs::read(&p).unwrap();
        let names = listing(dir.path());
        let r = std::panic::catch_unwind(|| KefirApp::new(p.display().to_string()).map(|_| ()));
        let verdict = match r {
            Err(_) => Some("PANICKED".to_string()),
            Ok(Ok(())) => Some("opened".to_string()),
            Ok(Err(KefirError::DatabaseUnreadable { .. })) if std::fs::read(&p).unwrap() != bytes => {
                Some("file changed".into())
            }
            Ok(Err(KefirError::DatabaseUnreadable { .. })) if listing(dir.path()) != names => {
                Some(format!("files appeared: {:?}", listing(dir.path())))
            }
            Ok(Err(KefirError::DatabaseUnreadable { .. })) => None,
            Ok(Err(e)) => Some(format!("gave {e:?}")),
        };
        match verdict {
            None => println!("ok   {name}"),
            Some(why) => {
                println!("FAIL {name}: {why}");
                failures.push(format!("{name}: {why}"));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// A database of kefir 0.1.0 (schema v3, application_id 0) is ours: it
/// opens, keeps its data and gets the application id in the v4 migration.
#[test]
fn a_kefir_0_1_0_database_opens_and_gets_the_application_id() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("old.db");
    {
        let c = rusqlite::Connection::open(&p).unwrap();
        c.execute_batch(kefir_core::store::SCHEMA_SNAPSHOTS[2]).unwrap();
        c.execute_batch("PRAGMA journal_mode = WAL; PRAGMA user_version = 3;").unwrap();
        c.execute(
            "INSERT INTO drinks (at_ms, ml, kind, source, note, created_ms) VALUES (?1, 80, 'water', 'commercial', 'old', ?1)",
            [now().millis() - 3_600_000],
        )
        .unwrap();
    }
    let app = open(&p);
    let drinks = app.list_drinks(ts("2000-01-01T00:00:00Z"), now()).unwrap();
    assert_eq!(drinks.len(), 1);
    assert_eq!(drinks[0].note.as_deref(), Some("old"));
    drop(app);
    let c = rusqlite::Connection::open(&p).unwrap();
    let (id, v): (i32, i64) = c
        .query_row("SELECT * FROM pragma_application_id, pragma_user_version", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    assert_eq!((id, v), (kefir_core::store::APPLICATION_ID, kefir_core::store::LATEST_VERSION));
}

fn mkfifo(p: &Path) {
    let ok = Command::new("mkfifo").arg(p).status().expect("mkfifo").success();
    assert!(ok, "mkfifo {}", p.display());
}

/// A folder, a FIFO or a device as the database path: a typed error, and
/// nothing created beside it (a FIFO would even block an open).
#[test]
fn folders_fifos_and_devices_are_not_databases() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("folder.db");
    std::fs::create_dir(&folder).unwrap();
    let fifo = dir.path().join("fifo.db");
    mkfifo(&fifo);
    let names = listing(dir.path());
    for (p, what) in [
        (folder.as_path(), "is a folder"),
        (fifo.as_path(), "is a FIFO"),
        (Path::new("/dev/null"), "is a device"),
        (Path::new("/dev/zero"), "is a device"),
    ] {
        let r = KefirApp::new(p.display().to_string());
        assert!(
            matches!(&r, Err(KefirError::DatabaseUnreadable { path, detail })
                if path == &p.display().to_string() && detail.contains(what)),
            "{}: {:?}",
            p.display(),
            r.map(|_| ())
        );
    }
    assert_eq!(listing(dir.path()), names);
    for s in ["-wal", "-shm", "-journal"] {
        assert!(!Path::new(&format!("/dev/null{s}")).exists());
    }
}

/// A database left with a WAL that holds committed pages: `sql` runs in WAL
/// mode with automatic checkpoints off, and the file and its WAL are copied
/// to `dir/name` while the writer still has them open (as a crash leaves
/// them).
fn with_leftover_wal(dir: &Path, name: &str, setup: &str, sql: &str) -> PathBuf {
    let scratch = tempfile::tempdir().unwrap();
    let src = scratch.path().join("w.db");
    let c = rusqlite::Connection::open(&src).unwrap();
    let _: String = c.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)).unwrap();
    c.execute_batch(setup).unwrap();
    c.execute_batch("PRAGMA wal_autocheckpoint = 0").unwrap();
    c.execute_batch(sql).unwrap();
    let p = dir.join(name);
    std::fs::copy(&src, &p).unwrap();
    std::fs::copy(scratch.path().join("w.db-wal"), dir.join(format!("{name}-wal"))).unwrap();
    drop(c);
    p
}

/// Hostile-tester findings 4 and 9: another app's WAL database with a
/// leftover -wal (application id 0, user_version 0-3) and kefir-id files
/// with a version kefir never writes (99, -1, 0) are refused before SQLite
/// opens them: byte-identical, the WAL too, and no -shm appears.
#[test]
fn foreign_files_with_a_leftover_wal_and_bad_kefir_versions_get_nothing_beside_them() {
    let id = kefir_core::store::APPLICATION_ID;
    let mut cases: Vec<(String, &str, String, &str)> = (0..=3)
        .map(|v| {
            (
                format!("foreign WAL file, user_version {v}"),
                "CREATE TABLE notes(t TEXT);",
                format!("INSERT INTO notes VALUES ('x'); PRAGMA user_version = {v};"),
                "not a kefir database",
            )
        })
        .collect();
    cases.push((
        "foreign WAL file whose tables are only in the WAL".into(),
        "",
        "CREATE TABLE notes(t TEXT); INSERT INTO notes VALUES ('x');".into(),
        "not a kefir database",
    ));
    for (v, detail) in [(99, "newer"), (-1, "schema version -1"), (0, "schema version 0")] {
        cases.push((
            format!("kefir id, user_version {v}, with a WAL"),
            "CREATE TABLE drinks(x);",
            format!("PRAGMA application_id = {id}; PRAGMA user_version = {v};"),
            detail,
        ));
    }
    let mut failures = Vec::new();
    for (name, setup, sql, want) in &cases {
        let dir = tempfile::tempdir().unwrap();
        let p = with_leftover_wal(dir.path(), "x.db", setup, sql);
        let before: Vec<(String, Vec<u8>)> =
            listing(dir.path()).into_iter().map(|n| (n.clone(), std::fs::read(dir.path().join(&n)).unwrap())).collect();
        let r = KefirApp::new(p.display().to_string()).map(|_| ());
        let after: Vec<(String, Vec<u8>)> =
            listing(dir.path()).into_iter().map(|n| (n.clone(), std::fs::read(dir.path().join(&n)).unwrap())).collect();
        let said = match &r {
            Err(e) => e.to_string(),
            Ok(()) => "opened".into(),
        };
        let typed = matches!(r, Err(KefirError::DatabaseUnreadable { .. } | KefirError::DatabaseTooNew { .. }));
        if !typed || !said.contains(want) || after != before {
            failures.push(format!(
                "{name}: {said}; files {:?} -> {:?}",
                before.iter().map(|f| &f.0).collect::<Vec<_>>(),
                after.iter().map(|f| &f.0).collect::<Vec<_>>()
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// Ours with a leftover WAL still opens with every committed row: a kefir
/// 0.1.0 file (id 0, v3) and a new file whose whole schema (and id) is
/// still only in the WAL, as a crash during the first open leaves it.
#[test]
fn our_files_with_a_leftover_wal_open_with_every_row() {
    let v3 = kefir_core::store::SCHEMA_SNAPSHOTS[2];
    let latest = kefir_core::store::SCHEMA_SNAPSHOTS[kefir_core::store::SCHEMA_SNAPSHOTS.len() - 1];
    let insert = format!(
        "INSERT INTO drinks (at_ms, ml, kind, source, note, created_ms) VALUES ({0}, 80, 'water', 'commercial', 'kept', {0});",
        now().millis() - 3_600_000
    );
    let cases = [
        ("kefir 0.1.0 (v3, id 0)", format!("{v3} PRAGMA user_version = 3;"), String::new()),
        (
            "a new file, schema only in the WAL",
            String::new(),
            format!(
                "{latest} PRAGMA user_version = {}; PRAGMA application_id = {};",
                kefir_core::store::LATEST_VERSION,
                kefir_core::store::APPLICATION_ID
            ),
        ),
    ];
    for (name, setup, schema) in cases {
        let dir = tempfile::tempdir().unwrap();
        let p = with_leftover_wal(dir.path(), "k.db", &setup, &format!("{schema} {insert}"));
        let app = KefirApp::new(p.display().to_string()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let drinks = app.list_drinks(ts("2000-01-01T00:00:00Z"), now()).unwrap();
        assert_eq!(drinks.iter().map(|d| d.note.as_deref()).collect::<Vec<_>>(), vec![Some("kept")], "{name}");
    }
}

/// Hostile-tester findings 1 and 11: with the database reached through a
/// symlink (`sym.db -> real/k.db`), the siblings of both names are refused
/// for every export; the CSV folder may be neither the database, its
/// siblings, a device, a FIFO, a file nor a symlink to a folder (typed
/// `InvalidInput { field: "dir" }` naming the path, never "File exists");
/// nothing is created, and the diary still opens.
#[test]
fn exports_and_csv_folders_refuse_every_name_of_the_database_and_non_folders() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real");
    std::fs::create_dir(&real).unwrap();
    let db = real.join("k.db");
    {
        let app = open(&db);
        app.log_drink(drink(now(), 30), now(), TZ.into(), "en".into()).unwrap();
    }
    let sym = dir.path().join("sym.db");
    std::os::unix::fs::symlink(&db, &sym).unwrap();
    let app = open(&sym);
    app.log_drink(drink(now(), 40), now(), TZ.into(), "en".into()).unwrap();
    let fifo = dir.path().join("fifo");
    mkfifo(&fifo);
    let plain = dir.path().join("plain.txt");
    std::fs::write(&plain, b"x").unwrap();
    let linkdir = dir.path().join("linkdir");
    std::os::unix::fs::symlink(&real, &linkdir).unwrap();
    let side = |base: &Path, s: &str| PathBuf::from(format!("{}{s}", base.display()));
    let mut db_names = Vec::new();
    for base in [&sym, &db] {
        for s in ["", "-wal", "-shm", "-journal"] {
            db_names.push(side(base, s));
        }
    }
    let listed = |d: &Path| listing(d);
    let (top, inner) = (listed(dir.path()), listed(&real));
    let mut failures = Vec::new();
    for t in &db_names {
        let shown = t.display().to_string();
        match app.export_backup(shown.clone(), None, now(), "en".into()) {
            Err(KefirError::InvalidInput { field, reason }) if field == "path" && reason.contains(&shown) => {}
            other => failures.push(format!("backup to {shown}: {other:?}")),
        }
    }
    let folders: Vec<PathBuf> = db_names
        .iter()
        .cloned()
        .chain([PathBuf::from("/dev/null"), fifo.clone(), plain.clone(), linkdir.clone()])
        .collect();
    for t in &folders {
        let shown = t.display().to_string();
        match app.write_csv("2026-03-01".into(), "2026-03-10".into(), shown.clone(), TZ.into(), "en".into()) {
            Err(KefirError::InvalidInput { field, reason }) if field == "dir" && reason.contains(&shown) => {}
            other => failures.push(format!("csv into {shown}: {other:?}")),
        }
    }
    let missing = dir.path().join("nodir").join("sub");
    match app.write_csv("2026-03-01".into(), "2026-03-10".into(), missing.display().to_string(), TZ.into(), "en".into())
    {
        Err(KefirError::InvalidInput { field, reason }) if field == "dir" && reason.contains("does not exist") => {}
        other => failures.push(format!("csv into a missing folder's child: {other:?}")),
    }
    match app.export_backup(missing.join("b.json").display().to_string(), None, now(), "en".into()) {
        Err(KefirError::InvalidInput { field, reason }) if field == "path" && reason.contains("does not exist") => {}
        other => failures.push(format!("backup into a missing folder: {other:?}")),
    }
    assert!(failures.is_empty(), "{failures:#?}");
    assert_eq!(listed(dir.path()), top, "nothing created beside the link");
    assert_eq!(listed(&real), inner, "nothing created beside the database");
    drop(app);
    let app = open(&sym);
    assert_eq!(app.list_drinks(ts("2000-01-01T00:00:00Z"), now().plus(chrono::Duration::days(1))).unwrap().len(), 2);
    // A new folder is created (one level) and gets the four files (drinks, check-ins, reactions, doses).
    let out = dir.path().join("csv");
    let files = app
        .write_csv("2026-03-01".into(), "2026-03-10".into(), out.display().to_string(), TZ.into(), "en".into())
        .unwrap();
    assert_eq!(files.len(), 4);
    assert_eq!(listing(&out).len(), 4);
}

/// Exports and backups refuse the database and its siblings, devices,
/// FIFOs, folders and planted symlinks, naming the path; nothing changes
/// and no temp file is left.
#[test]
fn exports_refuse_the_database_devices_fifos_folders_and_symlinks() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = seeded_copy(dir.path(), "kefir.db");
    let app = open(&db);
    // Some WAL content, so the -wal and -shm exist.
    app.log_drink(drink(now(), 30), now(), TZ.into(), "en".into()).unwrap();
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, b"someone else's file").unwrap();
    let link = dir.path().join("planted.json");
    std::os::unix::fs::symlink(&victim, &link).unwrap();
    let dangling = dir.path().join("dangling.pdf");
    std::os::unix::fs::symlink(dir.path().join("would-be-created"), &dangling).unwrap();
    let folder = dir.path().join("folder");
    std::fs::create_dir(&folder).unwrap();
    let fifo = dir.path().join("fifo");
    mkfifo(&fifo);
    let side = |s: &str| PathBuf::from(format!("{}{s}", db.display()));
    let targets = [
        db.clone(),
        side("-wal"),
        side("-shm"),
        side("-journal"),
        dir.path().join(".").join("kefir.db"),
        PathBuf::from("/dev/null"),
        link.clone(),
        dangling.clone(),
        folder.clone(),
        fifo.clone(),
    ];
    let before = dump(&app);
    let files_before: BTreeMap<String, Option<Vec<u8>>> = listing(dir.path())
        .into_iter()
        .map(|n| {
            let p = dir.path().join(&n);
            let bytes = if n.starts_with("kefir.db") || !p.is_file() { None } else { std::fs::read(&p).ok() };
            (n, bytes)
        })
        .collect();
    let db_bytes = std::fs::read(&db).unwrap();
    type Export<'a> = Box<dyn Fn(String) -> Result<(), KefirError> + 'a>;
    let exports: Vec<(&str, Export)> = vec![
        ("export_backup", Box::new(|p| app.export_backup(p, None, now(), "en".into()))),
        (
            "write_pdf",
            Box::new(|p| {
                app.write_pdf("2026-03-01".into(), "2026-03-10".into(), Paper::A4, p, now(), TZ.into(), "en".into())
            }),
        ),
        (
            "write_fhir",
            Box::new(|p| app.write_fhir("2026-03-01".into(), "2026-03-10".into(), p, now(), TZ.into(), "en".into())),
        ),
    ];
    let mut failures = Vec::new();
    for (call, f) in &exports {
        for t in &targets {
            let shown = t.display().to_string();
            match f(shown.clone()) {
                Err(KefirError::InvalidInput { field, reason }) if field == "path" && reason.contains(&shown) => {}
                other => failures.push(format!("{call} to {shown}: {other:?}")),
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    assert_eq!(dump(&app), before, "the database changed");
    assert_eq!(std::fs::read(&db).unwrap(), db_bytes);
    let files_after: BTreeMap<String, Option<Vec<u8>>> = listing(dir.path())
        .into_iter()
        .map(|n| {
            let p = dir.path().join(&n);
            let bytes = if n.starts_with("kefir.db") || !p.is_file() { None } else { std::fs::read(&p).ok() };
            (n, bytes)
        })
        .collect();
    assert_eq!(files_after, files_before, "files beside the database changed (temp files?)");
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert_eq!(std::fs::read(&victim).unwrap(), b"someone else's file");
    // A plain new file still works, with nothing else left behind.
    let ok = dir.path().join("backup.json");
    app.export_backup(ok.display().to_string(), None, now(), "en".into()).unwrap();
    assert!(std::fs::read_to_string(&ok).unwrap().contains("kefir-backup"));
}

/// 50 processes open (create) one new database at the same moment: all
/// succeed, and each one's drink is stored.
#[test]
fn fifty_processes_create_one_new_database_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new.db");
    let children: Vec<_> = (0..50).map(|_| helper("first_open", &db, "").spawn().expect("spawn")).collect();
    let mut failures = Vec::new();
    for mut c in children {
        let mut out = Vec::new();
        c.stdout.take().unwrap().read_to_end(&mut out).unwrap();
        c.wait().unwrap();
        let lines = whole_lines(&out);
        if !lines.iter().any(|l| l.starts_with("OK ")) {
            failures.push(lines.join(" | "));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of 50 first opens failed: {:#?}",
        failures.len(),
        &failures[..failures.len().min(5)]
    );
    let app = open(&db);
    assert_eq!(app.list_drinks(ts("2000-01-01T00:00:00Z"), now().plus(chrono::Duration::days(1))).unwrap().len(), 50);
}

/// 10 processes log drinks into one database for `KEFIR_MP_SECS` (20) s: no
/// call fails (no "database is locked"), and the app's own open path then
/// lists every acknowledged drink.
#[test]
fn ten_processes_write_at_once_without_errors_or_losses() {
    let secs: u64 = std::env::var("KEFIR_MP_SECS").ok().and_then(|s| s.parse().ok()).unwrap_or(20);
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = seeded_copy(dir.path(), "kefir.db");
    let children: Vec<_> = (0..10).map(|_| helper("writer", &db, &secs.to_string()).spawn().expect("spawn")).collect();
    let mut acked: HashMap<i64, (u32, String)> = HashMap::new();
    let mut errors = Vec::new();
    for mut c in children {
        let mut out = Vec::new();
        c.stdout.take().unwrap().read_to_end(&mut out).unwrap();
        c.wait().unwrap();
        let lines = whole_lines(&out);
        errors.extend(lines.iter().filter(|l| l.starts_with("ERR")).cloned());
        if !lines.iter().any(|l| l == "DONE") && errors.is_empty() {
            errors.push("a writer did not finish".into());
        }
        for l in lines.iter().filter(|l| l.starts_with("ACK ")) {
            let f: Vec<&str> = l.split(' ').collect();
            acked.insert(f[1].parse().unwrap(), (f[2].parse().unwrap(), f[3].to_string()));
        }
    }
    assert!(errors.is_empty(), "{} writers failed: {errors:?}", errors.len());
    let app = open(&db);
    let stored: HashMap<i64, (u32, String)> = app
        .list_drinks(ts("2000-01-01T00:00:00Z"), now().plus(chrono::Duration::days(1)))
        .unwrap()
        .into_iter()
        .map(|d| (d.id, (d.ml, d.note.unwrap_or_default())))
        .collect();
    for (id, v) in &acked {
        assert_eq!(stored.get(id), Some(v), "acknowledged drink {id}");
    }
    println!("10 processes, {secs} s: {} acknowledged drinks, all listed by the app", acked.len());
    assert!(acked.len() > 100, "only {} writes", acked.len());
}

/// A large backup (seeded data plus `extra` drinks with long notes).
fn large_backup(dir: &Path, extra: usize) -> (PathBuf, usize) {
    let (db, _) = seeded_copy(dir, "source.db");
    let app = open(&db);
    let p = dir.join("large.json");
    app.export_backup(p.display().to_string(), None, now(), "en".into()).unwrap();
    let mut v: serde_json::Value = serde_json::from_slice(&std::fs::read(&p).unwrap()).unwrap();
    let drinks = v["drinks"].as_array_mut().unwrap();
    let template = drinks[0].clone();
    for i in 0..extra {
        let mut d = template.clone();
        d["note"] = serde_json::Value::String(format!("bulk {i} {}", "z".repeat(900)));
        drinks.push(d);
    }
    let n = drinks.len();
    std::fs::write(&p, v.to_string()).unwrap();
    (p, n)
}

/// SIGKILLs while a large replace-import is written and checkpointed (the
/// checkpoint runs when the importer closes): after every kill the app's
/// own open path opens the file, and it holds either the old data or the
/// whole import (always the import once it was acknowledged).
#[test]
fn kills_during_the_checkpoint_after_a_replace_import_leave_an_openable_diary() {
    let kills: u64 = std::env::var("KEFIR_CKPT_KILLS").ok().and_then(|s| s.parse().ok()).unwrap_or(20);
    let (mut rng, seed) = Rng::from_env("KEFIR_CKPT_SEED");
    let dir = tempfile::tempdir().unwrap();
    let (backup, imported) = large_backup(dir.path(), 3000);
    let (db, _) = seeded_copy(dir.path(), "kefir.db");
    let all = |app: &KefirApp| {
        app.list_drinks(ts("2000-01-01T00:00:00Z"), now().plus(chrono::Duration::days(1))).unwrap().len()
    };
    let old = all(&open(&db));
    // How long an import, and the close after it, take here.
    let (full, close) = {
        let t0 = Instant::now();
        let mut c = helper("importer", &db, &backup.display().to_string()).spawn().unwrap();
        let mut lines = std::io::BufRead::lines(std::io::BufReader::new(c.stdout.take().unwrap()));
        let mut acked_at = None;
        for l in lines.by_ref() {
            let l = l.unwrap();
            if l.starts_with("ACK") {
                acked_at = Some(t0.elapsed());
            }
            assert!(!l.starts_with("ERR"), "{l}");
        }
        c.wait().unwrap();
        let acked_at = acked_at.expect("the calibration import was acknowledged");
        (t0.elapsed().as_millis() as u64, (t0.elapsed() - acked_at).as_millis() as u64)
    };
    let (mut after_ack, mut during_close) = (0, 0);
    for k in 0..kills {
        let mut c = helper("importer", &db, &backup.display().to_string()).spawn().unwrap();
        let stdout = c.stdout.take().unwrap();
        // Half the kills land anywhere; the other half right after the
        // import was acknowledged, while the close checkpoints it.
        let in_close = k % 2 == 1;
        let (tx, rx) = std::sync::mpsc::channel();
        let reader = std::thread::spawn(move || {
            let mut seen = Vec::new();
            for l in std::io::BufRead::lines(std::io::BufReader::new(stdout)) {
                let Ok(l) = l else { break };
                if l.starts_with("ACK") {
                    let _ = tx.send(());
                }
                seen.push(l);
            }
            seen
        });
        if in_close {
            let _ = rx.recv_timeout(Duration::from_secs(60));
            std::thread::sleep(Duration::from_millis(rng.below(close.max(1) + 1)));
        } else {
            std::thread::sleep(Duration::from_millis(rng.below(full.max(1))));
        }
        let _ = c.kill();
        c.wait().unwrap();
        // A line cut by the kill never reaches `lines()` whole only if it ended in '\n'.
        let lines: Vec<String> = reader.join().unwrap().into_iter().filter(|l| !l.is_empty()).collect();
        assert!(!lines.iter().any(|l| l.starts_with("ERR")), "kill {k} (seed {seed}): {lines:?}");
        let acked = lines.iter().any(|l| l.starts_with("ACK"));
        after_ack += acked as u32;
        during_close += (acked && !lines.iter().any(|l| l == "CLOSED")) as u32;
        let app = KefirApp::new(db.display().to_string())
            .unwrap_or_else(|e| panic!("kill {k} (seed {seed}): the app cannot open its diary: {e}"));
        let n = all(&app);
        assert!(n == imported || (!acked && (n == old || n == 0)), "kill {k} (seed {seed}): {n} drinks, acked {acked}");
        drop(app);
        // Back to the old data, so the next import has everything to write again.
        if k % 2 == 0 {
            let app = open(&db);
            app.wipe_everything(true).unwrap();
        }
    }
    println!(
        "checkpoint kills: {kills} (seed {seed}), {after_ack} after the import was acknowledged, \
         {during_close} of them before the close (checkpoint) finished; the app opened every time"
    );
}

/// A wipe that another reader's open transaction blocks: a typed error
/// saying what to do, then, once the reader is gone, a wipe that leaves no
/// trace in the database file or its WAL.
#[test]
fn a_blocked_wipe_says_what_to_do_and_a_free_one_leaves_no_trace() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = seeded_copy(dir.path(), "kefir.db");
    let app = open(&db);
    let secret = "kefir-secret-note-4711";
    let mut d = drink(now(), 40);
    d.note = Some(secret.into());
    app.log_drink(d, now(), TZ.into(), "en".into()).unwrap();
    let reader = rusqlite::Connection::open(&db).unwrap();
    reader.execute_batch("BEGIN").unwrap();
    let _: i64 = reader.query_row("SELECT count(*) FROM drinks", [], |r| r.get(0)).unwrap();
    let t = Instant::now();
    match app.wipe_everything(true) {
        Err(KefirError::Storage { detail }) => assert!(detail.contains("close it and wipe again"), "{detail}"),
        other => panic!("a blocked wipe gave {other:?}"),
    }
    assert!(t.elapsed() < Duration::from_secs(30));
    reader.execute_batch("COMMIT").unwrap();
    drop(reader);
    app.wipe_everything(true).unwrap();
    assert!(app.list_drinks(ts("2000-01-01T00:00:00Z"), now()).unwrap().is_empty());
    for f in [db.clone(), PathBuf::from(format!("{}-wal", db.display()))] {
        if let Ok(bytes) = std::fs::read(&f) {
            assert!(!bytes.windows(secret.len()).any(|w| w == secret.as_bytes()), "{} keeps the note", f.display());
        }
    }
}

// --- full disk ---------------------------------------------------------------------

/// A small tmpfs mounted for one test, unmounted on drop.
struct Tmpfs {
    _dir: tempfile::TempDir,
    mnt: PathBuf,
}

impl Tmpfs {
    /// Mount `size` of tmpfs. Needs root; under CI=true failing to mount is
    /// a test failure, elsewhere the test says loudly that it did not run.
    fn mount(size: &str) -> Option<Tmpfs> {
        let dir = tempfile::tempdir().unwrap();
        let mnt = dir.path().join("mnt");
        std::fs::create_dir(&mnt).unwrap();
        let out =
            Command::new("mount").args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"]).arg(&mnt).output();
        match out {
            Ok(o) if o.status.success() => Some(Tmpfs { _dir: dir, mnt }),
            other => {
                let why = format!("cannot mount a tmpfs (root needed): {other:?}");
                if std::env::var("CI").is_ok_and(|v| v == "true") {
                    panic!("{why}; under CI=true this test must run");
                }
                eprintln!("!!!! full-disk test NOT RUN: {why}");
                None
            }
        }
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.mnt).status();
    }
}

/// Fill the file system with a filler file until ENOSPC, then give back
/// `room` bytes, so the next writes succeed for a while and then fail.
fn fill(path: &Path, room: u64) {
    let mut f = std::fs::File::create(path).unwrap();
    let block = vec![0xA5u8; 4096];
    while f.write_all(&block).is_ok() {}
    let len = f.metadata().unwrap().len();
    f.set_len(len.saturating_sub(room)).unwrap();
    let _ = f.sync_all();
}

/// On a real full disk (1 MB tmpfs): writes fail with StorageFull (never
/// another error), reads still work or say StorageFull, an export fails
/// with StorageFull and leaves no temp file, and after the space comes
/// back the app opens the file and lists every acknowledged drink.
#[test]
fn a_full_disk_says_storage_is_full_and_loses_nothing() {
    let Some(fs) = Tmpfs::mount("1m") else { return };
    let db = fs.mnt.join("k.db");
    let app = open(&db);
    let mut acked: HashMap<i64, String> = HashMap::new();
    let log = |app: &KefirApp, i: usize, note_len: usize| {
        let mut d = drink(now().minus(chrono::Duration::minutes(i as i64)), 50);
        d.note = Some(format!("n{i} {}", "q".repeat(note_len)));
        app.log_drink(d, now(), TZ.into(), "en".into()).map(|l| (l.drink.id, l.drink.note.unwrap()))
    };
    for i in 0..20 {
        let (id, note) = log(&app, i, 10).unwrap();
        acked.insert(id, note);
    }
    // An earlier export, which a failed one must leave as it was.
    let export = fs.mnt.join("backup.json");
    app.export_backup(export.display().to_string(), None, now(), "en".into()).unwrap();
    let old_export = std::fs::read(&export).unwrap();
    fill(&fs.mnt.join("filler"), 96 * 1024);
    let mut full_errors = 0;
    for i in 20..5000 {
        match log(&app, i, 900) {
            Ok((id, note)) => {
                acked.insert(id, note);
            }
            Err(KefirError::StorageFull) => {
                full_errors += 1;
                if full_errors == 3 {
                    break;
                }
            }
            Err(e) => panic!("a write on a full disk gave {e:?}, not StorageFull"),
        }
    }
    assert_eq!(full_errors, 3, "the disk never filled");
    assert!(acked.len() > 20, "no write succeeded while the disk was filling");
    let listed = |app: &KefirApp| -> HashMap<i64, String> {
        app.list_drinks(ts("2000-01-01T00:00:00Z"), now().plus(chrono::Duration::days(1)))
            .unwrap()
            .into_iter()
            .map(|d| (d.id, d.note.unwrap_or_default()))
            .collect()
    };
    match app.list_drinks(ts("2000-01-01T00:00:00Z"), now().plus(chrono::Duration::days(1))) {
        Ok(ds) => assert_eq!(ds.len(), acked.len(), "a read on a full disk"),
        Err(KefirError::StorageFull) => {}
        Err(e) => panic!("a read on a full disk gave {e:?}"),
    }
    let before = listing(&fs.mnt);
    match app.export_backup(export.display().to_string(), None, now(), "en".into()) {
        Err(KefirError::StorageFull) => {}
        other => panic!("an export on a full disk gave {other:?}"),
    }
    assert_eq!(listing(&fs.mnt), before, "the failed export left a file");
    assert_eq!(std::fs::read(&export).unwrap(), old_export, "the failed export changed the old file");
    drop(app);
    // Still full: the app opens (or says the storage is full), nothing else.
    match KefirApp::new(db.display().to_string()) {
        Ok(app) => assert_eq!(listed(&app), acked),
        Err(KefirError::StorageFull) => {}
        Err(e) => panic!("opening on a full disk gave {e:?}"),
    }
    std::fs::remove_file(fs.mnt.join("filler")).unwrap();
    let app = KefirApp::new(db.display().to_string()).expect("the diary opens once there is space again");
    assert_eq!(listed(&app), acked, "every acknowledged drink is listed");
    log(&app, 9999, 10).expect("writing works again");
    println!("full disk: {} acknowledged drinks all listed after space came back", acked.len());
}

// --- hostile backups ------------------------------------------------------------------

/// A valid backup of the seeded database, as a JSON value.
fn seeded_backup(dir: &Path) -> (std::sync::Arc<KefirApp>, serde_json::Value) {
    let (db, _) = seeded_copy(dir, "kefir.db");
    let app = open(&db);
    let p = dir.join("valid.json");
    app.export_backup(p.display().to_string(), None, now(), "en".into()).unwrap();
    let v = serde_json::from_slice(&std::fs::read(&p).unwrap()).unwrap();
    (app, v)
}

/// Backups crafted against the app: each is refused as `BackupRejected`
/// whose reason names the field, and the database is unchanged.
#[test]
fn hostile_backups_are_refused_with_the_field_named() {
    let dir = tempfile::tempdir().unwrap();
    let (app, valid) = seeded_backup(dir.path());
    type Edit = Box<dyn Fn(&mut serde_json::Value)>;
    let future_day = "2026-03-20"; // now is 2026-03-10
    let cases: Vec<(&str, &str, Edit)> = vec![
        ("a plan with no days", "days", Box::new(|v| v["plans"][0]["days"] = serde_json::json!([]))),
        (
            "a future-dated plan day",
            "after the backup was exported",
            Box::new(move |v| {
                let mut d = v["plans"][0]["days"][0].clone();
                d["day"] = future_day.into();
                v["plans"][0]["days"].as_array_mut().unwrap().push(d);
            }),
        ),
        ("hold_days 4294967295", "hold_days", Box::new(|v| v["plans"][0]["hold_days"] = 4_294_967_295u32.into())),
        ("step_ml 0", "step_ml", Box::new(|v| v["plans"][0]["step_ml"] = 0.into())),
        (
            "a 5 MB plan-day reason",
            "reason",
            Box::new(|v| v["plans"][0]["days"][0]["reason"] = "r".repeat(5 << 20).into()),
        ),
        ("a 5 MB note", "note", Box::new(|v| v["drinks"][0]["note"] = "n".repeat(5 << 20).into())),
        (
            "a drink dated after the export",
            "after the backup was exported",
            Box::new(|v| v["drinks"][0]["at"] = "2026-04-01T08:00:00Z".into()),
        ),
        (
            "a batch on a homemade drink with 999 h of fermentation",
            "fermentation_hours",
            Box::new(|v| {
                v["drinks"][0]["source"] = "homemade".into();
                v["drinks"][0]["batch"] = serde_json::json!({"fermentation_hours": 999, "room_temp_c": 20,
                    "off_smell": false, "mould": false, "pink_or_orange": false, "unusual_fizz": false});
            }),
        ),
        (
            "reminder settings with a bad time",
            "checkin_times",
            Box::new(|v| {
                v["settings"]["reminders"] = serde_json::json!({"checkin_times": ["25:99"], "days": [],
                    "quiet_start": null, "quiet_end": null, "drink_reminder": null, "spacing_alerts": true,
                    "time_zone": "UTC"})
                .to_string()
                .into()
            }),
        ),
        ("an unknown setting", "unknown key", Box::new(|v| v["settings"]["evil"] = "1".into())),
        (
            "a rule id listed twice",
            "listed twice",
            Box::new(|v| v["plans"][0]["days"][0]["rule_ids"] = serde_json::json!(["D1", "D1"])),
        ),
        (
            "a check-in dated after the export",
            "after the backup was exported",
            Box::new(move |v| {
                v["checkins"][0]["day"] = future_day.into();
            }),
        ),
    ];
    let before = dump(&app);
    let mut failures = Vec::new();
    for (name, field, edit) in &cases {
        let mut v = valid.clone();
        edit(&mut v);
        let p = dir.path().join("hostile.json");
        std::fs::write(&p, serde_json::to_vec(&v).unwrap()).unwrap();
        match app.import_backup(p.display().to_string(), None, ImportMode::Replace, true, now(), "en".into()) {
            Err(KefirError::BackupRejected { reason }) if reason.contains(field) => {
                println!("ok   {name}: {reason:.120}")
            }
            other => failures.push(format!("{name}: {:?}", other.map_err(|e| format!("{e:.200}")))),
        }
    }
    // Duplicate keys, which a JSON value cannot even hold: written as text.
    let text = serde_json::to_string(&valid).unwrap();
    for (name, from, to) in [
        ("a duplicate top-level key", "\"drinks\":", "\"drinks\":[],\"drinks\":"),
        ("a duplicate field in a drink", "\"ml\":", "\"ml\":1,\"ml\":"),
        ("a duplicate settings key", "\"settings\":{", "\"settings\":{\"reminders\":\"{}\",\"reminders\":\"{}\","),
    ] {
        let p = dir.path().join("dup.json");
        std::fs::write(&p, text.replacen(from, to, 1)).unwrap();
        match app.import_backup(p.display().to_string(), None, ImportMode::Replace, true, now(), "en".into()) {
            Err(KefirError::BackupRejected { reason }) if reason.contains("duplicate") || reason.contains("twice") => {}
            other => failures.push(format!("{name}: {:?}", other.map(|_| ()))),
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    assert_eq!(dump(&app), before, "a refused backup changed the database");
}

/// Levels and rule ids of check-ins and reactions come from their symptoms,
/// never from the file: a backup that calls a throat-tightening reaction
/// and a severe check-in "ok" with no rules is stored with the evaluated
/// level and rules.
#[test]
fn imported_levels_and_rule_ids_are_recomputed_from_the_symptoms() {
    let dir = tempfile::tempdir().unwrap();
    let (app, mut v) = seeded_backup(dir.path());
    let honest_level = v["reactions"][0]["level"].clone();
    v["reactions"][0]["symptoms"] = serde_json::json!([{"symptom": "breathing_difficulty", "severity": "moderate"}]);
    v["reactions"][0]["level"] = "info".into();
    v["reactions"][0]["rule_ids"] = serde_json::json!([]);
    let p = dir.path().join("lying.json");
    std::fs::write(&p, v.to_string()).unwrap();
    app.import_backup(p.display().to_string(), None, ImportMode::Replace, true, now(), "en".into()).unwrap();
    let out = dir.path().join("after.json");
    app.export_backup(out.display().to_string(), None, now(), "en".into()).unwrap();
    let after: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let r = &after["reactions"][0];
    assert_ne!(r["level"], "info", "the file's level was trusted: {r}");
    assert_ne!(r["level"], honest_level, "{r}");
    assert!(!r["rule_ids"].as_array().unwrap().is_empty(), "{r}");
}

/// Non-regular files are refused before they are read (a device would
/// stream forever, a FIFO would block); so is anything over the limit.
#[test]
fn backup_import_refuses_devices_fifos_and_oversized_files() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _) = seeded_backup(dir.path());
    let fifo = dir.path().join("backup.fifo");
    mkfifo(&fifo);
    let big = dir.path().join("big.json");
    std::fs::File::create(&big).unwrap().set_len(kefir_core::backup::MAX_BACKUP_BYTES + 1).unwrap();
    let before = dump(&app);
    for p in [Path::new("/dev/zero"), Path::new("/dev/urandom"), fifo.as_path(), dir.path(), big.as_path()] {
        let t = Instant::now();
        let r = app.import_backup(p.display().to_string(), None, ImportMode::Replace, true, now(), "en".into());
        assert!(
            matches!(&r, Err(KefirError::BackupRejected { reason }) if reason.contains(&p.display().to_string())),
            "{}: {:?}",
            p.display(),
            r.map(|_| ())
        );
        assert!(t.elapsed() < Duration::from_secs(5), "{} took {:?}", p.display(), t.elapsed());
    }
    assert_eq!(dump(&app), before);
}
