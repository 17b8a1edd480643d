//! The public error: few variants, each telling the UI what to do.

use kefir_core::CoreError;

#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum KefirError {
    /// Show `reason` next to the input named `field`; nothing was stored.
    #[error("invalid {field}: {reason}")]
    InvalidInput { field: String, reason: String },

    /// The item is gone (deleted elsewhere): refresh the screen.
    #[error("{what} not found")]
    NotFound { what: String },

    /// The action is refused in the current state; show `reason` and the
    /// rule ids (e.g. a plan cannot start while screening says consult).
    #[error("not allowed: {reason}")]
    NotAllowed { reason: String, rule_ids: Vec<String> },

    /// Ask the user to confirm, then call again with confirmation.
    #[error("confirmation required: {what}")]
    ConfirmationRequired { what: String },

    /// The file is not a kefir database (another app's SQLite file, a
    /// folder, device or FIFO) or is damaged. It was left untouched, with
    /// nothing created beside it: offer to choose another file or restore a
    /// backup.
    #[error("cannot read database {path}: {detail}")]
    DatabaseUnreadable { path: String, detail: String },

    /// Written by a newer app version: ask the user to update the app.
    #[error("database version {found} is newer than this app ({supported}); update the app")]
    DatabaseTooNew { found: i64, supported: i64 },

    /// The backup file was refused (malformed, or from a newer app); nothing changed.
    #[error("backup refused: {reason}")]
    BackupRejected { reason: String },

    /// The device is out of space (SQLITE_FULL, or ENOSPC from any read or
    /// write, exports included): ask the user to free some. Nothing
    /// half-written was kept; everything acknowledged before is still there.
    #[error("storage is full")]
    StorageFull,

    /// Reading or writing failed; the call can be retried. `detail` says
    /// what to do first when there is something (e.g. a wipe blocked by
    /// another app reading the diary: close it, then wipe again).
    #[error("storage error: {detail}")]
    Storage { detail: String },

    /// The backup is encrypted: ask for its passphrase, then call again with it.
    #[error("the backup is encrypted: a passphrase is needed")]
    PassphraseRequired,

    /// The passphrase does not open this backup: ask again. Nothing changed.
    #[error("the passphrase does not open this backup")]
    WrongPassphrase,

    /// A bug: report it.
    #[error("internal error: {detail}")]
    Internal { detail: String },
}

impl From<CoreError> for KefirError {
    fn from(e: CoreError) -> Self {
        match e {
            CoreError::Invalid { field, reason } => KefirError::InvalidInput { field, reason },
            CoreError::NotFound { what, id } => KefirError::NotFound { what: format!("{what} {id}") },
            CoreError::NotAllowed { reason, rule_ids } => KefirError::NotAllowed { reason, rule_ids },
            CoreError::ConfirmationRequired(what) => KefirError::ConfirmationRequired { what },
            CoreError::NotADatabase { path } => {
                KefirError::DatabaseUnreadable { path, detail: "not a kefir database".into() }
            }
            CoreError::Corrupt { path, detail } => KefirError::DatabaseUnreadable { path, detail },
            CoreError::NotAFile { path, what } => {
                KefirError::DatabaseUnreadable { path, detail: format!("is {what}, not a database file") }
            }
            CoreError::BadBackupField { field, reason } => {
                KefirError::BackupRejected { reason: format!("{field}: {reason}") }
            }
            CoreError::NewerSchema { found, supported } => KefirError::DatabaseTooNew { found, supported },
            CoreError::BadBackup(reason) => KefirError::BackupRejected { reason },
            e @ CoreError::NewerBackup { .. } => KefirError::BackupRejected { reason: e.to_string() },
            CoreError::StorageFull => KefirError::StorageFull,
            CoreError::Sqlite(e) => KefirError::Storage { detail: e.to_string() },
            e @ (CoreError::ReadOnly | CoreError::Io(_) | CoreError::TraceRemains(_)) => {
                KefirError::Storage { detail: e.to_string() }
            }
            CoreError::PassphraseRequired => KefirError::PassphraseRequired,
            CoreError::WrongPassphrase => KefirError::WrongPassphrase,
            CoreError::Internal(detail) => KefirError::Internal { detail },
        }
    }
}
