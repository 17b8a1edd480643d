//! Medicine doses and kefir spacing (M1–M3): from logged doses the core
//! computes when kefir is allowed again and the last time before the next dose.

use chrono::Duration;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

use crate::error::{CoreError, Result};
use crate::l10n::{Arg, Locale, Msg};
use crate::profile::MedClass;
use crate::rules::{rule, Finding};
use crate::screening::{spacing_rule_for, SpacingRule};
use crate::text::check_note;
use crate::time::{check_event_time, Timestamp, Zone};
use crate::vocab::Labelled;

/// Longest dosing interval accepted, in hours (weekly).
pub const MAX_INTERVAL_HOURS: u32 = 168;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DoseInput {
    pub medicine: MedClass,
    pub at: Timestamp,
    /// Hours between doses (e.g. 8, 12, 24), to foresee the next dose.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub interval_hours: Option<u32>,
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub note: Option<String>,
    /// The medicine's name as the user typed it (e.g. "Amoxicillin"); one
    /// line of at most [`MAX_NAME_CHARS`] characters. Shown in the doctor summary.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub name: Option<String>,
}

/// Longest medicine name, in characters.
pub const MAX_NAME_CHARS: usize = 80;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Dose {
    pub id: i64,
    pub medicine: MedClass,
    pub at: Timestamp,
    pub interval_hours: Option<u32>,
    pub note: Option<String>,
    /// The name the user typed, if any.
    pub name: Option<String>,
}

/// A trimmed medicine name: `None` when empty; InvalidInput `name` when it
/// is longer than [`MAX_NAME_CHARS`] or has a line break or control character.
pub fn check_name(name: Option<&str>) -> Result<Option<String>> {
    let Some(n) = name.map(str::trim).filter(|n| !n.is_empty()) else { return Ok(None) };
    if n.chars().count() > MAX_NAME_CHARS || n.chars().any(char::is_control) {
        return Err(CoreError::invalid("name", &format!("must be one line of at most {MAX_NAME_CHARS} characters")));
    }
    Ok(Some(n.to_string()))
}

/// Where the person stands with one medicine's spacing window.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SpacingStatus {
    pub medicine: MedClass,
    pub rule_id: String,
    pub dose_id: i64,
    pub last_dose_at: Timestamp,
    /// Kefir is allowed again from this instant.
    pub kefir_allowed_from: Timestamp,
    /// The foreseen next dose, if the dose had an interval.
    pub next_dose_at: Option<Timestamp>,
    /// The last moment for kefir before that next dose.
    pub kefir_allowed_until: Option<Timestamp>,
    /// Kefir should not be taken right now.
    pub blocked_now: bool,
    /// Minutes until kefir is allowed (0 when allowed now).
    pub minutes_until_allowed: u32,
    /// Screen-ready line, e.g. "Antibiotic: kefir allowed again at 14:30 (M1)".
    pub message: String,
}

pub fn validate(input: &DoseInput, now: Timestamp) -> Result<Option<String>> {
    check_event_time("at", input.at, now)?;
    if let Some(h) = input.interval_hours {
        if h == 0 || h > MAX_INTERVAL_HOURS {
            return Err(CoreError::invalid("interval_hours", &format!("{h} h is outside 1-{MAX_INTERVAL_HOURS} h")));
        }
    }
    check_name(input.name.as_deref())?;
    check_note("note", input.note.as_deref())
}

pub(crate) fn insert(c: &Connection, input: &DoseInput, note: Option<String>) -> Result<Dose> {
    let name = check_name(input.name.as_deref())?;
    c.execute(
        "INSERT INTO med_doses (at_ms, medicine, interval_hours, note, name) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![input.at.millis(), input.medicine.as_str(), input.interval_hours, note, name],
    )?;
    Ok(Dose {
        id: c.last_insert_rowid(),
        medicine: input.medicine,
        at: input.at,
        interval_hours: input.interval_hours,
        note,
        name,
    })
}

/// Doses with `from <= at < to`, oldest first.
pub(crate) fn list(c: &Connection, from: Timestamp, to: Timestamp) -> Result<Vec<Dose>> {
    let mut st = c.prepare_cached(
        "SELECT id, at_ms, medicine, interval_hours, note, name FROM med_doses WHERE at_ms >= ?1 AND at_ms < ?2 ORDER BY at_ms, id",
    )?;
    let rows = st
        .query_map(params![from.millis(), to.millis()], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<u32>>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, Option<String>>(5)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter()
        .map(|(id, at, m, interval_hours, note, name)| {
            Ok(Dose {
                id,
                at: Timestamp::from_millis(at).ok_or_else(|| CoreError::Internal("stored time".into()))?,
                medicine: MedClass::parse(&m).ok_or_else(|| CoreError::Internal(format!("stored medicine {m}")))?,
                interval_hours,
                note,
                name,
            })
        })
        .collect()
}

/// How far around `t` a dose can matter: the longest spacing (6 h) plus the
/// longest interval (a week) for foreseen doses.
pub(crate) fn relevant_doses(c: &Connection, t: Timestamp) -> Result<Vec<Dose>> {
    list(c, t.minus(Duration::hours(MAX_INTERVAL_HOURS as i64 + 6)), t.plus(Duration::hours(7)))
}

/// Forbidden intervals `(start, end, rule)` around each dose and each foreseen next dose.
fn windows(doses: &[Dose]) -> Vec<(Timestamp, Timestamp, SpacingRule, &Dose)> {
    let mut out = Vec::new();
    for (i, d) in doses.iter().enumerate() {
        let Some(rule) = spacing_rule_for(d.medicine) else { continue };
        let before = Duration::hours(rule.kefir_before_dose_hours as i64);
        let after = Duration::hours(rule.kefir_after_dose_hours as i64);
        out.push((d.at.minus(before), d.at.plus(after), rule.clone(), d));
        // The foreseen next dose, unless a later dose of the same class was logged.
        let later_logged = doses[i + 1..].iter().any(|x| x.medicine == d.medicine);
        if let (Some(h), false) = (d.interval_hours, later_logged) {
            let next = d.at.plus(Duration::hours(h as i64));
            out.push((next.minus(before), next.plus(after), rule, d));
        }
    }
    out
}

/// Warnings for a drink at `t` that falls inside a spacing window, written
/// in `loc`: the rule's finding (M1-M3) with the window's local times first.
pub fn drink_warnings(doses: &[Dose], t: Timestamp, zone: &Zone, loc: &Locale) -> Vec<Finding> {
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for (start, end, sr, d) in windows(doses) {
        if t > start && t < end && !seen.contains(&sr.rule_id) {
            seen.push(sr.rule_id.clone());
            let detail = loc.tr(
                "spacing-drink-inside",
                &[
                    ("medicine", Arg::Str(d.medicine.as_str().into())),
                    ("start", Arg::Str(start.local(zone).format("%H:%M").to_string())),
                    ("end", Arg::Str(end.local(zone).format("%H:%M").to_string())),
                ],
            );
            out.push(rule(&sr.rule_id).finding_with(&detail, loc));
        }
    }
    out
}

/// One status per medicine class whose latest dose still matters at `now`
/// (its window is open, or a next dose is foreseen); messages in `loc`.
pub fn statuses(doses: &[Dose], now: Timestamp, zone: &Zone, loc: &Locale) -> Vec<SpacingStatus> {
    let mut latest: Vec<&Dose> = Vec::new();
    for d in doses.iter().filter(|d| d.at <= now) {
        if let Some(i) = latest.iter().position(|x| x.medicine == d.medicine) {
            latest[i] = d;
        } else {
            latest.push(d);
        }
    }
    let all_windows = windows(doses);
    let mut out = Vec::new();
    for d in latest {
        let Some(sr) = spacing_rule_for(d.medicine) else { continue };
        let allowed_from = d.at.plus(Duration::hours(sr.kefir_after_dose_hours as i64));
        let next = d.interval_hours.map(|h| d.at.plus(Duration::hours(h as i64)));
        let until = next.map(|n| n.minus(Duration::hours(sr.kefir_before_dose_hours as i64)));
        if allowed_from <= now && next.is_none_or(|n| n.plus(Duration::hours(24)) < now) {
            continue; // nothing left to count down
        }
        // Blocked if now sits in any window of this class.
        let blocking_end = all_windows
            .iter()
            .filter(|(s, e, r, _)| r.medicine == d.medicine && now > *s && now < *e)
            .map(|(_, e, _, _)| *e)
            .max();
        let minutes = blocking_end.map(|e| ((e.millis() - now.millis()) as f64 / 60_000.0).ceil() as u32).unwrap_or(0);
        let hm = |t: Timestamp| t.local(zone).format("%H:%M").to_string();
        let args = |id: &str, time: Option<Timestamp>| {
            let mut a = vec![("label", Arg::Str(d.medicine.label(loc))), ("rule", Arg::Str(sr.rule_id.clone()))];
            if let Some(t) = time {
                a.push(("time", Arg::Str(hm(t))));
            }
            loc.tr(id, &a)
        };
        let message = match (blocking_end, until) {
            (Some(e), _) => args("spacing-status-blocked", Some(e)),
            (None, Some(u)) if u > now => args("spacing-status-until", Some(u)),
            _ => args("spacing-status-allowed", None),
        };
        out.push(SpacingStatus {
            medicine: d.medicine,
            rule_id: sr.rule_id.clone(),
            dose_id: d.id,
            last_dose_at: d.at,
            kefir_allowed_from: blocking_end.unwrap_or(allowed_from),
            next_dose_at: next,
            kefir_allowed_until: until,
            blocked_now: blocking_end.is_some(),
            minutes_until_allowed: minutes,
            message,
        });
    }
    out
}

/// A dose logged after kefir (or logged late, with drinks after it): every
/// drink inside the dose's spacing window, both directions (M1–M3: kefir
/// `before` hours before the dose or `after` hours after it), naming the
/// drink (time, ml) and the rule. Language-neutral, for storage: returns
/// `(drink id, rule id, detail)`; [`breach_finding`] writes one in a locale.
pub(crate) fn dose_breaches(c: &Connection, dose: &Dose, zone: &Zone) -> Result<Vec<(i64, String, Msg)>> {
    let Some(sr) = spacing_rule_for(dose.medicine) else { return Ok(Vec::new()) };
    let start = dose.at.minus(Duration::hours(sr.kefir_before_dose_hours as i64));
    let end = dose.at.plus(Duration::hours(sr.kefir_after_dose_hours as i64));
    let mut out = Vec::new();
    for d in crate::intake::list(c, start, end)?.into_iter().filter(|d| d.at > start && d.at < end) {
        let minutes = (dose.at.millis() - d.at.millis()).unsigned_abs() / 60_000;
        let detail = breach_msg(BreachDetail {
            ml: d.ml,
            drink_at: d.at.local(zone).format("%Y-%m-%d %H:%M").to_string(),
            minutes,
            kefir_first: d.at <= dose.at,
            rule: &sr,
        });
        out.push((d.id, sr.rule_id.clone(), detail));
    }
    Ok(out)
}

/// What a spacing breach message names (see [`breach_msg`]).
pub struct BreachDetail<'a> {
    /// The drink's volume, ml.
    pub ml: u32,
    /// The drink's local time as written in the message (`YYYY-MM-DD HH:MM`).
    pub drink_at: String,
    /// Minutes between the drink and the dose.
    pub minutes: u64,
    /// The kefir came before the dose.
    pub kefir_first: bool,
    /// The spacing rule broken (M1-M3).
    pub rule: &'a SpacingRule,
}

/// The stored, language-neutral detail of a spacing breach (message
/// `spacing-dose-breach`): "Your 100 ml of kefir at 2026-03-01 07:00 was
/// 1 h 05 min before this antibiotic dose; M1 asks for kefir at least 3 h
/// before a dose or 3 h after it."
pub fn breach_msg(b: BreachDetail<'_>) -> Msg {
    let (h, m) = (b.minutes / 60, b.minutes % 60);
    Msg::new("spacing-dose-breach")
        .arg("ml", b.ml)
        .arg("at", b.drink_at)
        .arg("gap_h", Arg::Int(h as i64))
        .arg("gap_min", if h > 0 { format!("{m:02}") } else { m.to_string() })
        .arg("side", if b.kefir_first { "before" } else { "after" })
        .arg("medicine", b.rule.medicine.as_str())
        .arg("rule", b.rule.rule_id.as_str())
        .arg("before", b.rule.kefir_before_dose_hours)
        .arg("after", b.rule.kefir_after_dose_hours)
}

/// A spacing breach as a finding in `loc`: the rule's finding with the
/// stored detail first.
pub fn breach_finding(rule_id: &str, detail: &Msg, loc: &Locale) -> Finding {
    rule(rule_id).finding_with(&loc.msg(detail), loc)
}

/// [`dose_breaches`] as findings written in `loc`: `(drink id, finding)`.
pub(crate) fn dose_warnings(c: &Connection, dose: &Dose, zone: &Zone, loc: &Locale) -> Result<Vec<(i64, Finding)>> {
    Ok(dose_breaches(c, dose, zone)?.into_iter().map(|(id, r, m)| (id, breach_finding(&r, &m, loc))).collect())
}

/// Store the warnings found when a dose was logged (the summary and Today show them).
pub(crate) fn store_dose_warnings(c: &Connection, dose_id: i64, warnings: &[(i64, Finding)]) -> Result<()> {
    for (drink_id, f) in warnings {
        c.execute(
            "INSERT OR REPLACE INTO dose_warnings (dose_id, drink_id, rule_id, message) VALUES (?1, ?2, ?3, ?4)",
            params![dose_id, drink_id, f.rule_id, f.advice],
        )?;
    }
    Ok(())
}

/// Stored dose warnings of the doses with `from <= at < to`, oldest dose
/// first; the rule's title in `loc`, the stored message as advice.
pub fn stored_dose_warnings(c: &Connection, from: Timestamp, to: Timestamp, loc: &Locale) -> Result<Vec<Finding>> {
    let mut st = c.prepare_cached(
        "SELECT w.rule_id, w.message FROM dose_warnings w JOIN med_doses d ON d.id = w.dose_id \
         WHERE d.at_ms >= ?1 AND d.at_ms < ?2 ORDER BY d.at_ms, w.dose_id, w.drink_id",
    )?;
    let rows = st
        .query_map(params![from.millis(), to.millis()], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter()
        .map(|(id, message)| {
            let r = crate::rules::RULES
                .iter()
                .find(|r| r.id == id)
                .ok_or_else(|| CoreError::Internal(format!("stored rule {id}")))?;
            let mut f = r.finding(loc);
            f.advice = message;
            Ok(f)
        })
        .collect()
}
