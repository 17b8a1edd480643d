//! Output: a readable default and `--json` for scripts.

use kefir_core::checkin::SymptomAssessment;
use kefir_core::{
    DayTotal, Drink, DrinkLogged, Finding, ImportSummary, PlanView, Profile, Screening, SpacingStatus, Today, Zone,
};
use serde::Serialize;

use crate::cmd::Ctx;

thread_local! {
    static OUT: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Add one line to the output (see the `outln!` macro).
pub fn push_line(line: String) {
    OUT.with(|o| {
        let mut o = o.borrow_mut();
        o.push_str(&line);
        o.push('\n');
    });
}

/// Write the collected output to stdout. A closed pipe (EPIPE; Rust
/// ignores SIGPIPE) or a full disk comes back as an error, never a panic.
pub fn flush() -> std::io::Result<()> {
    use std::io::Write;
    let text = OUT.with(|o| std::mem::take(&mut *o.borrow_mut()));
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

fn json<T: Serialize + ?Sized>(v: &T) {
    outln!("{}", serde_json::to_string_pretty(v).expect("records serialise"));
}

pub fn drink_line(zone: &Zone, d: &Drink) -> String {
    let local = d.at.local(zone).format("%Y-%m-%d %H:%M");
    let note = d.note.as_deref().map(|n| format!("  \"{n}\"")).unwrap_or_default();
    format!("#{:<5} {local}  {:>4} ml  {:<10} {:<10}{note}", d.id, d.ml, d.kind, d.source)
}

pub fn logged(ctx: &Ctx, l: &DrinkLogged) {
    if ctx.json {
        return json(l);
    }
    let zone = Zone::parse(&ctx.tz).expect("validated");
    outln!("logged {}", drink_line(&zone, &l.drink));
    for w in &l.warnings {
        outln!("  ! [{}] {} ({}): {}", w.rule_id, w.title, w.level, w.advice);
    }
}

/// Findings as `! [rule] title (level): advice` lines.
pub fn warnings(ws: &[kefir_core::Finding]) {
    for w in ws {
        outln!("  ! [{}] {} ({}): {}", w.rule_id, w.title, w.level, w.advice);
    }
}

pub fn drinks(ctx: &Ctx, zone: &Zone, ds: &[Drink]) {
    if ctx.json {
        return json(ds);
    }
    if ds.is_empty() {
        outln!("no drinks in this range");
    }
    for d in ds {
        outln!("{}", drink_line(zone, d));
    }
}

pub fn totals(ctx: &Ctx, ts: &[DayTotal]) {
    if ctx.json {
        return json(ts);
    }
    for t in ts {
        outln!("{}  {:>5} ml  ({} drinks)", t.date, t.ml, t.drinks);
    }
}

pub fn today(ctx: &Ctx, zone: &Zone, t: &Today) {
    if ctx.json {
        return json(t);
    }
    outln!("Today {} ({})", t.date, t.time_zone);
    outln!("  {}", t.headline);
    if let Some(h) = hint(&t.headline) {
        outln!("  → {h}");
    }
    match t.target_ml {
        Some(target) => outln!("  drunk: {} of {} ml", t.drunk_ml, target),
        None => outln!("  drunk: {} ml", t.drunk_ml),
    }
    if let Some(d) = &t.decision {
        outln!("  decision: {} — {}{}", d.kind, d.reason, rule_list(&d.rule_ids));
    }
    if let Some(p) = &t.progress {
        let goal =
            p.projected_goal_date.as_deref().map(|g| format!(", goal {} ml by {g}", p.goal_ml)).unwrap_or_default();
        outln!("  plan: step {} of {} ({}){goal}", p.step, p.steps, p.status);
    }
    for s in &t.spacing {
        outln!("  spacing: {}", s.message);
    }
    findings("  ! ", &t.warnings);
    if t.checkin_due {
        outln!(
            "  check-in due today{}",
            if t.can_fill_yesterday { " (yesterday's can still be filled in)" } else { "" }
        );
    }
    for d in &t.drinks {
        outln!("  {}", drink_line(zone, d));
    }
}

/// " [D4, D6]", or nothing when no rule applies (never an empty "[]").
pub(crate) fn rule_list(ids: &[String]) -> String {
    if ids.is_empty() {
        String::new()
    } else {
        format!(" [{}]", ids.join(", "))
    }
}

/// The CLI's own hint naming the command that does what a core text asks
/// for (the core's texts are platform-neutral, shared with the phones).
pub fn hint(text: &str) -> Option<&'static str> {
    let t = text.to_lowercase();
    if t.contains("go-ahead") || t.contains("clinician has seen you") {
        Some("record a clinician's go-ahead with `kefir profile ack --note \"who said what\"`")
    } else if t.starts_with("paused") || t.contains("resume when") || t.contains("resume from") {
        Some("resume with `kefir plan resume`")
    } else if t.contains("restart") {
        Some("restart with `kefir plan restart`")
    } else if t.contains("start your plan") {
        Some("start with `kefir plan start` (screening first: `kefir profile set ...`)")
    } else {
        None
    }
}

fn findings(prefix: &str, fs: &[Finding]) {
    for f in fs {
        outln!("{prefix}[{}] {} ({}): {}", f.rule_id, f.title, f.level, f.advice);
    }
}

/// The screening, with the profile's conditions and medicines it was made
/// from; labels (level, conditions, kinds, sources) in `--lang`.
pub fn screening(ctx: &Ctx, s: &Screening, p: &Profile) {
    if ctx.json {
        return json(s);
    }
    let form = kefir_ffi::screening_form(ctx.lang.clone()).expect("--lang was validated");
    let level = form.levels.iter().find(|l| l.code == s.level).map_or(String::new(), |l| l.label.clone());
    outln!("Screening: {level} ({})", s.level);
    let labels = |v: Vec<String>| if v.is_empty() { "-".to_string() } else { v.join("; ") };
    let conditions = form.conditions.iter().filter(|c| p.conditions.contains(&c.code)).map(|c| c.label.clone());
    let medicines = form.medicines.iter().filter(|m| p.medicines.contains(&m.code)).map(|m| m.label.clone());
    outln!("  conditions: {}", labels(conditions.collect()));
    outln!("  medicines: {}", labels(medicines.collect()));
    findings("  ", &s.findings);
    let c = &s.constraints;
    outln!(
        "  limit: {} ml a day [{}]; start at most {} ml [{}]",
        c.max_ml_per_day,
        c.cap_rule_ids.join(", "),
        c.max_start_ml,
        c.start_rule_ids.join(", ")
    );
    let kinds: Vec<&str> =
        form.kinds.iter().filter(|k| c.allowed_kinds.contains(&k.code)).map(|k| k.label.as_str()).collect();
    let sources: Vec<&str> =
        form.sources.iter().filter(|k| c.allowed_sources.contains(&k.code)).map(|k| k.label.as_str()).collect();
    outln!("  allowed: {} / {}", kinds.join(", "), sources.join(", "));
    for sp in &c.spacing {
        outln!(
            "  spacing ({}): kefir {} h after a dose of {}, {} h before the next",
            sp.rule_id,
            sp.kefir_after_dose_hours,
            sp.medicine,
            sp.kefir_before_dose_hours
        );
    }
    if s.needs_clinician {
        match s.clinician_cleared_at {
            Some(at) => {
                let zone = Zone::parse(&ctx.tz).expect("validated");
                outln!(
                    "  clinician's go-ahead reported by you on {} (not verified by the app)",
                    at.local_date(&zone).format("%Y-%m-%d")
                )
            }
            None => outln!(
                "  talk to a clinician before starting ({}); then `kefir profile ack`",
                s.uncleared_rule_ids.join(", ")
            ),
        }
    }
    outln!("  may start a plan: {}", if s.may_start { "yes" } else { "no" });
    outln!("  {}", s.disclaimer);
}

pub fn profile(ctx: &Ctx, p: &Profile) {
    if ctx.json {
        return json(p);
    }
    let list = |v: Vec<&str>| if v.is_empty() { "-".to_string() } else { v.join(", ") };
    outln!("name: {}", p.display_name.as_deref().unwrap_or("-"));
    outln!("age band: {}", p.age_band);
    outln!("conditions: {}", list(p.conditions.iter().map(|c| c.as_str()).collect()));
    outln!("medicines: {}", list(p.medicines.iter().map(|c| c.as_str()).collect()));
    outln!("preferred kinds: {}", list(p.preferred_kinds.iter().map(|c| c.as_str()).collect()));
    outln!("preferred sources: {}", list(p.preferred_sources.iter().map(|c| c.as_str()).collect()));
}

pub fn reminder_settings(ctx: &Ctx, s: &kefir_core::reminders::ReminderSettings) {
    if ctx.json {
        return json(s);
    }
    let or_off = |v: &Option<String>| v.clone().unwrap_or_else(|| "off".into());
    let days: Vec<&str> = s.days.iter().map(|d| d.as_str()).collect();
    outln!("check-in reminders: {}", if s.checkin_times.is_empty() { "-".into() } else { s.checkin_times.join(", ") });
    outln!("days: {}", if days.is_empty() { "every day".into() } else { days.join(", ") });
    match (&s.quiet_start, &s.quiet_end) {
        (Some(a), Some(b)) => outln!("quiet hours: {a}-{b}"),
        _ => outln!("quiet hours: off"),
    }
    outln!("drink reminder: {}", or_off(&s.drink_reminder));
    outln!("medicine spacing alerts: {}", if s.spacing_alerts { "on" } else { "off" });
    outln!("time zone: {}", s.time_zone);
}

pub fn profile_history(ctx: &Ctx, vs: &[kefir_core::ProfileVersion]) {
    if ctx.json {
        return json(vs);
    }
    if vs.is_empty() {
        outln!("no profile saved yet");
    }
    for v in vs {
        let p = &v.profile;
        let list = |v: Vec<&str>| if v.is_empty() { "-".to_string() } else { v.join(", ") };
        outln!(
            "{}  {}; conditions: {}; medicines: {}",
            v.saved_at,
            p.age_band,
            list(p.conditions.iter().map(|c| c.as_str()).collect()),
            list(p.medicines.iter().map(|c| c.as_str()).collect())
        );
    }
}

pub fn assessment<T: Serialize>(ctx: &Ctx, a: &SymptomAssessment, full: &T) {
    if ctx.json {
        return json(full);
    }
    outln!("{} — {}", a.level, a.headline);
    findings("  ", &a.findings);
    if let Some(e) = &a.emergency {
        outln!("  EMERGENCY: {}", e.title);
        for (i, step) in e.steps.iter().enumerate() {
            outln!("   {}. {step}", i + 1);
        }
    }
}

pub fn spacing<T: Serialize>(ctx: &Ctx, s: &[SpacingStatus], full: Option<&T>) {
    if ctx.json {
        return match full {
            Some(f) => json(f),
            None => json(s),
        };
    }
    if s.is_empty() {
        outln!("no medicine spacing applies now");
    }
    for x in s {
        outln!("{}", x.message);
    }
}

pub fn plan(ctx: &Ctx, v: &PlanView) {
    if ctx.json {
        return json(v);
    }
    match (&v.plan, &v.progress) {
        (Some(p), Some(pr)) => {
            let steps: Vec<String> = p.steps.iter().map(|s| s.to_string()).collect();
            outln!(
                "Plan since {} ({}): steps {} ml, hold {} days",
                p.started_day,
                p.status,
                steps.join(" → "),
                p.hold_days
            );
            let goal = pr.projected_goal_date.as_deref().map(|g| format!(", goal by {g}")).unwrap_or_default();
            outln!("  step {} of {}{goal}", pr.step, pr.steps);
        }
        _ => outln!(
            "No plan yet. Start: between {} and {} ml, target {}-{} ml.",
            v.start_range_ml[0],
            v.start_range_ml[1],
            v.target_range_ml[0],
            v.target_range_ml[1]
        ),
    }
    if let Some(r) = &v.blocked_reason {
        outln!("  blocked: {r}");
        if let Some(h) = hint(r) {
            outln!("  → {h}");
        }
    }
    if !v.history.is_empty() {
        outln!("  days (the decision that stands, newest first):");
    }
    for d in v.history.iter().take(14) {
        outln!("  {}  {:<9} {:>4} ml  {}{}", d.day, d.kind, d.target_ml, d.reason, rule_list(&d.rule_ids));
    }
    // Every start, stop, pause, resume and restart, several a day if need be.
    let skip = v.events.len().saturating_sub(10);
    if !v.events.is_empty() {
        outln!("  events (oldest first):");
    }
    for e in &v.events[skip..] {
        outln!("  {}  {:<9} {}{}", e.day, e.kind, e.reason, rule_list(&e.rule_ids));
    }
}

pub fn imported(ctx: &Ctx, s: &ImportSummary) {
    if ctx.json {
        return json(s);
    }
    outln!(
        "imported {} drinks, {} check-ins, {} reactions, {} doses, {} plans, {} profile versions",
        s.drinks,
        s.checkins,
        s.reactions,
        s.doses,
        s.plans,
        s.profile_versions
    );
}

pub fn done(ctx: &Ctx, msg: &str) {
    if ctx.json {
        return json(&serde_json::json!({ "ok": true, "message": msg }));
    }
    outln!("{msg}");
}

pub fn summary(ctx: &Ctx, s: &kefir_core::report::Summary, written: &[String]) {
    if ctx.json {
        return json(&serde_json::json!({ "summary": s, "written": written }));
    }
    let t = &s.totals;
    outln!("Summary {} to {} ({})", s.from_date, s.to_date, s.time_zone);
    outln!(
        "  total {} ml in {} drinks; {} days with kefir, mean {} ml, max {} ml",
        t.total_ml,
        t.drinks,
        t.days_with_intake,
        t.mean_ml_on_intake_days,
        t.max_day_ml
    );
    outln!(
        "  check-ins {} of {} days ({} %); on target {} of {} days",
        t.checkin_days,
        t.days,
        t.checkin_adherence_pct,
        t.days_on_target,
        t.days_with_target
    );
    match &s.plan_status {
        Some(p) => outln!("  plan {} since {}: {}{}", p.status, p.since, p.reason, rule_list(&p.rule_ids)),
        None => outln!("  no introduction plan in this period"),
    }
    outln!("  screening: {}", s.screening_level);
    findings("    ", &s.findings);
    for c in &s.courses {
        let name = c.name.as_deref().map(|n| format!("{n} ")).unwrap_or_default();
        outln!(
            "  medicine {name}({}): {} to {}, {} doses, {}",
            c.label,
            c.first_local,
            c.last_local,
            c.doses,
            if c.active { "ongoing" } else { "completed" }
        );
    }
    for r in &s.red_flags {
        outln!("  red flag {} {} [{}]: {}", r.local_time, r.level, r.rule_ids.join(", "), r.what);
    }
    // One line per distinct warning, with how many doses it was stored for.
    let mut seen: Vec<(&str, &str, usize)> = Vec::new();
    for w in &s.spacing_warnings {
        match seen.iter_mut().find(|(id, advice, _)| *id == w.rule_id && *advice == w.advice) {
            Some(e) => e.2 += 1,
            None => seen.push((&w.rule_id, &w.advice, 1)),
        }
    }
    for (id, advice, n) in seen {
        let times = if n > 1 { format!(" (at {n} doses)") } else { String::new() };
        outln!("  spacing [{id}]{times}: {advice}");
    }
    for b in &s.breaches {
        outln!("  limit not kept {} [{}]: {}", b.date, b.rule_id, b.what);
    }
    for w in written {
        outln!("  wrote {w}");
    }
    outln!("  {}", s.disclaimer);
}

pub fn notifications(ctx: &Ctx, zone: &Zone, ns: &[kefir_core::reminders::Notification]) {
    if ctx.json {
        return json(ns);
    }
    for n in ns {
        outln!(
            "{}  {:<14} {:<28} {} — {}",
            n.fire_at.local(zone).format("%a %Y-%m-%d %H:%M"),
            n.kind,
            n.id,
            n.title,
            n.body
        );
    }
}
