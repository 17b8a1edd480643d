//! App lock (issue 17): the setting, and the decision when the app must be
//! locked, from the times the shell reports. The shells only show the
//! platform prompt (Android BiometricPrompt, iOS LocalAuthentication).
//!
//! SKELETON: the types are fixed; the logic is filled in by the app-lock work.

use serde::{Deserialize, Serialize};

/// The app-lock setting, kept in the core's settings table (`app_lock`).
/// Off by default.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AppLockSettings {
    /// Lock the app (biometrics or the device credential to open it).
    pub enabled: bool,
    /// Lock after this many whole minutes in the background (0: at once).
    pub after_minutes: u32,
}

/// One choice of the "lock after" picker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LockDelayChoice {
    pub minutes: u32,
    /// e.g. "After 5 minutes", in the caller's language.
    pub label: String,
}

/// The app-lock settings screen (and the first-run offer), in one call.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AppLockForm {
    pub settings: AppLockSettings,
    /// True until the user has answered the offer once (first run).
    pub offer: bool,
    pub title: String,
    pub explanation: String,
    pub enable_label: String,
    pub decline_label: String,
    pub choices: Vec<LockDelayChoice>,
    /// The reason shown in the platform prompt (BiometricPrompt subtitle,
    /// LAContext localizedReason).
    pub prompt_reason: String,
}

/// What the shell must show now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LockDecision {
    /// Cover the app and show the unlock prompt.
    pub locked: bool,
    /// Keep screens out of the app switcher and screenshots
    /// (Android FLAG_SECURE, iOS privacy cover).
    pub hide_content: bool,
    /// The cover's text, e.g. "Kefir Start is locked".
    pub cover_title: String,
    pub unlock_label: String,
    pub prompt_reason: String,
}

impl crate::app::Kefir {
    /// The app-lock screen in [`Kefir::locale`](crate::app::Kefir::locale).
    pub fn app_lock_form(&self) -> crate::Result<AppLockForm> {
        todo!("app lock")
    }
    /// Store the setting; see the facade.
    pub fn save_app_lock(&self, settings: &AppLockSettings) -> crate::Result<AppLockForm> {
        let _ = settings;
        todo!("app lock")
    }
    /// The app went to the background at `now`.
    pub fn app_backgrounded(&self, now: crate::Timestamp) -> crate::Result<()> {
        let _ = now;
        todo!("app lock")
    }
    /// The app is in front at `now`: the decision.
    pub fn app_foregrounded(&self, now: crate::Timestamp) -> crate::Result<LockDecision> {
        let _ = now;
        todo!("app lock")
    }
    /// The platform prompt succeeded at `now`.
    pub fn app_unlocked(&self, now: crate::Timestamp) -> crate::Result<LockDecision> {
        let _ = now;
        todo!("app lock")
    }
}
