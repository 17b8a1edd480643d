//! Reminder schedule: which local notifications the phone should have
//! pending, computed from the user's settings, the plan and the logged
//! doses. Pure and deterministic: `now` and the IANA zone come in, a sorted
//! list of instants with stable ids and ready-to-show text goes out. The
//! shells compute nothing; see `docs/reminders-for-shell-authors.md`.
//!
//! Time rules:
//! - A setting such as `20:00` is a local wall-clock time in
//!   `ReminderSettings::time_zone`, so it stays at 20:00 across DST changes
//!   and follows the user when they travel (recompute with the new zone).
//! - A time skipped by a spring-forward change fires at the first valid
//!   minute after it (02:30 → 03:00 in New York); a time that happens twice
//!   on a fall-back day fires once, at its first occurrence
//!   ([`Zone::resolve_local`]).
//! - Quiet hours `[quiet_start, quiet_end)` are local wall-clock times and
//!   may cross midnight. A notification whose fire time falls inside them
//!   moves to the end of that quiet window.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};

use crate::error::{CoreError, Result};
use crate::l10n::{Arg, Locale};
use crate::meds::SpacingStatus;
use crate::text::enum_str;
use crate::time::{iso_date, LocalInstants, Timestamp, Zone};
use crate::vocab::Labelled;

/// Most check-in reminder times a day.
pub const MAX_CHECKIN_TIMES: usize = 4;
/// How many local days ahead [`upcoming`] looks. Ids are unique over this
/// horizon (and beyond: they carry the full local date).
pub const HORIZON_DAYS: u64 = 400;
/// Most notifications one call to [`upcoming`] returns.
pub const MAX_UPCOMING: usize = 500;
/// Medicine rules whose spacing window can end in a "kefir allowed again" alert.
pub const SPACING_RULES: &[&str] = &["M1", "M2", "M3"];

enum_str! {
    /// A day of the week on which reminders fire.
    pub enum Weekday {
        Mon = "mon",
        Tue = "tue",
        Wed = "wed",
        Thu = "thu",
        Fri = "fri",
        Sat = "sat",
        Sun = "sun",
    }
}

impl Weekday {
    /// The weekday of a (local) date.
    pub fn of(date: NaiveDate) -> Weekday {
        match date.weekday() {
            chrono::Weekday::Mon => Weekday::Mon,
            chrono::Weekday::Tue => Weekday::Tue,
            chrono::Weekday::Wed => Weekday::Wed,
            chrono::Weekday::Thu => Weekday::Thu,
            chrono::Weekday::Fri => Weekday::Fri,
            chrono::Weekday::Sat => Weekday::Sat,
            chrono::Weekday::Sun => Weekday::Sun,
        }
    }
}

enum_str! {
    /// What a notification is about.
    pub enum NotificationKind {
        /// Time for the daily check-in (symptoms, stool type).
        Checkin = "checkin",
        /// Today's kefir amount, at the user's chosen time (D5).
        DrinkReminder = "drink_reminder",
        /// A medicine spacing window (M1–M3) has ended: kefir is allowed again.
        SpacingEnded = "spacing_ended",
    }
}

/// The user's reminder settings, as stored and as edited by the shells.
/// Times are local wall-clock `HH:MM` in `time_zone`. Check with
/// [`ReminderSettings::validate`]; [`ValidSettings::to_settings`] gives the
/// normalised form to persist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(default)]
pub struct ReminderSettings {
    /// Check-in reminder times, `HH:MM`, 1–4 distinct entries.
    pub checkin_times: Vec<String>,
    /// Days on which check-in and drink reminders fire; at least one.
    pub days: Vec<Weekday>,
    /// Start of quiet hours, `HH:MM`; set both ends or neither.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub quiet_start: Option<String>,
    /// End of quiet hours, `HH:MM` (exclusive; may be earlier than the start,
    /// for a window that crosses midnight).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub quiet_end: Option<String>,
    /// Daily drink reminder, `HH:MM`; `None` turns it off. D5 suggests the
    /// morning or after a main meal.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub drink_reminder: Option<String>,
    /// Alert when a medicine spacing window (M1–M3) ends.
    pub spacing_alerts: bool,
    /// IANA zone the times are read in, e.g. `Europe/London`.
    pub time_zone: String,
    /// Show the full text of reminders on the lock screen (off by default:
    /// the lock screen shows only each notification's public version, see
    /// [`Notification::private`]). Settings stored before this field
    /// existed read as off (`#[serde(default)]`).
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub full_text_on_lock_screen: bool,
}

impl Default for ReminderSettings {
    /// Check-in at 20:00 every day, drink reminder at 08:30 (morning, D5),
    /// spacing alerts on, no quiet hours, UTC.
    fn default() -> Self {
        ReminderSettings {
            checkin_times: vec!["20:00".to_string()],
            days: Weekday::ALL.to_vec(),
            quiet_start: None,
            quiet_end: None,
            drink_reminder: Some("08:30".to_string()),
            spacing_alerts: true,
            time_zone: "UTC".to_string(),
            full_text_on_lock_screen: false,
        }
    }
}

/// A quiet-hours window `[start, end)` on the local wall clock. `start > end`
/// means it crosses midnight; `start == end` is rejected by validation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuietHours {
    pub start: NaiveTime,
    pub end: NaiveTime,
}

impl QuietHours {
    /// Whether a local time of day lies inside the window.
    pub fn contains(&self, t: NaiveTime) -> bool {
        if self.start < self.end {
            self.start <= t && t < self.end
        } else {
            t >= self.start || t < self.end
        }
    }

    /// The local date on which the window containing `local` ends.
    fn end_date(&self, local: NaiveDateTime) -> NaiveDate {
        if self.start > self.end && local.time() >= self.start {
            local.date().succ_opt().unwrap_or(local.date())
        } else {
            local.date()
        }
    }
}

/// Settings that passed [`ReminderSettings::validate`], parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidSettings {
    checkin_times: Vec<NaiveTime>,
    days: BTreeSet<Weekday>,
    quiet: Option<QuietHours>,
    drink_reminder: Option<NaiveTime>,
    spacing_alerts: bool,
    zone: Zone,
    full_text_on_lock_screen: bool,
}

impl ValidSettings {
    /// Check-in times, sorted.
    pub fn checkin_times(&self) -> &[NaiveTime] {
        &self.checkin_times
    }
    pub fn days(&self) -> &BTreeSet<Weekday> {
        &self.days
    }
    pub fn quiet_hours(&self) -> Option<QuietHours> {
        self.quiet
    }
    pub fn drink_reminder(&self) -> Option<NaiveTime> {
        self.drink_reminder
    }
    pub fn spacing_alerts(&self) -> bool {
        self.spacing_alerts
    }
    pub fn zone(&self) -> &Zone {
        &self.zone
    }
    pub fn full_text_on_lock_screen(&self) -> bool {
        self.full_text_on_lock_screen
    }

    /// The normalised settings to persist: zero-padded `HH:MM`, check-in
    /// times sorted, days in week order, blank optional times as `None`.
    pub fn to_settings(&self) -> ReminderSettings {
        ReminderSettings {
            checkin_times: self.checkin_times.iter().map(|t| hhmm(*t)).collect(),
            days: self.days.iter().copied().collect(),
            quiet_start: self.quiet.map(|q| hhmm(q.start)),
            quiet_end: self.quiet.map(|q| hhmm(q.end)),
            drink_reminder: self.drink_reminder.map(hhmm),
            spacing_alerts: self.spacing_alerts,
            time_zone: self.zone.name().to_string(),
            full_text_on_lock_screen: self.full_text_on_lock_screen,
        }
    }
}

impl ReminderSettings {
    /// Check every field; errors are `CoreError::Invalid` naming the field
    /// (`checkin_times`, `days`, `quiet_start`, `quiet_end`,
    /// `drink_reminder`, `time_zone`). Blank optional times count as unset.
    pub fn validate(&self) -> Result<ValidSettings> {
        let zone = Zone::parse(&self.time_zone)?;

        if self.checkin_times.is_empty() {
            return Err(CoreError::invalid("checkin_times", "needs at least one time"));
        }
        if self.checkin_times.len() > MAX_CHECKIN_TIMES {
            return Err(CoreError::invalid(
                "checkin_times",
                &format!("has {} times; at most {MAX_CHECKIN_TIMES} a day", self.checkin_times.len()),
            ));
        }
        let mut checkin_times = Vec::with_capacity(self.checkin_times.len());
        for s in &self.checkin_times {
            let t = parse_hhmm("checkin_times", s)?;
            if checkin_times.contains(&t) {
                return Err(CoreError::invalid("checkin_times", &format!("{} is listed twice", hhmm(t))));
            }
            checkin_times.push(t);
        }
        crate::sort::sort(&mut checkin_times);

        if self.days.is_empty() {
            return Err(CoreError::invalid("days", "choose at least one day"));
        }
        let mut days = BTreeSet::new();
        for d in &self.days {
            if !days.insert(*d) {
                return Err(CoreError::invalid("days", &format!("{d} is listed twice")));
            }
        }

        let quiet_start = parse_optional_hhmm("quiet_start", self.quiet_start.as_deref())?;
        let quiet_end = parse_optional_hhmm("quiet_end", self.quiet_end.as_deref())?;
        let quiet = match (quiet_start, quiet_end) {
            (None, None) => None,
            (Some(_), None) => {
                return Err(CoreError::invalid("quiet_end", "is missing: set both ends of quiet hours or neither"))
            }
            (None, Some(_)) => {
                return Err(CoreError::invalid("quiet_start", "is missing: set both ends of quiet hours or neither"))
            }
            (Some(start), Some(end)) if start == end => {
                return Err(CoreError::invalid(
                    "quiet_end",
                    &format!("equals quiet_start ({}); quiet hours need a start and a different end", hhmm(start)),
                ))
            }
            (Some(start), Some(end)) => Some(QuietHours { start, end }),
        };

        let drink_reminder = parse_optional_hhmm("drink_reminder", self.drink_reminder.as_deref())?;

        Ok(ValidSettings {
            checkin_times,
            days,
            quiet,
            drink_reminder,
            spacing_alerts: self.spacing_alerts,
            zone,
            full_text_on_lock_screen: self.full_text_on_lock_screen,
        })
    }
}

/// Parse a local time of day `HH:MM` (one-digit hours accepted), 00:00–23:59.
pub fn parse_hhmm(field: &str, s: &str) -> Result<NaiveTime> {
    let t = s.trim();
    let bad = || CoreError::invalid(field, &format!("'{t}' is not a time of day like 08:30 (00:00 to 23:59)"));
    let (h, m) = t.split_once(':').ok_or_else(bad)?;
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if !digits(h) || !digits(m) || h.len() > 2 || m.len() != 2 {
        return Err(bad());
    }
    let (h, m): (u32, u32) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    NaiveTime::from_hms_opt(h, m, 0).filter(|_| h < 24 && m < 60).ok_or_else(bad)
}

fn parse_optional_hhmm(field: &str, s: Option<&str>) -> Result<Option<NaiveTime>> {
    match s.map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) => parse_hhmm(field, t).map(Some),
    }
}

/// Zero-padded `HH:MM`.
fn hhmm(t: NaiveTime) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// A notification the shell schedules exactly as given. The core writes all
/// user-facing text; shells show `title` and `body` verbatim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Notification {
    /// Stable id: the same logical notification gets the same id on every
    /// recomputation, so scheduling it again replaces rather than duplicates.
    /// `checkin-YYYY-MM-DD-HHMM`, `drink-YYYY-MM-DD` (local dates in the
    /// settings zone) or `spacing-<dose id>`.
    pub id: String,
    pub fire_at: Timestamp,
    pub kind: NotificationKind,
    /// The full text, shown when the phone is unlocked (or on the lock
    /// screen too when `private` is false).
    pub title: String,
    pub body: String,
    /// The lock-screen version, in the same language: names no medicine,
    /// medicine class, symptom, amount or rule id ("Kefir Start" / "Time
    /// for your check-in", "A reminder from Kefir Start"; several merged
    /// parts: "2 reminders from Kefir Start"). Android: the public version
    /// (`setPublicVersion`) of a `VISIBILITY_PRIVATE` notification; iOS:
    /// the category's hidden-preview placeholder.
    pub public_title: String,
    pub public_body: String,
    /// Show only the public version on the lock screen: true unless the
    /// user's setting `full_text_on_lock_screen` is on (it is off by
    /// default). When false the full text may show there too (Android
    /// `VISIBILITY_PUBLIC`; iOS previews follow the system setting).
    pub private: bool,
}

/// The end of a medicine spacing window (M1–M3), computed by the rules from
/// a logged dose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpacingEnd {
    /// The logged dose this window belongs to; gives the notification id.
    pub dose_id: i64,
    /// First instant kefir is allowed again.
    pub allowed_from: Timestamp,
    /// `M1`, `M2` or `M3`.
    pub rule_id: String,
    /// Medicine as shown in the text, e.g. `Antibiotic` (`MedClass::label`).
    pub medicine: String,
}

impl SpacingEnd {
    /// The window of `s`, its medicine labelled in `loc`.
    pub fn of(s: &SpacingStatus, loc: &Locale) -> SpacingEnd {
        SpacingEnd {
            dose_id: s.dose_id,
            allowed_from: s.kefir_allowed_from,
            rule_id: s.rule_id.clone(),
            medicine: s.medicine.label(loc),
        }
    }

    /// The windows open at `now` among `meds::statuses(doses, now, zone)`:
    /// the ones blocking kefir now, medicines labelled in `loc`.
    pub fn from_statuses(statuses: &[SpacingStatus], loc: &Locale) -> Vec<SpacingEnd> {
        statuses.iter().filter(|s| s.blocked_now).map(|s| SpacingEnd::of(s, loc)).collect()
    }
}

/// What the schedule needs from the rest of the app (read from storage by
/// the caller).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReminderContext {
    /// The plan's target ml per local date. A date without an entry has no
    /// active plan: no drink reminder that day. Fill from yesterday through
    /// [`HORIZON_DAYS`] ahead, or as far as the plan goes.
    pub targets: BTreeMap<NaiveDate, u32>,
    /// Local dates whose check-in is already done: no check-in reminder for them.
    pub checkin_done: BTreeSet<NaiveDate>,
    /// Spacing windows from logged doses; ended ones are ignored.
    pub spacing_ends: Vec<SpacingEnd>,
    /// Local dates whose target is already drunk: no drink reminder for them.
    pub target_met: BTreeSet<NaiveDate>,
    /// The language of titles and bodies (English by default).
    pub locale: Locale,
}

impl ReminderContext {
    /// Fill `targets` for `days` local dates from `from`, asking `target_ml`
    /// (e.g. the plan's schedule) for each.
    pub fn fill_targets(&mut self, from: NaiveDate, days: u64, target_ml: impl Fn(NaiveDate) -> Option<u32>) {
        for date in from.iter_days().take(days as usize) {
            match target_ml(date) {
                Some(ml) => self.targets.insert(date, ml),
                None => self.targets.remove(&date),
            };
        }
    }
}

/// The next `count` notifications (at most [`MAX_UPCOMING`]) strictly after
/// `now`, sorted by `fire_at` then `id`, looking at most [`HORIZON_DAYS`]
/// local days ahead.
///
/// - Check-in: one per check-in time on each selected day, skipped for dates
///   in `ctx.checkin_done`. If quiet hours push it past midnight it says
///   yesterday's check-in is still open (it can be filled in until the end of
///   the next day, see `rhythm::checkin_window`).
/// - Drink reminder: one on each selected day with a target, giving that
///   day's target ml. If quiet hours push it past midnight, it is about the
///   day it fires on: that day's target and id, none if that day has no
///   target.
/// - Spacing: at most one, when the last active spacing window ends (kefir
///   is not "allowed again" while another dose's window is still open).
///   `spacing-<dose id>` names the dose whose window ends last (the highest
///   dose id on a tie).
pub fn upcoming(
    settings: &ReminderSettings,
    ctx: &ReminderContext,
    now: Timestamp,
    count: usize,
) -> Result<Vec<Notification>> {
    if count > MAX_UPCOMING {
        return Err(CoreError::invalid("count", &format!("is {count}; at most {MAX_UPCOMING}")));
    }
    let settings = settings.validate()?;
    let zone = settings.zone;
    let quiet = settings.quiet;

    let out_of_range = || CoreError::invalid("now", "is outside the supported range");
    let today = now.local_date(&zone);
    let first = today.checked_sub_days(Days::new(1)).ok_or_else(out_of_range)?;
    let last = today.checked_add_days(Days::new(HORIZON_DAYS)).ok_or_else(out_of_range)?;
    let horizon_end = zone.start_of_day(last.succ_opt().ok_or_else(out_of_range)?);

    let mut found: Vec<Notification> = Vec::new();
    let mut ids: HashSet<String> = HashSet::new();
    // Validate the spacing input even when alerts are off: bad input is a bug.
    let loc = &ctx.locale;
    let spacing = spacing_notification(&ctx.spacing_ends, now, &zone, quiet, loc)?;
    if let Some(n) = spacing.filter(|n| settings.spacing_alerts && n.fire_at <= horizon_end) {
        ids.insert(n.id.clone());
        found.push(n);
    }
    if count == 0 {
        return Ok(Vec::new());
    }

    for date in first.iter_days().take_while(|d| *d <= last) {
        if settings.days.contains(&Weekday::of(date)) {
            let day: Vec<Notification> = if ctx.checkin_done.contains(&date) {
                Vec::new()
            } else {
                settings.checkin_times.iter().map(|t| checkin(&zone, quiet, date, *t, loc)).collect()
            };
            let drink = settings
                .drink_reminder
                .and_then(|t| drink_reminder(&zone, quiet, date, t, &ctx.targets, loc))
                .filter(|n| !ctx.target_met.contains(&n.fire_at.local_date(&zone)))
                .map(|n| past_spacing_windows(n, &ctx.spacing_ends, now, &zone, quiet, loc));
            for n in day.into_iter().chain(drink) {
                if n.fire_at > now && ids.insert(n.id.clone()) {
                    found.push(n);
                }
            }
        }
        // Everything generated for later dates fires at or after the start
        // of the next local day, so what fires before it is final.
        if let Some(next) = date.succ_opt() {
            let settled = zone.start_of_day(next);
            if found.iter().filter(|n| n.fire_at < settled).count() >= count {
                break;
            }
        }
    }

    crate::sort::sort_by(&mut found, |a, b| (a.fire_at, &a.id).cmp(&(b.fire_at, &b.id)));
    let mut found = merge_same_instant(found, loc);
    found.truncate(count);
    // The lock screen shows only the public version unless the user asked
    // for the full text there.
    for n in &mut found {
        n.private = !settings.full_text_on_lock_screen;
    }
    Ok(found)
}

/// The lock-screen body of a notification of `kind`: "Time for your
/// check-in" for check-ins (today's or yesterday's), "A reminder from Kefir
/// Start" otherwise. Never a medicine, medicine class, symptom, amount or
/// rule id: the public version is what anyone holding the locked phone sees.
fn public_body(kind: NotificationKind, loc: &Locale) -> String {
    match kind {
        NotificationKind::Checkin => loc.t("reminder-public-checkin"),
        NotificationKind::DrinkReminder | NotificationKind::SpacingEnded => loc.t("reminder-public-body"),
    }
}

/// Notifications landing on the same instant (typically several deferred to
/// the end of quiet hours) become one: the first one's kind, the ids joined
/// with `+` (stable, since the inputs are sorted), titles and bodies joined.
/// The public version stays one short line: the parts' common public body,
/// or "2 reminders from Kefir Start" when they differ.
fn merge_same_instant(sorted: Vec<Notification>, loc: &Locale) -> Vec<Notification> {
    let mut out: Vec<Notification> = Vec::with_capacity(sorted.len());
    for n in sorted {
        match out.last_mut() {
            Some(m) if m.fire_at == n.fire_at => {
                m.id = format!("{}+{}", m.id, n.id);
                if !m.title.contains(&n.title) {
                    m.title = format!("{} · {}", m.title, n.title);
                }
                m.body = format!("{} {}", m.body, n.body);
                if m.public_body != n.public_body {
                    let parts = m.id.split('+').count();
                    m.public_body = loc.tr("reminder-public-several", &[("n", Arg::from(parts as u32))]);
                }
            }
            _ => out.push(n),
        }
    }
    out
}

/// A drink reminder never fires inside a medicine spacing window (M1–M3):
/// one that would (the windows in `ends` are open now and run until their
/// `allowed_from`) moves to the end of the last such window (then past
/// quiet hours), and says why.
fn past_spacing_windows(
    n: Notification,
    ends: &[SpacingEnd],
    now: Timestamp,
    zone: &Zone,
    quiet: Option<QuietHours>,
    loc: &Locale,
) -> Notification {
    if n.fire_at <= now {
        return n; // already due: not inside a window that is open from now on
    }
    let blocking: Vec<&SpacingEnd> = ends.iter().filter(|e| e.allowed_from > n.fire_at).collect();
    let Some(until) = blocking.iter().map(|e| e.allowed_from).max() else { return n };
    let mut rules: Vec<&str> = blocking.iter().map(|e| e.rule_id.as_str()).collect();
    crate::sort::sort(&mut rules);
    rules.dedup();
    let fire_at = defer_for_quiet(zone, quiet, until);
    Notification {
        fire_at,
        body: format!(
            "{} {}",
            n.body,
            loc.tr(
                "reminder-drink-moved",
                &[
                    ("time", Arg::from(fire_at.local(zone).format("%H:%M").to_string())),
                    ("rules", Arg::from(rules.join(", ")))
                ]
            )
        ),
        ..n
    }
}

/// The check-in reminder for local `date` at local time `t`.
fn checkin(zone: &Zone, quiet: Option<QuietHours>, date: NaiveDate, t: NaiveTime, loc: &Locale) -> Notification {
    let fire_at = fire_instant(zone, quiet, date.and_time(t));
    let (title, body) = if fire_at.local_date(zone) == date {
        (loc.t("reminder-checkin-title"), loc.t("reminder-checkin-body"))
    } else {
        (loc.t("reminder-yesterday-title"), loc.t("reminder-yesterday-body"))
    };
    Notification {
        id: format!("checkin-{}-{:02}{:02}", iso_date(date), t.hour(), t.minute()),
        fire_at,
        kind: NotificationKind::Checkin,
        title,
        body,
        public_title: loc.t("reminder-public-title"),
        public_body: public_body(NotificationKind::Checkin, loc),
        private: true,
    }
}

/// The drink reminder set for local `date` at local time `t`, if the day it
/// fires on has a target.
fn drink_reminder(
    zone: &Zone,
    quiet: Option<QuietHours>,
    date: NaiveDate,
    t: NaiveTime,
    targets: &BTreeMap<NaiveDate, u32>,
    loc: &Locale,
) -> Option<Notification> {
    let fire_at = fire_instant(zone, quiet, date.and_time(t));
    // Normally the same date; a quiet window crossing midnight can push the
    // reminder into the next day, and then it is about that day.
    let about = fire_at.local_date(zone);
    let ml = *targets.get(&about)?;
    Some(Notification {
        id: format!("drink-{}", iso_date(about)),
        fire_at,
        kind: NotificationKind::DrinkReminder,
        title: loc.t("reminder-drink-title"),
        body: loc.tr("reminder-drink-body", &[("ml", Arg::from(ml))]),
        public_title: loc.t("reminder-public-title"),
        public_body: public_body(NotificationKind::DrinkReminder, loc),
        private: true,
    })
}

/// The single "kefir allowed again" alert, when the last open spacing window ends.
fn spacing_notification(
    ends: &[SpacingEnd],
    now: Timestamp,
    zone: &Zone,
    quiet: Option<QuietHours>,
    loc: &Locale,
) -> Result<Option<Notification>> {
    for e in ends {
        if !SPACING_RULES.contains(&e.rule_id.as_str()) {
            return Err(CoreError::invalid(
                "spacing_ends",
                &format!("rule '{}' is not a spacing rule (expected one of: {})", e.rule_id, SPACING_RULES.join(", ")),
            ));
        }
    }
    // A dose is logged at or before now, so every window ending after now is
    // open now, and kefir is allowed again only when the last one ends.
    let Some(latest) = ends.iter().map(|e| e.allowed_from).filter(|t| *t > now).max() else { return Ok(None) };
    let mut last: Vec<&SpacingEnd> = ends.iter().filter(|e| e.allowed_from == latest).collect();
    crate::sort::sort_by_key(&mut last, |e| e.dose_id);
    let dose_id = last.last().map(|e| e.dose_id).unwrap_or_default();

    let mut medicines: Vec<String> = Vec::new();
    for e in &last {
        let m = e.medicine.trim();
        let m = if m.is_empty() { loc.t("reminder-your-medicine") } else { m.to_string() };
        if !medicines.contains(&m) {
            medicines.push(m);
        }
    }
    let rules: BTreeSet<&str> = last.iter().map(|e| e.rule_id.as_str()).collect();
    let body = loc.tr(
        "reminder-spacing-body",
        &[
            ("medicines", Arg::from(join_and(&medicines, loc))),
            ("rules", Arg::from(rules.into_iter().collect::<Vec<_>>().join(", "))),
        ],
    );

    // Spacing alerts respect quiet hours too: the window only sets the
    // earliest time kefir is allowed, and being woken at night to hear that
    // kefir may be drunk again helps nobody (D5 favours the morning anyway).
    // Later is still safe; a new dose logged meanwhile triggers a recompute.
    let fire_at = defer_for_quiet(zone, quiet, latest);
    Ok(Some(Notification {
        id: format!("spacing-{dose_id}"),
        fire_at,
        kind: NotificationKind::SpacingEnded,
        title: loc.t("reminder-spacing-title"),
        body,
        public_title: loc.t("reminder-public-title"),
        public_body: public_body(NotificationKind::SpacingEnded, loc),
        private: true,
    }))
}

/// "a", "a and b", "a, b and c" (the last joint from the catalogue).
fn join_and(items: &[String], loc: &Locale) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => {
            loc.tr("reminder-list-and", &[("init", Arg::from(init.join(", "))), ("last", Arg::from(last.as_str()))])
        }
    }
}

/// When a local wall-clock setting fires: resolved in the zone (DST gap →
/// first valid minute, repeated hour → first occurrence), then moved out of
/// quiet hours.
fn fire_instant(zone: &Zone, quiet: Option<QuietHours>, local: NaiveDateTime) -> Timestamp {
    defer_for_quiet(zone, quiet, zone.resolve_local(local))
}

/// Move an instant that falls inside quiet hours to the end of that window.
fn defer_for_quiet(zone: &Zone, quiet: Option<QuietHours>, at: Timestamp) -> Timestamp {
    let Some(q) = quiet else { return at };
    let mut at = at;
    // One move normally suffices. Only when the window's end is skipped by a
    // spring-forward change can the first valid minute after it lie inside
    // the next window (both ends in the gap); the next move is a day later.
    for _ in 0..3 {
        let local = at.local(zone).naive_local();
        if !q.contains(local.time()) {
            break;
        }
        at = resolve_at_or_after(zone, q.end_date(local).and_time(q.end), at);
    }
    at
}

/// Resolve a local time to the first of its instants at or after
/// `not_before` (on a fall-back day the window may end in the repeated
/// hour's second pass); a skipped time moves to the first valid minute.
fn resolve_at_or_after(zone: &Zone, local: NaiveDateTime, not_before: Timestamp) -> Timestamp {
    let t = match zone.instants(local) {
        LocalInstants::Single(t) => t,
        LocalInstants::Ambiguous(a, b) => {
            if a >= not_before {
                a
            } else {
                b
            }
        }
        LocalInstants::Skipped => zone.resolve_local(local),
    };
    t.max(not_before)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> NaiveTime {
        parse_hhmm("t", s).unwrap()
    }

    #[test]
    fn hhmm_parsing_is_strict() {
        assert_eq!(t("8:05"), NaiveTime::from_hms_opt(8, 5, 0).unwrap());
        assert_eq!(t(" 23:59 "), NaiveTime::from_hms_opt(23, 59, 0).unwrap());
        for bad in ["", "25:00", "24:00", "12:60", "12:5", "123:00", "12-00", "+1:00", "12:00:00", "ab:cd", "１２:00"]
        {
            assert!(parse_hhmm("t", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn quiet_hours_contain() {
        let night = QuietHours { start: t("22:00"), end: t("07:00") };
        assert!(night.contains(t("22:00")) && night.contains(t("23:59")) && night.contains(t("06:59")));
        assert!(!night.contains(t("07:00")) && !night.contains(t("21:59")) && !night.contains(t("12:00")));
        let nap = QuietHours { start: t("13:00"), end: t("15:00") };
        assert!(nap.contains(t("13:00")) && nap.contains(t("14:59")));
        assert!(!nap.contains(t("15:00")) && !nap.contains(t("12:59")) && !nap.contains(t("23:00")));
    }

    #[test]
    fn join_and_lists() {
        let v = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let en = Locale::parse("en").unwrap();
        assert_eq!(join_and(&v(&["a"]), &en), "a");
        assert_eq!(join_and(&v(&["a", "b"]), &en), "a and b");
        assert_eq!(join_and(&v(&["a", "b", "c"]), &en), "a, b and c");
        assert_eq!(join_and(&v(&["a", "b", "c"]), &Locale::parse("de").unwrap()), "a, b und c");
        assert_eq!(join_and(&v(&["a", "b"]), &Locale::parse("ru").unwrap()), "a и b");
    }
}
