//! Intake log through the core API: validation, edit, delete/undo, ranges,
//! local-day totals across DST.

use kefir_core::{CoreError, DrinkInput, Kefir, KefirKind, Source, Timestamp};
use proptest::prelude::*;

fn ts(s: &str) -> Timestamp {
    Timestamp::parse_rfc3339(s).unwrap()
}

fn drink(at: &str, ml: u32) -> DrinkInput {
    DrinkInput { at: ts(at), ml, kind: KefirKind::MilkCow, source: Source::Commercial, note: None, batch: None }
}

const NOW: &str = "2026-11-26T12:00:00Z";
const TZ: &str = "Europe/London";

fn count(k: &Kefir) -> usize {
    k.list_drinks(ts("2000-01-01T00:00:00Z"), ts("2100-01-01T00:00:00Z")).unwrap().len()
}

fn field_of(e: CoreError) -> String {
    match e {
        CoreError::Invalid { field, .. } => field,
        other => panic!("expected Invalid, got {other:?}"),
    }
}

#[test]
fn log_and_list_round_trip() {
    let k = Kefir::open_in_memory().unwrap();
    let mut input = drink("2026-11-26T08:00:00Z", 75);
    input.note = Some("  after breakfast ".into());
    input.kind = KefirKind::Water;
    input.source = Source::Homemade;
    let logged = k.log_drink(&input, ts(NOW), TZ).unwrap();
    // Homemade kefir carries the hygiene reminder (H1).
    let rule_ids: Vec<&str> = logged.warnings.iter().map(|w| w.rule_id.as_str()).collect();
    assert_eq!(rule_ids, vec!["H1"]);
    assert_eq!(logged.drink.note.as_deref(), Some("after breakfast"));
    let listed = k.list_drinks(ts("2026-11-26T00:00:00Z"), ts("2026-11-27T00:00:00Z")).unwrap();
    assert_eq!(listed, vec![logged.drink]);
    // The range is half-open.
    assert!(k.list_drinks(ts("2026-11-26T08:00:00.001Z"), ts("2026-11-27T00:00:00Z")).unwrap().is_empty());
}

#[test]
fn each_bad_input_has_its_own_field_and_stores_nothing() {
    let k = Kefir::open_in_memory().unwrap();
    let cases: Vec<(DrinkInput, &str, &str)> = vec![
        (drink("2026-11-26T08:00:00Z", 0), TZ, "ml"),
        (drink("2026-11-26T08:00:00Z", 1001), TZ, "ml"),
        (drink("2026-11-26T12:10:01Z", 100), TZ, "at"),
        (drink("1999-12-31T23:59:59Z", 100), TZ, "at"),
        (DrinkInput { note: Some("x".repeat(1001)), ..drink("2026-11-26T08:00:00Z", 100) }, TZ, "note"),
        (DrinkInput { note: Some("nul\0".into()), ..drink("2026-11-26T08:00:00Z", 100) }, TZ, "note"),
        (drink("2026-11-26T08:00:00Z", 100), "Europe/Atlantis", "time_zone"),
    ];
    for (input, tz, field) in cases {
        let e = k.log_drink(&input, ts(NOW), tz).unwrap_err();
        assert_eq!(field_of(e), field);
    }
    assert_eq!(count(&k), 0);
    // The edges are accepted.
    k.log_drink(&drink("2026-11-26T12:10:00Z", 1), ts(NOW), TZ).unwrap();
    k.log_drink(&drink("2000-01-01T00:00:00Z", 1000), ts(NOW), TZ).unwrap();
    assert_eq!(count(&k), 2);
}

#[test]
fn edit_validates_and_updates() {
    let k = Kefir::open_in_memory().unwrap();
    let d = k.log_drink(&drink("2026-11-26T08:00:00Z", 75), ts(NOW), TZ).unwrap().drink;
    let e = k.update_drink(d.id, &drink("2026-11-26T08:00:00Z", 0), ts(NOW), TZ).unwrap_err();
    assert_eq!(field_of(e), "ml");
    let edited = k.update_drink(d.id, &drink("2026-11-26T09:00:00Z", 100), ts(NOW), TZ).unwrap();
    assert_eq!((edited.id, edited.ml, edited.at), (d.id, 100, ts("2026-11-26T09:00:00Z")));
    assert!(matches!(
        k.update_drink(999, &drink("2026-11-26T09:00:00Z", 100), ts(NOW), TZ),
        Err(CoreError::NotFound { .. })
    ));
}

#[test]
fn delete_then_undo_only_the_latest() {
    let k = Kefir::open_in_memory().unwrap();
    let a = k.log_drink(&drink("2026-11-26T08:00:00Z", 50), ts(NOW), TZ).unwrap().drink;
    let b = k.log_drink(&drink("2026-11-26T09:00:00Z", 60), ts(NOW), TZ).unwrap().drink;
    k.delete_drink(a.id, ts(NOW)).unwrap();
    assert_eq!(count(&k), 1);
    assert!(matches!(k.delete_drink(a.id, ts(NOW)), Err(CoreError::NotFound { .. })));
    k.delete_drink(b.id, ts(NOW)).unwrap();
    assert_eq!(count(&k), 0);
    // The earlier deletion is now final; the latest can be undone.
    assert!(matches!(k.undo_delete_drink(a.id), Err(CoreError::NotFound { .. })));
    assert_eq!(k.undo_delete_drink(b.id).unwrap(), b);
    assert_eq!(count(&k), 1);
    assert!(matches!(k.undo_delete_drink(b.id), Err(CoreError::NotFound { .. })));
    assert!(matches!(
        k.update_drink(a.id, &drink("2026-11-26T09:00:00Z", 1), ts(NOW), TZ),
        Err(CoreError::NotFound { .. })
    ));
}

#[test]
fn daily_totals_use_the_local_day_across_dst() {
    let k = Kefir::open_in_memory().unwrap();
    let ny = "America/New_York";
    let now = ts("2026-11-05T00:00:00Z");
    // 2026-11-01 is 25 h long in New York (fall back at 02:00 EDT).
    for at in ["2026-11-01T04:00:00Z", "2026-11-02T04:59:59Z", "2026-11-02T05:00:00Z", "2026-10-31T23:00:00Z"] {
        k.log_drink(&drink(at, 10), now, ny).unwrap();
    }
    let totals = k.daily_totals(ts("2026-10-31T12:00:00Z"), ts("2026-11-02T12:00:00Z"), ny).unwrap();
    let got: Vec<(String, u32, u32)> = totals.into_iter().map(|t| (t.date, t.ml, t.drinks)).collect();
    assert_eq!(got, vec![("2026-10-31".into(), 10, 1), ("2026-11-01".into(), 20, 2), ("2026-11-02".into(), 10, 1)]);
    // The same drinks seen from London fall on other days.
    let london = k.daily_totals(ts("2026-10-31T00:00:00Z"), ts("2026-11-02T12:00:00Z"), TZ).unwrap();
    assert_eq!(london.iter().map(|t| t.ml).collect::<Vec<_>>(), vec![10, 10, 20]);
    assert!(matches!(k.daily_totals(now, ts("2026-11-01T00:00:00Z"), ny), Err(CoreError::Invalid { .. })));
    assert!(matches!(k.daily_totals(now, now, "Nowhere/Land"), Err(CoreError::Invalid { .. })));
}

#[test]
fn today_sums_only_the_local_day() {
    let k = Kefir::open_in_memory().unwrap();
    let tokyo = "Asia/Tokyo";
    let now = ts("2026-11-26T12:00:00Z"); // 21:00 in Tokyo
    k.log_drink(&drink("2026-11-25T14:59:00Z", 40), now, tokyo).unwrap(); // 23:59 the day before
    k.log_drink(&drink("2026-11-25T15:00:00Z", 60), now, tokyo).unwrap(); // 00:00 today
    k.log_drink(&drink("2026-11-26T11:00:00Z", 70), now, tokyo).unwrap();
    let t = k.today(now, tokyo).unwrap();
    assert_eq!((t.date.as_str(), t.drunk_ml, t.drinks.len()), ("2026-11-26", 130, 2));
}

#[test]
fn survives_reopen_from_disk() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("k.db");
    let id = {
        let k = Kefir::open(&p).unwrap();
        k.log_drink(&drink("2026-11-26T08:00:00Z", 75), ts(NOW), TZ).unwrap().drink.id
    };
    let k = Kefir::open(&p).unwrap();
    assert_eq!(k.list_drinks(ts("2026-11-26T00:00:00Z"), ts(NOW)).unwrap()[0].id, id);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// The sum of daily totals equals the sum of the drinks in the range,
    /// whatever the zone and times.
    #[test]
    fn totals_add_up(
        offsets in proptest::collection::vec((0i64..60 * 24 * 30, 1u32..=1000), 0..40),
        zone in prop::sample::select(vec!["UTC", "America/New_York", "Australia/Lord_Howe", "Pacific/Kiritimati", "Europe/London"]),
    ) {
        let k = Kefir::open_in_memory().unwrap();
        let base = ts("2026-10-01T00:00:00Z");
        let now = ts("2026-12-31T00:00:00Z");
        let mut expected = 0u32;
        for (min, ml) in &offsets {
            k.log_drink(&drink(&base.plus(chrono::Duration::minutes(*min)).to_string(), *ml), now, zone).unwrap();
            expected += ml;
        }
        let totals = k.daily_totals(base, base.plus(chrono::Duration::days(30)), zone).unwrap();
        prop_assert_eq!(totals.iter().map(|t| t.ml).sum::<u32>(), expected);
        prop_assert_eq!(totals.iter().map(|t| t.drinks).sum::<u32>() as usize, offsets.len());
        // Days are consecutive.
        for w in totals.windows(2) {
            let a = chrono::NaiveDate::parse_from_str(&w[0].date, "%Y-%m-%d").unwrap();
            let b = chrono::NaiveDate::parse_from_str(&w[1].date, "%Y-%m-%d").unwrap();
            prop_assert_eq!((b - a).num_days(), 1);
        }
    }
}
