import KefirKit
import SwiftUI

// Labels of the app's own chrome for a few core enums, as shell text in the
// String Catalog: the finding's level badge and the import mode. Plan
// statuses and decisions are the core's words (statusLabel, kindLabel,
// decisionLabel on its records).
// The domain vocabulary (conditions, age bands, medicines, symptoms,
// severities, kinds, sources, Bristol types) is NOT here: the screens show
// the core's labels from its form records (screeningForm, checkinForm,
// drinkForm) in the app's language, the same words as on Android.

extension Level {
    var label: LocalizedStringResource {
        switch self {
        case .info: "Information"
        case .caution: "Caution"
        case .consult: "Talk to a clinician"
        case .stop: "Stop"
        case .emergency: "Emergency"
        }
    }

    var symbol: String {
        switch self {
        case .info: "info.circle"
        case .caution: "exclamationmark.triangle"
        case .consult: "stethoscope"
        case .stop: "hand.raised"
        case .emergency: "cross.case"
        }
    }

    var tint: Color {
        switch self {
        case .info: .blue
        case .caution: .orange
        case .consult: .purple
        case .stop, .emergency: .red
        }
    }
}

extension ImportMode {
    var label: LocalizedStringResource {
        switch self {
        case .intoEmpty: "Into an empty journal"
        case .replace: "Replace everything"
        }
    }
}
