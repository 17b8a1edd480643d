//! Build the `Summary` record for a date range from the store. Facts come
//! from the period: the profile versions in force during the range, the
//! stored plan events of its days, and limits recomputed from the stored
//! drinks and doses against the profile in force when each was logged.

use chrono::{Duration, NaiveDate};
use rusqlite::{Connection, OptionalExtension};

use super::*;
use crate::error::{CoreError, Result};
use crate::intake::Drink;
use crate::l10n::Locale;
use crate::meds::Dose;
use crate::plan::{self, DayDecision, DecisionKind};
use crate::profile::{ClinicianAck, Profile, ProfileVersion};
use crate::rhythm::is_on_target;
use crate::rules::{forbidding_rules, rule, Level};
use crate::screening::{constraints_for, screen};
use crate::time::{iso_date, Timestamp, Zone};
use crate::vocab::Labelled;
use crate::vocab::Severity;

/// Hours around a dose that a spacing window can reach (the longest M1–M3
/// window is 6 h; one more, as `meds::relevant_doses`).
const SPACING_REACH_H: i64 = 7;

/// Longest range a summary covers.
pub const MAX_SUMMARY_DAYS: i64 = 366 * 5;

/// SQL for a random version-4 UUID (the same expression as schema v4).
pub(crate) const UUID_V4_SQL: &str = "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || \
    substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || \
    substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))";

/// The database's stable patient id: a random UUID stored in `settings`
/// under `patient_id` when the database is created or upgraded to schema 4.
/// Only a database without one (a wipe, an older backup replacing
/// everything) gets a new one here.
pub(crate) fn patient_id(c: &Connection) -> Result<String> {
    let read = |c: &Connection| -> Result<Option<String>> {
        Ok(c.query_row("SELECT value FROM settings WHERE key = 'patient_id'", [], |r| r.get(0)).optional()?)
    };
    if let Some(id) = read(c)? {
        return Ok(id);
    }
    c.execute(&format!("INSERT OR IGNORE INTO settings (key, value) SELECT 'patient_id', {UUID_V4_SQL}"), [])?;
    read(c)?.ok_or_else(|| CoreError::Internal("patient id not stored".into()))
}

/// How much a plan event says about the day: the most severe event of a
/// day decides its status (a stop beats a later hold on the same day).
pub fn event_rank(k: DecisionKind) -> u8 {
    match k {
        DecisionKind::Stop => 10,
        DecisionKind::Stopped => 9,
        DecisionKind::Pause => 8,
        DecisionKind::Paused => 7,
        DecisionKind::StepBack => 6,
        DecisionKind::Restart => 5,
        DecisionKind::Resume => 4,
        DecisionKind::Start => 3,
        DecisionKind::Hold => 2,
        DecisionKind::Advance => 1,
        DecisionKind::Maintain => 0,
    }
}

/// The version in force at `t`: the last one saved at or before it.
fn in_force(versions: &[ProfileVersion], t: Timestamp) -> Option<&ProfileVersion> {
    versions.iter().rev().find(|v| v.saved_at <= t)
}

fn describe_change(prev: Option<&Profile>, p: &Profile, loc: &Locale) -> String {
    let Some(prev) = prev else {
        let mut items: Vec<String> = p.conditions.iter().map(|c| c.label(loc)).collect();
        items.extend(p.medicines.iter().map(|m| m.label(loc)));
        return if items.is_empty() {
            loc.t("r-saved-empty")
        } else {
            loc.tr("r-saved-items", &[("items", items.join(", ").into())])
        };
    };
    let mut parts = Vec::new();
    for c in p.conditions.iter().filter(|c| !prev.conditions.contains(c)) {
        parts.push(loc.tr("r-added", &[("item", c.label(loc).into())]));
    }
    for c in prev.conditions.iter().filter(|c| !p.conditions.contains(c)) {
        parts.push(loc.tr("r-removed", &[("item", c.label(loc).into())]));
    }
    for m in p.medicines.iter().filter(|m| !prev.medicines.contains(m)) {
        parts.push(loc.tr("r-added", &[("item", m.label(loc).into())]));
    }
    for m in prev.medicines.iter().filter(|m| !p.medicines.contains(m)) {
        parts.push(loc.tr("r-removed", &[("item", m.label(loc).into())]));
    }
    if p.age_band != prev.age_band {
        parts.push(loc.tr("r-age-band", &[("band", p.age_band.label(loc).into())]));
    }
    if parts.is_empty() {
        loc.t("r-saved-again")
    } else {
        parts.join("; ")
    }
}

fn hm(t: Timestamp, zone: &Zone) -> String {
    t.local(zone).format("%Y-%m-%d %H:%M").to_string()
}

/// The summary of local days `first..=last`, its texts (labels, what
/// happened, spacing rules, advice) in `loc`, the report's language.
pub(crate) fn build(
    c: &Connection,
    first: NaiveDate,
    last: NaiveDate,
    zone: &Zone,
    now: Timestamp,
    loc: &Locale,
) -> Result<Summary> {
    if last < first {
        return Err(CoreError::invalid("to", "is before from"));
    }
    if (last - first).num_days() >= MAX_SUMMARY_DAYS {
        return Err(CoreError::invalid("to", "a summary covers at most five years"));
    }
    let (start, _) = zone.day_bounds(first);
    let (_, end) = zone.day_bounds(last);
    let drinks = crate::intake::list(c, start, end)?;
    let checkins = crate::checkin::list(c, first, last)?;
    let reactions = crate::checkin::reactions(c, start, end)?;
    let decisions = plan::decisions(c, first, last, loc)?;
    // Every plan event up to the range end: the status in force on each
    // day comes from them (a stopped or paused plan stores no more days).
    let early = NaiveDate::from_ymd_opt(1, 1, 1).unwrap_or(first);
    let plan_history = plan::events_in_range(c, early, last, loc)?;
    let first_iso = iso_date(first);
    let split = plan_history.partition_point(|e| e.event.day < first_iso);
    let mut run: Option<StatusRun> = None;
    for e in &plan_history[..split] {
        run = Some(StatusRun::next(run, e));
    }
    let mut hi = split;
    let patient_id = patient_id(c)?;

    // The profile versions in force during the range.
    let versions = crate::profile::history(c)?;
    let mut profile_changes = Vec::new();
    let mut prev: Option<&Profile> = None;
    for v in &versions {
        let before = v.saved_at < start;
        let next_saved_before_start = versions.iter().any(|w| w.saved_at > v.saved_at && w.saved_at < start);
        if v.saved_at < end && !(before && next_saved_before_start) {
            profile_changes.push(ProfileChange {
                saved_at: v.saved_at,
                date: iso_date(v.saved_at.local_date(zone)),
                before_range: before,
                what: describe_change(prev, &v.profile, loc),
            });
        }
        prev = Some(&v.profile);
    }
    let end_version = in_force(&versions, end.minus(Duration::milliseconds(1)));
    let has_profile = end_version.is_some();
    let profile = end_version.map(|v| v.profile.clone()).unwrap_or_default();
    let acks = crate::profile::acks(c)?;
    let ack_at_end: Option<&ClinicianAck> = acks.iter().rev().find(|a| a.at < end);
    let screening = screen(&profile, ack_at_end, loc);

    // One row per local day.
    let mut days = Vec::new();
    let mut day = first;
    let (mut di, mut ci, mut pi, mut ri) = (0, 0, 0, 0);
    let mut had_reaction = false;
    while day <= last {
        let (_, day_end) = zone.day_bounds(day);
        let date = iso_date(day);
        let mut intake = 0;
        while di < drinks.len() && drinks[di].at < day_end {
            intake += drinks[di].ml;
            di += 1;
        }
        // Every stored event of the day; the most severe decides its status
        // (ties: the later plan's event).
        let mut decision: Option<DayDecision> = None;
        while pi < decisions.len() && decisions[pi].day == date {
            let d = &decisions[pi];
            if decision.as_ref().is_none_or(|w| event_rank(d.kind) >= event_rank(w.kind)) {
                decision = Some(d.clone());
            }
            pi += 1;
        }
        // The day's stored events (several a day are all kept): the most
        // severe decides the status; a day that began active, or had a start,
        // restart or resume before its stop or pause, keeps its planned amount.
        let began_active = run.as_ref().is_some_and(|r| r.status == plan::PlanStatus::Active);
        let mut go_ahead: Option<&plan::RangeEvent> = None;
        let mut stop_event: Option<&plan::RangeEvent> = None;
        while hi < plan_history.len() && plan_history[hi].event.day == date {
            let e = &plan_history[hi];
            match e.event.kind {
                DecisionKind::Start | DecisionKind::Restart | DecisionKind::Resume => go_ahead = Some(e),
                DecisionKind::Stop | DecisionKind::Pause
                    if stop_event.is_none_or(|w| event_rank(e.event.kind) >= event_rank(w.event.kind)) =>
                {
                    stop_event = Some(e);
                }
                _ => {}
            }
            if decision.as_ref().is_none_or(|w| event_rank(e.event.kind) > event_rank(w.kind)) {
                decision = Some(DayDecision {
                    day: date.clone(),
                    kind: e.event.kind,
                    kind_label: e.event.kind.label(loc),
                    target_ml: 0,
                    step: 1,
                    steps: plan::steps(e.start_ml, e.target_ml, e.step_ml).len() as u32,
                    reason: e.event.reason.clone(),
                    rule_ids: e.event.rule_ids.clone(),
                });
            }
            run = Some(StatusRun::next(run.take(), e));
            hi += 1;
        }
        if let Some(d) = decision.as_mut().filter(|d| matches!(d.kind, DecisionKind::Stop | DecisionKind::Pause)) {
            if d.target_ml == 0 && (began_active || go_ahead.is_some()) {
                let plan_of = stop_event.or(go_ahead);
                if let Some(e) = plan_of {
                    let steps = plan::steps(e.start_ml, e.target_ml, e.step_ml);
                    let i = if go_ahead.is_some_and(|g| g.event.kind != DecisionKind::Resume) {
                        0
                    } else {
                        (d.step.max(1) as usize - 1).min(steps.len().saturating_sub(1))
                    };
                    d.target_ml = steps.get(i).copied().unwrap_or(e.start_ml);
                }
            }
        }
        if decision.is_none() {
            // No stored day: a stopped or paused plan still stands.
            if let Some(r) = run.as_ref().filter(|r| r.status != plan::PlanStatus::Active) {
                decision = Some(DayDecision {
                    day: date.clone(),
                    kind: if r.status == plan::PlanStatus::Stopped {
                        DecisionKind::Stopped
                    } else {
                        DecisionKind::Paused
                    },
                    kind_label: if r.status == plan::PlanStatus::Stopped {
                        DecisionKind::Stopped
                    } else {
                        DecisionKind::Paused
                    }
                    .label(loc),
                    target_ml: 0,
                    step: 1,
                    steps: 1,
                    reason: r.reason.clone(),
                    rule_ids: r.rule_ids.clone(),
                });
            }
        }
        let decision = decision.as_ref();
        let ck = (ci < checkins.len() && checkins[ci].day == date).then(|| {
            ci += 1;
            &checkins[ci - 1]
        });
        // The day's symptoms: the check-in's and every reaction report's.
        let mut entries: Vec<SymptomEntry> = ck.map(|k| k.symptoms.clone()).unwrap_or_default();
        while ri < reactions.len() && reactions[ri].at < day_end {
            entries.extend(reactions[ri].symptoms.iter().copied());
            had_reaction = true;
            ri += 1;
        }
        let worst = entries.iter().map(|e| e.severity).max();
        let worst_severity = match (worst, ck.is_some() || had_reaction) {
            (Some(w), _) => Some(w),
            (None, true) => Some(Severity::None),
            (None, false) => None,
        };
        let mut worst_names: Vec<String> = Vec::new();
        for e in entries.iter().filter(|e| Some(e.severity) == worst && e.severity > Severity::None) {
            if !worst_names.contains(&e.symptom.label(loc)) {
                worst_names.push(e.symptom.label(loc));
            }
        }
        had_reaction = false;
        days.push(DayRow {
            date,
            intake_ml: intake,
            target_ml: decision.map(|d| d.target_ml),
            decision: decision.map(|d| d.kind),
            checked_in: ck.is_some(),
            worst_severity,
            worst_symptom: (!worst_names.is_empty()).then(|| worst_names.join(", ")),
            rule_ids: decision.map(|d| d.rule_ids.clone()).unwrap_or_default(),
            bristol: ck.and_then(|k| k.bristol),
        });
        day += Duration::days(1);
    }

    // Symptoms: per symptom, days present and worst severity; every report for FHIR.
    let mut symptom_reports = Vec::new();
    for k in &checkins {
        for e in &k.symptoms {
            symptom_reports.push(SymptomReport {
                at: k.at,
                date: k.day.clone(),
                symptom: e.symptom,
                label: e.symptom.label(loc),
                snomed: e.symptom.snomed().map(str::to_string),
                severity: e.severity,
                whole_day: true,
            });
        }
    }
    for r in &reactions {
        for e in &r.symptoms {
            symptom_reports.push(SymptomReport {
                at: r.at,
                date: iso_date(r.at.local_date(zone)),
                symptom: e.symptom,
                label: e.symptom.label(loc),
                snomed: e.symptom.snomed().map(str::to_string),
                severity: e.severity,
                whole_day: false,
            });
        }
    }
    crate::sort::sort_by(&mut symptom_reports, |a, b| a.at.cmp(&b.at).then(a.symptom.cmp(&b.symptom)));
    let mut symptoms: Vec<SymptomRow> = Vec::new();
    for s in crate::checkin::Symptom::ALL {
        let reports: Vec<&SymptomReport> = symptom_reports.iter().filter(|r| r.symptom == *s).collect();
        if reports.is_empty() {
            continue;
        }
        let mut dates: Vec<&str> = reports.iter().map(|r| r.date.as_str()).collect();
        crate::sort::sort(&mut dates);
        dates.dedup();
        symptoms.push(SymptomRow {
            symptom: *s,
            label: s.label(loc),
            snomed: s.snomed().map(str::to_string),
            days_present: dates.len() as u32,
            worst: reports.iter().map(|r| r.severity).max().unwrap_or(Severity::None),
        });
    }
    let mut bristol_counts = vec![0u32; 7];
    for k in &checkins {
        if let Some(b) = k.bristol {
            bristol_counts[(b - 1) as usize] += 1;
        }
    }
    let mut red_flags: Vec<RedFlagRow> = Vec::new();
    let describe = |es: &[SymptomEntry]| {
        es.iter()
            .map(|e| format!("{} ({})", e.symptom.label(loc), e.severity.label(loc).to_lowercase()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let flag =
        |at: Timestamp, level: Level, ids: &[String], es: &[SymptomEntry], note: &Option<String>, source: &str| {
            let last_drink = crate::intake::list(c, at.minus(Duration::hours(48)), at.plus(Duration::milliseconds(1)))?
                .into_iter()
                .next_back()
                .map(|d| DrinkRef { at: d.at, local_time: hm(d.at, zone), ml: d.ml, kind: d.kind, source: d.source });
            let advice = ids
                .iter()
                .filter(|id| crate::rules::RULES.iter().any(|r| r.id == id.as_str()))
                .map(|id| {
                    let r = rule(id);
                    format!("{} ({}): {}", r.title(loc), r.id, r.advice(loc))
                })
                .collect();
            Ok::<_, CoreError>(RedFlagRow {
                at,
                level,
                rule_ids: ids.to_vec(),
                what: describe(es),
                local_time: hm(at, zone),
                source: source.into(),
                symptoms: es.to_vec(),
                note: note.clone(),
                last_drink,
                advice,
            })
        };
    for k in checkins.iter().filter(|k| k.level >= Level::Consult) {
        red_flags.push(flag(k.at, k.level, &k.rule_ids, &k.symptoms, &k.note, "check-in")?);
    }
    for r in reactions.iter().filter(|r| r.level >= Level::Consult) {
        red_flags.push(flag(r.at, r.level, &r.rule_ids, &r.symptoms, &r.note, "reaction report")?);
    }
    crate::sort::sort_by_key(&mut red_flags, |r| r.at);
    let spacing_warnings = crate::meds::stored_dose_warnings(c, start, end, loc)?;

    // Plan events: every stored event of the range (none lost when several
    // happen on one day), plus the step-ups, step-backs and symptom holds of
    // the plan days.
    let mut plan_events: Vec<PlanEventRow> = decisions
        .iter()
        .filter(|d| {
            matches!(d.kind, DecisionKind::Advance | DecisionKind::StepBack)
                || (d.kind == DecisionKind::Hold && d.rule_ids.iter().any(|r| r.starts_with('S')))
        })
        .map(|d| PlanEventRow {
            date: d.day.clone(),
            decision: d.kind,
            decision_label: d.kind.label(loc),
            target_ml: d.target_ml,
            reason: d.reason.clone(),
            rule_ids: d.rule_ids.clone(),
        })
        .collect();
    for e in &plan_history[split..] {
        let target_ml = match e.event.kind {
            DecisionKind::Start | DecisionKind::Restart => e.start_ml,
            DecisionKind::Resume => decisions
                .iter()
                .find(|d| d.day == e.event.day && d.kind == DecisionKind::Resume)
                .map(|d| d.target_ml)
                .unwrap_or(0),
            _ => 0,
        };
        plan_events.push(PlanEventRow {
            date: e.event.day.clone(),
            decision: e.event.kind,
            decision_label: e.event.kind.label(loc),
            target_ml,
            reason: e.event.reason.clone(),
            rule_ids: e.event.rule_ids.clone(),
        });
    }
    plan_events.sort_by(|a, b| a.date.cmp(&b.date));

    let n = days.len() as u32;
    let with_intake: Vec<&DayRow> = days.iter().filter(|d| d.intake_ml > 0).collect();
    let total_ml: u32 = days.iter().map(|d| d.intake_ml).sum();
    let target_days: Vec<&DayRow> = days.iter().filter(|d| d.target_ml.is_some_and(|t| t > 0)).collect();
    let checkin_days = days.iter().filter(|d| d.checked_in).count() as u32;
    let totals = Totals {
        days: n,
        total_ml,
        drinks: drinks.len() as u32,
        days_with_intake: with_intake.len() as u32,
        mean_ml_on_intake_days: if with_intake.is_empty() {
            0
        } else {
            (total_ml as f64 / with_intake.len() as f64).round() as u32
        },
        max_day_ml: days.iter().map(|d| d.intake_ml).max().unwrap_or(0),
        checkin_days,
        checkin_adherence_pct: (checkin_days * 100).checked_div(n).unwrap_or(0),
        days_on_target: target_days.iter().filter(|d| is_on_target(d.intake_ml, d.target_ml.unwrap_or(0))).count()
            as u32,
        days_with_target: target_days.len() as u32,
    };
    let mut kinds: Vec<KindRow> = Vec::new();
    let mut sources: Vec<SourceRow> = Vec::new();
    for d in &drinks {
        match kinds.iter_mut().find(|k| k.kind == d.kind) {
            Some(k) => {
                k.ml += d.ml;
                k.drinks += 1;
            }
            None => kinds.push(KindRow { kind: d.kind, ml: d.ml, drinks: 1 }),
        }
        match sources.iter_mut().find(|s| s.source == d.source) {
            Some(s) => {
                s.ml += d.ml;
                s.drinks += 1;
            }
            None => sources.push(SourceRow { source: d.source, ml: d.ml, drinks: 1 }),
        }
    }
    crate::sort::sort_by_key(&mut kinds, |k| k.kind);
    crate::sort::sort_by_key(&mut sources, |s| s.source);

    let plan_status = run.map(|r| PlanStatusLine {
        status: r.status.as_str().into(),
        since: r.since,
        reason: r.reason,
        rule_ids: r.rule_ids,
        target_ml: match r.status {
            plan::PlanStatus::Active => days.iter().rev().find_map(|d| d.target_ml).unwrap_or(0),
            _ => 0,
        },
    });
    let doses = crate::meds::list(
        c,
        start.minus(Duration::hours(crate::meds::MAX_INTERVAL_HOURS as i64 + 6)),
        now.max(end).plus(Duration::hours(1)),
    )?;
    let courses = courses(&doses, &drinks, start, end, now, zone, loc);
    let breaches = breaches(&drinks, &days, &versions, &doses, &plan_history, zone, loc);
    let notes = notes(c, &drinks, &checkins, &reactions, &doses, &acks, start, end, zone)?;
    let clearance = ack_at_end.map(|a| ClearanceRow {
        at: a.at,
        date: iso_date(a.at.local_date(zone)),
        rule_ids: a.rule_ids.clone(),
        note: a.note.clone(),
    });

    let c2 = &screening.constraints;
    let spacing = c2
        .spacing
        .iter()
        .map(|s| {
            loc.tr(
                "r-spacing",
                &[
                    ("med", s.medicine.label(loc).into()),
                    ("after", s.kefir_after_dose_hours.into()),
                    ("before", s.kefir_before_dose_hours.into()),
                    ("rule", s.rule_id.as_str().into()),
                ],
            )
        })
        .collect();
    let conditions: Vec<CodedItem> = profile
        .conditions
        .iter()
        .map(|c| CodedItem {
            code: c.as_str().into(),
            label: c.label(loc),
            snomed: c.snomed().map(str::to_string),
            is_allergy: *c == crate::profile::Condition::MilkProteinAllergy,
        })
        .collect();
    let medicines = profile
        .medicines
        .iter()
        .map(|m| CodedItem { code: m.as_str().into(), label: m.label(loc), snomed: None, is_allergy: false })
        .collect();

    Ok(Summary {
        patient_id,
        has_profile,
        profile_changes,
        plan_status,
        courses,
        breaches,
        notes,
        clearance,
        app_version: crate::APP_VERSION.into(),
        generated_at: now,
        time_zone: zone.name().into(),
        from_date: iso_date(first),
        to_date: iso_date(last),
        display_name: end_version.or(versions.last()).and_then(|v| v.profile.display_name.clone()),
        age_band: has_profile.then(|| profile.age_band.label(loc)),
        screening_level: screening.level,
        screening_level_label: screening.level_label.clone(),
        findings: if has_profile { screening.findings.clone() } else { Vec::new() },
        constraints: ConstraintsSummary {
            max_ml_per_day: c2.max_ml_per_day,
            allowed_kinds: c2.allowed_kinds.clone(),
            allowed_sources: c2.allowed_sources.clone(),
            spacing,
            clinician_clearance_needed: screening.needs_clinician,
            clinician_cleared_on: screening.clinician_cleared_at.map(|t| iso_date(t.local_date(zone))),
        },
        conditions,
        medicines,
        days,
        plan_events,
        symptoms,
        symptom_reports,
        bristol_counts,
        red_flags,
        spacing_warnings,
        totals,
        kinds,
        sources,
        disclaimer: loc.t("disclaimer"),
    })
}

/// The plan's status in force after a run of events: the state, the day it
/// began, and the event(s) that began it (for a stop, every stop since the
/// last go-ahead: the rule ids of all, the reason of the most severe).
#[derive(Clone, Debug)]
struct StatusRun {
    status: plan::PlanStatus,
    since: String,
    reason: String,
    rule_ids: Vec<String>,
    level: Level,
}

impl StatusRun {
    fn next(prev: Option<StatusRun>, e: &plan::RangeEvent) -> StatusRun {
        let status = plan::status_after_event(e.event.kind);
        let fresh = StatusRun {
            status,
            since: e.event.day.clone(),
            reason: e.event.reason.clone(),
            rule_ids: e.event.rule_ids.clone(),
            level: e.event.level,
        };
        match prev {
            Some(mut r) if r.status == status && status == plan::PlanStatus::Stopped => {
                for id in &e.event.rule_ids {
                    if !r.rule_ids.contains(id) {
                        r.rule_ids.push(id.clone());
                    }
                }
                if e.event.level > r.level {
                    r.level = e.event.level;
                    r.reason = e.event.reason.clone();
                }
                r
            }
            Some(r) if r.status == status && status == plan::PlanStatus::Paused => r,
            _ => fresh,
        }
    }
}

/// Doses grouped into courses: same class and name, each dose within two
/// intervals (48 h without one) of the one before. Only courses with a dose
/// inside `start..end` are kept. A course is active while its last dose
/// foresees a next one that is not yet two intervals late at `now`.
fn courses(
    doses: &[Dose],
    drinks: &[Drink],
    start: Timestamp,
    end: Timestamp,
    now: Timestamp,
    zone: &Zone,
    loc: &Locale,
) -> Vec<MedCourse> {
    let mut groups: Vec<Vec<&Dose>> = Vec::new();
    for d in doses.iter().filter(|d| d.at <= now) {
        let key = |x: &Dose| (x.medicine, x.name.as_ref().map(|n| n.to_lowercase()));
        let open = groups.iter_mut().rev().find(|g| {
            let l = g[g.len() - 1];
            let gap = Duration::hours(l.interval_hours.map(|h| 2 * h as i64).unwrap_or(48).max(48));
            key(l) == key(d) && d.at <= l.at.plus(gap)
        });
        match open {
            Some(g) => g.push(d),
            None => groups.push(vec![d]),
        }
    }
    groups
        .into_iter()
        .filter(|g| g.iter().any(|d| d.at >= start && d.at < end))
        .map(|g| {
            // Dates and count inside the period; what lies outside is counted apart.
            let inside: Vec<&Dose> = g.iter().copied().filter(|d| d.at >= start && d.at < end).collect();
            let doses_before = g.iter().filter(|d| d.at < start).count() as u32;
            let doses_after = g.iter().filter(|d| d.at >= end).count() as u32;
            let (first, last) = (inside[0], inside[inside.len() - 1]);
            let overall_last = g[g.len() - 1];
            let mut intervals: Vec<u32> = g.iter().filter_map(|d| d.interval_hours).collect();
            crate::sort::sort(&mut intervals);
            let interval_hours = intervals.chunk_by(|a, b| a == b).max_by_key(|run| run.len()).map(|run| run[0]);
            let active =
                overall_last.interval_hours.is_some_and(|h| overall_last.at.plus(Duration::hours(2 * h as i64)) > now);
            let owned: Vec<Dose> = g.iter().map(|d| (*d).clone()).collect();
            // Only drinks near the course can be inside its windows (drinks are sorted).
            let from = first.at.minus(Duration::hours(SPACING_REACH_H));
            let to = last.at.plus(Duration::hours(last.interval_hours.unwrap_or(0) as i64 + SPACING_REACH_H));
            let (a, b) = (drinks.partition_point(|x| x.at < from), drinks.partition_point(|x| x.at <= to));
            let drinks_in_window = drinks[a..b.max(a)]
                .iter()
                .filter(|x| !crate::meds::drink_warnings(&owned, x.at, zone, loc).is_empty())
                .count() as u32;
            MedCourse {
                medicine: first.medicine,
                label: first.medicine.label(loc),
                name: g.iter().rev().find_map(|d| d.name.clone()),
                first_dose: first.at,
                last_dose: last.at,
                first_local: hm(first.at, zone),
                last_local: hm(last.at, zone),
                interval_hours,
                doses: inside.len() as u32,
                doses_before,
                doses_after,
                active,
                rule_id: crate::screening::spacing_rule_for(first.medicine).map(|r| r.rule_id),
                drinks_in_window,
            }
        })
        .collect()
}

/// Drinks against the screening in force when they were drunk (the default
/// profile before any was saved, as the app warned then): ruled-out kinds and
/// sources, days over the cap (D3), drinks inside spacing windows (M1–M3).
fn breaches(
    drinks: &[Drink],
    days: &[DayRow],
    versions: &[ProfileVersion],
    doses: &[Dose],
    stops: &[plan::RangeEvent],
    zone: &Zone,
    loc: &Locale,
) -> Vec<Breach> {
    // The rule ids of the stop in force at `t` (from the plan's events, by
    // the time each was recorded), if the plan was stopped then.
    let stopped_at = |t: Timestamp| -> Option<Vec<String>> {
        let mut state: Option<Vec<String>> = None;
        for e in stops.iter().filter(|e| e.event.at <= t) {
            match e.event.kind {
                DecisionKind::Stop => {
                    let ids = state.get_or_insert_with(Vec::new);
                    ids.extend(e.event.rule_ids.iter().filter(|id| !ids.contains(id)).cloned().collect::<Vec<_>>());
                }
                DecisionKind::Start | DecisionKind::Restart | DecisionKind::Resume => state = None,
                _ => {}
            }
        }
        state
    };
    let default = Profile::default();
    let profile_at = |t: Timestamp| in_force(versions, t).map(|v| &v.profile).unwrap_or(&default);
    let mut out = Vec::new();
    for d in drinks {
        let drink = |id: &str| {
            let source = d.source.label(loc).to_lowercase();
            let args = [
                ("ml", d.ml.into()),
                ("kind", d.kind.label(loc).into()),
                ("source", source.into()),
                ("at", hm(d.at, zone).into()),
            ];
            loc.tr(id, &args)
        };
        for id in forbidding_rules(profile_at(d.at), d.kind, d.source) {
            out.push(Breach {
                at: d.at,
                date: iso_date(d.at.local_date(zone)),
                rule_id: id.into(),
                what: drink("r-b-ruled-out"),
            });
        }
        // The doses the app looked at when the drink was logged
        // (meds::relevant_doses: a week and 6 h before, 7 h after; sorted).
        let from = d.at.minus(Duration::hours(crate::meds::MAX_INTERVAL_HOURS as i64 + 6));
        let to = d.at.plus(Duration::hours(SPACING_REACH_H));
        let (a, b) = (doses.partition_point(|x| x.at < from), doses.partition_point(|x| x.at < to));
        for f in crate::meds::drink_warnings(&doses[a..b.max(a)], d.at, zone, loc) {
            out.push(Breach {
                at: d.at,
                date: iso_date(d.at.local_date(zone)),
                rule_id: f.rule_id.clone(),
                what: drink("r-b-spacing"),
            });
        }
    }
    // D3: each drink against the cap in force when it was drunk (a limit
    // saved later that day does not apply to the morning's drinks); one
    // breach per local day, at the first drink that took the day over.
    let mut day_total: Option<(NaiveDate, u32, bool)> = None;
    for d in drinks {
        let date = d.at.local_date(zone);
        let (total, reported) = match day_total {
            Some((day, t, r)) if day == date => (t + d.ml, r),
            _ => (d.ml, false),
        };
        let cap = constraints_for(profile_at(d.at)).max_ml_per_day;
        let over = !reported && total > cap;
        day_total = Some((date, total, reported || over));
        if over {
            let iso = iso_date(date);
            let whole = days.iter().find(|r| r.date == iso).map(|r| r.intake_ml).unwrap_or(total);
            out.push(Breach {
                at: d.at,
                date: iso.clone(),
                rule_id: "D3".into(),
                what: loc.tr(
                    "r-b-cap",
                    &[
                        ("whole", whole.into()),
                        ("date", iso.as_str().into()),
                        ("total", total.into()),
                        ("at", d.at.local(zone).format("%H:%M").to_string().into()),
                        ("cap", cap.into()),
                    ],
                ),
            });
        }
    }
    // Drinks while the plan was stopped (the app said to stop kefir).
    for d in drinks {
        if let Some(ids) = stopped_at(d.at) {
            out.push(Breach {
                at: d.at,
                date: iso_date(d.at.local_date(zone)),
                rule_id: ids.first().cloned().unwrap_or_else(|| "D1".into()),
                what: loc.tr(
                    "r-b-stopped",
                    &[
                        ("ml", d.ml.into()),
                        ("kind", d.kind.label(loc).into()),
                        ("at", hm(d.at, zone).into()),
                        ("rules", ids.join(", ").into()),
                    ],
                ),
            });
        }
    }
    crate::sort::sort_by(&mut out, |a, b| a.date.cmp(&b.date).then(a.at.cmp(&b.at)).then(a.rule_id.cmp(&b.rule_id)));
    out
}

/// Every note typed in the range, oldest first.
#[allow(clippy::too_many_arguments)]
fn notes(
    _c: &Connection,
    drinks: &[Drink],
    checkins: &[crate::checkin::Checkin],
    reactions: &[crate::checkin::Reaction],
    doses: &[Dose],
    acks: &[ClinicianAck],
    start: Timestamp,
    end: Timestamp,
    zone: &Zone,
) -> Result<Vec<NoteRow>> {
    let mut out = Vec::new();
    let mut push = |at: Timestamp, date: String, source: &str, text: &Option<String>| {
        if let Some(t) = text.as_ref().filter(|t| !t.trim().is_empty()) {
            out.push(NoteRow { at, date, source: source.into(), text: t.clone() });
        }
    };
    let date = |t: Timestamp| iso_date(t.local_date(zone));
    for d in drinks {
        push(d.at, date(d.at), "drink", &d.note);
    }
    for k in checkins {
        push(k.at, k.day.clone(), "check-in", &k.note);
    }
    for r in reactions {
        push(r.at, date(r.at), "reaction", &r.note);
    }
    for d in doses.iter().filter(|d| d.at >= start && d.at < end) {
        push(d.at, date(d.at), "dose", &d.note);
    }
    for a in acks.iter().filter(|a| a.at >= start && a.at < end) {
        push(a.at, date(a.at), "clearance", &a.note);
    }
    crate::sort::sort_by(&mut out, |a, b| a.date.cmp(&b.date).then(a.at.cmp(&b.at)));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_severe_event_of_a_day_ranks_highest() {
        assert!(event_rank(DecisionKind::Stop) > event_rank(DecisionKind::Pause));
        assert!(event_rank(DecisionKind::Pause) > event_rank(DecisionKind::StepBack));
        assert!(event_rank(DecisionKind::StepBack) > event_rank(DecisionKind::Start));
        assert!(event_rank(DecisionKind::Start) > event_rank(DecisionKind::Hold));
    }
}
