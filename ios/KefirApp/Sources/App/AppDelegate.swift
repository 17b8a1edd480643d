import KefirKit
import UIKit
import UserNotifications

/// Receives notification callbacks: a reminder that fires or is tapped
/// tops the pending list up again (the core computes the next ones) and a
/// tap opens the matching screen.
final class AppDelegate: NSObject, UIApplicationDelegate, UNUserNotificationCenterDelegate {
    weak var model: AppModel?

    func application(_ application: UIApplication,
                     didFinishLaunchingWithOptions launchOptions: [UIApplication.LaunchOptionsKey: Any]? = nil) -> Bool
    {
        UNUserNotificationCenter.current().delegate = self
        return true
    }

    nonisolated func userNotificationCenter(_ center: UNUserNotificationCenter, willPresent notification: UNNotification,
                                            withCompletionHandler completionHandler:
                                            @escaping (UNNotificationPresentationOptions) -> Void)
    {
        Task { @MainActor in self.model?.reminderFired() }
        completionHandler([.banner, .list, .sound])
    }

    nonisolated func userNotificationCenter(_ center: UNUserNotificationCenter,
                                            didReceive response: UNNotificationResponse,
                                            withCompletionHandler completionHandler: @escaping () -> Void)
    {
        let kind = response.notification.request.content.userInfo[ReminderScheduler.kindKey] as? String
        Task { @MainActor in self.model?.reminderOpened(kind: kind) }
        completionHandler()
    }
}
