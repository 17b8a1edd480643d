//! kefir-core: the pure Rust core of the kefir introduction app.
//!
//! Domain, safety rules, schedule, reminders, reports and the SQLite store
//! live here. There is no FFI in this crate: with the `uniffi` feature the
//! plain types also derive uniffi traits, and the `kefir-ffi` crate exposes
//! them to Kotlin and Swift.

#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!("kefir_core");

pub mod app;
pub mod backup;
pub mod backup_crypt;
pub mod checkin;
pub mod error;
mod files;
pub mod forms;
pub mod intake;
pub mod l10n;
pub mod lock;
pub mod meds;
pub mod passphrase;
pub mod plan;
pub mod profile;
pub mod reasons;
pub mod reminders;
pub mod report;
pub mod rhythm;
pub mod rules;
pub mod screening;
pub mod simulate;
mod sort;
pub mod store;
pub mod text;
pub mod time;
pub mod vocab;

pub use app::{DoseLogged, DrinkLogged, Kefir, ReportRange, Today, MAX_FONT_BYTES};
pub use backup::{ImportMode, ImportSummary};
pub use checkin::{
    Checkin, CheckinInput, CheckinResult, Reaction, ReactionInput, ReactionResult, Severity, Symptom, SymptomEntry,
};
pub use error::{CoreError, Result};
pub use intake::{Batch, DayTotal, Drink, DrinkInput, KefirKind, Source};
pub use meds::{Dose, DoseInput, SpacingStatus};
pub use plan::{DayDecision, DecisionKind, Plan, PlanEvent, PlanProgress, PlanSettings, PlanStatus, PlanView};
pub use profile::{AgeBand, ClinicianAck, Condition, MedClass, Profile, ProfileVersion};
pub use rules::{Finding, Level};
pub use screening::{Constraints, Screening, SpacingRule};
pub use time::{Timestamp, Zone};

/// The app version written into reports and backups.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
