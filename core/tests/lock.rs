//! App lock (issue 17, rules L1–L8 in `core/src/lock.rs`): the setting and
//! its first-run offer, validation, the texts in every language, the
//! decision from the times a shell reports (cold start, delays, clocks that
//! jump back or cannot be read), what backups do with the setting, and
//! properties over random event sequences with random (also decreasing)
//! clock readings.

use kefir_core::l10n::Locale;
use kefir_core::lock::{AppLockSettings, LockDecision, DEFAULT_LOCK_DELAY_MINUTES, LOCK_DELAY_CHOICES};
use kefir_core::{CoreError, ImportMode, Kefir, Timestamp};
use proptest::prelude::*;

fn ts(s: &str) -> Timestamp {
    Timestamp::parse_rfc3339(s).unwrap()
}

fn at(base: Timestamp, ms: i64) -> Timestamp {
    Timestamp::from_millis(base.millis() + ms).unwrap()
}

const MIN: i64 = 60_000;

fn on(after_minutes: u32) -> AppLockSettings {
    AppLockSettings { enabled: true, after_minutes }
}

fn field_of(e: CoreError) -> String {
    match e {
        CoreError::Invalid { field, .. } => field,
        other => panic!("expected Invalid, got {other:?}"),
    }
}

/// A database file in a fresh folder, opened through the app's own path.
fn file_db() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kefir.db");
    (dir, path)
}

// ---------------------------------------------------------------- setting

#[test]
fn off_by_default_and_offered_until_answered_either_way() {
    let (_d, path) = file_db();
    let app = Kefir::open(&path).unwrap();
    let form = app.app_lock_form().unwrap();
    assert!(form.offer, "first run: the offer is shown");
    assert_eq!(form.settings, AppLockSettings { enabled: false, after_minutes: DEFAULT_LOCK_DELAY_MINUTES });
    assert_eq!(form.choices.iter().map(|c| c.minutes).collect::<Vec<_>>(), LOCK_DELAY_CHOICES);
    assert!(form.choices.iter().any(|c| c.minutes == form.settings.after_minutes), "the default is a choice");
    // Declining answers the offer: it is not shown again, also after a restart.
    let declined = app.save_app_lock(&AppLockSettings { enabled: false, ..form.settings }).unwrap();
    assert!(!declined.offer && !declined.settings.enabled);
    drop(app);
    let app = Kefir::open(&path).unwrap();
    assert!(!app.app_lock_form().unwrap().offer);
    assert!(!app.app_foregrounded(ts("2026-11-26T08:00:00Z")).unwrap().locked);
    // Accepting is stored as given.
    let form = app.save_app_lock(&on(15)).unwrap();
    assert_eq!(form.settings, on(15));
    drop(app);
    assert_eq!(Kefir::open(&path).unwrap().app_lock_settings().unwrap(), on(15));
}

#[test]
fn a_delay_not_offered_is_refused_and_nothing_is_stored() {
    let app = Kefir::open_in_memory().unwrap();
    for bad in [2, 3, 10, 45, 61, 120, 1440, u32::MAX] {
        for enabled in [true, false] {
            let e = app.save_app_lock(&AppLockSettings { enabled, after_minutes: bad }).unwrap_err();
            assert_eq!(field_of(e), "after_minutes", "{bad}");
            let form = app.app_lock_form().unwrap();
            assert!(form.offer, "nothing stored for {bad}");
            assert!(!form.settings.enabled);
        }
    }
    // A refused change leaves a stored setting as it was.
    app.save_app_lock(&on(5)).unwrap();
    assert!(app.save_app_lock(&on(7)).is_err());
    assert_eq!(app.app_lock_settings().unwrap(), on(5));
    for ok in LOCK_DELAY_CHOICES {
        assert_eq!(app.save_app_lock(&on(*ok)).unwrap().settings.after_minutes, *ok);
    }
}

#[test]
fn stored_settings_without_a_field_read_with_its_default() {
    let old: AppLockSettings = serde_json::from_str(r#"{"enabled":true}"#).unwrap();
    assert_eq!(old, on(DEFAULT_LOCK_DELAY_MINUTES));
    let empty: AppLockSettings = serde_json::from_str("{}").unwrap();
    assert_eq!(empty, AppLockSettings::default());
    assert_eq!(serde_json::to_string(&on(5)).unwrap(), r#"{"enabled":true,"after_minutes":5}"#);
}

#[test]
fn texts_in_every_language() {
    let app = Kefir::open_in_memory().unwrap();
    let mut seen = Vec::new();
    for (tag, immediately, one, five, cover) in [
        ("en", "Immediately", "After 1 minute", "After 5 minutes", "Kefir Start is locked"),
        ("de", "Sofort", "Nach 1 Minute", "Nach 5 Minuten", "Kefir Start ist gesperrt"),
        ("ru", "Сразу", "Через 1 минуту", "Через 5 минут", "Kefir Start заблокирован"),
    ] {
        app.set_locale(Locale::parse(tag).unwrap());
        let f = app.app_lock_form().unwrap();
        let label = |m: u32| f.choices.iter().find(|c| c.minutes == m).unwrap().label.clone();
        assert_eq!((label(0).as_str(), label(1).as_str(), label(5).as_str()), (immediately, one, five), "{tag}");
        for text in
            [&f.title, &f.explanation, &f.enable_label, &f.decline_label, &f.prompt_reason, &f.lock_screen_label]
        {
            assert!(!text.trim().is_empty(), "{tag}");
        }
        // The lock-screen switch's help names what the public version leaves out.
        let leaves_out = match tag {
            "en" => "medicines",
            "de" => "Medikamente",
            _ => "лекарств",
        };
        assert!(f.lock_screen_help.contains(leaves_out), "{tag}: {}", f.lock_screen_help);
        // Every label differs: the picker never shows two equal entries.
        let mut labels: Vec<&String> = f.choices.iter().map(|c| &c.label).collect();
        labels.dedup();
        assert_eq!(labels.len(), LOCK_DELAY_CHOICES.len(), "{tag}");
        let d = app.app_foregrounded(ts("2026-11-26T08:00:00Z")).unwrap();
        assert_eq!(d.cover_title, cover);
        assert!(!d.unlock_label.is_empty() && d.prompt_reason == f.prompt_reason);
        seen.push(f.explanation.clone());
    }
    seen.dedup();
    assert_eq!(seen.len(), 3, "each language has its own explanation");
    // Russian plurals: 15 and 30 minutes take "минут", 1 takes "минуту".
    assert_eq!(kefir_core::lock::delay_label(30, &Locale::parse("ru").unwrap()), "Через 30 минут");
    assert_eq!(kefir_core::lock::delay_label(60, &Locale::parse("de").unwrap()), "Nach 60 Minuten");
}

// ---------------------------------------------------------------- decision

fn locked(d: &LockDecision) -> bool {
    assert!(d.hide_content || !d.locked, "locked implies hidden");
    d.locked
}

#[test]
fn cold_start_with_the_lock_on_is_locked_until_the_prompt_succeeds() {
    let (_d, path) = file_db();
    let t0 = ts("2026-11-26T08:00:00Z");
    Kefir::open(&path).unwrap().save_app_lock(&on(30)).unwrap();
    let app = Kefir::open(&path).unwrap(); // a new process
    let d = app.app_foregrounded(t0).unwrap();
    assert!(locked(&d) && d.hide_content);
    assert!(locked(&app.app_foregrounded(at(t0, 1000)).unwrap()), "still locked without a prompt");
    let d = app.app_unlocked(at(t0, 2000)).unwrap();
    assert!(!d.locked && d.hide_content, "open, and still hidden from the app switcher");
    assert!(!locked(&app.app_foregrounded(at(t0, 3000)).unwrap()));
}

#[test]
fn turning_it_on_while_open_does_not_lock_now_but_from_the_next_background() {
    let app = Kefir::open_in_memory().unwrap();
    let t0 = ts("2026-11-26T08:00:00Z");
    assert!(!app.app_foregrounded(t0).unwrap().locked, "off: never locked");
    app.save_app_lock(&on(0)).unwrap();
    let d = app.app_foregrounded(at(t0, 1000)).unwrap();
    assert!(!d.locked && d.hide_content);
    app.app_backgrounded(at(t0, 2000)).unwrap();
    assert!(locked(&app.app_foregrounded(at(t0, 2001)).unwrap()), "immediately");
    // Changing only the delay keeps it locked.
    app.save_app_lock(&on(60)).unwrap();
    assert!(locked(&app.app_foregrounded(at(t0, 3000)).unwrap()));
    // Turning it off unlocks; on again does not lock at once.
    let f = app.save_app_lock(&AppLockSettings { enabled: false, after_minutes: 60 }).unwrap();
    assert!(!f.settings.enabled);
    let d = app.app_foregrounded(at(t0, 4000)).unwrap();
    assert!(!d.locked && !d.hide_content);
    app.save_app_lock(&on(60)).unwrap();
    assert!(!app.app_foregrounded(at(t0, 5000)).unwrap().locked);
}

#[test]
fn locks_after_the_delay_to_the_millisecond() {
    let t0 = ts("2026-11-26T08:00:00Z");
    for minutes in LOCK_DELAY_CHOICES.iter().copied().filter(|m| *m > 0) {
        let app = Kefir::open_in_memory().unwrap();
        app.save_app_lock(&on(minutes)).unwrap();
        let delay = i64::from(minutes) * MIN;
        app.app_backgrounded(t0).unwrap();
        assert!(!locked(&app.app_foregrounded(at(t0, delay - 1)).unwrap()), "{minutes} min less 1 ms");
        app.app_backgrounded(at(t0, delay)).unwrap();
        assert!(locked(&app.app_foregrounded(at(t0, 2 * delay)).unwrap()), "{minutes} min exactly");
        assert!(locked(&app.app_foregrounded(at(t0, 2 * delay + 1)).unwrap()), "stays locked");
    }
}

#[test]
fn a_second_background_report_keeps_the_earliest_time() {
    let app = Kefir::open_in_memory().unwrap();
    app.save_app_lock(&on(5)).unwrap();
    let t0 = ts("2026-11-26T08:00:00Z");
    app.app_backgrounded(t0).unwrap();
    app.app_backgrounded(at(t0, 4 * MIN)).unwrap(); // a later, repeated report
    assert!(locked(&app.app_foregrounded(at(t0, 5 * MIN)).unwrap()), "5 minutes since the first report");
}

#[test]
fn a_clock_that_went_back_while_away_locks() {
    let app = Kefir::open_in_memory().unwrap();
    app.save_app_lock(&on(60)).unwrap();
    let t0 = ts("2026-11-26T08:00:00Z");
    app.app_backgrounded(t0).unwrap();
    assert!(locked(&app.app_foregrounded(at(t0, -1)).unwrap()), "1 ms back");
    app.app_unlocked(t0).unwrap();
    app.app_backgrounded(t0).unwrap();
    assert!(locked(&app.app_foregrounded(at(t0, -24 * 60 * MIN)).unwrap()), "a day back");
    // A clock that jumps forward is simply time away.
    app.app_unlocked(t0).unwrap();
    app.app_backgrounded(t0).unwrap();
    assert!(locked(&app.app_foregrounded(at(t0, 365 * 24 * 60 * MIN)).unwrap()));
}

#[test]
fn a_clock_outside_the_supported_range_fails_closed() {
    let app = Kefir::open_in_memory().unwrap();
    app.save_app_lock(&on(60)).unwrap();
    let t0 = ts("2026-11-26T08:00:00Z");
    let bad = ts("1970-01-01T00:00:00Z");
    assert_eq!(field_of(app.app_backgrounded(bad).unwrap_err()), "now");
    assert!(locked(&app.app_foregrounded(t0).unwrap()), "the time away is unknown");
    app.app_unlocked(t0).unwrap();
    app.app_backgrounded(t0).unwrap();
    assert!(locked(&app.app_foregrounded(bad).unwrap()), "a bad reading on return");
    // The unlock stands whatever the clock reads.
    assert!(!app.app_unlocked(bad).unwrap().locked);
    // With the lock off a bad clock locks nothing.
    app.save_app_lock(&AppLockSettings { enabled: false, after_minutes: 60 }).unwrap();
    let _ = app.app_backgrounded(bad);
    assert!(!app.app_foregrounded(bad).unwrap().locked);
}

// ---------------------------------------------------------------- backups

#[test]
fn the_lock_is_a_device_setting_backups_do_not_carry() {
    let now = ts("2026-11-26T08:00:00Z");
    let source = Kefir::open_in_memory().unwrap();
    source.save_app_lock(&on(5)).unwrap();
    let json = source.export_backup(now).unwrap();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(v["settings"].get("app_lock").is_none(), "{}", v["settings"]);

    // A new phone: the first-run offer is answered, then the backup is
    // restored into the (still empty) diary.
    let target = Kefir::open_in_memory().unwrap();
    target.save_app_lock(&on(30)).unwrap();
    target.import_backup(json.as_bytes(), ImportMode::IntoEmpty, false, now).unwrap();
    assert_eq!(target.app_lock_settings().unwrap(), on(30), "the device keeps its own lock");
    // Replacing keeps it too.
    target.import_backup(json.as_bytes(), ImportMode::Replace, true, now).unwrap();
    assert_eq!(target.app_lock_settings().unwrap(), on(30));
    // A backup that carries the key is refused: a file cannot turn the lock off.
    let mut hostile = v.clone();
    hostile["settings"]["app_lock"] = serde_json::Value::String(r#"{"enabled":false,"after_minutes":1}"#.into());
    let e = target.import_backup(hostile.to_string().as_bytes(), ImportMode::Replace, true, now);
    assert!(e.is_err(), "{e:?}");
    assert_eq!(target.app_lock_settings().unwrap(), on(30));
    // Delete everything removes it: the next start offers it again.
    target.wipe_everything(true).unwrap();
    let f = target.app_lock_form().unwrap();
    assert!(f.offer && !f.settings.enabled);
    assert!(!target.app_foregrounded(now).unwrap().locked);
}

// ---------------------------------------------------------------- properties

#[derive(Clone, Debug)]
enum Event {
    Background(i64),
    Foreground(i64),
    Unlock(i64),
    Set(bool, usize),
    /// The process ends and a new one opens the same database (cold start).
    Restart,
}

fn arb_event() -> impl Strategy<Value = Event> {
    // Clock readings within ±3 hours of a base: delays up to an hour, with
    // readings that go back as often as forward.
    let t = -3 * 60 * MIN..3 * 60 * MIN;
    prop_oneof![
        4 => t.clone().prop_map(Event::Background),
        4 => t.clone().prop_map(Event::Foreground),
        2 => t.prop_map(Event::Unlock),
        1 => (any::<bool>(), 0..LOCK_DELAY_CHOICES.len()).prop_map(|(e, i)| Event::Set(e, i)),
        1 => Just(Event::Restart),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Invariants over any sequence of reports, in any clock order:
    /// - lock off → never locked, nothing hidden; lock on → hidden (L8);
    /// - once the app must be locked (cold start with the lock on; a
    ///   background at least as long as the delay; a clock that went back
    ///   while away), every return to the foreground is locked until a
    ///   successful prompt or the lock is turned off (L4–L6);
    /// - and it is never locked without such a reason (no lock-outs).
    #[test]
    fn the_decision_follows_the_rules_in_any_order(
        events in prop::collection::vec(arb_event(), 1..60),
        start_on in any::<bool>(),
        start_delay in 0..LOCK_DELAY_CHOICES.len(),
    ) {
        let (_d, path) = file_db();
        let base = ts("2026-11-26T12:00:00Z");
        let mut app = Kefir::open(&path).unwrap();
        let mut settings = AppLockSettings { enabled: start_on, after_minutes: LOCK_DELAY_CHOICES[start_delay] };
        app.save_app_lock(&settings).unwrap();
        drop(app);
        app = Kefir::open(&path).unwrap();
        // What the rules say, tracked from the events alone.
        let mut must_lock = settings.enabled; // cold start (L4)
        let mut away_since: Option<i64> = None; // earliest background report
        for e in &events {
            match *e {
                Event::Background(t) => {
                    app.app_backgrounded(at(base, t)).unwrap();
                    away_since = Some(away_since.map_or(t, |s| s.min(t)));
                }
                Event::Foreground(t) => {
                    let d = app.app_foregrounded(at(base, t)).unwrap();
                    if settings.enabled {
                        if let Some(s) = away_since {
                            let delay = i64::from(settings.after_minutes) * MIN;
                            if t < s || t - s >= delay {
                                must_lock = true;
                            }
                        }
                    }
                    away_since = None;
                    prop_assert_eq!(d.hide_content, settings.enabled);
                    if !settings.enabled {
                        prop_assert!(!d.locked, "off: never locked");
                    } else {
                        prop_assert_eq!(d.locked, must_lock, "after {:?}", e);
                    }
                }
                Event::Unlock(t) => {
                    let d = app.app_unlocked(at(base, t)).unwrap();
                    prop_assert!(!d.locked);
                    must_lock = false;
                    away_since = None;
                }
                Event::Set(enabled, i) => {
                    let was = settings.enabled;
                    settings = AppLockSettings { enabled, after_minutes: LOCK_DELAY_CHOICES[i] };
                    app.save_app_lock(&settings).unwrap();
                    if !enabled || !was {
                        must_lock = false; // L6 off unlocks, L7 on does not lock now
                    }
                }
                Event::Restart => {
                    drop(app);
                    app = Kefir::open(&path).unwrap();
                    must_lock = settings.enabled;
                    away_since = None;
                }
            }
        }
    }

    /// Rule L5 alone, against the wall-clock facts: after an unlock, one
    /// background report at `away` and a return at `back` (either may be
    /// earlier), the app is locked exactly when the return reads earlier
    /// or at least the delay later.
    #[test]
    fn one_absence_locks_exactly_when_too_long_or_backwards(
        away in -10 * 60 * MIN..10 * 60 * MIN,
        back in -10 * 60 * MIN..10 * 60 * MIN,
        delay_ix in 0..LOCK_DELAY_CHOICES.len(),
    ) {
        let app = Kefir::open_in_memory().unwrap();
        let minutes = LOCK_DELAY_CHOICES[delay_ix];
        app.save_app_lock(&on(minutes)).unwrap();
        let base = ts("2026-03-29T01:00:00Z");
        app.app_unlocked(at(base, 0)).unwrap();
        app.app_backgrounded(at(base, away)).unwrap();
        let d = app.app_foregrounded(at(base, back)).unwrap();
        let backwards = back < away;
        let too_long = back - away >= i64::from(minutes) * MIN;
        prop_assert_eq!(d.locked, backwards || too_long, "away {} back {} delay {}", away, back, minutes);
        if backwards {
            prop_assert!(d.locked, "a clock that went back while away locks");
        }
    }
}
