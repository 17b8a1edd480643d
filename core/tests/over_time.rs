//! Safety that holds over time (issue 13): clock jumps, long absences,
//! restarts after red flags, profile changes during a plan, medicines logged
//! after drinks. Each "Seen" example of the issue is a test here, through
//! the public `Kefir` API (the CLI is a thin shell over the same calls), and
//! property tests run random sequences of clock readings (forward and back),
//! drinks, check-ins, reactions, doses and profile changes.

use chrono::{Duration, NaiveDate};
use kefir_core::reminders::ReminderSettings;
use kefir_core::*;
use proptest::prelude::*;

const TZ: &str = "UTC";

fn ts(s: &str) -> Timestamp {
    Timestamp::parse_rfc3339(s).unwrap()
}
fn e(symptom: Symptom, severity: Severity) -> SymptomEntry {
    SymptomEntry { symptom, severity }
}
fn drink(at: Timestamp, ml: u32) -> DrinkInput {
    DrinkInput { at, ml, kind: KefirKind::MilkCow, source: Source::Commercial, note: None, batch: None }
}
fn react(app: &Kefir, now: Timestamp, symptoms: Vec<SymptomEntry>) -> ReactionResult {
    app.report_reaction(&ReactionInput { at: now, symptoms, note: None }, now, TZ).unwrap()
}
fn checkin(app: &Kefir, day: &str, now: Timestamp, symptoms: Vec<SymptomEntry>) -> CheckinResult {
    app.save_checkin(&CheckinInput { day: day.into(), symptoms, bristol: Some(4), note: None }, now, TZ).unwrap()
}
fn plan_rows(app: &Kefir) -> i64 {
    app.store().conn().query_row("SELECT count(*) FROM plan_days", [], |r| r.get(0)).unwrap()
}
fn ids(fs: &[Finding]) -> Vec<&str> {
    fs.iter().map(|f| f.rule_id.as_str()).collect()
}

// --- Seen: clock jumps --------------------------------------------------------------

#[test]
fn a_stop_holds_after_the_clock_jumped_ahead_and_back() {
    let app = Kefir::open_in_memory().unwrap();
    app.start_plan(&PlanSettings::default(), ts("2026-11-10T08:00:00Z"), TZ).unwrap();
    app.today(ts("2026-12-31T08:00:00Z"), TZ).unwrap(); // clock ahead
    let r = react(&app, ts("2026-11-12T09:00:00Z"), vec![e(Symptom::LipFaceTongueSwelling, Severity::Moderate)]);
    assert_eq!(r.assessment.level, Level::Emergency);
    assert!(r.assessment.emergency.unwrap().steps.iter().any(|s| s.contains("clinician") && s.contains("go-ahead")));
    let t = app.today(ts("2026-11-13T09:00:00Z"), TZ).unwrap();
    let d = t.decision.unwrap();
    assert_eq!((d.kind, d.target_ml), (DecisionKind::Stopped, 0), "{}", t.headline);
    assert_eq!(t.target_ml, Some(0));
    assert!(t.headline.starts_with("Stopped"), "{}", t.headline);
    assert!(t.headline.contains("clinician"), "the stop screen says a clinician is needed: {}", t.headline);
    // Whatever the clock says later, it stays stopped until an explicit restart.
    for now in ["2026-11-11T09:00:00Z", "2027-06-01T09:00:00Z", "2126-01-01T09:00:00Z", "2026-11-14T09:00:00Z"] {
        let t = app.today(ts(now), TZ).unwrap();
        assert_eq!(t.target_ml, Some(0), "{now}: {}", t.headline);
        assert_eq!(t.progress.unwrap().status, PlanStatus::Stopped, "{now}");
    }
}

#[test]
fn checkins_after_a_jump_advance_the_plan_again() {
    let app = Kefir::open_in_memory().unwrap();
    app.start_plan(&PlanSettings::default(), ts("2026-11-10T08:00:00Z"), TZ).unwrap();
    app.today(ts("2026-12-31T08:00:00Z"), TZ).unwrap(); // clock ahead: provisional decisions
    let rows_after_jump = plan_rows(&app);
    for day in ["2026-11-10", "2026-11-11", "2026-11-12"] {
        app.today(ts(&format!("{day}T08:00:00Z")), TZ).unwrap();
        checkin(&app, day, ts(&format!("{day}T20:00:00Z")), vec![]);
    }
    let t = app.today(ts("2026-11-13T08:00:00Z"), TZ).unwrap();
    let d = t.decision.unwrap();
    assert_eq!((d.kind, d.target_ml), (DecisionKind::Advance, 75), "{}", d.reason);
    assert_eq!(t.progress.unwrap().status, PlanStatus::Active);
    assert!(plan_rows(&app) <= rows_after_jump.max(4));
    // The Plan screen lists no day after today.
    let v = app.plan_view(ts("2026-11-13T08:00:00Z"), TZ).unwrap();
    assert!(v.history.iter().all(|h| h.day.as_str() <= "2026-11-13"), "{:?}", v.history);
}

#[test]
fn a_future_dated_plan_day_does_not_freeze_the_plan() {
    // A backup (or a device) whose clock was ahead: decisions made "in the
    // future" are provisional and decided again when their day comes.
    let app = Kefir::open_in_memory().unwrap();
    app.start_plan(&PlanSettings::default(), ts("2026-11-10T08:00:00Z"), TZ).unwrap();
    app.today(ts("2026-11-16T08:00:00Z"), TZ).unwrap(); // six days decided early
    for day in ["2026-11-10", "2026-11-11", "2026-11-12", "2026-11-13", "2026-11-14", "2026-11-15"] {
        checkin(&app, day, ts(&format!("{day}T20:00:00Z")), vec![]);
    }
    let t = app.today(ts("2026-11-16T21:00:00Z"), TZ).unwrap();
    assert!(t.target_ml.unwrap() > 50, "the plan moved on: {:?}", t.decision);
}

// --- Seen: long absence / far clock ---------------------------------------------------

#[test]
fn far_future_today_is_bounded_pauses_for_absence_and_resumes_a_step_lower() {
    for years in [1i64, 10, 100] {
        let app = Kefir::open_in_memory().unwrap();
        app.start_plan(&PlanSettings::default(), ts("2026-11-01T08:00:00Z"), TZ).unwrap();
        for day in 1..=6 {
            let d = format!("2026-11-{day:02}");
            app.log_drink(&drink(ts(&format!("{d}T09:00:00Z")), 50), ts(&format!("{d}T09:00:00Z")), TZ).unwrap();
            checkin(&app, &d, ts(&format!("{d}T20:00:00Z")), vec![]);
        }
        let far = ts("2026-11-07T08:00:00Z").plus(Duration::days(365 * years));
        let t = app.today(far, TZ).unwrap();
        let rows = plan_rows(&app);
        assert!(rows <= 7 + kefir_core::plan::ABSENCE_DAYS + 1, "{years} years ahead wrote {rows} plan days");
        let d = t.decision.unwrap();
        assert_eq!((d.kind, d.target_ml), (DecisionKind::Paused, 0), "{years}: {}", d.reason);
        assert!(d.rule_ids.contains(&"D4".to_string()), "{:?}", d.rule_ids);
        assert!(t.headline.contains("D4"), "{}", t.headline);
        // Asking again writes nothing more.
        app.today(far.plus(Duration::days(3)), TZ).unwrap();
        assert_eq!(plan_rows(&app), rows);
        // Resume: one step below the last amount (75 -> 50), D6.
        let v = app.resume_plan(far.plus(Duration::days(3)), TZ).unwrap();
        assert_eq!((v.history[0].kind, v.history[0].target_ml), (DecisionKind::Resume, 50), "{:?}", v.history[0]);
        assert!(v.history[0].rule_ids.contains(&"D6".to_string()));
    }
}

// --- Seen: restart after anaphylaxis -----------------------------------------------------

#[test]
fn restart_after_s5_needs_a_clinician_ack_dated_after_the_reaction() {
    let app = Kefir::open_in_memory().unwrap();
    app.start_plan(&PlanSettings::default(), ts("2026-11-10T08:00:00Z"), TZ).unwrap();
    react(&app, ts("2026-11-11T09:00:00Z"), vec![e(Symptom::ItchyThroat, Severity::Mild)]);
    checkin(&app, "2026-11-12", ts("2026-11-12T20:00:00Z"), vec![]);
    let err = app.restart_plan(ts("2026-11-13T08:00:00Z"), TZ).unwrap_err();
    assert!(matches!(err, CoreError::NotAllowed { ref rule_ids, .. } if rule_ids == &vec!["S5".to_string()]));
    assert!(
        matches!(
            app.start_plan(&PlanSettings::default(), ts("2026-11-13T08:00:00Z"), TZ),
            Err(CoreError::NotAllowed { .. })
        ),
        "a new plan is no way around it"
    );
    app.acknowledge_clinician(Some("GP: restart slowly".into()), ts("2026-11-13T07:00:00Z")).unwrap();
    let (note, rules): (String, String) = app
        .store()
        .conn()
        .query_row("SELECT note, rule_ids FROM clinician_acks ORDER BY id DESC LIMIT 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((note.as_str(), rules.as_str()), ("GP: restart slowly", "S5"), "stored with its note");
    let v = app.restart_plan(ts("2026-11-13T08:00:00Z"), TZ).unwrap();
    assert_eq!(v.history[0].target_ml, 50);
}

#[test]
fn the_most_severe_stop_of_a_day_holds_and_every_event_is_kept() {
    let app = Kefir::open_in_memory().unwrap();
    app.start_plan(&PlanSettings::default(), ts("2026-11-10T08:00:00Z"), TZ).unwrap();
    react(&app, ts("2026-11-10T09:00:00Z"), vec![e(Symptom::ItchyThroat, Severity::Mild)]); // S5
    checkin(&app, "2026-11-10", ts("2026-11-10T20:00:00Z"), vec![e(Symptom::Hives, Severity::Mild)]); // S6
    let v = app.plan_view(ts("2026-11-10T21:00:00Z"), TZ).unwrap();
    assert_eq!(v.history[0].rule_ids, vec!["S5".to_string()], "{:?}", v.history[0]);
    let stops: Vec<&Vec<String>> =
        v.events.iter().filter(|e| e.kind == DecisionKind::Stop).map(|e| &e.rule_ids).collect();
    assert_eq!(stops, vec![&vec!["S5".to_string()], &vec!["S6".to_string()]]);
}

// --- Seen: profile change during a plan ----------------------------------------------------

#[test]
fn a_profile_change_to_consult_pauses_the_plan_at_once() {
    let app = Kefir::open_in_memory().unwrap();
    let now = ts("2026-11-10T08:00:00Z");
    app.start_plan(&PlanSettings::default(), now, TZ).unwrap();
    let p = Profile {
        age_band: AgeBand::InfantUnder12Months,
        conditions: vec![Condition::MilkProteinAllergy],
        ..Profile::default()
    };
    app.save_profile(&p, now).unwrap();
    let t = app.today(now, TZ).unwrap();
    let d = t.decision.unwrap();
    assert_eq!((d.kind, d.target_ml), (DecisionKind::Pause, 0));
    assert!(d.rule_ids.contains(&"P7".to_string()), "{:?}", d.rule_ids);
    assert!(t.headline.contains("P7"), "{}", t.headline);
    assert!(matches!(app.resume_plan(now, TZ), Err(CoreError::NotAllowed { .. })));
    app.acknowledge_clinician(Some("paediatrician agreed".into()), now).unwrap();
    assert_eq!(app.resume_plan(now, TZ).unwrap().plan.unwrap().status, PlanStatus::Active);
}

#[test]
fn a_lower_cap_clamps_todays_target_and_names_its_rule() {
    let app = Kefir::open_in_memory().unwrap();
    let now = ts("2026-11-10T08:00:00Z");
    app.start_plan(&PlanSettings { start_ml: Some(100), target_ml: Some(200), ..PlanSettings::default() }, now, TZ)
        .unwrap();
    app.change_target(200, now, TZ).unwrap();
    // Move to 150 ml: check in daily.
    let mut day = NaiveDate::from_ymd_opt(2026, 11, 10).unwrap();
    for _ in 0..7 {
        let d = day.to_string();
        app.today(ts(&format!("{d}T08:00:00Z")), TZ).unwrap();
        checkin(&app, &d, ts(&format!("{d}T20:00:00Z")), vec![]);
        day += Duration::days(1);
    }
    let morning = ts(&format!("{day}T08:00:00Z"));
    assert!(app.today(morning, TZ).unwrap().target_ml.unwrap() > 120);
    app.save_profile(&Profile { medicines: vec![MedClass::MaoInhibitor], ..Profile::default() }, morning).unwrap();
    let t = app.today(morning, TZ).unwrap();
    assert_eq!(t.target_ml, Some(120));
    let d = t.decision.unwrap();
    assert!(d.reason.contains("120 ml") && d.rule_ids.contains(&"M4".to_string()), "{d:?}");
    // 130 ml: the limit names M4.
    app.log_drink(&drink(morning, 130), morning, TZ).unwrap();
    let t = app.today(morning, TZ).unwrap();
    let d3 = t.warnings.iter().find(|f| f.rule_id == "D3").expect("D3");
    assert!(d3.advice.contains("your limit is 120 ml (M4)"), "{}", d3.advice);
}

// --- Seen: medicines logged after drinks -------------------------------------------------------

#[test]
fn a_dose_after_a_drink_warns_naming_the_drink_and_the_rule() {
    for (med, rule_id) in [(MedClass::FluoroquinoloneOrTetracycline, "M3"), (MedClass::Antibiotic, "M1")] {
        let app = Kefir::open_in_memory().unwrap();
        let now = ts("2026-11-10T08:00:00Z");
        app.save_profile(&Profile { medicines: vec![med], ..Profile::default() }, ts("2026-11-10T06:00:00Z")).unwrap();
        let w = app.log_drink(&drink(ts("2026-11-10T07:00:00Z"), 100), ts("2026-11-10T07:00:00Z"), TZ).unwrap();
        assert!(!ids(&w.warnings).contains(&rule_id));
        let dose = DoseInput { medicine: med, at: now, interval_hours: None, note: None, name: None };
        let logged = app.log_dose(&dose, now, TZ).unwrap();
        let f = logged.warnings.iter().find(|f| f.rule_id == rule_id).unwrap_or_else(|| panic!("{rule_id}"));
        assert!(f.advice.contains("07:00") && f.advice.contains("100 ml"), "{}", f.advice);
        assert!(f.advice.contains(rule_id), "{}", f.advice);
        // Stored: Today shows it.
        let t = app.today(ts("2026-11-10T12:00:00Z"), TZ).unwrap();
        assert!(t.warnings.iter().any(|x| x.rule_id == rule_id && x.advice.contains("07:00")), "{:?}", t.warnings);
        // ...and the doctor summary.
        let s = app.summary("2026-11-10", "2026-11-10", ts("2026-11-10T12:00:00Z"), TZ).unwrap();
        assert!(s.spacing_warnings.iter().any(|x| x.rule_id == rule_id && x.advice.contains("100 ml")));
    }
    // A drink far enough before the dose (M3: 6 h) does not warn.
    let app = Kefir::open_in_memory().unwrap();
    let med = MedClass::FluoroquinoloneOrTetracycline;
    app.log_drink(&drink(ts("2026-11-10T01:00:00Z"), 100), ts("2026-11-10T01:00:00Z"), TZ).unwrap();
    let logged = app
        .log_dose(
            &DoseInput { medicine: med, at: ts("2026-11-10T08:00:00Z"), interval_hours: None, note: None, name: None },
            ts("2026-11-10T08:00:00Z"),
            TZ,
        )
        .unwrap();
    assert!(logged.warnings.is_empty(), "{:?}", logged.warnings);
}

// --- Seen: immunocompromise from every route, honest symptom answers ------------------------------

#[test]
fn an_immunosuppressant_counts_for_p5_and_s7() {
    let app = Kefir::open_in_memory().unwrap();
    let now = ts("2026-11-10T08:00:00Z");
    let s =
        app.save_profile(&Profile { medicines: vec![MedClass::Immunosuppressant], ..Profile::default() }, now).unwrap();
    let found: Vec<&str> = s.findings.iter().map(|f| f.rule_id.as_str()).collect();
    assert!(found.contains(&"P5") && found.contains(&"M2"), "{found:?}");
    let r = react(&app, now, vec![e(Symptom::FeverChills, Severity::Severe)]);
    assert_eq!(r.assessment.level, Level::Emergency);
    assert!(ids(&r.assessment.findings).contains(&"S7"));
    assert!(!r.assessment.headline.contains("No symptoms"));
    for c in ["icu", "short_bowel"] {
        let cond = Condition::parse_field("condition", c).unwrap();
        let s = kefir_core::screening::screen(
            &Profile { conditions: vec![cond], ..Profile::default() },
            None,
            &kefir_core::l10n::Locale::english(),
        );
        assert!(s.findings.iter().any(|f| f.rule_id == "P5"), "{c}");
    }
}

#[test]
fn never_no_symptoms_when_a_symptom_is_reported() {
    let app = Kefir::open_in_memory().unwrap();
    let now = ts("2026-11-10T20:00:00Z");
    // Severe fever without immunocompromise: no specific rule, so X1 (consult, product default).
    let r = checkin(&app, "2026-11-10", now, vec![e(Symptom::FeverChills, Severity::Severe)]);
    assert_eq!(r.assessment.level, Level::Consult);
    let x1 = r.assessment.findings.iter().find(|f| f.rule_id == "X1").expect("X1");
    assert!(x1.advice.contains("product default") && x1.advice.contains("clinician"));
    assert!(!r.assessment.headline.contains("No symptoms"));
    // Mild fever: no rule, but not "no symptoms" either.
    let r = checkin(&app, "2026-11-10", now, vec![e(Symptom::FeverChills, Severity::Mild)]);
    assert!(!r.assessment.headline.contains("No symptoms"), "{}", r.assessment.headline);
    // Every symptom at every severity above none.
    for s in Symptom::ALL {
        for sev in [Severity::Mild, Severity::Moderate, Severity::Severe] {
            let r = checkin(&app, "2026-11-10", now, vec![e(*s, sev)]);
            assert!(!r.assessment.headline.contains("No symptoms"), "{s} {sev}");
            if sev == Severity::Severe {
                assert!(r.assessment.level >= Level::Caution, "{s} severe");
                let specific = r.assessment.findings.iter().any(|f| f.rule_id != "X1");
                if !specific {
                    assert!(r.assessment.level >= Level::Consult, "{s} severe without a rule");
                }
            }
        }
    }
    let r = checkin(&app, "2026-11-10", now, vec![]);
    assert_eq!(r.assessment.headline, "No symptoms: well done.");
}

// --- reminders -----------------------------------------------------------------------------------

#[test]
fn no_drink_reminder_once_the_target_is_met() {
    let app = Kefir::open_in_memory().unwrap();
    let now = ts("2026-11-10T06:00:00Z");
    app.start_plan(&PlanSettings::default(), now, TZ).unwrap();
    let settings =
        ReminderSettings { drink_reminder: Some("12:00".into()), time_zone: TZ.into(), ..ReminderSettings::default() };
    app.save_reminder_settings(&settings).unwrap();
    let has_today = |app: &Kefir| {
        app.upcoming_notifications(ts("2026-11-10T07:00:00Z"), TZ, 10)
            .unwrap()
            .iter()
            .any(|n| n.id.contains("drink-2026-11-10"))
    };
    assert!(has_today(&app));
    app.log_drink(&drink(ts("2026-11-10T06:30:00Z"), 50), ts("2026-11-10T06:30:00Z"), TZ).unwrap();
    assert!(!has_today(&app), "50 of 50 ml: no reminder today");
}

#[test]
fn notifications_deferred_to_the_same_instant_are_merged() {
    use kefir_core::reminders::{upcoming, ReminderContext};
    let settings = ReminderSettings {
        checkin_times: vec!["22:30".into()],
        drink_reminder: Some("23:00".into()),
        quiet_start: Some("22:00".into()),
        quiet_end: Some("07:00".into()),
        time_zone: TZ.into(),
        ..ReminderSettings::default()
    };
    let mut ctx = ReminderContext::default();
    ctx.fill_targets(NaiveDate::from_ymd_opt(2026, 11, 9).unwrap(), 12, |_| Some(50));
    let list = upcoming(&settings, &ctx, ts("2026-11-10T12:00:00Z"), 10).unwrap();
    let mut instants: Vec<Timestamp> = list.iter().map(|n| n.fire_at).collect();
    let n = instants.len();
    instants.dedup();
    assert_eq!(instants.len(), n, "one notification per instant: {list:#?}");
    assert!(list.iter().any(|n| n.id.contains('+')), "{list:#?}");
}

// --- properties ------------------------------------------------------------------------------------

#[derive(Clone, Debug)]
enum Op {
    /// Move the clock by this many hours (negative: backwards).
    Clock(i64),
    Drink(u32),
    Checkin(Vec<SymptomEntry>),
    Reaction(Vec<SymptomEntry>),
    Dose(MedClass),
    Profile(Vec<Condition>, Vec<MedClass>),
    Ack,
    Restart,
    Resume,
    /// Export a backup and import it over the same database (breaker-13 item 1).
    RoundTrip,
}

fn arb_entries() -> impl Strategy<Value = Vec<SymptomEntry>> {
    proptest::collection::btree_map(
        proptest::sample::select(Symptom::ALL.to_vec()),
        proptest::sample::select(Severity::ALL.to_vec()),
        0..3,
    )
    .prop_map(|m| m.into_iter().map(|(symptom, severity)| SymptomEntry { symptom, severity }).collect())
}

fn arb_op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => prop_oneof![4 => 1i64..30, 2 => 24i64..24 * 12, 1 => -24i64 * 20..0, 1 => 24i64 * 300..24 * 365 * 30]
            .prop_map(Op::Clock),
        3 => (20u32..150).prop_map(Op::Drink),
        4 => prop_oneof![3 => Just(vec![]), 1 => arb_entries()].prop_map(Op::Checkin),
        1 => arb_entries().prop_filter("a reaction has a symptom", |v| v.iter().any(|e| e.severity > Severity::None)).prop_map(Op::Reaction),
        1 => proptest::sample::select(MedClass::ALL.to_vec()).prop_map(Op::Dose),
        1 => (proptest::sample::subsequence(Condition::ALL.to_vec(), 0..=2), proptest::sample::subsequence(MedClass::ALL.to_vec(), 0..=2))
            .prop_map(|(c, m)| Op::Profile(c, m)),
        1 => Just(Op::Ack),
        1 => Just(Op::Restart),
        1 => Just(Op::Resume),
        1 => Just(Op::RoundTrip),
    ]
}

/// What each step showed: today's date, decision kind, target and status.
type Seen = Vec<(String, Option<DecisionKind>, Option<u32>, Option<PlanStatus>)>;

fn run(ops: &[Op]) -> std::result::Result<Seen, TestCaseError> {
    let app = Kefir::open_in_memory().unwrap();
    let mut now = ts("2026-11-10T08:00:00Z");
    app.start_plan(&PlanSettings::default(), now, TZ).unwrap();
    let zone = Zone::parse(TZ).unwrap();
    let start_day = now.local_date(&zone);
    let mut max_day = start_day;
    let mut min_day = start_day;
    let mut stopped = false;
    let mut seen = Vec::new();
    // The latest clock reading so far: a backup is exported then (nothing in
    // it is dated after it).
    let mut latest = now;
    for op in ops {
        match op {
            Op::Clock(h) => {
                now = now.plus(Duration::hours(*h));
                latest = latest.max(now);
            }
            Op::RoundTrip => {
                let before = app.plan_view(now, TZ).unwrap();
                let json = app.export_backup(latest).unwrap();
                app.import_backup(json.as_bytes(), ImportMode::Replace, true, latest).unwrap();
                let after = app.plan_view(now, TZ).unwrap();
                let status = |v: &PlanView| v.plan.as_ref().map(|p| p.status);
                if status(&before) == Some(PlanStatus::Stopped) {
                    prop_assert_eq!(status(&after), Some(PlanStatus::Stopped), "a round-trip never lifts a stop");
                }
                prop_assert!(!after.can_restart || before.can_restart, "a round-trip never opens the restart gate");
                prop_assert!(!after.can_resume || before.can_resume, "a round-trip never opens a resume gate");
            }
            Op::Drink(ml) => {
                app.log_drink(&drink(now, *ml), now, TZ).unwrap();
            }
            Op::Checkin(s) => {
                let day = now.local_date(&zone).to_string();
                let r = app
                    .save_checkin(&CheckinInput { day, symptoms: s.clone(), bristol: None, note: None }, now, TZ)
                    .unwrap();
                stopped |= r.assessment.level >= Level::Stop
                    && app.plan_view(now, TZ).unwrap().plan.is_some_and(|p| p.status == PlanStatus::Stopped);
            }
            Op::Reaction(s) => {
                let active = app.today(now, TZ).unwrap().progress.is_some_and(|p| p.status == PlanStatus::Active);
                let r =
                    app.report_reaction(&ReactionInput { at: now, symptoms: s.clone(), note: None }, now, TZ).unwrap();
                if active && r.assessment.level >= Level::Consult {
                    // Consult pauses, stop/emergency stops: today's target is 0 at once.
                    prop_assert_eq!(app.today(now, TZ).unwrap().target_ml, Some(0), "{:?}", r.assessment.level);
                }
                stopped |= r.assessment.level >= Level::Stop
                    && app.plan_view(now, TZ).unwrap().plan.is_some_and(|p| p.status == PlanStatus::Stopped);
            }
            Op::Dose(m) => {
                app.log_dose(
                    &DoseInput { medicine: *m, at: now, interval_hours: Some(12), note: None, name: None },
                    now,
                    TZ,
                )
                .unwrap();
            }
            Op::Profile(c, m) => {
                app.save_profile(&Profile { conditions: c.clone(), medicines: m.clone(), ..Profile::default() }, now)
                    .unwrap();
            }
            Op::Ack => {
                let _ = app.acknowledge_clinician(Some("ok".into()), now);
            }
            Op::Restart => {
                if app.restart_plan(now, TZ).is_ok() {
                    stopped = false;
                }
            }
            Op::Resume => {
                let _ = app.resume_plan(now, TZ);
            }
        }
        let t = app.today(now, TZ).unwrap();
        let today = now.local_date(&zone);
        max_day = max_day.max(today);
        min_day = min_day.min(today);
        let cap = app.screening().unwrap().constraints.max_ml_per_day;
        if let Some(target) = t.target_ml {
            prop_assert!(target <= cap, "target {target} over the cap {cap} ({op:?})");
        }
        let status = t.progress.as_ref().map(|p| p.status);
        if stopped {
            prop_assert_eq!(status, Some(PlanStatus::Stopped), "a stop must hold until a restart ({:?})", op);
            prop_assert_eq!(t.target_ml, Some(0));
        }
        if let Some(d) = &t.decision {
            if d.kind == DecisionKind::Advance {
                let day = NaiveDate::parse_from_str(&d.day, "%Y-%m-%d").unwrap();
                let y = (day - Duration::days(1)).to_string();
                prop_assert!(
                    !app.checkins(&y, &y).unwrap().is_empty(),
                    "advanced on {} without a check-in on {}",
                    d.day,
                    y
                );
            }
        }
        let lived = (max_day - min_day).num_days() + 1;
        let rows = plan_rows(&app);
        prop_assert!(rows <= lived, "{rows} plan days stored after {lived} days lived");
        seen.push((t.date, t.decision.map(|d| d.kind), t.target_ml, status));
    }
    Ok(seen)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn plan_safety_holds_over_random_clocks_and_inputs(ops in proptest::collection::vec(arb_op(), 1..60)) {
        let first = run(&ops)?;
        // Same inputs, same decisions.
        prop_assert_eq!(first, run(&ops)?);
    }
}

// --- breaker-13 findings --------------------------------------------------------------------------

fn clean(app: &Kefir, day: &str, at: &str) {
    checkin(app, day, ts(at), vec![]);
}
fn round_trip(app: &Kefir, now: Timestamp) -> Kefir {
    let json = app.export_backup(now).unwrap();
    let fresh = Kefir::open_in_memory().unwrap();
    fresh.import_backup(json.as_bytes(), ImportMode::IntoEmpty, false, now).unwrap();
    // ... and a replace over the same database.
    app.import_backup(json.as_bytes(), ImportMode::Replace, true, now).unwrap();
    fresh
}

/// Breaker 1: a backup round-trip never opens the S5/S6/S7 restart gate.
#[test]
fn restart_gate_survives_a_backup_round_trip() {
    for symptom in [e(Symptom::LipFaceTongueSwelling, Severity::Moderate), e(Symptom::Hives, Severity::Moderate)] {
        let app = Kefir::open_in_memory().unwrap();
        app.start_plan(&PlanSettings::default(), ts("2026-11-10T08:00:00Z"), TZ).unwrap();
        react(&app, ts("2026-11-10T10:00:00Z"), vec![symptom]);
        clean(&app, "2026-11-10", "2026-11-10T20:00:00Z");
        assert!(app.restart_plan(ts("2026-11-11T08:00:00Z"), TZ).is_err());
        let fresh = round_trip(&app, ts("2026-11-11T08:01:00Z"));
        for k in [&app, &fresh] {
            let err = k.restart_plan(ts("2026-11-11T08:04:00Z"), TZ).unwrap_err();
            assert!(matches!(err, CoreError::NotAllowed { ref rule_ids, .. } if !rule_ids.is_empty()), "{err:?}");
            assert!(!k.plan_view(ts("2026-11-11T08:04:00Z"), TZ).unwrap().can_restart);
            // Nor does starting a new plan get around it.
            assert!(k.start_plan(&PlanSettings::default(), ts("2026-11-11T08:05:00Z"), TZ).is_err());
            // The plan events came along.
            let v = k.plan_view(ts("2026-11-11T08:05:00Z"), TZ).unwrap();
            assert!(v.events.iter().any(|e| e.kind == DecisionKind::Stop), "{:?}", v.events);
        }
        // With the clinician's go-ahead, both restart.
        for k in [&app, &fresh] {
            k.acknowledge_clinician(Some("GP: fine to retry".into()), ts("2026-11-11T09:00:00Z")).unwrap();
            k.restart_plan(ts("2026-11-11T09:01:00Z"), TZ).unwrap();
        }
    }
}

/// Breaker 1: an imported plan is re-derived as live input would make it.
#[test]
fn import_rederives_the_plan_state() {
    let app = Kefir::open_in_memory().unwrap();
    app.start_plan(&PlanSettings::default(), ts("2026-11-10T08:00:00Z"), TZ).unwrap();
    react(&app, ts("2026-11-10T10:00:00Z"), vec![e(Symptom::Bloating, Severity::Mild)]);
    let json = app.export_backup(ts("2026-11-10T11:00:00Z")).unwrap();
    // A hand-edited file: the reaction is severe swelling (the file says info), the plan active.
    let edited = json.replacen("\"bloating\"", "\"lip_face_tongue_swelling\"", 1).replacen("\"mild\"", "\"severe\"", 1);
    assert_ne!(edited, json);
    let k = Kefir::open_in_memory().unwrap();
    k.import_backup(edited.as_bytes(), ImportMode::IntoEmpty, false, ts("2026-11-11T08:00:00Z")).unwrap();
    let t = k.today(ts("2026-11-11T08:00:00Z"), TZ).unwrap();
    assert_eq!(t.progress.unwrap().status, PlanStatus::Stopped, "{}", t.headline);
    assert_eq!(t.target_ml, Some(0));
    assert!(k.restart_plan(ts("2026-11-11T08:01:00Z"), TZ).is_err());
    // Two running plans: refused (live `plan start` refuses a second), nothing stored.
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let mut two = v.clone();
    let plan = two["plans"][0].clone();
    two["plans"].as_array_mut().unwrap().push(plan);
    let k = Kefir::open_in_memory().unwrap();
    let err = k
        .import_backup(two.to_string().as_bytes(), ImportMode::IntoEmpty, false, ts("2026-11-11T08:00:00Z"))
        .unwrap_err();
    assert!(matches!(err, CoreError::BadBackup(ref m) if m.contains("plan 0") && m.contains("status")), "{err:?}");
    assert!(k.plan_view(ts("2026-11-11T08:00:00Z"), TZ).unwrap().plan.is_none());
    // A version 1 document (no events, no dose warnings) still imports.
    let mut v1 = v.clone();
    v1["version"] = 1.into();
    v1.as_object_mut().unwrap().remove("dose_warnings");
    v1["plans"][0].as_object_mut().unwrap().remove("events");
    let k = Kefir::open_in_memory().unwrap();
    k.import_backup(v1.to_string().as_bytes(), ImportMode::IntoEmpty, false, ts("2026-11-11T08:00:00Z")).unwrap();
    assert_eq!(k.plan_view(ts("2026-11-11T08:00:00Z"), TZ).unwrap().plan.unwrap().status, PlanStatus::Active);
}

/// Breaker 1: dose warnings travel with the backup (never lose an entry).
#[test]
fn dose_warnings_survive_a_backup_round_trip() {
    let app = Kefir::open_in_memory().unwrap();
    app.save_profile(
        &Profile { medicines: vec![MedClass::FluoroquinoloneOrTetracycline], ..Profile::default() },
        ts("2026-11-10T06:00:00Z"),
    )
    .unwrap();
    app.log_drink(&drink(ts("2026-11-10T07:00:00Z"), 100), ts("2026-11-10T07:00:00Z"), TZ).unwrap();
    let dose = DoseInput {
        medicine: MedClass::FluoroquinoloneOrTetracycline,
        at: ts("2026-11-10T08:00:00Z"),
        interval_hours: None,
        note: None,
        name: None,
    };
    assert!(!app.log_dose(&dose, ts("2026-11-10T08:00:00Z"), TZ).unwrap().warnings.is_empty());
    let before = app.today(ts("2026-11-10T12:00:00Z"), TZ).unwrap().warnings;
    let json = app.export_backup(ts("2026-11-10T12:00:00Z")).unwrap();
    assert!(json.contains("\"dose_warnings\"") && json.contains("07:00"), "{json}");
    let fresh = round_trip(&app, ts("2026-11-10T12:00:00Z"));
    assert_eq!(fresh.today(ts("2026-11-10T12:00:00Z"), TZ).unwrap().warnings, before);
    assert!(ids(&before).contains(&"M3"));
    assert_eq!(fresh.export_backup(ts("2026-11-10T12:00:00Z")).unwrap(), json);
}

/// Breaker 2: a consult finding reported during the day pauses at once; a
/// resume needs a clinician's go-ahead recorded after it.
#[test]
fn a_consult_finding_pauses_today_and_resume_needs_a_clinician() {
    for symptom in [e(Symptom::FeverChills, Severity::Severe), e(Symptom::BloodInStool, Severity::Mild)] {
        let app = Kefir::open_in_memory().unwrap();
        app.start_plan(&PlanSettings::default(), ts("2026-11-10T08:00:00Z"), TZ).unwrap();
        let r = react(&app, ts("2026-11-10T12:00:00Z"), vec![symptom]);
        assert_eq!(r.assessment.level, Level::Consult);
        let t = app.today(ts("2026-11-10T12:05:00Z"), TZ).unwrap();
        assert_eq!(t.target_ml, Some(0), "{}", t.headline);
        assert_eq!(t.progress.unwrap().status, PlanStatus::Paused);
        clean(&app, "2026-11-10", "2026-11-10T20:00:00Z");
        let now = ts("2026-11-11T08:01:00Z");
        assert_eq!(app.today(now, TZ).unwrap().target_ml, Some(0));
        assert!(!app.plan_view(now, TZ).unwrap().can_resume);
        let err = app.resume_plan(now, TZ).unwrap_err();
        assert!(matches!(err, CoreError::NotAllowed { ref rule_ids, .. } if !rule_ids.is_empty()), "{err:?}");
        app.acknowledge_clinician(Some("GP saw me".into()), ts("2026-11-11T09:00:00Z")).unwrap();
        app.resume_plan(ts("2026-11-11T09:01:00Z"), TZ).unwrap();
        assert!(app.today(ts("2026-11-11T09:02:00Z"), TZ).unwrap().target_ml.unwrap() > 0);
    }
}

/// Breaker 2: a caution finding steps today's target back at once (S2).
#[test]
fn a_caution_finding_steps_back_today() {
    let app = Kefir::open_in_memory().unwrap();
    app.start_plan(&PlanSettings::default(), ts("2026-11-10T08:00:00Z"), TZ).unwrap();
    for d in ["2026-11-10", "2026-11-11", "2026-11-12"] {
        clean(&app, d, &format!("{d}T20:00:00Z"));
    }
    assert_eq!(app.today(ts("2026-11-13T08:00:00Z"), TZ).unwrap().target_ml, Some(75));
    let r = react(&app, ts("2026-11-13T10:00:00Z"), vec![e(Symptom::Diarrhoea, Severity::Severe)]);
    assert!(r.assessment.level >= Level::Caution);
    let t = app.today(ts("2026-11-13T10:01:00Z"), TZ).unwrap();
    assert!(t.target_ml.unwrap() <= 50, "{}", t.headline);
}

/// Breaker 4: Bristol 6-7 are loose stools: hold (S1), two days step back (S2).
#[test]
fn bristol_seven_counts_as_a_digestive_symptom() {
    let app = Kefir::open_in_memory().unwrap();
    app.start_plan(&PlanSettings::default(), ts("2026-11-10T08:00:00Z"), TZ).unwrap();
    let mut levels = Vec::new();
    for d in ["2026-11-10", "2026-11-11", "2026-11-12"] {
        app.log_drink(&drink(ts(&format!("{d}T09:00:00Z")), 50), ts(&format!("{d}T09:00:00Z")), TZ).unwrap();
        let r = app
            .save_checkin(
                &CheckinInput { day: d.into(), symptoms: vec![], bristol: Some(7), note: None },
                ts(&format!("{d}T20:00:00Z")),
                TZ,
            )
            .unwrap();
        assert_ne!(r.assessment.headline, "No symptoms: well done.");
        levels.push(r.assessment.level);
    }
    assert_eq!(levels[0], Level::Info);
    assert!(levels[1] >= Level::Caution, "{levels:?}");
    let d = app.today(ts("2026-11-13T08:00:00Z"), TZ).unwrap().decision.unwrap();
    assert_ne!(d.kind, DecisionKind::Advance, "{}", d.reason);
    assert!(d.target_ml <= 50);
    // Type 6 too; types 1-5 do not.
    let k = Kefir::open_in_memory().unwrap();
    let r = k
        .save_checkin(
            &CheckinInput { day: "2026-11-10".into(), symptoms: vec![], bristol: Some(6), note: None },
            ts("2026-11-10T20:00:00Z"),
            TZ,
        )
        .unwrap();
    assert_eq!(ids(&r.assessment.findings), ["S1"]);
    let r = k
        .save_checkin(
            &CheckinInput { day: "2026-11-10".into(), symptoms: vec![], bristol: Some(5), note: None },
            ts("2026-11-10T20:05:00Z"),
            TZ,
        )
        .unwrap();
    assert_eq!(r.assessment.headline, "No symptoms: well done.");
}

/// Breaker 5: decisions stored under a clock that was ahead do not survive a stop.
#[test]
fn a_stop_clears_days_decided_ahead() {
    let app = Kefir::open_in_memory().unwrap();
    app.start_plan(&PlanSettings::default(), ts("2026-11-10T08:00:00Z"), TZ).unwrap();
    app.today(ts("2026-12-31T08:00:00Z"), TZ).unwrap();
    react(&app, ts("2026-11-12T09:00:00Z"), vec![e(Symptom::LipFaceTongueSwelling, Severity::Moderate)]);
    let v = app.plan_view(ts("2026-11-20T09:00:00Z"), TZ).unwrap();
    assert!(
        v.history.iter().all(|h| h.day.as_str() <= "2026-11-12" || h.target_ml == 0),
        "no drinking day after the stop: {:?}",
        v.history
    );
    assert!(v.history.iter().all(|h| h.day.as_str() <= "2026-11-12"), "{:?}", v.history);
}

/// Breaker 6: an acknowledgement dated in the future, before the reaction
/// was recorded, or without a note does not open the gate.
#[test]
fn clinician_ack_must_be_dated_after_the_report_and_not_in_the_future() {
    // Future-dated (the clock was ahead when it was recorded).
    let app = Kefir::open_in_memory().unwrap();
    app.start_plan(&PlanSettings::default(), ts("2026-11-10T08:00:00Z"), TZ).unwrap();
    react(&app, ts("2026-11-10T10:00:00Z"), vec![e(Symptom::LipFaceTongueSwelling, Severity::Moderate)]);
    clean(&app, "2026-11-10", "2026-11-10T20:00:00Z");
    app.acknowledge_clinician(Some("future".into()), ts("2030-01-01T07:00:00Z")).unwrap();
    assert!(app.restart_plan(ts("2026-11-12T08:00:00Z"), TZ).is_err());
    // Given before a reaction that was reported later but dated back.
    let app = Kefir::open_in_memory().unwrap();
    app.start_plan(&PlanSettings::default(), ts("2026-11-10T08:00:00Z"), TZ).unwrap();
    react(&app, ts("2026-11-10T10:00:00Z"), vec![e(Symptom::Hives, Severity::Moderate)]);
    clean(&app, "2026-11-10", "2026-11-10T20:00:00Z");
    app.acknowledge_clinician(Some("ok".into()), ts("2026-11-11T07:00:00Z")).unwrap();
    app.restart_plan(ts("2026-11-11T07:01:00Z"), TZ).unwrap();
    let now = ts("2026-11-12T09:00:00Z");
    app.report_reaction(
        &ReactionInput {
            at: ts("2026-11-11T06:00:00Z"),
            symptoms: vec![e(Symptom::Hives, Severity::Moderate)],
            note: None,
        },
        now,
        TZ,
    )
    .unwrap();
    clean(&app, "2026-11-12", "2026-11-12T20:00:00Z");
    let err = app.restart_plan(ts("2026-11-12T20:01:00Z"), TZ).unwrap_err();
    assert!(
        matches!(err, CoreError::NotAllowed { ref rule_ids, .. } if rule_ids.contains(&"S6".to_string())),
        "{err:?}"
    );
    // No note: refused, nothing stored.
    let err = app.acknowledge_clinician(None, ts("2026-11-12T20:02:00Z")).unwrap_err();
    assert!(matches!(err, CoreError::Invalid { ref field, .. } if field == "note"), "{err:?}");
    assert!(app.restart_plan(ts("2026-11-12T20:03:00Z"), TZ).is_err());
    app.acknowledge_clinician(Some("allergist: retry".into()), ts("2026-11-12T20:04:00Z")).unwrap();
    app.restart_plan(ts("2026-11-12T20:05:00Z"), TZ).unwrap();
}

/// Breaker 12: after S5 the open-red-flag text asks for a clinician, not a check-in.
#[test]
fn the_open_red_flag_text_after_s5_names_the_clinician() {
    let app = Kefir::open_in_memory().unwrap();
    app.start_plan(&PlanSettings::default(), ts("2026-11-10T08:00:00Z"), TZ).unwrap();
    react(&app, ts("2026-11-10T10:00:00Z"), vec![e(Symptom::LipFaceTongueSwelling, Severity::Moderate)]);
    let err = app.restart_plan(ts("2026-11-10T11:00:00Z"), TZ).unwrap_err();
    let CoreError::NotAllowed { reason, .. } = err else { panic!() };
    assert!(reason.contains("clinician") && !reason.contains("Check in again"), "{reason}");
    let v = app.plan_view(ts("2026-11-10T11:00:00Z"), TZ).unwrap();
    let r = v.blocked_reason.unwrap();
    assert!(r.contains("clinician") && !r.contains("Check in again"), "{r}");
}

/// Breaker 3: resuming after an absence under a cap steps down from the
/// amount actually tolerated (the clamped target), not the plan step.
#[test]
fn resume_after_absence_under_a_cap_steps_below_the_amount_tolerated() {
    let app = Kefir::open_in_memory().unwrap();
    // Steps 50, 75, 100, 125, 150, ... (on the first step the start cap
    // would apply too: see restart_and_day_one_honour_the_start_cap).
    let settings = PlanSettings { start_ml: Some(50), target_ml: Some(200), hold_days: Some(1), step_ml: None };
    app.start_plan(&settings, ts("2026-11-10T08:00:00Z"), TZ).unwrap();
    for d in ["2026-11-10", "2026-11-11", "2026-11-12", "2026-11-13"] {
        app.today(ts(&format!("{d}T08:00:00Z")), TZ).unwrap();
        clean(&app, d, &format!("{d}T20:00:00Z"));
    }
    app.save_profile(
        &Profile { medicines: vec![MedClass::MaoInhibitor], ..Profile::default() },
        ts("2026-11-14T07:00:00Z"),
    )
    .unwrap();
    for d in ["2026-11-14", "2026-11-15"] {
        let t = app.today(ts(&format!("{d}T08:00:00Z")), TZ).unwrap();
        assert_eq!(t.target_ml, Some(120), "{}", t.headline);
        app.log_drink(&drink(ts(&format!("{d}T09:00:00Z")), 120), ts(&format!("{d}T09:00:00Z")), TZ).unwrap();
        clean(&app, d, &format!("{d}T20:00:00Z"));
    }
    let t = app.today(ts("2026-11-25T08:00:00Z"), TZ).unwrap();
    assert_eq!(t.progress.unwrap().status, PlanStatus::Paused, "{}", t.headline);
    app.resume_plan(ts("2026-11-25T08:01:00Z"), TZ).unwrap();
    let t = app.today(ts("2026-11-25T08:02:00Z"), TZ).unwrap();
    assert_eq!(t.target_ml, Some(100), "one step below the 120 ml tolerated: {}", t.headline);
}

/// Breaker 7: a restart honours the start cap in force; so does day one.
#[test]
fn restart_and_day_one_honour_the_start_cap() {
    let app = Kefir::open_in_memory().unwrap();
    let settings = PlanSettings { start_ml: Some(100), target_ml: Some(200), ..PlanSettings::default() };
    app.start_plan(&settings, ts("2026-11-10T08:00:00Z"), TZ).unwrap();
    react(&app, ts("2026-11-10T10:00:00Z"), vec![e(Symptom::Hives, Severity::Mild)]);
    let lactose = Profile { conditions: vec![Condition::LactoseIntolerance], ..Profile::default() };
    app.save_profile(&lactose, ts("2026-11-10T11:00:00Z")).unwrap();
    clean(&app, "2026-11-10", "2026-11-10T20:00:00Z");
    app.acknowledge_clinician(Some("x".into()), ts("2026-11-10T21:00:00Z")).unwrap();
    app.restart_plan(ts("2026-11-11T08:00:00Z"), TZ).unwrap();
    let start_cap = app.screening().unwrap().constraints.max_start_ml;
    assert!(start_cap < 100);
    let t = app.today(ts("2026-11-11T08:01:00Z"), TZ).unwrap();
    assert_eq!(t.target_ml, Some(start_cap), "{}", t.headline);
    assert!(t.decision.unwrap().reason.contains(&start_cap.to_string()));
    // Day one: the profile changes after `plan start --start 100`.
    let k = Kefir::open_in_memory().unwrap();
    k.start_plan(&settings, ts("2026-11-10T08:00:00Z"), TZ).unwrap();
    k.save_profile(&lactose, ts("2026-11-10T08:05:00Z")).unwrap();
    let t = k.today(ts("2026-11-10T08:06:00Z"), TZ).unwrap();
    assert_eq!(t.target_ml, Some(start_cap), "{}", t.headline);
    assert!(t.decision.unwrap().rule_ids.iter().any(|id| id.starts_with('P')));
}

/// Breaker 8: a drink logged while the plan is stopped warns, naming the stop rule.
#[test]
fn a_drink_while_stopped_warns_naming_the_stop_rule() {
    let app = Kefir::open_in_memory().unwrap();
    app.start_plan(&PlanSettings::default(), ts("2026-11-10T08:00:00Z"), TZ).unwrap();
    react(&app, ts("2026-11-10T10:00:00Z"), vec![e(Symptom::Hives, Severity::Moderate)]);
    let r = app.log_drink(&drink(ts("2026-11-10T11:00:00Z"), 25), ts("2026-11-10T11:00:00Z"), TZ).unwrap();
    assert!(ids(&r.warnings).contains(&"S6"), "{:?}", r.warnings);
    assert!(r.warnings.iter().any(|w| w.advice.contains("stopped")));
    let t = app.today(ts("2026-11-10T11:05:00Z"), TZ).unwrap();
    assert!(ids(&t.warnings).contains(&"S6"), "{:?}", t.warnings);
}

/// Breaker 9: on a stop/emergency screen no lower finding suggests drinking;
/// a recurring S4 says stop; an M4 over-limit message names M4, not the default.
#[test]
fn red_flag_screens_never_suggest_drinking() {
    let app = Kefir::open_in_memory().unwrap();
    let r = react(
        &app,
        ts("2026-11-10T10:00:00Z"),
        vec![e(Symptom::Diarrhoea, Severity::Severe), e(Symptom::Hives, Severity::Mild)],
    );
    assert!(r.assessment.level >= Level::Stop);
    for f in r.assessment.findings.iter().filter(|f| f.level < Level::Stop) {
        let a = f.advice.to_lowercase();
        assert!(!a.contains("go back to") && !a.contains("stay at") && !a.contains("step back"), "{f:?}");
    }
    react(&app, ts("2026-11-11T10:00:00Z"), vec![e(Symptom::SkinRedness, Severity::Mild)]);
    let r = react(&app, ts("2026-11-12T10:00:00Z"), vec![e(Symptom::SkinRedness, Severity::Mild)]);
    let s4 = r.assessment.findings.iter().find(|f| f.rule_id == "S4").unwrap();
    assert_eq!(s4.level, Level::Stop);
    assert!(!s4.advice.contains("Step back"), "{}", s4.advice);
    let k = Kefir::open_in_memory().unwrap();
    k.save_profile(
        &Profile { medicines: vec![MedClass::MaoInhibitor], ..Profile::default() },
        ts("2026-11-10T07:00:00Z"),
    )
    .unwrap();
    let w = k.log_drink(&drink(ts("2026-11-10T08:00:00Z"), 130), ts("2026-11-10T08:00:00Z"), TZ).unwrap().warnings;
    let d3 = w.iter().find(|f| f.rule_id == "D3").unwrap();
    assert!(d3.advice.contains("120 ml (M4)") && !d3.advice.contains("200 ml"), "{}", d3.advice);
}

/// Breaker 10: the drink reminder never fires inside a spacing window.
#[test]
fn the_drink_reminder_moves_past_a_spacing_window() {
    let app = Kefir::open_in_memory().unwrap();
    let fq = MedClass::FluoroquinoloneOrTetracycline;
    app.save_profile(&Profile { medicines: vec![fq], ..Profile::default() }, ts("2026-11-10T07:00:00Z")).unwrap();
    app.start_plan(&PlanSettings::default(), ts("2026-11-10T07:30:00Z"), TZ).unwrap();
    let now = ts("2026-11-10T08:00:00Z");
    app.log_dose(&DoseInput { medicine: fq, at: now, interval_hours: Some(24), note: None, name: None }, now, TZ)
        .unwrap();
    let spacing = app.spacing(now, TZ).unwrap();
    let until = spacing.iter().map(|s| s.kefir_allowed_from).max().unwrap();
    let n = app.upcoming_notifications(now, TZ, 10).unwrap();
    let drink = n.iter().find(|x| x.id.contains("drink-2026-11-10")).unwrap();
    assert!(drink.fire_at >= until, "{drink:?} inside the window to {until}");
    assert!(drink.body.contains("M3"), "{}", drink.body);
}

/// Breaker 12: under the M4 cap the Plan screen lists no step above it.
#[test]
fn plan_steps_under_a_cap_stop_at_the_cap() {
    let app = Kefir::open_in_memory().unwrap();
    let settings = PlanSettings { start_ml: Some(100), target_ml: Some(200), ..PlanSettings::default() };
    app.start_plan(&settings, ts("2026-11-10T08:00:00Z"), TZ).unwrap();
    app.save_profile(
        &Profile { medicines: vec![MedClass::MaoInhibitor], ..Profile::default() },
        ts("2026-11-10T09:00:00Z"),
    )
    .unwrap();
    let v = app.plan_view(ts("2026-11-10T09:01:00Z"), TZ).unwrap();
    let steps = v.plan.unwrap().steps;
    assert_eq!(steps.last(), Some(&120), "{steps:?}");
    assert!(steps.iter().all(|s| *s <= 120));
}

/// Found by the round-trip property: a mild skin reaction is not its own
/// "recent skin sign" when a backup re-evaluates it (no S4 stop on import),
/// and a stop recorded under a clock set back before day one still imports.
#[test]
fn round_trip_keeps_a_single_skin_reaction_a_caution() {
    let app = Kefir::open_in_memory().unwrap();
    app.start_plan(&PlanSettings::default(), ts("2026-11-10T08:00:00Z"), TZ).unwrap();
    react(&app, ts("2026-11-10T08:00:00Z"), vec![e(Symptom::SkinRedness, Severity::Mild)]);
    checkin(&app, "2026-11-10", ts("2026-11-10T09:00:00Z"), vec![]);
    let fresh = round_trip(&app, ts("2026-11-10T09:00:00Z"));
    for k in [&app, &fresh] {
        let v = k.plan_view(ts("2026-11-10T09:00:00Z"), TZ).unwrap();
        assert_eq!(v.plan.unwrap().status, PlanStatus::Active);
        assert!(!v.can_restart);
    }
    // A clock set back before the plan's first day: the stop is kept within the plan's days.
    let app = Kefir::open_in_memory().unwrap();
    app.start_plan(&PlanSettings::default(), ts("2026-11-10T08:00:00Z"), TZ).unwrap();
    react(&app, ts("2026-10-21T08:00:00Z"), vec![e(Symptom::Hives, Severity::Moderate)]);
    let fresh = round_trip(&app, ts("2026-11-10T09:00:00Z"));
    assert_eq!(fresh.plan_view(ts("2026-11-10T09:00:00Z"), TZ).unwrap().plan.unwrap().status, PlanStatus::Stopped);
}

/// Found by the property: a consult finding reported with the clock set back
/// before the plan's first day still pauses it at once.
#[test]
fn a_consult_finding_before_day_one_pauses_at_once() {
    let app = Kefir::open_in_memory().unwrap();
    app.start_plan(&PlanSettings::default(), ts("2026-11-10T08:00:00Z"), TZ).unwrap();
    let now = ts("2026-11-09T23:00:00Z");
    let r = react(&app, now, vec![e(Symptom::BloodInStool, Severity::Mild)]);
    assert_eq!(r.assessment.level, Level::Consult);
    assert_eq!(app.today(now, TZ).unwrap().target_ml, Some(0));
    assert_eq!(app.today(ts("2026-11-10T09:00:00Z"), TZ).unwrap().target_ml, Some(0));
}

/// Proptest regression (found while localising): a check-in saved for an
/// earlier day after a later day's check-in (clock set back) must not make a
/// backup round trip open the restart gate.
#[test]
fn backfilled_skin_signs_then_round_trip_keep_the_restart_gate() {
    let ops = [
        Op::Clock(1),
        Op::Clock(1),
        Op::Checkin(vec![SymptomEntry { symptom: Symptom::SkinRedness, severity: Severity::Mild }]),
        Op::Clock(-11),
        Op::Checkin(vec![SymptomEntry { symptom: Symptom::SkinRedness, severity: Severity::Mild }]),
        Op::RoundTrip,
    ];
    run(&ops).unwrap();
}

/// Skin signs on two days in a row are an S4 recurrence whichever day is
/// entered first: yesterday's check-in entered after today's raises today's
/// to the recurrence and stops the plan, as a backup import would judge it.
#[test]
fn a_backfilled_day_makes_the_next_days_skin_signs_a_recurrence() {
    let app = Kefir::open_in_memory().unwrap();
    let now = ts("2026-11-10T18:00:00Z");
    app.start_plan(&PlanSettings::default(), ts("2026-11-09T08:00:00Z"), TZ).unwrap();
    let skin = vec![SymptomEntry { symptom: Symptom::SkinRedness, severity: Severity::Mild }];
    let checkin = |day: &str| CheckinInput { day: day.into(), symptoms: skin.clone(), bristol: None, note: None };
    let today = app.save_checkin(&checkin("2026-11-10"), now, TZ).unwrap();
    assert_eq!(today.assessment.level, Level::Caution);
    app.save_checkin(&checkin("2026-11-09"), now, TZ).unwrap();
    let stored = app.checkins("2026-11-10", "2026-11-10").unwrap();
    assert_eq!(stored[0].level, Level::Stop, "{stored:?}");
    assert_eq!(app.plan_view(now, TZ).unwrap().plan.unwrap().status, PlanStatus::Stopped);
}
