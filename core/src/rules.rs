//! The safety rules table (ids from shared/reference/safety-evidence.md).

use serde::{Deserialize, Serialize};

use crate::text::enum_str;

enum_str! {
    /// The severity ladder: info < caution < consult < stop < emergency.
    pub enum Level {
        Info = "info",
        Caution = "caution",
        Consult = "consult",
        Stop = "stop",
        Emergency = "emergency",
    }
}

/// One rule that applies, with the advice to show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Finding {
    pub rule_id: String,
    pub level: Level,
    pub title: String,
    pub advice: String,
    pub source: String,
}
