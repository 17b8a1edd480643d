//! The gradual-introduction plan: steps from the start amount to the target,
//! and one stored, explained decision per local day.
//!
//! `decide` is a pure function of yesterday's state and inputs; the store
//! functions below gather those inputs, persist each decision (so the plan
//! history is auditable) and apply the user's actions (pause, resume,
//! restart, change target).

use chrono::{Duration, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::checkin::{self, Checkin, Severity};
use crate::error::{CoreError, Result};
use crate::intake;
use crate::meds;
use crate::rules::{rule, Level, DEFAULT_START_MAX_ML, MIN_PLAN_ML};
use crate::screening::{Constraints, Screening};
use crate::text::enum_str;
use crate::time::{iso_date, parse_iso_date, Timestamp, Zone};

pub const DEFAULT_START_ML: u32 = 50;
pub const DEFAULT_TARGET_ML: u32 = 150;
pub const MIN_TARGET_ML: u32 = 100;
pub const DEFAULT_HOLD_DAYS: u32 = 3;
pub const DEFAULT_STEP_ML: u32 = 25;
/// Consecutive bad check-in days that pause the plan.
pub const BAD_DAYS_TO_PAUSE: u32 = 3;

enum_str! {
    pub enum PlanStatus {
        Active = "active",
        Paused = "paused",
        Stopped = "stopped",
    }
}

enum_str! {
    pub enum DecisionKind {
        /// Day one of the plan.
        Start = "start",
        /// One step up.
        Advance = "advance",
        /// Same amount as yesterday.
        Hold = "hold",
        /// Back to the last tolerated amount (S2).
        StepBack = "step_back",
        /// Paused today (several bad days, a missed spacing window, a consult finding, or by the user).
        Pause = "pause",
        /// Stopped by a stop/emergency finding.
        Stop = "stop",
        /// At the target: keep going.
        Maintain = "maintain",
        /// Still paused (no kefir until resumed).
        Paused = "paused",
        /// Still stopped (no kefir until an explicit restart).
        Stopped = "stopped",
        Resume = "resume",
        Restart = "restart",
    }
}

impl DecisionKind {
    /// Routine days a clinician does not need listed.
    pub fn is_routine(self) -> bool {
        matches!(self, DecisionKind::Hold | DecisionKind::Maintain | DecisionKind::Paused | DecisionKind::Stopped)
    }
}

/// The user's choices when starting a plan; `None` takes the default.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PlanSettings {
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub start_ml: Option<u32>,
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub target_ml: Option<u32>,
    /// Days to hold each step before the next (D6).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub hold_days: Option<u32>,
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub step_ml: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Plan {
    pub id: i64,
    /// Local day one, ISO.
    pub started_day: String,
    pub start_ml: u32,
    pub target_ml: u32,
    pub step_ml: u32,
    pub hold_days: u32,
    pub status: PlanStatus,
    /// The amounts, from start to target.
    pub steps: Vec<u32>,
}

/// One day's decision, with its reason and rule ids.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DayDecision {
    pub day: String,
    pub kind: DecisionKind,
    /// What to drink that day (0 while paused or stopped).
    pub target_ml: u32,
    /// 1-based step number and the number of steps.
    pub step: u32,
    pub steps: u32,
    pub reason: String,
    pub rule_ids: Vec<String>,
}

/// Position in the plan for the Today and Plan screens.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PlanProgress {
    pub status: PlanStatus,
    pub step: u32,
    pub steps: u32,
    pub goal_ml: u32,
    /// When the goal is reached if every day goes well (None once reached or while not active).
    pub projected_goal_date: Option<String>,
    pub at_goal: bool,
}

/// Everything the Plan screen shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PlanView {
    pub plan: Option<Plan>,
    pub progress: Option<PlanProgress>,
    /// Newest first.
    pub history: Vec<DayDecision>,
    pub can_start: bool,
    pub can_pause: bool,
    pub can_resume: bool,
    pub can_restart: bool,
    /// A running or paused plan's target can be changed.
    pub can_change_target: bool,
    /// Why start/restart is not possible now (with rule ids), if it is not.
    pub blocked_reason: Option<String>,
    pub blocked_rule_ids: Vec<String>,
    /// Allowed ranges for the start screen.
    pub start_range_ml: Vec<u32>,
    pub target_range_ml: Vec<u32>,
    pub guidance: Vec<crate::rules::Finding>,
}

/// The step amounts from `start` to `target` in `step` increments.
pub fn steps(start: u32, target: u32, step: u32) -> Vec<u32> {
    let mut v = Vec::new();
    let mut x = start;
    while x < target {
        v.push(x);
        x += step.max(1);
    }
    v.push(target);
    v
}

/// `[low, high]` for the start amount under these constraints: 50–100 ml,
/// lower (from 25 ml) where a rule lowers the start (P2, P3, M4).
pub fn start_range(c: &Constraints) -> (u32, u32) {
    let high = c.max_start_ml;
    let low = if high < DEFAULT_START_MAX_ML { MIN_PLAN_ML } else { DEFAULT_START_ML };
    (low.min(high), high)
}

/// `[low, high]` for the target: 100–200 ml, never above the cap.
pub fn target_range(c: &Constraints) -> (u32, u32) {
    (MIN_TARGET_ML.min(c.max_ml_per_day), c.max_ml_per_day)
}

/// Validated plan parameters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Params {
    pub start_ml: u32,
    pub target_ml: u32,
    pub step_ml: u32,
    pub hold_days: u32,
}

pub fn validate_settings(s: &PlanSettings, c: &Constraints) -> Result<Params> {
    let (slo, shi) = start_range(c);
    let (tlo, thi) = target_range(c);
    let start = s.start_ml.unwrap_or(DEFAULT_START_ML.min(shi));
    if !(slo..=shi).contains(&start) {
        let why = format!("{start} ml is outside the allowed start {slo}-{shi} ml ({})", c.start_rule_ids.join(", "));
        return Err(CoreError::invalid("start_ml", &why));
    }
    let target = s.target_ml.unwrap_or(DEFAULT_TARGET_ML.min(thi));
    if !(tlo..=thi).contains(&target) {
        let why = format!("{target} ml is outside the allowed target {tlo}-{thi} ml ({})", c.cap_rule_ids.join(", "));
        return Err(CoreError::invalid("target_ml", &why));
    }
    if target < start {
        return Err(CoreError::invalid("target_ml", "is below the start amount"));
    }
    let hold_days = s.hold_days.unwrap_or(DEFAULT_HOLD_DAYS);
    if !(1..=7).contains(&hold_days) {
        return Err(CoreError::invalid("hold_days", &format!("{hold_days} is outside 1-7 days")));
    }
    let step_ml = s.step_ml.unwrap_or(DEFAULT_STEP_ML);
    if !(10..=50).contains(&step_ml) {
        return Err(CoreError::invalid("step_ml", &format!("{step_ml} ml is outside 10-50 ml")));
    }
    Ok(Params { start_ml: start, target_ml: target, step_ml, hold_days })
}

// ---------------------------------------------------------------------------
// The pure daily decision

/// Where the plan stood at the end of a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StepState {
    /// 0-based index into the steps.
    pub step: usize,
    /// Days spent at this step, including that day.
    pub days_at_step: u32,
}

/// What a decision for a day looks at (all about the days before it).
#[derive(Clone, Debug, Default)]
pub struct DayInputs {
    /// Yesterday's check-in: overall level, rule ids, and whether any symptom was above none.
    pub yesterday: Option<(Level, Vec<String>, bool)>,
    /// Stop/emergency findings not yet acted on (rule ids), from check-ins or reactions.
    pub red_flags: Vec<String>,
    /// Consecutive check-in days, ending yesterday, at `caution` or worse.
    pub bad_streak: u32,
    /// Spacing rules (M1–M3) that yesterday's drinks broke.
    pub spacing_missed: Vec<String>,
    /// The screening's current daily cap and the rules behind it.
    pub cap_ml: u32,
    pub cap_rule_ids: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    pub kind: DecisionKind,
    pub state: StepState,
    pub target_ml: u32,
    pub reason: String,
    pub rule_ids: Vec<String>,
    /// A status the plan moves to with this decision.
    pub new_status: Option<PlanStatus>,
}

fn ids(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// Decide a day from the previous day's state. Deterministic: the same
/// inputs always give the same decision.
pub fn decide(steps: &[u32], hold_days: u32, status: PlanStatus, prev: StepState, inp: &DayInputs) -> Decision {
    let last = steps.len() - 1;
    let clamp = |s: usize| s.min(last);
    let make = |kind, state: StepState, reason: String, rule_ids: Vec<String>, new_status| {
        let planned = steps[clamp(state.step)];
        let paused =
            matches!(kind, DecisionKind::Stop | DecisionKind::Stopped | DecisionKind::Pause | DecisionKind::Paused);
        let mut rule_ids = rule_ids;
        let mut reason = reason;
        let target_ml = if paused {
            0
        } else if planned > inp.cap_ml {
            reason.push_str(&format!(" Capped at {} ml by your screening.", inp.cap_ml));
            rule_ids.extend(inp.cap_rule_ids.iter().cloned());
            inp.cap_ml
        } else {
            planned
        };
        Decision { kind, state, target_ml, reason, rule_ids, new_status }
    };
    let same = StepState { step: prev.step, days_at_step: prev.days_at_step + 1 };
    // Red flags stop a running or paused plan.
    if !inp.red_flags.is_empty() && status != PlanStatus::Stopped {
        let reason = format!("Stopped: {} Restart only after a check-in without it.", describe(&inp.red_flags));
        return make(DecisionKind::Stop, prev, reason, inp.red_flags.clone(), Some(PlanStatus::Stopped));
    }
    match status {
        PlanStatus::Stopped => {
            return make(
                DecisionKind::Stopped,
                prev,
                "Stopped. Restart from the Plan screen once you are well.".into(),
                vec![],
                None,
            )
        }
        PlanStatus::Paused => {
            return make(
                DecisionKind::Paused,
                prev,
                "Paused. Resume from the Plan screen when you are ready.".into(),
                vec![],
                None,
            )
        }
        PlanStatus::Active => {}
    }
    let Some((level, yesterday_ids, any_symptom)) = &inp.yesterday else {
        return make(
            DecisionKind::Hold,
            same,
            "No check-in yesterday, so no step up today.".into(),
            ids(&["D4"]),
            None,
        );
    };
    if *level == Level::Consult {
        let reason = format!("Paused: {} Resume once a clinician has seen you.", describe(yesterday_ids));
        return make(DecisionKind::Pause, prev, reason, yesterday_ids.clone(), Some(PlanStatus::Paused));
    }
    if *level >= Level::Caution {
        if inp.bad_streak >= BAD_DAYS_TO_PAUSE {
            let reason = format!("Paused after {} difficult days in a row. Resume when you feel well.", inp.bad_streak);
            return make(DecisionKind::Pause, prev, reason, yesterday_ids.clone(), Some(PlanStatus::Paused));
        }
        let back = StepState { step: prev.step.saturating_sub(1), days_at_step: 1 };
        let reason =
            format!("Back to {} ml, the last amount you tolerated: {}", steps[back.step], describe(yesterday_ids));
        return make(DecisionKind::StepBack, back, reason, yesterday_ids.clone(), None);
    }
    if !inp.spacing_missed.is_empty() {
        let reason = format!(
            "Paused: yesterday's kefir fell inside a medicine spacing window ({}). Resume and keep kefir outside the window.",
            inp.spacing_missed.join(", ")
        );
        return make(DecisionKind::Pause, prev, reason, inp.spacing_missed.clone(), Some(PlanStatus::Paused));
    }
    if *any_symptom {
        let mut r = yesterday_ids.clone();
        if r.is_empty() {
            r.push("D4".into());
        }
        let reason = "Symptoms yesterday: staying at the same amount, no step up today.".to_string();
        return make(DecisionKind::Hold, same, reason, r, None);
    }
    if prev.step >= last {
        return make(DecisionKind::Maintain, same, "At your target: keep this amount.".into(), ids(&["D2"]), None);
    }
    if prev.days_at_step >= hold_days {
        let up = StepState { step: prev.step + 1, days_at_step: 1 };
        let reason = format!("{} good days at {} ml: one step up.", prev.days_at_step, steps[prev.step]);
        return make(DecisionKind::Advance, up, reason, ids(&["D4", "D6"]), None);
    }
    let reason = format!("Day {} of {} at this amount before the next step.", same.days_at_step, hold_days);
    make(DecisionKind::Hold, same, reason, ids(&["D6"]), None)
}

fn describe(rule_ids: &[String]) -> String {
    let parts: Vec<String> = rule_ids.iter().map(|id| format!("{} ({id})", rule(id).title.to_lowercase())).collect();
    format!("{}.", parts.join("; "))
}

/// Days left until the goal if every day goes well; 0 when at the goal.
pub fn days_to_goal(steps: &[u32], hold_days: u32, s: StepState) -> u32 {
    let last = steps.len() - 1;
    if s.step >= last {
        return 0;
    }
    hold_days.saturating_sub(s.days_at_step) + (last - s.step - 1) as u32 * hold_days + 1
}

// ---------------------------------------------------------------------------
// Storage

pub(crate) fn current(c: &Connection) -> Result<Option<Plan>> {
    let row = c
        .prepare_cached(
            "SELECT id, started_day, start_ml, target_ml, step_ml, hold_days, status FROM plans ORDER BY id DESC LIMIT 1",
        )?
        .query_row([], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get::<_, String>(6)?))
        })
        .optional()?;
    row.map(
        |(id, started_day, start_ml, target_ml, step_ml, hold_days, status): (
            i64,
            String,
            u32,
            u32,
            u32,
            u32,
            String,
        )| {
            Ok(Plan {
                id,
                started_day,
                start_ml,
                target_ml,
                step_ml,
                hold_days,
                status: PlanStatus::parse(&status)
                    .ok_or_else(|| CoreError::Internal(format!("plan status {status}")))?,
                steps: steps(start_ml, target_ml, step_ml),
            })
        },
    )
    .transpose()
}

struct DayRow {
    day: NaiveDate,
    decision: DayDecision,
    state: StepState,
}

fn day_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(String, i64, u32, u32, String, String, String)> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?))
}

fn to_day_row(t: (String, i64, u32, u32, String, String, String), nsteps: u32) -> Result<DayRow> {
    let (day, step, days_at_step, target, kind, reason, rule_ids) = t;
    let parsed = parse_iso_date("day", &day).map_err(|_| CoreError::Internal(format!("stored day {day}")))?;
    Ok(DayRow {
        day: parsed,
        state: StepState { step: step as usize, days_at_step },
        decision: DayDecision {
            day,
            kind: DecisionKind::parse(&kind).ok_or_else(|| CoreError::Internal(format!("stored decision {kind}")))?,
            target_ml: target,
            step: step as u32 + 1,
            steps: nsteps,
            reason,
            rule_ids: crate::text::split_ids(&rule_ids),
        },
    })
}

const DAY_COLS: &str = "day, step, days_at_step, target_ml, decision, reason, rule_ids";
// Queries below write `plan_id = +?1`: with a bare `?1` SQLite re-prepared
// these statements on every run (measured: statement status RePrepare equal
// to the run count); the unary plus keeps the same primary-key search plan.

fn last_day(c: &Connection, plan: &Plan) -> Result<Option<DayRow>> {
    let n = plan.steps.len() as u32;
    let row = c
        .prepare_cached(&format!("SELECT {DAY_COLS} FROM plan_days WHERE plan_id = +?1 ORDER BY day DESC LIMIT 1"))?
        .query_row([plan.id], day_row)
        .optional()?;
    row.map(|t| to_day_row(t, n)).transpose()
}

fn day_of(c: &Connection, plan: &Plan, day: NaiveDate) -> Result<Option<DayRow>> {
    let n = plan.steps.len() as u32;
    let row = c
        .prepare_cached(&format!("SELECT {DAY_COLS} FROM plan_days WHERE plan_id = +?1 AND day = ?2"))?
        .query_row(params![plan.id, iso_date(day)], day_row)
        .optional()?;
    row.map(|t| to_day_row(t, n)).transpose()
}

/// Every decision of every plan with `first <= day <= last`, oldest first.
pub(crate) fn decisions(c: &Connection, first: NaiveDate, last: NaiveDate) -> Result<Vec<DayDecision>> {
    let mut st = c.prepare_cached(
        "SELECT d.day, d.step, d.days_at_step, d.target_ml, d.decision, d.reason, d.rule_ids, p.start_ml, p.target_ml, \
         p.step_ml FROM plan_days d JOIN plans p ON p.id = d.plan_id WHERE d.day >= ?1 AND d.day <= ?2 ORDER BY d.day, d.plan_id",
    )?;
    let rows = st
        .query_map([iso_date(first), iso_date(last)], |r| {
            Ok((day_row(r)?, r.get::<_, u32>(7)?, r.get::<_, u32>(8)?, r.get::<_, u32>(9)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter().map(|(t, s, tg, st)| Ok(to_day_row(t, steps(s, tg, st).len() as u32)?.decision)).collect()
}

fn write_day(c: &Connection, plan_id: i64, day: NaiveDate, d: &Decision, now: Timestamp) -> Result<()> {
    c.execute(
        "INSERT OR REPLACE INTO plan_days (plan_id, day, step, days_at_step, target_ml, decision, reason, rule_ids, decided_ms) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            plan_id,
            iso_date(day),
            d.state.step as i64,
            d.state.days_at_step,
            d.target_ml,
            d.kind.as_str(),
            d.reason,
            d.rule_ids.join(","),
            now.millis()
        ],
    )?;
    if let Some(s) = d.new_status {
        set_status(c, plan_id, s)?;
    }
    Ok(())
}

fn set_status(c: &Connection, plan_id: i64, s: PlanStatus) -> Result<()> {
    c.execute("UPDATE plans SET status = ?2 WHERE id = ?1", params![plan_id, s.as_str()])?;
    Ok(())
}

/// The rule ids that made a report `stop` or `emergency`: rules at that
/// level, or rules that reach it when recurring (S4).
pub fn red_flag_ids(level: Level, rule_ids: &[String]) -> Vec<String> {
    if level < Level::Stop {
        return Vec::new();
    }
    rule_ids
        .iter()
        .filter(|id| {
            let r = rule(id);
            r.level >= Level::Stop || r.recurs_as.is_some_and(|l| l >= Level::Stop)
        })
        .cloned()
        .collect()
}

/// When the plan was last (re)started or resumed: red flags reported before
/// that have been acted on already.
fn last_go_ahead(c: &Connection, plan_id: i64) -> Result<Timestamp> {
    let ms: Option<i64> = c.query_row(
        "SELECT max(decided_ms) FROM plan_days WHERE plan_id = +?1 AND decision IN ('start', 'restart', 'resume')",
        [plan_id],
        |r| r.get(0),
    )?;
    Ok(ms.and_then(Timestamp::from_millis).unwrap_or_else(crate::time::earliest_allowed))
}

/// Gather the inputs for deciding `day`.
fn inputs_for(c: &Connection, plan_id: i64, day: NaiveDate, zone: &Zone, cap: &Constraints) -> Result<DayInputs> {
    let yesterday = day - Duration::days(1);
    let ck: Option<Checkin> = checkin::get_by_day(c, yesterday)?;
    let since = last_go_ahead(c, plan_id)?;
    let mut red = Vec::new();
    if let Some(k) = ck.as_ref().filter(|k| k.at > since) {
        red.extend(red_flag_ids(k.level, &k.rule_ids));
    }
    let (ystart, _) = zone.day_bounds(yesterday);
    let (dstart, _) = zone.day_bounds(day);
    let reactions = checkin::reactions(c, ystart, dstart)?;
    for r in reactions.iter().filter(|r| r.at > since) {
        red.extend(red_flag_ids(r.level, &r.rule_ids));
    }
    red.sort();
    red.dedup();
    let mut bad_streak = 0;
    let mut d = yesterday;
    while bad_streak < BAD_DAYS_TO_PAUSE {
        match checkin::get_by_day(c, d)? {
            Some(k) if k.level >= Level::Caution => bad_streak += 1,
            _ => break,
        }
        d -= Duration::days(1);
    }
    let mut spacing_missed = Vec::new();
    for drink in intake::list(c, ystart, dstart)? {
        let doses = meds::relevant_doses(c, drink.at)?;
        for f in meds::drink_warnings(&doses, drink.at, zone) {
            if !spacing_missed.contains(&f.rule_id) {
                spacing_missed.push(f.rule_id);
            }
        }
    }
    // Yesterday as a whole: the check-in plus any reaction reported that day.
    let yesterday = ck.map(|k| {
        let mut level = k.level;
        let mut ids = k.rule_ids.clone();
        let mut any = k.symptoms.iter().any(|e| e.severity > Severity::None);
        for r in &reactions {
            level = level.max(r.level);
            ids.extend(r.rule_ids.iter().filter(|id| !k.rule_ids.contains(id)).cloned());
            any = true;
        }
        (level, ids, any)
    });
    Ok(DayInputs {
        yesterday,
        red_flags: red,
        bad_streak,
        spacing_missed,
        cap_ml: cap.max_ml_per_day,
        cap_rule_ids: cap.cap_rule_ids.clone(),
    })
}

/// Decide every day from the last decided one up to `today`, storing each.
/// Returns today's decision (None without a plan).
pub(crate) fn ensure_days(
    c: &Connection,
    today: NaiveDate,
    zone: &Zone,
    cap: &Constraints,
    now: Timestamp,
) -> Result<Option<(Plan, DayDecision, StepState)>> {
    let Some(mut plan) = current(c)? else { return Ok(None) };
    let Some(mut last) = last_day(c, &plan)? else {
        return Err(CoreError::Internal("plan without a first day".into()));
    };
    if last.day >= today {
        // Already decided (or the clock went backwards: show the newest decision).
        let row = day_of(c, &plan, today)?.unwrap_or(last);
        return Ok(Some((plan, row.decision, row.state)));
    }
    let tx = crate::store::write_tx(c)?;
    let mut day = last.day;
    while day < today {
        day += Duration::days(1);
        let inp = inputs_for(&tx, plan.id, day, zone, cap)?;
        let d = decide(&plan.steps, plan.hold_days, plan.status, last.state, &inp);
        write_day(&tx, plan.id, day, &d, now)?;
        if let Some(s) = d.new_status {
            plan.status = s;
        }
        last = DayRow { day, state: d.state, decision: to_decision(day, &d, plan.steps.len()) };
    }
    tx.commit()?;
    Ok(Some((plan, last.decision, last.state)))
}

fn to_decision(day: NaiveDate, d: &Decision, nsteps: usize) -> DayDecision {
    DayDecision {
        day: iso_date(day),
        kind: d.kind,
        target_ml: d.target_ml,
        step: d.state.step as u32 + 1,
        steps: nsteps as u32,
        reason: d.reason.clone(),
        rule_ids: d.rule_ids.clone(),
    }
}

/// Re-decide today (after yesterday's check-in was filled in or edited),
/// unless today's decision was an explicit action or a stop.
pub(crate) fn redecide_today(
    c: &Connection,
    today: NaiveDate,
    zone: &Zone,
    cap: &Constraints,
    now: Timestamp,
) -> Result<()> {
    let Some(plan) = current(c)? else { return Ok(()) };
    let Some(row) = day_of(c, &plan, today)? else { return Ok(()) };
    if matches!(
        row.decision.kind,
        DecisionKind::Start | DecisionKind::Restart | DecisionKind::Resume | DecisionKind::Stop | DecisionKind::Stopped
    ) || (row.decision.kind == DecisionKind::Pause && row.decision.rule_ids.is_empty())
    {
        return Ok(());
    }
    let Some(prev) = day_of(c, &plan, today - Duration::days(1))? else { return Ok(()) };
    // Status before today's decision: a pause made today is undone by re-deciding.
    let status = match (plan.status, row.decision.kind) {
        (PlanStatus::Paused, DecisionKind::Pause) => PlanStatus::Active,
        (s, _) => s,
    };
    let inp = inputs_for(c, plan.id, today, zone, cap)?;
    let d = decide(&plan.steps, plan.hold_days, status, prev.state, &inp);
    let tx = crate::store::write_tx(c)?;
    set_status(&tx, plan.id, status)?;
    write_day(&tx, plan.id, today, &d, now)?;
    tx.commit()?;
    Ok(())
}

/// A stop/emergency finding was just reported: stop the plan today.
pub(crate) fn stop_now(c: &Connection, today: NaiveDate, rule_ids: &[String], now: Timestamp) -> Result<()> {
    let Some(plan) = current(c)? else { return Ok(()) };
    let state = day_of(c, &plan, today)?
        .or(last_day(c, &plan)?)
        .map(|r| r.state)
        .unwrap_or(StepState { step: 0, days_at_step: 1 });
    let reason = format!("Stopped: {} Restart only after a check-in without it.", describe(rule_ids));
    let d = Decision {
        kind: DecisionKind::Stop,
        state,
        target_ml: 0,
        reason,
        rule_ids: rule_ids.to_vec(),
        new_status: Some(PlanStatus::Stopped),
    };
    let tx = crate::store::write_tx(c)?;
    write_day(&tx, plan.id, today, &d, now)?;
    tx.commit()?;
    Ok(())
}

/// Why a plan may not start or restart now: screening or an unresolved red flag.
pub(crate) fn blockers(
    c: &Connection,
    screening: &Screening,
    today: NaiveDate,
    zone: &Zone,
) -> Result<Option<(String, Vec<String>)>> {
    if let Some((reason, ids)) = unresolved_red_flag(c, today, zone)? {
        return Ok(Some((reason, ids)));
    }
    if !screening.may_start {
        let reason = format!(
            "Your screening says to talk to a clinician first ({}). Once they agree, record their go-ahead.",
            screening.uncleared_rule_ids.join(", ")
        );
        return Ok(Some((reason, screening.uncleared_rule_ids.clone())));
    }
    Ok(None)
}

/// The latest stop/emergency report that no later clean check-in has followed.
fn unresolved_red_flag(c: &Connection, today: NaiveDate, zone: &Zone) -> Result<Option<(String, Vec<String>)>> {
    let first = today - Duration::days(30);
    let (start, _) = zone.day_bounds(first);
    let (_, end) = zone.day_bounds(today);
    // (time, level, ids, is a check-in) of every report, in time order.
    let mut events: Vec<(Timestamp, Level, Vec<String>, bool)> =
        checkin::levels(c, first, today)?.into_iter().map(|(at, l, ids)| (at, l, ids, true)).collect();
    events.extend(checkin::reactions(c, start, end)?.into_iter().map(|r| (r.at, r.level, r.rule_ids, false)));
    events.sort_by_key(|e| e.0);
    let mut open: Option<(Timestamp, Vec<String>)> = None;
    for (at, level, ids, is_checkin) in events {
        if level >= Level::Stop {
            open = Some((at, ids));
        } else if is_checkin && open.as_ref().is_some_and(|(t, _)| at > *t) {
            open = None; // a later check-in without the red flag
        }
    }
    Ok(open.map(|(_, ids)| {
        (format!("A red flag is still open: {} Check in again once it has gone.", describe(&ids)), ids)
    }))
}

pub(crate) fn start(
    c: &Connection,
    p: Params,
    today: NaiveDate,
    now: Timestamp,
    start_rules: &[String],
) -> Result<Plan> {
    if let Some(plan) = current(c)? {
        if plan.status != PlanStatus::Stopped {
            return Err(CoreError::not_allowed("a plan is already running: pause, change or restart it instead", &[]));
        }
    }
    let tx = crate::store::write_tx(c)?;
    tx.execute(
        "INSERT INTO plans (started_day, started_ms, start_ml, target_ml, step_ml, hold_days, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'active')",
        params![iso_date(today), now.millis(), p.start_ml, p.target_ml, p.step_ml, p.hold_days],
    )?;
    let id = tx.last_insert_rowid();
    let mut rule_ids = vec!["D1".to_string()];
    rule_ids.extend(start_rules.iter().filter(|r| r.as_str() != "D1").cloned());
    let d = Decision {
        kind: DecisionKind::Start,
        state: StepState { step: 0, days_at_step: 1 },
        target_ml: p.start_ml,
        reason: format!("Day one: start with {} ml.", p.start_ml),
        rule_ids,
        new_status: None,
    };
    write_day(&tx, id, today, &d, now)?;
    tx.commit()?;
    current(c)?.ok_or_else(|| CoreError::Internal("plan vanished".into()))
}

/// Apply a user action to today's decision.
pub(crate) fn act(
    c: &Connection,
    action: DecisionKind,
    today: NaiveDate,
    now: Timestamp,
    cap: &Constraints,
) -> Result<Plan> {
    let plan = current(c)?.ok_or_else(|| CoreError::not_found("plan", "current"))?;
    let state = day_of(c, &plan, today)?
        .or(last_day(c, &plan)?)
        .map(|r| r.state)
        .unwrap_or(StepState { step: 0, days_at_step: 1 });
    let (new_status, state, reason) = match (action, plan.status) {
        (DecisionKind::Pause, PlanStatus::Active) => (PlanStatus::Paused, state, "Paused by you.".to_string()),
        (DecisionKind::Resume, PlanStatus::Paused) => (PlanStatus::Active, state, "Resumed by you.".to_string()),
        (DecisionKind::Restart, PlanStatus::Stopped) => {
            let s = StepState { step: 0, days_at_step: 1 };
            (PlanStatus::Active, s, format!("Restarted at {} ml after a clean check-in.", plan.steps[0]))
        }
        (a, s) => {
            return Err(CoreError::not_allowed(
                format!("cannot {} a plan that is {}", a.as_str().replace('_', " "), s),
                &[],
            ))
        }
    };
    let planned = plan.steps[state.step.min(plan.steps.len() - 1)];
    let d = Decision {
        kind: action,
        state,
        target_ml: if new_status == PlanStatus::Active { planned.min(cap.max_ml_per_day) } else { 0 },
        reason,
        rule_ids: if action == DecisionKind::Restart { vec!["D1".into()] } else { vec![] },
        new_status: Some(new_status),
    };
    let tx = crate::store::write_tx(c)?;
    write_day(&tx, plan.id, today, &d, now)?;
    tx.commit()?;
    current(c)?.ok_or_else(|| CoreError::Internal("plan vanished".into()))
}

pub(crate) fn change_target(c: &Connection, target: u32, cap: &Constraints, today: NaiveDate) -> Result<Plan> {
    let plan = current(c)?.ok_or_else(|| CoreError::not_found("plan", "current"))?;
    let (lo, hi) = target_range(cap);
    if !(lo..=hi).contains(&target) || target < plan.start_ml {
        let lo = lo.max(plan.start_ml);
        return Err(CoreError::invalid(
            "target_ml",
            &format!("{target} ml is outside the allowed {lo}-{hi} ml ({})", cap.cap_rule_ids.join(", ")),
        ));
    }
    let new_steps = steps(plan.start_ml, target, plan.step_ml);
    let tx = crate::store::write_tx(c)?;
    tx.execute("UPDATE plans SET target_ml = ?2 WHERE id = ?1", params![plan.id, target])?;
    if let Some(row) = day_of(&tx, &plan, today)? {
        let step = row.state.step.min(new_steps.len() - 1);
        if row.decision.target_ml > 0 {
            tx.execute(
                "UPDATE plan_days SET step = ?3, target_ml = ?4, reason = reason || ' Target changed to ' || ?5 || ' ml.' WHERE plan_id = ?1 AND day = ?2",
                params![plan.id, iso_date(today), step as i64, new_steps[step].min(cap.max_ml_per_day), target],
            )?;
        } else {
            tx.execute(
                "UPDATE plan_days SET step = ?3 WHERE plan_id = ?1 AND day = ?2",
                params![plan.id, iso_date(today), step as i64],
            )?;
        }
    }
    tx.commit()?;
    current(c)?.ok_or_else(|| CoreError::Internal("plan vanished".into()))
}

/// History of the current plan, newest first.
pub(crate) fn history(c: &Connection, plan: &Plan) -> Result<Vec<DayDecision>> {
    let n = plan.steps.len() as u32;
    let mut st =
        c.prepare_cached(&format!("SELECT {DAY_COLS} FROM plan_days WHERE plan_id = +?1 ORDER BY day DESC"))?;
    let rows = st.query_map([plan.id], day_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter().map(|t| Ok(to_day_row(t, n)?.decision)).collect()
}

pub(crate) fn progress(plan: &Plan, state: StepState, today: NaiveDate) -> PlanProgress {
    let last = plan.steps.len() - 1;
    let at_goal = state.step >= last;
    let projected = (plan.status == PlanStatus::Active && !at_goal)
        .then(|| iso_date(today + Duration::days(days_to_goal(&plan.steps, plan.hold_days, state) as i64)));
    PlanProgress {
        status: plan.status,
        step: state.step.min(last) as u32 + 1,
        steps: plan.steps.len() as u32,
        goal_ml: plan.target_ml,
        projected_goal_date: projected,
        at_goal,
    }
}
