//! Encrypted backups through the facade (issue 17): each refusal of
//! `KefirApp::import_backup` / `export_backup` is its typed `KefirError`
//! (`PassphraseRequired`, `WrongPassphrase`, `BackupRejected`,
//! `InvalidInput { field: "passphrase" }`) and a dump of every table is
//! the same before and after. The files are encrypted with the core's
//! public `backup_crypt` (at a low work factor, for speed); the age tool's
//! own files are imported in cli/tests/cli.rs.

mod common;

use common::*;
use kefir_core::backup_crypt::{encrypt_with_work_factor, AGE_MAGIC};
use kefir_core::ImportMode;
use kefir_ffi::{KefirApp, KefirError};

const PASS: &str = "seven tired otters sing Kefir songs";

fn import(app: &KefirApp, path: &std::path::Path, passphrase: Option<&str>) -> Result<(), KefirError> {
    app.import_backup(
        path.display().to_string(),
        passphrase.map(str::to_string),
        ImportMode::Replace,
        true,
        now(),
        "en".into(),
    )
    .map(|_| ())
}

#[test]
fn import_refusals_are_typed_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = seeded_copy(dir.path(), "k.db");
    let app = open(&db);
    let plain_path = dir.path().join("plain.json");
    app.export_backup(plain_path.display().to_string(), None, now(), "en".into()).unwrap();
    let plain = std::fs::read(&plain_path).unwrap();
    let sealed = encrypt_with_work_factor(&plain, PASS, 10).unwrap();
    let file = dir.path().join("backup.age");
    std::fs::write(&file, &sealed).unwrap();

    let hostile = {
        let h = String::from_utf8_lossy(&sealed[..200]).into_owned();
        let at = h.find(" 10\n").unwrap();
        let mut b = sealed.clone();
        b.splice(at..at + 4, b" 25\n".iter().copied());
        b
    };
    type Case<'a> = (&'a str, Vec<u8>, Option<&'a str>, fn(&KefirError) -> bool);
    let cases: Vec<Case> = vec![
        ("no passphrase", sealed.clone(), None, |e| matches!(e, KefirError::PassphraseRequired)),
        ("empty passphrase", sealed.clone(), Some(""), |e| matches!(e, KefirError::PassphraseRequired)),
        ("wrong passphrase", sealed.clone(), Some("seven tired otters sing kefir songs"), |e| {
            matches!(e, KefirError::WrongPassphrase)
        }),
        ("truncated", sealed[..sealed.len() - 20].to_vec(), Some(PASS), |e| {
            matches!(e, KefirError::BackupRejected { .. })
        }),
        ("header only", sealed[..120].to_vec(), Some(PASS), |e| matches!(e, KefirError::BackupRejected { .. })),
        (
            "work factor 2^25",
            hostile,
            Some(PASS),
            |e| matches!(e, KefirError::BackupRejected { reason } if reason.contains("2^25")),
        ),
        ("magic only", AGE_MAGIC.to_vec(), Some(PASS), |e| matches!(e, KefirError::BackupRejected { .. })),
    ];
    for (name, bytes, passphrase, want) in cases {
        let before = dump(&app);
        let f = dir.path().join("case.age");
        std::fs::write(&f, &bytes).unwrap();
        let e = import(&app, &f, passphrase).expect_err(name);
        assert!(want(&e), "{name}: {e:?}");
        assert!(!e.to_string().contains(PASS), "{name}: the passphrase leaked: {e}");
        assert!(dump(&app) == before, "{name}: the database changed");
    }
    // With the passphrase it imports: the diary's backup is the same again.
    import(&app, &file, Some(PASS)).unwrap();
    let again = dir.path().join("again.json");
    app.export_backup(again.display().to_string(), None, now(), "en".into()).unwrap();
    assert!(std::fs::read(&again).unwrap() == plain, "the imported diary differs from the backup");
}

#[test]
fn a_blank_passphrase_on_export_is_invalid_input_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = seeded_copy(dir.path(), "k.db");
    let app = open(&db);
    let out = dir.path().join("out.age");
    for p in ["", "  \t"] {
        match app.export_backup(out.display().to_string(), Some(p.into()), now(), "de".into()) {
            Err(KefirError::InvalidInput { field, .. }) => assert_eq!(field, "passphrase"),
            other => panic!("{p:?}: {other:?}"),
        }
        assert!(!out.exists());
    }
}

#[test]
fn the_backup_form_comes_through_the_facade() {
    let f = kefir_ffi::backup_form("ru".into()).unwrap();
    assert!(f.encrypt_by_default);
    assert!(f.plain_warning.contains("симптом"), "{}", f.plain_warning);
    assert!(matches!(kefir_ffi::backup_form("??".into()), Err(KefirError::InvalidInput { .. })));
}
