//! `Kefir`: the core's one entry point. Every operation takes `now` and the
//! user's IANA zone from the caller; nothing here reads a clock.

use std::path::Path;

use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};

use crate::backup::{self, ImportMode, ImportSummary};
use crate::backup_crypt;
use crate::checkin::{self, CheckinInput, CheckinResult, ReactionInput, ReactionResult};
use crate::error::{CoreError, Result};
use crate::intake::{self, DayTotal, Drink, DrinkInput, KefirKind, Source};
use crate::l10n::{Arg, Locale, Msg};
use crate::lock::{self, AppLockForm, AppLockSettings, LockDecision, LockState};
use crate::meds::{self, Dose, DoseInput, SpacingStatus};
use crate::plan::{self, DayDecision, DecisionKind, PlanProgress, PlanSettings, PlanStatus, PlanView};
use crate::profile::{self, ClinicianAck, Profile, ProfileVersion};
use crate::reasons;
use crate::reminders::{self, Notification, ReminderContext, ReminderSettings};
use crate::report::pdf::Paper;
use crate::report::{self, Summary};
use crate::rhythm::{self, Rhythm};
use crate::rules::{forbidding_rules, rule, Finding, Level};
use crate::screening::{constraints_for, guidance, screen, Screening};
use crate::store::Store;
use crate::text::check_note;
use crate::time::{check_now, iso_date, Timestamp, Zone};

/// The result of logging a drink: it is stored, and any rule it touches
/// (e.g. inside an antibiotic spacing window, over the daily cap) comes back
/// as a warning with its rule id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DrinkLogged {
    pub drink: Drink,
    pub warnings: Vec<Finding>,
}

/// Everything the Today screen shows, in one record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Today {
    /// Local date, ISO `YYYY-MM-DD`.
    pub date: String,
    pub time_zone: String,
    /// One screen-ready line: what to do today.
    pub headline: String,
    pub drunk_ml: u32,
    /// Today's plan target (None without a plan; 0 while paused or stopped).
    pub target_ml: Option<u32>,
    pub remaining_ml: Option<u32>,
    pub drinks: Vec<Drink>,
    pub decision: Option<DayDecision>,
    pub progress: Option<PlanProgress>,
    /// Active warnings: overconsumption (D3), spoiled batch (H2), hygiene
    /// (H1), spacing (M1–M3), an open red flag.
    pub warnings: Vec<Finding>,
    pub spacing: Vec<SpacingStatus>,
    pub checkin_due: bool,
    pub checkin_done: bool,
    /// Today's check-in, if done (to prefill an edit).
    pub checkin: Option<checkin::Checkin>,
    /// Yesterday's local date, ISO: the day a late check-in is for.
    pub yesterday: String,
    /// Yesterday's check-in is missing and can still be filled in today.
    pub can_fill_yesterday: bool,
    /// Consecutive days with a check-in, ending today (or yesterday while today's is open).
    pub streak_days: u32,
    /// No profile has been saved yet: show the first-run screening.
    pub needs_screening: bool,
    /// What the drink form may offer without a warning (screening constraints).
    pub allowed_kinds: Vec<KefirKind>,
    pub allowed_sources: Vec<Source>,
    pub screening_level: Level,
    pub may_start_plan: bool,
    pub disclaimer: String,
}

/// A range of local days, ISO `YYYY-MM-DD`, inclusive.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ReportRange {
    pub from_day: String,
    pub to_day: String,
}

/// The result of logging a medicine dose, with the spacing it implies.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DoseLogged {
    pub dose: Dose,
    pub spacing: Vec<SpacingStatus>,
    /// Drinks already logged inside this dose's spacing window, before or
    /// after it (M1–M3), each naming the drink's time and ml and the rule.
    /// Stored with the dose: Today and the summary show them too.
    pub warnings: Vec<Finding>,
}

/// See `Kefir::decided_day`.
struct DecidedDay {
    zone: Zone,
    screening: Screening,
    today: chrono::NaiveDate,
    plan: Option<(plan::Plan, DayDecision, plan::StepState)>,
}

pub struct Kefir {
    store: Store,
    /// Fallback font files for the PDF (see [`Kefir::set_report_fonts`]).
    report_fonts: std::sync::Mutex<Vec<std::path::PathBuf>>,
    /// The locale every text of the next calls is written in (English until
    /// [`Kefir::set_locale`]); the facade sets it from each call's `locale`.
    locale: std::sync::Mutex<Locale>,
    /// The app lock's in-memory state (`lock`): a new process starts locked
    /// when the lock is on (rule L4).
    lock_state: std::sync::Mutex<LockState>,
}

/// Largest font file the PDF reads (128 MiB: phone CJK system collections
/// run to tens of MiB; a device such as /dev/zero must not be read forever).
pub const MAX_FONT_BYTES: u64 = 128 * 1024 * 1024;

/// A report font file: a regular file of at most [`MAX_FONT_BYTES`], read
/// without blocking on FIFOs or streaming devices.
fn read_font(p: &std::path::Path) -> Result<Vec<u8>> {
    crate::files::read_limited(p, MAX_FONT_BYTES, "font").map_err(|e| {
        let why = match e {
            CoreError::BadBackup(m) => m.replace("than any font this app writes", "than the largest font read"),
            other => format!("{}: cannot be read ({other})", p.display()),
        };
        CoreError::invalid("fonts", &why)
    })
}

impl Kefir {
    pub fn open(path: &Path) -> Result<Kefir> {
        Ok(Kefir {
            store: Store::open(path)?,
            report_fonts: Default::default(),
            locale: Default::default(),
            lock_state: Default::default(),
        })
    }

    pub fn open_in_memory() -> Result<Kefir> {
        Ok(Kefir {
            store: Store::open_in_memory()?,
            report_fonts: Default::default(),
            locale: Default::default(),
            lock_state: Default::default(),
        })
    }

    /// Font files (TrueType/OpenType, or a collection's first face) the PDF
    /// falls back to, in order, for characters the bundled DejaVu subset
    /// lacks: on a phone its system fonts, on Linux e.g. Noto Sans Hebrew,
    /// Arabic and CJK. They are read again at each render and never stored.
    /// Replaces the previous list; an empty list means the bundled font only.
    /// InvalidInput `fonts` if a file cannot be read, is not a regular file
    /// (a device, FIFO or folder), is larger than [`MAX_FONT_BYTES`] or is
    /// not a font (nothing is changed then).
    pub fn set_report_fonts(&self, paths: &[std::path::PathBuf]) -> Result<()> {
        for p in paths {
            let data = read_font(p)?;
            if ttf_parser::Face::parse(&data, 0).is_err() {
                return Err(CoreError::invalid("fonts", &format!("{}: not a TrueType/OpenType font", p.display())));
            }
        }
        *self.report_fonts.lock().unwrap_or_else(|e| e.into_inner()) = paths.to_vec();
        Ok(())
    }

    /// The summary as PDF bytes, with the fonts of [`Kefir::set_report_fonts`],
    /// headings and labels in [`Kefir::locale`] (the report's language).
    pub fn pdf_bytes(&self, summary: &Summary, paper: Paper) -> Result<Vec<u8>> {
        let paths = self.report_fonts.lock().unwrap_or_else(|e| e.into_inner()).clone();
        let mut fonts = Vec::with_capacity(paths.len());
        for p in &paths {
            fonts.push(read_font(p)?);
        }
        report::pdf::render_with_fonts(summary, paper, &fonts, &self.locale())
    }

    /// Write every text of the following calls (screen records, findings,
    /// reasons, notifications, exports) in `loc`. Stored data is unaffected:
    /// it keeps codes and message references, rendered at read time.
    pub fn set_locale(&self, loc: Locale) {
        *self.locale.lock().unwrap_or_else(|e| e.into_inner()) = loc;
    }

    /// The locale of [`Kefir::set_locale`] (English by default).
    pub fn locale(&self) -> Locale {
        self.locale.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    // --- profile and screening ---------------------------------------------

    /// The current profile (a default adult profile before the first save).
    pub fn profile(&self) -> Result<Profile> {
        Ok(profile::current(self.store.conn())?.map(|v| v.profile).unwrap_or_default())
    }

    /// Every saved version, oldest first.
    pub fn profile_history(&self) -> Result<Vec<ProfileVersion>> {
        profile::history(self.store.conn())
    }

    /// Save a new version of the profile and return the new screening.
    pub fn save_profile(&self, p: &Profile, now: Timestamp) -> Result<Screening> {
        check_now(now)?;
        let p = p.normalised()?;
        profile::save(self.store.conn(), &p, now)?;
        self.screening()
    }

    pub fn screening(&self) -> Result<Screening> {
        let ack = profile::latest_ack(self.store.conn())?;
        Ok(screen(&self.profile()?, ack.as_ref(), &self.locale()))
    }

    /// Store "cleared by my clinician", dated `now`, with its note: for the
    /// consult rules that currently apply and, after a stop for S5, S6 or S7,
    /// for those red flags (a restart needs this acknowledgement dated after
    /// the reaction). NotAllowed when nothing needs a clinician.
    pub fn acknowledge_clinician(&self, note: Option<String>, now: Timestamp) -> Result<Screening> {
        check_now(now)?;
        let note = check_note("note", note.as_deref())?;
        let current = self.screening()?;
        let mut ids: Vec<String> =
            current.findings.iter().filter(|f| f.level == Level::Consult).map(|f| f.rule_id.clone()).collect();
        ids.extend(plan::rules_needing_clinician(self.store.conn(), now)?);
        crate::sort::sort(&mut ids);
        ids.dedup();
        if ids.is_empty() {
            return Err(CoreError::not_allowed("no finding needs a clinician's go-ahead", &[]));
        }
        if note.as_deref().is_none_or(|n| n.trim().is_empty()) {
            return Err(CoreError::invalid("note", "is required: who gave the go-ahead, and what they said"));
        }
        profile::add_ack(self.store.conn(), &ClinicianAck { at: now, rule_ids: ids, note })?;
        self.screening()
    }

    // --- drinks ----------------------------------------------------------------

    /// Log a drink. It is stored even when rules warn; the warnings say which.
    pub fn log_drink(&self, input: &DrinkInput, now: Timestamp, tz: &str) -> Result<DrinkLogged> {
        check_now(now)?;
        let zone = Zone::parse(tz)?;
        let note = intake::validate(input, now)?;
        let drink = intake::insert(self.store.conn(), input, note, now)?;
        let warnings = self.drink_warnings(&drink, &zone)?;
        Ok(DrinkLogged { drink, warnings })
    }

    /// Rules a stored drink touches: kinds/sources the profile rules out
    /// (P1, P4, P5, M4, M5), spoiled batch (H2), homemade hygiene (H1), the
    /// daily cap (D3) and medicine spacing (M1–M3).
    fn drink_warnings(&self, d: &Drink, zone: &Zone) -> Result<Vec<Finding>> {
        let c = self.store.conn();
        let loc = self.locale();
        let profile = self.profile()?;
        let mut out: Vec<Finding> = forbidding_rules(&profile, d.kind, d.source)
            .into_iter()
            .map(|id| rule(id).finding_with(&intake::ruled_out_detail(d, &loc), &loc))
            .collect();
        if d.batch.as_ref().is_some_and(|b| b.spoiled()) {
            out.push(rule("H2").finding(&loc));
        }
        if d.source == Source::Homemade {
            out.push(rule("H1").finding(&loc));
        }
        let constraints = constraints_for(&profile);
        let (start, end) = zone.day_bounds(d.at.local_date(zone));
        let total: u32 = intake::list(c, start, end)?.iter().map(|x| x.ml).sum();
        if total > constraints.max_ml_per_day {
            out.push(constraints.over_cap_finding(total, &loc));
        }
        out.extend(meds::drink_warnings(&meds::relevant_doses(c, d.at)?, d.at, zone, &loc));
        // Kefir while the plan is stopped: say so, naming the stop rule.
        out.extend(plan::drinking_while_stopped(c, &self.locale())?);
        crate::sort::sort_by(&mut out, |a, b| b.level.cmp(&a.level).then_with(|| a.rule_id.cmp(&b.rule_id)));
        Ok(out)
    }

    pub fn update_drink(&self, id: i64, input: &DrinkInput, now: Timestamp, tz: &str) -> Result<Drink> {
        check_now(now)?;
        let _zone = Zone::parse(tz)?;
        let note = intake::validate(input, now)?;
        intake::update(self.store.conn(), id, input, note)
    }

    pub fn delete_drink(&self, id: i64, now: Timestamp) -> Result<()> {
        check_now(now)?;
        intake::delete(self.store.conn(), id, now)
    }

    pub fn undo_delete_drink(&self, id: i64) -> Result<Drink> {
        intake::undo_delete(self.store.conn(), id)
    }

    pub fn list_drinks(&self, from: Timestamp, to: Timestamp) -> Result<Vec<Drink>> {
        if to < from {
            return Err(CoreError::invalid("to", "is before from"));
        }
        intake::list(self.store.conn(), from, to)
    }

    /// Daily totals for each local day from the day of `from` to the day of `to`.
    pub fn daily_totals(&self, from: Timestamp, to: Timestamp, tz: &str) -> Result<Vec<DayTotal>> {
        let zone = Zone::parse(tz)?;
        if to < from {
            return Err(CoreError::invalid("to", "is before from"));
        }
        let (first, last) = (from.local_date(&zone), to.local_date(&zone));
        if (last - first).num_days() > 366 * 20 {
            return Err(CoreError::invalid("to", "range is longer than 20 years"));
        }
        intake::daily_totals(self.store.conn(), first, last, &zone)
    }

    // --- check-ins, reactions, medicines ------------------------------------------

    /// Save (or replace) the check-in of today or yesterday.
    /// A stop/emergency finding stops the plan at once; yesterday's
    /// check-in, filled in late, re-decides today.
    pub fn save_checkin(&self, input: &CheckinInput, now: Timestamp, tz: &str) -> Result<CheckinResult> {
        check_now(now)?;
        let zone = Zone::parse(tz)?;
        let c = self.store.conn();
        let profile = self.profile()?;
        let screening = self.screening()?;
        let today = now.local_date(&zone);
        plan::ensure_days(c, today, &zone, &screening, now, &self.locale())?;
        let (result, reassessed) = checkin::save(c, input, &profile, now, &zone, &self.locale())?;
        let mut red = plan::red_flag_ids(result.assessment.level, &result.checkin.rule_ids);
        let mut red_at = result.checkin.at;
        if red.is_empty() {
            // An earlier day entered late can make a later day's check-in a
            // red flag (S4 recurrence): it stops the plan as if it had been
            // one when saved.
            for r in &reassessed {
                let now_red = plan::red_flag_ids(r.checkin.level, &r.checkin.rule_ids);
                if !now_red.is_empty() && plan::red_flag_ids(r.before.0, &r.before.1).is_empty() {
                    (red, red_at) = (now_red, r.checkin.at);
                    break;
                }
            }
        }
        if !red.is_empty() {
            plan::stop_now(c, today, &red, now, red_at)?;
        } else {
            // Decisions after the check-in's day were made without it.
            let day = crate::time::parse_iso_date("day", &result.checkin.day)?;
            plan::invalidate_after(c, day.max(today))?;
            if result.checkin.day != iso_date(today) {
                plan::redecide_today(c, today, &zone, &screening.constraints, now)?;
            }
            // A consult or caution finding changes today's target at once.
            plan::act_on_finding_now(c, today, result.assessment.level, &result.checkin.rule_ids, now)?;
        }
        Ok(result)
    }

    /// "Report a reaction now": red flags are evaluated, and stop the plan, at once.
    pub fn report_reaction(&self, input: &ReactionInput, now: Timestamp, tz: &str) -> Result<ReactionResult> {
        check_now(now)?;
        let zone = Zone::parse(tz)?;
        let c = self.store.conn();
        let profile = self.profile()?;
        let today = now.local_date(&zone);
        plan::ensure_days(c, today, &zone, &self.screening()?, now, &self.locale())?;
        let result = checkin::report_reaction(c, input, &profile, now, &zone, &self.locale())?;
        let red = plan::red_flag_ids(result.assessment.level, &result.reaction.rule_ids);
        if !red.is_empty() {
            plan::stop_now(c, today, &red, now, input.at)?;
        } else {
            plan::invalidate_after(c, today)?;
            // A consult or caution finding changes today's target at once.
            plan::act_on_finding_now(c, today, result.assessment.level, &result.reaction.rule_ids, now)?;
        }
        Ok(result)
    }

    // --- plan --------------------------------------------------------------------

    pub fn start_plan(&self, settings: &PlanSettings, now: Timestamp, tz: &str) -> Result<PlanView> {
        check_now(now)?;
        let zone = Zone::parse(tz)?;
        let screening = self.screening()?;
        let params = plan::validate_settings(settings, &screening.constraints)?;
        let today = now.local_date(&zone);
        if let Some((reason, ids)) = self.restart_blockers(&screening, today, &zone, now)? {
            return Err(CoreError::NotAllowed { reason: reasons::render(&self.locale(), &reason), rule_ids: ids });
        }
        plan::start(self.store.conn(), params, today, now, &screening.constraints.start_rule_ids)?;
        self.plan_view(now, tz)
    }

    pub fn pause_plan(&self, now: Timestamp, tz: &str) -> Result<PlanView> {
        check_now(now)?;
        self.plan_action(DecisionKind::Pause, now, tz)
    }

    pub fn resume_plan(&self, now: Timestamp, tz: &str) -> Result<PlanView> {
        check_now(now)?;
        self.plan_action(DecisionKind::Resume, now, tz)
    }

    /// Restart after a stop: only once a check-in without the red flag has
    /// followed it, for `consult` with a clinician's go-ahead and after S5,
    /// S6 or S7 with a clinician acknowledgement dated after the reaction.
    /// The plan restarts at its lowest step (D1).
    pub fn restart_plan(&self, now: Timestamp, tz: &str) -> Result<PlanView> {
        check_now(now)?;
        self.plan_action(DecisionKind::Restart, now, tz)
    }

    /// The zone, the current screening, the local day of `now`, and every
    /// plan day up to it decided: what most calls start from.
    fn decided_day(&self, now: Timestamp, tz: &str) -> Result<DecidedDay> {
        check_now(now)?;
        let zone = Zone::parse(tz)?;
        let screening = self.screening()?;
        let today = now.local_date(&zone);
        let plan = plan::ensure_days(self.store.conn(), today, &zone, &screening, now, &self.locale())?;
        Ok(DecidedDay { zone, screening, today, plan })
    }

    fn plan_action(&self, action: DecisionKind, now: Timestamp, tz: &str) -> Result<PlanView> {
        let DecidedDay { zone, screening, today, .. } = self.decided_day(now, tz)?;
        let c = self.store.conn();
        let blocked = match action {
            DecisionKind::Restart => self.restart_blockers(&screening, today, &zone, now)?,
            // A resume is refused while the profile needs a clinician first (consult not cleared).
            DecisionKind::Resume if !screening.may_start => plan::blockers(c, &screening, today, &zone)?,
            // ... and after a consult-level finding paused the plan, until a clinician's go-ahead.
            DecisionKind::Resume => plan::consult_blocker(c, now)?,
            _ => None,
        };
        if let Some((reason, ids)) = blocked {
            return Err(CoreError::NotAllowed { reason: reasons::render(&self.locale(), &reason), rule_ids: ids });
        }
        plan::act(c, action, today, now, &screening.constraints)?;
        self.plan_view(now, tz)
    }

    /// Why a (re)start is refused now: an open red flag, the screening, or
    /// after S5/S6/S7 a missing clinician acknowledgement dated after the reaction.
    fn restart_blockers(
        &self,
        screening: &Screening,
        today: chrono::NaiveDate,
        zone: &Zone,
        now: Timestamp,
    ) -> Result<Option<(Vec<Msg>, Vec<String>)>> {
        let c = self.store.conn();
        if let Some(b) = plan::blockers(c, screening, today, zone)? {
            return Ok(Some(b));
        }
        plan::clinician_blocker(c, now)
    }

    /// Change the target within 100 ml and the screening cap.
    pub fn change_target(&self, target_ml: u32, now: Timestamp, tz: &str) -> Result<PlanView> {
        let DecidedDay { screening, today, .. } = self.decided_day(now, tz)?;
        plan::change_target(self.store.conn(), target_ml, &screening.constraints, today)?;
        self.plan_view(now, tz)
    }

    /// Everything the Plan screen shows.
    pub fn plan_view(&self, now: Timestamp, tz: &str) -> Result<PlanView> {
        let DecidedDay { zone, screening, today, plan: current } = self.decided_day(now, tz)?;
        let c = self.store.conn();
        let loc = self.locale();
        let blocked = self.restart_blockers(&screening, today, &zone, now)?;
        let (slo, shi) = plan::start_range(&screening.constraints);
        let (tlo, thi) = plan::target_range(&screening.constraints);
        let (plan, progress, history, events) = match current {
            Some((mut p, _, state)) => {
                let history = plan::history(c, &p, today, &loc)?;
                let events = plan::events(c, p.id, &loc)?;
                let progress = plan::progress(&p, state, today, &loc);
                // The steps as they will be drunk: none above the cap in force.
                p.steps = plan::steps_within(&p.steps, screening.constraints.max_ml_per_day);
                (Some(p), Some(progress), history, events)
            }
            None => (None, None, Vec::new(), Vec::new()),
        };
        let status = plan.as_ref().map(|p| p.status);
        let startable = matches!(status, None | Some(PlanStatus::Stopped));
        Ok(PlanView {
            can_start: status.is_none() && blocked.is_none(),
            can_pause: status == Some(PlanStatus::Active),
            can_resume: status == Some(PlanStatus::Paused)
                && screening.may_start
                && plan::consult_blocker(c, now)?.is_none(),
            can_restart: status == Some(PlanStatus::Stopped) && blocked.is_none(),
            can_change_target: matches!(status, Some(PlanStatus::Active | PlanStatus::Paused)),
            blocked_reason: blocked.as_ref().filter(|_| startable).map(|b| reasons::render(&loc, &b.0)),
            blocked_rule_ids: blocked.filter(|_| startable).map(|b| b.1).unwrap_or_default(),
            start_range_ml: vec![slo, shi],
            target_range_ml: vec![tlo, thi],
            guidance: guidance(&self.locale()),
            plan,
            progress,
            history,
            events,
        })
    }

    pub fn checkins(&self, from_day: &str, to_day: &str) -> Result<Vec<checkin::Checkin>> {
        let first = crate::time::parse_iso_date("from", from_day)?;
        let last = crate::time::parse_iso_date("to", to_day)?;
        checkin::list(self.store.conn(), first, last)
    }

    pub fn log_dose(&self, input: &DoseInput, now: Timestamp, tz: &str) -> Result<DoseLogged> {
        check_now(now)?;
        let zone = Zone::parse(tz)?;
        let note = meds::validate(input, now)?;
        let c = self.store.conn();
        let tx = crate::store::write_tx(c)?;
        let dose = meds::insert(&tx, input, note)?;
        let found = meds::dose_breaches(&tx, &dose, &zone)?;
        meds::store_dose_warnings(&tx, dose.id, &found)?;
        tx.commit()?;
        let loc = self.locale();
        let warnings = found
            .iter()
            .map(|(_, id, detail)| meds::dose_warning_finding(&loc, id, std::slice::from_ref(detail)))
            .collect::<Result<_>>()?;
        Ok(DoseLogged { dose, spacing: self.spacing_at(now, &zone)?, warnings })
    }

    /// Spacing countdowns that matter now.
    pub fn spacing(&self, now: Timestamp, tz: &str) -> Result<Vec<SpacingStatus>> {
        check_now(now)?;
        self.spacing_at(now, &Zone::parse(tz)?)
    }

    fn spacing_at(&self, now: Timestamp, zone: &Zone) -> Result<Vec<SpacingStatus>> {
        Ok(meds::statuses(&meds::relevant_doses(self.store.conn(), now)?, now, zone, &self.locale()))
    }

    // --- app lock (rules L1-L8 in `lock`) ---------------------------------------------

    fn lock_guard(&self) -> std::sync::MutexGuard<'_, LockState> {
        self.lock_state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The stored app-lock setting ([`AppLockSettings::default`], off,
    /// before the first answer). Error: `Internal` if the stored value is
    /// not readable.
    pub fn app_lock_settings(&self) -> Result<AppLockSettings> {
        Ok(lock::stored(self.store.conn())?.unwrap_or_default())
    }

    /// The app-lock screen in [`Kefir::locale`]: the stored setting, whether
    /// to show the first-run offer (rule L2: until answered once, either
    /// way), and every text (title, explanation, buttons, the delay choices
    /// with their labels, the prompt's reason).
    pub fn app_lock_form(&self) -> Result<AppLockForm> {
        Ok(lock::form(lock::stored(self.store.conn())?, &self.locale()))
    }

    /// Store the setting (this answers the first-run offer, rule L2, also
    /// when it stays off) and return the screen as it is now.
    ///
    /// Rules: L3 (`Invalid { field: "after_minutes" }` for a delay not in
    /// [`lock::LOCK_DELAY_CHOICES`], nothing stored and the state
    /// unchanged); L6 (turning it off unlocks); L7 (turning it on while the
    /// app is open does not lock it now). Changing only the delay keeps the
    /// state.
    pub fn save_app_lock(&self, settings: &AppLockSettings) -> Result<AppLockForm> {
        settings.validate()?;
        let mut state = self.lock_guard();
        let before = self.app_lock_settings()?;
        lock::save(self.store.conn(), settings)?;
        state.setting_changed(&before, settings);
        drop(state);
        self.app_lock_form()
    }

    /// The app went to the background at `now` (Android `onStop`, iOS
    /// scenePhase `.background`). A second report before the app is in
    /// front again keeps the earlier time. Recorded whether or not the lock
    /// is on (it is read when the app returns).
    ///
    /// Error: `Invalid { field: "now" }` for a clock outside 2000–9000; the
    /// time away then cannot be known, and the next return to the
    /// foreground locks (rule L5, fail closed).
    pub fn app_backgrounded(&self, now: Timestamp) -> Result<()> {
        self.lock_guard().backgrounded(now)
    }

    /// The app is in front at `now` (launch, Android `onStart`, iOS
    /// scenePhase `.active`): the decision, texts in [`Kefir::locale`].
    /// Rules L4, L5 and L8; the background time is cleared. A clock reading
    /// outside 2000–9000 is not an error here: it cannot be trusted, so with
    /// the lock on the app locks (fail closed). Error: `Internal` if the
    /// stored setting is unreadable; storage errors.
    pub fn app_foregrounded(&self, now: Timestamp) -> Result<LockDecision> {
        let settings = self.app_lock_settings()?;
        Ok(self.lock_guard().foregrounded(&settings, now, &self.locale()))
    }

    /// The platform prompt succeeded (rule L6): the app is open until it
    /// next spends `after_minutes` in the background. The unlock stands
    /// whatever the clock reads (`now` is the prompt's time; it is not
    /// checked and does not enter the decision). Only meaningful when the
    /// lock is on; otherwise the decision is simply "not locked". Clears
    /// any background time (the owner has just proved who they are).
    pub fn app_unlocked(&self, now: Timestamp) -> Result<LockDecision> {
        let _ = now;
        let settings = self.app_lock_settings()?;
        Ok(self.lock_guard().unlocked(&settings, &self.locale()))
    }

    // --- reminders and rhythm ----------------------------------------------------------

    /// The stored reminder settings (defaults before the first save).
    pub fn reminder_settings(&self) -> Result<ReminderSettings> {
        let json: Option<String> = self
            .store
            .conn()
            .query_row("SELECT value FROM settings WHERE key = 'reminders'", [], |r| r.get(0))
            .optional()?;
        match json {
            Some(j) => serde_json::from_str(&j).map_err(|e| CoreError::Internal(format!("stored reminders: {e}"))),
            None => Ok(ReminderSettings::default()),
        }
    }

    /// Validate and store reminder settings; returns them normalised.
    pub fn save_reminder_settings(&self, settings: &ReminderSettings) -> Result<ReminderSettings> {
        let normalised = settings.validate()?.to_settings();
        let json = serde_json::to_string(&normalised).map_err(|e| CoreError::Internal(e.to_string()))?;
        self.store.conn().execute(
            "INSERT INTO settings (key, value) VALUES ('reminders', ?1) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [json],
        )?;
        Ok(normalised)
    }

    /// The next `count` notifications, computed in the zone the device is in
    /// now (travel recomputes everything there). Ids are stable.
    pub fn upcoming_notifications(&self, now: Timestamp, tz: &str, count: u32) -> Result<Vec<Notification>> {
        let DecidedDay { zone, today, plan: current, .. } = self.decided_day(now, tz)?;
        let c = self.store.conn();
        let mut settings = self.reminder_settings()?;
        settings.time_zone = zone.name().to_string();
        let mut ctx = ReminderContext::default();
        // Today's target stands for the days ahead until they are decided;
        // the shells recompute after every write.
        let target = current.as_ref().map(|(_, d, _)| d.target_ml).filter(|t| *t > 0);
        ctx.fill_targets(today - chrono::Duration::days(1), reminders::HORIZON_DAYS + 2, |_| target);
        if let Some(t) = target {
            let (start, end) = zone.day_bounds(today);
            if intake::list(c, start, end)?.iter().map(|d| d.ml).sum::<u32>() >= t {
                ctx.target_met.insert(today);
            }
        }
        let first = today - chrono::Duration::days(1);
        for k in checkin::list(c, first, today)? {
            ctx.checkin_done.insert(crate::time::parse_iso_date("day", &k.day)?);
        }
        ctx.spacing_ends = reminders::SpacingEnd::from_statuses(&self.spacing_at(now, &zone)?, &self.locale());
        ctx.locale = self.locale();
        reminders::upcoming(&settings, &ctx, now, count as usize)
    }

    /// Check-in rhythm for local days `from_day..=to_day`: due/done today,
    /// whether yesterday can still be filled in, streak and adherence.
    pub fn rhythm(&self, from_day: &str, to_day: &str, now: Timestamp, tz: &str) -> Result<Rhythm> {
        let (first, last) = self.range(from_day, to_day)?;
        if last < first || (last - first).num_days() > rhythm::MAX_RANGE_DAYS as i64 {
            return Err(CoreError::invalid("to", "must be on or after from, within 20 years"));
        }
        let DecidedDay { zone, today, .. } = self.decided_day(now, tz)?;
        let c = self.store.conn();
        // Streaks look back before `first` too.
        let lookback = first.min(today) - chrono::Duration::days(400);
        let checkin_days = checkin::days_with_checkin(c, lookback, last.max(today))?;
        let totals = intake::daily_totals(c, first, last, &zone)?;
        let decisions = plan::decisions(c, first, last, &self.locale())?;
        let days: Vec<(chrono::NaiveDate, u32, Option<u32>)> = totals
            .iter()
            .map(|t| {
                let d = crate::time::parse_iso_date("day", &t.date)?;
                let target = decisions.iter().rev().find(|x| x.day == t.date).map(|x| x.target_ml);
                Ok((d, t.ml, target))
            })
            .collect::<Result<_>>()?;
        rhythm::rhythm(&checkin_days, &days, today, first, last)
    }

    // --- doctor summary and exports ------------------------------------------------

    fn range(&self, from_day: &str, to_day: &str) -> Result<(chrono::NaiveDate, chrono::NaiveDate)> {
        let first = crate::time::parse_iso_date("from", from_day)?;
        let last = crate::time::parse_iso_date("to", to_day)?;
        Ok((first, last))
    }

    /// The default range of the Reports screen: from the plan's first day
    /// (at most a year back; four weeks without a plan) to today.
    pub fn report_range(&self, now: Timestamp, tz: &str) -> Result<ReportRange> {
        check_now(now)?;
        let zone = Zone::parse(tz)?;
        let today = now.local_date(&zone);
        let year_ago = today - chrono::Duration::days(365);
        let from = match plan::current(self.store.conn())? {
            Some(p) => crate::time::parse_iso_date("day", &p.started_day)?.clamp(year_ago, today),
            None => today - chrono::Duration::days(27),
        };
        Ok(ReportRange { from_day: iso_date(from), to_day: iso_date(today) })
    }

    /// The doctor summary for local days `from_day..=to_day` (ISO dates), its
    /// texts in [`Kefir::locale`]: the report's language, which the facade
    /// sets from the call's own `locale` (chosen apart from the app's).
    pub fn summary(&self, from_day: &str, to_day: &str, now: Timestamp, tz: &str) -> Result<Summary> {
        let (first, last) = self.range(from_day, to_day)?;
        let DecidedDay { zone, .. } = self.decided_day(now, tz)?;
        report::build::build(self.store.conn(), first, last, &zone, now, &self.locale())
    }

    /// The summary as a PDF (A4 or US Letter) at `path`.
    pub fn write_pdf(
        &self,
        from_day: &str,
        to_day: &str,
        paper: Paper,
        path: &Path,
        now: Timestamp,
        tz: &str,
    ) -> Result<()> {
        let s = self.summary(from_day, to_day, now, tz)?;
        self.write_file(path, &self.pdf_bytes(&s, paper)?, "path")
    }

    /// The summary as a FHIR R4 Bundle (JSON) at `path`.
    pub fn write_fhir(&self, from_day: &str, to_day: &str, path: &Path, now: Timestamp, tz: &str) -> Result<()> {
        check_now(now)?;
        let s = self.summary(from_day, to_day, now, tz)?;
        self.write_file(path, report::fhir::to_string(&s, &self.locale())?.as_bytes(), "path")
    }

    /// Drinks, check-ins, reaction reports and medicine doses as four RFC
    /// 4180 CSV files in `dir` (`kefir-{drinks,checkins,reactions,doses}-FROM-to-TO.csv`;
    /// the folder is created when absent; see `files::prepare_folder` for what
    /// is refused); returns their paths in that order.
    pub fn write_csv(&self, from_day: &str, to_day: &str, dir: &Path, tz: &str) -> Result<Vec<String>> {
        let zone = Zone::parse(tz)?;
        let loc = self.locale();
        let (first, last) = self.range(from_day, to_day)?;
        if last < first {
            return Err(CoreError::invalid("to", "is before from"));
        }
        crate::files::prepare_folder(dir, self.store.path(), "dir")?;
        let c = self.store.conn();
        let (start, _) = zone.day_bounds(first);
        let (_, end) = zone.day_bounds(last);
        let drinks = intake::list(c, start, end)?;
        let rows: Vec<report::csv::CheckinCsvRow> = checkin::list(c, first, last)?
            .into_iter()
            .map(|k| report::csv::CheckinCsvRow {
                date: k.day,
                at: k.at,
                symptoms: k.symptoms,
                bristol: k.bristol,
                note: k.note,
            })
            .collect();
        let name = |kind: &str| dir.join(format!("kefir-{kind}-{from_day}-to-{to_day}.csv"));
        let reactions = checkin::reactions(c, start, end)?;
        let doses = meds::list(c, start, end)?;
        let (dp, cp, rp, mp) = (name("drinks"), name("checkins"), name("reactions"), name("doses"));
        self.write_file(&dp, report::csv::drinks(&drinks, &zone, &loc).as_bytes(), "dir")?;
        self.write_file(&cp, report::csv::checkins(&rows, &zone, &loc).as_bytes(), "dir")?;
        self.write_file(&rp, report::csv::reactions(&reactions, &zone, &loc).as_bytes(), "dir")?;
        self.write_file(&mp, report::csv::doses(&doses, &zone, &loc).as_bytes(), "dir")?;
        Ok([dp, cp, rp, mp].iter().map(|p| p.display().to_string()).collect())
    }

    // --- backup, restore, delete everything ---------------------------------------

    /// The whole database as one versioned JSON document: pretty-printed,
    /// or compact when the pretty one would exceed
    /// [`backup::MAX_BACKUP_BYTES`] (the import limit), so every backup
    /// written imports again. Its `exported_at` is `now`, or the latest
    /// entry's time when the device clock is behind its own entries (a
    /// clock set back), so the import never refuses its entries as "after
    /// the backup was exported". Errors: `Invalid { field: "backup" }` when
    /// even the compact document exceeds the limit.
    pub fn export_backup(&self, now: Timestamp) -> Result<String> {
        check_now(now)?;
        let b = backup::export(self.store.conn(), now)?;
        backup::document(&b, backup::MAX_BACKUP_BYTES)
    }

    /// Write the backup to `path` (atomically: a temp file, then a rename).
    ///
    /// `None`: the plain JSON document of [`Self::export_backup`].
    /// `Some(passphrase)`: exactly those bytes encrypted in the age format
    /// (age-encryption.org/v1, scrypt passphrase recipient at
    /// [`backup_crypt::EXPORT_WORK_FACTOR`]); `age -d` gives the plain
    /// document back. The passphrase is refused first, nothing written,
    /// with `Invalid { field: "passphrase" }` when it is empty or
    /// whitespace, longer than [`backup_crypt::MAX_PASSPHRASE_CHARS`] (more
    /// than the age tool reads from a terminal), or when
    /// [`crate::passphrase::judge`] finds it too weak
    /// (the reason lists why, in the diary's language). The passphrase is
    /// never stored or logged.
    pub fn write_backup(&self, path: &Path, passphrase: Option<&str>, now: Timestamp) -> Result<()> {
        check_now(now)?;
        if let Some(p) = passphrase {
            backup_crypt::check_passphrase(p, &self.locale())?;
        }
        crate::files::check_target(path, self.store.path(), "path")?;
        let plain = self.export_backup(now)?;
        match passphrase {
            None => self.write_file(path, plain.as_bytes(), "path"),
            Some(p) => self.write_file(path, &backup_crypt::encrypt(plain.as_bytes(), p)?, "path"),
        }
    }

    /// Import a backup document. A malformed or newer backup is refused
    /// before anything changes; `Replace` needs `confirmed`.
    ///
    /// `now` is the import time: a backup made after it (`exported_at` more
    /// than [`crate::time::MAX_FUTURE`] after `now`: a hostile file, or a
    /// device clock set back) is refused, so nothing dated after the import
    /// gets in beyond the allowance live entries get (every entry is checked
    /// against `exported_at`).
    pub fn import_backup(
        &self,
        json: &[u8],
        mode: ImportMode,
        confirmed: bool,
        now: Timestamp,
    ) -> Result<ImportSummary> {
        check_now(now)?;
        let b = backup::parse(json)?;
        // Entries may be logged up to MAX_FUTURE ahead of the clock, and the
        // backup's time is never before its own entries: allow the same here.
        if b.exported_at > now.plus(crate::time::MAX_FUTURE) {
            return Err(CoreError::BadBackupField {
                field: "exported_at".into(),
                reason: format!(
                    "the backup was made at {}, after this device's time {}: check the device's clock",
                    b.exported_at, now
                ),
            });
        }
        backup::import(self.store.conn(), &b, mode, confirmed)
    }

    /// Import a backup file: a regular file (devices, FIFOs and folders
    /// are refused before they are opened), plain JSON of at most
    /// `MAX_BACKUP_BYTES`, or an age-encrypted backup (binary or armored,
    /// recognised by its header; see [`backup_crypt`]) of at most
    /// [`backup_crypt::MAX_ENCRYPTED_BYTES`] whose plaintext is at most
    /// `MAX_BACKUP_BYTES`.
    ///
    /// An encrypted file without `passphrase` is `PassphraseRequired`; a
    /// passphrase that does not open it is `WrongPassphrase`; a damaged or
    /// truncated one, or one asking for more scrypt work than
    /// [`backup_crypt::MAX_WORK_FACTOR`], is `BadBackup`. Nothing changes
    /// in any of these cases. A plain file ignores `passphrase`.
    pub fn import_backup_file(
        &self,
        path: &Path,
        passphrase: Option<&str>,
        mode: ImportMode,
        confirmed: bool,
        now: Timestamp,
    ) -> Result<ImportSummary> {
        check_now(now)?;
        let max = backup::MAX_BACKUP_BYTES;
        let bytes = crate::files::read_backup(path, max, backup_crypt::MAX_ENCRYPTED_BYTES, |file| {
            let passphrase = passphrase.filter(|p| !p.is_empty()).ok_or(CoreError::PassphraseRequired)?;
            backup_crypt::decrypt_stream(file, passphrase, max)
        })?;
        self.import_backup(&bytes, mode, confirmed, now)
    }

    /// Write an export or backup (see `files::write_atomic`): refuses a
    /// target that is this database or one of its -wal/-shm/-journal files,
    /// a folder, device, FIFO or symlink, with `Invalid` for `field`.
    fn write_file(&self, path: &Path, bytes: &[u8], field: &str) -> Result<()> {
        crate::files::write_atomic(path, bytes, self.store.path(), field)
    }

    /// Delete everything; the file keeps no trace (secure_delete, VACUUM, WAL truncated).
    pub fn wipe_everything(&self, confirmed: bool) -> Result<()> {
        backup::wipe(self.store.conn(), confirmed)
    }

    /// Everything the Today screen shows, in one call.
    pub fn today(&self, now: Timestamp, tz: &str) -> Result<Today> {
        check_now(now)?;
        let zone = Zone::parse(tz)?;
        let c = self.store.conn();
        let stored = profile::current(c)?;
        let needs_screening = stored.is_none();
        let loc = self.locale();
        let screening = screen(&stored.map(|v| v.profile).unwrap_or_default(), profile::latest_ack(c)?.as_ref(), &loc);
        let date = now.local_date(&zone);
        let loc = self.locale();
        let current = plan::ensure_days(c, date, &zone, &screening, now, &loc)?;
        // Everything below only reads: one read transaction, not one per statement.
        let _read = c.unchecked_transaction()?;
        let (start, end) = zone.day_bounds(date);
        let drinks = intake::list(c, start, end)?;
        let drunk_ml: u32 = drinks.iter().map(|d| d.ml).sum();
        let spacing = self.spacing_at(now, &zone)?;
        let todays_checkin = checkin::get_by_day(c, date)?;
        let checkin_done = todays_checkin.is_some();
        let yesterday = date - chrono::Duration::days(1);
        let recent = checkin::days_with_checkin(c, date - chrono::Duration::days(400), date)?;
        let yesterday_done = recent.contains(&yesterday);
        let streak_days = rhythm::rhythm(&recent, &[], date, date, date)?.streak_days;
        let (decision, progress) = match &current {
            Some((p, d, state)) => (Some(d.clone()), Some(plan::progress(p, *state, date, &loc))),
            None => (None, None),
        };
        let target_ml = decision.as_ref().map(|d| d.target_ml);
        let mut warnings = Vec::new();
        let cap = screening.constraints.max_ml_per_day;
        if drunk_ml > cap {
            warnings.push(screening.constraints.over_cap_finding(drunk_ml, &loc));
        }
        // Doses logged today after kefir inside their spacing window (M1–M3).
        warnings.extend(meds::stored_dose_warnings(c, start, end, &loc)?);
        if drinks.iter().any(|d| d.batch.as_ref().is_some_and(|b| b.spoiled())) {
            warnings.push(rule("H2").finding(&loc));
        }
        if drinks.iter().any(|d| d.source == Source::Homemade) {
            warnings.push(rule("H1").finding(&loc));
        }
        if drunk_ml > 0 {
            warnings.extend(plan::drinking_while_stopped(c, &loc)?);
        }
        for s in spacing.iter().filter(|s| s.blocked_now) {
            warnings.push(rule(&s.rule_id).finding_with(&format!("{}.", s.message), &loc));
        }
        let blocked = self.restart_blockers(&screening, date, &zone, now)?;
        let headline = match (&decision, &blocked) {
            (Some(d), _) if d.kind == DecisionKind::Stop || d.kind == DecisionKind::Stopped => d.reason.clone(),
            (Some(d), _) if d.target_ml == 0 => d.reason.clone(),
            (Some(d), _) if drunk_ml >= d.target_ml => {
                loc.tr("today-done", &[("drunk", Arg::from(drunk_ml)), ("target", Arg::from(d.target_ml))])
            }
            (Some(d), _) => loc
                .tr("today-to-go", &[("target", Arg::from(d.target_ml)), ("left", Arg::from(d.target_ml - drunk_ml))]),
            (None, Some((reason, _))) => reasons::render(&loc, reason),
            (None, None) if needs_screening => loc.t("today-welcome"),
            (None, None) => loc.t("today-ready"),
        };
        crate::sort::sort_by(&mut warnings, |a, b| b.level.cmp(&a.level).then_with(|| a.rule_id.cmp(&b.rule_id)));
        Ok(Today {
            date: iso_date(date),
            time_zone: zone.name().to_string(),
            headline,
            drunk_ml,
            target_ml,
            remaining_ml: target_ml.map(|t| t.saturating_sub(drunk_ml)),
            drinks,
            decision,
            progress,
            warnings,
            spacing,
            checkin_due: !checkin_done,
            checkin_done,
            checkin: todays_checkin,
            yesterday: iso_date(yesterday),
            can_fill_yesterday: !yesterday_done,
            streak_days,
            needs_screening,
            allowed_kinds: screening.constraints.allowed_kinds.clone(),
            allowed_sources: screening.constraints.allowed_sources.clone(),
            screening_level: screening.level,
            may_start_plan: current.is_none() && blocked.is_none(),
            disclaimer: loc.t("disclaimer"),
        })
    }
}
