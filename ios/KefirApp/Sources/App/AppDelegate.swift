import KefirKit
import UIKit
import UserNotifications

/// Owns the app model and receives notification callbacks: a reminder that
/// fires or is tapped tops the pending list up again (the core computes the
/// next ones), a tap opens the matching screen, and "Log today's amount"
/// logs in the background.
///
/// The model lives here, not in a scene: a tap on a cold start, or a
/// background button press (no scene is connected then), arrives in
/// `didReceive` before any SwiftUI view has run. The model holds the tap
/// (`OpenRouter`) until the store is open and the start screen known.
@MainActor
final class AppDelegate: NSObject, UIApplicationDelegate, UNUserNotificationCenterDelegate {
    let model = AppModel()

    func application(_ application: UIApplication,
                     didFinishLaunchingWithOptions launchOptions: [UIApplication.LaunchOptionsKey: Any]? = nil) -> Bool
    {
        UNUserNotificationCenter.current().delegate = self
        ReminderScheduler.registerCategories()
        return true
    }

    nonisolated func userNotificationCenter(_ center: UNUserNotificationCenter, willPresent notification: UNNotification,
                                            withCompletionHandler completionHandler:
                                            @escaping (UNNotificationPresentationOptions) -> Void)
    {
        Task { @MainActor in self.model.reminderFired() }
        completionHandler([.banner, .list, .sound])
    }

    /// The async form: iOS keeps the app running until it returns, which a
    /// background "Log today's amount" needs. Only strings cross to the main
    /// actor (`UNNotificationResponse` is not Sendable).
    nonisolated func userNotificationCenter(_ center: UNUserNotificationCenter,
                                            didReceive response: UNNotificationResponse) async
    {
        let content = response.notification.request.content
        let kind = content.userInfo[ReminderScheduler.kindKey] as? String
        let actionId = response.actionIdentifier
        let requestId = response.notification.request.identifier
        // A private reminder was scheduled with the core's public version; a
        // request without the key (scheduled before this version) counts as private.
        let isPrivate = content.userInfo[ReminderScheduler.privateKey] as? Bool ?? true
        let publicVersion = isPrivate ? ScheduledText(title: content.title, body: content.body) : nil
        await handle(kind: kind, actionId: actionId, requestId: requestId, publicVersion: publicVersion)
    }

    private func handle(kind: String?, actionId: String, requestId: String, publicVersion: ScheduledText?) async {
        switch ReminderAction(rawValue: actionId) {
        case .logTodaysAmount?:
            await logTodaysAmount(replacing: requestId, publicVersion: publicVersion)
        case .checkIn?:
            model.reminderOpened(kind: String(describing: NotificationKind.checkin))
        case nil:
            // The notification itself; a system action such as dismiss opens nothing.
            if actionId == UNNotificationDefaultActionIdentifier {
                model.reminderOpened(kind: kind)
            }
        }
        // Cold start: opens the store and shows the tap the router held.
        await model.bootstrap()
    }

    /// Logs with the core's call and tells the person what happened in a
    /// notification that replaces the reminder (so the button cannot be used
    /// twice; the core would report nothing left anyway). A private reminder
    /// (`publicVersion`) is replaced by its public version, so no amount or
    /// warning reaches the lock screen (`quickLogNotice`, KefirKit, tested).
    private func logTodaysAmount(replacing requestId: String, publicVersion: ScheduledText?) async {
        let quick: QuickLog?
        switch await model.logTodaysAmount() {
        case let .success(logged)?: quick = logged
        case .failure?, nil: quick = nil
        }
        let notice = quickLogNotice(quick, failedText: String(localized: "Open the app to log your kefir."),
                                    publicVersion: publicVersion)
        let content = UNMutableNotificationContent()
        content.title = notice.title
        content.body = notice.body
        var info: [AnyHashable: Any] = [ReminderScheduler.privateKey: publicVersion != nil]
        if notice.opensDrinkForm {
            info[ReminderScheduler.kindKey] = String(describing: NotificationKind.drinkReminder)
        }
        content.userInfo = info
        let center = UNUserNotificationCenter.current()
        center.removeDeliveredNotifications(withIdentifiers: [requestId])
        try? await center.add(UNNotificationRequest(identifier: requestId + ".done", content: content, trigger: nil))
    }
}
