import Foundation

/// What the planner needs of a notification the core computed (the core's
/// reminder record conforms; tests use their own type).
public protocol SchedulableNotification: Sendable {
    /// Stable id: the same logical notification keeps it across recomputations.
    var id: String { get }
    var fireAt: Date { get }
    var title: String { get }
    var body: String { get }
    /// The lock-screen version (issue 17): names no medicine, symptom or amount.
    var publicTitle: String { get }
    var publicBody: String { get }
    /// Only the public version may be shown outside the app (`scheduledText`).
    var isPrivate: Bool { get }
}

/// A request the system already has pending, as the scheduler stored it:
/// its identifier and the fingerprint kept in its `userInfo`.
public struct PendingNotification: Sendable, Equatable {
    public let id: String
    /// `NotificationPlanner.fingerprint` of what was scheduled; nil when unknown.
    public let fingerprint: String?

    public init(id: String, fingerprint: String?) {
        self.id = id
        self.fingerprint = fingerprint
    }
}

/// The changes that bring the pending requests in line with the core's list.
public struct NotificationSchedulePlan<N: SchedulableNotification>: Sendable {
    /// Identifiers to remove (pending, but no longer wanted), sorted.
    public var toRemove: [String]
    /// Notifications to add, soonest first. Adding a request whose identifier
    /// is pending replaces it (UNUserNotificationCenter semantics).
    public var toAdd: [N]
    /// Wanted notifications left out by the pending limit; they are
    /// scheduled by a later pass, once earlier ones have fired.
    public var deferred: Int

    public var isEmpty: Bool { toRemove.isEmpty && toAdd.isEmpty }
}

/// Pure planning of local-notification requests; UserNotifications does the
/// rest in the app target. The core decides WHAT and WHEN; this only maps its
/// list onto the platform's pending set:
/// - iOS keeps at most 64 pending requests per app (`pendingLimit`): the
///   soonest 64 are kept, the rest wait for a later pass;
/// - unchanged requests are left alone, changed ones (new time or text under
///   the same id) re-added, stale ones removed;
/// - anything not strictly after `now` is dropped (it could never fire).
public enum NotificationPlanner {
    /// iOS's limit on pending local notification requests per app.
    public static let pendingLimit = 64

    /// The key under which the scheduler stores `fingerprint` in `userInfo`.
    public static let fingerprintKey = "kefir.fingerprint"

    /// Identifies what a request shows and when, so an unchanged one is not
    /// rescheduled. (An encoding, no arithmetic: the instant's exact value.)
    /// It covers the text actually scheduled (`scheduledText`), so turning
    /// full text on the lock screen on or off replaces pending requests.
    public static func fingerprint(_ n: some SchedulableNotification) -> String {
        let shown = n.scheduledText
        return "\(n.fireAt.timeIntervalSinceReferenceDate)|\(shown.title)|\(shown.body)"
    }

    public static func plan<N: SchedulableNotification>(
        pending: [PendingNotification],
        upcoming: [N],
        now: Date,
        limit: Int = pendingLimit
    ) -> NotificationSchedulePlan<N> {
        let limit = max(0, min(limit, pendingLimit))
        // Soonest first (the core already sorts by fire time then id; a
        // stable sort keeps that order and guards the cap if it ever didn't).
        var seen = Set<String>()
        let wanted = upcoming
            .filter { $0.fireAt > now }
            .enumerated()
            .sorted { ($0.element.fireAt, $0.offset) < ($1.element.fireAt, $1.offset) }
            .map(\.element)
            .filter { seen.insert($0.id).inserted }
        let kept = Array(wanted.prefix(limit))
        let keptIds = Set(kept.map(\.id))

        var pendingFingerprint: [String: String?] = [:]
        for p in pending where pendingFingerprint[p.id] == nil {
            pendingFingerprint[p.id] = p.fingerprint
        }
        let toRemove = Set(pending.map(\.id)).subtracting(keptIds).sorted()
        let toAdd = kept.filter { n in
            guard let existing = pendingFingerprint[n.id] else { return true }
            return existing != fingerprint(n)
        }
        return NotificationSchedulePlan(toRemove: toRemove, toAdd: toAdd, deferred: wanted.count - kept.count)
    }

    /// Calendar components for a `UNCalendarNotificationTrigger` that fires at
    /// the core's instant: the instant read in `calendar`/`timeZone` (a
    /// conversion, no arithmetic). The zone is part of the components, so the
    /// trigger fires at exactly that instant; the app recomputes the whole
    /// list when the system zone changes.
    ///
    /// One exception: in the hour repeated by a fall-back change, a local time
    /// names two instants and the calendar would pick the first. When the
    /// components do not name `fireAt` again, they are given in UTC instead,
    /// which names it exactly.
    public static func triggerComponents(for fireAt: Date, calendar: Calendar = .autoupdatingCurrent,
                                         timeZone: TimeZone = .autoupdatingCurrent) -> DateComponents
    {
        var local = calendar
        local.timeZone = timeZone
        let c = components(of: fireAt, calendar: local)
        if let named = local.date(from: c), abs(named.timeIntervalSince(fireAt)) < 1 {
            return c
        }
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        return components(of: fireAt, calendar: utc)
    }

    private static func components(of date: Date, calendar: Calendar) -> DateComponents {
        let all = calendar.dateComponents(in: calendar.timeZone, from: date)
        var c = DateComponents()
        c.calendar = calendar
        c.timeZone = calendar.timeZone
        c.era = all.era
        c.year = all.year
        c.month = all.month
        c.day = all.day
        c.hour = all.hour
        c.minute = all.minute
        c.second = all.second
        return c
    }
}
