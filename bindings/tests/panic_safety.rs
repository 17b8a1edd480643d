//! A panic inside a call in an unwinding build (tests, dev builds, the debug
//! CLI) becomes an error and never bricks the app; the shipped release
//! library aborts instead (see 4.).
//!
//! What is proven here, and how:
//! 1. uniffi's scaffolding runs every exported method inside
//!    `uniffi::rust_call`, which catches a panic and reports it to the
//!    foreign side as an error (Kotlin `InternalException`, Swift
//!    `UnexpectedError`). The test drives `rust_call` itself with a call into
//!    the app that panics while the core's mutex is held, and checks the
//!    status code and message it hands back.
//! 2. The mutex poisoned by that panic is recovered: the next calls work and
//!    see all data (`KefirApp::app` uses `into_inner` on a poisoned lock).
//! 3. A panic in the middle of a core transaction rolls it back: unwinding
//!    drops rusqlite's transaction guard, which issues ROLLBACK, so the
//!    connection is not left inside a transaction.
//! 4. The profiles are as documented: the test and dev profiles unwind (so a
//!    panic anywhere under test is a failed test, never a silent abort, and
//!    this test binary catches it); `[profile.release]` says
//!    `panic = "abort"` explicitly, the size budget's choice (Cargo.toml,
//!    BENCHMARKS.md): a panic in the shipped library ends the app's process
//!    and committed data stays (SQLite rolls an open transaction back).

mod common;

use std::panic::{catch_unwind, AssertUnwindSafe};

use common::*;
use kefir_ffi::KefirError;

#[test]
fn rust_call_turns_a_panic_inside_the_app_into_an_error_and_the_app_keeps_working() {
    let dir = tempfile::tempdir().unwrap();
    let (path, ids) = seeded_copy(dir.path(), "kefir.db");
    let app = open(&path);
    let before = app.today(now(), TZ.into(), "en".into()).unwrap();

    // What the generated scaffolding does for every exported method.
    let mut status = uniffi::RustCallStatus::default();
    let out: i8 = uniffi::rust_call(&mut status, || {
        app.with_core(|_core| -> i8 { panic!("boom inside the core, mutex held") });
        #[allow(unreachable_code)]
        Ok(1)
    });
    assert_eq!(out, 0, "a panicking call returns the FFI default value");
    assert!(
        matches!(status.code, uniffi::RustCallStatusCode::UnexpectedError),
        "the panic must come back as an unexpected error, not abort the process"
    );
    // The message crosses as a RustBuffer holding the panic text.
    let buf = std::mem::ManuallyDrop::into_inner(status.error_buf);
    let message = String::from_utf8_lossy(&buf.destroy_into_vec()).into_owned();
    assert!(message.contains("boom inside the core"), "{message}");

    // The poisoned mutex is recovered: reads and writes work, data intact.
    let after = app.today(now(), TZ.into(), "en".into()).expect("today after a panic");
    assert_eq!(after, before);
    let logged = app.log_drink(drink(now(), 20), now(), TZ.into(), "en".into()).expect("log after a panic");
    assert!(app.today(now(), TZ.into(), "en".into()).unwrap().drinks.iter().any(|d| d.id == logged.drink.id));
    assert!(app.today(now(), TZ.into(), "en".into()).unwrap().drinks.iter().any(|d| d.id == ids.drink_id));
}

#[test]
fn a_panic_in_the_middle_of_a_transaction_rolls_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = seeded_copy(dir.path(), "kefir.db");
    let app = open(&path);
    let before = dump(&app);
    let r = catch_unwind(AssertUnwindSafe(|| {
        app.with_core(|core| {
            // The core's own pattern: an unchecked transaction, writes, then a bug.
            let tx = core.store().conn().unchecked_transaction().unwrap();
            tx.execute("DELETE FROM drinks", []).unwrap();
            tx.execute("UPDATE plans SET status = 'stopped'", []).unwrap();
            panic!("bug half-way through a write");
        })
    }));
    assert!(r.is_err());
    assert_eq!(dump(&app), before, "the half-done transaction was not rolled back");
    // Not left inside a transaction: the next write transaction starts and commits.
    let autocommit = app.with_core(|c| c.store().conn().is_autocommit());
    assert!(autocommit, "the connection is still inside a transaction");
    app.save_checkin(
        kefir_core::CheckinInput {
            day: kefir_core::time::iso_date(now().local_date(&kefir_core::Zone::parse(TZ).unwrap())),
            symptoms: vec![],
            bristol: Some(4),
            note: None,
        },
        now(),
        TZ.into(),
        "en".into(),
    )
    .expect("a write transaction after the panic");
    // And a fresh connection sees the same committed state.
    drop(app);
    let again = open(&path);
    assert!(again
        .plan_view(now(), TZ.into(), "en".into())
        .unwrap()
        .plan
        .is_some_and(|p| p.status.as_str() == "active"));
}

#[test]
fn panics_in_many_threads_never_wedge_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = seeded_copy(dir.path(), "kefir.db");
    let app = open(&path);
    let handles: Vec<_> = (0..8)
        .map(|t| {
            let app = app.clone();
            std::thread::spawn(move || {
                for i in 0..50 {
                    if (t + i) % 5 == 0 {
                        let r = catch_unwind(AssertUnwindSafe(|| app.with_core(|_| panic!("thread {t} call {i}"))));
                        assert!(r.is_err());
                    } else {
                        let r: Result<_, KefirError> = app.today(now(), TZ.into(), "en".into());
                        r.expect("today between panics");
                    }
                }
            })
        })
        .collect();
    for h in handles {
        h.join().expect("a worker thread died");
    }
}

/// `panic = "unwind"` for tests and dev builds, `"abort"` only for release.
#[test]
fn profiles_unwind_under_test_and_abort_only_in_release() {
    const { assert!(cfg!(panic = "unwind"), "this test binary was built with panic=abort") };
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    // Every `[profile.*]` section's `panic` key.
    let mut section = String::new();
    let mut release_panic = None;
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            section = line.trim_matches(['[', ']']).to_string();
            continue;
        }
        let Some((key, value)) = line.split_once('=') else { continue };
        if key.trim() != "panic" || !section.starts_with("profile") {
            continue;
        }
        let value = value.split('#').next().unwrap().trim().trim_matches('"').to_string();
        if section == "profile.release" {
            release_panic = Some(value);
        } else {
            assert_eq!(value, "unwind", "[{section}] sets panic = {value}: tests must unwind");
        }
    }
    assert_eq!(release_panic.as_deref(), Some("abort"), "[profile.release] must say panic = \"abort\" explicitly");
    for cfg in [root.join(".cargo/config.toml"), root.join(".cargo/config")] {
        if let Ok(text) = std::fs::read_to_string(&cfg) {
            assert!(!text.contains("panic=abort") && !text.contains("panic = \"abort\""), "{} aborts", cfg.display());
        }
    }
    for member in ["core", "bindings", "cli"] {
        let m = std::fs::read_to_string(root.join(member).join("Cargo.toml")).unwrap();
        assert!(!m.contains("panic = \"abort\""), "{member}/Cargo.toml sets panic = abort");
    }
}
