//! Check-in rhythm: due/done/fill-yesterday, streaks, adherence, on-target
//! days, range validation, the today-or-yesterday check-in window.

use std::collections::BTreeSet;

use chrono::{Duration, NaiveDate};
use kefir_core::rhythm::{checkin_window, is_on_target, rhythm, Rhythm, MAX_RANGE_DAYS};
use kefir_core::CoreError;
use proptest::prelude::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn set(days: &[&str]) -> BTreeSet<NaiveDate> {
    days.iter().map(|s| d(s)).collect()
}

/// Check-ins on November `days` of 2026.
fn nov(days: impl IntoIterator<Item = u32>) -> BTreeSet<NaiveDate> {
    days.into_iter().map(|n| NaiveDate::from_ymd_opt(2026, 11, n).unwrap()).collect()
}

fn field_of(e: CoreError) -> String {
    match e {
        CoreError::Invalid { field, .. } => field,
        other => panic!("expected Invalid, got {other:?}"),
    }
}

const FIRST: &str = "2026-11-01";
const TODAY: &str = "2026-11-10";

fn plain(checkins: &BTreeSet<NaiveDate>) -> Rhythm {
    rhythm(checkins, &[], d(TODAY), d(FIRST), d(TODAY)).unwrap()
}

#[test]
fn open_today_keeps_the_streak_from_yesterday() {
    // 1–9 November except the 5th; today (10th) not done yet.
    let r = plain(&nov((1..=9).filter(|n| *n != 5)));
    assert_eq!(
        r,
        Rhythm {
            checkin_due_today: true,
            checkin_done_today: false,
            can_fill_yesterday: false,
            streak_days: 4,            // 6, 7, 8, 9
            checkin_adherence_pct: 88, // 8 of 9 (today is not missed yet), rounded down
            checkin_days_counted: 9,
            on_target_pct: 0,
            target_days_counted: 0,
            days_in_range: 10,
        }
    );
}

#[test]
fn done_today_extends_the_streak_and_counts() {
    let r = plain(&nov((1..=10).filter(|n| *n != 5)));
    assert!(r.checkin_done_today && !r.checkin_due_today);
    assert_eq!(r.streak_days, 5);
    assert_eq!((r.checkin_adherence_pct, r.checkin_days_counted), (90, 10));
    let all = plain(&nov(1..=10));
    assert_eq!((all.streak_days, all.checkin_adherence_pct), (10, 100));
}

#[test]
fn missed_yesterday_can_be_filled_today() {
    let r = plain(&nov(1..=8));
    assert!(r.can_fill_yesterday);
    assert_eq!(r.streak_days, 0, "yesterday is missed and today is open");
    let r = plain(&nov((1..=8).chain([10])));
    assert!(r.can_fill_yesterday, "today's check-in does not close yesterday's");
    assert_eq!(r.streak_days, 1);
    let r = plain(&nov(1..=9));
    assert!(!r.can_fill_yesterday);
}

#[test]
fn streak_counts_check_ins_before_the_range() {
    let checkins = set(&["2026-10-30", "2026-10-31", "2026-11-01", "2026-11-02"]);
    let r = rhythm(&checkins, &[], d("2026-11-02"), d("2026-11-01"), d("2026-11-02")).unwrap();
    assert_eq!(r.streak_days, 4);
    assert_eq!((r.checkin_adherence_pct, r.checkin_days_counted), (100, 2));
    // Across a year end and a leap day.
    let checkins: BTreeSet<_> = d("2027-12-25").iter_days().take(70).collect();
    let r = rhythm(&checkins, &[], d("2028-03-03"), d("2028-01-01"), d("2028-03-03")).unwrap();
    assert_eq!(r.streak_days, 70);
    assert_eq!(r.days_in_range, 31 + 29 + 3);
}

#[test]
fn first_day_of_a_plan() {
    let none = BTreeSet::new();
    let r = rhythm(&none, &[], d(TODAY), d(TODAY), d(TODAY)).unwrap();
    assert!(r.checkin_due_today);
    assert!(!r.can_fill_yesterday, "yesterday was before the plan");
    assert_eq!((r.checkin_adherence_pct, r.checkin_days_counted, r.days_in_range), (0, 0, 1));
    let done = set(&[TODAY]);
    let r = rhythm(&done, &[], d(TODAY), d(TODAY), d(TODAY)).unwrap();
    assert_eq!((r.checkin_adherence_pct, r.checkin_days_counted, r.streak_days), (100, 1, 1));
}

#[test]
fn range_in_the_past_or_future_has_nothing_due() {
    let checkins = nov([2, 3, 10]);
    // A report window that ended last week.
    let past = rhythm(&checkins, &[], d(TODAY), d("2026-11-01"), d("2026-11-04")).unwrap();
    assert!(!past.checkin_due_today && !past.can_fill_yesterday);
    assert!(past.checkin_done_today);
    assert_eq!((past.checkin_adherence_pct, past.checkin_days_counted, past.days_in_range), (50, 4, 4));
    // A plan that starts next week.
    let future = rhythm(&checkins, &[], d(TODAY), d("2026-11-17"), d("2026-11-30")).unwrap();
    assert!(!future.checkin_due_today && !future.can_fill_yesterday);
    assert_eq!((future.checkin_adherence_pct, future.checkin_days_counted, future.days_in_range), (0, 0, 14));
    // A range running into the future counts only up to today.
    let open = rhythm(&checkins, &[], d(TODAY), d("2026-11-01"), d("2026-11-30")).unwrap();
    assert_eq!((open.checkin_days_counted, open.checkin_adherence_pct, open.days_in_range), (10, 30, 30));
}

#[test]
fn on_target_within_ten_percent_over_completed_days_with_a_target() {
    let days = vec![
        (d("2026-10-31"), 100, Some(100)), // before the range
        (d("2026-11-01"), 90, Some(100)),  // -10 %: on target
        (d("2026-11-02"), 111, Some(100)), // +11 %: off
        (d("2026-11-03"), 110, Some(100)), // +10 %: on
        (d("2026-11-04"), 89, Some(100)),  // -11 %: off
        (d("2026-11-05"), 0, Some(0)),     // washout day kept: on
        (d("2026-11-06"), 40, None),       // no plan: not counted
        (d("2026-11-07"), 0, Some(50)),    // forgot: off
        (d(TODAY), 0, Some(100)),          // today is not over: not counted
    ];
    let r = rhythm(&BTreeSet::new(), &days, d(TODAY), d(FIRST), d(TODAY)).unwrap();
    assert_eq!(r.target_days_counted, 6);
    assert_eq!(r.on_target_pct, 50); // 3 of 6
    assert!(is_on_target(75, 75) && is_on_target(68, 75) && !is_on_target(67, 75) && is_on_target(82, 75));
    assert!(!is_on_target(83, 75));
}

#[test]
fn range_errors_are_typed() {
    let none = BTreeSet::new();
    let e = rhythm(&none, &[], d(TODAY), d("2026-11-10"), d("2026-11-09")).unwrap_err();
    assert_eq!(field_of(e), "last");
    let first = d("2000-01-01");
    let max_last = first + Duration::days(i64::from(MAX_RANGE_DAYS) - 1);
    let r = rhythm(&none, &[], d(TODAY), first, max_last).unwrap();
    assert_eq!(r.days_in_range, MAX_RANGE_DAYS);
    let e = rhythm(&none, &[], d(TODAY), first, max_last + Duration::days(1)).unwrap_err();
    assert_eq!(field_of(e), "last");
    let twice = [(d("2026-11-02"), 50, Some(50)), (d("2026-11-02"), 60, Some(50))];
    let e = rhythm(&none, &twice, d(TODAY), d(FIRST), d(TODAY)).unwrap_err();
    assert_eq!(field_of(e), "days");
}

#[test]
fn checkin_window_is_today_or_yesterday() {
    let today = d(TODAY);
    assert!(checkin_window(today, today).is_ok());
    assert!(checkin_window(d("2026-11-09"), today).is_ok());
    for bad in ["2026-11-11", "2027-01-01", "2026-11-08", "2025-11-10"] {
        let e = checkin_window(d(bad), today).unwrap_err();
        assert_eq!(field_of(e), "day", "{bad}");
    }
    // Across a month and a year boundary.
    assert!(checkin_window(d("2026-12-31"), d("2027-01-01")).is_ok());
    assert!(checkin_window(d("2026-12-30"), d("2027-01-01")).is_err());
}

proptest! {
    #[test]
    fn rhythm_matches_a_day_by_day_count(
        offsets in prop::collection::btree_set(-40i64..5, 0..45),
        first_off in -30i64..3,
        len in 1i64..40,
    ) {
        let today = d("2026-03-29");
        let checkins: BTreeSet<NaiveDate> = offsets.iter().map(|o| today + Duration::days(*o)).collect();
        let first = today + Duration::days(first_off);
        let last = first + Duration::days(len - 1);
        let r = rhythm(&checkins, &[], today, first, last).unwrap();

        // Streak by walking back one day at a time.
        let start = if checkins.contains(&today) { today } else { today - Duration::days(1) };
        let mut streak = 0;
        while checkins.contains(&(start - Duration::days(streak))) {
            streak += 1;
        }
        prop_assert_eq!(i64::from(r.streak_days), streak);

        // Adherence by looking at every day of the range.
        let (mut counted, mut done) = (0u32, 0u32);
        for day in first.iter_days().take_while(|x| *x <= last) {
            let counts = day < today || (day == today && checkins.contains(&day));
            if counts {
                counted += 1;
                done += u32::from(checkins.contains(&day));
            }
        }
        prop_assert_eq!(r.checkin_days_counted, counted);
        let want = (done * 100).checked_div(counted).unwrap_or(0);
        prop_assert_eq!(r.checkin_adherence_pct, want);
        prop_assert!(r.checkin_adherence_pct <= 100);
        prop_assert_eq!(r.checkin_adherence_pct == 100, counted > 0 && done == counted);
        prop_assert_eq!(i64::from(r.days_in_range), len);
        prop_assert_eq!(r.checkin_due_today, first <= today && today <= last && !checkins.contains(&today));
    }
}
