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
