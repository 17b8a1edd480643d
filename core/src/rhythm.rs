//! The daily rhythm shown on the Today and progress screens: is a check-in
//! due, can yesterday's still be filled in, the check-in streak, and how
//! often check-ins were done and intake was on target. Pure: the caller
//! passes local dates (in the user's zone) read from storage.

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::error::{CoreError, Result};
use crate::time::iso_date;

/// Longest range [`rhythm`] accepts, in days (20 years).
pub const MAX_RANGE_DAYS: u32 = 7305;
/// Intake counts as on target within this many percent of the target.
pub const ON_TARGET_TOLERANCE_PCT: u32 = 10;

/// Check-in and intake rhythm over a range of local days.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Rhythm {
    /// Today is inside the range and its check-in is not done yet.
    pub checkin_due_today: bool,
    pub checkin_done_today: bool,
    /// Yesterday is inside the range and its check-in was missed: it can
    /// still be filled in until the end of today.
    pub can_fill_yesterday: bool,
    /// Consecutive days with a check-in, ending today, or yesterday while
    /// today's is not done yet (an open today does not break the streak).
    pub streak_days: u32,
    /// Check-ins done over the days counted (rounded down, so 100 only when
    /// none was missed); 0 when no day is counted yet.
    pub checkin_adherence_pct: u32,
    /// Days counted for adherence: range days up to yesterday, plus today
    /// once its check-in is done (a day is not missed before it ends).
    pub checkin_days_counted: u32,
    /// Days whose intake was within ±10 % of the target, over the completed
    /// range days (before today) that had a target; rounded down; 0 when none.
    pub on_target_pct: u32,
    /// Completed range days that had a target.
    pub target_days_counted: u32,
    /// Days from `first` to `last`, inclusive.
    pub days_in_range: u32,
}

/// Compute the rhythm for the local days `first..=last` (e.g. plan start to
/// today, or a report window) as of local date `today`.
///
/// `checkin_days` holds every local date with a check-in (dates outside the
/// range still count for the streak). `days` holds `(date, intake ml,
/// target ml)` per day; pass every day of the range that had a plan, each
/// date once. Days after `today` are never counted.
///
/// Errors: `last` before `first`, a range over 20 years, or a date listed
/// twice in `days`.
pub fn rhythm(
    checkin_days: &BTreeSet<NaiveDate>,
    days: &[(NaiveDate, u32, Option<u32>)],
    today: NaiveDate,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<Rhythm> {
    if last < first {
        return Err(CoreError::invalid(
            "last",
            &format!("{} is before the first day {}", iso_date(last), iso_date(first)),
        ));
    }
    let span = (last - first).num_days() + 1;
    if span > i64::from(MAX_RANGE_DAYS) {
        return Err(CoreError::invalid("last", &format!("the range is {span} days; at most 20 years")));
    }
    let days_in_range = span as u32;
    let in_range = |d: NaiveDate| first <= d && d <= last;
    let yesterday = today.checked_sub_days(Days::new(1));

    let checkin_done_today = checkin_days.contains(&today);
    let checkin_due_today = in_range(today) && !checkin_done_today;
    let can_fill_yesterday = yesterday.is_some_and(|y| in_range(y) && !checkin_days.contains(&y));

    // Streak: walk back over consecutive dates from today (or yesterday).
    let mut streak_days = 0u32;
    let mut day = if checkin_done_today { Some(today) } else { yesterday };
    while let Some(d) = day.filter(|d| checkin_days.contains(d)) {
        streak_days += 1;
        day = d.pred_opt();
    }

    // Adherence: range days before today, plus today once done.
    let mut checkin_days_counted = 0u32;
    let mut checkins = 0u32;
    if let Some(end) = yesterday.map(|y| y.min(last)) {
        if end >= first {
            checkin_days_counted = ((end - first).num_days() + 1) as u32;
            checkins = checkin_days.range(first..=end).count() as u32;
        }
    }
    if checkin_done_today && in_range(today) {
        checkin_days_counted += 1;
        checkins += 1;
    }

    // On target: completed range days with a target.
    let mut seen = BTreeSet::new();
    let (mut target_days_counted, mut on_target) = (0u32, 0u32);
    for &(date, intake, target) in days {
        if !seen.insert(date) {
            return Err(CoreError::invalid("days", &format!("{} is listed twice", iso_date(date))));
        }
        let Some(target) = target else { continue };
        if !in_range(date) || date >= today {
            continue;
        }
        target_days_counted += 1;
        if is_on_target(intake, target) {
            on_target += 1;
        }
    }

    Ok(Rhythm {
        checkin_due_today,
        checkin_done_today,
        can_fill_yesterday,
        streak_days,
        checkin_adherence_pct: pct(checkins, checkin_days_counted),
        checkin_days_counted,
        on_target_pct: pct(on_target, target_days_counted),
        target_days_counted,
        days_in_range,
    })
}

/// Intake within ±10 % of the target, inclusive (a 0 ml target, e.g. a
/// washout day, is met only by 0 ml).
pub fn is_on_target(intake_ml: u32, target_ml: u32) -> bool {
    let (i, t) = (u64::from(intake_ml) * 100, u64::from(target_ml));
    let tol = u64::from(ON_TARGET_TOLERANCE_PCT);
    i >= t * (100 - tol) && i <= t * (100 + tol)
}

/// `part / whole` in whole percent, rounded down; 0 for an empty whole.
fn pct(part: u32, whole: u32) -> u32 {
    if whole == 0 {
        0
    } else {
        (u64::from(part) * 100 / u64::from(whole)) as u32
    }
}

/// Accept a check-in for `day` only when it is today or yesterday (a missed
/// check-in can be filled in until the end of the next day).
pub fn checkin_window(day: NaiveDate, today: NaiveDate) -> Result<()> {
    if day > today {
        return Err(CoreError::invalid("day", &format!("{} is in the future", iso_date(day))));
    }
    if today.checked_sub_days(Days::new(1)).is_some_and(|y| day < y) {
        return Err(CoreError::invalid(
            "day",
            &format!(
                "{} is more than one day ago; a check-in can be filled in for today or yesterday only",
                iso_date(day)
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn on_target_bounds() {
        assert!(is_on_target(90, 100) && is_on_target(110, 100) && is_on_target(100, 100));
        assert!(!is_on_target(89, 100) && !is_on_target(111, 100));
        assert!(is_on_target(0, 0) && !is_on_target(1, 0));
        assert!(is_on_target(u32::MAX, u32::MAX));
    }

    #[test]
    fn pct_rounds_down() {
        assert_eq!(pct(2, 3), 66);
        assert_eq!(pct(199, 200), 99);
        assert_eq!(pct(0, 0), 0);
        assert_eq!(pct(5, 5), 100);
    }
}
