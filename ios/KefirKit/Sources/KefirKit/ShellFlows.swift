import Foundation

// Logic of the iOS shell that needs no UIKit, SwiftUI or UserNotifications,
// so it is compiled and tested on Linux with the real core
// (ios/scripts/test-kefirkit.sh). The app only maps platform values in and
// performs what these return.

// MARK: - Opening the app from a reminder

/// Where tapping a reminder (or its "Check in" button) opens the app.
public enum OpenTarget: String, Sendable, Equatable {
    case checkin, logDrink, today

    /// By the core's `NotificationKind` (as stored in the request's
    /// `userInfo`, `String(describing:)`); unknown or nil opens Today.
    public init(kind: String?) {
        switch kind {
        case String(describing: NotificationKind.checkin): self = .checkin
        case String(describing: NotificationKind.drinkReminder): self = .logDrink
        default: self = .today
        }
    }
}

/// How the app starts: the first-run screening until a profile is saved (the
/// core's `Today.needsScreening`), else the tabs.
public enum StartTarget: Sendable, Equatable {
    case onboarding, main

    public init(_ today: Today) {
        self = today.needsScreening ? .onboarding : .main
    }
}

/// Routes reminder taps so a cold start does not lose them. On a cold start
/// the tap (`userNotificationCenter(_:didReceive:)`) can arrive before the
/// store is open and the start target known, and even before the app model
/// exists; the router holds it until `started`, which returns it. Once
/// started, `open` returns the target at once. Before the first-run
/// screening is done a tap opens nothing (there is nothing to act on yet).
public struct OpenRouter: Sendable, Equatable {
    private var start: StartTarget?
    private var pending: OpenTarget?

    public init() {}

    /// A tap asked for `target`: what to show now (nil while starting, during
    /// onboarding, or for Today itself).
    public mutating func open(_ target: OpenTarget) -> OpenTarget? {
        switch start {
        case nil:
            pending = target
            return nil
        case .onboarding?:
            return nil
        case .main?:
            return target == .today ? nil : target
        }
    }

    /// The start target is known: the held tap to show, if any.
    public mutating func started(_ target: StartTarget) -> OpenTarget? {
        start = target
        defer { pending = nil }
        guard target == .main, let held = pending, held != .today else { return nil }
        return held
    }

    /// The first-run screening was saved: from now on taps open their screens.
    public mutating func finishedOnboarding() {
        start = .main
    }

    /// After "Delete everything" or a failed open: the next start decides again.
    public mutating func restart() {
        start = nil
    }
}

// MARK: - Rescheduling without lost requests

/// Runs an async pass so that passes never overlap and no request is lost:
/// a request that arrives while a pass runs makes one more pass start after
/// it (a burst of requests costs two passes), and every caller returns only
/// after a pass that started after its request has finished.
///
/// (The scheduler this replaces set an `again` flag and awaited the running
/// task; a request that came after the loop's last check of the flag but
/// before the task was cleared was dropped.)
public actor SerialCoalescer {
    private let pass: @Sendable () async -> Void
    /// Requests made so far, and requests covered by a pass that has started.
    private var requested = 0
    private var started = 0
    private var finished = 0
    private var running = false
    private var waiters: [(Int, CheckedContinuation<Void, Never>)] = []

    public init(pass: @escaping @Sendable () async -> Void) {
        self.pass = pass
    }

    /// Ask for a pass; returns when a pass that started after this call has finished.
    public func run() async {
        requested += 1
        let ticket = requested
        if !running {
            running = true
            Task { await self.drain() }
        }
        if finished >= ticket { return }
        await withCheckedContinuation { waiters.append((ticket, $0)) }
    }

    private func drain() async {
        while started < requested {
            let covers = requested
            started = covers
            await pass()
            finished = covers
            let done = waiters.filter { $0.0 <= covers }
            waiters.removeAll { $0.0 <= covers }
            for (_, c) in done { c.resume() }
        }
        running = false
    }
}

// MARK: - Notification permission

/// The system's authorization, mapped from `UNAuthorizationStatus` by the app.
public enum NotificationAuthorization: Sendable, Equatable {
    case notDetermined, denied, authorized, provisional, ephemeral
}

/// What Today and Settings offer about notifications.
public enum NotificationPrompt: Sendable, Equatable {
    /// Reminders can be shown.
    case none
    /// Explain why, then show the system prompt (iOS shows it once).
    case ask
    /// Denied, or alerts switched off: only the Settings app can change it.
    case openSettings
}

/// From the system's state to what to offer. iOS asks at most once; after
/// that only Settings can allow notifications. `alertsEnabled` is the
/// settings' `alertSetting == .enabled` (a user may allow notifications but
/// turn off every way they appear).
public func notificationPrompt(_ status: NotificationAuthorization, alertsEnabled: Bool) -> NotificationPrompt {
    switch status {
    case .notDetermined: .ask
    case .denied: .openSettings
    case .authorized, .provisional, .ephemeral: alertsEnabled ? .none : .openSettings
    }
}

// MARK: - Reminder buttons

/// A button on a reminder; `rawValue` is the `UNNotificationAction` identifier.
public enum ReminderAction: String, Sendable, CaseIterable {
    /// On the drink reminder: log what the plan has left for today, in the background.
    case logTodaysAmount = "kefir.action.logTodaysAmount"
    /// On the check-in reminder: open the check-in form.
    case checkIn = "kefir.action.checkIn"

    /// The category (set as the request's `categoryIdentifier`) whose buttons
    /// a reminder of the core's `kind` shows, and those buttons.
    public static func category(forKind kind: String) -> (identifier: String, actions: [ReminderAction])? {
        switch kind {
        case String(describing: NotificationKind.drinkReminder): ("kefir.category.drinkReminder", [.logTodaysAmount])
        case String(describing: NotificationKind.checkin): ("kefir.category.checkin", [.checkIn])
        default: nil
        }
    }

    /// Every category the app registers (`setNotificationCategories`).
    public static var categories: [(identifier: String, actions: [ReminderAction])] {
        [NotificationKind.drinkReminder, .checkin].compactMap { category(forKind: String(describing: $0)) }
    }
}

// "Log today's amount" is one core call: `KefirStore.logPlannedAmount`
// (the core's `QuickLog`: outcome, amount, stored drink, one-line message).

// MARK: - Emergency

/// Where the check-in and reaction forms go after saving: straight to the
/// full-screen emergency steps when the core returned them (the form stays
/// underneath, already saved), else the assessment is shown on the form.
public enum CheckinRoute: Sendable, Equatable {
    case emergency(EmergencyScreen)
    case showAssessment

    public init(_ assessment: SymptomAssessment) {
        self = assessment.emergency.map { .emergency($0) } ?? .showAssessment
    }
}

/// The "Call" buttons of the emergency screen: one per number the core
/// gives for the app's region (`EmergencyScreen.callNumbers`, most useful
/// first); the app adds no number of its own.
public enum EmergencyCall {
    /// `tel:` URL for one of those numbers (iOS asks the user before calling).
    public static func dialURL(_ number: String) -> URL? {
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return URL(string: "tel:\(number)")
    }
}
