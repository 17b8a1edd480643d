//! Reminders wired to the store: settings, plan targets, check-ins, doses, travel.

use kefir_core::reminders::{NotificationKind, ReminderSettings};
use kefir_core::*;

fn ts(s: &str) -> Timestamp {
    Timestamp::parse_rfc3339(s).unwrap()
}

#[test]
fn upcoming_follows_the_plan_checkins_doses_and_travel() {
    let app = Kefir::open_in_memory().unwrap();
    let paris = "Europe/Paris";
    let now = ts("2026-11-26T06:00:00Z"); // 07:00 in Paris
                                          // No plan yet: check-ins only.
    let n = app.upcoming_notifications(now, paris, 4).unwrap();
    assert!(n.iter().all(|x| x.kind == NotificationKind::Checkin), "{n:?}");
    app.start_plan(&PlanSettings::default(), now, paris).unwrap();
    let n = app.upcoming_notifications(now, paris, 4).unwrap();
    let drink = n.iter().find(|x| x.kind == NotificationKind::DrinkReminder).unwrap();
    assert_eq!(drink.id, "drink-2026-11-26");
    assert_eq!(drink.fire_at, ts("2026-11-26T07:30:00Z")); // 08:30 Paris
    assert!(drink.body.contains("50 ml"));
    // Stable ids: the same call again gives the same list.
    assert_eq!(app.upcoming_notifications(now, paris, 4).unwrap(), n);
    // Checking in today removes today's check-in reminder.
    app.save_checkin(
        &CheckinInput { day: "2026-11-26".into(), symptoms: vec![], bristol: None, note: None },
        now,
        paris,
    )
    .unwrap();
    let n = app.upcoming_notifications(now, paris, 6).unwrap();
    assert!(!n.iter().any(|x| x.id.starts_with("checkin-2026-11-26")));
    assert!(n.iter().any(|x| x.id.starts_with("checkin-2026-11-27")));
    // An antibiotic dose: "kefir allowed again" when the M1 window ends.
    app.log_dose(
        &DoseInput { medicine: MedClass::Antibiotic, at: now, interval_hours: None, note: None, name: None },
        now,
        paris,
    )
    .unwrap();
    let n = app.upcoming_notifications(now, paris, 6).unwrap();
    let sp = n.iter().find(|x| x.id.split('+').any(|id| id.starts_with("spacing-"))).unwrap();
    assert_eq!(sp.fire_at, ts("2026-11-26T09:00:00Z"));
    assert!(sp.body.contains("M1"));
    // The 08:30 drink reminder fell inside the M1 window: it moves to its end
    // (and, landing on the same instant, is merged with the spacing alert).
    assert!(sp.id.contains("drink-2026-11-26"), "{n:#?}");
    assert!(sp.body.contains("Moved to 10:00") && sp.body.contains("50 ml"), "{}", sp.body);
    assert!(!n.iter().any(|x| x.fire_at > now
        && x.fire_at < ts("2026-11-26T09:00:00Z")
        && x.kind == NotificationKind::DrinkReminder));
    // Travel to Tokyo: the same local times, in the new zone.
    let tokyo = app.upcoming_notifications(now, "Asia/Tokyo", 20).unwrap();
    let checkin = tokyo.iter().find(|x| x.kind == NotificationKind::Checkin).unwrap();
    assert_eq!(checkin.fire_at.local(&Zone::parse("Asia/Tokyo").unwrap()).format("%H:%M").to_string(), "20:00");
    assert!(matches!(app.upcoming_notifications(now, "Nowhere/City", 5), Err(CoreError::Invalid { .. })));
}

#[test]
fn settings_are_validated_and_stored_normalised() {
    let app = Kefir::open_in_memory().unwrap();
    assert_eq!(app.reminder_settings().unwrap(), ReminderSettings::default());
    let bad = ReminderSettings { checkin_times: vec!["7:5".into(), "24:00".into()], ..ReminderSettings::default() };
    assert!(
        matches!(app.save_reminder_settings(&bad), Err(CoreError::Invalid { ref field, .. }) if field == "checkin_times")
    );
    assert_eq!(app.reminder_settings().unwrap(), ReminderSettings::default(), "nothing stored");
    let good = ReminderSettings { checkin_times: vec!["21:30".into(), "7:05".into()], ..ReminderSettings::default() };
    let saved = app.save_reminder_settings(&good).unwrap();
    assert_eq!(saved.checkin_times, vec!["07:05".to_string(), "21:30".to_string()]);
    assert_eq!(app.reminder_settings().unwrap(), saved);
}

#[test]
fn rhythm_counts_streak_and_adherence() {
    let app = Kefir::open_in_memory().unwrap();
    let tz = "UTC";
    for (day, now) in [("2026-11-24", "2026-11-24T20:00:00Z"), ("2026-11-25", "2026-11-25T20:00:00Z")] {
        app.save_checkin(&CheckinInput { day: day.into(), symptoms: vec![], bristol: None, note: None }, ts(now), tz)
            .unwrap();
    }
    let r = app.rhythm("2026-11-20", "2026-11-26", ts("2026-11-26T09:00:00Z"), tz).unwrap();
    assert_eq!(r.streak_days, 2);
    assert!(r.checkin_due_today && !r.checkin_done_today && !r.can_fill_yesterday);
    assert!(matches!(
        app.rhythm("2026-11-26", "2026-11-20", ts("2026-11-26T09:00:00Z"), tz),
        Err(CoreError::Invalid { .. })
    ));
}

/// Words no lock-screen text may hold: every medicine class and symptom
/// label in every language.
fn labels_in_every_language() -> Vec<String> {
    use kefir_core::l10n::Locale;
    use kefir_core::vocab::Labelled;
    let mut out = Vec::new();
    for tag in ["en", "de", "ru"] {
        let loc = Locale::parse(tag).unwrap();
        out.extend(MedClass::ALL.iter().map(|m| m.label(&loc)));
        out.extend(Symptom::ALL.iter().map(|s| s.label(&loc)));
    }
    out
}

#[test]
fn lock_screen_versions_from_the_stored_diary_reveal_nothing() {
    let app = Kefir::open_in_memory().unwrap();
    let tz = "Europe/Berlin";
    let now = ts("2026-11-26T06:00:00Z");
    app.start_plan(&PlanSettings::default(), now, tz).unwrap();
    app.save_checkin(
        &CheckinInput {
            day: "2026-11-25".into(),
            symptoms: vec![SymptomEntry { symptom: Symptom::Bloating, severity: Severity::Mild }],
            bristol: Some(4),
            note: Some("Bauchweh nach dem Frühstück".into()),
        },
        now,
        tz,
    )
    .unwrap();
    let names = ["Amoxi-Ratiopharm 1000", "Ципролет", "Doxy 100"];
    for (i, (medicine, name)) in [MedClass::Antibiotic, MedClass::FluoroquinoloneOrTetracycline, MedClass::Antibiotic]
        .into_iter()
        .zip(names)
        .enumerate()
    {
        let at = Timestamp::from_millis(now.millis() - (i as i64) * 1_800_000).unwrap();
        let dose = DoseInput { medicine, at, interval_hours: Some(8), note: None, name: Some(name.into()) };
        app.log_dose(&dose, now, tz).unwrap();
    }
    let forbidden = labels_in_every_language();
    let mut kinds = std::collections::BTreeSet::new();
    for tag in ["en", "de", "ru"] {
        app.set_locale(kefir_core::l10n::Locale::parse(tag).unwrap());
        let list = app.upcoming_notifications(now, tz, 30).unwrap();
        assert!(list.iter().any(|n| n.body.contains("ml") || n.body.contains("мл")), "{tag}: {list:#?}");
        for n in &list {
            // Merged notifications carry every part's id.
            kinds.extend(n.id.split('+').map(|p| p.split('-').next().unwrap().to_string()));
            assert!(n.private, "private by default");
            for text in [&n.public_title, &n.public_body] {
                let lower = text.to_lowercase();
                for w in forbidden.iter().chain(names.iter().map(|s| s.to_string()).collect::<Vec<_>>().iter()) {
                    assert!(!lower.contains(&w.to_lowercase()), "{tag}: '{text}' names '{w}'");
                }
                assert!(!lower.contains("ml") && !lower.contains("мл"), "{tag}: '{text}'");
                assert!(!text.contains("M1") && !text.contains("M3"), "{tag}: '{text}'");
            }
        }
    }
    assert_eq!(kinds.len(), 3, "check-in, drink reminder and spacing alert: {kinds:?}");
    assert!(kinds.contains("spacing"), "{kinds:?}");
}

#[test]
fn full_text_on_the_lock_screen_is_stored_and_old_settings_read_as_private() {
    let app = Kefir::open_in_memory().unwrap();
    let now = ts("2026-11-26T06:00:00Z");
    let full = ReminderSettings { full_text_on_lock_screen: true, ..ReminderSettings::default() };
    assert!(app.save_reminder_settings(&full).unwrap().full_text_on_lock_screen);
    assert!(app.reminder_settings().unwrap().full_text_on_lock_screen);
    assert!(app.upcoming_notifications(now, "UTC", 5).unwrap().iter().all(|n| !n.private));
    // Settings stored by a version before the field existed.
    app.store()
        .conn()
        .execute(
            "UPDATE settings SET value = ?1 WHERE key = 'reminders'",
            [r#"{"checkin_times":["20:00"],"days":["mon","tue","wed","thu","fri","sat","sun"],"quiet_start":null,"quiet_end":null,"drink_reminder":"08:30","spacing_alerts":true,"time_zone":"UTC"}"#],
        )
        .unwrap();
    let old = app.reminder_settings().unwrap();
    assert!(!old.full_text_on_lock_screen);
    assert_eq!(old, ReminderSettings::default());
    assert!(app.upcoming_notifications(now, "UTC", 5).unwrap().iter().all(|n| n.private));
    // And it travels in a backup.
    app.save_reminder_settings(&full).unwrap();
    let json = app.export_backup(now).unwrap();
    let other = Kefir::open_in_memory().unwrap();
    other.import_backup(json.as_bytes(), ImportMode::IntoEmpty, false, now).unwrap();
    assert!(other.reminder_settings().unwrap().full_text_on_lock_screen);
}
