//! Argument handling and dispatch.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::Duration;
use clap::Args;
use kefir_core::lock::AppLockSettings;
use kefir_core::report::pdf::Paper;
use kefir_core::time::parse_user_time;
use kefir_core::vocab::Labelled;
use kefir_core::{
    AgeBand, Batch, CheckinInput, Condition, DoseInput, DrinkInput, ImportMode, KefirKind, MedClass, PlanSettings,
    Profile, ReactionInput, Severity, Source, Symptom, SymptomEntry, Timestamp, Zone,
};
use kefir_ffi::{KefirApp, KefirError};

use crate::{demo, print, tr, Cli, Command, Failure};

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
    /// A free-text note (at most 1000 characters)
    #[arg(long)]
    pub note: Option<String>,
    /// Homemade batch (H1): fermentation time in hours (1-168)
    #[arg(long)]
    pub fermentation_hours: Option<u32>,
    /// Homemade batch (H1): room temperature in °C (0-45)
    #[arg(long, allow_hyphen_values = true)]
    pub room_temp: Option<i32>,
    /// Homemade batch spoilage sign (H2: discard the batch): off_smell, mould,
    /// pink_or_orange or unusual_fizz (repeatable)
    #[arg(long = "spoiled")]
    pub spoiled: Vec<String>,
}

impl LogArgs {
    /// The homemade batch fields, if any was given (the core checks that the
    /// source is homemade and the ranges).
    fn batch(&self) -> Result<Option<Batch>, Failure> {
        if self.fermentation_hours.is_none() && self.room_temp.is_none() && self.spoiled.is_empty() {
            return Ok(None);
        }
        let mut b =
            Batch { fermentation_hours: self.fermentation_hours, room_temp_c: self.room_temp, ..Batch::default() };
        for sign in &self.spoiled {
            match sign.trim().to_ascii_lowercase().replace('-', "_").as_str() {
                "off_smell" => b.off_smell = true,
                "mould" | "mold" => b.mould = true,
                "pink_or_orange" => b.pink_or_orange = true,
                "unusual_fizz" => b.unusual_fizz = true,
                other => {
                    return Err(KefirError::InvalidInput {
                        field: "spoiled".into(),
                        reason: format!(
                            "unknown sign '{other}' (expected one of: off_smell, mould, pink_or_orange, unusual_fizz)"
                        ),
                    }
                    .into())
                }
            }
        }
        Ok(Some(b))
    }
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

#[derive(clap::Subcommand)]
pub enum ProfileCmd {
    /// Show the current profile
    Show,
    /// Save a new profile version (lists replace the current ones)
    Set {
        #[arg(long)]
        name: Option<String>,
        /// adult, child or infant_under_12_months
        #[arg(long, default_value = "adult")]
        age: String,
        /// e.g. lactose_intolerance, milk_protein_allergy, pregnant (repeatable)
        #[arg(long = "condition")]
        conditions: Vec<String>,
        /// e.g. antibiotic, mao_inhibitor (repeatable)
        #[arg(long = "medicine")]
        medicines: Vec<String>,
        #[arg(long = "kind")]
        kinds: Vec<String>,
        #[arg(long = "source")]
        sources: Vec<String>,
    },
    /// Record a clinician's go-ahead, with who said what (`--note`, required):
    /// clears consult findings, a consult pause, and S5/S6/S7 before a restart
    Ack {
        /// What the clinician said (optional)
        #[arg(long)]
        note: Option<String>,
    },
    /// Every saved version with its date
    History,
}

#[derive(Args)]
pub struct CheckinArgs {
    /// today, yesterday or YYYY-MM-DD
    #[arg(long, default_value = "today")]
    pub day: String,
    /// symptom=severity, e.g. bloating=mild (repeatable)
    #[arg(long = "symptom")]
    pub symptoms: Vec<String>,
    /// Bristol stool type 1-7
    #[arg(long)]
    pub bristol: Option<u8>,
    /// A free-text note (at most 1000 characters)
    #[arg(long)]
    pub note: Option<String>,
}

#[derive(Args)]
pub struct ReactArgs {
    /// symptom=severity, e.g. lip_face_tongue_swelling=moderate (repeatable)
    #[arg(long = "symptom", required = true)]
    pub symptoms: Vec<String>,
    /// When: now, HH:MM, YYYY-MM-DD HH:MM or RFC 3339
    #[arg(long, default_value = "now")]
    pub at: String,
    /// A free-text note (at most 1000 characters)
    #[arg(long)]
    pub note: Option<String>,
}

#[derive(clap::Subcommand)]
pub enum MedCmd {
    /// Log a dose: `kefir med log antibiotic --every 8 --name "Amoxicillin"`
    Log {
        medicine: String,
        /// The medicine's name, shown in the doctor summary
        #[arg(long)]
        name: Option<String>,
        #[arg(long, default_value = "now")]
        at: String,
        /// Hours between doses
        #[arg(long = "every")]
        interval_hours: Option<u32>,
        /// A free-text note (at most 1000 characters)
        #[arg(long)]
        note: Option<String>,
    },
    /// Spacing countdowns
    Status,
}

#[derive(clap::Subcommand)]
pub enum PlanCmd {
    /// Start a plan (defaults: 50 ml, target 150 ml, +25 ml every 3 days)
    Start {
        #[arg(long = "start")]
        start_ml: Option<u32>,
        #[arg(long = "target")]
        target_ml: Option<u32>,
        #[arg(long = "hold")]
        hold_days: Option<u32>,
        #[arg(long = "step")]
        step_ml: Option<u32>,
    },
    /// Show the plan: status, step, today's target; `history` has the
    /// decision that stands for each day (newest first), `events` every
    /// start, stop, pause, resume and restart (oldest first, several a day)
    Show,
    /// Pause the plan (no kefir target until `plan resume`)
    Pause,
    /// Resume a paused plan (one step below the last tolerated amount)
    Resume,
    /// Restart after a stop: once a clean check-in followed it and, after S5, S6
    /// or S7, a clinician's go-ahead was recorded (`kefir profile ack --note`)
    Restart,
    /// Change the target amount
    Target { ml: u32 },
}

#[derive(clap::Subcommand)]
pub enum RemindCmd {
    Show,
    /// Change settings (only the options given change)
    Set {
        /// Check-in time HH:MM (repeatable, up to 4)
        #[arg(long = "checkin")]
        checkin_times: Vec<String>,
        /// Days, e.g. mon,tue,wed (default: every day)
        #[arg(long, value_delimiter = ',')]
        days: Vec<String>,
        /// Quiet hours START-END, e.g. 22:00-07:00, or "off"
        #[arg(long)]
        quiet: Option<String>,
        /// Drink reminder HH:MM, or "off"
        #[arg(long)]
        drink: Option<String>,
        /// Medicine spacing alerts: on or off
        #[arg(long)]
        spacing: Option<String>,
        /// What the phone's lock screen shows of a reminder: private (a
        /// public version naming no medicine, symptom or amount) or full
        #[arg(long = "lock-screen")]
        lock_screen: Option<String>,
    },
    /// The next notifications, as the phones schedule them
    Next {
        #[arg(long, default_value_t = 10)]
        count: u32,
    },
}

/// `kefir lock [on [--after MINUTES] | off]`.
#[derive(clap::Args)]
pub struct LockArgs {
    #[command(subcommand)]
    pub cmd: Option<LockCmd>,
}

#[derive(clap::Subcommand)]
pub enum LockCmd {
    /// Turn the app lock on (phones ask for biometrics or the device PIN,
    /// pattern or password after the delay in the background)
    On {
        /// Minutes in the background before it locks: 0 (immediately), 1,
        /// 5, 15, 30 or 60 [default: the stored delay]
        #[arg(long = "after")]
        after_minutes: Option<u32>,
    },
    /// Turn the app lock off (answers the first-run offer with no)
    Off,
}

#[derive(clap::Subcommand)]
pub enum BackupCmd {
    /// Write everything to one JSON file; --encrypt protects it with a
    /// passphrase (age format: `age -d FILE` opens it without kefir)
    Export {
        /// The backup file to write (a new file, or a regular file to replace)
        file: PathBuf,
        /// Encrypt with a passphrase: from KEFIR_BACKUP_PASSPHRASE if set,
        /// else asked twice on the terminal (never on the command line)
        #[arg(long)]
        encrypt: bool,
    },
    /// Import a backup (into an empty database, or --replace --yes); an
    /// encrypted one takes its passphrase from KEFIR_BACKUP_PASSPHRASE or asks
    Import {
        /// A backup file written by `kefir backup export`: plain JSON of at
        /// most 64 MiB (67,108,864 bytes), or encrypted of at most 64 MiB +
        /// 64 KiB (67,174,400 bytes) holding at most 64 MiB of JSON
        file: PathBuf,
        /// Replace everything in the database with the backup (needs --yes)
        #[arg(long)]
        replace: bool,
        /// Confirm --replace: the current entries are deleted
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Args)]
pub struct ReportArgs {
    /// First local day (YYYY-MM-DD) [default: 27 days before --to]
    #[arg(long)]
    pub from: Option<String>,
    /// Last local day (YYYY-MM-DD) [default: today]
    #[arg(long)]
    pub to: Option<String>,
    /// Write the PDF here
    #[arg(long)]
    pub pdf: Option<PathBuf>,
    /// a4 or letter [default: the report language's region (CLDR): letter
    /// for US, CA, MX and a few more, else a4]
    #[arg(long)]
    pub paper: Option<String>,
    /// Language of the summary and its files (BCP 47: en, de, ru), so a
    /// doctor abroad can read it [default: --lang]
    #[arg(long = "report-lang")]
    pub report_lang: Option<String>,
    /// Write the FHIR R4 bundle (JSON) here
    #[arg(long)]
    pub fhir: Option<PathBuf>,
    /// Write drinks, check-ins, reactions and doses CSV files into this folder
    #[arg(long)]
    pub csv: Option<PathBuf>,
    /// Fallback font for the PDF (repeatable; tried in order for characters
    /// the bundled font lacks) [default: Noto fonts found in the system font folders]
    #[arg(long = "font")]
    pub fonts: Vec<PathBuf>,
}

/// Noto fonts (Debian: fonts-noto-core, fonts-noto-cjk) the PDF falls back
/// to when no --font is given: Latin/Greek/Cyrillic/Vietnamese, Hebrew,
/// Arabic, CJK, Devanagari, Thai.
const DEFAULT_FONT_FILES: &[&str] = &[
    "NotoSans-Regular.ttf",
    "NotoSansHebrew-Regular.ttf",
    "NotoSansArabic-Regular.ttf",
    "NotoNaskhArabic-Regular.ttf",
    "NotoSansCJK-Regular.ttc",
    "NotoSansDevanagari-Regular.ttf",
    "NotoSansThai-Regular.ttf",
    "NotoSansSymbols2-Regular.ttf",
];

/// The default fallback fonts: each of [`DEFAULT_FONT_FILES`] found (first
/// match) under the usual font folders ($XDG_DATA_HOME/fonts, ~/.local/share/fonts,
/// /usr/local/share/fonts, /usr/share/fonts), in that list's order.
pub fn default_report_fonts() -> Vec<PathBuf> {
    let mut roots: Vec<PathBuf> = Vec::new();
    if let Some(d) = std::env::var_os("XDG_DATA_HOME") {
        roots.push(PathBuf::from(d).join("fonts"));
    }
    if let Some(h) = std::env::var_os("HOME") {
        roots.push(PathBuf::from(h).join(".local/share/fonts"));
    }
    roots.push("/usr/local/share/fonts".into());
    roots.push("/usr/share/fonts".into());
    let mut found: Vec<Option<PathBuf>> = vec![None; DEFAULT_FONT_FILES.len()];
    let mut stack = roots;
    let mut visited = 0;
    while let Some(dir) = stack.pop() {
        visited += 1;
        if visited > 5000 {
            break;
        }
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Some(i) =
                p.file_name().and_then(|n| n.to_str()).and_then(|n| DEFAULT_FONT_FILES.iter().position(|f| *f == n))
            {
                found[i].get_or_insert(p);
            }
        }
    }
    found.into_iter().flatten().collect()
}

/// Context every command gets: the clock reading and the zone, read once.
pub struct Ctx {
    pub now: Timestamp,
    pub tz: String,
    pub json: bool,
    /// BCP 47 tag of `--lang`, or the environment's locale, or `en`.
    pub lang: String,
    /// `lang` parsed: the language of the CLI's own chrome (`tr`).
    pub loc: kefir_core::l10n::Locale,
}

/// Whether a command, once it succeeded, has changed something (stored or
/// written a file): decides the exit code when its output is lost.
fn changes_something(c: &Command) -> bool {
    !matches!(
        c,
        Command::List(_)
            | Command::Totals(_)
            | Command::Today
            | Command::Screen
            | Command::Profile(ProfileCmd::Show | ProfileCmd::History)
            | Command::Med(MedCmd::Status)
            | Command::Plan(PlanCmd::Show)
            | Command::Remind(RemindCmd::Show | RemindCmd::Next { .. })
            | Command::Lock(LockArgs { cmd: None })
    ) && !matches!(c, Command::Report(r) if r.pdf.is_none() && r.fhir.is_none() && r.csv.is_none())
}

/// Run one command; `Ok(true)` if it changed something (see `changes_something`).
pub fn run(cli: Cli) -> Result<bool, Failure> {
    let committed = changes_something(&cli.command);
    run_command(cli)?;
    Ok(committed)
}

fn run_command(cli: Cli) -> Result<(), Failure> {
    let tz = match cli.tz {
        Some(t) => t,
        None => iana_time_zone::get_timezone().unwrap_or_else(|_| "UTC".to_string()),
    };
    let zone = Zone::parse(&tz).map_err(KefirError::from)?;
    let now = match cli.now.as_deref() {
        Some(s) => Timestamp::parse_rfc3339(s)
            .ok_or_else(|| Failure::invalid("now", format!("invalid --now '{s}': use RFC 3339")))?,
        None => Timestamp::from_utc(chrono::Utc::now()),
    };
    let lang = lang(cli.lang.as_deref())?;
    let loc = kefir_core::l10n::Locale::parse(&lang).unwrap_or_default();
    let ctx = Ctx { now, tz, json: cli.json, lang, loc };
    if let Command::Demo(args) = &cli.command {
        return demo::run(args, cli.db.as_deref(), &ctx);
    }
    // Bad options are refused before the database is opened (or created).
    if let Command::Report(ReportArgs { report_lang: Some(tag), .. }) = &cli.command {
        checked_lang(tag, "report-lang")?;
    }
    let app = open(cli.db)?;
    match cli.command {
        Command::Log(a) => {
            let input = DrinkInput {
                at: parse_user_time("at", &a.at, now, &zone).map_err(KefirError::from)?,
                ml: a.ml,
                kind: parse_kind(&a.kind)?,
                source: Source::parse_field("source", &a.source).map_err(KefirError::from)?,
                batch: a.batch()?,
                note: a.note,
            };
            let logged = app.log_drink(input, now, ctx.tz.clone(), ctx.lang.clone())?;
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
            print::done(&ctx, "deleted", &[("id", tr::n(id as f64))]);
        }
        Command::Undo { id } => {
            let d = app.undo_delete_drink(id)?;
            print::drinks(&ctx, &zone, &[d]);
        }
        Command::Today => {
            let today = app.today(now, ctx.tz.clone(), ctx.lang.clone())?;
            print::today(&ctx, &zone, &today);
        }
        Command::Profile(p) => profile_cmd(&app, p, &ctx)?,
        Command::Screen => print::screening(&ctx, &app.screening(ctx.lang.clone())?, &app.profile()?),
        Command::Checkin(a) => {
            let day = match a.day.as_str() {
                "today" => kefir_core::time::iso_date(now.local_date(&zone)),
                "yesterday" => kefir_core::time::iso_date(now.local_date(&zone) - Duration::days(1)),
                d => d.to_string(),
            };
            let input = CheckinInput { day, symptoms: symptoms(&a.symptoms)?, bristol: a.bristol, note: a.note };
            let r = app.save_checkin(input, now, ctx.tz.clone(), ctx.lang.clone())?;
            print::assessment(&ctx, &r.assessment, &r);
        }
        Command::React(a) => {
            let at = parse_user_time("at", &a.at, now, &zone).map_err(KefirError::from)?;
            let r = app.report_reaction(
                ReactionInput { at, symptoms: symptoms(&a.symptoms)?, note: a.note },
                now,
                ctx.tz.clone(),
                ctx.lang.clone(),
            )?;
            print::assessment(&ctx, &r.assessment, &r);
        }
        Command::Med(MedCmd::Log { medicine, name, at, interval_hours, note }) => {
            let input = DoseInput {
                medicine: MedClass::parse_field("medicine", &medicine).map_err(KefirError::from)?,
                at: parse_user_time("at", &at, now, &zone).map_err(KefirError::from)?,
                interval_hours,
                note,
                name,
            };
            let logged = app.log_dose(input, now, ctx.tz.clone(), ctx.lang.clone())?;
            if !ctx.json {
                let time = logged.dose.at.local(&zone).format("%Y-%m-%d %H:%M").to_string();
                let medicine = logged.dose.medicine.label(&ctx.loc);
                outln!("{}", tr::trf(&ctx, "dose-logged", &[("medicine", tr::s(medicine)), ("time", tr::s(time))]));
            }
            print::spacing(&ctx, &logged.spacing, Some(&logged));
            if !ctx.json {
                print::warnings(&ctx, &logged.warnings);
            }
        }
        Command::Med(MedCmd::Status) => {
            print::spacing(&ctx, &app.spacing(now, ctx.tz.clone(), ctx.lang.clone())?, None::<&()>)
        }
        Command::Plan(p) => {
            let tz = ctx.tz.clone();
            let view = match p {
                PlanCmd::Start { start_ml, target_ml, hold_days, step_ml } => {
                    app.start_plan(PlanSettings { start_ml, target_ml, hold_days, step_ml }, now, tz, ctx.lang.clone())?
                }
                PlanCmd::Show => app.plan_view(now, tz, ctx.lang.clone())?,
                PlanCmd::Pause => app.pause_plan(now, tz, ctx.lang.clone())?,
                PlanCmd::Resume => app.resume_plan(now, tz, ctx.lang.clone()).map_err(|e| with_hint(&ctx, e))?,
                PlanCmd::Restart => app.restart_plan(now, tz, ctx.lang.clone()).map_err(|e| with_hint(&ctx, e))?,
                PlanCmd::Target { ml } => app.change_target(ml, now, tz, ctx.lang.clone())?,
            };
            print::plan(&ctx, &view);
        }
        Command::Remind(RemindCmd::Show) => print::reminder_settings(&ctx, &app.reminder_settings()?),
        Command::Remind(RemindCmd::Next { count }) => print::notifications(
            &ctx,
            &zone,
            &app.upcoming_notifications(now, ctx.tz.clone(), count, ctx.lang.clone())?,
        ),
        Command::Remind(RemindCmd::Set { checkin_times, days, quiet, drink, spacing, lock_screen }) => {
            let mut s = app.reminder_settings()?;
            s.time_zone = ctx.tz.clone();
            if !checkin_times.is_empty() {
                s.checkin_times = checkin_times;
            }
            if !days.is_empty() {
                s.days = days
                    .iter()
                    .map(|d| kefir_core::reminders::Weekday::parse_field("days", d))
                    .collect::<Result<_, _>>()
                    .map_err(KefirError::from)?;
            }
            match quiet.as_deref() {
                None => {}
                Some("off") => (s.quiet_start, s.quiet_end) = (None, None),
                Some(q) => {
                    let (a, b) = q.split_once('-').ok_or_else(|| {
                        Failure::invalid(
                            "quiet",
                            format!("invalid --quiet '{q}': use START-END like 22:00-07:00, or off"),
                        )
                    })?;
                    (s.quiet_start, s.quiet_end) = (Some(a.into()), Some(b.into()));
                }
            }
            match drink.as_deref() {
                None => {}
                Some("off") => s.drink_reminder = None,
                Some(t) => s.drink_reminder = Some(t.into()),
            }
            match spacing.as_deref() {
                None => {}
                Some("on") => s.spacing_alerts = true,
                Some("off") => s.spacing_alerts = false,
                Some(o) => return Err(Failure::invalid("spacing", format!("invalid --spacing '{o}': use on or off"))),
            }
            match lock_screen.as_deref() {
                None => {}
                Some("private") => s.full_text_on_lock_screen = false,
                Some("full") => s.full_text_on_lock_screen = true,
                Some(o) => {
                    return Err(Failure::invalid(
                        "lock_screen",
                        format!("invalid --lock-screen '{o}': use private or full"),
                    ))
                }
            }
            print::reminder_settings(&ctx, &app.save_reminder_settings(s)?);
        }
        Command::Lock(LockArgs { cmd }) => {
            let form = match cmd {
                None => app.app_lock_form(ctx.lang.clone())?,
                Some(LockCmd::On { after_minutes }) => {
                    let stored = app.app_lock_form(ctx.lang.clone())?.settings;
                    let after_minutes = after_minutes.unwrap_or(stored.after_minutes);
                    app.save_app_lock(AppLockSettings { enabled: true, after_minutes }, ctx.lang.clone())?
                }
                Some(LockCmd::Off) => {
                    let stored = app.app_lock_form(ctx.lang.clone())?.settings;
                    app.save_app_lock(AppLockSettings { enabled: false, ..stored }, ctx.lang.clone())?
                }
            };
            print::app_lock(&ctx, &form);
        }
        Command::Backup(BackupCmd::Export { file, encrypt }) => {
            let passphrase = if encrypt { Some(export_passphrase(&ctx)?) } else { None };
            app.export_backup(file.to_string_lossy().into_owned(), passphrase, now, ctx.lang.clone())?;
            // Once written (a refusal stays one error line): what a plain file exposes.
            if !encrypt {
                warn(&ctx, "plain_backup", &kefir_core::forms::backup_form(&ctx.loc).plain_warning);
            }
            print::done(&ctx, "backup-written", &[("file", tr::s(file.display()))]);
        }
        Command::Backup(BackupCmd::Import { file, replace, yes }) => {
            let mode = if replace { ImportMode::Replace } else { ImportMode::IntoEmpty };
            // Through the core (as the facade's `import_backup` does), to keep
            // the JSON path of a refused field for `--json`'s `field`.
            let import = |passphrase: Option<&str>| {
                app.with_core(|k| {
                    k.import_backup_file(&file, passphrase, mode, yes, now).map_err(|e| k.store().classify(e))
                })
            };
            let from_env = env_passphrase()?;
            let result = match import(from_env.as_deref()) {
                // Encrypted: ask once on the terminal, then try again.
                Err(kefir_core::CoreError::PassphraseRequired) if from_env.is_none() && interactive() => {
                    let form = kefir_core::forms::backup_form(&ctx.loc);
                    let p = ask(&ctx, &format!("{} ", form.import_passphrase_prompt), "backup-no-passphrase-import")?;
                    if p.is_empty() {
                        // Asked, and Enter on an empty line: not "run in a terminal".
                        return Err(no_passphrase(&ctx, "backup-no-passphrase-entered"));
                    }
                    import(Some(&p))
                }
                r => r,
            };
            let s = result.map_err(|e| match e {
                kefir_core::CoreError::BadBackupField { field, reason } => Failure {
                    message: format!("backup refused: {field}: {reason}"),
                    code: 1,
                    kind: "backup_rejected",
                    field: Some(field),
                },
                // Set but empty: say so, rather than "set it".
                kefir_core::CoreError::PassphraseRequired if from_env.as_deref() == Some("") => {
                    Failure::invalid("passphrase", tr::tr(&ctx, "backup-env-empty"))
                }
                kefir_core::CoreError::PassphraseRequired => no_passphrase(&ctx, "backup-no-passphrase-import"),
                kefir_core::CoreError::WrongPassphrase => Failure {
                    message: kefir_core::forms::backup_form(&ctx.loc).wrong_passphrase_message,
                    code: 1,
                    kind: "wrong_passphrase",
                    field: Some("passphrase".into()),
                },
                e => Failure::from(KefirError::from(e)),
            })?;
            print::imported(&ctx, &s);
        }
        Command::Report(r) => {
            let to = r.to.clone().unwrap_or_else(|| kefir_core::time::iso_date(now.local_date(&zone)));
            let from = match r.from.clone() {
                Some(f) => f,
                None => {
                    let last = kefir_core::time::parse_iso_date("to", &to).map_err(KefirError::from)?;
                    kefir_core::time::iso_date(last - Duration::days(27))
                }
            };
            let report_lang = match r.report_lang.as_deref() {
                Some(tag) => checked_lang(tag, "report-lang")?,
                None => ctx.lang.clone(),
            };
            let paper = match r.paper.as_deref().map(str::to_ascii_lowercase).as_deref() {
                Some("a4") => Paper::A4,
                Some("letter") => Paper::Letter,
                Some(other) => {
                    return Err(Failure::invalid("paper", format!("invalid paper '{other}': use a4 or letter")))
                }
                None => kefir_ffi::settings_defaults(ctx.tz.clone(), report_lang.clone())?.paper,
            };
            let summary = app.summary(from.clone(), to.clone(), now, ctx.tz.clone(), report_lang.clone())?;
            let mut written = Vec::new();
            if let Some(p) = &r.pdf {
                let fonts = if r.fonts.is_empty() { default_report_fonts() } else { r.fonts.clone() };
                app.set_report_fonts(fonts.iter().map(|f| f.to_string_lossy().into_owned()).collect())?;
                app.write_pdf(
                    from.clone(),
                    to.clone(),
                    paper,
                    p.to_string_lossy().into_owned(),
                    now,
                    ctx.tz.clone(),
                    report_lang.clone(),
                )?;
                written.push(p.display().to_string());
            }
            if let Some(p) = &r.fhir {
                app.write_fhir(
                    from.clone(),
                    to.clone(),
                    p.to_string_lossy().into_owned(),
                    now,
                    ctx.tz.clone(),
                    report_lang.clone(),
                )?;
                written.push(p.display().to_string());
            }
            if let Some(d) = &r.csv {
                written.extend(app.write_csv(
                    from.clone(),
                    to.clone(),
                    d.to_string_lossy().into_owned(),
                    ctx.tz.clone(),
                    report_lang.clone(),
                )?);
            }
            print::summary(&ctx, &summary, &written);
        }
        Command::Wipe { yes } => {
            // Through the core (as the facade's `wipe_everything` does), to
            // tell "deleted, but traces remain" (exit 5) from "nothing changed".
            app.with_core(|k| k.wipe_everything(yes).map_err(|e| k.store().classify(e))).map_err(|e| match e {
                kefir_core::CoreError::TraceRemains(what) => {
                    Failure { message: what, code: crate::EXIT_WIPED_TRACES_REMAIN, kind: "traces_remain", field: None }
                }
                e => Failure::from(KefirError::from(e)),
            })?;
            print::done(&ctx, "wiped", &[]);
        }
        Command::Demo(_) => unreachable!("handled above"),
    }
    Ok(())
}

fn profile_cmd(app: &KefirApp, p: ProfileCmd, ctx: &Ctx) -> Result<(), Failure> {
    match p {
        ProfileCmd::Show => print::profile(ctx, &app.profile()?),
        ProfileCmd::History => print::profile_history(ctx, &app.profile_history()?),
        ProfileCmd::Ack { note } => {
            let s = app.acknowledge_clinician(note, ctx.now, ctx.lang.clone())?;
            if !ctx.json {
                outln!("{}", tr::trf(ctx, "ack-recorded", &[("at", tr::s(ctx.now))]));
            }
            print::screening(ctx, &s, &app.profile()?)
        }
        ProfileCmd::Set { name, age, conditions, medicines, kinds, sources } => {
            let e = KefirError::from;
            let profile = Profile {
                display_name: name,
                age_band: AgeBand::parse_field("age", if age == "infant" { "infant_under_12_months" } else { &age })
                    .map_err(e)?,
                conditions: conditions
                    .iter()
                    .map(|c| Condition::parse_field("condition", c))
                    .collect::<Result<_, _>>()
                    .map_err(e)?,
                medicines: medicines
                    .iter()
                    .map(|m| MedClass::parse_field("medicine", m))
                    .collect::<Result<_, _>>()
                    .map_err(e)?,
                preferred_kinds: kinds.iter().map(|k| parse_kind(k)).collect::<Result<_, _>>()?,
                preferred_sources: sources
                    .iter()
                    .map(|s| Source::parse_field("source", s))
                    .collect::<Result<_, _>>()
                    .map_err(e)?,
            };
            let s = app.save_profile(profile.clone(), ctx.now, ctx.lang.clone())?;
            print::screening(ctx, &s, &app.profile()?);
        }
    }
    Ok(())
}

/// `bloating=mild` pairs; the names are the core's.
fn symptoms(pairs: &[String]) -> Result<Vec<SymptomEntry>, Failure> {
    pairs
        .iter()
        .map(|p| {
            let (s, v) = p.split_once('=').ok_or_else(|| {
                Failure::invalid("symptom", format!("invalid symptom '{p}': use name=severity, e.g. bloating=mild"))
            })?;
            // `wheeze` (named by S5) is recorded as `breathing_difficulty`
            // ("Wheeze or difficulty breathing").
            let s = if s.trim().eq_ignore_ascii_case("wheeze") { "breathing_difficulty" } else { s };
            Ok(SymptomEntry {
                symptom: Symptom::parse_field("symptom", s).map_err(KefirError::from)?,
                severity: Severity::parse_field("severity", v).map_err(KefirError::from)?,
            })
        })
        .collect()
}

/// `milk` is cow's milk kefir, the common case.
pub fn parse_kind(s: &str) -> Result<KefirKind, Failure> {
    let t = s.trim().to_ascii_lowercase();
    let t = if t == "milk" { "milk_cow".to_string() } else { t };
    Ok(KefirKind::parse_field("kind", &t).map_err(KefirError::from)?)
}

/// Open the database at `db`, or the default one. Only the default data
/// folder is created when missing; a `--db` in a folder that does not
/// exist is refused (a mistyped path must not grow folders and a diary).
pub fn open(db: Option<PathBuf>) -> Result<Arc<KefirApp>, Failure> {
    let path = match db {
        Some(p) => {
            if let Some(dir) = p.parent().filter(|d| !d.as_os_str().is_empty()) {
                if !dir.is_dir() {
                    return Err(Failure::invalid("db", format!("folder {} does not exist", dir.display())));
                }
            }
            p
        }
        None => {
            let p = default_db()?;
            if let Some(dir) = p.parent() {
                // The app's own data folder: only its owner may list it
                // (the diary itself is created 0600 by the core).
                let mut b = std::fs::DirBuilder::new();
                b.recursive(true);
                #[cfg(unix)]
                std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
                b.create(dir)?;
            }
            p
        }
    };
    Ok(KefirApp::new(path.to_string_lossy().into_owned())?)
}

/// The language of the output: `--lang` (a malformed tag is a usage error),
/// else the POSIX locale of the environment (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, read
/// by `sys-locale`; one that is not BCP 47, e.g. `C`, means English).
fn lang(flag: Option<&str>) -> Result<String, Failure> {
    if let Some(tag) = flag {
        return checked_lang(tag, "lang");
    }
    Ok(sys_locale::get_locale()
        .and_then(|t| kefir_core::l10n::Locale::parse(&t).ok())
        .map(|l| l.tag().to_string())
        .unwrap_or_else(|| "en".to_string()))
}

/// The language of the CLI's chrome: `--lang` or the environment's (as
/// [`lang`]); English when the tag is malformed (that error itself is then
/// reported in English).
pub fn locale(flag: Option<&str>) -> kefir_core::l10n::Locale {
    lang(flag).ok().and_then(|t| kefir_core::l10n::Locale::parse(&t).ok()).unwrap_or_default()
}

/// A language tag from the option `--{option}`: a malformed one is bad input
/// (exit 2) naming the option and the tag.
fn checked_lang(tag: &str, option: &str) -> Result<String, Failure> {
    match kefir_core::l10n::Locale::parse(tag) {
        Ok(_) => Ok(tag.to_string()),
        Err(_) => Err(Failure::invalid(
            option,
            format!("invalid --{option} '{tag}': use a BCP 47 language tag such as en, de, ru or de-AT"),
        )),
    }
}

fn default_db() -> Result<PathBuf, Failure> {
    let base = match std::env::var_os("XDG_DATA_HOME").filter(|v| !v.is_empty()) {
        Some(d) => PathBuf::from(d),
        None => match std::env::var_os("HOME") {
            Some(h) => PathBuf::from(h).join(".local").join("share"),
            None => {
                return Err(Failure::invalid("db", "no --db given and neither XDG_DATA_HOME nor HOME is set".into()))
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

/// A refused plan action, with the CLI command that does what it asks for.
fn with_hint(ctx: &Ctx, e: KefirError) -> Failure {
    let mut f = Failure::from(e);
    // `--json` keeps its message as it always was: English (scripts read it).
    let loc = if ctx.json { kefir_core::l10n::Locale::english() } else { ctx.loc.clone() };
    if let Some(h) = print::hint_id(&f.message).map(|id| tr::format(&loc, id, &[])) {
        f.message = format!("{} ({h})", f.message);
    }
    f
}

// --- backup passphrases (issue 17) -------------------------------------------------

/// Where scripts put the passphrase of an encrypted backup. Never a
/// command-line argument: other users of the machine can read those (`ps`,
/// /proc/PID/cmdline) and shells keep them in their history.
const PASSPHRASE_ENV: &str = "KEFIR_BACKUP_PASSPHRASE";

/// The passphrase from `KEFIR_BACKUP_PASSPHRASE`, when it is set.
fn env_passphrase() -> Result<Option<String>, Failure> {
    match std::env::var(PASSPHRASE_ENV) {
        Ok(p) => Ok(Some(p)),
        Err(std::env::VarError::NotPresent) => Ok(None),
        Err(std::env::VarError::NotUnicode(_)) => {
            Err(Failure::invalid("passphrase", format!("{PASSPHRASE_ENV} is not UTF-8 text")))
        }
    }
}

/// Whether a person can be asked: standard input is a terminal (the
/// passphrase itself is read from the controlling terminal, /dev/tty,
/// without echo). Scripts with redirected input are never asked.
fn interactive() -> bool {
    use std::io::IsTerminal;
    std::io::stdin().is_terminal()
}

/// No passphrase and nobody to ask: exit 2, kind `passphrase_required`.
fn no_passphrase(ctx: &Ctx, id: &str) -> Failure {
    Failure { message: tr::tr(ctx, id), code: 2, kind: "passphrase_required", field: Some("passphrase".into()) }
}

/// Ask on the terminal without echo (rpassword: /dev/tty, echo off while
/// typing). No terminal to read from is `passphrase_required`.
/// `missing` is the message when there is none (`backup-no-passphrase-*`).
fn ask(ctx: &Ctx, prompt: &str, missing: &str) -> Result<String, Failure> {
    rpassword::prompt_password(prompt).map_err(|e| ask_failure(ctx, &e, missing))
}

/// What a failed prompt means: Ctrl-C is `usage` (exit 1); Ctrl-D on an
/// empty line (rpassword's `UnexpectedEof`) means the person was asked and
/// entered nothing (`backup-no-passphrase-entered`, exit 2,
/// `passphrase_required`); anything else means there is no terminal to ask
/// on (`missing`).
fn ask_failure(ctx: &Ctx, e: &std::io::Error, missing: &str) -> Failure {
    match e.kind() {
        std::io::ErrorKind::Interrupted => Failure { message: e.to_string(), code: 1, kind: "usage", field: None },
        std::io::ErrorKind::UnexpectedEof => no_passphrase(ctx, "backup-no-passphrase-entered"),
        _ => no_passphrase(ctx, missing),
    }
}

/// A warning on stderr, one line (`kefir: warning: ...`, or with `--json`
/// `{"warning": kind, "message": ...}`); never fails the command.
fn warn(ctx: &Ctx, kind: &str, message: &str) {
    use std::io::Write;
    let line = if ctx.json {
        serde_json::json!({ "warning": kind, "message": message }).to_string()
    } else {
        format!("{} {message}", tr::tr(ctx, "warning-prefix"))
    };
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{line}");
    let _ = err.flush();
}

/// The passphrase for `backup export --encrypt`: `KEFIR_BACKUP_PASSPHRASE`
/// if set (the core judges it; a weak one is refused with the reasons),
/// else asked on the terminal: the core's verdict (level and reasons) is
/// shown after each entry, a too-weak one is asked again (three tries),
/// then it is asked a second time and must match. Without a terminal and
/// without the variable: exit 2, `passphrase_required`.
fn export_passphrase(ctx: &Ctx) -> Result<String, Failure> {
    if let Some(p) = env_passphrase()? {
        // A fair passphrase is accepted; say why it could be stronger, as the
        // prompt does (a too-weak one is refused by the export with its reasons).
        let v = kefir_ffi::passphrase_strength(p.clone(), ctx.lang.clone())?;
        if v.acceptable && !v.reasons.is_empty() {
            let text = tr::trf(ctx, "backup-strength", &[("level", tr::s(&v.level_label))]);
            warn(ctx, "fair_passphrase", &format!("{text} {}", v.reasons.join(" ")));
        }
        return Ok(p);
    }
    if !interactive() {
        return Err(no_passphrase(ctx, "backup-no-passphrase-export"));
    }
    let form = kefir_core::forms::backup_form(&ctx.loc);
    eprintln!("{}", form.passphrase_help);
    let mut verdict = None;
    for _ in 0..3 {
        let p = ask(ctx, &format!("{}: ", form.passphrase_label), "backup-no-passphrase-export")?;
        let v = kefir_ffi::passphrase_strength(p.clone(), ctx.lang.clone())?;
        eprintln!("{}", tr::trf(ctx, "backup-strength", &[("level", tr::s(&v.level_label))]));
        for r in &v.reasons {
            eprintln!("  - {r}");
        }
        if !v.acceptable {
            verdict = Some(v);
            continue;
        }
        let again = ask(ctx, &format!("{}: ", form.repeat_label), "backup-no-passphrase-export")?;
        if again != p {
            return Err(Failure::invalid("passphrase", form.mismatch_message));
        }
        return Ok(p);
    }
    let reasons = verdict.map(|v| v.reasons.join(" ")).unwrap_or_default();
    Err(Failure::invalid("passphrase", format!("{} {reasons}", tr::tr(ctx, "backup-too-weak")).trim().to_string()))
}

#[cfg(test)]
mod backup_tests {
    use super::*;

    fn ctx(lang: &str) -> Ctx {
        Ctx {
            now: kefir_core::time::Timestamp::from_millis(1_790_000_000_000).unwrap(),
            tz: "UTC".into(),
            json: false,
            lang: lang.into(),
            loc: kefir_core::l10n::Locale::parse(lang).unwrap(),
        }
    }

    /// Ctrl-D at a prompt (rpassword: `UnexpectedEof`) is "no passphrase
    /// was entered", in each language; no terminal stays "run kefir in a
    /// terminal" (`missing`).
    #[test]
    fn ctrl_d_at_the_prompt_says_nothing_was_entered_not_run_in_a_terminal() {
        for lang in ["en", "de", "ru"] {
            let c = ctx(lang);
            let eof = std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "unexpected end of file");
            let f = ask_failure(&c, &eof, "backup-no-passphrase-export");
            assert_eq!((f.kind, f.code), ("passphrase_required", 2));
            assert_eq!(f.message, tr::tr(&c, "backup-no-passphrase-entered"));
            assert_ne!(f.message, tr::tr(&c, "backup-no-passphrase-export"));
            let no_tty = std::io::Error::from(std::io::ErrorKind::NotFound);
            let f = ask_failure(&c, &no_tty, "backup-no-passphrase-export");
            assert_eq!(f.message, tr::tr(&c, "backup-no-passphrase-export"));
        }
        let f = ask_failure(&ctx("en"), &std::io::Error::from(std::io::ErrorKind::UnexpectedEof), "x");
        assert!(f.message.contains("no passphrase was entered"), "{}", f.message);
    }
}
