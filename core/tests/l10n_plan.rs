//! Plan reasons, event reasons and dose warnings are stored language-neutral
//! (message references) and read in the caller's language; text stored by
//! older versions (schema 4, backup format 2) stays readable as written.

use kefir_core::l10n::Locale;
use kefir_core::vocab::Labelled;
use kefir_core::*;

fn ts(s: &str) -> Timestamp {
    Timestamp::parse_rfc3339(s).unwrap()
}
const TZ: &str = "UTC";

fn checkin(app: &Kefir, day: &str, now: &str, symptoms: Vec<SymptomEntry>) {
    let input = CheckinInput { day: day.into(), symptoms, bristol: Some(4), note: None };
    app.save_checkin(&input, ts(now), TZ).unwrap();
}

/// A plan decided in English: start, four good days (one step up), then
/// hives (S6) stop it.
fn english_plan() -> Kefir {
    let app = Kefir::open_in_memory().unwrap();
    app.set_locale(Locale::english());
    app.start_plan(&PlanSettings { hold_days: Some(3), ..PlanSettings::default() }, ts("2026-03-01T08:00:00Z"), TZ)
        .unwrap();
    for d in 1..=4 {
        checkin(&app, &format!("2026-03-0{d}"), &format!("2026-03-0{d}T20:00:00Z"), vec![]);
    }
    app.plan_view(ts("2026-03-05T08:00:00Z"), TZ).unwrap();
    let hives = SymptomEntry { symptom: Symptom::Hives, severity: Severity::Mild };
    checkin(&app, "2026-03-05", "2026-03-05T09:00:00Z", vec![hives]);
    app
}

#[test]
fn a_plan_decided_in_english_reads_in_german_and_russian() {
    let app = english_plan();
    let now = ts("2026-03-05T10:00:00Z");
    let en = app.plan_view(now, TZ).unwrap();
    let reasons: Vec<&str> = en.history.iter().map(|d| d.reason.as_str()).collect();
    assert!(reasons.contains(&"Day one: start with 50 ml."), "{reasons:?}");
    assert!(reasons.contains(&"3 good days at 50 ml: one step up."), "{reasons:?}");
    assert!(en.history[0].reason.starts_with("Stopped: hives (S6)."), "{}", en.history[0].reason);

    app.set_locale(Locale::parse("de-AT").unwrap());
    let de = app.plan_view(now, TZ).unwrap();
    let reasons: Vec<&str> = de.history.iter().map(|d| d.reason.as_str()).collect();
    assert!(reasons.contains(&"Tag eins: Beginnen Sie mit 50 ml."), "{reasons:?}");
    assert!(reasons.contains(&"3 gute Tage mit 50 ml: eine Stufe höher."), "{reasons:?}");
    assert!(de.history[0].reason.starts_with("Beendet: Nesselsucht (S6)."), "{}", de.history[0].reason);
    assert!(de.events.iter().any(|e| e.reason.starts_with("Beendet: Nesselsucht (S6).")), "{:?}", de.events);
    assert_eq!(de.history.len(), en.history.len());
    assert!(app.today(now, TZ).unwrap().headline.contains("Neustart"));

    app.set_locale(Locale::parse("ru").unwrap());
    let ru = app.plan_view(now, TZ).unwrap();
    let reasons: Vec<&str> = ru.history.iter().map(|d| d.reason.as_str()).collect();
    assert!(reasons.contains(&"День первый: начните с 50 мл."), "{reasons:?}");
    assert!(reasons.contains(&"3 хороших дня на 50 мл: переходим на шаг выше."), "{reasons:?}");
    assert!(ru.history[0].reason.starts_with("Остановлен: крапивница (S6)."), "{}", ru.history[0].reason);
    // Refusals speak the caller's language too.
    let e = app.restart_plan(now, TZ).unwrap_err();
    assert!(e.to_string().contains("Тревожный признак"), "{e}");
}

#[test]
fn today_headline_in_each_language() {
    let app = Kefir::open_in_memory().unwrap();
    let now = ts("2026-03-01T08:00:00Z");
    app.save_profile(&Profile::default(), now).unwrap();
    app.start_plan(&PlanSettings::default(), now, TZ).unwrap();
    let drink =
        DrinkInput { at: now, ml: 20, kind: KefirKind::MilkCow, source: Source::Commercial, note: None, batch: None };
    app.log_drink(&drink, now, TZ).unwrap();
    assert_eq!(app.today(now, TZ).unwrap().headline, "Today: 50 ml of kefir, 30 ml to go.");
    app.set_locale(Locale::parse("de").unwrap());
    assert_eq!(app.today(now, TZ).unwrap().headline, "Heute: 50 ml Kefir, noch 30 ml.");
    app.set_locale(Locale::parse("ru").unwrap());
    assert_eq!(app.today(now, TZ).unwrap().headline, "Сегодня: 50 мл кефира, осталось 30 мл.");
}

#[test]
fn dose_warnings_are_stored_neutral_and_read_in_german() {
    let app = Kefir::open_in_memory().unwrap();
    let now = ts("2026-03-01T09:00:00Z");
    let drink = DrinkInput {
        at: ts("2026-03-01T07:30:00Z"),
        ml: 100,
        kind: KefirKind::MilkCow,
        source: Source::Commercial,
        note: None,
        batch: None,
    };
    app.log_drink(&drink, now, TZ).unwrap();
    let dose = DoseInput {
        at: ts("2026-03-01T08:00:00Z"),
        medicine: MedClass::Antibiotic,
        interval_hours: None,
        note: None,
        name: None,
    };
    let logged = app.log_dose(&dose, now, TZ).unwrap();
    let en = &logged.warnings[0].advice;
    assert!(
        en.starts_with("Your 100 ml of kefir at 2026-03-01 07:30 was 30 min before this antibiotic dose; M1"),
        "{en}"
    );
    app.set_locale(Locale::parse("de").unwrap());
    let t = app.today(now, TZ).unwrap();
    let w = t.warnings.iter().find(|w| w.rule_id == "M1").unwrap();
    assert!(
        w.advice.starts_with("Ihre 100 ml Kefir um 2026-03-01 07:30 lagen 30 min vor dieser Dosis des Antibiotikums"),
        "{}",
        w.advice
    );
    // The backup carries the reference, not the text.
    let json = app.export_backup(now).unwrap();
    assert!(json.contains("spacing-dose-breach") && !json.contains("Your 100 ml"), "{json}");
}

#[test]
fn backups_carry_references_and_version_2_text_stays_as_written() {
    let app = english_plan();
    let now = ts("2026-03-05T10:00:00Z");
    let json = app.export_backup(now).unwrap();
    assert!(json.contains("\"version\": 3") && json.contains("plan-day-one") && !json.contains("Day one"), "{json}");
    // Round trip: export -> import -> export gives the same document.
    let copy = Kefir::open_in_memory().unwrap();
    copy.import_backup(json.as_bytes(), ImportMode::IntoEmpty, false, now).unwrap();
    assert_eq!(copy.export_backup(now).unwrap(), json);
    copy.set_locale(Locale::parse("de").unwrap());
    let v = copy.plan_view(now, TZ).unwrap();
    assert!(v.history.iter().any(|d| d.reason == "Tag eins: Beginnen Sie mit 50 ml."), "{:?}", v.history);

    // A version 2 document: reasons were English text; they stay as written.
    let mut doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    doc["version"] = 2.into();
    for p in doc["plans"].as_array_mut().unwrap() {
        for d in p["days"].as_array_mut().unwrap() {
            d["reason"] = "Old \"English\" reason.".into();
        }
        for e in p["events"].as_array_mut().unwrap() {
            e["reason"] = "Old event.".into();
        }
    }
    let old = Kefir::open_in_memory().unwrap();
    old.import_backup(doc.to_string().as_bytes(), ImportMode::IntoEmpty, false, now).unwrap();
    old.set_locale(Locale::parse("ru").unwrap());
    let v = old.plan_view(now, TZ).unwrap();
    assert!(v.history.iter().any(|d| d.reason == "Old \"English\" reason."), "{:?}", v.history);
    assert!(v.events.iter().all(|e| e.reason == "Old event."), "{:?}", v.events);
    let again = old.export_backup(now).unwrap();
    assert!(again.contains("legacy-text") && again.contains("\"version\": 3"), "{again}");

    // A reference to a message the app does not have is refused.
    let bad = json.replacen("plan-day-one", "plan-no-such-message", 1);
    let e =
        Kefir::open_in_memory().unwrap().import_backup(bad.as_bytes(), ImportMode::IntoEmpty, false, now).unwrap_err();
    assert!(e.to_string().contains("names a message this app does not have"), "{e:?}");
    let bad = json.replacen("\"S6\"", "\"Z9\"", 1);
    assert!(Kefir::open_in_memory().unwrap().import_backup(bad.as_bytes(), ImportMode::IntoEmpty, false, now).is_err());

    // Arguments are what the app stores (whole numbers, short codes): text
    // in a language, or an absurd number, cannot pose as the app's reason.
    // A catalogue message that is not a plan reason cannot pose as one.
    let bad = json.replacen("plan-day-one", "disclaimer", 1);
    let e =
        Kefir::open_in_memory().unwrap().import_backup(bad.as_bytes(), ImportMode::IntoEmpty, false, now).unwrap_err();
    assert!(e.to_string().contains("not one the app stores here"), "{e:?}");
    for forged in [serde_json::json!("fünfzig"), serde_json::json!(-1e308), serde_json::json!(1_000_000_000)] {
        let mut doc: serde_json::Value = serde_json::from_str(&json).unwrap();
        let reason = &mut doc["plans"][0]["days"][0]["reason"];
        let args = reason[0]["args"].as_array_mut().expect("a plan day reason with arguments");
        args[0][1] = forged.clone();
        let e = Kefir::open_in_memory()
            .unwrap()
            .import_backup(doc.to_string().as_bytes(), ImportMode::IntoEmpty, false, now)
            .unwrap_err();
        assert!(e.to_string().contains("never stores"), "{forged}: {e:?}");
    }
}

#[test]
fn a_version_4_database_keeps_its_english_reasons() {
    let dir = std::env::temp_dir().join(format!("kefir-v4-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("v4.db");
    let _ = std::fs::remove_file(&path);
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch(kefir_core::store::SCHEMA_SNAPSHOTS[3]).unwrap();
        c.execute_batch(
            "PRAGMA user_version = 4;
             INSERT INTO plans (id, started_day, started_ms, start_ml, target_ml, step_ml, hold_days, status)
                 VALUES (1, '2026-03-01', 1772352000000, 50, 150, 25, 3, 'paused');
             INSERT INTO plan_days (plan_id, day, step, days_at_step, target_ml, decision, reason, rule_ids, decided_ms)
                 VALUES (1, '2026-03-01', 0, 1, 50, 'start', 'Day one: start with 50 ml.', 'D1', 1772352000000),
                        (1, '2026-03-02', 0, 2, 0, 'pause', 'Paused by you: \"a\\b\"
next line.', '', 1772438400000);
             INSERT INTO plan_events (plan_id, day, at_ms, since_ms, kind, level, reason, rule_ids)
                 VALUES (1, '2026-03-01', 1772352000000, NULL, 'start', 'info', 'Day one: start with 50 ml.', 'D1');",
        )
        .unwrap();
    }
    let app = Kefir::open(&path).unwrap();
    assert_eq!(app.store().schema_version().unwrap(), kefir_core::store::LATEST_VERSION);
    app.set_locale(Locale::parse("de").unwrap());
    let v = app.plan_view(ts("2026-03-02T10:00:00Z"), TZ).unwrap();
    let reasons: Vec<&str> = v.history.iter().map(|d| d.reason.as_str()).collect();
    assert_eq!(reasons, vec!["Paused by you: \"a\\b\"\nnext line.", "Day one: start with 50 ml."]);
    assert_eq!(v.events[0].reason, "Day one: start with 50 ml.");
    drop(app);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn notifications_in_german_and_russian() {
    let app = Kefir::open_in_memory().unwrap();
    let now = ts("2026-03-01T06:00:00Z");
    app.start_plan(&PlanSettings::default(), now, TZ).unwrap();
    let dose = DoseInput {
        at: ts("2026-03-01T05:30:00Z"),
        medicine: MedClass::Antibiotic,
        interval_hours: None,
        note: None,
        name: None,
    };
    app.log_dose(&dose, now, TZ).unwrap();
    let en = app.upcoming_notifications(now, TZ, 10).unwrap();
    // The drink reminder waits for the antibiotic's window, then fires with the spacing alert.
    assert!(en.iter().any(|n| n.title == "Kefir reminder · Kefir allowed again"), "{en:?}");
    app.set_locale(Locale::parse("de-DE").unwrap());
    let de = app.upcoming_notifications(now, TZ, 10).unwrap();
    assert_eq!(de.len(), en.len());
    assert!(de.iter().any(|n| n.title == "Täglicher Check-in" && n.body.starts_with("Wie war Ihr Tag?")), "{de:?}");
    assert!(de.iter().any(|n| n.title == "Kefir-Erinnerung" && n.body.contains("Kefir heute: 50 ml")), "{de:?}");
    let spacing = de.iter().find(|n| n.id.contains("spacing-")).unwrap();
    assert_eq!(spacing.title, "Kefir-Erinnerung · Kefir wieder erlaubt");
    assert!(spacing.body.contains("Der Abstand ist vorbei (M1). Kefir ist wieder erlaubt."), "{spacing:?}");
    app.set_locale(Locale::parse("ru").unwrap());
    let ru = app.upcoming_notifications(now, TZ, 10).unwrap();
    assert!(ru.iter().any(|n| n.title == "Ежедневная отметка"), "{ru:?}");
    assert!(ru.iter().any(|n| n.body.starts_with("Кефир сегодня: 50 мл")), "{ru:?}");
}

/// The words for levels, plan statuses and decisions come with the records
/// the screens show, in the caller's language (the shells keep none).
#[test]
fn levels_statuses_and_decisions_are_labelled_in_the_callers_language() {
    let app = english_plan();
    let now = ts("2026-03-05T10:00:00Z");
    let hives = SymptomEntry { symptom: Symptom::Hives, severity: Severity::Mild };
    let input = CheckinInput { day: "2026-03-05".into(), symptoms: vec![hives], bristol: Some(4), note: None };
    // (language, stopped status, stop decision, start decision, assessment level)
    for (tag, status, stop, start, level) in [
        ("en", "Stopped", "Stop", "Start", "Stop"),
        ("de", "Beendet", "Stopp", "Beginn", "Stopp"),
        ("ru", "Остановлен", "Остановка", "Начало", "Стоп"),
    ] {
        app.set_locale(Locale::parse(tag).unwrap());
        let view = app.plan_view(now, TZ).unwrap();
        assert_eq!(view.progress.as_ref().unwrap().status, PlanStatus::Stopped);
        assert_eq!(view.progress.as_ref().unwrap().status_label, status, "{tag}");
        assert_eq!(view.history[0].kind_label, stop, "{tag}: {:?}", view.history[0]);
        let first = view.history.last().unwrap();
        assert_eq!(first.kind_label, start, "{tag}");
        // Every decision of the history is labelled in this language.
        for d in &view.history {
            assert!(!d.kind_label.is_empty() && d.kind_label != d.kind.as_str(), "{tag}: {d:?}");
        }
        let today = app.today(now, TZ).unwrap();
        let decision = today.decision.expect("a stopped plan still has a decision");
        assert!(!decision.kind_label.is_empty(), "{tag}");
        assert_eq!(today.progress.unwrap().status_label, status, "{tag}");

        let assessment = app.save_checkin(&input, ts("2026-03-05T11:00:00Z"), TZ).unwrap().assessment;
        assert_eq!(assessment.level, Level::Stop);
        assert_eq!(assessment.level_label, level, "{tag}");
        let screening = app.screening().unwrap();
        assert_eq!(screening.level_label, screening.level.label(&Locale::parse(tag).unwrap()), "{tag}");

        let summary = app.summary("2026-03-01", "2026-03-05", now, TZ).unwrap();
        assert_eq!(summary.screening_level_label, screening.level_label, "{tag}");
        let events: Vec<&str> = summary.plan_events.iter().map(|e| e.decision_label.as_str()).collect();
        assert!(events.contains(&start) && events.contains(&stop), "{tag}: {events:?}");
    }
}
