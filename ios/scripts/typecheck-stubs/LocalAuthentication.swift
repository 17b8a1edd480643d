// Stand-in for the parts of LocalAuthentication the app's non-SwiftUI files
// use (AppModel's app lock), so ios/scripts/typecheck-app.sh can type-check
// them on Linux. Signatures follow the iOS 17 SDK; bodies never run.
@_exported import Foundation

/// Apple's Foundation has it (an autoreleasing pointer); Linux's has not. `&error` passes to either.
public typealias NSErrorPointer = UnsafeMutablePointer<NSError?>?

public enum LAPolicy: Int, Sendable {
    case deviceOwnerAuthenticationWithBiometrics = 1
    case deviceOwnerAuthentication = 2
}

open class LAContext: NSObject {
    override public init() {}
    open func canEvaluatePolicy(_ policy: LAPolicy, error: NSErrorPointer) -> Bool { true }
    open func evaluatePolicy(_ policy: LAPolicy, localizedReason: String) async throws -> Bool { true }
}

public let LAErrorDomain = "com.apple.LocalAuthentication"

public struct LAError: Error {
    public enum Code: Int, Sendable {
        case passcodeNotSet = -5
    }
}
