//! Output: a readable default and `--json` for scripts.

use kefir_core::checkin::SymptomAssessment;
use kefir_core::{
    DayTotal, Drink, DrinkLogged, Finding, ImportSummary, PlanView, Profile, Screening, SpacingStatus, Today, Zone,
};
use serde::Serialize;

use kefir_core::vocab::Labelled;

use crate::cmd::Ctx;
use crate::tr::{n, s, tr, trf};

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

pub fn drink_line(ctx: &Ctx, zone: &Zone, d: &Drink) -> String {
    let local = d.at.local(zone).format("%Y-%m-%d %H:%M");
    let note = d.note.as_deref().map(|n| format!("  \"{n}\"")).unwrap_or_default();
    let ml = tr(ctx, "ml");
    format!("#{:<5} {local}  {:>4} {ml}  {:<10} {:<10}{note}", d.id, d.ml, d.kind, d.source)
}

pub fn logged(ctx: &Ctx, l: &DrinkLogged) {
    if ctx.json {
        return json(l);
    }
    let zone = Zone::parse(&ctx.tz).expect("validated");
    outln!("{}", trf(ctx, "logged", &[("drink", s(drink_line(ctx, &zone, &l.drink)))]));
    warnings(ctx, &l.warnings);
}

/// Findings as `! [rule] title (level): advice` lines.
pub fn warnings(ctx: &Ctx, ws: &[kefir_core::Finding]) {
    findings(ctx, "  ! ", ws);
}

pub fn drinks(ctx: &Ctx, zone: &Zone, ds: &[Drink]) {
    if ctx.json {
        return json(ds);
    }
    if ds.is_empty() {
        outln!("{}", tr(ctx, "no-drinks"));
    }
    for d in ds {
        outln!("{}", drink_line(ctx, zone, d));
    }
}

pub fn totals(ctx: &Ctx, ts: &[DayTotal]) {
    if ctx.json {
        return json(ts);
    }
    for t in ts {
        outln!("{}  {:>5} {}  {}", t.date, t.ml, tr(ctx, "ml"), trf(ctx, "drinks-count", &[("n", n(t.drinks))]));
    }
}

pub fn today(ctx: &Ctx, zone: &Zone, t: &Today) {
    if ctx.json {
        return json(t);
    }
    outln!("{}", trf(ctx, "today-title", &[("date", s(&t.date)), ("zone", s(&t.time_zone))]));
    outln!("  {}", t.headline);
    if let Some(h) = hint(ctx, &t.headline) {
        outln!("  → {h}");
    }
    match t.target_ml {
        Some(target) => {
            outln!("  {}", trf(ctx, "today-drunk-of", &[("drunk", n(t.drunk_ml)), ("target", n(target))]))
        }
        None => outln!("  {}", trf(ctx, "today-drunk", &[("drunk", n(t.drunk_ml))])),
    }
    if let Some(d) = &t.decision {
        outln!("  {} {} — {}{}", tr(ctx, "today-decision"), d.kind, d.reason, rule_list(&d.rule_ids));
    }
    if let Some(p) = &t.progress {
        let goal = p
            .projected_goal_date
            .as_deref()
            .map(|g| trf(ctx, "today-goal", &[("ml", n(p.goal_ml)), ("date", s(g))]))
            .unwrap_or_default();
        let status = s(p.status);
        outln!("  {}{goal}", trf(ctx, "today-plan", &[("step", n(p.step)), ("steps", n(p.steps)), ("status", status)]));
    }
    for sp in &t.spacing {
        outln!("  {} {}", tr(ctx, "today-spacing"), sp.message);
    }
    findings(ctx, "  ! ", &t.warnings);
    if t.checkin_due {
        outln!("  {}", tr(ctx, if t.can_fill_yesterday { "checkin-due-yesterday" } else { "checkin-due" }));
    }
    for d in &t.drinks {
        outln!("  {}", drink_line(ctx, zone, d));
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
/// The core's text is matched in English (see `hint_id`); the hint is
/// written in `--lang`.
pub fn hint(ctx: &Ctx, text: &str) -> Option<String> {
    hint_id(text).map(|id| tr(ctx, id))
}

/// The hint's message id for an English core text.
pub fn hint_id(text: &str) -> Option<&'static str> {
    let t = text.to_lowercase();
    if t.contains("go-ahead") || t.contains("clinician has seen you") {
        Some("hint-ack")
    } else if t.contains("paused") || t.contains("resume when") || t.contains("resume from") {
        Some("hint-resume")
    } else if t.contains("restart") {
        Some("hint-restart")
    } else if t.contains("start your plan") {
        Some("hint-start")
    } else {
        None
    }
}

fn findings(ctx: &Ctx, prefix: &str, fs: &[Finding]) {
    for f in fs {
        outln!("{prefix}[{}] {} ({}): {}", f.rule_id, f.title, f.level.label(&ctx.loc), f.advice);
    }
}

/// The screening, with the profile's conditions and medicines it was made
/// from: the level, headline, findings and limits are the core's words in
/// `--lang`, and so are the labels (conditions, medicines, kinds, sources).
pub fn screening(ctx: &Ctx, sc: &Screening, p: &Profile) {
    if ctx.json {
        return json(sc);
    }
    let loc = &ctx.loc;
    outln!("{}", trf(ctx, "screening-title", &[("level", s(sc.level.label(loc)))]));
    outln!("  {}", sc.headline);
    let labels = |v: Vec<String>| if v.is_empty() { tr(ctx, "none") } else { v.join("; ") };
    outln!("  {} {}", tr(ctx, "conditions"), labels(p.conditions.iter().map(|c| c.label(loc)).collect()));
    outln!("  {} {}", tr(ctx, "medicines"), labels(p.medicines.iter().map(|m| m.label(loc)).collect()));
    findings(ctx, "  ", &sc.findings);
    for l in &sc.limits {
        outln!("  {l}");
    }
    let c = &sc.constraints;
    let kinds: Vec<String> = c.allowed_kinds.iter().map(|k| k.label(loc)).collect();
    let sources: Vec<String> = c.allowed_sources.iter().map(|k| k.label(loc)).collect();
    outln!("  {} {} / {}", tr(ctx, "allowed"), kinds.join(", "), sources.join(", "));
    if sc.needs_clinician {
        match sc.clinician_cleared_at {
            Some(at) => {
                let zone = Zone::parse(&ctx.tz).expect("validated");
                let date = at.local_date(&zone).format("%Y-%m-%d").to_string();
                outln!("  {}", trf(ctx, "cleared-on", &[("date", s(date))]))
            }
            None => outln!("  {}", trf(ctx, "talk-first", &[("rules", s(sc.uncleared_rule_ids.join(", ")))])),
        }
    }
    outln!("  {} {}", tr(ctx, "may-start"), tr(ctx, if sc.may_start { "yes" } else { "no" }));
    outln!("  {}", sc.disclaimer);
}

pub fn profile(ctx: &Ctx, p: &Profile) {
    if ctx.json {
        return json(p);
    }
    let list = |v: Vec<&str>| if v.is_empty() { tr(ctx, "none") } else { v.join(", ") };
    outln!("{} {}", tr(ctx, "profile-name"), p.display_name.as_deref().unwrap_or("-"));
    outln!("{} {}", tr(ctx, "profile-age"), p.age_band);
    outln!("{} {}", tr(ctx, "conditions"), list(p.conditions.iter().map(|c| c.as_str()).collect()));
    outln!("{} {}", tr(ctx, "medicines"), list(p.medicines.iter().map(|c| c.as_str()).collect()));
    outln!("{} {}", tr(ctx, "profile-kinds"), list(p.preferred_kinds.iter().map(|c| c.as_str()).collect()));
    outln!("{} {}", tr(ctx, "profile-sources"), list(p.preferred_sources.iter().map(|c| c.as_str()).collect()));
}

pub fn reminder_settings(ctx: &Ctx, rs: &kefir_core::reminders::ReminderSettings) {
    if ctx.json {
        return json(rs);
    }
    let or_off = |v: &Option<String>| v.clone().unwrap_or_else(|| tr(ctx, "off"));
    let days: Vec<&str> = rs.days.iter().map(|d| d.as_str()).collect();
    let times = if rs.checkin_times.is_empty() { tr(ctx, "none") } else { rs.checkin_times.join(", ") };
    outln!("{} {times}", tr(ctx, "remind-checkin"));
    outln!("{} {}", tr(ctx, "remind-days"), if days.is_empty() { tr(ctx, "every-day") } else { days.join(", ") });
    match (&rs.quiet_start, &rs.quiet_end) {
        (Some(a), Some(b)) => outln!("{} {a}-{b}", tr(ctx, "remind-quiet")),
        _ => outln!("{} {}", tr(ctx, "remind-quiet"), tr(ctx, "off")),
    }
    outln!("{} {}", tr(ctx, "remind-drink"), or_off(&rs.drink_reminder));
    outln!("{} {}", tr(ctx, "remind-spacing"), tr(ctx, if rs.spacing_alerts { "on" } else { "off" }));
    outln!("{} {}", tr(ctx, "remind-zone"), rs.time_zone);
    let shows = if rs.full_text_on_lock_screen { "remind-lock-screen-full" } else { "remind-lock-screen-private" };
    outln!("{} {}", tr(ctx, "remind-lock-screen"), tr(ctx, shows));
}

/// The app-lock setting: on or off and after how long, what it does, the
/// delays `--after` takes, and the first-run question while unanswered.
pub fn app_lock(ctx: &Ctx, f: &kefir_core::lock::AppLockForm) {
    if ctx.json {
        return json(f);
    }
    let label =
        |m: u32| f.choices.iter().find(|c| c.minutes == m).map(|c| c.label.clone()).unwrap_or_else(|| m.to_string());
    let state = if f.settings.enabled { tr(ctx, "on") } else { tr(ctx, "off") };
    outln!("{}: {state}", f.title);
    outln!("{} {}", tr(ctx, "lock-after"), label(f.settings.after_minutes));
    outln!("{}", f.explanation);
    let choices: Vec<String> = f.choices.iter().map(|c| format!("{} ({})", c.label, c.minutes)).collect();
    outln!("{} {}", tr(ctx, "lock-choices"), choices.join(", "));
    if f.offer {
        outln!("{}", tr(ctx, "lock-offer"));
    }
    outln!("{}", tr(ctx, "lock-cli-note"));
}

pub fn profile_history(ctx: &Ctx, vs: &[kefir_core::ProfileVersion]) {
    if ctx.json {
        return json(vs);
    }
    if vs.is_empty() {
        outln!("{}", tr(ctx, "no-profile"));
    }
    for v in vs {
        let p = &v.profile;
        let list = |v: Vec<&str>| if v.is_empty() { tr(ctx, "none") } else { v.join(", ") };
        let line = trf(
            ctx,
            "history-line",
            &[
                ("saved", s(v.saved_at)),
                ("age", s(p.age_band)),
                ("conditions", s(list(p.conditions.iter().map(|c| c.as_str()).collect()))),
                ("medicines", s(list(p.medicines.iter().map(|c| c.as_str()).collect()))),
            ],
        );
        outln!("{line}");
    }
}

pub fn assessment<T: Serialize>(ctx: &Ctx, a: &SymptomAssessment, full: &T) {
    if ctx.json {
        return json(full);
    }
    outln!("{} — {}", a.level.label(&ctx.loc), a.headline);
    findings(ctx, "  ", &a.findings);
    if let Some(e) = &a.emergency {
        outln!("  {} {}", tr(ctx, "emergency"), e.title);
        for (i, step) in e.steps.iter().enumerate() {
            outln!("   {}. {step}", i + 1);
        }
    }
}

pub fn spacing<T: Serialize>(ctx: &Ctx, sp: &[SpacingStatus], full: Option<&T>) {
    if ctx.json {
        return match full {
            Some(f) => json(f),
            None => json(sp),
        };
    }
    if sp.is_empty() {
        outln!("{}", tr(ctx, "no-spacing"));
    }
    for x in sp {
        outln!("{}", x.message);
    }
}

pub fn plan(ctx: &Ctx, v: &PlanView) {
    if ctx.json {
        return json(v);
    }
    let ml = tr(ctx, "ml");
    match (&v.plan, &v.progress) {
        (Some(p), Some(pr)) => {
            let steps: Vec<String> = p.steps.iter().map(|s| s.to_string()).collect();
            let args = [
                ("day", s(&p.started_day)),
                ("status", s(p.status)),
                ("steps", s(steps.join(" → "))),
                ("hold", n(p.hold_days)),
            ];
            outln!("{}", trf(ctx, "plan-since", &args));
            let goal = pr
                .projected_goal_date
                .as_deref()
                .map(|g| trf(ctx, "plan-goal-by", &[("date", s(g))]))
                .unwrap_or_default();
            outln!("  {}{goal}", trf(ctx, "plan-step", &[("step", n(pr.step)), ("steps", n(pr.steps))]));
        }
        _ => {
            let args = [
                ("min", n(v.start_range_ml[0])),
                ("max", n(v.start_range_ml[1])),
                ("tmin", n(v.target_range_ml[0])),
                ("tmax", n(v.target_range_ml[1])),
            ];
            outln!("{}", trf(ctx, "no-plan", &args))
        }
    }
    if let Some(r) = &v.blocked_reason {
        outln!("  {} {r}", tr(ctx, "plan-blocked"));
        if let Some(h) = hint(ctx, r) {
            outln!("  → {h}");
        }
    }
    if !v.history.is_empty() {
        outln!("  {}", tr(ctx, "plan-days"));
    }
    for d in v.history.iter().take(14) {
        outln!("  {}  {:<9} {:>4} {ml}  {}{}", d.day, d.kind, d.target_ml, d.reason, rule_list(&d.rule_ids));
    }
    // Every start, stop, pause, resume and restart, several a day if need be.
    let skip = v.events.len().saturating_sub(10);
    if !v.events.is_empty() {
        outln!("  {}", tr(ctx, "plan-events"));
    }
    for e in &v.events[skip..] {
        outln!("  {}  {:<9} {}{}", e.day, e.kind, e.reason, rule_list(&e.rule_ids));
    }
}

pub fn imported(ctx: &Ctx, i: &ImportSummary) {
    if ctx.json {
        return json(i);
    }
    let args = [
        ("drinks", n(i.drinks as f64)),
        ("checkins", n(i.checkins as f64)),
        ("reactions", n(i.reactions as f64)),
        ("doses", n(i.doses as f64)),
        ("plans", n(i.plans as f64)),
        ("versions", n(i.profile_versions as f64)),
    ];
    outln!("{}", trf(ctx, "imported", &args));
}

/// A success message: in `--lang` as text; for `--json` its `message` stays
/// English, as it always was (scripts may read it).
pub fn done(ctx: &Ctx, id: &str, args: &[(&str, fluent_bundle::FluentValue)]) {
    if ctx.json {
        let msg = crate::tr::format(&kefir_core::l10n::Locale::english(), id, args);
        return json(&serde_json::json!({ "ok": true, "message": msg }));
    }
    outln!("{}", trf(ctx, id, args));
}

pub fn summary(ctx: &Ctx, sm: &kefir_core::report::Summary, written: &[String]) {
    if ctx.json {
        return json(&serde_json::json!({ "summary": sm, "written": written }));
    }
    let t = &sm.totals;
    let title =
        trf(ctx, "summary-title", &[("from", s(&sm.from_date)), ("to", s(&sm.to_date)), ("zone", s(&sm.time_zone))]);
    outln!("{title}");
    let args = [
        ("ml", n(t.total_ml as f64)),
        ("drinks", n(t.drinks as f64)),
        ("days", n(t.days_with_intake as f64)),
        ("mean", n(t.mean_ml_on_intake_days as f64)),
        ("max", n(t.max_day_ml as f64)),
    ];
    outln!("  {}", trf(ctx, "summary-totals", &args));
    let args = [
        ("checkins", n(t.checkin_days as f64)),
        ("days", n(t.days as f64)),
        ("pct", n(t.checkin_adherence_pct as f64)),
        ("on", n(t.days_on_target as f64)),
        ("with", n(t.days_with_target as f64)),
    ];
    outln!("  {}", trf(ctx, "summary-checkins", &args));
    match &sm.plan_status {
        Some(p) => {
            let head = trf(ctx, "summary-plan", &[("status", s(&p.status)), ("since", s(&p.since))]);
            outln!("  {head} {}{}", p.reason, rule_list(&p.rule_ids))
        }
        None => outln!("  {}", tr(ctx, "summary-no-plan")),
    }
    outln!("  {} {}", tr(ctx, "summary-screening"), sm.screening_level.label(&ctx.loc));
    findings(ctx, "    ", &sm.findings);
    for c in &sm.courses {
        let name = c.name.as_deref().map(|n| format!("{n} ")).unwrap_or_default();
        let args = [
            ("name", s(name)),
            ("label", s(&c.label)),
            ("first", s(&c.first_local)),
            ("last", s(&c.last_local)),
            ("doses", n(c.doses as f64)),
            ("state", s(tr(ctx, if c.active { "course-ongoing" } else { "course-completed" }))),
        ];
        outln!("  {}", trf(ctx, "summary-course", &args));
    }
    for r in &sm.red_flags {
        let (what, level) = (tr(ctx, "summary-red-flag"), r.level.label(&ctx.loc));
        outln!("  {what} {} {level} [{}]: {}", r.local_time, r.rule_ids.join(", "), r.what);
    }
    // One line per distinct warning, with how many doses it was stored for.
    let mut seen: Vec<(&str, &str, usize)> = Vec::new();
    for w in &sm.spacing_warnings {
        match seen.iter_mut().find(|(id, advice, _)| *id == w.rule_id && *advice == w.advice) {
            Some(e) => e.2 += 1,
            None => seen.push((&w.rule_id, &w.advice, 1)),
        }
    }
    for (id, advice, k) in seen {
        let times =
            if k > 1 { format!(" {}", trf(ctx, "summary-spacing-at", &[("n", n(k as f64))])) } else { String::new() };
        outln!("  {} [{id}]{times}: {advice}", tr(ctx, "summary-spacing"));
    }
    for b in &sm.breaches {
        outln!("  {} {} [{}]: {}", tr(ctx, "summary-breach"), b.date, b.rule_id, b.what);
    }
    for w in written {
        outln!("  {}", trf(ctx, "summary-wrote", &[("file", s(w))]));
    }
    outln!("  {}", sm.disclaimer);
}

pub fn notifications(ctx: &Ctx, zone: &Zone, ns: &[kefir_core::reminders::Notification]) {
    if ctx.json {
        return json(ns);
    }
    for x in ns {
        use chrono::Datelike;
        let local = x.fire_at.local(zone);
        let day = trf(ctx, "weekday", &[("day", n(local.weekday().number_from_monday()))]);
        outln!("{day} {}  {:<14} {:<28} {} — {}", local.format("%Y-%m-%d %H:%M"), x.kind, x.id, x.title, x.body);
        let shown = if x.private { "remind-next-public" } else { "remind-next-public-unused" };
        outln!("    {} {} — {}", tr(ctx, shown), x.public_title, x.public_body);
    }
}
