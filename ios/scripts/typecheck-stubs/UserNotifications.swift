// Stand-in for the parts of UserNotifications the app uses (see UIKit.swift).
@_exported import Foundation
public enum UNAuthorizationStatus: Sendable { case notDetermined, denied, authorized, provisional, ephemeral }
public enum UNNotificationSetting: Sendable { case notSupported, disabled, enabled }
public final class UNNotificationSettings: @unchecked Sendable {
    public var authorizationStatus: UNAuthorizationStatus { .authorized }
    public var alertSetting: UNNotificationSetting { .enabled }
    public var lockScreenSetting: UNNotificationSetting { .enabled }
    public var notificationCenterSetting: UNNotificationSetting { .enabled }
}
public struct UNAuthorizationOptions: OptionSet, Sendable { public let rawValue: Int; public init(rawValue: Int) { self.rawValue = rawValue }
    public static let alert = UNAuthorizationOptions(rawValue: 1); public static let sound = UNAuthorizationOptions(rawValue: 2) }
public struct UNNotificationPresentationOptions: OptionSet, Sendable { public let rawValue: Int; public init(rawValue: Int) { self.rawValue = rawValue }
    public static let banner = Self(rawValue: 1); public static let list = Self(rawValue: 2); public static let sound = Self(rawValue: 4) }
public struct UNNotificationActionOptions: OptionSet, Sendable { public let rawValue: Int; public init(rawValue: Int) { self.rawValue = rawValue }
    public static let authenticationRequired = Self(rawValue: 1); public static let foreground = Self(rawValue: 2) }
public struct UNNotificationCategoryOptions: OptionSet, Sendable { public let rawValue: Int; public init(rawValue: Int) { self.rawValue = rawValue } }
public class UNNotificationSound { public static let `default` = UNNotificationSound() }
public class UNNotificationContent: NSObject {
    public var title = ""; public var body = ""; public var userInfo: [AnyHashable: Any] = [:]
}
public class UNMutableNotificationContent: UNNotificationContent {
    public var sound: UNNotificationSound?; public var threadIdentifier = ""; public var categoryIdentifier = ""
}
public class UNNotificationTrigger: NSObject {}
public class UNCalendarNotificationTrigger: UNNotificationTrigger {
    public init(dateMatching: DateComponents, repeats: Bool) {}
    public func nextTriggerDate() -> Date? { nil }
}
public class UNTimeIntervalNotificationTrigger: UNNotificationTrigger { public init(timeInterval: TimeInterval, repeats: Bool) {} }
public class UNNotificationRequest: NSObject {
    public let identifier: String; public let content: UNNotificationContent
    public init(identifier: String, content: UNNotificationContent, trigger: UNNotificationTrigger?) { self.identifier = identifier; self.content = content }
}
public class UNNotification: NSObject { public var request: UNNotificationRequest { fatalError() } }
public class UNNotificationResponse: NSObject { public var notification: UNNotification { fatalError() }; public var actionIdentifier: String { "" } }
public let UNNotificationDefaultActionIdentifier = "default"
public class UNNotificationAction: NSObject, @unchecked Sendable { public init(identifier: String, title: String, options: UNNotificationActionOptions) {} }
public class UNNotificationCategory: NSObject, @unchecked Sendable {
    public init(identifier: String, actions: [UNNotificationAction], intentIdentifiers: [String], options: UNNotificationCategoryOptions) {}
}
public protocol UNUserNotificationCenterDelegate: AnyObject {}
public class UNUserNotificationCenter: @unchecked Sendable {
    public static func current() -> UNUserNotificationCenter { UNUserNotificationCenter() }
    public weak var delegate: UNUserNotificationCenterDelegate?
    public func notificationSettings() async -> UNNotificationSettings { UNNotificationSettings() }
    public func requestAuthorization(options: UNAuthorizationOptions) async throws -> Bool { true }
    public func pendingNotificationRequests() async -> [UNNotificationRequest] { [] }
    public func removePendingNotificationRequests(withIdentifiers: [String]) {}
    public func removeAllPendingNotificationRequests() {}
    public func removeAllDeliveredNotifications() {}
    public func removeDeliveredNotifications(withIdentifiers: [String]) {}
    public func getDeliveredNotifications(completionHandler: @escaping @Sendable ([UNNotification]) -> Void) {}
    public func add(_ request: UNNotificationRequest) async throws {}
    public func setNotificationCategories(_ categories: Set<UNNotificationCategory>) {}
}
