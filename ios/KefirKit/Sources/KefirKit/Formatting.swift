import Foundation

/// Display formatting only: numbers and instants the core computed, shown in
/// the user's locale. No arithmetic, no rounding decisions, no advice text.
public enum KefirFormat {
    /// "150 mL" (en_US), "150 ml" (de_DE), "1.000 ml"; the unit as the
    /// locale writes it where the platform can localise units (Apple), the
    /// SI symbol "ml" elsewhere.
    public static func milliliters(_ ml: UInt32, locale: Locale = .autoupdatingCurrent) -> String {
        #if canImport(Darwin)
        if #available(iOS 15, macOS 12, *) {
            return Measurement(value: Double(ml), unit: UnitVolume.milliliters)
                .formatted(.measurement(width: .abbreviated, usage: .asProvided, numberFormatStyle: .number)
                    .locale(locale))
        }
        #endif
        return "\(Int(ml).formatted(.number.locale(locale))) ml"
    }

    /// The spoken form for VoiceOver: "150 milliliters" where the platform
    /// localises unit names; otherwise the same as `milliliters`.
    public static func millilitersSpoken(_ ml: UInt32, locale: Locale = .autoupdatingCurrent) -> String {
        #if canImport(Darwin)
        if #available(iOS 15, macOS 12, *) {
            return Measurement(value: Double(ml), unit: UnitVolume.milliliters)
                .formatted(.measurement(width: .wide, usage: .asProvided, numberFormatStyle: .number).locale(locale))
        }
        #endif
        return milliliters(ml, locale: locale)
    }

    /// A time of day, e.g. "9:30 AM" / "09:30", in `timeZone`.
    public static func time(_ date: Date, locale: Locale = .autoupdatingCurrent,
                            timeZone: TimeZone = .autoupdatingCurrent) -> String
    {
        date.formatted(Date.FormatStyle(date: .omitted, time: .shortened, locale: locale, timeZone: timeZone))
    }

    /// Date and time, e.g. "Mar 10, 2025 at 9:30 AM".
    public static func dateTime(_ date: Date, locale: Locale = .autoupdatingCurrent,
                                timeZone: TimeZone = .autoupdatingCurrent) -> String
    {
        date.formatted(Date.FormatStyle(date: .abbreviated, time: .shortened, locale: locale, timeZone: timeZone))
    }

    /// A local day the core gives as ISO `YYYY-MM-DD`, shown in the locale,
    /// e.g. "Mon, Mar 10, 2025". nil if the string is not such a date.
    /// A conversion of the core's calendar date, read and written in UTC so
    /// no zone can shift it; no date arithmetic.
    public static func day(iso: String, locale: Locale = .autoupdatingCurrent) -> String? {
        guard let date = dateOfISODay(iso) else { return nil }
        var style = Date.FormatStyle(date: .abbreviated, time: .omitted, locale: locale, timeZone: utc)
        style = style.weekday(.abbreviated)
        return date.formatted(style)
    }

    /// The instant at 00:00 UTC of an ISO day, for date pickers and for
    /// `day(iso:)`. nil for anything but a valid `YYYY-MM-DD`.
    public static func dateOfISODay(_ iso: String) -> Date? {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        var components = DateComponents()
        (components.year, components.month, components.day) = (y, m, d)
        guard components.isValidDate(in: utcCalendar) else { return nil }
        return utcCalendar.date(from: components)
    }

    /// The ISO `YYYY-MM-DD` of the calendar day a date picker shows in
    /// `timeZone` (what the user picked), to hand to the core. A conversion
    /// (reading the picked day's components), not arithmetic.
    public static func isoDay(of date: Date, in timeZone: TimeZone = .autoupdatingCurrent) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    /// A date-picker value showing the ISO day the core named (e.g. a plan's
    /// start day), in `timeZone`: that calendar day at 12:00 local time (noon
    /// exists on every day, even where a DST change skips midnight). A
    /// conversion of the core's day, no arithmetic.
    public static func pickerDate(ofISODay iso: String, in timeZone: TimeZone = .autoupdatingCurrent) -> Date? {
        guard let utcDate = dateOfISODay(iso) else { return nil }
        var c = utcCalendar.dateComponents([.year, .month, .day], from: utcDate)
        c.hour = 12
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: c)
    }

    /// A time-only picker value for a core setting `HH:MM` (e.g. a reminder
    /// time): that wall-clock time on a fixed reference day in `timeZone`.
    /// nil unless `hhmm` is `H:MM`/`HH:MM` within 00:00–23:59. The core
    /// validates what is saved; this only feeds the picker.
    public static func pickerTime(hhmm: String, in timeZone: TimeZone = .autoupdatingCurrent) -> Date? {
        let parts = hhmm.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        // 2001-01-02: a day without DST changes in any zone.
        return calendar.date(from: DateComponents(year: 2001, month: 1, day: 2, hour: h, minute: m))
    }

    /// The wall-clock `HH:MM` a time picker shows in `timeZone`, to hand to
    /// the core (which parses and validates it).
    public static func hhmm(of date: Date, in timeZone: TimeZone = .autoupdatingCurrent) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
    }

    private static let utc = TimeZone(identifier: "UTC")!
    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        return calendar
    }()
}
