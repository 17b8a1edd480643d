//! `kefir demo`: a simulated four-week introduction, run through the same
//! facade the phones use, into a fresh database; it ends with the doctor
//! summary.

use std::path::PathBuf;

use chrono::Duration;
use clap::Args;
use kefir_core::simulate::{demo_simulation, simulate_into, SimDay};
use kefir_core::Zone;
use kefir_ffi::KefirError;

use crate::cmd::{open, Ctx};
use crate::Failure;

#[derive(Args)]
pub struct DemoArgs {
    /// Folder for the demo database and reports (created; earlier demo files in it are replaced)
    #[arg(long, default_value = "kefir-demo")]
    pub out: PathBuf,
}

const DB: &str = "kefir-demo.db";
const DEMO_FILES: &[&str] = &["kefir-demo.db", "kefir-demo.db-wal", "kefir-demo.db-shm"];

pub fn run(args: &DemoArgs, ctx: &Ctx) -> Result<(), Failure> {
    std::fs::create_dir_all(&args.out)?;
    for f in DEMO_FILES {
        let p = args.out.join(f);
        if p.exists() {
            std::fs::remove_file(&p)?;
        }
    }
    let db = args.out.join(DB);
    let app = open(Some(db.clone()))?;
    let zone = Zone::parse(&ctx.tz).map_err(KefirError::from)?;
    // Four weeks ending yesterday, in the user's zone.
    let first_day = ctx.now.local_date(&zone) - Duration::days(28);
    let sim = demo_simulation(first_day, &ctx.tz);
    let days = app.with_core(|core| simulate_into(core, &sim)).map_err(KefirError::from)?;
    if ctx.json {
        println!("{}", serde_json::to_string_pretty(&days).expect("records serialise"));
    } else {
        println!("Simulated introduction: {} days from {} ({})", days.len(), days[0].date, ctx.tz);
        println!("{:<10}  {:<9}  {:>6}  {:>5}  {:<9}  rules", "date", "decision", "target", "drunk", "check-in");
        for d in &days {
            print_day(d);
        }
        println!("demo database: {}", db.display());
    }
    Ok(())
}

fn print_day(d: &SimDay) {
    let decision = d.decision.map(|k| k.as_str()).unwrap_or("-");
    let checkin = if d.checked_in { d.level.as_str() } else { "missed" };
    println!(
        "{:<10}  {:<9}  {:>4}ml  {:>3}ml  {:<9}  {}",
        d.date,
        decision,
        d.target_ml,
        d.drunk_ml,
        checkin,
        d.rule_ids.join(", ")
    );
}
