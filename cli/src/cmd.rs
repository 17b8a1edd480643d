//! Argument handling and dispatch.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::Duration;
use clap::Args;
use kefir_core::time::parse_user_time;
use kefir_core::{DrinkInput, KefirKind, Source, Timestamp, Zone};
use kefir_ffi::{KefirApp, KefirError};

use crate::{demo, print, Cli, Command, Failure};

#[derive(Args)]
pub struct LogArgs {
    /// Volume in ml (1-1000)
    pub ml: u32,
    /// milk (cow), milk_goat, milk_sheep, water or plant
    #[arg(long, default_value = "milk")]
    pub kind: String,
    /// homemade or commercial
    #[arg(long, default_value = "commercial")]
    pub source: String,
    /// When: now, HH:MM, YYYY-MM-DD HH:MM or RFC 3339
    #[arg(long, default_value = "now")]
    pub at: String,
    #[arg(long)]
    pub note: Option<String>,
}

#[derive(Args)]
pub struct RangeArgs {
    /// First local day (YYYY-MM-DD) or time
    #[arg(long)]
    pub from: Option<String>,
    /// Last local day (YYYY-MM-DD) or time
    #[arg(long)]
    pub to: Option<String>,
}

/// Context every command gets: the clock reading and the zone, read once.
pub struct Ctx {
    pub now: Timestamp,
    pub tz: String,
    pub json: bool,
}

pub fn run(cli: Cli) -> Result<(), Failure> {
    let tz = match cli.tz {
        Some(t) => t,
        None => iana_time_zone::get_timezone().unwrap_or_else(|_| "UTC".to_string()),
    };
    let zone = Zone::parse(&tz).map_err(KefirError::from)?;
    let now = match cli.now.as_deref() {
        Some(s) => Timestamp::parse_rfc3339(s)
            .ok_or_else(|| Failure { message: format!("invalid --now '{s}': use RFC 3339"), code: 2 })?,
        None => Timestamp::from_utc(chrono::Utc::now()),
    };
    let ctx = Ctx { now, tz, json: cli.json };
    if let Command::Demo(args) = &cli.command {
        return demo::run(args, &ctx);
    }
    let app = open(cli.db)?;
    match cli.command {
        Command::Log(a) => {
            let input = DrinkInput {
                at: parse_user_time("at", &a.at, now, &zone).map_err(KefirError::from)?,
                ml: a.ml,
                kind: parse_kind(&a.kind)?,
                source: Source::parse_field("source", &a.source).map_err(KefirError::from)?,
                note: a.note,
                batch: None,
            };
            let logged = app.log_drink(input, now, ctx.tz.clone())?;
            print::logged(&ctx, &logged);
        }
        Command::List(r) => {
            let (from, to) = range(&r, &ctx, &zone)?;
            let drinks = app.list_drinks(from, to)?;
            print::drinks(&ctx, &zone, &drinks);
        }
        Command::Totals(r) => {
            let (from, to) = range(&r, &ctx, &zone)?;
            let totals = app.daily_totals(from, to.minus(Duration::milliseconds(1)), ctx.tz.clone())?;
            print::totals(&ctx, &totals);
        }
        Command::Delete { id } => {
            app.delete_drink(id, now)?;
            print::done(&ctx, &format!("deleted drink {id} (undo: kefir undo {id})"));
        }
        Command::Undo { id } => {
            let d = app.undo_delete_drink(id)?;
            print::drinks(&ctx, &zone, &[d]);
        }
        Command::Today => {
            let today = app.today(now, ctx.tz.clone())?;
            print::today(&ctx, &zone, &today);
        }
        Command::Demo(_) => unreachable!("handled above"),
    }
    Ok(())
}

/// `milk` is cow's milk kefir, the common case.
pub fn parse_kind(s: &str) -> Result<KefirKind, Failure> {
    let t = s.trim().to_ascii_lowercase();
    let t = if t == "milk" { "milk_cow".to_string() } else { t };
    Ok(KefirKind::parse_field("kind", &t).map_err(KefirError::from)?)
}

pub fn open(db: Option<PathBuf>) -> Result<Arc<KefirApp>, Failure> {
    let path = match db {
        Some(p) => p,
        None => default_db()?,
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    Ok(KefirApp::new(path.to_string_lossy().into_owned())?)
}

fn default_db() -> Result<PathBuf, Failure> {
    let base = match std::env::var_os("XDG_DATA_HOME").filter(|v| !v.is_empty()) {
        Some(d) => PathBuf::from(d),
        None => match std::env::var_os("HOME") {
            Some(h) => PathBuf::from(h).join(".local").join("share"),
            None => {
                return Err(Failure {
                    message: "no --db given and neither XDG_DATA_HOME nor HOME is set".into(),
                    code: 2,
                })
            }
        },
    };
    Ok(base.join("kefir").join("kefir.db"))
}

/// A `[from, to)` range from day or time arguments; default the last 7 local days.
fn range(r: &RangeArgs, ctx: &Ctx, zone: &Zone) -> Result<(Timestamp, Timestamp), Failure> {
    let today = ctx.now.local_date(zone);
    let from = match r.from.as_deref() {
        Some(s) => bound(s, ctx, zone, false, "from")?,
        None => zone.start_of_day(today - Duration::days(6)),
    };
    let to = match r.to.as_deref() {
        Some(s) => bound(s, ctx, zone, true, "to")?,
        None => zone.day_bounds(today).1,
    };
    Ok((from, to))
}

fn bound(s: &str, ctx: &Ctx, zone: &Zone, end: bool, field: &str) -> Result<Timestamp, Failure> {
    if let Ok(day) = kefir_core::time::parse_iso_date(field, s) {
        let (a, b) = zone.day_bounds(day);
        return Ok(if end { b } else { a });
    }
    Ok(parse_user_time(field, s, ctx.now, zone).map_err(KefirError::from)?)
}
