//! kefir-ffi: the uniffi facade the Android and iOS shells (and the `kefir`
//! CLI) call. It holds no logic: one `KefirApp` object wrapping the core,
//! and the mapping from the core's rich error to a small public error whose
//! variants tell a UI what to do.

use std::sync::{Arc, Mutex, MutexGuard};

use kefir_core::forms::{DrinkForm, QuickLog};
use kefir_core::l10n::Locale;
use kefir_core::lock::{AppLockForm, AppLockSettings, LockDecision};
use kefir_core::passphrase::PassphraseVerdict;
use kefir_core::reminders::{Notification, ReminderSettings};
use kefir_core::report::pdf::Paper;
use kefir_core::report::Summary;
use kefir_core::rhythm::Rhythm;
use kefir_core::{
    Checkin, CheckinInput, CheckinResult, DayTotal, DoseInput, DoseLogged, Drink, DrinkInput, DrinkLogged, ImportMode,
    ImportSummary, Kefir, PlanSettings, PlanView, Profile, ProfileVersion, ReactionInput, ReactionResult, ReportRange,
    Screening, SpacingStatus, SymptomEntry, Timestamp, Today,
};

mod error;
pub use error::KefirError;

uniffi::setup_scaffolding!("kefir_ffi");

type Result<T> = std::result::Result<T, KefirError>;

/// The app, opened on one database file. Safe to share between threads:
/// calls are serialised on the one SQLite connection.
#[derive(uniffi::Object)]
pub struct KefirApp {
    inner: Mutex<Kefir>,
}

impl KefirApp {
    fn app(&self) -> MutexGuard<'_, Kefir> {
        // A panic inside a call (turned into an error by uniffi) must not
        // brick the app: SQLite rolled back any open transaction.
        self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Run one core call; an I/O failure that the OS reported as "no space
    /// left on device" becomes `StorageFull` (reads and writes alike).
    fn run<T>(&self, f: impl FnOnce(&Kefir) -> kefir_core::Result<T>) -> Result<T> {
        let app = self.app();
        f(&app).map_err(|e| KefirError::from(app.store().classify(e)))
    }

    /// Run one core call with its texts in `locale` (a BCP 47 tag; English
    /// when the language has no catalogue; `InvalidInput { field: "locale" }`
    /// when the tag is malformed).
    fn run_in<T>(&self, locale: &str, f: impl FnOnce(&Kefir) -> kefir_core::Result<T>) -> Result<T> {
        let loc = kefir_core::l10n::Locale::parse(locale)?;
        self.run(|k| {
            k.set_locale(loc);
            f(k)
        })
    }

    /// The wrapped core, for Rust callers (the CLI, benchmarks).
    pub fn with_core<T>(&self, f: impl FnOnce(&Kefir) -> T) -> T {
        f(&self.app())
    }
}

#[uniffi::export]
impl KefirApp {
    /// Open (or create) the database at `db_path`. A file that is not a
    /// kefir database (another app's SQLite file, a folder, FIFO or device)
    /// or is damaged gives `DatabaseUnreadable`, one from a newer app
    /// version `DatabaseTooNew`; either is left byte-for-byte untouched with
    /// nothing created beside it. After a crash or a full disk SQLite
    /// recovers the file itself; `StorageFull` if it cannot yet.
    #[uniffi::constructor]
    pub fn new(db_path: String) -> Result<Arc<Self>> {
        let core = Kefir::open(std::path::Path::new(&db_path))?;
        Ok(Arc::new(KefirApp { inner: Mutex::new(core) }))
    }

    /// Log a drink. It is stored even when a rule warns (the warnings say why).
    pub fn log_drink(
        &self,
        input: DrinkInput,
        now: Timestamp,
        time_zone: String,
        locale: String,
    ) -> Result<DrinkLogged> {
        self.run_in(&locale, |k| k.log_drink(&input, now, &time_zone))
    }

    pub fn update_drink(
        &self,
        id: i64,
        input: DrinkInput,
        now: Timestamp,
        time_zone: String,
        locale: String,
    ) -> Result<Drink> {
        self.run_in(&locale, |k| k.update_drink(id, &input, now, &time_zone))
    }

    /// Delete a drink; `undo_delete_drink` brings back the latest deletion.
    pub fn delete_drink(&self, id: i64, now: Timestamp) -> Result<()> {
        self.run(|k| k.delete_drink(id, now))
    }

    pub fn undo_delete_drink(&self, id: i64) -> Result<Drink> {
        self.run(|k| k.undo_delete_drink(id))
    }

    /// Drinks with `from <= time < to`, oldest first.
    pub fn list_drinks(&self, from: Timestamp, to: Timestamp) -> Result<Vec<Drink>> {
        self.run(|k| k.list_drinks(from, to))
    }

    /// One total per local day, from the day of `from` to the day of `to`.
    pub fn daily_totals(&self, from: Timestamp, to: Timestamp, time_zone: String) -> Result<Vec<DayTotal>> {
        self.run(|k| k.daily_totals(from, to, &time_zone))
    }

    /// Everything the Today screen shows.
    pub fn today(&self, now: Timestamp, time_zone: String, locale: String) -> Result<Today> {
        self.run_in(&locale, |k| k.today(now, &time_zone))
    }

    // --- profile and screening --------------------------------------------------

    /// The current profile (a default adult profile before the first save).
    pub fn profile(&self) -> Result<Profile> {
        self.run(|k| k.profile())
    }

    /// Every saved version of the profile, oldest first.
    pub fn profile_history(&self) -> Result<Vec<ProfileVersion>> {
        self.run(|k| k.profile_history())
    }

    /// Save a new version of the profile; returns the new screening.
    pub fn save_profile(&self, profile: Profile, now: Timestamp, locale: String) -> Result<Screening> {
        self.run_in(&locale, |k| k.save_profile(&profile, now))
    }

    /// The first-run screening screen: level, findings, constraints.
    pub fn screening(&self, locale: String) -> Result<Screening> {
        self.run_in(&locale, |k| k.screening())
    }

    /// "Cleared by my clinician": lifts the current `consult` hold.
    pub fn acknowledge_clinician(&self, note: Option<String>, now: Timestamp, locale: String) -> Result<Screening> {
        self.run_in(&locale, |k| k.acknowledge_clinician(note, now))
    }

    // --- check-ins, reactions, medicines ----------------------------------------

    /// Save today's or yesterday's check-in; the result carries the rules
    /// that fired and, for `emergency`, the emergency screen.
    pub fn save_checkin(
        &self,
        input: CheckinInput,
        now: Timestamp,
        time_zone: String,
        locale: String,
    ) -> Result<CheckinResult> {
        self.run_in(&locale, |k| k.save_checkin(&input, now, &time_zone))
    }

    /// "Report a reaction now": red flags are evaluated at once.
    pub fn report_reaction(
        &self,
        input: ReactionInput,
        now: Timestamp,
        time_zone: String,
        locale: String,
    ) -> Result<ReactionResult> {
        self.run_in(&locale, |k| k.report_reaction(&input, now, &time_zone))
    }

    /// Check-ins for local days `from_day..=to_day` (ISO dates).
    pub fn checkins(&self, from_day: String, to_day: String, locale: String) -> Result<Vec<Checkin>> {
        self.run_in(&locale, |k| k.checkins(&from_day, &to_day))
    }

    pub fn log_dose(&self, input: DoseInput, now: Timestamp, time_zone: String, locale: String) -> Result<DoseLogged> {
        self.run_in(&locale, |k| k.log_dose(&input, now, &time_zone))
    }

    /// Medicine spacing countdowns that matter now.
    pub fn spacing(&self, now: Timestamp, time_zone: String, locale: String) -> Result<Vec<SpacingStatus>> {
        self.run_in(&locale, |k| k.spacing(now, &time_zone))
    }

    // --- plan ------------------------------------------------------------------------

    pub fn start_plan(
        &self,
        settings: PlanSettings,
        now: Timestamp,
        time_zone: String,
        locale: String,
    ) -> Result<PlanView> {
        self.run_in(&locale, |k| k.start_plan(&settings, now, &time_zone))
    }

    /// Everything the Plan screen shows.
    pub fn plan_view(&self, now: Timestamp, time_zone: String, locale: String) -> Result<PlanView> {
        self.run_in(&locale, |k| k.plan_view(now, &time_zone))
    }

    pub fn pause_plan(&self, now: Timestamp, time_zone: String, locale: String) -> Result<PlanView> {
        self.run_in(&locale, |k| k.pause_plan(now, &time_zone))
    }

    pub fn resume_plan(&self, now: Timestamp, time_zone: String, locale: String) -> Result<PlanView> {
        self.run_in(&locale, |k| k.resume_plan(now, &time_zone))
    }

    /// Restart after a stop, once a check-in without the red flag followed it.
    pub fn restart_plan(&self, now: Timestamp, time_zone: String, locale: String) -> Result<PlanView> {
        self.run_in(&locale, |k| k.restart_plan(now, &time_zone))
    }

    pub fn change_target(&self, target_ml: u32, now: Timestamp, time_zone: String, locale: String) -> Result<PlanView> {
        self.run_in(&locale, |k| k.change_target(target_ml, now, &time_zone))
    }

    // --- backup, restore, delete everything -------------------------------------

    /// Write everything to one versioned JSON file at `path` (a temp file in
    /// the same folder, then a rename). `InvalidInput { field: "path" }`,
    /// naming the path, when it is this database or its -wal/-shm/-journal,
    /// a folder, device, FIFO or symlink; `StorageFull` on a full disk (the
    /// old file stays, no temp file is left).
    ///
    /// With a `passphrase` the file is that same JSON encrypted in the age
    /// format, binary (https://age-encryption.org/v1; one scrypt passphrase
    /// stanza, work factor 2^17 = 128 MiB and a fraction of a second to
    /// derive the key, see `kefir_core::backup_crypt`), so the standard
    /// `age -d` opens it without this app. A passphrase that is empty or
    /// whitespace, or that [`passphrase_strength`] judges too weak, is
    /// `InvalidInput { field: "passphrase" }` with the reasons in `locale`;
    /// nothing is written. The passphrase is never stored, logged or put
    /// into an error. `None` writes plain JSON (the shells warn first:
    /// `BackupForm.plain_warning`).
    pub fn export_backup(
        &self,
        path: String,
        passphrase: Option<String>,
        now: Timestamp,
        locale: String,
    ) -> Result<()> {
        self.run_in(&locale, |k| k.write_backup(std::path::Path::new(&path), passphrase.as_deref(), now))
    }

    /// Import a backup file. `Replace` asks for `confirmed`; a malformed or
    /// newer backup is refused (`BackupRejected`, the reason naming the
    /// record and field) and nothing changes: only a regular file of at most
    /// 64 MiB, every value checked like live input, nothing dated after the
    /// backup's `exported_at`, which may not be after `now` (the import
    /// time); check-in and reaction levels are recomputed.
    ///
    /// An encrypted backup (age v1, binary or ASCII-armored, recognised by
    /// its header; at most 64 MiB + 64 KiB, its plaintext at most 64 MiB)
    /// needs its `passphrase`: without one (or with an empty one) the call
    /// is `PassphraseRequired` (ask, then call again), with a wrong one
    /// `WrongPassphrase` (ask again); a damaged or truncated file, one
    /// encrypted to age keys rather than a passphrase, or one asking for an
    /// scrypt work factor above 2^18 (the age tool's default) is
    /// `BackupRejected` with the reason. Nothing changes in any of these
    /// cases. A plain backup ignores `passphrase`.
    #[allow(clippy::too_many_arguments)] // one FFI call per screen action
    pub fn import_backup(
        &self,
        path: String,
        passphrase: Option<String>,
        mode: ImportMode,
        confirmed: bool,
        now: Timestamp,
        locale: String,
    ) -> Result<ImportSummary> {
        self.run_in(&locale, |k| {
            k.import_backup_file(std::path::Path::new(&path), passphrase.as_deref(), mode, confirmed, now)
        })
    }

    // --- app lock (issue 17) ------------------------------------------------------

    /// The app-lock settings screen and first-run offer (`offer` is true
    /// until the user has answered once, either way), texts in `locale`.
    /// The lock is a setting of this device: backups do not carry it.
    /// Rules L1–L8 in `kefir_core::lock`; the core decides, the shells
    /// report the app's lifecycle and show the prompt.
    pub fn app_lock_form(&self, locale: String) -> Result<AppLockForm> {
        self.run_in(&locale, |k| k.app_lock_form())
    }

    /// Store the app-lock setting (answers the first-run offer too) and
    /// return the screen; `InvalidInput { field: "after_minutes" }` for a
    /// delay not among the form's `choices` (0, 1, 5, 15, 30, 60), nothing
    /// stored. Turning it off unlocks; turning it on does not lock the open
    /// app (it applies from the next background). Shells offer "on" only
    /// when the platform reports a biometric or device credential set up.
    pub fn save_app_lock(&self, settings: AppLockSettings, locale: String) -> Result<AppLockForm> {
        self.run_in(&locale, |k| k.save_app_lock(&settings))
    }

    /// The app went to the background at `now` (Android onStop, iOS
    /// scenePhase .background); a repeated report keeps the earlier time.
    /// `InvalidInput { field: "now" }` for a clock outside 2000–9000: the
    /// next `app_foregrounded` then locks (the time away is unknown).
    pub fn app_backgrounded(&self, now: Timestamp) -> Result<()> {
        self.run(|k| k.app_backgrounded(now))
    }

    /// The app is in front at `now` (launch, Android onStart, iOS
    /// scenePhase .active): whether to show the lock cover and prompt, and
    /// whether to hide content (FLAG_SECURE / privacy cover: whenever the
    /// lock is on). Locked at a cold start with the lock on, after
    /// `after_minutes` or more in the background, or when the clock went
    /// back (or is unreadable) while in the background; it stays locked
    /// until `app_unlocked`.
    pub fn app_foregrounded(&self, now: Timestamp, locale: String) -> Result<LockDecision> {
        self.run_in(&locale, |k| k.app_foregrounded(now))
    }

    /// The platform prompt succeeded at `now`: the app is open until the
    /// next time it spends the set delay in the background (the unlock
    /// stands whatever the clock reads). Call it only after the platform
    /// confirmed the owner (BiometricPrompt onAuthenticationSucceeded,
    /// LAContext evaluatePolicy success).
    pub fn app_unlocked(&self, now: Timestamp, locale: String) -> Result<LockDecision> {
        self.run_in(&locale, |k| k.app_unlocked(now))
    }

    /// Delete all data on this device (asks for `confirmed`). Succeeds only
    /// when no trace is left in the file or its WAL; when another reader
    /// blocks that, `Storage` says to close it and wipe again.
    pub fn wipe_everything(&self, confirmed: bool) -> Result<()> {
        self.run(|k| k.wipe_everything(confirmed))
    }

    // --- doctor summary and exports ---------------------------------------------

    /// The Reports screen's default range (the plan's first day, or four weeks, to today).
    pub fn report_range(&self, now: Timestamp, time_zone: String, locale: String) -> Result<ReportRange> {
        self.run_in(&locale, |k| k.report_range(now, &time_zone))
    }

    /// The doctor summary for local days `from_day..=to_day` (ISO dates).
    pub fn summary(
        &self,
        from_day: String,
        to_day: String,
        now: Timestamp,
        time_zone: String,
        locale: String,
    ) -> Result<Summary> {
        self.run_in(&locale, |k| k.summary(&from_day, &to_day, now, &time_zone))
    }

    /// Fallback font files for the PDF, tried in order for characters the
    /// bundled font lacks (pass the phone's system fonts, e.g. Android's
    /// /system/fonts/NotoSansHebrew-Regular.ttf). Read at each render, never
    /// stored; an empty list means the bundled font only. InvalidInput
    /// `fonts` if a file is unreadable or not a font.
    pub fn set_report_fonts(&self, paths: Vec<String>) -> Result<()> {
        let paths: Vec<std::path::PathBuf> = paths.into_iter().map(Into::into).collect();
        Ok(self.app().set_report_fonts(&paths)?)
    }

    /// Write the summary as a PDF (A4 or US Letter) to `path`; the target
    /// rules and errors of `export_backup`.
    #[allow(clippy::too_many_arguments)] // one FFI call per screen action: range, paper, target, clock, zone, language
    pub fn write_pdf(
        &self,
        from_day: String,
        to_day: String,
        paper: Paper,
        path: String,
        now: Timestamp,
        time_zone: String,
        locale: String,
    ) -> Result<()> {
        self.run_in(&locale, |k| k.write_pdf(&from_day, &to_day, paper, std::path::Path::new(&path), now, &time_zone))
    }

    /// Write the summary as a FHIR R4 Bundle (JSON) to `path`; the target
    /// rules and errors of `export_backup`.
    pub fn write_fhir(
        &self,
        from_day: String,
        to_day: String,
        path: String,
        now: Timestamp,
        time_zone: String,
        locale: String,
    ) -> Result<()> {
        self.run_in(&locale, |k| k.write_fhir(&from_day, &to_day, std::path::Path::new(&path), now, &time_zone))
    }

    /// Write drinks, check-ins, reaction reports and doses as CSV files into
    /// the folder `dir`; returns their paths in that order.
    pub fn write_csv(
        &self,
        from_day: String,
        to_day: String,
        dir: String,
        time_zone: String,
        locale: String,
    ) -> Result<Vec<String>> {
        self.run_in(&locale, |k| k.write_csv(&from_day, &to_day, std::path::Path::new(&dir), &time_zone))
    }

    // --- drink form and quick log ------------------------------------------------

    /// The drink form for `now`: kinds and sources with labels (marked by
    /// what the screening allows), the preselected kind and source, the quick
    /// amounts, which source has batch fields, the ml limits.
    pub fn drink_form(&self, now: Timestamp, time_zone: String, locale: String) -> Result<DrinkForm> {
        self.run_in(&locale, |k| k.drink_form(now, &time_zone))
    }

    /// "Log today's amount" (the drink reminder's action): logs what is left
    /// of today's planned amount with the form's preselected kind and
    /// source, or says why not (`NothingLeft`, `NeedsForm`).
    pub fn log_planned_amount(&self, now: Timestamp, time_zone: String, locale: String) -> Result<QuickLog> {
        self.run_in(&locale, |k| k.log_planned_amount(now, &time_zone))
    }

    // --- reminders and rhythm -----------------------------------------------------

    pub fn reminder_settings(&self) -> Result<ReminderSettings> {
        self.run(|k| k.reminder_settings())
    }

    /// Validate and store; returns the settings normalised. Reschedule after.
    pub fn save_reminder_settings(&self, settings: ReminderSettings) -> Result<ReminderSettings> {
        self.run(|k| k.save_reminder_settings(&settings))
    }

    /// The next `count` notifications (stable ids, instants to fire at, text),
    /// computed in the device's current zone. Schedule exactly these.
    pub fn upcoming_notifications(
        &self,
        now: Timestamp,
        time_zone: String,
        count: u32,
        locale: String,
    ) -> Result<Vec<Notification>> {
        self.run_in(&locale, |k| k.upcoming_notifications(now, &time_zone, count))
    }

    /// Check-in streak and adherence for local days `from_day..=to_day`.
    pub fn rhythm(
        &self,
        from_day: String,
        to_day: String,
        now: Timestamp,
        time_zone: String,
        locale: String,
    ) -> Result<Rhythm> {
        self.run_in(&locale, |k| k.rhythm(&from_day, &to_day, now, &time_zone))
    }
}

// --- forms: screen-ready options, labels and defaults --------------------------

/// The first-run screening (profile) form: age bands, conditions and
/// medicines with labels and help texts, kinds and sources, in `locale`.
#[uniffi::export]
pub fn screening_form(locale: String) -> Result<kefir_core::forms::ScreeningForm> {
    Ok(kefir_core::forms::screening_form(&Locale::parse(&locale)?))
}

/// The check-in and reaction forms: symptoms, severities, Bristol types 1-7
/// with descriptions, in `locale`.
#[uniffi::export]
pub fn checkin_form(locale: String) -> Result<kefir_core::forms::CheckinForm> {
    Ok(kefir_core::forms::checkin_form(&Locale::parse(&locale)?))
}

/// Whether "report a reaction now" may be sent: at least one symptom above none.
#[uniffi::export]
pub fn reaction_submit_allowed(symptoms: Vec<SymptomEntry>) -> bool {
    kefir_core::forms::reaction_submit_allowed(&symptoms)
}

/// Settings defaults for a new install: reminder times in `time_zone`, the
/// paper for `locale`'s region (CLDR), the report languages.
#[uniffi::export]
pub fn settings_defaults(time_zone: String, locale: String) -> Result<kefir_core::forms::SettingsDefaults> {
    Ok(kefir_core::forms::settings_defaults(&time_zone, &Locale::parse(&locale)?)?)
}

/// How strong `passphrase` is for an encrypted backup, and why a weak one
/// is weak, in `locale`. The passphrase is neither stored nor logged.
#[uniffi::export]
pub fn passphrase_strength(passphrase: String, locale: String) -> Result<PassphraseVerdict> {
    Ok(kefir_core::passphrase::judge(&passphrase, &Locale::parse(&locale)?))
}

/// The "save a backup" screen's texts (encryption by default, the warning
/// before a plain backup, the import prompt), in `locale`.
#[uniffi::export]
pub fn backup_form(locale: String) -> Result<kefir_core::forms::BackupForm> {
    Ok(kefir_core::forms::backup_form(&Locale::parse(&locale)?))
}

/// The app's languages (code, own name, name in `locale`).
#[uniffi::export]
pub fn app_languages(locale: String) -> Result<Vec<kefir_core::forms::LanguageOption>> {
    Ok(kefir_core::forms::languages(&Locale::parse(&locale)?))
}
