import KefirKit
import SwiftUI

// Labels of the app's own chrome for a few core enums, as shell text in the
// String Catalog: the level badge, plan status, decision kind, import mode.
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

extension PlanStatus {
    var label: LocalizedStringResource {
        switch self {
        case .active: "Active"
        case .paused: "Paused"
        case .stopped: "Stopped"
        }
    }
}

extension DecisionKind {
    var label: LocalizedStringResource {
        switch self {
        case .start: "Start"
        case .advance: "Step up"
        case .hold: "Hold"
        case .stepBack: "Step back"
        case .pause: "Pause"
        case .stop: "Stop"
        case .maintain: "Maintain"
        case .paused: "Paused"
        case .stopped: "Stopped"
        case .resume: "Resume"
        case .restart: "Restart"
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
