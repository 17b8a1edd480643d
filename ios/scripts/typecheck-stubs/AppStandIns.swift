// Stand-ins for what the type-checked app files use from SwiftUI files and
// from Apple-only Foundation (see ios/scripts/typecheck-app.sh). Keep in step
// with TodayScreen.Sheet and FindingViews' `ruleList`.
import Foundation

struct TodayScreen {
    enum Sheet: String, Identifiable {
        case logDrink, checkin, checkinYesterday, reaction, dose
        var id: String { rawValue }
    }
}

extension String {
    init(localized: LocalizationValue) { self = "" }
    struct LocalizationValue: ExpressibleByStringInterpolation {
        init(stringLiteral: String) {}
        init(stringInterpolation: DefaultStringInterpolation) {}
    }
}

extension Array where Element == String {
    var ruleList: String { joined(separator: ", ") }
}
