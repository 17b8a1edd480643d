//! `kefir demo`: a simulated introduction into a fresh database.

use std::path::PathBuf;

use chrono::Duration;
use clap::Args;
use kefir_core::{DrinkInput, KefirKind, Source, Zone};
use kefir_ffi::KefirError;

use crate::cmd::{open, Ctx};
use crate::{print, Failure};

#[derive(Args)]
pub struct DemoArgs {
    /// Folder for the demo database and reports (created; earlier demo files in it are replaced)
    #[arg(long, default_value = "kefir-demo")]
    pub out: PathBuf,
}

const DEMO_FILES: &[&str] = &["kefir-demo.db", "kefir-demo.db-wal", "kefir-demo.db-shm"];

pub fn run(args: &DemoArgs, ctx: &Ctx) -> Result<(), Failure> {
    std::fs::create_dir_all(&args.out)?;
    for f in DEMO_FILES {
        let p = args.out.join(f);
        if p.exists() {
            std::fs::remove_file(&p)?;
        }
    }
    let db = args.out.join(DEMO_FILES[0]);
    let app = open(Some(db.clone()))?;
    let zone = Zone::parse(&ctx.tz).map_err(KefirError::from)?;
    let today = ctx.now.local_date(&zone);
    // Four days: 50 ml a day, then 75 ml, in the morning after breakfast.
    for (i, ml) in [50u32, 50, 50, 75].iter().enumerate() {
        let day = today - Duration::days(3 - i as i64);
        let at = zone.resolve_local(day.and_hms_opt(8, 30, 0).expect("valid time"));
        let at = if at > ctx.now { ctx.now } else { at };
        app.log_drink(
            DrinkInput { at, ml: *ml, kind: KefirKind::MilkCow, source: Source::Commercial, note: None, batch: None },
            ctx.now,
            ctx.tz.clone(),
        )?;
    }
    let from = zone.start_of_day(today - Duration::days(3));
    let to = zone.day_bounds(today).1;
    let drinks = app.list_drinks(from, to)?;
    print::drinks(ctx, &zone, &drinks);
    let totals = app.daily_totals(from, to.minus(Duration::milliseconds(1)), ctx.tz.clone())?;
    print::totals(ctx, &totals);
    if !ctx.json {
        println!("demo database: {}", db.display());
    }
    Ok(())
}
