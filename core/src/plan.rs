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

use crate::checkin::{self, Checkin};
use crate::error::{CoreError, Result};
use crate::intake;
use crate::l10n::{Locale, Msg};
use crate::meds;
use crate::reasons::{self, ids_arg};
use crate::rules::{rule, Level, DEFAULT_START_MAX_ML, MIN_PLAN_ML};
use crate::screening::{Constraints, Screening};
use crate::text::enum_str;
use crate::time::{iso_date, parse_iso_date, Timestamp, Zone};
use crate::vocab::{labelled, Labelled};

pub const DEFAULT_START_ML: u32 = 50;
pub const DEFAULT_TARGET_ML: u32 = 150;
pub const MIN_TARGET_ML: u32 = 100;
pub const DEFAULT_HOLD_DAYS: u32 = 3;
pub const DEFAULT_STEP_ML: u32 = 25;
/// Consecutive bad check-in days that pause the plan.
pub const BAD_DAYS_TO_PAUSE: u32 = 3;
/// Product rule for absences (D4: step up only while monitored): after this
/// many days in a row with neither a check-in nor a drink, the plan pauses
/// itself and no later day is decided until the person resumes. Resuming
/// then starts one step below the last tolerated amount (D6), within the cap.
pub const ABSENCE_DAYS: i64 = 7;
/// Red flags after which a restart needs a clinician's acknowledgement dated
/// after the reaction (and restarts at the lowest step).
pub const CLINICIAN_RESTART_RULES: &[&str] = &["S5", "S6", "S7"];

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

// Labels `status-<code>` and `decision-<code>` in the catalogue (vocab.ftl).
labelled! {
    PlanStatus => "status",
    DecisionKind => "decision",
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
    /// `kind` in the caller's locale (catalogue `decision-<code>`), e.g.
    /// "Step up" / "Steigerung"; empty only inside the core before rendering.
    pub kind_label: String,
    /// What to drink that day (0 while paused or stopped).
    pub target_ml: u32,
    /// 1-based step number and the number of steps.
    pub step: u32,
    pub steps: u32,
    /// Why, in the caller's locale (stored as message references, see
    /// `reasons`; text from schema 4 and backup format 2 as written).
    pub reason: String,
    pub rule_ids: Vec<String>,
}

/// Position in the plan for the Today and Plan screens.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PlanProgress {
    pub status: PlanStatus,
    /// `status` in the caller's locale (catalogue `status-<code>`), e.g. "Paused".
    pub status_label: String,
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
    /// Every event of the plan (start, stops, pauses, resumes, restarts),
    /// oldest first: several on one day are all listed, while `history`
    /// keeps one standing decision per day.
    pub events: Vec<PlanEvent>,
    pub can_start: bool,
    pub can_pause: bool,
    pub can_resume: bool,
    pub can_restart: bool,
    /// A running or paused plan's target can be changed.
    pub can_change_target: bool,
    /// Why start/restart is not possible now (with rule ids), if it is not,
    /// in the caller's locale.
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

/// `steps` as drunk under a daily cap: every step above `cap_ml` becomes the
/// cap, listed once (D3, M4, P-rule caps).
pub fn steps_within(steps: &[u32], cap_ml: u32) -> Vec<u32> {
    let mut out: Vec<u32> = steps.iter().map(|s| (*s).min(cap_ml)).collect();
    out.dedup();
    out
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
    /// No check-in and no drink on any of the `ABSENCE_DAYS` days before
    /// this one (all of them days of the plan): pause (D4).
    pub absent: bool,
    /// Yesterday's target was already stepped back the moment its finding was
    /// reported (`SAME_DAY_STEP_BACK`): hold instead of stepping back again.
    pub stepped_back_yesterday: bool,
    /// The screening's current daily cap and the rules behind it.
    pub cap_ml: u32,
    pub cap_rule_ids: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Decision {
    pub kind: DecisionKind,
    pub state: StepState,
    pub target_ml: u32,
    /// Why, as message references (rendered with [`reasons::render`]).
    pub reason: Vec<Msg>,
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
    let make = |kind, state: StepState, reason: Vec<Msg>, rule_ids: Vec<String>, new_status| {
        let planned = steps[clamp(state.step)];
        let paused =
            matches!(kind, DecisionKind::Stop | DecisionKind::Stopped | DecisionKind::Pause | DecisionKind::Paused);
        let mut rule_ids = rule_ids;
        let mut reason = reason;
        let target_ml = if paused {
            0
        } else if planned > inp.cap_ml {
            reason.push(capped(inp.cap_ml, &inp.cap_rule_ids));
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
        let reason = stop_reason(&inp.red_flags, steps[0]);
        return make(DecisionKind::Stop, prev, reason, inp.red_flags.clone(), Some(PlanStatus::Stopped));
    }
    match status {
        PlanStatus::Stopped => {
            return make(
                DecisionKind::Stopped,
                prev,
                vec![Msg::new("plan-stopped"), Msg::new("plan-restart-when-well")],
                vec![],
                None,
            )
        }
        PlanStatus::Paused => {
            return make(
                DecisionKind::Paused,
                prev,
                vec![Msg::new("plan-paused"), Msg::new("plan-resume-when-ready")],
                vec![],
                None,
            )
        }
        PlanStatus::Active => {}
    }
    if inp.absent {
        let reason = vec![Msg::new("plan-absent").arg("days", ABSENCE_DAYS)];
        return make(DecisionKind::Pause, prev, reason, ids(&["D4"]), Some(PlanStatus::Paused));
    }
    let Some((level, yesterday_ids, any_symptom)) = &inp.yesterday else {
        return make(DecisionKind::Hold, same, vec![Msg::new("plan-no-checkin")], ids(&["D4"]), None);
    };
    if *level == Level::Consult {
        let reason = vec![Msg::new("plan-paused-consult").arg("why", ids_arg(yesterday_ids))];
        return make(DecisionKind::Pause, prev, reason, yesterday_ids.clone(), Some(PlanStatus::Paused));
    }
    if *level >= Level::Caution {
        if inp.bad_streak >= BAD_DAYS_TO_PAUSE {
            let reason = vec![Msg::new("plan-paused-bad-days").arg("days", inp.bad_streak)];
            return make(DecisionKind::Pause, prev, reason, yesterday_ids.clone(), Some(PlanStatus::Paused));
        }
        if inp.stepped_back_yesterday {
            let reason = vec![Msg::new("plan-stay-stepped-back")
                .arg("ml", steps[clamp(prev.step)])
                .arg("why", ids_arg(yesterday_ids))];
            return make(DecisionKind::Hold, same, reason, yesterday_ids.clone(), None);
        }
        let back = StepState { step: prev.step.saturating_sub(1), days_at_step: 1 };
        let reason = vec![Msg::new("plan-step-back").arg("ml", steps[back.step]).arg("why", ids_arg(yesterday_ids))];
        return make(DecisionKind::StepBack, back, reason, yesterday_ids.clone(), None);
    }
    if !inp.spacing_missed.is_empty() {
        let reason = vec![Msg::new("plan-paused-spacing").arg("rules", ids_arg(&inp.spacing_missed))];
        return make(DecisionKind::Pause, prev, reason, inp.spacing_missed.clone(), Some(PlanStatus::Paused));
    }
    if *any_symptom {
        let mut r = yesterday_ids.clone();
        if r.is_empty() {
            r.push("D4".into());
        }
        let reason = vec![Msg::new("plan-symptoms-hold")];
        return make(DecisionKind::Hold, same, reason, r, None);
    }
    if prev.step >= last {
        return make(DecisionKind::Maintain, same, vec![Msg::new("plan-maintain")], ids(&["D2"]), None);
    }
    if prev.days_at_step >= hold_days {
        let up = StepState { step: prev.step + 1, days_at_step: 1 };
        let reason = vec![Msg::new("plan-advance").arg("days", prev.days_at_step).arg("ml", steps[prev.step])];
        return make(DecisionKind::Advance, up, reason, ids(&["D4", "D6"]), None);
    }
    let reason = vec![Msg::new("plan-hold-day").arg("day", same.days_at_step).arg("days", hold_days)];
    make(DecisionKind::Hold, same, reason, ids(&["D6"]), None)
}

/// `Capped at N ml: your limit (rules).`
fn capped(ml: u32, rule_ids: &[String]) -> Msg {
    Msg::new("plan-capped").arg("ml", ml).arg("rules", ids_arg(rule_ids))
}

/// Why the plan stopped, and what a restart needs (S5/S6/S7: a clinician).
fn stop_reason(rule_ids: &[String], lowest_ml: u32) -> Vec<Msg> {
    vec![Msg::new("plan-stopped-why").arg("why", ids_arg(rule_ids)), restart_requirement(rule_ids, lowest_ml)]
}

/// What a restart after these red flags needs (render with
/// [`reasons::render`]): a check-in without them, or after S5/S6/S7 a
/// clinician's go-ahead dated after the reaction.
pub fn restart_requirement(rule_ids: &[String], lowest_ml: u32) -> Msg {
    let clinician: Vec<String> =
        rule_ids.iter().filter(|id| CLINICIAN_RESTART_RULES.contains(&id.as_str())).cloned().collect();
    if clinician.is_empty() {
        Msg::new("plan-restart-checkin").arg("ml", lowest_ml)
    } else {
        Msg::new("plan-restart-clinician").arg("rules", ids_arg(&clinician)).arg("ml", lowest_ml)
    }
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

/// A stored day. `decision.reason` is left empty: the reason is kept as
/// message references in `reason` and rendered by [`DayRow::rendered`].
struct DayRow {
    day: NaiveDate,
    decision: DayDecision,
    reason: Vec<Msg>,
    state: StepState,
}

impl DayRow {
    fn rendered(&self, loc: &Locale) -> DayDecision {
        DayDecision {
            reason: reasons::render(loc, &self.reason),
            kind_label: self.decision.kind.label(loc),
            ..self.decision.clone()
        }
    }
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
        reason: reasons::from_json(&reason),
        decision: DayDecision {
            day,
            kind: DecisionKind::parse(&kind).ok_or_else(|| CoreError::Internal(format!("stored decision {kind}")))?,
            target_ml: target,
            step: step as u32 + 1,
            steps: nsteps,
            kind_label: String::new(),
            reason: String::new(),
            rule_ids: crate::text::split_ids(&rule_ids),
        },
    })
}

const DAY_COLS: &str = "day, step, days_at_step, target_ml, decision, reason, rule_ids";
// Queries below write `plan_id = +?1`: with a bare `?1` SQLite re-prepared
// these statements on every run (measured: statement status RePrepare equal
// to the run count); the unary plus keeps the same primary-key search plan.

fn day_of(c: &Connection, plan: &Plan, day: NaiveDate) -> Result<Option<DayRow>> {
    let n = plan.steps.len() as u32;
    let row = c
        .prepare_cached(&format!("SELECT {DAY_COLS} FROM plan_days WHERE plan_id = +?1 AND day = ?2"))?
        .query_row(params![plan.id, iso_date(day)], day_row)
        .optional()?;
    row.map(|t| to_day_row(t, n)).transpose()
}

/// Every decision of every plan with `first <= day <= last`, oldest first,
/// reasons written in `loc`.
pub(crate) fn decisions(c: &Connection, first: NaiveDate, last: NaiveDate, loc: &Locale) -> Result<Vec<DayDecision>> {
    let mut st = c.prepare_cached(
        "SELECT d.day, d.step, d.days_at_step, d.target_ml, d.decision, d.reason, d.rule_ids, p.start_ml, p.target_ml, \
         p.step_ml FROM plan_days d JOIN plans p ON p.id = d.plan_id WHERE d.day >= ?1 AND d.day <= ?2 ORDER BY d.day, d.plan_id",
    )?;
    let rows = st
        .query_map([iso_date(first), iso_date(last)], |r| {
            Ok((day_row(r)?, r.get::<_, u32>(7)?, r.get::<_, u32>(8)?, r.get::<_, u32>(9)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter().map(|(t, s, tg, st)| Ok(to_day_row(t, steps(s, tg, st).len() as u32)?.rendered(loc))).collect()
}

/// `day`, or the plan's first day when `day` is before it (an action or a
/// stop recorded under a clock set back before the plan started): no row of
/// a plan is dated before the plan, so its backup always imports.
fn within_plan(c: &Connection, plan_id: i64, day: NaiveDate) -> Result<NaiveDate> {
    let started: String =
        c.prepare_cached("SELECT started_day FROM plans WHERE id = ?1")?.query_row([plan_id], |r| r.get(0))?;
    let started = parse_iso_date("day", &started).map_err(|_| CoreError::Internal(format!("stored day {started}")))?;
    Ok(day.max(started))
}

fn write_day(c: &Connection, plan_id: i64, day: NaiveDate, d: &Decision, now: Timestamp) -> Result<()> {
    let day = within_plan(c, plan_id, day)?;
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
            reasons::to_json(&d.reason),
            crate::text::join_ids(&d.rule_ids),
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
/// `since`: the last start, restart or resume (`last_go_ahead`).
fn inputs_for(c: &Connection, since: Timestamp, day: NaiveDate, zone: &Zone, cap: &Constraints) -> Result<DayInputs> {
    let yesterday = day - Duration::days(1);
    let ck: Option<Checkin> = checkin::get_by_day(c, yesterday)?;
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
    crate::sort::sort(&mut red);
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
        for f in meds::drink_warnings(&doses, drink.at, zone, &crate::l10n::Locale::english()) {
            if !spacing_missed.contains(&f.rule_id) {
                spacing_missed.push(f.rule_id);
            }
        }
    }
    // Yesterday as a whole: the check-in plus any reaction reported that day.
    let yesterday = ck.map(|k| {
        let mut level = k.level;
        let mut ids = k.rule_ids.clone();
        let mut any = !checkin::effective_entries(&k.symptoms, k.bristol).is_empty();
        for r in &reactions {
            level = level.max(r.level);
            ids.extend(r.rule_ids.iter().filter(|id| !k.rule_ids.contains(id)).cloned());
            any = true;
        }
        (level, ids, any)
    });
    let stepped_back_yesterday = c
        .prepare_cached(
            "SELECT reason FROM plan_days WHERE day = ?1 AND decision = 'step_back' ORDER BY plan_id DESC LIMIT 1",
        )?
        .query_row([iso_date(day - Duration::days(1))], |r| r.get::<_, String>(0))
        .optional()?
        .is_some_and(|r| stepped_back_at_once(&reasons::from_json(&r)));
    Ok(DayInputs {
        yesterday,
        red_flags: red,
        bad_streak,
        spacing_missed,
        absent: false,
        stepped_back_yesterday,
        cap_ml: cap.max_ml_per_day,
        cap_rule_ids: cap.cap_rule_ids.clone(),
    })
}

/// Rows decided automatically from the day's inputs (not an action or a stop).
const AUTOMATIC: &str = "decision IN ('advance', 'hold', 'step_back', 'maintain', 'paused', 'stopped') \
                         OR (decision = 'pause' AND rule_ids = 'D4')";

/// The newest row dated `today` or before that stands: an action or a stop
/// (kept whatever the clock says later), or an automatic decision made at or
/// before `now`. An automatic decision made by a clock reading later than
/// `now` (the clock went back, or a backup came from a device whose clock
/// was ahead) is provisional: it is decided again when the plan reaches its
/// day, so such a row never freezes the plan.
fn frontier(c: &Connection, plan: &Plan, today: NaiveDate, now: Timestamp) -> Result<Option<DayRow>> {
    let n = plan.steps.len() as u32;
    let row = c
        .prepare_cached(&format!(
            "SELECT {DAY_COLS} FROM plan_days WHERE plan_id = +?1 AND day <= ?2 \
             AND NOT (decided_ms > ?3 AND ({AUTOMATIC})) ORDER BY day DESC LIMIT 1"
        ))?
        .query_row(params![plan.id, iso_date(today), now.millis()], day_row)
        .optional()?;
    row.map(|t| to_day_row(t, n)).transpose()
}

/// The first stored day of the plan (its start), whatever its date.
fn first_day(c: &Connection, plan: &Plan) -> Result<Option<DayRow>> {
    let n = plan.steps.len() as u32;
    let row = c
        .prepare_cached(&format!("SELECT {DAY_COLS} FROM plan_days WHERE plan_id = +?1 ORDER BY day LIMIT 1"))?
        .query_row([plan.id], day_row)
        .optional()?;
    row.map(|t| to_day_row(t, n)).transpose()
}

/// The status a decision leaves the plan in.
fn status_after(kind: DecisionKind) -> PlanStatus {
    match kind {
        DecisionKind::Pause | DecisionKind::Paused => PlanStatus::Paused,
        DecisionKind::Stop | DecisionKind::Stopped => PlanStatus::Stopped,
        _ => PlanStatus::Active,
    }
}

/// The status to decide on from `row`: a stop holds until an explicit
/// restart whatever the dates say (a stop is never undone by a clock).
fn status_from(plan: &Plan, row: &DayRow) -> PlanStatus {
    if plan.status == PlanStatus::Stopped {
        PlanStatus::Stopped
    } else {
        status_after(row.decision.kind)
    }
}

/// The last local day up to `today` with a check-in or a drink.
fn last_activity_day(c: &Connection, today: NaiveDate, zone: &Zone) -> Result<Option<NaiveDate>> {
    let checkin: Option<String> = c
        .query_row("SELECT day FROM checkins WHERE day <= ?1 ORDER BY day DESC LIMIT 1", [iso_date(today)], |r| {
            r.get(0)
        })
        .optional()?;
    let checkin = checkin.and_then(|d| parse_iso_date("day", &d).ok());
    let (_, end) = zone.day_bounds(today);
    let drink: Option<i64> = c
        .query_row(
            "SELECT at_ms FROM drinks WHERE at_ms < ?1 AND deleted_ms IS NULL ORDER BY at_ms DESC LIMIT 1",
            [end.millis()],
            |r| r.get(0),
        )
        .optional()?;
    let drink = drink.and_then(Timestamp::from_millis).map(|t| t.local_date(zone));
    Ok(checkin.max(drink))
}

/// Whether a check-in or a drink falls on `first..=last` (local days).
fn any_activity(c: &Connection, first: NaiveDate, last: NaiveDate, zone: &Zone) -> Result<bool> {
    let n: i64 = c.query_row(
        "SELECT count(*) FROM (SELECT 1 FROM checkins WHERE day >= ?1 AND day <= ?2 LIMIT 1)",
        [iso_date(first), iso_date(last)],
        |r| r.get(0),
    )?;
    if n > 0 {
        return Ok(true);
    }
    let (start, _) = zone.day_bounds(first);
    let (_, end) = zone.day_bounds(last);
    let n: i64 = c.query_row(
        "SELECT count(*) FROM (SELECT 1 FROM drinks WHERE at_ms >= ?1 AND at_ms < ?2 AND deleted_ms IS NULL LIMIT 1)",
        params![start.millis(), end.millis()],
        |r| r.get(0),
    )?;
    Ok(n > 0)
}

/// Decide every day after the frontier up to `today`, storing each, while
/// the plan is active: a paused or stopped plan decides nothing more (so a
/// clock years ahead writes at most `ABSENCE_DAYS` + 1 rows: the absence
/// rule pauses the plan). Then re-screens today against the profile in force:
/// a consult finding not cleared, or a stop/emergency one, pauses the plan
/// naming the rule; a lower cap clamps today's target.
/// Returns today's decision (stored, or while paused/stopped the standing
/// one, dated today; its reason written in `loc`) and the step state (None
/// without a plan).
pub(crate) fn ensure_days(
    c: &Connection,
    today: NaiveDate,
    zone: &Zone,
    screening: &Screening,
    now: Timestamp,
    loc: &Locale,
) -> Result<Option<(Plan, DayDecision, StepState)>> {
    let cap = &screening.constraints;
    let Some(mut plan) = current(c)? else { return Ok(None) };
    // Without a row up to today, day one is after today (started under a
    // clock that was ahead): nothing is decided before it.
    let mut last = match frontier(c, &plan, today, now)? {
        Some(row) => row,
        None => first_day(c, &plan)?.ok_or_else(|| CoreError::Internal("plan without a first day".into()))?,
    };
    let mut status = status_from(&plan, &last);
    let mut tx = None;
    let mut day = last.day;
    // Read once for the whole catch-up: when the plan last got the go-ahead,
    // and the last day with a check-in or a drink (none can be after today).
    let (mut since, mut go_ahead) = (None, None);
    let mut last_activity = None;
    while day < today && status == PlanStatus::Active {
        day += Duration::days(1);
        let t = match &tx {
            Some(t) => t,
            None => tx.insert(crate::store::write_tx(c)?),
        };
        if let Some(row) = day_of(t, &plan, day)?.filter(|r| !is_automatic(&r.decision)) {
            // An action or a stop recorded for this day stands.
            status =
                if plan.status == PlanStatus::Stopped { PlanStatus::Stopped } else { status_after(row.decision.kind) };
            if matches!(row.decision.kind, DecisionKind::Start | DecisionKind::Restart | DecisionKind::Resume) {
                (since, go_ahead) = (None, None);
            }
            last = row;
            continue;
        }
        let go_ahead_day = match go_ahead {
            Some(d) => d,
            None => *go_ahead.insert(last_go_ahead_day(t, plan.id, day)?),
        };
        let window_start = day - Duration::days(ABSENCE_DAYS);
        let absent = window_start >= go_ahead_day && {
            let latest = match last_activity {
                Some(d) => d,
                None => *last_activity.insert(last_activity_day(t, today, zone)?),
            };
            match latest {
                // Nothing after the window's last day: no query needed.
                Some(l) if l < day => l < window_start,
                None => true,
                Some(_) => !any_activity(t, window_start, day - Duration::days(1), zone)?,
            }
        };
        let mut inp = if absent {
            DayInputs { cap_ml: cap.max_ml_per_day, cap_rule_ids: cap.cap_rule_ids.clone(), ..DayInputs::default() }
        } else {
            let since = match since {
                Some(s) => s,
                None => *since.insert(last_go_ahead(t, plan.id)?),
            };
            inputs_for(t, since, day, zone, cap)?
        };
        inp.absent = absent;
        let d = decide(&plan.steps, plan.hold_days, status, last.state, &inp);
        write_day(t, plan.id, day, &d, now)?;
        if let Some(s) = d.new_status {
            status = s;
            add_event(t, plan.id, day, now, None, d.kind, &d.reason, &d.rule_ids)?;
        }
        last = DayRow { day, state: d.state, decision: to_decision(day, &d, plan.steps.len()), reason: d.reason };
    }
    if status != plan.status && plan.status != PlanStatus::Stopped {
        let t = match &tx {
            Some(t) => t,
            None => tx.insert(crate::store::write_tx(c)?),
        };
        set_status(t, plan.id, status)?;
        plan.status = status;
    }
    if let Some(t) = tx {
        t.commit()?;
    }
    // Re-screen today with the profile in force.
    if last.day == today {
        if let Some((plan, row)) = rescreen(c, &plan, &last, screening, now)? {
            return Ok(Some((plan, row.rendered(loc), row.state)));
        }
    }
    if plan.status != PlanStatus::Active && (last.day < today || status_after(last.decision.kind) != plan.status) {
        // Nothing is decided while paused or stopped: today repeats the standing decision.
        let standing = standing_decision(c, &plan, &last, today)?;
        return Ok(Some((plan, standing.rendered(loc), last.state)));
    }
    Ok(Some((plan, last.rendered(loc), last.state)))
}

fn is_automatic(d: &DayDecision) -> bool {
    matches!(d.kind, DecisionKind::Advance | DecisionKind::Hold | DecisionKind::StepBack | DecisionKind::Maintain)
        || matches!(d.kind, DecisionKind::Paused | DecisionKind::Stopped)
        || (d.kind == DecisionKind::Pause && d.rule_ids == ["D4"])
}

/// While paused or stopped: today's decision, not stored, with the reason
/// of the decision that paused or stopped the plan.
fn standing_decision(c: &Connection, plan: &Plan, last: &DayRow, today: NaiveDate) -> Result<DayRow> {
    let (kind, reason, rule_ids) = match plan.status {
        PlanStatus::Stopped => {
            let (ids, _) = open_stop(c, plan.id)?;
            let ids = if ids.is_empty() { last.decision.rule_ids.clone() } else { ids };
            let why = if ids.is_empty() {
                Msg::new("plan-stopped")
            } else {
                Msg::new("plan-stopped-why").arg("why", ids_arg(&ids))
            };
            (DecisionKind::Stopped, vec![why, restart_requirement(&ids, plan.steps[0])], ids)
        }
        _ => {
            let mut why = if last.decision.kind == DecisionKind::Pause || last.decision.kind == DecisionKind::Paused {
                last.reason.clone()
            } else {
                vec![Msg::new("plan-paused")]
            };
            why.push(Msg::new("plan-resume-when-ready"));
            (DecisionKind::Paused, why, last.decision.rule_ids.clone())
        }
    };
    Ok(DayRow {
        day: today,
        state: last.state,
        reason,
        decision: DayDecision {
            day: iso_date(today),
            kind,
            target_ml: 0,
            step: last.decision.step,
            steps: last.decision.steps,
            kind_label: String::new(),
            reason: String::new(),
            rule_ids,
        },
    })
}

/// Today's stored decision against the screening in force: pause an active
/// plan that the profile no longer allows (naming the rules), clamp a target
/// above the cap (naming the rule that set it).
fn rescreen(
    c: &Connection,
    plan: &Plan,
    row: &DayRow,
    screening: &Screening,
    now: Timestamp,
) -> Result<Option<(Plan, DayRow)>> {
    let cap = &screening.constraints;
    if plan.status == PlanStatus::Active && !screening.may_start {
        let mut ids = screening.uncleared_rule_ids.clone();
        ids.extend(screening.findings.iter().filter(|f| f.level >= Level::Stop).map(|f| f.rule_id.clone()));
        crate::sort::sort(&mut ids);
        ids.dedup();
        let reason = vec![Msg::new("plan-paused-profile").arg("why", ids_arg(&ids))];
        let d = Decision {
            kind: DecisionKind::Pause,
            state: row.state,
            target_ml: 0,
            reason,
            rule_ids: ids,
            new_status: Some(PlanStatus::Paused),
        };
        let tx = crate::store::write_tx(c)?;
        write_day(&tx, plan.id, row.day, &d, now)?;
        add_event(&tx, plan.id, row.day, now, None, d.kind, &d.reason, &d.rule_ids)?;
        tx.commit()?;
        let plan = current(c)?.ok_or_else(|| CoreError::Internal("plan vanished".into()))?;
        let decision = to_decision(row.day, &d, plan.steps.len());
        return Ok(Some((plan, DayRow { day: row.day, decision, reason: d.reason, state: row.state })));
    }
    // On the first step the start cap holds too (D1, P2, P3, M4).
    let (limit, limit_ids) = if row.state.step == 0 && cap.max_start_ml < cap.max_ml_per_day {
        (cap.max_start_ml, &cap.start_rule_ids)
    } else {
        (cap.max_ml_per_day, &cap.cap_rule_ids)
    };
    if row.decision.target_ml > limit {
        let mut d = row.decision.clone();
        let mut reason = row.reason.clone();
        d.target_ml = limit;
        reason.push(capped(limit, limit_ids));
        for id in limit_ids {
            if !d.rule_ids.contains(id) {
                d.rule_ids.push(id.clone());
            }
        }
        c.execute(
            "UPDATE plan_days SET target_ml = ?3, reason = ?4, rule_ids = ?5 WHERE plan_id = ?1 AND day = ?2",
            params![plan.id, d.day, d.target_ml, reasons::to_json(&reason), crate::text::join_ids(&d.rule_ids)],
        )?;
        return Ok(Some((plan.clone(), DayRow { day: row.day, decision: d, reason, state: row.state })));
    }
    Ok(None)
}

/// The local day of the last start, restart or resume on or before `day`.
fn last_go_ahead_day(c: &Connection, plan_id: i64, day: NaiveDate) -> Result<NaiveDate> {
    let d: Option<String> = c
        .prepare_cached(
            "SELECT max(day) FROM plan_days WHERE plan_id = +?1 AND day <= ?2 AND decision IN ('start', 'restart', 'resume')",
        )?
        .query_row(params![plan_id, iso_date(day)], |r| r.get(0))?;
    Ok(d.and_then(|d| parse_iso_date("day", &d).ok()).unwrap_or(day))
}

/// Keep a plan event (every start, stop, pause, resume, restart, target
/// change), several a day if need be: the day's row holds the decision that
/// stands, the events keep everything that happened.
#[allow(clippy::too_many_arguments)]
fn add_event(
    c: &Connection,
    plan_id: i64,
    day: NaiveDate,
    now: Timestamp,
    since: Option<Timestamp>,
    kind: DecisionKind,
    reason: &[Msg],
    rule_ids: &[String],
) -> Result<()> {
    let level = rule_ids.iter().map(|id| rule(id).level).max().unwrap_or(Level::Info);
    let day = within_plan(c, plan_id, day)?;
    c.execute(
        "INSERT INTO plan_events (plan_id, day, at_ms, since_ms, kind, level, reason, rule_ids) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            plan_id,
            iso_date(day),
            now.millis(),
            since.map(|t| t.millis()),
            kind.as_str(),
            level.as_str(),
            reasons::to_json(reason),
            crate::text::join_ids(rule_ids)
        ],
    )?;
    Ok(())
}

/// One stored plan event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PlanEvent {
    /// Local day it was recorded for, ISO.
    pub day: String,
    /// When it was recorded.
    pub at: Timestamp,
    /// For a stop: when the reaction or check-in behind it happened.
    pub since: Option<Timestamp>,
    pub kind: DecisionKind,
    pub level: Level,
    /// Why, in the caller's locale (stored as message references).
    pub reason: String,
    pub rule_ids: Vec<String>,
}

/// Every event of the current plan, oldest first, reasons written in `loc`.
pub(crate) fn events(c: &Connection, plan_id: i64, loc: &Locale) -> Result<Vec<PlanEvent>> {
    Ok(stored_events(c, plan_id)?
        .into_iter()
        .map(|(e, reason)| PlanEvent { reason: reasons::render(loc, &reason), ..e })
        .collect())
}

/// Every event of a plan, oldest first, each with its stored reason (the
/// event's `reason` text is left empty).
pub(crate) fn stored_events(c: &Connection, plan_id: i64) -> Result<Vec<(PlanEvent, Vec<Msg>)>> {
    let mut st = c.prepare_cached(
        "SELECT day, at_ms, since_ms, kind, level, reason, rule_ids FROM plan_events WHERE plan_id = ?1 ORDER BY id",
    )?;
    let rows = st
        .query_map([plan_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, Option<i64>>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, String>(6)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter()
        .map(|(day, at, since, kind, level, reason, ids)| {
            Ok((
                PlanEvent {
                    day,
                    at: Timestamp::from_millis(at).ok_or_else(|| CoreError::Internal("stored time".into()))?,
                    since: since.and_then(Timestamp::from_millis),
                    kind: DecisionKind::parse(&kind)
                        .ok_or_else(|| CoreError::Internal(format!("stored event {kind}")))?,
                    level: Level::parse(&level).ok_or_else(|| CoreError::Internal(format!("stored level {level}")))?,
                    reason: String::new(),
                    rule_ids: crate::text::split_ids(&ids),
                },
                reasons::from_json(&reason),
            ))
        })
        .collect()
}

/// One stored plan event of any plan, with that plan's amounts (for the
/// doctor summary: `steps(start_ml, target_ml, step_ml)` gives the amount
/// of a step).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RangeEvent {
    pub plan_id: i64,
    pub event: PlanEvent,
    pub start_ml: u32,
    pub target_ml: u32,
    pub step_ml: u32,
}

/// Every stored event of every plan with `first_day <= day <= last_day`
/// (local days), in day order, then in the order they were recorded,
/// reasons written in `loc`. The
/// plan's status in force on a day is the one its last event on or before
/// that day left it in ([`status_after`]: start/restart/resume active,
/// pause paused, stop stopped).
pub fn events_in_range(
    c: &Connection,
    first_day: NaiveDate,
    last_day: NaiveDate,
    loc: &Locale,
) -> Result<Vec<RangeEvent>> {
    let mut st = c.prepare_cached(
        "SELECT e.plan_id, e.day, e.at_ms, e.since_ms, e.kind, e.level, e.reason, e.rule_ids, p.start_ml, p.target_ml, \
         p.step_ml FROM plan_events e JOIN plans p ON p.id = e.plan_id WHERE e.day >= ?1 AND e.day <= ?2 ORDER BY e.day, e.id",
    )?;
    let rows = st
        .query_map([iso_date(first_day), iso_date(last_day)], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                (
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, Option<i64>>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, String>(7)?,
                ),
                (r.get::<_, u32>(8)?, r.get::<_, u32>(9)?, r.get::<_, u32>(10)?),
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter()
        .map(|(plan_id, (day, at, since, kind, level, reason, ids), (start_ml, target_ml, step_ml))| {
            Ok(RangeEvent {
                plan_id,
                event: PlanEvent {
                    day,
                    at: Timestamp::from_millis(at).ok_or_else(|| CoreError::Internal("stored time".into()))?,
                    since: since.and_then(Timestamp::from_millis),
                    kind: DecisionKind::parse(&kind)
                        .ok_or_else(|| CoreError::Internal(format!("stored event {kind}")))?,
                    level: Level::parse(&level).ok_or_else(|| CoreError::Internal(format!("stored level {level}")))?,
                    reason: reasons::render(loc, &reasons::from_json(&reason)),
                    rule_ids: crate::text::split_ids(&ids),
                },
                start_ml,
                target_ml,
                step_ml,
            })
        })
        .collect()
}

/// The status a plan event leaves the plan in.
pub fn status_after_event(kind: DecisionKind) -> PlanStatus {
    status_after(kind)
}

/// The red flags of the stops recorded since the last start or restart, and
/// when the latest of their reactions happened.
fn open_stop(c: &Connection, plan_id: i64) -> Result<(Vec<String>, Option<Timestamp>)> {
    let mut st = c.prepare_cached(
        "SELECT rule_ids, coalesce(since_ms, at_ms) FROM plan_events WHERE plan_id = ?1 AND kind = 'stop' AND id > \
         coalesce((SELECT max(id) FROM plan_events WHERE plan_id = ?1 AND kind IN ('start', 'restart')), 0)",
    )?;
    let rows = st.query_map([plan_id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
    let mut ids = Vec::new();
    let mut since: Option<Timestamp> = None;
    for row in rows {
        let (s, ms) = row?;
        for id in crate::text::split_ids(&s) {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        let t = Timestamp::from_millis(ms);
        since = since.max(t);
    }
    crate::sort::sort(&mut ids);
    Ok((ids, since))
}

/// Whether `ack` clears `ids` reported at `after`: it covers every id, has a
/// non-empty note, and is dated after `after` and not after `now`.
fn ack_clears(ack: &crate::profile::ClinicianAck, ids: &[String], after: Timestamp, now: Timestamp) -> bool {
    ack.at > after
        && ack.at <= now
        && ack.note.as_deref().is_some_and(|n| !n.trim().is_empty())
        && ids.iter().all(|id| ack.rule_ids.contains(id))
}

/// The S5/S6/S7 red flags that no clinician acknowledgement has cleared yet,
/// derived from the reports themselves (every check-in and reaction, and the
/// stops they caused), never from plan state alone: a backup round-trip or
/// a lost plan event cannot open the gate. Each report needs an
/// acknowledgement dated after both when it happened and when it was
/// recorded (the stop event's time), not after `now`, covering its rules,
/// with a note. Returns the open ids (sorted) and the latest report time.
pub(crate) fn uncleared_clinician_flags(c: &Connection, now: Timestamp) -> Result<(Vec<String>, Option<Timestamp>)> {
    let needs = |level: Level, ids: &[String]| -> Vec<String> {
        red_flag_ids(level, ids).into_iter().filter(|id| CLINICIAN_RESTART_RULES.contains(&id.as_str())).collect()
    };
    // (latest of happened/recorded, ids)
    let mut reports: Vec<(Timestamp, Vec<String>)> = Vec::new();
    let (t0, t1) = (crate::time::earliest_allowed(), crate::time::latest_now());
    for r in checkin::reactions(c, t0, t1)? {
        let ids = needs(r.level, &r.rule_ids);
        if !ids.is_empty() {
            reports.push((r.at, ids));
        }
    }
    let first = t0.utc().date_naive();
    let last = parse_iso_date("day", "9999-12-31")?;
    for (at, level, ids) in checkin::levels(c, first, last)? {
        let ids = needs(level, &ids);
        if !ids.is_empty() {
            reports.push((at, ids));
        }
    }
    // When each stop was recorded (a reaction dated back is recorded later).
    let mut st =
        c.prepare_cached("SELECT at_ms, coalesce(since_ms, at_ms), rule_ids FROM plan_events WHERE kind = 'stop'")?;
    let rows = st
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?, r.get::<_, String>(2)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (at, since, ids) in rows {
        let ids: Vec<String> = crate::text::split_ids(&ids)
            .into_iter()
            .filter(|id| CLINICIAN_RESTART_RULES.contains(&id.as_str()))
            .collect();
        if ids.is_empty() {
            continue;
        }
        let recorded = Timestamp::from_millis(at.max(since)).unwrap_or(t0);
        reports.push((recorded, ids));
    }
    let acks = crate::profile::acks(c)?;
    let mut open: Vec<String> = Vec::new();
    let mut latest: Option<Timestamp> = None;
    for (at, ids) in reports {
        if !acks.iter().any(|a| ack_clears(a, &ids, at, now)) {
            latest = latest.max(Some(at));
            for id in ids {
                if !open.contains(&id) {
                    open.push(id);
                }
            }
        }
    }
    crate::sort::sort(&mut open);
    Ok((open, latest))
}

/// After S5/S6/S7: the clinician acknowledgement a (re)start needs, as a
/// refusal if missing (see `uncleared_clinician_flags`).
pub(crate) fn clinician_blocker(c: &Connection, now: Timestamp) -> Result<Option<(Vec<Msg>, Vec<String>)>> {
    let (needed, _) = uncleared_clinician_flags(c, now)?;
    if needed.is_empty() {
        return Ok(None);
    }
    let reason = vec![Msg::new("plan-blocked-clinician").arg("why", ids_arg(&needed))];
    Ok(Some((reason, needed)))
}

/// While the plan is stopped: a warning for kefir drunk anyway, naming the
/// rule(s) that stopped it (the most severe first), its advice written in
/// `loc`. None otherwise.
pub(crate) fn drinking_while_stopped(c: &Connection, loc: &Locale) -> Result<Option<crate::rules::Finding>> {
    let Some(plan) = current(c)? else { return Ok(None) };
    if plan.status != PlanStatus::Stopped {
        return Ok(None);
    }
    let (mut ids, _) = open_stop(c, plan.id)?;
    if ids.is_empty() {
        ids = day_of_latest_stop(c, plan.id)?;
    }
    crate::sort::sort_by_key(&mut ids, |id| std::cmp::Reverse(rule(id).level));
    let Some(first) = ids.first() else { return Ok(None) };
    let mut f = rule(first).finding(loc);
    f.advice = reasons::render(
        loc,
        &[Msg::new("plan-stopped-drinking").arg("rules", ids_arg(&ids)), restart_requirement(&ids, plan.steps[0])],
    );
    Ok(Some(f))
}

fn day_of_latest_stop(c: &Connection, plan_id: i64) -> Result<Vec<String>> {
    let ids: Option<String> = c
        .query_row(
            "SELECT rule_ids FROM plan_days WHERE plan_id = ?1 AND decision = 'stop' ORDER BY day DESC LIMIT 1",
            [plan_id],
            |r| r.get(0),
        )
        .optional()?;
    Ok(ids.map(|s| crate::text::split_ids(&s)).unwrap_or_default())
}

/// Consult-level symptom rules behind the current pause (a consult finding
/// reported during the plan), and when that pause was recorded: a resume
/// needs a clinician acknowledgement dated after it covering them.
pub(crate) fn consult_pause(c: &Connection) -> Result<Option<(Vec<String>, Timestamp)>> {
    let Some(plan) = current(c)? else { return Ok(None) };
    if plan.status != PlanStatus::Paused {
        return Ok(None);
    }
    let row: Option<(i64, String)> = c
        .query_row(
            "SELECT at_ms, rule_ids FROM plan_events WHERE plan_id = ?1 AND kind = 'pause' ORDER BY id DESC LIMIT 1",
            [plan.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((at, ids)) = row else { return Ok(None) };
    let ids: Vec<String> = crate::text::split_ids(&ids)
        .into_iter()
        .filter(|id| rule(id).level == Level::Consult && id.starts_with(['S', 'X']))
        .collect();
    Ok((!ids.is_empty()).then(|| (ids, Timestamp::from_millis(at).unwrap_or_else(crate::time::earliest_allowed))))
}

fn consult_ids(ids: &[String]) -> bool {
    ids.iter().any(|id| rule(id).level == Level::Consult && id.starts_with(['S', 'X']))
}

/// A resume after a consult-level pause needs a clinician's go-ahead
/// recorded after the pause (with its note), as a refusal if missing.
pub(crate) fn consult_blocker(c: &Connection, now: Timestamp) -> Result<Option<(Vec<Msg>, Vec<String>)>> {
    let Some((ids, at)) = consult_pause(c)? else { return Ok(None) };
    if crate::profile::acks(c)?.iter().any(|a| ack_clears(a, &ids, at, now)) {
        return Ok(None);
    }
    let reason = vec![Msg::new("plan-blocked-consult").arg("why", ids_arg(&ids))];
    Ok(Some((reason, ids)))
}

/// The rule ids a clinician acknowledgement recorded now should cover: open
/// S5/S6/S7 red flags and the consult findings behind a pause.
pub(crate) fn rules_needing_clinician(c: &Connection, now: Timestamp) -> Result<Vec<String>> {
    let (mut ids, _) = uncleared_clinician_flags(c, now)?;
    if let Some((more, _)) = consult_pause(c)? {
        ids.extend(more);
    }
    crate::sort::sort(&mut ids);
    ids.dedup();
    Ok(ids)
}

fn to_decision(day: NaiveDate, d: &Decision, nsteps: usize) -> DayDecision {
    DayDecision {
        day: iso_date(day),
        kind: d.kind,
        target_ml: d.target_ml,
        step: d.state.step as u32 + 1,
        steps: nsteps as u32,
        kind_label: String::new(),
        reason: String::new(),
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
    if plan.status == PlanStatus::Stopped {
        return Ok(());
    }
    let Some(row) = day_of(c, &plan, today)? else { return Ok(()) };
    if !is_automatic(&row.decision) && row.decision.kind != DecisionKind::Pause {
        return Ok(());
    }
    if row.decision.kind == DecisionKind::Pause && row.decision.rule_ids.is_empty() {
        return Ok(()); // paused by the person
    }
    if row.decision.kind == DecisionKind::Pause && consult_ids(&row.decision.rule_ids) {
        return Ok(()); // paused the moment a consult finding was reported: a clinician decides
    }
    let Some(prev) = day_of(c, &plan, today - Duration::days(1))? else { return Ok(()) };
    // Status before today's decision: a pause made today is undone by re-deciding.
    let status = status_after(prev.decision.kind);
    if status != PlanStatus::Active {
        return Ok(());
    }
    let mut inp = inputs_for(c, last_go_ahead(c, plan.id)?, today, zone, cap)?;
    inp.absent = false; // yesterday has a check-in now
    let d = decide(&plan.steps, plan.hold_days, status, prev.state, &inp);
    let tx = crate::store::write_tx(c)?;
    set_status(&tx, plan.id, d.new_status.unwrap_or(status))?;
    write_day(&tx, plan.id, today, &d, now)?;
    if d.new_status.is_some() {
        add_event(&tx, plan.id, today, now, None, d.kind, &d.reason, &d.rule_ids)?;
    }
    tx.commit()?;
    Ok(())
}

/// A stop/emergency finding was just reported (`since`: when it happened):
/// stop the plan today. Several reports on one day are all kept as events;
/// the day's row keeps the most severe stop (an S6 after an S5 does not
/// replace it; the same level adds its rule ids).
pub(crate) fn stop_now(
    c: &Connection,
    today: NaiveDate,
    rule_ids: &[String],
    now: Timestamp,
    since: Timestamp,
) -> Result<()> {
    let Some(plan) = current(c)? else { return Ok(()) };
    let tx = crate::store::write_tx(c)?;
    record_stop(&tx, &plan, today, rule_ids, now, since)?;
    tx.commit()?;
    Ok(())
}

/// Store a stop of `plan` on `today` inside the caller's transaction (see
/// `stop_now`). Automatic decisions stored for later days (made under a
/// clock that was ahead) are dropped: after a stop nothing is decided until
/// a restart.
fn record_stop(
    tx: &Connection,
    plan: &Plan,
    today: NaiveDate,
    rule_ids: &[String],
    now: Timestamp,
    since: Timestamp,
) -> Result<()> {
    let existing = day_of(tx, plan, today)?;
    let state = existing
        .as_ref()
        .map(|r| r.state)
        .or(frontier(tx, plan, today, now)?.map(|r| r.state))
        .unwrap_or(StepState { step: 0, days_at_step: 1 });
    let level = |ids: &[String]| ids.iter().map(|id| rule(id).level).max().unwrap_or(Level::Info);
    let mut ids = rule_ids.to_vec();
    if let Some(prev) = existing.as_ref().filter(|r| r.decision.kind == DecisionKind::Stop) {
        let (old, new) = (level(&prev.decision.rule_ids), level(rule_ids));
        if old > new {
            ids = prev.decision.rule_ids.clone();
        } else if old == new {
            ids = prev.decision.rule_ids.clone();
            ids.extend(rule_ids.iter().filter(|id| !prev.decision.rule_ids.contains(id)).cloned());
        }
    }
    let d = Decision {
        kind: DecisionKind::Stop,
        state,
        target_ml: 0,
        reason: stop_reason(&ids, plan.steps[0]),
        rule_ids: ids,
        new_status: Some(PlanStatus::Stopped),
    };
    write_day(tx, plan.id, today, &d, now)?;
    tx.execute(
        &format!("DELETE FROM plan_days WHERE plan_id = ?1 AND day > ?2 AND ({AUTOMATIC})"),
        params![plan.id, iso_date(today)],
    )?;
    add_event(
        tx,
        plan.id,
        today,
        now,
        Some(since),
        DecisionKind::Stop,
        &stop_reason(rule_ids, plan.steps[0]),
        rule_ids,
    )?;
    Ok(())
}

/// Store one imported plan event (its level derived from the rule ids).
#[allow(clippy::too_many_arguments)]
pub(crate) fn import_event(
    c: &Connection,
    plan_id: i64,
    day: &str,
    at: Timestamp,
    since: Option<Timestamp>,
    kind: DecisionKind,
    reason: &[Msg],
    rule_ids: &[String],
) -> Result<()> {
    let day = parse_iso_date("day", day)?;
    add_event(c, plan_id, day, at, since, kind, reason, rule_ids)
}

/// After an import, inside its transaction: the plan state as live input
/// would have made it. A stop/emergency finding (recomputed from the
/// symptoms) in a check-in or reaction after the newest plan's last start
/// or restart stops that plan, as `stop_now` would have when it was
/// reported, whatever status the file says. (At most one plan runs:
/// `backup::validate` refuses others that are not stopped; the S5–S7
/// restart gate is derived from the reports and acknowledgements, see
/// `uncleared_clinician_flags`.)
pub(crate) fn rederive_after_import(tx: &Connection, zone: &Zone, now: Timestamp) -> Result<()> {
    let Some(plan) = current(tx)? else { return Ok(()) };
    if plan.status == PlanStatus::Stopped {
        return Ok(());
    }
    let started: Option<i64> = tx.query_row(
        "SELECT max(decided_ms) FROM plan_days WHERE plan_id = ?1 AND decision IN ('start', 'restart')",
        [plan.id],
        |r| r.get(0),
    )?;
    let started_ms: i64 = tx.query_row("SELECT started_ms FROM plans WHERE id = ?1", [plan.id], |r| r.get(0))?;
    let since = Timestamp::from_millis(started.unwrap_or(started_ms).max(started_ms))
        .unwrap_or_else(crate::time::earliest_allowed);
    let mut reports: Vec<(Timestamp, Vec<String>)> = Vec::new();
    for r in checkin::reactions(tx, since, crate::time::latest_now())? {
        reports.push((r.at, red_flag_ids(r.level, &r.rule_ids)));
    }
    let last = parse_iso_date("day", "9999-12-31")?;
    for (at, level, ids) in checkin::levels(tx, since.utc().date_naive() - Duration::days(1), last)? {
        if at >= since {
            reports.push((at, red_flag_ids(level, &ids)));
        }
    }
    reports.retain(|(_, ids)| !ids.is_empty());
    crate::sort::sort_by_key(&mut reports, |(at, _)| *at);
    for (at, ids) in reports {
        let day = at.local_date(zone).max(parse_iso_date("day", &plan.started_day)?);
        let plan = current(tx)?.ok_or_else(|| CoreError::Internal("plan vanished".into()))?;
        record_stop(tx, &plan, day, &ids, now.max(at), at)?;
    }
    Ok(())
}

/// Marks a step back made the moment a caution finding was reported (so the
/// next day does not step back a second time for the same finding): the
/// reason's first message. (Before schema v5 the reason was English text
/// starting with `Reported today:`.)
pub const SAME_DAY_STEP_BACK: &str = "plan-step-back-now";

fn stepped_back_at_once(reason: &[Msg]) -> bool {
    match reason.first() {
        Some(m) if m.id == SAME_DAY_STEP_BACK => true,
        Some(m) if m.id == reasons::LEGACY_TEXT => {
            m.args.iter().any(|(_, v)| matches!(v, crate::l10n::Arg::Str(t) if t.starts_with("Reported today:")))
        }
        _ => false,
    }
}

/// A consult- or caution-level finding was just reported: today's target
/// changes at once, as a stop does. `consult` pauses an active plan (a resume
/// then needs a clinician's go-ahead recorded after it); `caution` steps an
/// active plan with a target today back one step (S2: the last amount
/// tolerated). Nothing happens to a paused or stopped plan, or at `info`.
pub(crate) fn act_on_finding_now(
    c: &Connection,
    today: NaiveDate,
    level: Level,
    rule_ids: &[String],
    now: Timestamp,
) -> Result<()> {
    if !matches!(level, Level::Consult | Level::Caution) {
        return Ok(());
    }
    let Some(plan) = current(c)? else { return Ok(()) };
    if plan.status != PlanStatus::Active {
        return Ok(());
    }
    let ids: Vec<String> = rule_ids.iter().filter(|id| rule(id).level == level).cloned().collect();
    // Before the plan's first day (a clock set back), day one stands for today.
    let row = match day_of(c, &plan, today)? {
        Some(r) => Some(r),
        None => frontier(c, &plan, today, now)?.or(first_day(c, &plan)?),
    };
    let Some(row) = row else { return Ok(()) };
    let d = if level == Level::Consult {
        Decision {
            kind: DecisionKind::Pause,
            state: row.state,
            target_ml: 0,
            reason: vec![Msg::new("plan-paused-consult").arg("why", ids_arg(&ids))],
            rule_ids: ids,
            new_status: Some(PlanStatus::Paused),
        }
    } else {
        let todays = row.day == today;
        if row.decision.target_ml == 0
            || row.state.step == 0
            || (todays && (row.decision.kind == DecisionKind::StepBack || !is_automatic(&row.decision)))
        {
            // Nothing to drink today, already at the lowest step, already
            // stepped back today, or today's row is the person's own action
            // (a start, restart or resume: kept; tomorrow steps back).
            return Ok(());
        }
        let back = StepState { step: row.state.step.saturating_sub(1), days_at_step: 1 };
        let ml = plan.steps[back.step];
        Decision {
            kind: DecisionKind::StepBack,
            state: back,
            target_ml: ml,
            reason: vec![Msg::new(SAME_DAY_STEP_BACK).arg("ml", ml).arg("why", ids_arg(&ids))],
            rule_ids: ids,
            new_status: None,
        }
    };
    let tx = crate::store::write_tx(c)?;
    write_day(&tx, plan.id, today, &d, now)?;
    if d.new_status.is_some() {
        add_event(&tx, plan.id, today, now, None, d.kind, &d.reason, &d.rule_ids)?;
    }
    tx.commit()?;
    Ok(())
}

/// Why a plan may not start or restart now: screening or an unresolved red
/// flag (the reason as message references, and the rule ids).
pub(crate) fn blockers(
    c: &Connection,
    screening: &Screening,
    today: NaiveDate,
    zone: &Zone,
) -> Result<Option<(Vec<Msg>, Vec<String>)>> {
    if let Some((reason, ids)) = unresolved_red_flag(c, today, zone)? {
        return Ok(Some((reason, ids)));
    }
    if !screening.may_start {
        let reason = vec![Msg::new("plan-blocked-screening").arg("rules", ids_arg(&screening.uncleared_rule_ids))];
        return Ok(Some((reason, screening.uncleared_rule_ids.clone())));
    }
    Ok(None)
}

/// The latest stop/emergency report that no later clean check-in has followed.
fn unresolved_red_flag(c: &Connection, today: NaiveDate, zone: &Zone) -> Result<Option<(Vec<Msg>, Vec<String>)>> {
    let first = today - Duration::days(30);
    let (start, _) = zone.day_bounds(first);
    let (_, end) = zone.day_bounds(today);
    // (time, level, ids, is a check-in) of every report, in time order.
    let mut events: Vec<(Timestamp, Level, Vec<String>, bool)> =
        checkin::levels(c, first, today)?.into_iter().map(|(at, l, ids)| (at, l, ids, true)).collect();
    events.extend(checkin::reactions(c, start, end)?.into_iter().map(|r| (r.at, r.level, r.rule_ids, false)));
    crate::sort::sort_by_key(&mut events, |e| e.0);
    let mut open: Option<(Timestamp, Vec<String>)> = None;
    for (at, level, ids, is_checkin) in events {
        if level >= Level::Stop {
            open = Some((at, ids));
        } else if is_checkin && open.as_ref().is_some_and(|(t, _)| at > *t) {
            open = None; // a later check-in without the red flag
        }
    }
    Ok(open.map(|(_, ids)| {
        let clinician = ids.iter().any(|id| CLINICIAN_RESTART_RULES.contains(&id.as_str()));
        let next = if clinician { "plan-red-flag-clinician" } else { "plan-red-flag-checkin" };
        (vec![Msg::new("plan-red-flag-open").arg("why", ids_arg(&ids)), Msg::new(next)], ids)
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
        reason: vec![Msg::new("plan-day-one").arg("ml", p.start_ml)],
        rule_ids,
        new_status: None,
    };
    write_day(&tx, id, today, &d, now)?;
    add_event(&tx, id, today, now, None, d.kind, &d.reason, &d.rule_ids)?;
    tx.commit()?;
    current(c)?.ok_or_else(|| CoreError::Internal("plan vanished".into()))
}

/// The amount of the latest plan day up to `day` whose own check-in was
/// clean (`info`): the last tolerated amount (D6), which is the target that
/// day (clamped by a cap, if one applied) and never more than was asked.
/// None when there is none.
fn last_tolerated_ml(c: &Connection, plan: &Plan, day: NaiveDate) -> Result<Option<u32>> {
    Ok(c.query_row(
        "SELECT d.target_ml FROM plan_days d JOIN checkins k ON k.day = d.day \
         WHERE d.plan_id = ?1 AND d.day <= ?2 AND k.level = 'info' AND d.target_ml > 0 ORDER BY d.day DESC LIMIT 1",
        params![plan.id, iso_date(day)],
        |r| r.get(0),
    )
    .optional()?)
}

/// One step below `ml` (D6): the highest step strictly below it, else the first.
fn step_below(steps: &[u32], ml: u32) -> usize {
    steps.iter().rposition(|s| *s < ml).unwrap_or(0)
}

/// The target for a (re)started or resumed day at `state`: the step's
/// amount, within the daily cap and, on the first step, the start cap (D1,
/// P2, P3, M4). Returns the amount and the rules that lowered it.
fn capped_target(plan: &Plan, state: StepState, cap: &Constraints) -> (u32, Vec<String>) {
    let planned = plan.steps[state.step.min(plan.steps.len() - 1)];
    let mut ml = planned;
    let mut ids = Vec::new();
    if ml > cap.max_ml_per_day {
        ml = cap.max_ml_per_day;
        ids.extend(cap.cap_rule_ids.iter().cloned());
    }
    if state.step == 0 && ml > cap.max_start_ml {
        ml = cap.max_start_ml;
        ids.extend(cap.start_rule_ids.iter().cloned());
    }
    ids.dedup();
    (ml, ids)
}

/// New input about local day `day` (a check-in or a reaction) arrived:
/// automatic decisions for later days were made without it, so they are
/// dropped and decided again (days up to `day` are never touched; actions
/// and stops are kept).
pub(crate) fn invalidate_after(c: &Connection, day: NaiveDate) -> Result<()> {
    let Some(plan) = current(c)? else { return Ok(()) };
    c.execute(
        &format!("DELETE FROM plan_days WHERE plan_id = ?1 AND day > ?2 AND ({AUTOMATIC})"),
        params![plan.id, iso_date(day)],
    )?;
    Ok(())
}

/// The refusal for an action that needs a plan when none was started.
pub(crate) fn no_plan() -> CoreError {
    CoreError::not_allowed("no plan yet: start a plan first", &[])
}

/// Apply a user action to today's decision.
pub(crate) fn act(
    c: &Connection,
    action: DecisionKind,
    today: NaiveDate,
    now: Timestamp,
    cap: &Constraints,
) -> Result<Plan> {
    let plan = current(c)?.ok_or_else(no_plan)?;
    let standing = frontier(c, &plan, today, now)?.or(first_day(c, &plan)?);
    let state = standing.as_ref().map(|r| r.state).unwrap_or(StepState { step: 0, days_at_step: 1 });
    // Paused for an absence (D4): resume one step below the last tolerated amount (D6).
    let after_absence =
        standing.as_ref().is_some_and(|r| r.decision.kind == DecisionKind::Pause && r.decision.rule_ids == ["D4"]);
    let (new_status, state, reason) = match (action, plan.status) {
        (DecisionKind::Pause, PlanStatus::Active) => (PlanStatus::Paused, state, Msg::new("plan-paused-by-you")),
        (DecisionKind::Resume, PlanStatus::Paused) if after_absence => {
            // One step below the amount actually tolerated (the target of
            // the last clean day, as clamped by any cap), not the plan step.
            let step = match last_tolerated_ml(c, &plan, today)? {
                Some(ml) => step_below(&plan.steps, ml),
                None => 0,
            };
            let s = StepState { step, days_at_step: 1 };
            let (ml, _) = capped_target(&plan, s, cap);
            (PlanStatus::Active, s, Msg::new("plan-resumed-after-break").arg("ml", ml))
        }
        (DecisionKind::Resume, PlanStatus::Paused) => {
            let (ml, _) = capped_target(&plan, state, cap);
            (PlanStatus::Active, state, Msg::new("plan-resumed").arg("ml", ml))
        }
        (DecisionKind::Restart, PlanStatus::Stopped) => {
            let s = StepState { step: 0, days_at_step: 1 };
            let (ml, _) = capped_target(&plan, s, cap);
            (PlanStatus::Active, s, Msg::new("plan-restarted").arg("ml", ml))
        }
        (a, s) => {
            return Err(CoreError::not_allowed(
                format!("cannot {} a plan that is {}", a.as_str().replace('_', " "), s),
                &[],
            ))
        }
    };
    let (capped, cap_ids) = capped_target(&plan, state, cap);
    let mut rule_ids: Vec<String> = match action {
        DecisionKind::Restart => vec!["D1".into()],
        DecisionKind::Resume if after_absence => vec!["D6".into()],
        _ => vec![],
    };
    let mut reason = vec![reason];
    if new_status == PlanStatus::Active && !cap_ids.is_empty() {
        reason.push(Msg::new("plan-within-limit").arg("rules", ids_arg(&cap_ids)));
        for id in cap_ids {
            if !rule_ids.contains(&id) {
                rule_ids.push(id);
            }
        }
    }
    let d = Decision {
        kind: action,
        state,
        target_ml: if new_status == PlanStatus::Active { capped } else { 0 },
        reason,
        rule_ids,
        new_status: Some(new_status),
    };
    let tx = crate::store::write_tx(c)?;
    write_day(&tx, plan.id, today, &d, now)?;
    add_event(&tx, plan.id, today, now, None, d.kind, &d.reason, &d.rule_ids)?;
    tx.commit()?;
    current(c)?.ok_or_else(|| CoreError::Internal("plan vanished".into()))
}

pub(crate) fn change_target(c: &Connection, target: u32, cap: &Constraints, today: NaiveDate) -> Result<Plan> {
    let plan = current(c)?.ok_or_else(no_plan)?;
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
            let mut reason = row.reason.clone();
            reason.push(Msg::new("plan-target-changed").arg("ml", target));
            tx.execute(
                "UPDATE plan_days SET step = ?3, target_ml = ?4, reason = ?5 WHERE plan_id = ?1 AND day = ?2",
                params![
                    plan.id,
                    iso_date(today),
                    step as i64,
                    new_steps[step].min(cap.max_ml_per_day),
                    reasons::to_json(&reason)
                ],
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

/// History of the current plan up to `today`, newest first (days decided
/// under a clock that was ahead, dated after today, are provisional: not
/// shown), reasons written in `loc`.
pub(crate) fn history(c: &Connection, plan: &Plan, today: NaiveDate, loc: &Locale) -> Result<Vec<DayDecision>> {
    let n = plan.steps.len() as u32;
    let mut st = c.prepare_cached(&format!(
        "SELECT {DAY_COLS} FROM plan_days WHERE plan_id = +?1 AND day <= ?2 ORDER BY day DESC"
    ))?;
    let rows = st.query_map(params![plan.id, iso_date(today)], day_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter().map(|t| Ok(to_day_row(t, n)?.rendered(loc))).collect()
}

/// Where `plan` stands on `today`; the status is written in `loc`.
pub(crate) fn progress(plan: &Plan, state: StepState, today: NaiveDate, loc: &Locale) -> PlanProgress {
    let last = plan.steps.len() - 1;
    let at_goal = state.step >= last;
    let projected = (plan.status == PlanStatus::Active && !at_goal)
        .then(|| iso_date(today + Duration::days(days_to_goal(&plan.steps, plan.hold_days, state) as i64)));
    PlanProgress {
        status: plan.status,
        status_label: plan.status.label(loc),
        step: state.step.min(last) as u32 + 1,
        steps: plan.steps.len() as u32,
        goal_ml: plan.target_ml,
        projected_goal_date: projected,
        at_goal,
    }
}
