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
        let kind = response.notification.request.content.userInfo[ReminderScheduler.kindKey] as? String
        let actionId = response.actionIdentifier
        let requestId = response.notification.request.identifier
        await handle(kind: kind, actionId: actionId, requestId: requestId)
    }

    private func handle(kind: String?, actionId: String, requestId: String) async {
        switch ReminderAction(rawValue: actionId) {
        case .logTodaysAmount?:
            await logTodaysAmount(replacing: requestId)
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
    /// twice; the core would report nothing left anyway).
    private func logTodaysAmount(replacing requestId: String) async {
        let content = UNMutableNotificationContent()
        switch await model.logTodaysAmount() {
        case let .success(quick)?:
            // The core's one line, in the app's language, then the stored drink's warnings verbatim.
            let warnings = quick.logged?.warnings ?? []
            content.body = ([quick.message] + warnings.map { "\($0.title): \($0.advice)" }).joined(separator: "\n")
            if quick.outcome == .needsForm {
                content.userInfo = [ReminderScheduler.kindKey: String(describing: NotificationKind.drinkReminder)]
            }
        case .failure?, nil:
            content.body = String(localized: "Open the app to log your kefir.")
            content.userInfo = [ReminderScheduler.kindKey: String(describing: NotificationKind.drinkReminder)]
        }
        let center = UNUserNotificationCenter.current()
        center.removeDeliveredNotifications(withIdentifiers: [requestId])
        try? await center.add(UNNotificationRequest(identifier: requestId + ".done", content: content, trigger: nil))
    }
}
