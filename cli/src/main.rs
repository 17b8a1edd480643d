//! `kefir`: a terminal shell over the same facade (`kefir-ffi::KefirApp`)
//! the phones call. Like the phone shells it decides nothing: it parses
//! arguments, reads the clock and the system time zone, calls the facade,
//! and prints what comes back.

mod cmd;
mod demo;
mod print;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use kefir_ffi::KefirError;

#[derive(Parser)]
#[command(
    name = "kefir",
    version,
    about = "Introduce kefir gradually and safely (offline; nothing leaves this machine)"
)]
pub struct Cli {
    /// Database file [default: $XDG_DATA_HOME/kefir/kefir.db]
    #[arg(long, global = true, env = "KEFIR_DB")]
    db: Option<PathBuf>,
    /// IANA time zone [default: the system's]
    #[arg(long, global = true, env = "KEFIR_TZ")]
    tz: Option<String>,
    /// Pretend the current time is this (RFC 3339); for scripts and tests
    #[arg(long, global = true, env = "KEFIR_NOW", hide = true)]
    now: Option<String>,
    /// Print JSON for scripts instead of text
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Log a drink: `kefir log 75 --kind milk --source commercial`; homemade batches
    /// take `--fermentation-hours`, `--room-temp` and `--spoiled SIGN` (H1, H2)
    Log(cmd::LogArgs),
    /// List drinks (default: the last 7 days)
    List(cmd::RangeArgs),
    /// Daily totals (default: the last 7 days)
    Totals(cmd::RangeArgs),
    /// Delete a drink (undo with `kefir undo ID`)
    Delete { id: i64 },
    /// Bring back a deleted drink: `kefir undo ID`, with the id `delete` printed
    /// (only the most recent deletion can be undone)
    Undo {
        /// Id of the deleted drink (as printed by `kefir delete`)
        id: i64,
    },
    /// What today looks like
    Today,
    /// Show or edit the screening profile
    #[command(subcommand)]
    Profile(cmd::ProfileCmd),
    /// Screening: level, findings with rule ids, and the limits that apply
    Screen,
    /// Daily check-in: `kefir checkin --symptom bloating=mild --bristol 4`
    Checkin(cmd::CheckinArgs),
    /// Report a reaction now (red flags are evaluated at once)
    React(cmd::ReactArgs),
    /// Medicine doses and kefir spacing
    #[command(subcommand)]
    Med(cmd::MedCmd),
    /// The introduction plan
    #[command(subcommand)]
    Plan(cmd::PlanCmd),
    /// Reminder settings and the next notifications
    #[command(subcommand)]
    Remind(cmd::RemindCmd),
    /// Backup and restore
    #[command(subcommand)]
    Backup(cmd::BackupCmd),
    /// Doctor summary: `kefir report --from 2026-11-01 --to 2026-11-28 --pdf s.pdf --fhir s.json --csv DIR`
    Report(cmd::ReportArgs),
    /// Delete all data in the database (needs --yes)
    Wipe {
        #[arg(long)]
        yes: bool,
    },
    /// Run a simulated introduction into a fresh database and print it
    Demo(demo::DemoArgs),
}

/// Exit codes: 2 for bad input, 1 for everything else.
pub struct Failure {
    pub message: String,
    pub code: u8,
}

impl From<KefirError> for Failure {
    fn from(e: KefirError) -> Self {
        let code = if matches!(e, KefirError::InvalidInput { .. }) { 2 } else { 1 };
        Failure { message: e.to_string(), code }
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Failure { message: e.to_string(), code: 1 }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cmd::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("kefir: error: {}", f.message);
            ExitCode::from(f.code)
        }
    }
}
