import KefirKit
import SwiftUI

// Labels of the app's own chrome for a few core enums, as shell text in the
// String Catalog: the level badge's symbol and tint, and the import mode.
// Level names are the core's words (levelLabel on its records). Plan
// statuses and decisions are the core's words (statusLabel, kindLabel,
// decisionLabel on its records).
// The domain vocabulary (conditions, age bands, medicines, symptoms,
// severities, kinds, sources, Bristol types) is NOT here: the screens show
// the core's labels from its form records (screeningForm, checkinForm,
// drinkForm) in the app's language, the same words as on Android.

extension Level {
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
