import Foundation
import KefirKit
import UserNotifications

/// Puts the core's reminder list into `UNUserNotificationCenter`
/// (docs/reminders-for-shell-authors.md: "always reconcile; never append").
///
/// The core decides what to remind and when: `upcomingNotifications(now:
/// timeZone:count:)` gives stable ids, instants and ready-to-show text,
/// computed in the zone the phone is in now. This class only
/// - asks for the next `NotificationPlanner.pendingLimit` (64, iOS's cap on
///   pending requests),
/// - reconciles them with what is pending (`NotificationPlanner.plan`: pure,
///   tested on Linux): removes ids no longer wanted, adds new or changed ones
///   under their id (adding a pending id replaces it),
/// - fires each at the core's instant with a `UNCalendarNotificationTrigger`
///   whose components are that instant read in the current calendar and
///   zone, WITH the zone set, so iOS does not re-read them in another zone
///   after travel (`NotificationPlanner.triggerComponents`, which names the
///   repeated hour of a fall-back day in UTC). If iOS would ever compute a
///   different next fire date from those components, the request falls back
///   to a time-interval trigger at the same instant.
/// A reminder the core marks `private` is scheduled with its public title
/// and body only (`SchedulableNotification.scheduledText`); the app shows the
/// details when opened.
/// It runs at launch, on foreground, after every write (AppModel listens to
/// `store.changes`), when a reminder fires or is opened, and on zone and
/// clock changes (recompute with `TimeZone.current.identifier`).
@MainActor
final class ReminderScheduler {
    /// userInfo key for the core's `kind` (routing a tap, clearing delivered check-in reminders).
    nonisolated static let kindKey = "kefir.kind"
    /// The reminder is private (its title and body are the core's public
    /// version): what replaces it after "Log today's amount" stays private too.
    nonisolated static let privateKey = "kefir.private"

    private let store: KefirStore
    private let center = UNUserNotificationCenter.current()
    /// Serialises passes and never drops a request (KefirKit, tested on Linux).
    private var coalescer: SerialCoalescer!

    init(store: KefirStore) {
        self.store = store
        coalescer = SerialCoalescer { [weak self] in await self?.applyOnce() }
        Self.registerCategories()
    }

    /// What Today and Settings offer (`notificationPrompt`, KefirKit).
    static func prompt() async -> NotificationPrompt {
        let settings = await UNUserNotificationCenter.current().notificationSettings()
        let status: NotificationAuthorization = switch settings.authorizationStatus {
        case .notDetermined: .notDetermined
        case .denied: .denied
        case .provisional: .provisional
        case .ephemeral: .ephemeral
        default: .authorized
        }
        return notificationPrompt(status, alertsEnabled: settings.alertSetting == .enabled
            || settings.lockScreenSetting == .enabled || settings.notificationCenterSetting == .enabled)
    }

    /// The screen a tapped reminder opens.
    static func sheet(for target: OpenTarget) -> TodayScreen.Sheet? {
        switch target {
        case .checkin: .checkin
        case .logDrink: .logDrink
        case .today: nil
        }
    }

    /// The buttons on reminders (`ReminderAction`, KefirKit): "Log today's
    /// amount" runs in the background but only after unlocking (it writes
    /// health data, and the database file is closed-protected while locked);
    /// "Check in" opens the app.
    nonisolated static func registerCategories() {
        let categories = ReminderAction.categories.map { category in
            UNNotificationCategory(identifier: category.identifier,
                                   actions: category.actions.map(Self.notificationAction),
                                   intentIdentifiers: [], options: [])
        }
        UNUserNotificationCenter.current().setNotificationCategories(Set(categories))
    }

    nonisolated private static func notificationAction(_ action: ReminderAction) -> UNNotificationAction {
        switch action {
        case .logTodaysAmount:
            UNNotificationAction(identifier: action.rawValue, title: String(localized: "Log today's amount"),
                                 options: [.authenticationRequired])
        case .checkIn:
            UNNotificationAction(identifier: action.rawValue, title: String(localized: "Check in"),
                                 options: [.foreground])
        }
    }

    /// Asked when the user turns reminders on (not at first launch).
    func requestAuthorization() async {
        _ = try? await center.requestAuthorization(options: [.alert, .sound])
    }

    /// Recompute and apply. Calls that arrive while a pass runs are folded
    /// into one more pass (a burst of writes costs two passes), and each call
    /// returns after a pass that started after it (`SerialCoalescer`; the
    /// earlier flag-and-await version could drop a call that came just as a
    /// pass ended).
    func reschedule() async {
        await coalescer.run()
    }

    func removeAll() {
        center.removeAllPendingNotificationRequests()
        center.removeAllDeliveredNotifications()
    }

    /// After a check-in: clear check-in reminders still on the lock screen.
    func clearDeliveredCheckinReminders() {
        let checkin = String(describing: NotificationKind.checkin)
        center.getDeliveredNotifications { delivered in
            let ids = delivered
                .filter { $0.request.content.userInfo[Self.kindKey] as? String == checkin }
                .map(\.request.identifier)
            if !ids.isEmpty {
                UNUserNotificationCenter.current().removeDeliveredNotifications(withIdentifiers: ids)
            }
        }
    }

    private func applyOnce() async {
        let status = await center.notificationSettings().authorizationStatus
        guard status == .authorized || status == .provisional || status == .ephemeral else { return }
        let now = Date()
        let upcoming: [ReminderNotification]
        do {
            upcoming = try await store.upcomingNotifications(
                now: now, timeZone: TimeZone.current.identifier,
                count: UInt32(NotificationPlanner.pendingLimit))
        } catch {
            return  // keep what is pending; the next write or activation retries
        }
        let pending = await center.pendingNotificationRequests().map {
            PendingNotification(id: $0.identifier,
                                fingerprint: $0.content.userInfo[NotificationPlanner.fingerprintKey] as? String)
        }
        let plan = NotificationPlanner.plan(pending: pending, upcoming: upcoming, now: now)
        if !plan.toRemove.isEmpty {
            center.removePendingNotificationRequests(withIdentifiers: plan.toRemove)
        }
        for n in plan.toAdd {
            let content = UNMutableNotificationContent()
            // The core's text, verbatim: its public version when the reminder
            // is private (the default), so neither the lock screen nor
            // Notification Centre ever shows a medicine, symptom or amount
            // (`scheduledText`, KefirKit: why not hiddenPreviewsBodyPlaceholder).
            let shown = n.scheduledText
            content.title = shown.title
            content.body = shown.body
            content.sound = .default
            content.threadIdentifier = String(describing: n.kind)
            // The reminder's buttons, by the core's kind.
            if let category = ReminderAction.category(forKind: String(describing: n.kind)) {
                content.categoryIdentifier = category.identifier
            }
            content.userInfo = [
                NotificationPlanner.fingerprintKey: NotificationPlanner.fingerprint(n),
                Self.kindKey: String(describing: n.kind),
                Self.privateKey: n.isPrivate,
            ]
            let request = UNNotificationRequest(identifier: n.id, content: content, trigger: trigger(for: n.fireAt))
            try? await center.add(request)
        }
    }

    private func trigger(for fireAt: Date) -> UNNotificationTrigger {
        let components = NotificationPlanner.triggerComponents(for: fireAt, calendar: .current, timeZone: .current)
        let calendarTrigger = UNCalendarNotificationTrigger(dateMatching: components, repeats: false)
        if let next = calendarTrigger.nextTriggerDate(), abs(next.timeIntervalSince(fireAt)) < 1 {
            return calendarTrigger
        }
        // The documented alternative (docs/reminders-for-shell-authors.md):
        // the same instant as elapsed time from now.
        return UNTimeIntervalNotificationTrigger(timeInterval: max(1, fireAt.timeIntervalSinceNow), repeats: false)
    }
}
