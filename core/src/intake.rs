//! The intake log: every drink with its time, volume, kind and source.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::error::{CoreError, Result};
use crate::l10n::{Arg, Locale};
use crate::text::{check_note, enum_str};
use crate::time::{check_event_time, iso_date, Timestamp, Zone};

/// Volume limits per drink, in ml.
pub const MIN_DRINK_ML: u32 = 1;
pub const MAX_DRINK_ML: u32 = 1000;

enum_str! {
    /// What the kefir is made from (H4 decides which of P1, P8, M5 apply).
    pub enum KefirKind {
        MilkCow = "milk_cow",
        MilkGoat = "milk_goat",
        MilkSheep = "milk_sheep",
        Water = "water",
        Plant = "plant",
    }
}

impl KefirKind {
    pub fn is_milk(self) -> bool {
        matches!(self, KefirKind::MilkCow | KefirKind::MilkGoat | KefirKind::MilkSheep)
    }
}

enum_str! {
    pub enum Source {
        Homemade = "homemade",
        Commercial = "commercial",
    }
}

/// A homemade batch (H1–H2): how it was fermented and any spoilage signs.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Batch {
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub fermentation_hours: Option<u32>,
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub room_temp_c: Option<i32>,
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub off_smell: bool,
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub mould: bool,
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub pink_or_orange: bool,
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub unusual_fizz: bool,
}

impl Batch {
    /// Any spoilage sign (H2).
    pub fn spoiled(&self) -> bool {
        self.off_smell || self.mould || self.pink_or_orange || self.unusual_fizz
    }
}

/// What the user enters for a drink.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DrinkInput {
    pub at: Timestamp,
    pub ml: u32,
    pub kind: KefirKind,
    pub source: Source,
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub note: Option<String>,
    /// Only for homemade kefir.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub batch: Option<Batch>,
}

/// A stored drink.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Drink {
    pub id: i64,
    pub at: Timestamp,
    pub ml: u32,
    pub kind: KefirKind,
    pub source: Source,
    pub note: Option<String>,
    pub batch: Option<Batch>,
}

/// Total intake of one local day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DayTotal {
    /// Local date, ISO `YYYY-MM-DD`, in the zone the caller passed.
    pub date: String,
    pub ml: u32,
    pub drinks: u32,
}

/// The detail of a drink whose kind or source the profile rules out (P1,
/// P4, P5, M4, M5), e.g. "Your profile rules out homemade cow's milk
/// kefir.", in `loc`; the rule's advice follows it in the warning.
pub fn ruled_out_detail(d: &Drink, loc: &Locale) -> String {
    loc.tr(
        "drink-ruled-out",
        &[("source", Arg::Str(d.source.as_str().into())), ("kind", Arg::Str(d.kind.as_str().into()))],
    )
}

/// Validate a drink against `now`; returns the cleaned note.
pub fn validate(input: &DrinkInput, now: Timestamp) -> Result<Option<String>> {
    if !(MIN_DRINK_ML..=MAX_DRINK_ML).contains(&input.ml) {
        return Err(CoreError::invalid(
            "ml",
            &format!("{} ml is outside {MIN_DRINK_ML}-{MAX_DRINK_ML} ml per drink", input.ml),
        ));
    }
    check_event_time("at", input.at, now)?;
    if let Some(b) = &input.batch {
        if input.source != Source::Homemade {
            return Err(CoreError::invalid("batch", "only homemade kefir has a batch"));
        }
        if let Some(h) = b.fermentation_hours {
            if !(1..=168).contains(&h) {
                return Err(CoreError::invalid("fermentation_hours", &format!("{h} h is outside 1-168 h")));
            }
        }
        if let Some(t) = b.room_temp_c {
            if !(0..=45).contains(&t) {
                return Err(CoreError::invalid("room_temp_c", &format!("{t} °C is outside 0-45 °C")));
            }
        }
    }
    check_note("note", input.note.as_deref())
}

fn batch_json(b: &Option<Batch>) -> Result<Option<String>> {
    b.as_ref().map(|b| serde_json::to_string(b).map_err(|e| CoreError::Internal(e.to_string()))).transpose()
}

const COLS: &str = "id, at_ms, ml, kind, source, note, batch_json";

fn row_to_drink(r: &Row<'_>) -> rusqlite::Result<Drink> {
    let at: i64 = r.get(1)?;
    let kind: String = r.get(3)?;
    let source: String = r.get(4)?;
    let bad = |i: usize, what: &str| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, format!("bad {what}").into())
    };
    Ok(Drink {
        id: r.get(0)?,
        at: Timestamp::from_millis(at).ok_or_else(|| bad(1, "time"))?,
        ml: r.get(2)?,
        kind: KefirKind::parse(&kind).ok_or_else(|| bad(3, "kind"))?,
        source: Source::parse(&source).ok_or_else(|| bad(4, "source"))?,
        note: r.get(5)?,
        batch: match r.get::<_, Option<String>>(6)? {
            Some(j) => Some(serde_json::from_str(&j).map_err(|_| bad(6, "batch"))?),
            None => None,
        },
    })
}

pub(crate) fn insert(c: &Connection, input: &DrinkInput, note: Option<String>, now: Timestamp) -> Result<Drink> {
    c.execute(
        "INSERT INTO drinks (at_ms, ml, kind, source, note, created_ms, batch_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            input.at.millis(),
            input.ml,
            input.kind.as_str(),
            input.source.as_str(),
            note,
            now.millis(),
            batch_json(&input.batch)?
        ],
    )?;
    get(c, c.last_insert_rowid())
}

pub(crate) fn update(c: &Connection, id: i64, input: &DrinkInput, note: Option<String>) -> Result<Drink> {
    let n = c.execute(
        "UPDATE drinks SET at_ms = ?2, ml = ?3, kind = ?4, source = ?5, note = ?6, batch_json = ?7 \
         WHERE id = ?1 AND deleted_ms IS NULL",
        params![
            id,
            input.at.millis(),
            input.ml,
            input.kind.as_str(),
            input.source.as_str(),
            note,
            batch_json(&input.batch)?
        ],
    )?;
    if n == 0 {
        return Err(CoreError::not_found("drink", id));
    }
    get(c, id)
}

pub(crate) fn get(c: &Connection, id: i64) -> Result<Drink> {
    c.query_row(&format!("SELECT {COLS} FROM drinks WHERE id = ?1 AND deleted_ms IS NULL"), [id], row_to_drink)
        .optional()?
        .ok_or_else(|| CoreError::not_found("drink", id))
}

/// Soft-delete a drink so it can be undone. Only the latest deletion can be
/// undone: earlier soft-deleted rows are removed for good now.
pub(crate) fn delete(c: &Connection, id: i64, now: Timestamp) -> Result<()> {
    let tx = crate::store::write_tx(c)?;
    tx.execute("DELETE FROM drinks WHERE deleted_ms IS NOT NULL", [])?;
    let n = tx
        .execute("UPDATE drinks SET deleted_ms = ?2 WHERE id = ?1 AND deleted_ms IS NULL", params![id, now.millis()])?;
    if n == 0 {
        return Err(CoreError::not_found("drink", id));
    }
    tx.commit()?;
    Ok(())
}

pub(crate) fn undo_delete(c: &Connection, id: i64) -> Result<Drink> {
    let n = c.execute("UPDATE drinks SET deleted_ms = NULL WHERE id = ?1 AND deleted_ms IS NOT NULL", [id])?;
    if n == 0 {
        return Err(CoreError::not_found("deleted drink", id));
    }
    get(c, id)
}

/// Drinks with `from <= at < to`, oldest first.
pub(crate) fn list(c: &Connection, from: Timestamp, to: Timestamp) -> Result<Vec<Drink>> {
    let mut st = c.prepare_cached(&format!(
        "SELECT {COLS} FROM drinks WHERE at_ms >= ?1 AND at_ms < ?2 AND deleted_ms IS NULL ORDER BY at_ms, id"
    ))?;
    let rows = st.query_map(params![from.millis(), to.millis()], row_to_drink)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Totals per local day for every day from `first` to `last` inclusive
/// (days without drinks included, with zero).
pub(crate) fn daily_totals(c: &Connection, first: NaiveDate, last: NaiveDate, zone: &Zone) -> Result<Vec<DayTotal>> {
    if last < first {
        return Err(CoreError::invalid("to", "is before from"));
    }
    let (start, _) = zone.day_bounds(first);
    let (_, end) = zone.day_bounds(last);
    // Only time and volume: decoding whole drinks here doubled the cost.
    let mut st = c.prepare_cached(
        "SELECT at_ms, ml FROM drinks WHERE at_ms >= ?1 AND at_ms < ?2 AND deleted_ms IS NULL ORDER BY at_ms",
    )?;
    let drinks = st
        .query_map(params![start.millis(), end.millis()], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, u32>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out: Vec<DayTotal> = Vec::new();
    let mut day = first;
    let mut i = 0;
    while day <= last {
        let (_, day_end) = zone.day_bounds(day);
        let mut total = DayTotal { date: iso_date(day), ml: 0, drinks: 0 };
        while i < drinks.len() && drinks[i].0 < day_end.millis() {
            total.ml += drinks[i].1;
            total.drinks += 1;
            i += 1;
        }
        out.push(total);
        match day.succ_opt() {
            Some(d) => day = d,
            None => break,
        }
    }
    Ok(out)
}
