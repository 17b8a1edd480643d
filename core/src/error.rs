//! The rich internal error. The bindings crate maps it to a small public
//! error whose variants tell a UI what to do.

use thiserror::Error;

pub type Result<T, E = CoreError> = std::result::Result<T, E>;

#[derive(Debug, Error)]
pub enum CoreError {
    /// Bad input: `field` names the input, `reason` says what is wrong.
    #[error("invalid {field}: {reason}")]
    Invalid { field: String, reason: String },

    #[error("{what} {id} not found")]
    NotFound { what: &'static str, id: String },

    /// The request is well-formed but the current state forbids it
    /// (e.g. starting a plan while screening says `consult`). `rule_ids`
    /// names the safety rules behind the refusal.
    #[error("not allowed: {reason}")]
    NotAllowed { reason: String, rule_ids: Vec<String> },

    /// A destructive operation needs the caller's explicit confirmation.
    #[error("confirmation required: {0}")]
    ConfirmationRequired(String),

    /// The file is not a SQLite database at all (e.g. a text file).
    #[error("{path} is not a kefir database")]
    NotADatabase { path: String },

    /// The database path is not a regular file (`what`: "a folder",
    /// "a FIFO", "a device", "a socket"); nothing was opened or created.
    #[error("{path} is {what}, not a database file")]
    NotAFile { path: String, what: &'static str },

    /// A backup value refused while it was read or checked: `field` is its
    /// JSON path in the document (e.g. `plans[0].hold_days`).
    #[error("backup rejected: {field}: {reason}")]
    BadBackupField { field: String, reason: String },

    /// The file looks like SQLite but is damaged (truncated, malformed).
    #[error("database {path} is damaged: {detail}")]
    Corrupt { path: String, detail: String },

    /// Written by a newer app version; this build must not touch it.
    #[error("database schema version {found} is newer than this app supports ({supported})")]
    NewerSchema { found: i64, supported: i64 },

    /// A backup file that cannot be read (malformed, wrong format).
    #[error("backup rejected: {0}")]
    BadBackup(String),

    /// A backup written by a newer app version.
    #[error("backup format version {found} is newer than this app supports ({supported})")]
    NewerBackup { found: i64, supported: i64 },

    #[error("storage is full")]
    StorageFull,

    /// A wipe deleted everything but could not remove every trace from the
    /// file (another connection blocks the checkpoint); says what to do.
    #[error("not wiped completely: {0}")]
    TraceRemains(String),

    #[error("database is read-only")]
    ReadOnly,

    #[error("storage error: {0}")]
    Sqlite(#[source] rusqlite::Error),

    #[error("i/o error: {0}")]
    Io(#[source] std::io::Error),

    /// The backup is encrypted (age, passphrase) and no passphrase was given.
    #[error("the backup is encrypted: a passphrase is needed")]
    PassphraseRequired,

    /// The passphrase does not open this encrypted backup; nothing changed.
    #[error("the passphrase does not open this backup")]
    WrongPassphrase,

    #[error("internal error: {0}")]
    Internal(String),
}

impl CoreError {
    pub fn invalid(field: &str, reason: &str) -> Self {
        CoreError::Invalid { field: field.to_string(), reason: reason.to_string() }
    }
    pub fn not_found(what: &'static str, id: impl ToString) -> Self {
        CoreError::NotFound { what, id: id.to_string() }
    }
    pub fn not_allowed(reason: impl Into<String>, rule_ids: &[&str]) -> Self {
        CoreError::NotAllowed { reason: reason.into(), rule_ids: rule_ids.iter().map(|s| s.to_string()).collect() }
    }

    /// Classify SQLite failures that a UI must handle differently.
    pub(crate) fn from_sqlite(e: rusqlite::Error) -> Self {
        use rusqlite::ffi::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => CoreError::StorageFull,
            Some(ErrorCode::ReadOnly) => CoreError::ReadOnly,
            Some(ErrorCode::NotADatabase) => CoreError::NotADatabase { path: String::new() },
            Some(ErrorCode::DatabaseCorrupt) => CoreError::Corrupt { path: String::new(), detail: e.to_string() },
            _ => CoreError::Sqlite(e),
        }
    }
}

/// "No space left on device" (and a full quota) is `StorageFull`, whatever
/// was being written.
impl From<std::io::Error> for CoreError {
    fn from(e: std::io::Error) -> Self {
        match e.kind() {
            std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => CoreError::StorageFull,
            _ => CoreError::Io(e),
        }
    }
}

impl From<rusqlite::Error> for CoreError {
    fn from(e: rusqlite::Error) -> Self {
        CoreError::from_sqlite(e)
    }
}
