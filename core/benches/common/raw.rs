//! Hand-written raw-SQLite baselines: plain rusqlite on its own connection,
//! prepared (cached) statements, only the columns the answer needs, no core
//! store code. Pure rule functions of the core (`screening::screen`,
//! `meds::statuses`) are reused so both sides compute the *same answer*; the
//! ratio core / raw is the cost of the core's store layer and structure.

use chrono::{Duration, NaiveDate};
use kefir_core::intake::{DayTotal, Drink, KefirKind, Source};
use kefir_core::meds::{statuses, Dose, SpacingStatus};
use kefir_core::time::{iso_date, Zone};
use kefir_core::{
    Checkin, ClinicianAck, DecisionKind, Level, MedClass, Profile, Severity, Symptom, SymptomEntry, Timestamp,
};
use rusqlite::{params, Connection, OptionalExtension};

/// The parts of `Today` a baseline can be checked against.
#[derive(Debug, PartialEq)]
pub struct TodayAnswer {
    pub date: String,
    pub drunk_ml: u32,
    pub drinks: Vec<Drink>,
    pub target_ml: Option<u32>,
    pub decision: Option<DecisionKind>,
    pub checkin_done: bool,
    pub checkin: Option<Checkin>,
    pub yesterday: String,
    pub can_fill_yesterday: bool,
    pub streak_days: u32,
    pub needs_screening: bool,
    pub spacing: Vec<SpacingStatus>,
    pub screening_level: Level,
    pub blocked: bool,
    pub headline: String,
}

impl TodayAnswer {
    pub fn of(t: &kefir_core::Today) -> TodayAnswer {
        TodayAnswer {
            date: t.date.clone(),
            drunk_ml: t.drunk_ml,
            drinks: t.drinks.clone(),
            target_ml: t.target_ml,
            decision: t.decision.as_ref().map(|d| d.kind),
            checkin_done: t.checkin_done,
            checkin: t.checkin.clone(),
            yesterday: t.yesterday.clone(),
            can_fill_yesterday: t.can_fill_yesterday,
            streak_days: t.streak_days,
            needs_screening: t.needs_screening,
            spacing: t.spacing.clone(),
            screening_level: t.screening_level,
            // The core shows the blocker only without a plan; with a plan the
            // headline comes from the decision. Compare the part it shows.
            blocked: false,
            headline: t.headline.clone(),
        }
    }
}

pub fn open(path: &std::path::Path) -> Connection {
    let c = Connection::open(path).expect("open raw");
    c.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")
        .expect("pragmas");
    c
}

fn drink_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Drink> {
    let kind: String = r.get(3)?;
    let source: String = r.get(4)?;
    let batch: Option<String> = r.get(6)?;
    Ok(Drink {
        id: r.get(0)?,
        at: Timestamp::from_millis(r.get(1)?).expect("time"),
        ml: r.get(2)?,
        kind: KefirKind::parse(&kind).expect("kind"),
        source: Source::parse(&source).expect("source"),
        note: r.get(5)?,
        batch: batch.map(|j| serde_json::from_str(&j).expect("batch")),
    })
}

const DRINKS: &str = "SELECT id, at_ms, ml, kind, source, note, batch_json FROM drinks \
                      WHERE at_ms >= ?1 AND at_ms < ?2 AND deleted_ms IS NULL ORDER BY at_ms, id";

/// Drinks with `from <= at < to`.
pub fn list_drinks(c: &Connection, from: Timestamp, to: Timestamp) -> Vec<Drink> {
    let mut st = c.prepare_cached(DRINKS).expect("prepare");
    st.query_map(params![from.millis(), to.millis()], drink_row).expect("query").map(|r| r.expect("row")).collect()
}

/// One total per local day from the day of `from` to the day of `to`.
pub fn daily_totals(c: &Connection, from: Timestamp, to: Timestamp, zone: &Zone) -> Vec<DayTotal> {
    let (first, last) = (from.local_date(zone), to.local_date(zone));
    let (start, _) = zone.day_bounds(first);
    let (_, end) = zone.day_bounds(last);
    let mut st = c
        .prepare_cached(
            "SELECT at_ms, ml FROM drinks WHERE at_ms >= ?1 AND at_ms < ?2 AND deleted_ms IS NULL ORDER BY at_ms",
        )
        .expect("prepare");
    let rows: Vec<(i64, u32)> = st
        .query_map(params![start.millis(), end.millis()], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("query")
        .map(|r| r.expect("row"))
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut day = first;
    while day <= last {
        let end_ms = zone.day_bounds(day).1.millis();
        let mut t = DayTotal { date: iso_date(day), ml: 0, drinks: 0 };
        while i < rows.len() && rows[i].0 < end_ms {
            t.ml += rows[i].1;
            t.drinks += 1;
            i += 1;
        }
        out.push(t);
        day = day.succ_opt().expect("date");
    }
    out
}

/// What the Today screen needs, for a day whose plan decision is stored.
pub fn today(c: &Connection, now: Timestamp, tz: &str) -> TodayAnswer {
    let zone = Zone::parse(tz).expect("zone");
    let date = now.local_date(&zone);
    // Screening: latest profile version and clinician acknowledgement.
    let stored: Option<Profile> = c
        .prepare_cached("SELECT profile_json FROM profile_versions ORDER BY id DESC LIMIT 1")
        .expect("prepare")
        .query_row([], |r| r.get::<_, String>(0))
        .optional()
        .expect("query")
        .map(|j| serde_json::from_str(&j).expect("profile"));
    let needs_screening = stored.is_none();
    let profile = stored.unwrap_or_default();
    let ack: Option<ClinicianAck> = c
        .prepare_cached("SELECT at_ms, rule_ids, note FROM clinician_acks ORDER BY id DESC LIMIT 1")
        .expect("prepare")
        .query_row([], |r| {
            let ids: String = r.get(1)?;
            Ok(ClinicianAck {
                at: Timestamp::from_millis(r.get(0)?).expect("time"),
                rule_ids: ids.split(',').filter(|s| !s.is_empty()).map(str::to_string).collect(),
                note: r.get(2)?,
            })
        })
        .optional()
        .expect("query");
    let screening = kefir_core::screening::screen(&profile, ack.as_ref(), &kefir_core::l10n::Locale::english());
    // The stored decision of the newest plan for today.
    let decision: Option<(u32, String, String)> = c
        .prepare_cached(
            "SELECT d.target_ml, d.decision, d.reason FROM plan_days d \
             WHERE d.plan_id = (SELECT max(id) FROM plans) AND d.day = ?1",
        )
        .expect("prepare")
        .query_row([iso_date(date)], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()
        .expect("query");
    let (start, end) = zone.day_bounds(date);
    let drinks = list_drinks(c, start, end);
    let drunk_ml: u32 = drinks.iter().map(|d| d.ml).sum();
    // Doses that can still matter now (the longest interval plus spacing).
    let doses: Vec<Dose> = c
        .prepare_cached(
            "SELECT id, at_ms, medicine, interval_hours, note, name FROM med_doses WHERE at_ms >= ?1 AND at_ms < ?2 ORDER BY at_ms, id",
        )
        .expect("prepare")
        .query_map(
            params![now.minus(Duration::hours(174)).millis(), now.plus(Duration::hours(7)).millis()],
            |r| {
                let m: String = r.get(2)?;
                Ok(Dose {
                    id: r.get(0)?,
                    at: Timestamp::from_millis(r.get(1)?).expect("time"),
                    medicine: MedClass::parse(&m).expect("medicine"),
                    interval_hours: r.get(3)?,
                    note: r.get(4)?,
                    name: r.get(5)?,
                })
            },
        )
        .expect("query")
        .map(|r| r.expect("row"))
        .collect();
    let spacing = statuses(&doses, now, &zone, &kefir_core::l10n::Locale::english());
    // Today's check-in, whole.
    let checkin: Option<Checkin> = c
        .prepare_cached("SELECT id, at_ms, bristol, note, level, rule_ids FROM checkins WHERE day = ?1")
        .expect("prepare")
        .query_row([iso_date(date)], |r| {
            let ids: String = r.get(5)?;
            let level: String = r.get(4)?;
            Ok(Checkin {
                id: r.get(0)?,
                day: iso_date(date),
                at: Timestamp::from_millis(r.get(1)?).expect("time"),
                symptoms: Vec::new(),
                bristol: r.get(2)?,
                note: r.get(3)?,
                level: Level::parse(&level).expect("level"),
                rule_ids: ids.split(',').filter(|s| !s.is_empty()).map(str::to_string).collect(),
            })
        })
        .optional()
        .expect("query")
        .map(|mut k| {
            let mut st = c
                .prepare_cached("SELECT symptom, severity FROM checkin_symptoms WHERE checkin_id = ?1")
                .expect("prepare");
            k.symptoms = st
                .query_map([k.id], |r| {
                    let (s, v): (String, String) = (r.get(0)?, r.get(1)?);
                    Ok(SymptomEntry {
                        symptom: Symptom::parse(&s).expect("symptom"),
                        severity: Severity::parse(&v).expect("severity"),
                    })
                })
                .expect("query")
                .map(|r| r.expect("row"))
                .collect();
            k.symptoms.sort_by_key(|e| e.symptom);
            k
        });
    let checkin_done = checkin.is_some();
    // Check-in days of the last 400 days, newest first: yesterday's, and
    // the streak (consecutive days ending today, or yesterday while today is
    // open). ISO days parsed by hand (fixed positions), not by a format string.
    let yesterday = date - Duration::days(1);
    let days: Vec<NaiveDate> = c
        .prepare_cached("SELECT day FROM checkins WHERE day >= ?1 AND day <= ?2 ORDER BY day DESC")
        .expect("prepare")
        .query_map([iso_date(date - Duration::days(400)), iso_date(date)], |r| {
            Ok(r.get_ref(0)?.as_str().ok().and_then(parse_day).expect("stored day"))
        })
        .expect("query")
        .map(|r| r.expect("row"))
        .collect();
    let yesterday_done = days.contains(&yesterday);
    let mut streak_days = 0;
    let start = if checkin_done { date } else { yesterday };
    let mut want = start;
    for d in days.iter().skip_while(|d| **d > start) {
        if *d != want {
            break;
        }
        streak_days += 1;
        want -= Duration::days(1);
    }
    // An open red flag in the last 30 days (check-ins and reactions).
    let first = date - Duration::days(30);
    let mut events: Vec<(i64, String, bool)> = c
        .prepare_cached("SELECT at_ms, level FROM checkins WHERE day >= ?1 AND day <= ?2")
        .expect("prepare")
        .query_map([iso_date(first), iso_date(date)], |r| Ok((r.get(0)?, r.get(1)?, true)))
        .expect("query")
        .map(|r| r.expect("row"))
        .collect();
    events.extend(
        c.prepare_cached("SELECT at_ms, level FROM reactions WHERE at_ms >= ?1 AND at_ms < ?2")
            .expect("prepare")
            .query_map(params![zone.day_bounds(first).0.millis(), end.millis()], |r| Ok((r.get(0)?, r.get(1)?, false)))
            .expect("query")
            .map(|r| r.expect("row")),
    );
    events.sort_by_key(|e| e.0);
    let mut open: Option<i64> = None;
    for (at, level, is_checkin) in &events {
        if Level::parse(level).expect("level") >= Level::Stop {
            open = Some(*at);
        } else if open.is_some_and(|t| *at > t) && *is_checkin {
            open = None;
        }
    }
    let blocked = open.is_some() || !screening.may_start;
    let (target_ml, kind, headline) = match &decision {
        Some((t, k, reason)) => {
            let kind = DecisionKind::parse(k).expect("decision");
            let headline = if matches!(kind, DecisionKind::Stop | DecisionKind::Stopped) || *t == 0 {
                reason.clone()
            } else if drunk_ml >= *t {
                format!("Done for today: {drunk_ml} of {t} ml.")
            } else {
                format!("Today: {t} ml of kefir, {} ml to go.", t - drunk_ml)
            };
            (Some(*t), Some(kind), headline)
        }
        None => (None, None, String::from("Ready when you are: start your plan.")),
    };
    TodayAnswer {
        date: iso_date(date),
        drunk_ml,
        drinks,
        target_ml,
        decision: kind,
        checkin_done,
        checkin,
        yesterday: iso_date(yesterday),
        can_fill_yesterday: !yesterday_done,
        streak_days,
        needs_screening,
        spacing,
        screening_level: screening.level,
        blocked: blocked && decision.is_none(),
        headline,
    }
}

/// `YYYY-MM-DD` by position.
fn parse_day(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let n = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |acc, &c| c.is_ascii_digit().then(|| acc * 10 + (c - b'0') as u32))
    };
    NaiveDate::from_ymd_opt(n(0..4)? as i32, n(5..7)?, n(8..10)?)
}

#[allow(dead_code)]
pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}
