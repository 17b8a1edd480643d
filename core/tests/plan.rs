//! The introduction plan: the symptom-free schedule, decisions, user
//! actions, and property tests over random profiles and 200-day symptom streams.

use chrono::{Duration, NaiveDate};
use kefir_core::screening::constraints_for;
use kefir_core::simulate::{simulate, ScriptedDay, SimDay, Simulation, SymptomModel};
use kefir_core::*;
use proptest::prelude::*;

const TZ: &str = "Europe/Berlin";

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}
fn at(day: &str, hm: &str) -> Timestamp {
    let z = Zone::parse(TZ).unwrap();
    z.resolve_local(chrono::NaiveDateTime::parse_from_str(&format!("{day} {hm}"), "%Y-%m-%d %H:%M").unwrap())
}
fn e(symptom: Symptom, severity: Severity) -> SymptomEntry {
    SymptomEntry { symptom, severity }
}
fn kinds(days: &[SimDay]) -> Vec<DecisionKind> {
    days.iter().map(|d| d.decision.unwrap()).collect()
}
fn checkin(k: &Kefir, day: &str, symptoms: Vec<SymptomEntry>, now: Timestamp) -> CheckinResult {
    k.save_checkin(&CheckinInput { day: day.into(), symptoms, bristol: None, note: None }, now, TZ).unwrap()
}

#[test]
fn symptom_free_run_reaches_the_goal_on_the_scheduled_day() {
    let sim = Simulation::symptom_free(date("2026-03-01"), 20, TZ);
    let days = simulate(&sim).unwrap();
    let targets: Vec<u32> = days.iter().map(|d| d.target_ml).collect();
    assert_eq!(targets[..13], [50, 50, 50, 75, 75, 75, 100, 100, 100, 125, 125, 125, 150]);
    assert!(targets[13..].iter().all(|t| *t == 150));
    let k = kinds(&days);
    assert_eq!(k[0], DecisionKind::Start);
    assert_eq!(k[3], DecisionKind::Advance);
    assert_eq!(k[12], DecisionKind::Advance);
    assert_eq!(k[13], DecisionKind::Maintain);
    // The projection on day one names that same day.
    let app = Kefir::open_in_memory().unwrap();
    let view = app.start_plan(&PlanSettings::default(), at("2026-03-01", "07:00"), TZ).unwrap();
    let p = view.progress.unwrap();
    assert_eq!((p.step, p.steps, p.goal_ml), (1, 5, 150));
    assert_eq!(p.projected_goal_date.as_deref(), Some("2026-03-13"));
}

#[test]
fn custom_pace_and_dst_do_not_shift_the_schedule() {
    // New York springs forward on 2026-03-08: days stay local days.
    let mut sim = Simulation::symptom_free(date("2026-03-05"), 12, "America/New_York");
    sim.plan = PlanSettings { start_ml: Some(100), target_ml: Some(200), hold_days: Some(2), step_ml: Some(50) };
    let days = simulate(&sim).unwrap();
    let targets: Vec<u32> = days.iter().map(|d| d.target_ml).collect();
    assert_eq!(targets, [100, 100, 150, 150, 200, 200, 200, 200, 200, 200, 200, 200]);
    assert_eq!(days[3].date, "2026-03-08");
}

#[test]
fn mild_holds_moderate_steps_back_and_no_checkin_means_no_advance() {
    let app = Kefir::open_in_memory().unwrap();
    app.start_plan(&PlanSettings::default(), at("2026-05-01", "07:00"), TZ).unwrap();
    for d in ["2026-05-01", "2026-05-02", "2026-05-03"] {
        checkin(&app, d, vec![], at(d, "20:00"));
    }
    let t = app.today(at("2026-05-04", "07:00"), TZ).unwrap();
    assert_eq!((t.decision.as_ref().unwrap().kind, t.target_ml), (DecisionKind::Advance, Some(75)));
    // Mild bloating: hold (S1).
    checkin(&app, "2026-05-04", vec![e(Symptom::Bloating, Severity::Mild)], at("2026-05-04", "20:00"));
    let d = app.today(at("2026-05-05", "07:00"), TZ).unwrap().decision.unwrap();
    assert_eq!((d.kind, d.target_ml, d.rule_ids.clone()), (DecisionKind::Hold, 75, vec!["S1".to_string()]));
    // Moderate: step back to 50 (S2).
    checkin(&app, "2026-05-05", vec![e(Symptom::Diarrhoea, Severity::Moderate)], at("2026-05-05", "20:00"));
    // The step back applies at once, the moment it is reported (not next morning) ...
    let t = app.today(at("2026-05-05", "20:01"), TZ).unwrap();
    let d = t.decision.unwrap();
    assert_eq!((d.kind, d.target_ml), (DecisionKind::StepBack, 50));
    assert!(d.rule_ids.contains(&"S2".to_string()));
    // ... and the next day holds there instead of stepping back a second time.
    let d = app.today(at("2026-05-06", "07:00"), TZ).unwrap().decision.unwrap();
    assert_eq!((d.kind, d.target_ml), (DecisionKind::Hold, 50));
    assert!(d.rule_ids.contains(&"S2".to_string()));
    // No check-in on the 6th: the 7th holds (D4).
    let d = app.today(at("2026-05-07", "07:00"), TZ).unwrap().decision.unwrap();
    assert_eq!((d.kind, d.rule_ids), (DecisionKind::Hold, vec!["D4".to_string()]));
    // Filling in yesterday's check-in late re-decides today.
    checkin(&app, "2026-05-06", vec![e(Symptom::Cramps, Severity::Severe)], at("2026-05-07", "09:00"));
    let d = app.today(at("2026-05-07", "09:01"), TZ).unwrap().decision.unwrap();
    assert_eq!(d.kind, DecisionKind::StepBack);
    // Decisions are stored: the history is auditable, newest first.
    let v = app.plan_view(at("2026-05-07", "10:00"), TZ).unwrap();
    let hist: Vec<DecisionKind> = v.history.iter().map(|h| h.kind).collect();
    use DecisionKind::*;
    assert_eq!(hist, vec![StepBack, Hold, StepBack, Advance, Hold, Hold, Start]);
}

#[test]
fn three_bad_days_pause_and_resume_continues() {
    let app = Kefir::open_in_memory().unwrap();
    app.start_plan(&PlanSettings::default(), at("2026-05-01", "07:00"), TZ).unwrap();
    for d in ["2026-05-01", "2026-05-02", "2026-05-03"] {
        app.today(at(d, "07:00"), TZ).unwrap();
        checkin(&app, d, vec![e(Symptom::Nausea, Severity::Moderate)], at(d, "20:00"));
    }
    let t = app.today(at("2026-05-04", "07:00"), TZ).unwrap();
    let d = t.decision.unwrap();
    assert_eq!((d.kind, d.target_ml), (DecisionKind::Pause, 0));
    assert_eq!(t.progress.unwrap().status, PlanStatus::Paused);
    let d = app.today(at("2026-05-05", "07:00"), TZ).unwrap().decision.unwrap();
    assert_eq!(d.kind, DecisionKind::Paused);
    let v = app.resume_plan(at("2026-05-05", "08:00"), TZ).unwrap();
    assert_eq!(v.history[0].kind, DecisionKind::Resume);
    assert_eq!(v.history[0].target_ml, 50);
    assert!(matches!(app.resume_plan(at("2026-05-05", "08:00"), TZ), Err(CoreError::NotAllowed { .. })));
    app.pause_plan(at("2026-05-05", "09:00"), TZ).unwrap();
    assert_eq!(app.today(at("2026-05-05", "09:01"), TZ).unwrap().target_ml, Some(0));
}

#[test]
fn a_missed_spacing_window_pauses() {
    let app = Kefir::open_in_memory().unwrap();
    app.start_plan(&PlanSettings::default(), at("2026-05-01", "07:00"), TZ).unwrap();
    let dose = DoseInput {
        medicine: MedClass::Antibiotic,
        at: at("2026-05-01", "08:00"),
        interval_hours: Some(12),
        note: None,
        name: None,
    };
    app.log_dose(&dose, at("2026-05-01", "08:00"), TZ).unwrap();
    let drink = DrinkInput {
        at: at("2026-05-01", "09:00"),
        ml: 50,
        kind: KefirKind::MilkCow,
        source: Source::Commercial,
        note: None,
        batch: None,
    };
    let w = app.log_drink(&drink, at("2026-05-01", "09:00"), TZ).unwrap();
    assert!(w.warnings.iter().any(|f| f.rule_id == "M1"));
    checkin(&app, "2026-05-01", vec![], at("2026-05-01", "20:30"));
    let d = app.today(at("2026-05-02", "07:00"), TZ).unwrap().decision.unwrap();
    assert_eq!((d.kind, d.rule_ids), (DecisionKind::Pause, vec!["M1".to_string()]));
}

#[test]
fn emergency_stops_the_same_day_and_restart_needs_a_clean_checkin() {
    let app = Kefir::open_in_memory().unwrap();
    app.start_plan(&PlanSettings::default(), at("2026-05-01", "07:00"), TZ).unwrap();
    let r = app
        .report_reaction(
            &ReactionInput {
                at: at("2026-05-01", "10:00"),
                symptoms: vec![e(Symptom::ItchyThroat, Severity::Mild)],
                note: None,
            },
            at("2026-05-01", "10:01"),
            TZ,
        )
        .unwrap();
    assert_eq!(r.assessment.level, Level::Emergency);
    let t = app.today(at("2026-05-01", "10:02"), TZ).unwrap();
    let d = t.decision.unwrap();
    assert_eq!((d.kind, d.target_ml, d.rule_ids), (DecisionKind::Stop, 0, vec!["S5".to_string()]));
    // Stays stopped the next days; restart refused while the red flag is open.
    assert_eq!(app.today(at("2026-05-02", "07:00"), TZ).unwrap().decision.unwrap().kind, DecisionKind::Stopped);
    let err = app.restart_plan(at("2026-05-02", "07:00"), TZ).unwrap_err();
    assert!(
        matches!(err, CoreError::NotAllowed { ref rule_ids, .. } if rule_ids == &vec!["S5".to_string()]),
        "{err:?}"
    );
    assert!(!app.plan_view(at("2026-05-02", "07:00"), TZ).unwrap().can_restart);
    // A clean check-in alone is not enough after S5: a clinician must be involved.
    checkin(&app, "2026-05-02", vec![], at("2026-05-02", "20:00"));
    let v = app.plan_view(at("2026-05-03", "07:00"), TZ).unwrap();
    assert!(!v.can_restart);
    assert_eq!(v.blocked_rule_ids, vec!["S5".to_string()]);
    assert!(v.blocked_reason.unwrap().contains("clinician"));
    let err = app.restart_plan(at("2026-05-03", "07:00"), TZ).unwrap_err();
    assert!(matches!(err, CoreError::NotAllowed { ref rule_ids, .. } if rule_ids == &vec!["S5".to_string()]));
    // An acknowledgement dated before the reaction (clock behind) does not count.
    app.acknowledge_clinician(Some("seen before".into()), at("2026-05-01", "09:00")).unwrap();
    assert!(app.restart_plan(at("2026-05-03", "07:00"), TZ).is_err());
    // One dated after it, with its note, does; the plan restarts at the lowest step.
    app.acknowledge_clinician(Some("Allergist: no milk allergy".into()), at("2026-05-03", "06:30")).unwrap();
    let v = app.restart_plan(at("2026-05-03", "07:00"), TZ).unwrap();
    assert_eq!((v.history[0].kind, v.history[0].target_ml), (DecisionKind::Restart, 50));
    assert_eq!(v.plan.unwrap().status, PlanStatus::Active);
    let kinds: Vec<DecisionKind> = v.events.iter().map(|e| e.kind).collect();
    assert_eq!(kinds, vec![DecisionKind::Start, DecisionKind::Stop, DecisionKind::Restart]);
}

#[test]
fn start_is_refused_by_consult_and_out_of_range_choices() {
    let now = at("2026-05-01", "07:00");
    let app = Kefir::open_in_memory().unwrap();
    app.save_profile(&Profile { conditions: vec![Condition::Pregnant], ..Profile::default() }, now).unwrap();
    let err = app.start_plan(&PlanSettings::default(), now, TZ).unwrap_err();
    assert!(matches!(err, CoreError::NotAllowed { ref rule_ids, .. } if rule_ids == &vec!["P4".to_string()]));
    assert!(!app.plan_view(now, TZ).unwrap().can_start);
    // A go-ahead needs its note (who said what): none or blank is refused and stores nothing.
    for note in [None, Some("  ".to_string())] {
        let err = app.acknowledge_clinician(note, now).unwrap_err();
        assert!(matches!(err, CoreError::Invalid { ref field, .. } if field == "note"), "{err:?}");
        assert!(!app.plan_view(now, TZ).unwrap().can_start);
    }
    app.acknowledge_clinician(Some("midwife: fine".into()), now).unwrap();
    assert!(app.plan_view(now, TZ).unwrap().can_start);

    let field = |e: CoreError| match e {
        CoreError::Invalid { field, .. } => field,
        other => panic!("{other:?}"),
    };
    let lactose = Kefir::open_in_memory().unwrap();
    lactose
        .save_profile(&Profile { conditions: vec![Condition::LactoseIntolerance], ..Profile::default() }, now)
        .unwrap();
    let v = lactose.plan_view(now, TZ).unwrap();
    assert_eq!((v.start_range_ml.clone(), v.target_range_ml.clone()), (vec![25, 50], vec![100, 200]));
    let s = |start, target| PlanSettings { start_ml: start, target_ml: target, ..PlanSettings::default() };
    assert_eq!(field(lactose.start_plan(&s(Some(75), None), now, TZ).unwrap_err()), "start_ml");
    assert_eq!(field(lactose.start_plan(&s(None, Some(250)), now, TZ).unwrap_err()), "target_ml");
    assert_eq!(field(lactose.start_plan(&s(None, Some(90)), now, TZ).unwrap_err()), "target_ml");
    let bad_pace = PlanSettings { hold_days: Some(0), ..PlanSettings::default() };
    assert_eq!(field(lactose.start_plan(&bad_pace, now, TZ).unwrap_err()), "hold_days");
    assert!(lactose.plan_view(now, TZ).unwrap().plan.is_none(), "nothing stored");
    let v = lactose.start_plan(&s(Some(25), Some(100)), now, TZ).unwrap();
    assert_eq!(v.plan.unwrap().steps, vec![25, 50, 75, 100]);
    assert!(matches!(lactose.start_plan(&s(None, None), now, TZ), Err(CoreError::NotAllowed { .. })));

    let mao = Kefir::open_in_memory().unwrap();
    mao.save_profile(&Profile { medicines: vec![MedClass::MaoInhibitor], ..Profile::default() }, now).unwrap();
    assert_eq!(field(mao.start_plan(&s(None, Some(130)), now, TZ).unwrap_err()), "target_ml");
    let v = mao.start_plan(&s(None, None), now, TZ).unwrap();
    assert_eq!(v.plan.unwrap().target_ml, 120);
}

#[test]
fn change_target_within_limits() {
    let now = at("2026-05-01", "07:00");
    let app = Kefir::open_in_memory().unwrap();
    app.start_plan(&PlanSettings::default(), now, TZ).unwrap();
    let v = app.change_target(200, now, TZ).unwrap();
    assert_eq!(v.plan.unwrap().steps, vec![50, 75, 100, 125, 150, 175, 200]);
    assert!(matches!(app.change_target(201, now, TZ), Err(CoreError::Invalid { .. })));
    assert!(matches!(app.change_target(99, now, TZ), Err(CoreError::Invalid { .. })));
    assert_eq!(app.plan_view(now, TZ).unwrap().plan.unwrap().target_ml, 200);
}

#[test]
fn a_lower_cap_after_a_profile_change_caps_the_daily_target() {
    let mut sim = Simulation::symptom_free(date("2026-06-01"), 14, TZ);
    sim.plan.target_ml = Some(200);
    let app = Kefir::open_in_memory().unwrap();
    kefir_core::simulate::simulate_into(&app, &sim).unwrap();
    app.save_profile(
        &Profile { medicines: vec![MedClass::MaoInhibitor], ..Profile::default() },
        at("2026-06-14", "22:00"),
    )
    .unwrap();
    checkin(&app, "2026-06-14", vec![], at("2026-06-14", "22:00"));
    let d = app.today(at("2026-06-15", "07:00"), TZ).unwrap().decision.unwrap();
    assert_eq!(d.target_ml, 120);
    assert!(d.rule_ids.contains(&"M4".to_string()), "{d:?}");
}

// --- properties over random profiles and 200-day symptom streams ----------------------

fn arb_profile() -> impl Strategy<Value = Profile> {
    (
        proptest::sample::subsequence(Condition::ALL.to_vec(), 0..=3),
        proptest::sample::subsequence(MedClass::ALL.to_vec(), 0..=2),
    )
        .prop_map(|(conditions, medicines)| Profile { conditions, medicines, ..Profile::default() })
}

fn arb_day() -> impl Strategy<Value = Option<(Vec<SymptomEntry>, bool)>> {
    let entry = (proptest::sample::select(Symptom::ALL.to_vec()), proptest::sample::select(Severity::ALL.to_vec()))
        .prop_map(|(symptom, severity)| SymptomEntry { symptom, severity });
    prop_oneof![
        6 => Just(None),
        3 => (proptest::collection::btree_map(any::<u8>(), entry, 1..3), prop::bool::weighted(0.2)).prop_map(|(m, r)| {
            let mut v: Vec<SymptomEntry> = m.into_values().collect();
            v.sort_by_key(|e| e.symptom);
            v.dedup_by_key(|e| e.symptom);
            Some((v, r))
        }),
    ]
}

fn run(profile: &Profile, stream: &[Option<(Vec<SymptomEntry>, bool)>], seed: u64) -> Vec<SimDay> {
    let c = constraints_for(profile);
    let mut sim = Simulation::symptom_free(date("2026-01-01"), stream.len() as u32, "America/New_York");
    sim.profile = profile.clone();
    sim.clinician_cleared = true;
    sim.kind = if c.allowed_kinds.contains(&KefirKind::MilkCow) { KefirKind::MilkCow } else { KefirKind::Water };
    sim.adherence = 0.9;
    sim.checkin_rate = 0.85;
    sim.restart_after_days = Some(2);
    sim.seed = seed;
    sim.symptoms = SymptomModel {
        mild_per_100ml: 0.0,
        moderate_per_100ml: 0.0,
        scripted: stream
            .iter()
            .enumerate()
            .filter_map(|(i, d)| {
                d.as_ref().map(|(s, r)| ScriptedDay { day: i as u32, symptoms: s.clone(), as_reaction: *r })
            })
            .collect(),
    };
    simulate(&sim).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn plan_invariants(profile in arb_profile(), stream in proptest::collection::vec(arb_day(), 200), seed in any::<u64>()) {
        let days = run(&profile, &stream, seed);
        let cap = constraints_for(&profile).max_ml_per_day;
        for (i, d) in days.iter().enumerate() {
            prop_assert!(d.target_ml <= cap, "day {i}: target {} over cap {cap}", d.target_ml);
            if d.level == Level::Emergency {
                prop_assert_eq!(d.decision, Some(DecisionKind::Stop), "day {}: emergency must stop the same day", i);
            }
            if d.decision == Some(DecisionKind::Advance) {
                prop_assert!(i > 0);
                let prev = &days[i - 1];
                prop_assert!(prev.checked_in, "day {i}: advanced without yesterday's check-in");
                let moderate = stream[i - 1].as_ref().is_some_and(|(s, _)| s.iter().any(|e| e.severity >= Severity::Moderate));
                prop_assert!(!moderate, "day {i}: advanced the day after a moderate symptom");
            }
        }
        // Deterministic: the same inputs give the same decisions.
        prop_assert_eq!(days, run(&profile, &stream, seed));
    }
}

#[test]
fn decide_is_pure_and_caps() {
    use kefir_core::plan::{decide, DayInputs, StepState};
    let steps = [50, 75, 100, 125, 150];
    let inp = DayInputs {
        yesterday: Some((Level::Info, vec![], false)),
        cap_ml: 120,
        cap_rule_ids: vec!["M4".into()],
        ..DayInputs::default()
    };
    let d = decide(&steps, 3, PlanStatus::Active, StepState { step: 2, days_at_step: 3 }, &inp);
    assert_eq!((d.kind, d.target_ml), (DecisionKind::Advance, 120));
    assert!(d.rule_ids.contains(&"M4".to_string()));
    assert_eq!(d, decide(&steps, 3, PlanStatus::Active, StepState { step: 2, days_at_step: 3 }, &inp));
    let _ = Duration::days(1);
}
