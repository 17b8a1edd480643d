//! `kefir`: a terminal shell over the same facade (`kefir-ffi::KefirApp`)
//! the phones call. Like the phone shells it decides nothing: it parses
//! arguments, reads the clock and the system time zone, calls the facade,
//! and prints what comes back.

/// A line of standard output. Output is collected and written once the
/// command is done (see `main`), so a closed pipe or a full stdout is an
/// error to report with its exit code, never a panic halfway through.
macro_rules! outln {
    () => {
        $crate::print::push_line(String::new())
    };
    ($($t:tt)*) => {
        $crate::print::push_line(format!($($t)*))
    };
}

mod cmd;
mod demo;
mod print;
mod tr;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use kefir_core::l10n::Locale;
use kefir_ffi::KefirError;

#[derive(Parser)]
#[command(
    name = "kefir",
    version,
    about = "Introduce kefir gradually and safely (offline; nothing leaves this machine)"
)]
pub struct Cli {
    /// Database file [default: $XDG_DATA_HOME/kefir/kefir.db; for demo: <--out>/kefir-demo.db]
    #[arg(long, global = true, env = "KEFIR_DB")]
    db: Option<PathBuf>,
    /// IANA time zone [default: the system's]
    #[arg(long, global = true, env = "KEFIR_TZ")]
    tz: Option<String>,
    /// Pretend the current time is this (RFC 3339); for scripts and tests
    #[arg(long, global = true, env = "KEFIR_NOW")]
    now: Option<String>,
    /// Print JSON for scripts instead of text
    #[arg(long, global = true)]
    json: bool,
    /// Language of every text (BCP 47: en, de, ru; others fall back to
    /// English) [default: from LANGUAGE, LC_ALL, LC_MESSAGES or LANG]
    #[arg(long, global = true)]
    lang: Option<String>,
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
    /// App lock setting: `kefir lock` shows it, `kefir lock on --after 5`,
    /// `kefir lock off` (the lock itself works in the phone apps)
    Lock(cmd::LockArgs),
    /// Doctor summary: `kefir report --from 2026-11-01 --to 2026-11-28 --pdf s.pdf --fhir s.json --csv DIR`
    Report(cmd::ReportArgs),
    /// Delete all data in the database (needs --yes)
    Wipe {
        /// Confirm: delete every entry on this device
        #[arg(long)]
        yes: bool,
    },
    /// Run a simulated introduction into a demo database and print it
    Demo(demo::DemoArgs),
}

/// Exit codes (README, "Exit codes"):
/// 0 done; 1 failed, nothing changed; 2 bad input, nothing changed;
/// 3 done and committed, but the output could not be written (closed pipe,
/// full disk); 4 nothing changed and the output could not be written.
pub const EXIT_COMMITTED_OUTPUT_LOST: u8 = 3;
pub const EXIT_OUTPUT_LOST: u8 = 4;
/// `wipe`: every entry was deleted, but another reader (an app or widget
/// with the diary open) keeps old pages in the WAL until it closes.
pub const EXIT_WIPED_TRACES_REMAIN: u8 = 5;

/// A failed command: the message, its exit code, and for `--json` the
/// error's kind (the facade's error variant in snake_case, or `usage`) and
/// the input field it is about.
pub struct Failure {
    pub message: String,
    pub code: u8,
    pub kind: &'static str,
    pub field: Option<String>,
}

impl Failure {
    /// Bad input found by the CLI itself (exit 2).
    pub fn invalid(field: &str, message: String) -> Self {
        Failure { message, code: 2, kind: "invalid_input", field: Some(field.to_string()) }
    }
}

impl From<KefirError> for Failure {
    fn from(e: KefirError) -> Self {
        let (kind, field) = match &e {
            KefirError::InvalidInput { field, .. } => ("invalid_input", Some(field.clone())),
            KefirError::NotFound { .. } => ("not_found", None),
            KefirError::NotAllowed { .. } => ("not_allowed", None),
            KefirError::ConfirmationRequired { .. } => ("confirmation_required", None),
            KefirError::DatabaseUnreadable { .. } => ("database_unreadable", None),
            KefirError::DatabaseTooNew { .. } => ("database_too_new", None),
            KefirError::BackupRejected { .. } => ("backup_rejected", None),
            KefirError::PassphraseRequired => ("passphrase_required", None),
            KefirError::WrongPassphrase => ("wrong_passphrase", None),
            KefirError::StorageFull => ("storage_full", None),
            KefirError::Storage { .. } => ("storage", None),
            KefirError::Internal { .. } => ("internal", None),
        };
        let code = if kind == "invalid_input" { 2 } else { 1 };
        Failure { message: e.to_string(), code, kind, field }
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        let kind = if e.kind() == std::io::ErrorKind::StorageFull { "storage_full" } else { "storage" };
        Failure { message: e.to_string(), code: 1, kind, field: None }
    }
}

/// Write to stderr without ever panicking (stderr may be closed too). The
/// text form starts with the CLI's own prefix in `loc` (`kefir: error:`);
/// the JSON form is the same in every language.
fn report(json: bool, loc: &Locale, f: &Failure) {
    let text = if json {
        serde_json::json!({ "kind": f.kind, "field": f.field, "message": f.message }).to_string()
    } else {
        // One line, whatever the message holds (SQLite's integrity report
        // can span lines).
        let one: Vec<&str> = f.message.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        format!("{} {}", tr::format(loc, "error-prefix", &[]), one.join("; "))
    };
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{text}");
    let _ = err.flush();
}

fn main() -> ExitCode {
    let json = std::env::args_os().any(|a| a == "--json");
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) if e.use_stderr() => {
            // A bad command line: one line, `kefir: error: ...` (or JSON).
            let msg = e.kind().to_string();
            let detail = e.to_string();
            let first = detail.lines().next().unwrap_or(&msg).trim_start_matches("error: ").to_string();
            let message = if json { first } else { format!("{first} (see kefir --help)") };
            // The command line (and so --lang) is not known: clap's English.
            report(json, &Locale::english(), &Failure { message, code: 2, kind: "usage", field: None });
            return ExitCode::from(2);
        }
        Err(e) => {
            // --help and --version: written like any output, so a closed or
            // full stdout gives exit 4 rather than a false success.
            outln!("{}", e.render().to_string().trim_end());
            return match print::flush() {
                Ok(()) => ExitCode::SUCCESS,
                Err(err) => {
                    let en = Locale::english();
                    let f = output_lost(&en, err, false);
                    report(json, &en, &f);
                    ExitCode::from(EXIT_OUTPUT_LOST)
                }
            };
        }
    };
    let json = cli.json;
    let loc = cmd::locale(cli.lang.as_deref());
    let outcome = cmd::run(cli);
    // Whatever the command printed, also before a failure.
    let written = print::flush();
    match (outcome, written) {
        (Ok(_), Ok(())) => ExitCode::SUCCESS,
        (Ok(committed), Err(e)) => {
            // `--json` keeps its messages as they always were: English.
            let f = output_lost(&if json { Locale::english() } else { loc.clone() }, e, committed);
            report(json, &loc, &f);
            ExitCode::from(f.code)
        }
        (Err(f), _) => {
            report(json, &loc, &f);
            ExitCode::from(f.code)
        }
    }
}

/// The output could not be written: whether the command's change was saved
/// decides the exit code (3 or 4) and the message, in `loc`.
fn output_lost(loc: &Locale, e: std::io::Error, committed: bool) -> Failure {
    let mut f = Failure::from(e);
    let what = tr::format(loc, if committed { "output-lost-saved" } else { "output-lost-unchanged" }, &[]);
    let args = [("reason", tr::s(&f.message)), ("what", tr::s(what))];
    f.message = tr::format(loc, "output-lost", &args);
    f.code = if committed { EXIT_COMMITTED_OUTPUT_LOST } else { EXIT_OUTPUT_LOST };
    f
}
