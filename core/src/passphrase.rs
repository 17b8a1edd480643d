//! Passphrase strength for encrypted backups (issue 17).
//!
//! SKELETON: the types are fixed; the estimator is filled in by the
//! passphrase work (see ARCHITECTURE.md once done).

use serde::{Deserialize, Serialize};

use crate::l10n::Locale;
use crate::text::enum_str;

enum_str! {
    /// How hard a passphrase is to guess offline (a backup file can be
    /// attacked without limit once it leaves the phone).
    pub enum PassphraseLevel {
        /// Refused for an encrypted backup: guessable.
        TooWeak = "too_weak",
        /// Accepted, with the reasons it could be stronger.
        Fair = "fair",
        /// Accepted.
        Strong = "strong",
    }
}

/// The core's judgement of a passphrase, screen-ready in the caller's language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PassphraseVerdict {
    pub level: PassphraseLevel,
    /// `level` in the caller's language.
    pub level_label: String,
    /// Whether an encrypted backup may be written with it (`level` is not `TooWeak`).
    pub acceptable: bool,
    /// Why it is weak or only fair, one sentence each, in the caller's
    /// language; empty when strong.
    pub reasons: Vec<String>,
}

/// Judge `passphrase` (any Unicode; never stored or logged).
pub fn judge(passphrase: &str, loc: &Locale) -> PassphraseVerdict {
    let _ = (passphrase, loc);
    todo!("passphrase estimator")
}
