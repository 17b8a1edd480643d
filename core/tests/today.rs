//! The Today record carries everything its screen needs in one call.

use kefir_core::*;

fn ts(s: &str) -> Timestamp {
    Timestamp::parse_rfc3339(s).unwrap()
}
const TZ: &str = "Pacific/Auckland";

#[test]
fn today_has_first_run_yesterday_streak_and_constraints() {
    let app = Kefir::open_in_memory().unwrap();
    let now = ts("2026-11-26T20:00:00Z"); // 09:00 on the 27th in Auckland
    let t = app.today(now, TZ).unwrap();
    assert!(t.needs_screening);
    assert_eq!((t.date.as_str(), t.yesterday.as_str()), ("2026-11-27", "2026-11-26"));
    assert_eq!((t.streak_days, t.checkin_done, t.can_fill_yesterday), (0, false, true));
    assert!(t.checkin.is_none());
    assert_eq!(t.allowed_kinds.len(), KefirKind::ALL.len());

    app.save_profile(
        &Profile { conditions: vec![Condition::MilkProteinAllergy, Condition::Pregnant], ..Profile::default() },
        now,
    )
    .unwrap();
    for day in ["2026-11-26", "2026-11-27"] {
        let input = CheckinInput { day: day.into(), symptoms: vec![], bristol: Some(4), note: Some("fine".into()) };
        app.save_checkin(&input, now, TZ).unwrap();
    }
    let t = app.today(now, TZ).unwrap();
    assert!(!t.needs_screening);
    assert_eq!(t.allowed_kinds, vec![KefirKind::Water, KefirKind::Plant], "P1");
    assert_eq!(t.allowed_sources, vec![Source::Commercial], "P4");
    assert_eq!((t.streak_days, t.checkin_done, t.can_fill_yesterday), (2, true, false));
    assert_eq!(t.checkin.unwrap().note.as_deref(), Some("fine"));
    assert!(!t.may_start_plan, "P4 needs a clinician first");
    assert!(t.headline.contains("clinician"), "{}", t.headline);
}

#[test]
fn report_range_defaults() {
    let app = Kefir::open_in_memory().unwrap();
    let now = ts("2026-11-26T20:00:00Z");
    let r = app.report_range(now, TZ).unwrap();
    assert_eq!((r.from_day.as_str(), r.to_day.as_str()), ("2026-10-31", "2026-11-27"));
    app.start_plan(&PlanSettings::default(), ts("2026-11-10T20:00:00Z"), TZ).unwrap();
    let r = app.report_range(now, TZ).unwrap();
    assert_eq!(r.from_day, "2026-11-11");
    let v = app.plan_view(ts("2026-11-12T20:00:00Z"), TZ).unwrap();
    assert!(v.can_change_target && v.can_pause && !v.can_resume);
    // Sixteen days with neither a check-in nor a drink: paused for absence (D4).
    let v = app.plan_view(now, TZ).unwrap();
    assert!(v.can_change_target && !v.can_pause && v.can_resume);
    assert_eq!(v.history[0].rule_ids, vec!["D4".to_string()]);
}
