//! App lock (issue 17): the setting, and the decision when the app must be
//! locked, from the times the shell reports. The core decides; the shells
//! only report what happens (launch, background, foreground, a successful
//! prompt) and show what the decision says: the cover, the platform prompt
//! (Android BiometricPrompt with BIOMETRIC_STRONG | DEVICE_CREDENTIAL, WEAK
//! below Android 11 where androidx.biometric lacks that pair; iOS
//! LocalAuthentication's `.deviceOwnerAuthentication`) and, while the lock
//! is on, the app hidden in the app switcher and from screenshots.
//!
//! Rules (each is tested in `core/tests/lock.rs`, with property tests over
//! random event sequences and clocks that jump both ways):
//! - L1 The setting is off by default and stored under the settings key
//!   `app_lock` (JSON `{"enabled":bool,"after_minutes":u32}`). It is a
//!   setting of this device, not diary data: backups do not carry it, an
//!   import keeps it, "delete everything" removes it.
//! - L2 The first-run offer is shown until the user answers it once, either
//!   way ([`AppLockForm::offer`]: true until the key exists).
//! - L3 `after_minutes` is one of [`LOCK_DELAY_CHOICES`]; anything else is
//!   `Invalid { field: "after_minutes" }` and nothing is stored.
//! - L4 A fresh process (cold start) with the lock on starts locked.
//! - L5 On return to the foreground the app is locked when the lock is on
//!   AND (it is already locked, OR it spent at least `after_minutes` in the
//!   background, OR the clock now reads earlier than when it went to the
//!   background: the elapsed time cannot be trusted, so it fails closed, OR
//!   the time it went to the background could not be read).
//! - L6 Only a successful platform prompt (`Kefir::app_unlocked`) unlocks;
//!   turning the lock off unlocks too.
//! - L7 Turning the lock on while the app is open does not lock it at once
//!   (the user has just chosen it, in the open app); it applies from the
//!   next time the app goes to the background.
//! - L8 While the lock is on, `hide_content` is true: every screen of this
//!   app shows health data (the diary, symptoms, medicines), so all of them
//!   are kept out of the app switcher and screenshots (Android
//!   `FLAG_SECURE`; iOS a privacy cover when the scene leaves the
//!   foreground).
//!
//! The runtime state (locked or not, when the app went to the background)
//! lives in memory in the `Kefir` object (its methods `app_lock_form`,
//! `save_app_lock`, `app_backgrounded`, `app_foregrounded`, `app_unlocked`
//! in `app.rs` call this module), never on disk: a new process starts from
//! L4.

use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};

use crate::error::{CoreError, Result};
use crate::l10n::{Arg, Locale};
use crate::time::{check_now, Timestamp};

/// The delays the "lock after" picker offers, in whole minutes (0: as soon
/// as the app leaves the screen). Rule L3.
pub const LOCK_DELAY_CHOICES: &[u32] = &[0, 1, 5, 15, 30, 60];

/// The delay offered when the lock is first turned on: one minute. A quick
/// switch to another app (reading a message, copying a code) does not ask
/// again, while a phone put down and picked up by someone else a minute
/// later is locked. The user can choose another of [`LOCK_DELAY_CHOICES`].
pub const DEFAULT_LOCK_DELAY_MINUTES: u32 = 1;

/// The settings key the app lock is stored under (rule L1).
pub(crate) const SETTINGS_KEY: &str = "app_lock";

/// The app-lock setting, kept in the core's settings table (`app_lock`).
/// Off by default (rule L1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(default)]
pub struct AppLockSettings {
    /// Lock the app (biometrics or the device credential to open it).
    pub enabled: bool,
    /// Lock after this many whole minutes in the background (0: at once);
    /// one of [`LOCK_DELAY_CHOICES`].
    pub after_minutes: u32,
}

impl Default for AppLockSettings {
    /// Off, with [`DEFAULT_LOCK_DELAY_MINUTES`] ready for when it is turned on.
    fn default() -> Self {
        AppLockSettings { enabled: false, after_minutes: DEFAULT_LOCK_DELAY_MINUTES }
    }
}

impl AppLockSettings {
    /// Rule L3: `Invalid { field: "after_minutes" }` for a delay the picker
    /// does not offer.
    pub fn validate(&self) -> Result<()> {
        if !LOCK_DELAY_CHOICES.contains(&self.after_minutes) {
            let offered: Vec<String> = LOCK_DELAY_CHOICES.iter().map(|m| m.to_string()).collect();
            return Err(CoreError::invalid(
                "after_minutes",
                &format!("is {}; choose one of {} (minutes)", self.after_minutes, offered.join(", ")),
            ));
        }
        Ok(())
    }
}

/// One choice of the "lock after" picker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LockDelayChoice {
    /// Whole minutes, one of [`LOCK_DELAY_CHOICES`].
    pub minutes: u32,
    /// e.g. "Immediately", "After 5 minutes", in the caller's language.
    pub label: String,
}

/// The app-lock settings screen (and the first-run offer), in one call.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AppLockForm {
    /// The stored setting ([`AppLockSettings::default`] before the first answer).
    pub settings: AppLockSettings,
    /// True until the user has answered the offer once, either way (rule
    /// L2): show it at first run.
    pub offer: bool,
    pub title: String,
    /// What the lock does: the phone's biometrics or its PIN, pattern or
    /// password open the app; the app is hidden in the app switcher.
    pub explanation: String,
    /// The offer's buttons: turn the lock on (with `settings.after_minutes`)
    /// or not.
    pub enable_label: String,
    pub decline_label: String,
    /// The "lock after" picker, in [`LOCK_DELAY_CHOICES`] order.
    pub choices: Vec<LockDelayChoice>,
    /// The reason shown in the platform prompt (BiometricPrompt subtitle,
    /// LAContext localizedReason).
    pub prompt_reason: String,
    /// The label of the switch for `ReminderSettings.full_text_on_lock_screen`
    /// (the Settings screen's privacy part holds both the app lock and what
    /// reminders show on the lock screen).
    pub lock_screen_label: String,
    /// What that switch changes: off (the default), the lock screen shows
    /// only the public version, which names no medicine, symptom or amount.
    pub lock_screen_help: String,
}

/// What the shell must show now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LockDecision {
    /// Cover the app and show the unlock prompt (rules L4–L6).
    pub locked: bool,
    /// Keep screens out of the app switcher and screenshots (Android
    /// FLAG_SECURE, iOS privacy cover): true whenever the lock is on (rule
    /// L8).
    pub hide_content: bool,
    /// The cover's text, e.g. "Kefir Start is locked".
    pub cover_title: String,
    /// The cover's button that shows the prompt again (after a cancel).
    pub unlock_label: String,
    /// The reason shown in the platform prompt.
    pub prompt_reason: String,
}

/// The in-memory lock state of one process (see the module docs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct LockState {
    /// Locked until a successful prompt (rule L4: true in a fresh process).
    /// Only meaningful while the lock is on.
    locked: bool,
    /// When the app went to the background (the earliest report since it
    /// was last in front); `None` while it is in front.
    background_since: Option<Timestamp>,
    /// The app went to the background with a clock reading outside the
    /// supported range: the elapsed time cannot be known (rule L5).
    background_untrusted: bool,
}

impl Default for LockState {
    fn default() -> Self {
        LockState { locked: true, background_since: None, background_untrusted: false }
    }
}

impl LockState {
    /// Rule L5 at `now`, with the lock on after `after_minutes`; clears the
    /// background time. `now` is `None` when the clock reading is unusable.
    fn foreground(&mut self, after_minutes: u32, now: Option<Timestamp>) -> bool {
        let delay = chrono::Duration::minutes(i64::from(after_minutes));
        let away_too_long = match (self.background_since, now) {
            _ if self.background_untrusted => true,
            (Some(since), Some(now)) => now < since || now.millis() - since.millis() >= delay.num_milliseconds(),
            (Some(_), None) => true,
            (None, _) => false,
        };
        self.locked = self.locked || away_too_long;
        self.background_since = None;
        self.background_untrusted = false;
        self.locked
    }

    /// The app went to the background at `now` (the earliest report counts).
    /// Error: `Invalid { field: "now" }` for a clock outside 2000–9000; the
    /// next return then locks.
    pub(crate) fn backgrounded(&mut self, now: Timestamp) -> Result<()> {
        if let Err(e) = check_now(now) {
            self.background_untrusted = true;
            return Err(e);
        }
        self.background_since = Some(self.background_since.map_or(now, |since| since.min(now)));
        Ok(())
    }

    /// The decision on return to the foreground at `now` (rules L5, L8),
    /// texts in `loc`.
    pub(crate) fn foregrounded(&mut self, settings: &AppLockSettings, now: Timestamp, loc: &Locale) -> LockDecision {
        let locked = if settings.enabled {
            self.foreground(settings.after_minutes, check_now(now).ok().map(|_| now))
        } else {
            *self = LockState::open();
            false
        };
        decision(loc, settings.enabled, locked)
    }

    /// A successful platform prompt (rule L6).
    pub(crate) fn unlocked(&mut self, settings: &AppLockSettings, loc: &Locale) -> LockDecision {
        *self = LockState::open();
        decision(loc, settings.enabled, false)
    }

    /// The setting changed from `before` to `after`: turning it off unlocks
    /// (L6), turning it on does not lock the open app (L7); a new delay alone
    /// keeps the state.
    pub(crate) fn setting_changed(&mut self, before: &AppLockSettings, after: &AppLockSettings) {
        if !after.enabled || !before.enabled {
            self.locked = false;
        }
    }

    fn open() -> LockState {
        LockState { locked: false, background_since: None, background_untrusted: false }
    }
}

/// The stored setting, `None` before the first answer. Error: `Internal`
/// if the stored value is not readable.
pub(crate) fn stored(c: &rusqlite::Connection) -> Result<Option<AppLockSettings>> {
    let json: Option<String> =
        c.query_row("SELECT value FROM settings WHERE key = ?1", [SETTINGS_KEY], |r| r.get(0)).optional()?;
    json.map(|j| serde_json::from_str(&j).map_err(|e| CoreError::Internal(format!("stored app lock: {e}")))).transpose()
}

/// "Immediately", "After 1 minute", "After 5 minutes" (Fluent plurals).
pub fn delay_label(minutes: u32, loc: &Locale) -> String {
    if minutes == 0 {
        loc.t("lock-after-immediately")
    } else {
        loc.tr("lock-after-minutes", &[("n", Arg::from(minutes))])
    }
}

/// Validate (rule L3) and store the setting under [`SETTINGS_KEY`].
pub(crate) fn save(c: &rusqlite::Connection, settings: &AppLockSettings) -> Result<()> {
    settings.validate()?;
    let json = serde_json::to_string(settings).map_err(|e| CoreError::Internal(e.to_string()))?;
    c.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [SETTINGS_KEY, json.as_str()],
    )?;
    Ok(())
}

/// The screen for the stored setting `saved` (`None`: not answered yet), in `loc`.
pub(crate) fn form(saved: Option<AppLockSettings>, loc: &Locale) -> AppLockForm {
    AppLockForm {
        offer: saved.is_none(),
        settings: saved.unwrap_or_default(),
        title: loc.t("lock-title"),
        explanation: loc.t("lock-explanation"),
        enable_label: loc.t("lock-enable"),
        decline_label: loc.t("lock-decline"),
        choices: LOCK_DELAY_CHOICES
            .iter()
            .map(|m| LockDelayChoice { minutes: *m, label: delay_label(*m, loc) })
            .collect(),
        prompt_reason: loc.t("lock-prompt-reason"),
        lock_screen_label: loc.t("lock-screen-full-text"),
        lock_screen_help: loc.t("lock-screen-full-text-help"),
    }
}

fn decision(loc: &Locale, enabled: bool, locked: bool) -> LockDecision {
    LockDecision {
        locked: enabled && locked,
        hide_content: enabled,
        cover_title: loc.t("lock-cover-title"),
        unlock_label: loc.t("lock-unlock"),
        prompt_reason: loc.t("lock-prompt-reason"),
    }
}
