//! Backup and restore: one versioned JSON document with everything, and
//! "delete everything" that leaves no trace in the file.
//!
//! The format is its own set of structs (not the internal rows), so the
//! schema can change without breaking old backups. Row ids are not part of
//! it: export → import → export gives the identical document.

use std::collections::BTreeMap;

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

use crate::checkin::{check_bristol, clean_entries, SymptomEntry};
use crate::error::{CoreError, Result};
use crate::intake::{Batch, KefirKind, Source, MAX_DRINK_ML, MIN_DRINK_ML};
use crate::plan::{DecisionKind, PlanStatus};
use crate::profile::{MedClass, Profile};
use crate::rules::{Level, RULES};
use crate::text::{check_note, split_ids};
use crate::time::{parse_iso_date, Timestamp};

pub const FORMAT: &str = "kefir-backup";
/// Bump when the document changes shape; older versions stay importable.
pub const FORMAT_VERSION: i64 = 1;
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
    pub rule_ids: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BReaction {
    pub at: Timestamp,
    pub symptoms: Vec<SymptomEntry>,
    pub note: Option<String>,
    pub level: Level,
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
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BPlanDay {
    pub day: String,
    pub step: u32,
    pub days_at_step: u32,
    pub target_ml: u32,
    pub decision: DecisionKind,
    pub reason: String,
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

fn ts(ms: i64) -> Result<Timestamp> {
    Timestamp::from_millis(ms).ok_or_else(|| CoreError::Internal(format!("stored time {ms}")))
}

fn parse_enum<T>(what: &str, s: &str, f: fn(&str) -> Option<T>) -> Result<T> {
    f(s).ok_or_else(|| CoreError::Internal(format!("stored {what} '{s}'")))
}

/// Read everything into the backup document.
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
    let doses = crate::meds::list(&tx, t0, t1)?
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
                    reason: d.get(5)?,
                    rule_ids: split_ids(&d.get::<_, String>(6)?),
                    decided_at: ts(d.get(7)?)?,
                });
            }
            plans.push(BPlan {
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
            settings.insert(r.get(0)?, r.get(1)?);
        }
    }
    Ok(Backup {
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
        settings,
    })
}

/// Parse and fully validate a backup document before anything is written.
pub fn parse(bytes: &[u8]) -> Result<Backup> {
    let bad = |m: String| CoreError::BadBackup(m);
    // Look at the envelope first, so a newer version says so rather than
    // failing on a field it does not know.
    let v: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| bad(format!("not a JSON backup: {e}")))?;
    if v.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(bad(format!("not a {FORMAT} file")));
    }
    let version = v.get("version").and_then(|x| x.as_i64()).ok_or_else(|| bad("missing version".into()))?;
    if version > FORMAT_VERSION {
        return Err(CoreError::NewerBackup { found: version, supported: FORMAT_VERSION });
    }
    if version < 1 {
        return Err(bad(format!("unknown version {version}")));
    }
    let b: Backup = serde_json::from_value(v).map_err(|e| bad(e.to_string()))?;
    validate(&b)?;
    Ok(b)
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

fn validate(b: &Backup) -> Result<()> {
    let bad = |m: String| Err(CoreError::BadBackup(m));
    check_time("exported_at", b.exported_at)?;
    for (what, t) in b
        .drinks
        .iter()
        .flat_map(|d| [("drink", d.at), ("drink", d.created_at)])
        .chain(b.profile_versions.iter().map(|p| ("profile", p.saved_at)))
        .chain(b.clinician_acks.iter().map(|a| ("clinician acknowledgement", a.at)))
        .chain(b.checkins.iter().map(|k| ("check-in", k.at)))
        .chain(b.reactions.iter().map(|r| ("reaction", r.at)))
        .chain(b.doses.iter().map(|d| ("dose", d.at)))
        .chain(b.plans.iter().map(|p| ("plan", p.started_at)))
        .chain(b.plans.iter().flat_map(|p| p.days.iter().map(|d| ("plan day", d.decided_at))))
    {
        check_time(what, t)?;
    }
    let known = |ids: &[String], what: &str| -> Result<()> {
        match ids.iter().find(|id| !RULES.iter().any(|r| r.id == id.as_str())) {
            Some(id) => Err(CoreError::BadBackup(format!("{what}: unknown rule id '{id}'"))),
            None => Ok(()),
        }
    };
    let note = |n: &Option<String>, what: &str| -> Result<()> {
        check_note("note", n.as_deref()).map(|_| ()).map_err(|e| CoreError::BadBackup(format!("{what}: {e}")))
    };
    for (i, d) in b.drinks.iter().enumerate() {
        if !(MIN_DRINK_ML..=MAX_DRINK_ML).contains(&d.ml) {
            return bad(format!("drink {i}: {} ml is outside {MIN_DRINK_ML}-{MAX_DRINK_ML}", d.ml));
        }
        if d.batch.is_some() && d.source != Source::Homemade {
            return bad(format!("drink {i}: batch on a commercial drink"));
        }
        note(&d.note, &format!("drink {i}"))?;
    }
    for (i, p) in b.profile_versions.iter().enumerate() {
        p.profile.normalised().map_err(|e| CoreError::BadBackup(format!("profile {i}: {e}")))?;
    }
    for a in &b.clinician_acks {
        known(&a.rule_ids, "clinician acknowledgement")?;
        note(&a.note, "clinician acknowledgement")?;
    }
    let mut days = std::collections::BTreeSet::new();
    for k in &b.checkins {
        check_day("check-in", &k.day)?;
        if !days.insert(k.day.clone()) {
            return bad(format!("two check-ins for {}", k.day));
        }
        clean_entries(&k.symptoms).map_err(|e| CoreError::BadBackup(format!("check-in {}: {e}", k.day)))?;
        check_bristol(k.bristol).map_err(|e| CoreError::BadBackup(format!("check-in {}: {e}", k.day)))?;
        known(&k.rule_ids, "check-in")?;
        note(&k.note, "check-in")?;
    }
    for r in &b.reactions {
        clean_entries(&r.symptoms).map_err(|e| CoreError::BadBackup(format!("reaction: {e}")))?;
        known(&r.rule_ids, "reaction")?;
        note(&r.note, "reaction")?;
    }
    for d in &b.doses {
        if d.interval_hours.is_some_and(|h| h == 0 || h > crate::meds::MAX_INTERVAL_HOURS) {
            return bad("dose: interval out of range".into());
        }
        note(&d.note, "dose")?;
        if crate::meds::check_name(d.name.as_deref()).ok().flatten() != d.name {
            return bad("dose: bad medicine name".into());
        }
    }
    for p in &b.plans {
        check_day("plan", &p.started_day)?;
        if p.start_ml == 0
            || p.target_ml < p.start_ml
            || p.target_ml > MAX_DRINK_ML
            || p.step_ml == 0
            || p.hold_days == 0
        {
            return bad("plan: amounts out of range".into());
        }
        let nsteps = crate::plan::steps(p.start_ml, p.target_ml, p.step_ml).len() as u32;
        let mut plan_days = std::collections::BTreeSet::new();
        for d in &p.days {
            check_day("plan day", &d.day)?;
            if !plan_days.insert(d.day.as_str()) {
                return bad(format!("plan day {}: two decisions for one day", d.day));
            }
            if d.step >= nsteps || d.target_ml > p.target_ml {
                return bad(format!("plan day {}: step or target out of range", d.day));
            }
            known(&d.rule_ids, "plan day")?;
        }
    }
    Ok(())
}

const TABLES: &[&str] = &[
    "checkin_symptoms",
    "checkins",
    "reactions",
    "med_doses",
    "plan_days",
    "plans",
    "clinician_acks",
    "profile_versions",
    "settings",
    "drinks",
];

pub(crate) fn is_empty(c: &Connection) -> Result<bool> {
    for t in TABLES {
        // The patient id every database gets when created is not user data.
        let filter = if *t == "settings" { " WHERE key <> 'patient_id'" } else { "" };
        let n: i64 = c.query_row(&format!("SELECT count(*) FROM {t}{filter}"), [], |r| r.get(0))?;
        if n > 0 {
            return Ok(false);
        }
    }
    Ok(true)
}

fn delete_all(c: &Connection) -> Result<()> {
    for t in TABLES {
        c.execute(&format!("DELETE FROM {t}"), [])?;
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
    delete_all(&tx)?;
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
            params![a.at.millis(), a.rule_ids.join(","), a.note],
        )?;
    }
    for k in &b.checkins {
        tx.execute(
            "INSERT INTO checkins (day, at_ms, bristol, note, level, rule_ids) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![k.day, k.at.millis(), k.bristol, k.note, k.level.as_str(), k.rule_ids.join(",")],
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
            params![r.at.millis(), json, r.note, r.level.as_str(), r.rule_ids.join(",")],
        )?;
    }
    for d in &b.doses {
        tx.execute(
            "INSERT INTO med_doses (at_ms, medicine, interval_hours, note, name) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![d.at.millis(), d.medicine.as_str(), d.interval_hours, d.note, d.name],
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
                params![id, d.day, d.step, d.days_at_step, d.target_ml, d.decision.as_str(), d.reason, d.rule_ids.join(","), d.decided_at.millis()],
            )?;
        }
    }
    for (k, v) in &b.settings {
        // A backup's patient id replaces the fresh database's own (same person).
        tx.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)", params![k, v])?;
    }
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
pub(crate) fn wipe(c: &Connection, confirmed: bool) -> Result<()> {
    if !confirmed {
        return Err(CoreError::ConfirmationRequired("this deletes all kefir data on this device".into()));
    }
    c.execute_batch("PRAGMA secure_delete = ON")?;
    let tx = crate::store::write_tx(c)?;
    delete_all(&tx)?;
    tx.commit()?;
    // Rebuild the file without free pages, then empty the WAL.
    c.execute_batch("VACUUM")?;
    c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    Ok(())
}
