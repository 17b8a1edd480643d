//! Build the `Summary` record for a date range from the store.

use chrono::{Duration, NaiveDate};
use rusqlite::Connection;

use super::*;
use crate::checkin::Severity;
use crate::error::{CoreError, Result};
use crate::plan::{self, DecisionKind};
use crate::profile::Profile;
use crate::rhythm::is_on_target;
use crate::screening::Screening;
use crate::time::{iso_date, Zone};

/// Longest range a summary covers.
pub const MAX_SUMMARY_DAYS: i64 = 366 * 5;

pub(crate) fn build(
    c: &Connection,
    profile: &Profile,
    screening: &Screening,
    first: NaiveDate,
    last: NaiveDate,
    zone: &Zone,
    now: crate::time::Timestamp,
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
    let decisions = plan::decisions(c, first, last)?;

    // One row per local day.
    let mut days = Vec::new();
    let mut day = first;
    let (mut di, mut ci, mut pi) = (0, 0, 0);
    while day <= last {
        let (_, day_end) = zone.day_bounds(day);
        let date = iso_date(day);
        let mut intake = 0;
        while di < drinks.len() && drinks[di].at < day_end {
            intake += drinks[di].ml;
            di += 1;
        }
        let mut decision = None;
        while pi < decisions.len() && decisions[pi].day == date {
            decision = Some(&decisions[pi]); // the newest plan's decision wins
            pi += 1;
        }
        let ck = (ci < checkins.len() && checkins[ci].day == date).then(|| {
            ci += 1;
            &checkins[ci - 1]
        });
        days.push(DayRow {
            date,
            intake_ml: intake,
            target_ml: decision.map(|d| d.target_ml),
            decision: decision.map(|d| d.kind),
            checked_in: ck.is_some(),
            worst_severity: ck.map(|k| k.symptoms.iter().map(|e| e.severity).max().unwrap_or(Severity::None)),
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
                label: e.symptom.label().into(),
                snomed: e.symptom.snomed().map(str::to_string),
                severity: e.severity,
            });
        }
    }
    for r in &reactions {
        for e in &r.symptoms {
            symptom_reports.push(SymptomReport {
                at: r.at,
                date: iso_date(r.at.local_date(zone)),
                symptom: e.symptom,
                label: e.symptom.label().into(),
                snomed: e.symptom.snomed().map(str::to_string),
                severity: e.severity,
            });
        }
    }
    symptom_reports.sort_by(|a, b| a.at.cmp(&b.at).then(a.symptom.cmp(&b.symptom)));
    let mut symptoms: Vec<SymptomRow> = Vec::new();
    for s in crate::checkin::Symptom::ALL {
        let reports: Vec<&SymptomReport> = symptom_reports.iter().filter(|r| r.symptom == *s).collect();
        if reports.is_empty() {
            continue;
        }
        let mut dates: Vec<&str> = reports.iter().map(|r| r.date.as_str()).collect();
        dates.sort();
        dates.dedup();
        symptoms.push(SymptomRow {
            symptom: *s,
            label: s.label().into(),
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
    let describe = |es: &[crate::checkin::SymptomEntry]| {
        es.iter().map(|e| format!("{} ({})", e.symptom.label(), e.severity)).collect::<Vec<_>>().join(", ")
    };
    for k in checkins.iter().filter(|k| k.level >= crate::rules::Level::Consult) {
        red_flags.push(RedFlagRow {
            at: k.at,
            level: k.level,
            rule_ids: k.rule_ids.clone(),
            what: describe(&k.symptoms),
        });
    }
    for r in reactions.iter().filter(|r| r.level >= crate::rules::Level::Consult) {
        red_flags.push(RedFlagRow {
            at: r.at,
            level: r.level,
            rule_ids: r.rule_ids.clone(),
            what: describe(&r.symptoms),
        });
    }
    red_flags.sort_by_key(|r| r.at);
    let spacing_warnings = crate::meds::stored_dose_warnings(c, start, end)?;

    let plan_events = decisions
        .iter()
        .filter(|d| {
            !d.kind.is_routine() || (d.kind == DecisionKind::Hold && d.rule_ids.iter().any(|r| r.starts_with('S')))
        })
        .map(|d| PlanEventRow {
            date: d.day.clone(),
            decision: d.kind,
            target_ml: d.target_ml,
            reason: d.reason.clone(),
            rule_ids: d.rule_ids.clone(),
        })
        .collect();

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
    kinds.sort_by_key(|k| k.kind);
    sources.sort_by_key(|s| s.source);

    let c2 = &screening.constraints;
    let spacing = c2
        .spacing
        .iter()
        .map(|s| {
            format!(
                "{}: kefir {} h after a dose, {} h before the next ({})",
                s.medicine.label(),
                s.kefir_after_dose_hours,
                s.kefir_before_dose_hours,
                s.rule_id
            )
        })
        .collect();
    let conditions: Vec<CodedItem> = profile
        .conditions
        .iter()
        .map(|c| CodedItem {
            code: c.as_str().into(),
            label: c.label().into(),
            snomed: c.snomed().map(str::to_string),
            is_allergy: *c == crate::profile::Condition::MilkProteinAllergy,
        })
        .collect();
    let medicines = profile
        .medicines
        .iter()
        .map(|m| CodedItem { code: m.as_str().into(), label: m.label().into(), snomed: None, is_allergy: false })
        .collect();

    Ok(Summary {
        app_version: crate::APP_VERSION.into(),
        generated_at: now,
        time_zone: zone.name().into(),
        from_date: iso_date(first),
        to_date: iso_date(last),
        display_name: profile.display_name.clone(),
        age_band: Some(profile.age_band.label().to_string()),
        screening_level: screening.level,
        findings: screening.findings.clone(),
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
        disclaimer: DISCLAIMER.into(),
    })
}
