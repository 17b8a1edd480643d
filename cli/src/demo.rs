//! `kefir demo`: a simulated four-week introduction, run through the same
//! facade the phones use, into a fresh database; it ends with the doctor
//! summary.

use std::path::{Path, PathBuf};

use chrono::Duration;
use clap::Args;
use kefir_core::simulate::{demo_simulation, simulate_into, SimDay};
use kefir_core::vocab::Labelled;
use kefir_core::Zone;
use kefir_ffi::KefirError;

use crate::cmd::{open, Ctx};
use crate::tr::{n, s, tr, trf};
use crate::Failure;

#[derive(Args)]
pub struct DemoArgs {
    /// Folder for the demo database and reports (created; earlier demo files in it are replaced)
    #[arg(long, default_value = "kefir-demo")]
    pub out: PathBuf,
}

const DB: &str = "kefir-demo.db";
const PDF: &str = "kefir-summary.pdf";
const FHIR: &str = "kefir-summary.fhir.json";

/// Run the demo into `db` (`--db`), or `<out>/kefir-demo.db`.
///
/// An existing database there is replaced only when it is a demo database
/// (every saved profile is the demo's synthetic person); anything else —
/// a diary, another app's file, a folder — is refused and left as it was.
/// The PDF and FHIR files go through the same safe writer as every export
/// (a FIFO, device, folder or symlink in their place is refused).
pub fn run(args: &DemoArgs, db: Option<&Path>, ctx: &Ctx) -> Result<(), Failure> {
    std::fs::create_dir_all(&args.out)?;
    let db = db.map(Path::to_path_buf).unwrap_or_else(|| args.out.join(DB));
    if std::fs::symlink_metadata(&db).is_ok() {
        let earlier = open(Some(db.clone()))?;
        let demo_name =
            demo_simulation(ctx.now.local_date(&Zone::parse("UTC").expect("UTC")), "UTC").profile.display_name;
        let versions = earlier.profile_history()?;
        let is_demo = !versions.is_empty() && versions.iter().all(|v| v.profile.display_name == demo_name);
        drop(earlier);
        if !is_demo {
            return Err(Failure {
                message: format!(
                    "{} is not a demo database (it holds entries the demo did not make); the demo replaces only its \
                     own database: choose another --out or --db",
                    db.display()
                ),
                code: 1,
                kind: "not_allowed",
                field: Some("db".into()),
            });
        }
        for suffix in ["", "-wal", "-shm"] {
            let mut p = db.clone().into_os_string();
            p.push(suffix);
            if std::fs::symlink_metadata(&p).is_ok_and(|m| m.is_file()) {
                std::fs::remove_file(&p)?;
            }
        }
    }
    let app = open(Some(db.clone()))?;
    let zone = Zone::parse(&ctx.tz).map_err(KefirError::from)?;
    // Four weeks ending yesterday, in the user's zone.
    let first_day = ctx.now.local_date(&zone) - Duration::days(28);
    let sim = demo_simulation(first_day, &ctx.tz);
    let days = app.with_core(|core| simulate_into(core, &sim)).map_err(KefirError::from)?;
    // The doctor summary of the four weeks, as the phones would share it.
    let (from, to) = (days[0].date.clone(), days[days.len() - 1].date.clone());
    let summary = app.summary(from.clone(), to.clone(), ctx.now, ctx.tz.clone(), ctx.lang.clone())?;
    let pdf = args.out.join(PDF);
    let fhir = args.out.join(FHIR);
    let fonts = crate::cmd::default_report_fonts();
    app.set_report_fonts(fonts.iter().map(|f| path(f)).collect())?;
    let paper = kefir_ffi::settings_defaults(ctx.tz.clone(), ctx.lang.clone())?.paper;
    app.write_pdf(from.clone(), to.clone(), paper, path(&pdf), ctx.now, ctx.tz.clone(), ctx.lang.clone())?;
    app.write_fhir(from, to, path(&fhir), ctx.now, ctx.tz.clone(), ctx.lang.clone())?;
    if ctx.json {
        let out = serde_json::json!({ "days": days, "summary": summary, "pdf": pdf, "fhir": fhir, "database": db });
        outln!("{}", serde_json::to_string_pretty(&out).expect("records serialise"));
        return Ok(());
    }
    let ml = tr(ctx, "ml");
    let title = [("days", n(days.len() as f64)), ("date", s(&days[0].date)), ("zone", s(&ctx.tz))];
    outln!("{}", trf(ctx, "demo-title", &title));
    outln!(
        "{:<10}  {:<9}  {:>6}  {:>5}  {:<9}  {}",
        tr(ctx, "demo-col-date"),
        tr(ctx, "demo-col-decision"),
        tr(ctx, "demo-col-target"),
        tr(ctx, "demo-col-drunk"),
        tr(ctx, "demo-col-checkin"),
        tr(ctx, "demo-col-rules")
    );
    for d in &days {
        print_day(ctx, d);
    }
    let t = &summary.totals;
    outln!();
    outln!("{}", trf(ctx, "demo-summary-title", &[("from", s(&summary.from_date)), ("to", s(&summary.to_date))]));
    let args = [
        ("ml", n(t.total_ml)),
        ("drinks", n(t.drinks)),
        ("days", n(t.days_with_intake)),
        ("mean", n(t.mean_ml_on_intake_days)),
        ("pct", n(t.checkin_adherence_pct)),
        ("on", n(t.days_on_target)),
        ("with", n(t.days_with_target)),
    ];
    outln!("  {}", trf(ctx, "demo-totals", &args));
    let ids: Vec<&str> = summary.findings.iter().map(|f| f.rule_id.as_str()).collect();
    outln!("  {} {} [{}]", tr(ctx, "summary-screening"), summary.screening_level.label(&ctx.loc), ids.join(", "));
    for c in &summary.courses {
        let name = c.name.as_deref().map(|n| format!("{n} ")).unwrap_or_default();
        let every = c.interval_hours.map(|h| trf(ctx, "demo-every", &[("hours", n(h))])).unwrap_or_default();
        let spacing = match (&c.rule_id, c.drinks_in_window) {
            (Some(id), 0) => trf(ctx, "demo-spacing-kept", &[("rule", s(id))]),
            (Some(id), k) => trf(ctx, "demo-spacing-missed", &[("n", n(k)), ("rule", s(id))]),
            (None, _) => String::new(),
        };
        let args = [
            ("name", s(name)),
            ("label", s(&c.label)),
            ("first", s(&c.first_local)),
            ("last", s(&c.last_local)),
            ("every", s(every)),
            ("doses", n(c.doses)),
            ("state", s(tr(ctx, if c.active { "course-ongoing" } else { "course-completed" }))),
            ("spacing", s(spacing)),
        ];
        outln!("  {}", trf(ctx, "demo-course", &args));
    }
    for e in &summary.plan_events {
        outln!(
            "  {}  {:<9} {:>4} {ml}  {}{}",
            e.date,
            e.decision,
            e.target_ml,
            e.reason,
            crate::print::rule_list(&e.rule_ids)
        );
    }
    outln!("  {}", summary.disclaimer);
    outln!();
    let database = tr(ctx, "demo-database");
    // The labels in one column: as wide as the widest ("database:").
    let w = database.chars().count().max(9);
    outln!("{database:<w$} {}", db.display());
    outln!("{:<w$} {}", "PDF:", pdf.display());
    outln!("{:<w$} {}", "FHIR:", fhir.display());
    Ok(())
}

fn path(p: &std::path::Path) -> String {
    p.to_string_lossy().into_owned()
}

/// One day of the table. The decision and the check-in's level are the
/// stable codes (`advance`, `step_back`, `caution`), as in `--json`.
fn print_day(ctx: &Ctx, d: &SimDay) {
    let decision = d.decision.map(|k| k.as_str()).unwrap_or("-");
    let checkin = if d.checked_in { d.level.as_str().to_string() } else { tr(ctx, "demo-missed") };
    let ml = tr(ctx, "ml");
    outln!(
        "{:<10}  {:<9}  {:>4}{ml}  {:>3}{ml}  {:<9}  {}",
        d.date,
        decision,
        d.target_ml,
        d.drunk_ml,
        checkin,
        d.rule_ids.join(", ")
    );
}
