//! kefir-ffi: the uniffi facade the Android and iOS shells (and the `kefir`
//! CLI) call. It holds no logic: one `KefirApp` object wrapping the core,
//! and the mapping from the core's rich error to a small public error whose
//! variants tell a UI what to do.

use std::sync::{Arc, Mutex, MutexGuard};

use kefir_core::{DayTotal, Drink, DrinkInput, DrinkLogged, Kefir, Timestamp, Today};

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

    /// The wrapped core, for Rust callers (the CLI, benchmarks).
    pub fn with_core<T>(&self, f: impl FnOnce(&Kefir) -> T) -> T {
        f(&self.app())
    }
}

#[uniffi::export]
impl KefirApp {
    /// Open (or create) the database at `db_path`. A file that is not a
    /// kefir database, is damaged, or comes from a newer app version is
    /// refused and left untouched.
    #[uniffi::constructor]
    pub fn new(db_path: String) -> Result<Arc<Self>> {
        let core = Kefir::open(std::path::Path::new(&db_path))?;
        Ok(Arc::new(KefirApp { inner: Mutex::new(core) }))
    }

    /// Log a drink. It is stored even when a rule warns (the warnings say why).
    pub fn log_drink(&self, input: DrinkInput, now: Timestamp, time_zone: String) -> Result<DrinkLogged> {
        Ok(self.app().log_drink(&input, now, &time_zone)?)
    }

    pub fn update_drink(&self, id: i64, input: DrinkInput, now: Timestamp, time_zone: String) -> Result<Drink> {
        Ok(self.app().update_drink(id, &input, now, &time_zone)?)
    }

    /// Delete a drink; `undo_delete_drink` brings back the latest deletion.
    pub fn delete_drink(&self, id: i64, now: Timestamp) -> Result<()> {
        Ok(self.app().delete_drink(id, now)?)
    }

    pub fn undo_delete_drink(&self, id: i64) -> Result<Drink> {
        Ok(self.app().undo_delete_drink(id)?)
    }

    /// Drinks with `from <= time < to`, oldest first.
    pub fn list_drinks(&self, from: Timestamp, to: Timestamp) -> Result<Vec<Drink>> {
        Ok(self.app().list_drinks(from, to)?)
    }

    /// One total per local day, from the day of `from` to the day of `to`.
    pub fn daily_totals(&self, from: Timestamp, to: Timestamp, time_zone: String) -> Result<Vec<DayTotal>> {
        Ok(self.app().daily_totals(from, to, &time_zone)?)
    }

    /// Everything the Today screen shows.
    pub fn today(&self, now: Timestamp, time_zone: String) -> Result<Today> {
        Ok(self.app().today(now, &time_zone)?)
    }
}
