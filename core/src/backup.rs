//! Backup and restore: one versioned JSON document with everything, and
//! "delete everything" that leaves no trace in the file.
//!
//! The format is its own set of structs (not the internal rows), so the
//! schema can change without breaking old backups. Row ids are not part of
//! it: export → import → export gives the identical document.

use std::collections::BTreeMap;

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::checkin::{check_bristol, clean_entries, SymptomEntry};
use crate::error::{CoreError, Result};
use crate::intake::{Batch, KefirKind, Source, MAX_DRINK_ML, MIN_DRINK_ML};
use crate::l10n::{Arg, Msg};
use crate::plan::{DecisionKind, PlanStatus};
use crate::profile::{MedClass, Profile};
use crate::reasons;
use crate::rules::{Level, RULES};
use crate::text::{check_note, split_ids};
use crate::time::{parse_iso_date, Timestamp};

pub const FORMAT: &str = "kefir-backup";
/// Bump when the document changes shape; older versions stay importable.
/// Version 2 adds each plan's `events` and the `dose_warnings` (version 1
/// documents without them still import: both default to empty). Version 3
/// carries plan reasons and dose warning messages as message references
/// (`[{"id": "plan-day-one", "args": [["ml", 50]]}]`, see `reasons`)
/// instead of English text; the text of a version 1-2 document is kept as
/// legacy text (message `legacy-text`), shown as written in every language.
pub const FORMAT_VERSION: i64 = 3;
/// Most messages in one stored reason.
const MAX_REASON_MSGS: usize = 16;
/// Largest backup file accepted (a 5-year history is about 2 MB).
pub const MAX_BACKUP_BYTES: u64 = 64 * 1024 * 1024;

crate::text::enum_str! {
    /// How to import a backup.
    pub enum ImportMode {
        /// Only into a database with no data yet.
        IntoEmpty = "into_empty",
        /// Replace everything (needs explicit confirmation).
        Replace = "replace",
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Backup {
    pub format: String,
    pub version: i64,
    pub app_version: String,
    pub exported_at: Timestamp,
    pub drinks: Vec<BDrink>,
    pub profile_versions: Vec<BProfileVersion>,
    pub clinician_acks: Vec<BAck>,
    pub checkins: Vec<BCheckin>,
    pub reactions: Vec<BReaction>,
    pub doses: Vec<BDose>,
    pub plans: Vec<BPlan>,
    /// Warnings found when a dose was logged after kefir (M1–M3). Version 2.
    #[serde(default)]
    pub dose_warnings: Vec<BDoseWarning>,
    /// Known keys only (`reminders`), each once.
    #[serde(deserialize_with = "settings_map")]
    pub settings: BTreeMap<String, String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BDrink {
    pub at: Timestamp,
    pub ml: u32,
    pub kind: KefirKind,
    pub source: Source,
    pub note: Option<String>,
    pub batch: Option<Batch>,
    pub created_at: Timestamp,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BProfileVersion {
    pub saved_at: Timestamp,
    pub profile: Profile,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BAck {
    pub at: Timestamp,
    #[serde(deserialize_with = "rule_ids")]
    pub rule_ids: Vec<String>,
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BCheckin {
    pub day: String,
    pub at: Timestamp,
    pub symptoms: Vec<SymptomEntry>,
    pub bristol: Option<u8>,
    pub note: Option<String>,
    pub level: Level,
    #[serde(deserialize_with = "rule_ids")]
    pub rule_ids: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BReaction {
    pub at: Timestamp,
    pub symptoms: Vec<SymptomEntry>,
    pub note: Option<String>,
    pub level: Level,
    #[serde(deserialize_with = "rule_ids")]
    pub rule_ids: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BDose {
    pub at: Timestamp,
    pub medicine: MedClass,
    pub interval_hours: Option<u32>,
    pub note: Option<String>,
    /// The name the user typed (schema 4); absent in older backups.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BPlan {
    pub started_day: String,
    pub started_at: Timestamp,
    pub start_ml: u32,
    pub target_ml: u32,
    pub step_ml: u32,
    pub hold_days: u32,
    pub status: PlanStatus,
    pub days: Vec<BPlanDay>,
    /// Every start, stop, pause, resume and restart, oldest first. Version 2.
    #[serde(default)]
    pub events: Vec<BPlanEvent>,
}

/// One plan event. Its level is not carried: it is derived from the rule ids.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BPlanEvent {
    pub day: String,
    pub at: Timestamp,
    pub since: Option<Timestamp>,
    pub kind: DecisionKind,
    /// Message references (version 3; text in versions 1-2).
    #[serde(deserialize_with = "reason")]
    pub reason: Vec<Msg>,
    #[serde(deserialize_with = "rule_ids")]
    pub rule_ids: Vec<String>,
}

/// A warning stored with a dose: `dose` is the index into `doses`; the drink
/// is named by its time and ml (it may since have been deleted).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BDoseWarning {
    pub dose: u32,
    pub drink_at: Timestamp,
    pub drink_ml: u32,
    pub rule_id: String,
    /// Message references (version 3; text in versions 1-2).
    #[serde(deserialize_with = "reason")]
    pub message: Vec<Msg>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BPlanDay {
    pub day: String,
    pub step: u32,
    pub days_at_step: u32,
    pub target_ml: u32,
    pub decision: DecisionKind,
    /// Message references (version 3; text in versions 1-2).
    #[serde(deserialize_with = "reason")]
    pub reason: Vec<Msg>,
    #[serde(deserialize_with = "rule_ids")]
    pub rule_ids: Vec<String>,
    pub decided_at: Timestamp,
}

/// What an import did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ImportSummary {
    pub drinks: u32,
    pub checkins: u32,
    pub reactions: u32,
    pub doses: u32,
    pub plans: u32,
    pub profile_versions: u32,
}

/// A stored explanation: a list of message references (version 3), or the
/// English text of versions 1-2, kept as legacy text.
fn reason<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Vec<Msg>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum R {
        Text(String),
        Msgs(Vec<Msg>),
    }
    Ok(match R::deserialize(d)? {
        R::Text(t) => vec![reasons::legacy(&t)],
        R::Msgs(m) => m,
    })
}

/// A reason from a backup: at most `MAX_REASON_MSGS` messages of the
/// catalogue with their variables (rule-id arguments naming known rules),
/// every text argument a valid note.
fn check_reason(field: &str, msgs: &[Msg]) -> Result<()> {
    if msgs.is_empty() || msgs.len() > MAX_REASON_MSGS {
        return Err(CoreError::invalid(field, &format!("needs 1-{MAX_REASON_MSGS} messages")));
    }
    // Only the messages the app writes there: plan reasons (`plan-*`), the
    // dose-breach detail, or text kept from before schema v5.
    let prefix = if field == "message" { "spacing-dose-breach" } else { "plan-" };
    if let Some(m) = msgs.iter().find(|m| !m.id.starts_with(prefix) && m.id != reasons::LEGACY_TEXT) {
        return Err(CoreError::invalid(field, &format!("message {} is not one the app stores here", m.id)));
    }
    // What the app itself stores: whole numbers, and codes, rule-id lists,
    // times and dates as short ASCII strings (never text in a language);
    // only a reason kept from before schema v5 (`legacy-text`) holds prose.
    let code_char = |c: char| c.is_ascii_alphanumeric() || " _,:.+-".contains(c);
    for m in msgs {
        for (name, v) in &m.args {
            match v {
                Arg::Str(t) if m.id == reasons::LEGACY_TEXT => {
                    check_note(field, Some(t))?;
                }
                Arg::Str(t) if t.len() <= 64 && t.chars().all(code_char) => {}
                Arg::Int(n) if n.unsigned_abs() <= 1_000_000 => {}
                _ => {
                    return Err(CoreError::invalid(
                        field,
                        &format!("message {} has an argument {name} the app never stores", m.id),
                    ))
                }
            }
        }
    }
    if !reasons::is_valid(msgs) {
        return Err(CoreError::invalid(field, "names a message this app does not have, or lacks its variables"));
    }
    Ok(())
}

fn ts(ms: i64) -> Result<Timestamp> {
    Timestamp::from_millis(ms).ok_or_else(|| CoreError::Internal(format!("stored time {ms}")))
}

fn parse_enum<T>(what: &str, s: &str, f: fn(&str) -> Option<T>) -> Result<T> {
    f(s).ok_or_else(|| CoreError::Internal(format!("stored {what} '{s}'")))
}

/// Read everything into the backup document; its `exported_at` is `now`,
/// or the latest entry's time when the device clock is behind its own
/// entries ([`export_time`]).
pub(crate) fn export(c: &Connection, now: Timestamp) -> Result<Backup> {
    let tx = c.unchecked_transaction()?; // one consistent read
    let mut drinks = Vec::new();
    {
        let mut st = tx.prepare(
            "SELECT at_ms, ml, kind, source, note, batch_json, created_ms FROM drinks WHERE deleted_ms IS NULL ORDER BY at_ms, id",
        )?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let batch: Option<String> = r.get(5)?;
            drinks.push(BDrink {
                at: ts(r.get(0)?)?,
                ml: r.get(1)?,
                kind: parse_enum("kind", &r.get::<_, String>(2)?, KefirKind::parse)?,
                source: parse_enum("source", &r.get::<_, String>(3)?, Source::parse)?,
                note: r.get(4)?,
                batch: batch
                    .map(|j| serde_json::from_str(&j))
                    .transpose()
                    .map_err(|e| CoreError::Internal(e.to_string()))?,
                created_at: ts(r.get(6)?)?,
            });
        }
    }
    let profile_versions = crate::profile::history(&tx)?
        .into_iter()
        .map(|v| BProfileVersion { saved_at: v.saved_at, profile: v.profile })
        .collect();
    let mut clinician_acks = Vec::new();
    {
        let mut st = tx.prepare("SELECT at_ms, rule_ids, note FROM clinician_acks ORDER BY id")?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            clinician_acks.push(BAck {
                at: ts(r.get(0)?)?,
                rule_ids: split_ids(&r.get::<_, String>(1)?),
                note: r.get(2)?,
            });
        }
    }
    let first = parse_iso_date("day", "1900-01-01")?;
    let last = parse_iso_date("day", "9999-12-31")?;
    let checkins = crate::checkin::list(&tx, first, last)?
        .into_iter()
        .map(|k| BCheckin {
            day: k.day,
            at: k.at,
            symptoms: k.symptoms,
            bristol: k.bristol,
            note: k.note,
            level: k.level,
            rule_ids: k.rule_ids,
        })
        .collect();
    // Every stored event is after 2000-01-01; 9999-12-31 bounds the future.
    let (t0, t1) = (ts(0)?, ts(253_402_300_799_000)?);
    let reactions = crate::checkin::reactions(&tx, t0, t1)?
        .into_iter()
        .map(|r| BReaction { at: r.at, symptoms: r.symptoms, note: r.note, level: r.level, rule_ids: r.rule_ids })
        .collect();
    let dose_rows = crate::meds::list(&tx, t0, t1)?;
    let mut dose_warnings = Vec::new();
    {
        let mut st = tx.prepare(
            "SELECT w.dose_id, w.rule_id, w.message, k.at_ms, k.ml FROM dose_warnings w JOIN drinks k ON k.id = w.drink_id \
             ORDER BY w.dose_id, w.drink_id, w.rule_id",
        )?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let dose_id: i64 = r.get(0)?;
            let Some(index) = dose_rows.iter().position(|d| d.id == dose_id) else { continue };
            dose_warnings.push(BDoseWarning {
                dose: index as u32,
                rule_id: r.get(1)?,
                message: reasons::from_json(&r.get::<_, String>(2)?),
                drink_at: ts(r.get(3)?)?,
                drink_ml: r.get(4)?,
            });
        }
    }
    let doses = dose_rows
        .into_iter()
        .map(|d| BDose { at: d.at, medicine: d.medicine, interval_hours: d.interval_hours, note: d.note, name: d.name })
        .collect();
    let mut plans = Vec::new();
    {
        let mut st = tx.prepare(
            "SELECT id, started_day, started_ms, start_ml, target_ml, step_ml, hold_days, status FROM plans ORDER BY id",
        )?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let mut days = Vec::new();
            let mut ds = tx.prepare(
                "SELECT day, step, days_at_step, target_ml, decision, reason, rule_ids, decided_ms FROM plan_days WHERE plan_id = +?1 ORDER BY day",
            )?;
            let mut drows = ds.query([id])?;
            while let Some(d) = drows.next()? {
                days.push(BPlanDay {
                    day: d.get(0)?,
                    step: d.get(1)?,
                    days_at_step: d.get(2)?,
                    target_ml: d.get(3)?,
                    decision: parse_enum("decision", &d.get::<_, String>(4)?, DecisionKind::parse)?,
                    reason: reasons::from_json(&d.get::<_, String>(5)?),
                    rule_ids: split_ids(&d.get::<_, String>(6)?),
                    decided_at: ts(d.get(7)?)?,
                });
            }
            let events = crate::plan::stored_events(&tx, id)?
                .into_iter()
                .map(|(e, reason)| BPlanEvent {
                    day: e.day,
                    at: e.at,
                    since: e.since,
                    kind: e.kind,
                    reason,
                    rule_ids: e.rule_ids,
                })
                .collect();
            plans.push(BPlan {
                events,
                started_day: r.get(1)?,
                started_at: ts(r.get(2)?)?,
                start_ml: r.get(3)?,
                target_ml: r.get(4)?,
                step_ml: r.get(5)?,
                hold_days: r.get(6)?,
                status: parse_enum("status", &r.get::<_, String>(7)?, PlanStatus::parse)?,
                days,
            });
        }
    }
    let mut settings = BTreeMap::new();
    {
        let mut st = tx.prepare("SELECT key, value FROM settings ORDER BY key")?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let key: String = r.get(0)?;
            if !DEVICE_SETTING_KEYS.contains(&key.as_str()) {
                settings.insert(key, r.get(1)?);
            }
        }
    }
    let mut b = Backup {
        format: FORMAT.into(),
        version: FORMAT_VERSION,
        app_version: crate::APP_VERSION.into(),
        exported_at: now,
        drinks,
        profile_versions,
        clinician_acks,
        checkins,
        reactions,
        doses,
        plans,
        dose_warnings,
        settings,
    };
    b.exported_at = export_time(&b, now);
    Ok(b)
}

/// `xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx`, lowercase hex (RFC 9562 version 4).
fn is_uuid_v4(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            14 => *c == b'4',
            19 => matches!(c, b'8' | b'9' | b'a' | b'b'),
            _ => matches!(c, b'0'..=b'9' | b'a'..=b'f'),
        })
}

/// Setting keys a backup may carry (what the app itself stores).
const SETTING_KEYS: &[&str] = &["reminders", "patient_id"];

/// Settings of this device rather than of the diary: the app lock (rule L1
/// in `lock`). A backup never carries them (a file that does is refused as
/// an unknown key, so a backup cannot turn the lock off), an import keeps
/// the device's own, they do not make a database "not empty", and "delete
/// everything" removes them.
const DEVICE_SETTING_KEYS: &[&str] = &[crate::lock::SETTINGS_KEY];

/// A list of rule ids, checked while it is read: known ids only, each once
/// (so a hostile file cannot make a long list of them).
fn rule_ids<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Vec<String>, D::Error> {
    struct V;
    impl<'de> serde::de::Visitor<'de> for V {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a list of rule ids")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<Vec<String>, A::Error> {
            let mut out: Vec<String> = Vec::new();
            while let Some(id) = seq.next_element::<std::borrow::Cow<'de, str>>()? {
                if !RULES.iter().any(|r| r.id == id) {
                    return Err(serde::de::Error::custom(format!("unknown rule id '{id}'")));
                }
                if out.iter().any(|x| *x == id) {
                    return Err(serde::de::Error::custom(format!("rule id '{id}' listed twice")));
                }
                out.push(id.into_owned());
            }
            Ok(out)
        }
    }
    d.deserialize_seq(V)
}

/// The settings object: known keys only, each once (JSON allows a key
/// twice; a map would silently keep the last one).
fn settings_map<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<BTreeMap<String, String>, D::Error> {
    struct V;
    impl<'de> serde::de::Visitor<'de> for V {
        type Value = BTreeMap<String, String>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an object of settings")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> std::result::Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some(k) = map.next_key::<String>()? {
                if !SETTING_KEYS.contains(&k.as_str()) {
                    return Err(serde::de::Error::custom(format!("settings: unknown key '{k}'")));
                }
                if out.contains_key(&k) {
                    return Err(serde::de::Error::custom(format!("settings: key '{k}' appears twice")));
                }
                let v = map.next_value::<BoundedSetting>()?.0;
                out.insert(k, v);
            }
            Ok(out)
        }
    }
    d.deserialize_map(V)
}

/// Longest setting value accepted (a setting is JSON the app wrote itself,
/// e.g. the reminder settings: a few hundred bytes). Checked while the
/// document is read, before the value is copied or parsed, so JSON carried
/// inside a string cannot cost more memory than the document's own bytes.
pub const MAX_SETTING_BYTES: usize = 16 * 1024;

/// A setting value of at most `MAX_SETTING_BYTES`.
struct BoundedSetting(String);

impl<'de> serde::Deserialize<'de> for BoundedSetting {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = BoundedSetting;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                write!(f, "a string of at most {MAX_SETTING_BYTES} bytes")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> std::result::Result<BoundedSetting, E> {
                if v.len() > MAX_SETTING_BYTES {
                    return Err(E::custom(format!(
                        "{} bytes is longer than any setting this app writes ({MAX_SETTING_BYTES} bytes)",
                        v.len()
                    )));
                }
                Ok(BoundedSetting(v.to_owned()))
            }
        }
        d.deserialize_str(V)
    }
}

/// `e` as a refusal naming the JSON path of the field it is about
/// (`plans[0].hold_days`, `settings.reminders.checkin_times`), found by
/// [`json_path_at`] from the error's line and column in `json`; `prefix`
/// is the path of the document `json` is embedded in ("" for the backup).
fn path_error(prefix: &str, json: &[u8], e: serde_json::Error) -> CoreError {
    let path = json_path_at(json, e.line(), e.column());
    let field = match (prefix.is_empty(), path.is_empty()) {
        (true, true) => "document".to_string(),
        (true, false) => path,
        (false, true) => prefix.to_string(),
        (false, false) => format!("{prefix}.{path}"),
    };
    CoreError::BadBackupField { field, reason: e.to_string() }
}

/// The JSON path (`a[2].b`, "" for the document itself) of the value that
/// serde_json was reading when it stopped at `line`/`column` (1-based line;
/// column = bytes of that line before the stop, serde_json's convention).
///
/// serde_json reports a value's error just after the value (a bad number,
/// string or enum name), just before it (a value of the wrong JSON type),
/// just after a key (an unknown or duplicate field: the path names that
/// key), or just after a closing `}`/`]` (a missing field or wrong length:
/// the path names the object or list; so does a list's own refusal, which
/// stops after a comma). So the path is the chain of open
/// containers at that byte: in an object the last key read (until the
/// next comma), in a list the element index (commas seen). This replaces
/// the `serde_path_to_error` wrapper, which instantiated every backup
/// type's `Deserialize` a second time (~105 KB of the shipped library,
/// BENCHMARKS.md, size budget). `json` has already been parsed once (the
/// envelope), and a truncated or malformed `json` still gives a path.
fn json_path_at(json: &[u8], line: usize, column: usize) -> String {
    enum Frame {
        Object { key: Option<String>, in_value: bool },
        List { index: usize },
    }
    // Byte offset of the stop: the start of `line` plus `column`.
    let mut end = 0;
    if line > 1 {
        match json.iter().enumerate().filter(|(_, &b)| b == b'\n').nth(line - 2) {
            Some((i, _)) => end = i + 1,
            None => end = json.len(),
        }
    }
    let end = (end + column).min(json.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match json[i] {
            b'{' => stack.push(Frame::Object { key: None, in_value: false }),
            b'[' => stack.push(Frame::List { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b':' => {
                if let Some(Frame::Object { in_value, .. }) = stack.last_mut() {
                    *in_value = true;
                }
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key, in_value }) => {
                    *key = None;
                    *in_value = false;
                }
                Some(Frame::List { index }) => *index += 1,
                None => {}
            },
            b'"' => {
                let start = i;
                i += 1;
                while i < end && json[i] != b'"' {
                    i += if json[i] == b'\\' { 2 } else { 1 };
                }
                if i >= end {
                    break; // stopped inside this string
                }
                if let Some(Frame::Object { key, in_value: false }) = stack.last_mut() {
                    let raw = &json[start..=i];
                    *key = Some(
                        std::str::from_utf8(raw)
                            .ok()
                            .and_then(|raw| serde_json::from_str::<String>(raw).ok())
                            .unwrap_or_else(|| String::from_utf8_lossy(&raw[1..raw.len() - 1]).into_owned()),
                    );
                }
            }
            _ => {}
        }
        i += 1;
    }
    // A list's or map's own visitor refusing it (an unknown rule id in
    // `rule_ids`) is positioned after serde_json has also eaten the next
    // comma: such an error is about the container, not the element at
    // its current index (an element's own error stops right after the
    // element, never after a comma).
    if json[..end].iter().rev().find(|b| !b.is_ascii_whitespace()) == Some(&b',') {
        if let Some(Frame::List { .. }) = stack.last() {
            stack.pop();
            stack.push(Frame::Object { key: None, in_value: false });
        }
    }
    let mut path = String::new();
    for f in &stack {
        match f {
            Frame::Object { key: Some(k), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Object { key: None, .. } => {}
            Frame::List { index } => {
                use std::fmt::Write;
                let _ = write!(path, "[{index}]");
            }
        }
    }
    path
}

/// Only the envelope: every other field is skipped without being stored.
#[derive(Deserialize)]
struct Envelope {
    format: Option<String>,
    version: Option<i64>,
}

/// Parse and fully validate a backup document before anything is written.
///
/// Memory stays within a small multiple of the document: the envelope is
/// read without building a JSON tree, the document straight into typed
/// records, and lists that could be long for their bytes (rule ids,
/// settings) are bounded while they are read. Duplicate keys are refused
/// (struct fields by serde, settings by `settings_map`).
pub fn parse(bytes: &[u8]) -> Result<Backup> {
    let bad = |m: String| CoreError::BadBackup(m);
    // Look at the envelope first, so a newer version says so rather than
    // failing on a field it does not know.
    // JSON is UTF-8 text. Checked once here so that every parse below
    // reads a `&str`, as the stored profile, symptoms and batch columns do:
    // each record type then has one `Deserialize` instantiation, not one
    // per input kind (size budget, BENCHMARKS.md).
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(bad("the file is empty: it holds no backup".into()));
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|e| bad(format!("not a JSON backup: not UTF-8 text (byte {})", e.valid_up_to())))?;
    let env: Envelope = serde_json::from_str(text).map_err(|e| bad(format!("not a JSON backup: {e}")))?;
    if env.format.as_deref() != Some(FORMAT) {
        return Err(bad(format!("not a {FORMAT} file")));
    }
    let version = env.version.ok_or_else(|| bad("missing version".into()))?;
    if version > FORMAT_VERSION {
        return Err(CoreError::NewerBackup { found: version, supported: FORMAT_VERSION });
    }
    if version < 1 {
        return Err(bad(format!("unknown version {version}")));
    }
    let b: Backup = serde_json::from_str(text).map_err(|e| path_error("", bytes, e))?;
    validate(&b)?;
    Ok(b)
}

/// Every time in a backup that the import checks against `exported_at`
/// (none may be more than 10 minutes after it), named as errors name it.
fn entry_times(b: &Backup) -> impl Iterator<Item = (&'static str, Timestamp)> + '_ {
    b.drinks
        .iter()
        .flat_map(|d| [("drink", d.at), ("drink created_at", d.created_at)])
        .chain(b.profile_versions.iter().map(|p| ("profile saved_at", p.saved_at)))
        .chain(b.clinician_acks.iter().map(|a| ("clinician acknowledgement", a.at)))
        .chain(b.checkins.iter().map(|k| ("check-in", k.at)))
        .chain(b.reactions.iter().map(|r| ("reaction", r.at)))
        .chain(b.doses.iter().map(|d| ("dose", d.at)))
        .chain(b.plans.iter().map(|p| ("plan started_at", p.started_at)))
        .chain(b.plans.iter().flat_map(|p| p.days.iter().map(|d| ("plan day decided_at", d.decided_at))))
        .chain(b.plans.iter().flat_map(|p| p.events.iter().map(|e| ("plan event", e.at))))
        .chain(b.plans.iter().flat_map(|p| p.events.iter().filter_map(|e| e.since.map(|t| ("plan event since", t)))))
        .chain(b.dose_warnings.iter().map(|w| ("dose warning drink_at", w.drink_at)))
}

/// Every local day in a backup that the import checks against the last
/// local day anywhere at `exported_at` (UTC+14): check-in days, plan
/// start days, plan days and plan event days.
fn entry_days(b: &Backup) -> impl Iterator<Item = &str> + '_ {
    b.checkins
        .iter()
        .map(|k| k.day.as_str())
        .chain(b.plans.iter().map(|p| p.started_day.as_str()))
        .chain(b.plans.iter().flat_map(|p| p.days.iter().map(|d| d.day.as_str())))
        .chain(b.plans.iter().flat_map(|p| p.events.iter().map(|e| e.day.as_str())))
}

/// The `exported_at` a backup made at `now` carries: `now`, or, when the
/// device clock is behind its own entries (it went back), the latest time
/// any entry carries ([`entry_times`]; a local day counts from its
/// earliest moment anywhere, 00:00 at UTC+14). The import checks every
/// entry against `exported_at`, so a backup written after the clock went
/// back is never refused for entries "after the backup was exported" once
/// the clock is right again (docs/backups.md, "exported_at").
fn export_time(b: &Backup, now: Timestamp) -> Timestamp {
    let day_start = |day: &str| {
        let d = parse_iso_date("day", day).ok()?;
        let ms = d.and_hms_opt(0, 0, 0)?.and_utc().timestamp_millis();
        Timestamp::from_millis(ms).map(|t| t.plus(-chrono::Duration::hours(14)))
    };
    entry_times(b).map(|(_, t)| t).chain(entry_days(b).filter_map(day_start)).fold(now, Timestamp::max)
}

/// The backup document's text: pretty-printed JSON (two-space indents), or
/// compact JSON when the pretty one would be larger than `limit` bytes (the
/// import limit, [`MAX_BACKUP_BYTES`]): the app never writes a backup it
/// would refuse. Errors: `Invalid { field: "backup" }` when even the
/// compact document is larger than `limit` (nothing is written).
pub(crate) fn document(b: &Backup, limit: u64) -> Result<String> {
    let internal = |e: serde_json::Error| CoreError::Internal(e.to_string());
    let pretty = serde_json::to_string_pretty(b).map_err(internal)?;
    if pretty.len() as u64 <= limit {
        return Ok(pretty);
    }
    drop(pretty);
    let compact = serde_json::to_string(b).map_err(internal)?;
    if compact.len() as u64 <= limit {
        return Ok(compact);
    }
    Err(CoreError::invalid(
        "backup",
        &format!(
            "the diary's backup would be {} bytes, more than a backup can hold ({limit} bytes); nothing was written",
            compact.len()
        ),
    ))
}

/// Every time in a backup lies where the app can store and export it.
fn check_time(what: &str, t: Timestamp) -> Result<()> {
    if t < crate::time::earliest_allowed() || t >= crate::time::latest_now() {
        return Err(CoreError::BadBackup(format!("{what}: time {t} is outside 2000-01-01 to 9000-01-01")));
    }
    Ok(())
}

/// A day exactly as the app writes it (`YYYY-MM-DD`, no spaces), from 2000 on.
fn check_day(what: &str, day: &str) -> Result<chrono::NaiveDate> {
    let d = parse_iso_date("day", day).map_err(|e| CoreError::BadBackup(format!("{what}: {e}")))?;
    if crate::time::iso_date(d) != day || d < crate::time::earliest_allowed().utc().date_naive() {
        return Err(CoreError::BadBackup(format!("{what}: '{day}' is not a day like 2026-11-26 from 2000 on")));
    }
    Ok(d)
}

/// Every value passes the checks live input passes (the same functions),
/// and nothing is dated after the backup was exported. Errors name the
/// record and the field.
fn validate(b: &Backup) -> Result<()> {
    let bad = |m: String| Err(CoreError::BadBackup(m));
    let wrap = |what: String| move |e: CoreError| CoreError::BadBackup(format!("{what}: {e}"));
    check_time("exported_at", b.exported_at)?;
    let now = b.exported_at;
    // The last local day anywhere on Earth (UTC+14) at export time.
    let last_day = now.plus(chrono::Duration::hours(14)).utc().date_naive();
    if b.app_version.chars().count() > 64 {
        return bad("app_version: longer than 64 characters".into());
    }
    for (what, t) in entry_times(b) {
        check_time(what, t)?;
        crate::time::check_event_time("at", t, now)
            .map_err(|e| CoreError::BadBackup(format!("{what}: {e} (after the backup was exported)")))?;
    }
    let note = |n: &Option<String>, what: &str| -> Result<()> {
        check_note("note", n.as_deref()).map(|_| ()).map_err(wrap(what.to_string()))
    };
    for (i, d) in b.drinks.iter().enumerate() {
        let input = crate::intake::DrinkInput {
            at: d.at,
            ml: d.ml,
            kind: d.kind,
            source: d.source,
            note: d.note.clone(),
            batch: d.batch.clone(),
        };
        crate::intake::validate(&input, now).map_err(wrap(format!("drink {i}")))?;
        if !(MIN_DRINK_ML..=MAX_DRINK_ML).contains(&d.ml) {
            return bad(format!("drink {i}: {} ml is outside {MIN_DRINK_ML}-{MAX_DRINK_ML}", d.ml));
        }
    }
    for (i, p) in b.profile_versions.iter().enumerate() {
        p.profile.normalised().map_err(wrap(format!("profile {i}")))?;
    }
    for a in &b.clinician_acks {
        note(&a.note, "clinician acknowledgement")?;
    }
    let mut days = std::collections::BTreeSet::new();
    for k in &b.checkins {
        let d = check_day("check-in", &k.day)?;
        if d > last_day {
            return bad(format!("check-in {}: day is after the backup was exported", k.day));
        }
        if !days.insert(k.day.clone()) {
            return bad(format!("two check-ins for {}", k.day));
        }
        clean_entries(&k.symptoms).map_err(wrap(format!("check-in {}", k.day)))?;
        check_bristol(k.bristol).map_err(wrap(format!("check-in {}", k.day)))?;
        note(&k.note, &format!("check-in {}", k.day))?;
    }
    for (i, r) in b.reactions.iter().enumerate() {
        clean_entries(&r.symptoms).map_err(wrap(format!("reaction {i}")))?;
        if r.symptoms.iter().all(|e| e.severity == crate::checkin::Severity::None) {
            return bad(format!("reaction {i}: symptoms: a reaction needs at least one symptom above none"));
        }
        note(&r.note, &format!("reaction {i}"))?;
    }
    for (i, d) in b.doses.iter().enumerate() {
        if d.interval_hours.is_some_and(|h| h == 0 || h > crate::meds::MAX_INTERVAL_HOURS) {
            return bad(format!("dose {i}: interval_hours out of range"));
        }
        note(&d.note, &format!("dose {i}"))?;
        if crate::meds::check_name(d.name.as_deref()).ok().flatten() != d.name {
            return bad(format!("dose {i}: bad medicine name"));
        }
    }
    for (i, w) in b.dose_warnings.iter().enumerate() {
        if w.dose as usize >= b.doses.len() {
            return bad(format!("dose warning {i}: dose {} is not in doses", w.dose));
        }
        if !["M1", "M2", "M3"].contains(&w.rule_id.as_str()) {
            return bad(format!("dose warning {i}: rule_id '{}' is not a spacing rule (M1-M3)", w.rule_id));
        }
        if !(MIN_DRINK_ML..=MAX_DRINK_ML).contains(&w.drink_ml) {
            return bad(format!("dose warning {i}: drink_ml {} is outside {MIN_DRINK_ML}-{MAX_DRINK_ML}", w.drink_ml));
        }
        check_reason("message", &w.message).map_err(wrap(format!("dose warning {i}")))?;
    }
    // Live `plan start` refuses a second plan while one runs: only the
    // newest plan may be active or paused.
    if let Some(i) = b.plans.iter().rev().skip(1).position(|p| p.status != PlanStatus::Stopped) {
        let i = b.plans.len() - 2 - i;
        return bad(format!(
            "plan {i}: status: only the newest plan can be active or paused (one plan runs at a time)"
        ));
    }
    // The widest limits a plan can have (no condition narrows them).
    let widest = crate::screening::constraints_for(&crate::profile::Profile::default());
    for (i, p) in b.plans.iter().enumerate() {
        let what = format!("plan {i}");
        let started = check_day(&what, &p.started_day)?;
        if started > last_day {
            return bad(format!("{what}: started_day is after the backup was exported"));
        }
        let settings = crate::plan::PlanSettings {
            start_ml: Some(p.start_ml),
            target_ml: Some(p.target_ml),
            hold_days: Some(p.hold_days),
            step_ml: Some(p.step_ml),
        };
        crate::plan::validate_settings(&settings, &widest).map_err(wrap(what.clone()))?;
        if p.days.is_empty() {
            return bad(format!("{what}: days: a plan has at least its first day"));
        }
        let nsteps = crate::plan::steps(p.start_ml, p.target_ml, p.step_ml).len() as u32;
        let mut plan_days = std::collections::BTreeSet::new();
        for d in &p.days {
            let day = check_day("plan day", &d.day)?;
            if day > last_day {
                return bad(format!("{what} day {}: day is after the backup was exported", d.day));
            }
            if day < started {
                return bad(format!("{what} day {}: day is before the plan started", d.day));
            }
            if !plan_days.insert(d.day.as_str()) {
                return bad(format!("plan day {}: two decisions for one day", d.day));
            }
            if d.step >= nsteps || d.target_ml > p.target_ml || d.days_at_step > 36_600 {
                return bad(format!("plan day {}: step, days_at_step or target_ml out of range", d.day));
            }
            check_reason("reason", &d.reason).map_err(wrap(format!("{what} day {}", d.day)))?;
        }
        for (j, e) in p.events.iter().enumerate() {
            let day = check_day(&format!("{what} event {j}"), &e.day)?;
            if day > last_day || day < started {
                return bad(format!("{what} event {j}: day {} is outside the plan's days", e.day));
            }
            check_reason("reason", &e.reason).map_err(wrap(format!("{what} event {j}")))?;
        }
    }
    for (k, v) in &b.settings {
        match k.as_str() {
            "reminders" => {
                let r: crate::reminders::ReminderSettings =
                    serde_json::from_str(v).map_err(|e| path_error("settings.reminders", v.as_bytes(), e))?;
                r.validate().map_err(wrap("settings.reminders".into()))?;
            }
            // The stable FHIR Patient id (a lowercase version-4 UUID, report::build).
            "patient_id" => {
                if !is_uuid_v4(v) {
                    return bad("settings.patient_id: not a version-4 UUID".into());
                }
            }
            other => return bad(format!("settings: unknown key '{other}'")),
        }
    }
    Ok(())
}

/// The zone an import evaluates local days in: the reminder zone, UTC without one.
fn import_zone(b: &Backup) -> crate::time::Zone {
    b.settings
        .get("reminders")
        .and_then(|v| serde_json::from_str::<crate::reminders::ReminderSettings>(v).ok())
        .and_then(|r| crate::time::Zone::parse(&r.time_zone).ok())
        .unwrap_or_else(|| crate::time::Zone::parse("UTC").expect("UTC"))
}

/// The level and rule ids of every imported check-in and reaction,
/// evaluated from its symptoms by the same S-rule code live input goes
/// through (`checkin::context_inputs`, `rules::symptom_findings`), never
/// taken from the file. Runs inside the import transaction, after every
/// row is in, with the profile version in force at the time and the
/// reminder zone (UTC without one).
fn recompute_assessments(tx: &Connection, b: &Backup) -> Result<()> {
    use crate::checkin::{assess, context_inputs};
    use crate::rules::{symptom_findings, SymptomContext};
    let zone = import_zone(b);
    let profile_at = |t: Timestamp| {
        b.profile_versions.iter().filter(|p| p.saved_at <= t).max_by_key(|p| p.saved_at).map(|p| p.profile.clone())
    };
    let evaluate = |entries: &[SymptomEntry], day: chrono::NaiveDate, at: Timestamp, checkin: bool| {
        // A reaction is judged against the reactions before it (as when it
        // was reported), never against itself.
        let (prev, recent, milk) = context_inputs(tx, day, &zone, checkin, (!checkin).then_some(at))?;
        let profile = profile_at(at).unwrap_or_default();
        let cx = SymptomContext {
            entries,
            previous_day: prev.as_deref(),
            skin_signs_recently: recent,
            drank_milk_kefir: milk,
            profile: &profile,
        };
        let a =
            assess(symptom_findings(&cx, &crate::l10n::Locale::english()), entries, &crate::l10n::Locale::english());
        let ids: Vec<&str> = a.findings.iter().map(|f| f.rule_id.as_str()).collect();
        Ok::<_, CoreError>((a.level.as_str(), ids.join(",")))
    };
    for k in &b.checkins {
        let day = parse_iso_date("day", &k.day)?;
        let entries = crate::checkin::effective_entries(&clean_entries(&k.symptoms)?, k.bristol);
        let (level, ids) = evaluate(&entries, day, k.at, true)?;
        tx.execute("UPDATE checkins SET level = ?2, rule_ids = ?3 WHERE day = ?1", params![k.day, level, ids])?;
    }
    let mut st = tx.prepare("SELECT id, at_ms, symptoms_json FROM reactions")?;
    let rows = st
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?, r.get::<_, String>(2)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (id, at, json) in rows {
        let at = ts(at)?;
        let entries: Vec<SymptomEntry> = serde_json::from_str(&json).map_err(|e| CoreError::Internal(e.to_string()))?;
        let (level, ids) = evaluate(&entries, at.local_date(&zone), at, false)?;
        tx.execute("UPDATE reactions SET level = ?2, rule_ids = ?3 WHERE id = ?1", params![id, level, ids])?;
    }
    Ok(())
}

const TABLES: &[&str] = &[
    "checkin_symptoms",
    "checkins",
    "reactions",
    "dose_warnings",
    "med_doses",
    "plan_events",
    "plan_days",
    "plans",
    "clinician_acks",
    "profile_versions",
    "settings",
    "drinks",
];

pub(crate) fn is_empty(c: &Connection) -> Result<bool> {
    for t in TABLES {
        // The patient id every database gets when created is not user data,
        // nor is a device setting such as the app lock (answered at first run,
        // before a backup is restored).
        let filter = if *t == "settings" { " WHERE key <> 'patient_id' AND key <> ?1" } else { "" };
        let sql = format!("SELECT count(*) FROM {t}{filter}");
        let n: i64 = if filter.is_empty() {
            c.query_row(&sql, [], |r| r.get(0))?
        } else {
            c.query_row(&sql, [crate::lock::SETTINGS_KEY], |r| r.get(0))?
        };
        if n > 0 {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Delete every row; with `keep_device_settings` (an import) the
/// [`DEVICE_SETTING_KEYS`] stay.
fn delete_all(c: &Connection, keep_device_settings: bool) -> Result<()> {
    for t in TABLES {
        if *t == "settings" && keep_device_settings {
            c.execute("DELETE FROM settings WHERE key <> ?1", [crate::lock::SETTINGS_KEY])?;
        } else {
            c.execute(&format!("DELETE FROM {t}"), [])?;
        }
    }
    Ok(())
}

/// Write a validated backup. In one transaction: all or nothing.
pub(crate) fn import(c: &Connection, b: &Backup, mode: ImportMode, confirmed: bool) -> Result<ImportSummary> {
    match mode {
        ImportMode::IntoEmpty if !is_empty(c)? => {
            return Err(CoreError::not_allowed("this database already has data: import with Replace instead", &[]))
        }
        ImportMode::Replace if !confirmed => {
            return Err(CoreError::ConfirmationRequired("importing replaces all data on this device".into()))
        }
        _ => {}
    }
    c.execute_batch("PRAGMA secure_delete = ON")?;
    let tx = crate::store::write_tx(c)?;
    delete_all(&tx, true)?;
    for d in &b.drinks {
        let batch =
            d.batch.as_ref().map(serde_json::to_string).transpose().map_err(|e| CoreError::Internal(e.to_string()))?;
        tx.execute(
            "INSERT INTO drinks (at_ms, ml, kind, source, note, created_ms, batch_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![d.at.millis(), d.ml, d.kind.as_str(), d.source.as_str(), d.note, d.created_at.millis(), batch],
        )?;
    }
    for p in &b.profile_versions {
        crate::profile::save(&tx, &p.profile, p.saved_at)?;
    }
    for a in &b.clinician_acks {
        tx.execute(
            "INSERT INTO clinician_acks (at_ms, rule_ids, note) VALUES (?1, ?2, ?3)",
            params![a.at.millis(), crate::text::join_ids(&a.rule_ids), a.note],
        )?;
    }
    for k in &b.checkins {
        tx.execute(
            "INSERT INTO checkins (day, at_ms, bristol, note, level, rule_ids) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![k.day, k.at.millis(), k.bristol, k.note, k.level.as_str(), crate::text::join_ids(&k.rule_ids)],
        )?;
        let id = tx.last_insert_rowid();
        for e in &k.symptoms {
            tx.execute(
                "INSERT INTO checkin_symptoms (checkin_id, symptom, severity) VALUES (?1, ?2, ?3)",
                params![id, e.symptom.as_str(), e.severity.as_str()],
            )?;
        }
    }
    for r in &b.reactions {
        let json = serde_json::to_string(&r.symptoms).map_err(|e| CoreError::Internal(e.to_string()))?;
        tx.execute(
            "INSERT INTO reactions (at_ms, symptoms_json, note, level, rule_ids) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![r.at.millis(), json, r.note, r.level.as_str(), crate::text::join_ids(&r.rule_ids)],
        )?;
    }
    let mut dose_ids = Vec::with_capacity(b.doses.len());
    for d in &b.doses {
        tx.execute(
            "INSERT INTO med_doses (at_ms, medicine, interval_hours, note, name) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![d.at.millis(), d.medicine.as_str(), d.interval_hours, d.note, d.name],
        )?;
        dose_ids.push(tx.last_insert_rowid());
    }
    for (i, w) in b.dose_warnings.iter().enumerate() {
        // The drink it names, if it is in the backup; otherwise a placeholder
        // id that matches no drink (the warning text names the drink).
        let drink_id: i64 = tx
            .query_row(
                "SELECT id FROM drinks WHERE at_ms = ?1 AND ml = ?2 ORDER BY id LIMIT 1",
                params![w.drink_at.millis(), w.drink_ml],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or(-(i as i64) - 1);
        tx.execute(
            "INSERT OR IGNORE INTO dose_warnings (dose_id, drink_id, rule_id, message) VALUES (?1, ?2, ?3, ?4)",
            params![dose_ids[w.dose as usize], drink_id, w.rule_id, reasons::to_json(&w.message)],
        )?;
    }
    for p in &b.plans {
        tx.execute(
            "INSERT INTO plans (started_day, started_ms, start_ml, target_ml, step_ml, hold_days, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![p.started_day, p.started_at.millis(), p.start_ml, p.target_ml, p.step_ml, p.hold_days, p.status.as_str()],
        )?;
        let id = tx.last_insert_rowid();
        for d in &p.days {
            tx.execute(
                "INSERT INTO plan_days (plan_id, day, step, days_at_step, target_ml, decision, reason, rule_ids, decided_ms) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![id, d.day, d.step, d.days_at_step, d.target_ml, d.decision.as_str(), reasons::to_json(&d.reason), crate::text::join_ids(&d.rule_ids), d.decided_at.millis()],
            )?;
        }
        for e in &p.events {
            crate::plan::import_event(&tx, id, e.day.as_str(), e.at, e.since, e.kind, &e.reason, &e.rule_ids)?;
        }
    }
    for (k, v) in &b.settings {
        // A backup's patient id replaces the fresh database's own (same person).
        tx.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)", params![k, v])?;
    }
    recompute_assessments(&tx, b)?;
    crate::plan::rederive_after_import(&tx, &import_zone(b), b.exported_at)?;
    tx.commit()?;
    Ok(ImportSummary {
        drinks: b.drinks.len() as u32,
        checkins: b.checkins.len() as u32,
        reactions: b.reactions.len() as u32,
        doses: b.doses.len() as u32,
        plans: b.plans.len() as u32,
        profile_versions: b.profile_versions.len() as u32,
    })
}

/// Delete everything, including what lingers in the WAL and free pages.
///
/// Succeeds only when no trace is left: the rows are deleted with
/// `secure_delete`, the file is rebuilt without free pages (VACUUM) and the
/// WAL is checkpointed into it and truncated to zero bytes. Another
/// connection reading the file (a widget, a second process) can block that
/// checkpoint; it is retried for about `WIPE_RETRY` and then reported as
/// `CoreError::TraceRemains`, which says what to do (the data is deleted
/// either way; old pages stay in the WAL until the checkpoint can run).
pub(crate) fn wipe(c: &Connection, confirmed: bool) -> Result<()> {
    if !confirmed {
        return Err(CoreError::ConfirmationRequired("this deletes all kefir data on this device".into()));
    }
    c.execute_batch("PRAGMA secure_delete = ON")?;
    let tx = crate::store::write_tx(c)?;
    delete_all(&tx, false)?;
    tx.commit()?;
    // Rebuild the file without free pages, then empty the WAL.
    c.execute_batch("VACUUM")?;
    // Short waits per attempt, so the retries decide how long it takes.
    c.busy_timeout(std::time::Duration::from_millis(200))?;
    let r = truncate_wal(c, WIPE_RETRY);
    c.busy_timeout(crate::store::BUSY_TIMEOUT)?;
    r
}

/// How long `wipe` keeps retrying a checkpoint that a reader blocks.
pub const WIPE_RETRY: std::time::Duration = std::time::Duration::from_secs(3);

/// Checkpoint the whole WAL into the database and truncate it, retrying
/// while readers block it. In-memory databases have no WAL ("memory" mode:
/// the pragma reports nothing to do).
fn truncate_wal(c: &Connection, patience: std::time::Duration) -> Result<()> {
    let started = std::time::Instant::now();
    loop {
        // (busy, frames in the WAL, frames checkpointed); -1 without a WAL.
        let (busy, log, done): (i64, i64, i64) =
            c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        if busy == 0 && log <= 0 && done <= 0 {
            return Ok(());
        }
        if started.elapsed() >= patience {
            return Err(CoreError::TraceRemains(
                "all entries are deleted, but another app or widget is reading the diary, so old copies stay \
                 in its log file: close it and wipe again"
                    .into(),
            ));
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

#[cfg(test)]
mod tests {
    use super::json_path_at;

    /// Finding 3: the app never writes a backup its import refuses: pretty
    /// JSON while it fits the limit, compact JSON when only that fits, a
    /// typed error (nothing written) when neither does. Both forms parse.
    #[test]
    fn the_document_is_pretty_then_compact_then_refused_by_size() {
        let store = crate::store::Store::open_in_memory().unwrap();
        let now = crate::time::Timestamp::parse_rfc3339("2026-11-20T10:00:00Z").unwrap();
        let b = super::export(store.conn(), now).unwrap();
        let pretty = serde_json::to_string_pretty(&b).unwrap();
        let compact = serde_json::to_string(&b).unwrap();
        assert!(compact.len() < pretty.len());
        assert_eq!(super::document(&b, super::MAX_BACKUP_BYTES).unwrap(), pretty);
        assert_eq!(super::document(&b, pretty.len() as u64).unwrap(), pretty);
        assert_eq!(super::document(&b, pretty.len() as u64 - 1).unwrap(), compact);
        assert_eq!(super::document(&b, compact.len() as u64).unwrap(), compact);
        match super::document(&b, compact.len() as u64 - 1) {
            Err(crate::error::CoreError::Invalid { field, reason }) => {
                assert_eq!(field, "backup");
                assert!(reason.contains(&compact.len().to_string()), "{reason}");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(super::parse(compact.as_bytes()).unwrap(), b);
        assert_eq!(super::parse(pretty.as_bytes()).unwrap(), b);
    }

    /// The path of the value serde_json stopped at, for each kind of stop.
    #[test]
    fn json_path_at_names_the_value_serde_json_stopped_at() {
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Day {
            ml: u32,
            note: Option<String>,
        }
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Doc {
            days: Vec<Day>,
            name: String,
        }
        let cases = [
            (r#"{"days":[{"ml":1},{"ml":-1}],"name":"x"}"#, "days[1].ml"),
            ("{\n  \"days\": [\n    {\"ml\": 1},\n    {\"ml\": \"a\"}\n  ],\n  \"name\": \"x\"\n}", "days[1].ml"),
            (r#"{"days":[{"ml":[1]}],"name":"x"}"#, "days[0].ml"),
            (r#"{"days":[{"ml":1,"bogus":2}],"name":"x"}"#, "days[0].bogus"),
            (r#"{"days":[{"note":"a,]}\"b"}],"name":"x"}"#, "days[0]"),
            (r#"{"days":[],"name":5}"#, "name"),
            (r#"{"days":[]}"#, ""),
            (r#"{"days":{"ml":1},"name":"x"}"#, "days"),
        ];
        for (json, want) in cases {
            let e = serde_json::from_str::<Doc>(json).unwrap_err();
            assert_eq!(json_path_at(json.as_bytes(), e.line(), e.column()), want, "{json}: {e}");
        }
        // A truncated or unparsable document still gives a path, never a panic.
        assert_eq!(json_path_at(br#"{"a":[1,{"b":"x"#, 1, 100), "a[1].b");
        assert_eq!(json_path_at(b"", 3, 7), "");
    }
}
