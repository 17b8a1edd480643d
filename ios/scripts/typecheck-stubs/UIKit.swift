// Stand-in for the parts of UIKit the app's non-SwiftUI files use, so
// ios/scripts/typecheck-app.sh can type-check them on Linux. Signatures follow
// the iOS 17 SDK; bodies are placeholders and never run.
@_exported import Foundation
@MainActor open class UIApplication {
    public static let shared = UIApplication()
    public var isProtectedDataAvailable: Bool { true }
    public static let protectedDataDidBecomeAvailableNotification = Notification.Name("a")
    public static let significantTimeChangeNotification = Notification.Name("b")
    public static let openNotificationSettingsURLString = "app-settings:"
    public struct LaunchOptionsKey: Hashable, Sendable { public init() {} }
    public func beginBackgroundTask(expirationHandler handler: (@MainActor @Sendable () -> Void)? = nil) -> UIBackgroundTaskIdentifier { .invalid }
    public func endBackgroundTask(_ identifier: UIBackgroundTaskIdentifier) {}
}
public struct UIBackgroundTaskIdentifier: Hashable, Sendable {
    public init(rawValue: Int) { self.rawValue = rawValue }
    public let rawValue: Int
    public static let invalid = UIBackgroundTaskIdentifier(rawValue: 0)
}
@MainActor public protocol UIApplicationDelegate: AnyObject {
    func application(_ application: UIApplication, didFinishLaunchingWithOptions launchOptions: [UIApplication.LaunchOptionsKey: Any]?) -> Bool
}
public enum UIAccessibility {}
