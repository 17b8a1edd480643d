import Foundation
import KefirKit

/// Turns the core's error into one line for an alert. Reasons written by the
/// core (which rule, which field, why) are shown verbatim; only the framing
/// for errors that carry no reason is shell text.
enum ErrorText {
    static func message(for error: Error) -> String {
        guard let error = error as? KefirError else {
            return error.localizedDescription
        }
        switch error {
        case let .InvalidInput(_, reason):
            return reason
        case let .NotFound(what):
            return String(localized: "This item is gone (\(what)). The screen has been refreshed.")
        case let .NotAllowed(reason, ruleIds):
            return ruleIds.isEmpty ? reason : "\(reason) (\(ruleIds.ruleList))"
        case let .ConfirmationRequired(what):
            return what
        case .DatabaseUnreadable:
            return String(localized: "Your data file cannot be read. It was left untouched. You can restore a backup in Settings.")
        case .DatabaseTooNew:
            return String(localized: "Your data was saved by a newer version of this app. Please update the app.")
        case .PassphraseRequired, .WrongPassphrase:
            // The import flows ask with the core's own texts (BackupForm);
            // this is only the fallback framing.
            return String(localized: "This backup is protected by a passphrase.")
        case let .BackupRejected(reason):
            return String(localized: "This backup cannot be imported: \(reason). Nothing was changed.")
        case .StorageFull:
            return String(localized: "Your device is out of space. Free some space and try again.")
        case .Storage:
            return String(localized: "Saving failed. Please try again.")
        case let .Internal(detail):
            return String(localized: "Unexpected error: \(detail)")
        }
    }

    /// The field an invalid-input error names (the core's field name).
    static func field(of error: Error) -> String? {
        if case let KefirError.InvalidInput(field, _)? = error as? KefirError { return field }
        return nil
    }
}

/// An error ready for `.alert(item:)`.
struct ShownError: Identifiable {
    let id = UUID()
    let message: String

    init(_ error: Error) {
        message = ErrorText.message(for: error)
    }
}
