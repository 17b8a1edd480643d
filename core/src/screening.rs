//! Screening: profile → overall level, findings and the constraints the rest
//! of the app obeys. Derived only from the rules table.

use serde::{Deserialize, Serialize};

use crate::intake::{KefirKind, Source};
use crate::l10n::{Arg, Locale};
use crate::profile::{ClinicianAck, MedClass, Profile};
use crate::rules::{overall, rule, Constraint, Finding, Level, Trigger, RULES};
use crate::time::Timestamp;
use crate::vocab::Labelled;

/// Keep kefir away from doses of one medicine class.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SpacingRule {
    pub medicine: MedClass,
    pub rule_id: String,
    pub kefir_after_dose_hours: u32,
    pub kefir_before_dose_hours: u32,
}

/// Limits every other part of the app must obey.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Constraints {
    pub max_ml_per_day: u32,
    /// Rule ids that set the daily cap (D2 by default).
    pub cap_rule_ids: Vec<String>,
    pub max_start_ml: u32,
    pub start_rule_ids: Vec<String>,
    pub allowed_kinds: Vec<KefirKind>,
    pub allowed_sources: Vec<Source>,
    pub spacing: Vec<SpacingRule>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Screening {
    pub level: Level,
    /// `level` in the caller's locale (catalogue `level-<code>`), e.g. "Caution".
    pub level_label: String,
    /// Highest level first.
    pub findings: Vec<Finding>,
    pub constraints: Constraints,
    /// Some finding says `consult`: a clinician's go-ahead is needed to start.
    pub needs_clinician: bool,
    /// The consult rules a stored acknowledgement does not yet cover.
    pub uncleared_rule_ids: Vec<String>,
    pub clinician_cleared_at: Option<Timestamp>,
    /// Whether a plan may start now.
    pub may_start: bool,
    /// One screen-ready line: may the person start, and what is needed first.
    pub headline: String,
    /// The constraints in words, one line each with the rules that set them
    /// (e.g. "At most 120 ml a day (M4)."): the daily cap, the start cap,
    /// kinds and sources ruled out, the medicine spacing.
    pub limits: Vec<String>,
    pub disclaimer: String,
}

/// The spacing rule for doses of a medicine class, if it has one (M1–M3).
pub fn spacing_rule_for(m: MedClass) -> Option<SpacingRule> {
    RULES.iter().find(|r| r.trigger == Trigger::Medicine(m)).and_then(|r| {
        r.constraints.iter().find_map(|c| match c {
            Constraint::Spacing { after_dose_h, before_dose_h } => Some(SpacingRule {
                medicine: m,
                rule_id: r.id.to_string(),
                kefir_after_dose_hours: *after_dose_h,
                kefir_before_dose_hours: *before_dose_h,
            }),
            _ => None,
        })
    })
}

impl Constraints {
    /// The daily cap with the rules that set it, e.g. "120 ml (M4)", in `loc`.
    pub fn cap_text(&self, loc: &Locale) -> String {
        loc.tr(
            "cap-text",
            &[("ml", Arg::Int(self.max_ml_per_day.into())), ("rules", Arg::Str(self.cap_rule_ids.join(", ")))],
        )
    }

    /// The D3 warning for `total_ml` in a day above the cap, naming the rule
    /// that set the cap, in `loc`. The app's 200 ml default is mentioned
    /// only when that default is the cap in force (not under, say, M4's 120 ml).
    pub fn over_cap_finding(&self, total_ml: u32, loc: &Locale) -> Finding {
        let d3 = rule("D3");
        let default_cap = self.cap_rule_ids.iter().all(|id| id.starts_with('D'));
        let args = [("total", Arg::Int(total_ml.into())), ("limit", Arg::Str(self.cap_text(loc)))];
        if default_cap {
            d3.finding_with(&loc.tr("rule-D3-over-default", &args), loc)
        } else {
            let mut f = d3.finding(loc);
            f.advice = loc.tr("rule-D3-over-set", &args);
            f
        }
    }

    /// The constraints in words, one line each (see [`Screening::limits`]);
    /// `applied` are the ids of the rules in force for the profile (they
    /// name what rules out a kind or a source).
    pub fn describe(&self, applied: &[String], loc: &Locale) -> Vec<String> {
        let ids = |v: &[String]| Arg::Str(v.join(", "));
        let mut out = vec![
            loc.tr("limit-cap", &[("ml", Arg::Int(self.max_ml_per_day.into())), ("rules", ids(&self.cap_rule_ids))]),
            loc.tr("limit-start", &[("ml", Arg::Int(self.max_start_ml.into())), ("rules", ids(&self.start_rule_ids))]),
        ];
        let ruling = |c: Constraint| -> Vec<String> {
            RULES
                .iter()
                .filter(|r| r.constraints.contains(&c) && applied.iter().any(|a| a == r.id))
                .map(|r| r.id.to_string())
                .collect()
        };
        if self.allowed_kinds.iter().all(|k| !k.is_milk()) {
            out.push(loc.tr("limit-no-milk", &[("rules", ids(&ruling(Constraint::NoMilkKefir)))]));
        }
        if !self.allowed_sources.contains(&Source::Homemade) {
            out.push(loc.tr("limit-no-homemade", &[("rules", ids(&ruling(Constraint::NoHomemade)))]));
        }
        for sp in &self.spacing {
            out.push(loc.tr(
                "limit-spacing",
                &[
                    ("medicine", Arg::Str(sp.medicine.as_str().into())),
                    ("after", Arg::Int(sp.kefir_after_dose_hours.into())),
                    ("before", Arg::Int(sp.kefir_before_dose_hours.into())),
                    ("rule", Arg::Str(sp.rule_id.clone())),
                ],
            ));
        }
        out
    }
}

/// Fold the constraints of the given rules (plus the D1/D2 defaults).
pub fn constraints_for(p: &Profile) -> Constraints {
    let mut c = Constraints {
        max_ml_per_day: u32::MAX,
        cap_rule_ids: Vec::new(),
        max_start_ml: u32::MAX,
        start_rule_ids: Vec::new(),
        allowed_kinds: KefirKind::ALL.to_vec(),
        allowed_sources: Source::ALL.to_vec(),
        spacing: Vec::new(),
    };
    let applicable = RULES.iter().filter(|r| r.trigger == Trigger::Guidance || r.applies_to_profile(p));
    for r in applicable {
        for k in r.constraints {
            match *k {
                Constraint::CapMl(ml) => tighten(&mut c.max_ml_per_day, &mut c.cap_rule_ids, ml, r.id),
                Constraint::StartMaxMl(ml) => tighten(&mut c.max_start_ml, &mut c.start_rule_ids, ml, r.id),
                Constraint::NoMilkKefir => c.allowed_kinds.retain(|k| !k.is_milk()),
                Constraint::NoHomemade => c.allowed_sources.retain(|s| *s != Source::Homemade),
                Constraint::Spacing { .. } => {}
            }
        }
    }
    for m in &p.medicines {
        if let Some(s) = spacing_rule_for(*m) {
            c.spacing.push(s);
        }
    }
    // The start never exceeds the cap.
    c.max_start_ml = c.max_start_ml.min(c.max_ml_per_day);
    c
}

fn tighten(value: &mut u32, ids: &mut Vec<String>, ml: u32, id: &str) {
    if ml < *value {
        *value = ml;
        ids.clear();
    }
    if ml == *value {
        ids.push(id.to_string());
    }
}

/// Screen a profile. `ack` is the latest clinician acknowledgement; every
/// text (findings, headline, limits, disclaimer) is written in `loc`.
pub fn screen(p: &Profile, ack: Option<&ClinicianAck>, loc: &Locale) -> Screening {
    let mut findings: Vec<Finding> = RULES.iter().filter(|r| r.applies_to_profile(p)).map(|r| r.finding(loc)).collect();
    crate::sort::sort_by(&mut findings, |a, b| b.level.cmp(&a.level).then_with(|| a.rule_id.cmp(&b.rule_id)));
    let level = overall(&findings);
    let consult_ids: Vec<String> =
        findings.iter().filter(|f| f.level == Level::Consult).map(|f| f.rule_id.clone()).collect();
    let uncleared: Vec<String> =
        consult_ids.iter().filter(|id| !ack.is_some_and(|a| a.rule_ids.iter().any(|x| x == *id))).cloned().collect();
    let cleared_at = ack.filter(|_| !consult_ids.is_empty() && uncleared.is_empty()).map(|a| a.at);
    let may_start = level < Level::Stop && uncleared.is_empty();
    let headline = if level >= Level::Stop {
        loc.t("screening-headline-stop")
    } else if !uncleared.is_empty() {
        loc.tr("screening-headline-consult", &[("rules", Arg::Str(uncleared.join(", ")))])
    } else if cleared_at.is_some() {
        loc.t("screening-headline-cleared")
    } else if level == Level::Caution {
        loc.t("screening-headline-caution")
    } else {
        loc.t("screening-headline-clear")
    };
    let constraints = constraints_for(p);
    let applied: Vec<String> = findings.iter().map(|f| f.rule_id.clone()).collect();
    Screening {
        level,
        level_label: level.label(loc),
        limits: constraints.describe(&applied, loc),
        constraints,
        needs_clinician: !consult_ids.is_empty(),
        may_start,
        uncleared_rule_ids: uncleared,
        clinician_cleared_at: cleared_at,
        findings,
        headline,
        disclaimer: loc.t("disclaimer"),
    }
}

/// The D-rules shown with every plan, written in `loc`.
pub fn guidance(loc: &Locale) -> Vec<Finding> {
    ["D1", "D2", "D4", "D5", "D6"].iter().map(|id| rule(id).finding(loc)).collect()
}
