//! `Kefir`: the core's one entry point. Every operation takes `now` and the
//! user's IANA zone from the caller; nothing here reads a clock.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{CoreError, Result};
use crate::intake::{self, DayTotal, Drink, DrinkInput};
use crate::rules::Finding;
use crate::store::Store;
use crate::time::{iso_date, Timestamp, Zone};

/// The result of logging a drink: it is stored, and any rule it touches
/// (e.g. inside an antibiotic spacing window, over the daily cap) comes back
/// as a warning with its rule id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DrinkLogged {
    pub drink: Drink,
    pub warnings: Vec<Finding>,
}

/// Everything the Today screen shows, in one record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Today {
    /// Local date, ISO `YYYY-MM-DD`.
    pub date: String,
    pub time_zone: String,
    pub drunk_ml: u32,
    pub drinks: Vec<Drink>,
}

pub struct Kefir {
    store: Store,
}

impl Kefir {
    pub fn open(path: &Path) -> Result<Kefir> {
        Ok(Kefir { store: Store::open(path)? })
    }

    pub fn open_in_memory() -> Result<Kefir> {
        Ok(Kefir { store: Store::open_in_memory()? })
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn log_drink(&self, input: &DrinkInput, now: Timestamp, tz: &str) -> Result<DrinkLogged> {
        let _zone = Zone::parse(tz)?;
        let note = intake::validate(input, now)?;
        let drink = intake::insert(self.store.conn(), input, note, now)?;
        Ok(DrinkLogged { drink, warnings: Vec::new() })
    }

    pub fn update_drink(&self, id: i64, input: &DrinkInput, now: Timestamp, tz: &str) -> Result<Drink> {
        let _zone = Zone::parse(tz)?;
        let note = intake::validate(input, now)?;
        intake::update(self.store.conn(), id, input, note)
    }

    pub fn delete_drink(&self, id: i64, now: Timestamp) -> Result<()> {
        intake::delete(self.store.conn(), id, now)
    }

    pub fn undo_delete_drink(&self, id: i64) -> Result<Drink> {
        intake::undo_delete(self.store.conn(), id)
    }

    pub fn list_drinks(&self, from: Timestamp, to: Timestamp) -> Result<Vec<Drink>> {
        if to < from {
            return Err(CoreError::invalid("to", "is before from"));
        }
        intake::list(self.store.conn(), from, to)
    }

    /// Daily totals for each local day from the day of `from` to the day of `to`.
    pub fn daily_totals(&self, from: Timestamp, to: Timestamp, tz: &str) -> Result<Vec<DayTotal>> {
        let zone = Zone::parse(tz)?;
        if to < from {
            return Err(CoreError::invalid("to", "is before from"));
        }
        let (first, last) = (from.local_date(&zone), to.local_date(&zone));
        if (last - first).num_days() > 366 * 20 {
            return Err(CoreError::invalid("to", "range is longer than 20 years"));
        }
        intake::daily_totals(self.store.conn(), first, last, &zone)
    }

    pub fn today(&self, now: Timestamp, tz: &str) -> Result<Today> {
        let zone = Zone::parse(tz)?;
        let date = now.local_date(&zone);
        let (start, end) = zone.day_bounds(date);
        let drinks = intake::list(self.store.conn(), start, end)?;
        Ok(Today {
            date: iso_date(date),
            time_zone: zone.name().to_string(),
            drunk_ml: drinks.iter().map(|d| d.ml).sum(),
            drinks,
        })
    }
}
