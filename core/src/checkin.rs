//! Daily check-ins: a 4-level severity per symptom and the Bristol stool
//! type (S1–S8 are evaluated from them in `rules`).

use serde::{Deserialize, Serialize};

pub use crate::vocab::{Severity, Symptom, SymptomEntry};

use chrono::{Duration, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::{CoreError, Result};
use crate::l10n::{Arg, Locale};
use crate::profile::Profile;
use crate::rules::{in_sentence, overall, symptom_findings, Finding, Level, SymptomContext};
use crate::text::check_note;
use crate::time::{iso_date, parse_iso_date, Timestamp, Zone};
use crate::vocab::Labelled;

/// A daily check-in as entered. Symptoms not listed count as `none`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CheckinInput {
    /// The local day it is for, ISO `YYYY-MM-DD`: today or yesterday.
    pub day: String,
    pub symptoms: Vec<SymptomEntry>,
    /// Bristol Stool Form Scale type 1–7, if the person recorded one.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub bristol: Option<u8>,
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub note: Option<String>,
}

/// A stored check-in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Checkin {
    pub id: i64,
    pub day: String,
    /// When it was last saved.
    pub at: Timestamp,
    /// Only symptoms above `none`, in a fixed order.
    pub symptoms: Vec<SymptomEntry>,
    pub bristol: Option<u8>,
    pub note: Option<String>,
    pub level: Level,
    pub rule_ids: Vec<String>,
}

/// A reaction reported outside the daily check-in ("report a reaction now").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ReactionInput {
    pub at: Timestamp,
    pub symptoms: Vec<SymptomEntry>,
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Reaction {
    pub id: i64,
    pub at: Timestamp,
    pub symptoms: Vec<SymptomEntry>,
    pub note: Option<String>,
    pub level: Level,
    pub rule_ids: Vec<String>,
}

/// What an emergency screen shows, in order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct EmergencyScreen {
    pub title: String,
    /// What to do now, in order.
    pub steps: Vec<String>,
    pub rule_ids: Vec<String>,
    pub disclaimer: String,
    /// The emergency numbers to offer a "call" button for, most useful
    /// first, digits only: from the locale's region where the app knows it
    /// ([`emergency_numbers`]), else `["112"]` (the GSM emergency number
    /// mobile phones connect in most countries) while the steps tell the
    /// person to call their local emergency number.
    pub call_numbers: Vec<String>,
}

/// The emergency numbers of a region (ISO 3166 code as in `en-GB`), most
/// useful first, and whether the region is known. A small table, not a
/// directory: 112 across the EU/EEA, Switzerland, the UK (beside 999),
/// Russia, Ukraine, Belarus, Kazakhstan and Turkey; 911 in the US, Canada
/// and Mexico; 999 first in the UK and Ireland; 000 in Australia (112 from
/// mobiles); 111 in New Zealand. Unknown or absent region: `["112"]`,
/// not known.
pub fn emergency_numbers(region: Option<&str>) -> (Vec<String>, bool) {
    const EU_112: &[&str] = &[
        "AT", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IS", "IT", "LI",
        "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK", "RU", "UA", "BY", "KZ", "TR",
    ];
    let nums: &[&str] = match region.map(str::to_ascii_uppercase).as_deref() {
        // 112 is always offered second: the locale's region is a setting
        // (often the language's country, e.g. en-US for a user in Germany),
        // not where the phone is, and 112 reaches the emergency services
        // from mobile phones in most countries, including these.
        Some("US" | "CA" | "MX") => &["911", "112"],
        Some("GB" | "IE") => &["999", "112"],
        Some("AU") => &["000", "112"],
        Some("NZ") => &["111", "112"],
        Some(r) if EU_112.contains(&r) => &["112"],
        _ => return (vec!["112".to_string()], false),
    };
    (nums.iter().map(|n| n.to_string()).collect(), true)
}

/// The result of a check-in or a reaction report: the rules that fired
/// (S1–S8), the overall level, and for `emergency` the emergency screen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SymptomAssessment {
    pub level: Level,
    /// `level` in the caller's locale (catalogue `level-<code>`), e.g. "Stop".
    pub level_label: String,
    pub findings: Vec<Finding>,
    pub emergency: Option<EmergencyScreen>,
    /// One line for the UI, e.g. "Stop kefir now and call your local emergency number."
    pub headline: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CheckinResult {
    pub checkin: Checkin,
    pub assessment: SymptomAssessment,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ReactionResult {
    pub reaction: Reaction,
    pub assessment: SymptomAssessment,
}

/// Validate symptom entries: each symptom at most once. Returns the entries
/// above `none`, in the enum's order.
pub fn clean_entries(entries: &[SymptomEntry]) -> Result<Vec<SymptomEntry>> {
    let mut seen = std::collections::BTreeSet::new();
    for e in entries {
        if !seen.insert(e.symptom) {
            return Err(CoreError::invalid("symptoms", &format!("{} is listed more than once", e.symptom)));
        }
    }
    let mut out: Vec<SymptomEntry> = entries.iter().copied().filter(|e| e.severity > Severity::None).collect();
    crate::sort::sort_by_key(&mut out, |e| e.symptom);
    Ok(out)
}

pub fn check_bristol(b: Option<u8>) -> Result<()> {
    match b {
        Some(t) if !(1..=7).contains(&t) => {
            Err(CoreError::invalid("bristol", &format!("type {t} is outside the Bristol scale 1-7")))
        }
        _ => Ok(()),
    }
}

/// Bristol Stool Form Scale types that mean loose or watery stools
/// (type 6 "fluffy pieces, mushy", type 7 "watery, no solid pieces"; Lewis &
/// Heaton 1997). Product choice: they count as diarrhoea at least `mild`, so
/// one such day holds the step (S1) and two in a row step back (S2).
pub const BRISTOL_LOOSE: std::ops::RangeInclusive<u8> = 6..=7;

/// The symptoms the S-rules judge: the reported ones, plus diarrhoea at
/// least `mild` when the Bristol type is 6 or 7 (`BRISTOL_LOOSE`). Sorted by
/// symptom, none at `none`.
pub fn effective_entries(entries: &[SymptomEntry], bristol: Option<u8>) -> Vec<SymptomEntry> {
    let mut out: Vec<SymptomEntry> = entries.iter().copied().filter(|e| e.severity > Severity::None).collect();
    if bristol.is_some_and(|b| BRISTOL_LOOSE.contains(&b)) && !out.iter().any(|e| e.symptom == Symptom::Diarrhoea) {
        out.push(SymptomEntry { symptom: Symptom::Diarrhoea, severity: Severity::Mild });
        crate::sort::sort_by_key(&mut out, |e| e.symptom);
    }
    out
}

/// Turn findings into an assessment with the emergency screen when needed,
/// written in `loc`. `entries` are the symptoms reported: "No symptoms" is
/// said only when none is above `none`.
pub fn assess(findings: Vec<Finding>, entries: &[SymptomEntry], loc: &Locale) -> SymptomAssessment {
    let any_symptom = entries.iter().any(|e| e.severity > Severity::None);
    let level = overall(&findings);
    let mut findings = findings;
    if level >= Level::Stop {
        // A red flag stops kefir: no lower finding may suggest drinking on.
        for f in findings.iter_mut().filter(|f| f.level < Level::Stop) {
            f.advice = loc.tr("checkin-noted", &[("title", Arg::Str(in_sentence(loc, &f.title)))]);
        }
    }
    let emergency = (level == Level::Emergency).then(|| emergency_screen(&findings, loc));
    let headline = loc.t(match level {
        Level::Emergency => "checkin-headline-emergency",
        Level::Stop => "checkin-headline-stop",
        Level::Consult => "checkin-headline-consult",
        Level::Caution => "checkin-headline-caution",
        Level::Info if !any_symptom => "checkin-headline-none",
        Level::Info if findings.is_empty() => "checkin-headline-unruled",
        Level::Info => "checkin-headline-mild",
    });
    SymptomAssessment { level, level_label: level.label(loc), findings, emergency, headline }
}

fn emergency_screen(findings: &[Finding], loc: &Locale) -> EmergencyScreen {
    let ids: Vec<String> = findings.iter().filter(|f| f.level == Level::Emergency).map(|f| f.rule_id.clone()).collect();
    let infection = ids.iter().any(|i| i == "S7");
    let allergy = ids.iter().any(|i| i == "S5");
    let (call_numbers, known) = emergency_numbers(loc.region());
    let mut steps = vec![loc.t("emergency-stop")];
    if allergy {
        steps.push(if known {
            loc.tr("emergency-call-number", &[("number", Arg::Str(call_numbers[0].clone()))])
        } else {
            loc.t("emergency-call")
        });
        steps.push(loc.t("emergency-adrenaline"));
        steps.push(loc.t("emergency-position"));
        steps.push(loc.t("emergency-company"));
    }
    if infection {
        steps.push(loc.t("emergency-infection-care"));
        steps.push(loc.t("emergency-infection-tell"));
    }
    steps.push(loc.t("emergency-show-summary"));
    steps.push(loc.t("emergency-plan-stopped"));
    EmergencyScreen {
        title: loc.t(if allergy { "emergency-title-allergy" } else { "emergency-title-infection" }),
        steps,
        rule_ids: ids,
        disclaimer: loc.t("disclaimer"),
        call_numbers,
    }
}

// --- storage -----------------------------------------------------------------

fn encode_ids(findings: &[Finding]) -> String {
    findings.iter().map(|f| f.rule_id.as_str()).collect::<Vec<_>>().join(",")
}

fn entries_of(c: &Connection, checkin_id: i64) -> Result<Vec<SymptomEntry>> {
    let mut st = c.prepare_cached("SELECT symptom, severity FROM checkin_symptoms WHERE checkin_id = ?1")?;
    let rows = st.query_map([checkin_id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let mut out = Vec::new();
    for row in rows {
        let (s, v) = row?;
        out.push(SymptomEntry {
            symptom: Symptom::parse(&s).ok_or_else(|| CoreError::Internal(format!("stored symptom {s}")))?,
            severity: Severity::parse(&v).ok_or_else(|| CoreError::Internal(format!("stored severity {v}")))?,
        });
    }
    Ok(out) // build_checkin sorts
}

type CheckinRow = (i64, String, i64, Option<u8>, Option<String>, String, String);

fn checkin_from_row(c: &Connection, r: CheckinRow) -> Result<Checkin> {
    let entries = entries_of(c, r.0)?;
    build_checkin(r, entries)
}

/// A stored row and its symptoms (sorted here) as a `Checkin`.
fn build_checkin(r: CheckinRow, mut symptoms: Vec<SymptomEntry>) -> Result<Checkin> {
    let (id, day, at, bristol, note, level, ids) = r;
    crate::sort::sort_by_key(&mut symptoms, |e| e.symptom);
    Ok(Checkin {
        id,
        day,
        at: Timestamp::from_millis(at).ok_or_else(|| CoreError::Internal("stored time".into()))?,
        symptoms,
        bristol,
        note,
        level: Level::parse(&level).ok_or_else(|| CoreError::Internal(format!("stored level {level}")))?,
        rule_ids: crate::text::split_ids(&ids),
    })
}

const CHECKIN_COLS: &str = "id, day, at_ms, bristol, note, level, rule_ids";

fn read_checkin_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<CheckinRow> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?))
}

pub(crate) fn get_by_day(c: &Connection, day: NaiveDate) -> Result<Option<Checkin>> {
    let row = c
        .prepare_cached(&format!("SELECT {CHECKIN_COLS} FROM checkins WHERE day = ?1"))?
        .query_row([iso_date(day)], read_checkin_row)
        .optional()?;
    row.map(|r| checkin_from_row(c, r)).transpose()
}

/// Check-ins with `first <= day <= last`, oldest first.
pub(crate) fn list(c: &Connection, first: NaiveDate, last: NaiveDate) -> Result<Vec<Checkin>> {
    let range = [iso_date(first), iso_date(last)];
    let rows = c
        .prepare_cached(&format!("SELECT {CHECKIN_COLS} FROM checkins WHERE day >= ?1 AND day <= ?2 ORDER BY day"))?
        .query_map(range.clone(), read_checkin_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    // All their symptoms in one query, not one per check-in.
    let mut symptoms: std::collections::HashMap<i64, Vec<SymptomEntry>> = std::collections::HashMap::new();
    let mut st = c.prepare_cached(
        "SELECT s.checkin_id, s.symptom, s.severity FROM checkin_symptoms s JOIN checkins k ON k.id = s.checkin_id \
         WHERE k.day >= ?1 AND k.day <= ?2",
    )?;
    let mut q = st.query(range)?;
    while let Some(r) = q.next()? {
        let (id, sym, sev): (i64, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
        symptoms.entry(id).or_default().push(SymptomEntry {
            symptom: Symptom::parse(&sym).ok_or_else(|| CoreError::Internal(format!("stored symptom {sym}")))?,
            severity: Severity::parse(&sev).ok_or_else(|| CoreError::Internal(format!("stored severity {sev}")))?,
        });
    }
    rows.into_iter()
        .map(|r| {
            let entries = symptoms.remove(&r.0).unwrap_or_default();
            build_checkin(r, entries)
        })
        .collect()
}

/// The local days in `first..=last` that have a check-in.
pub(crate) fn days_with_checkin(
    c: &Connection,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<std::collections::BTreeSet<NaiveDate>> {
    let mut st = c.prepare_cached("SELECT day FROM checkins WHERE day >= ?1 AND day <= ?2")?;
    let days = st.query_map([iso_date(first), iso_date(last)], |r| r.get::<_, String>(0))?;
    let mut out = std::collections::BTreeSet::new();
    for d in days {
        out.insert(parse_iso_date("day", &d?).map_err(|_| CoreError::Internal("stored day".into()))?);
    }
    Ok(out)
}

/// When, at what level and with which rules every check-in of the range was
/// saved: what red-flag tracking needs, without the symptoms.
pub(crate) fn levels(
    c: &Connection,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<Vec<(Timestamp, Level, Vec<String>)>> {
    let mut st = c.prepare_cached("SELECT at_ms, level, rule_ids FROM checkins WHERE day >= ?1 AND day <= ?2")?;
    let rows = st
        .query_map([iso_date(first), iso_date(last)], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter()
        .map(|(at, level, ids)| {
            Ok((
                Timestamp::from_millis(at).ok_or_else(|| CoreError::Internal("stored time".into()))?,
                Level::parse(&level).ok_or_else(|| CoreError::Internal(format!("stored level {level}")))?,
                crate::text::split_ids(&ids),
            ))
        })
        .collect()
}

pub(crate) fn reactions(c: &Connection, from: Timestamp, to: Timestamp) -> Result<Vec<Reaction>> {
    let mut st = c.prepare_cached(
        "SELECT id, at_ms, symptoms_json, note, level, rule_ids FROM reactions WHERE at_ms >= ?1 AND at_ms < ?2 ORDER BY at_ms",
    )?;
    let rows = st
        .query_map(params![from.millis(), to.millis()], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter()
        .map(|(id, at, json, note, level, ids)| {
            Ok(Reaction {
                id,
                at: Timestamp::from_millis(at).ok_or_else(|| CoreError::Internal("stored time".into()))?,
                symptoms: serde_json::from_str(&json).map_err(|e| CoreError::Internal(e.to_string()))?,
                note,
                level: Level::parse(&level).ok_or_else(|| CoreError::Internal("stored level".into()))?,
                rule_ids: crate::text::split_ids(&ids),
            })
        })
        .collect()
}

/// Build the context the S-rules need for a report on `day`.
pub(crate) fn context_inputs(
    c: &Connection,
    day: NaiveDate,
    zone: &Zone,
    exclude_checkin_day: bool,
    reactions_before: Option<Timestamp>,
) -> Result<(Option<Vec<SymptomEntry>>, bool, bool)> {
    let prev = get_by_day(c, day - Duration::days(1))?.map(|ck| effective_entries(&ck.symptoms, ck.bristol));
    // S4 signs in the previous RECURRENCE_DAYS days (check-ins and reactions).
    let first = day - Duration::days(crate::rules::RECURRENCE_DAYS);
    let skin = |es: &[SymptomEntry]| {
        es.iter().any(|e| matches!(e.symptom, Symptom::SkinRedness | Symptom::Itching) && e.severity > Severity::None)
    };
    let mut recent = list(c, first, day)?
        .iter()
        .filter(|ck| !(exclude_checkin_day && ck.day == iso_date(day)))
        .any(|ck| skin(&ck.symptoms));
    let (window_start, _) = zone.day_bounds(first);
    let (day_start, day_end) = zone.day_bounds(day);
    let mut reaction_end = if exclude_checkin_day { day_start } else { day_end };
    if let Some(t) = reactions_before {
        // A reaction being re-evaluated (backup import) is not its own history.
        reaction_end = reaction_end.min(t);
    }
    recent |= reactions(c, window_start, reaction_end)?.iter().any(|r| skin(&r.symptoms));
    let (prev_start, _) = zone.day_bounds(day - Duration::days(1));
    let milk = crate::intake::list(c, prev_start, day_end)?.iter().any(|d| d.kind.is_milk());
    Ok((prev, recent, milk))
}

/// Validate, evaluate and store (insert or replace) the check-in of a day;
/// the assessment is written in `loc` (the stored row keeps level and rule ids).
pub(crate) fn save(
    c: &Connection,
    input: &CheckinInput,
    profile: &Profile,
    now: Timestamp,
    zone: &Zone,
    loc: &Locale,
) -> Result<(CheckinResult, Vec<Reassessed>)> {
    let day = parse_iso_date("day", &input.day)?;
    crate::rhythm::checkin_window(day, now.local_date(zone))?;
    let symptoms = clean_entries(&input.symptoms)?;
    check_bristol(input.bristol)?;
    let note = check_note("note", input.note.as_deref())?;
    let assessment = judge_checkin(c, day, &symptoms, input.bristol, zone, profile, loc)?;
    let tx = crate::store::write_tx(c)?;
    let existing: Option<i64> =
        tx.query_row("SELECT id FROM checkins WHERE day = ?1", [iso_date(day)], |r| r.get(0)).optional()?;
    let id = match existing {
        Some(id) => {
            tx.execute(
                "UPDATE checkins SET at_ms = ?2, bristol = ?3, note = ?4, level = ?5, rule_ids = ?6 WHERE id = ?1",
                params![
                    id,
                    now.millis(),
                    input.bristol,
                    note,
                    assessment.level.as_str(),
                    encode_ids(&assessment.findings)
                ],
            )?;
            tx.execute("DELETE FROM checkin_symptoms WHERE checkin_id = ?1", [id])?;
            id
        }
        None => {
            tx.execute(
                "INSERT INTO checkins (day, at_ms, bristol, note, level, rule_ids) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    iso_date(day),
                    now.millis(),
                    input.bristol,
                    note,
                    assessment.level.as_str(),
                    encode_ids(&assessment.findings)
                ],
            )?;
            tx.last_insert_rowid()
        }
    };
    for e in &symptoms {
        tx.execute(
            "INSERT INTO checkin_symptoms (checkin_id, symptom, severity) VALUES (?1, ?2, ?3)",
            params![id, e.symptom.as_str(), e.severity.as_str()],
        )?;
    }
    let raised = reassess_following(&tx, day, zone, profile, loc)?;
    tx.commit()?;
    let checkin = get_by_day(c, day)?.ok_or_else(|| CoreError::Internal("check-in vanished".into()))?;
    Ok((CheckinResult { checkin, assessment }, raised))
}

/// The assessment of a check-in for `day` with these symptoms and stool
/// type, judged against the stored days before it (Bristol 6-7 count as
/// loose stools, S1/S2).
fn judge_checkin(
    c: &Connection,
    day: NaiveDate,
    symptoms: &[SymptomEntry],
    bristol: Option<u8>,
    zone: &Zone,
    profile: &Profile,
    loc: &Locale,
) -> Result<SymptomAssessment> {
    let (prev, recent, milk) = context_inputs(c, day, zone, true, None)?;
    let judged = effective_entries(symptoms, bristol);
    let cx = SymptomContext {
        entries: &judged,
        previous_day: prev.as_deref(),
        skin_signs_recently: recent,
        drank_milk_kefir: milk,
        profile,
    };
    Ok(assess(symptom_findings(&cx, loc), &judged, loc))
}

/// A check-in is judged against the days before it (the previous day's
/// symptoms for S1/S2, skin signs in the last `RECURRENCE_DAYS` days for the
/// S4 recurrence). A check-in saved for an earlier day after a later one
/// (yesterday's, or after the clock went back) changes that history, so the
/// stored check-ins of the following `RECURRENCE_DAYS` days are judged again
/// (level and rule ids), as a backup import judges every check-in: the
/// result never depends on the order the days were entered in. Returns the
/// check-ins whose judgement changed, with what they were before.
fn reassess_following(
    c: &Connection,
    day: NaiveDate,
    zone: &Zone,
    profile: &Profile,
    loc: &Locale,
) -> Result<Vec<Reassessed>> {
    let last = day + Duration::days(crate::rules::RECURRENCE_DAYS);
    let mut changed = Vec::new();
    for ck in list(c, day + Duration::days(1), last)? {
        let d = parse_iso_date("day", &ck.day)?;
        let a = judge_checkin(c, d, &ck.symptoms, ck.bristol, zone, profile, loc)?;
        let ids: Vec<String> = a.findings.iter().map(|f| f.rule_id.clone()).collect();
        if a.level == ck.level && ids == ck.rule_ids {
            continue;
        }
        c.execute(
            "UPDATE checkins SET level = ?2, rule_ids = ?3 WHERE id = ?1",
            params![ck.id, a.level.as_str(), encode_ids(&a.findings)],
        )?;
        changed.push(Reassessed {
            before: (ck.level, ck.rule_ids.clone()),
            checkin: Checkin { level: a.level, rule_ids: ids, ..ck },
        });
    }
    Ok(changed)
}

/// A stored check-in judged again after an earlier day changed.
pub(crate) struct Reassessed {
    /// Level and rule ids before.
    pub before: (Level, Vec<String>),
    /// The check-in as stored now.
    pub checkin: Checkin,
}

/// Validate, evaluate and store a reaction report; red flags are evaluated
/// now. The assessment is written in `loc`.
pub(crate) fn report_reaction(
    c: &Connection,
    input: &ReactionInput,
    profile: &Profile,
    now: Timestamp,
    zone: &Zone,
    loc: &Locale,
) -> Result<ReactionResult> {
    crate::time::check_event_time("at", input.at, now)?;
    let symptoms = clean_entries(&input.symptoms)?;
    if symptoms.is_empty() {
        return Err(CoreError::invalid("symptoms", "a reaction needs at least one symptom above none"));
    }
    let note = check_note("note", input.note.as_deref())?;
    let day = input.at.local_date(zone);
    let (prev, recent, milk) = context_inputs(c, day, zone, false, None)?;
    let cx = SymptomContext {
        entries: &symptoms,
        previous_day: prev.as_deref(),
        skin_signs_recently: recent,
        drank_milk_kefir: milk,
        profile,
    };
    let assessment = assess(symptom_findings(&cx, loc), &symptoms, loc);
    let json = serde_json::to_string(&symptoms).map_err(|e| CoreError::Internal(e.to_string()))?;
    c.execute(
        "INSERT INTO reactions (at_ms, symptoms_json, note, level, rule_ids) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![input.at.millis(), json, note, assessment.level.as_str(), encode_ids(&assessment.findings)],
    )?;
    let reaction = Reaction {
        id: c.last_insert_rowid(),
        at: input.at,
        symptoms,
        note,
        level: assessment.level,
        rule_ids: assessment.findings.iter().map(|f| f.rule_id.clone()).collect(),
    };
    Ok(ReactionResult { reaction, assessment })
}
