import KefirKit
import SwiftUI

// Names of the core's vocabulary, as shell text in the String Catalog.
// (The core's own English labels are not exported over the FFI; these are
// display names only. Every advice text still comes from the core.)

extension Symptom {
    var label: LocalizedStringResource {
        switch self {
        case .bloating: "Bloating"
        case .gas: "Gas"
        case .abdominalPain: "Abdominal pain"
        case .cramps: "Cramps"
        case .diarrhoea: "Diarrhoea"
        case .constipation: "Constipation"
        case .nausea: "Nausea"
        case .skinRedness: "Skin redness or rash"
        case .itching: "Itching"
        case .hives: "Hives"
        case .lipFaceTongueSwelling: "Swelling of lips, face or tongue"
        case .itchyThroat: "Itchy throat"
        case .breathingDifficulty: "Wheeze or difficulty breathing"
        case .faintness: "Faintness"
        case .feverChills: "Fever or chills"
        case .bloodInStool: "Blood in stool"
        }
    }
}

extension Severity {
    var label: LocalizedStringResource {
        switch self {
        case .none: "None"
        case .mild: "Mild"
        case .moderate: "Moderate"
        case .severe: "Severe"
        }
    }
}

extension KefirKind {
    var label: LocalizedStringResource {
        switch self {
        case .milkCow: "Cow's milk kefir"
        case .milkGoat: "Goat's milk kefir"
        case .milkSheep: "Sheep's milk kefir"
        case .water: "Water kefir"
        case .plant: "Plant-based kefir"
        }
    }
}

extension Source {
    var label: LocalizedStringResource {
        switch self {
        case .homemade: "Homemade"
        case .commercial: "Shop-bought"
        }
    }
}

extension AgeBand {
    var label: LocalizedStringResource {
        switch self {
        case .infantUnder12Months: "Infant under 12 months"
        case .child: "Child"
        case .adult: "Adult"
        }
    }
}

extension Condition {
    var label: LocalizedStringResource {
        switch self {
        case .milkProteinAllergy: "Milk-protein allergy"
        case .lactoseIntolerance: "Lactose intolerance"
        case .histamineSensitivity: "Histamine intolerance or sensitive skin"
        case .pregnant: "Pregnant"
        case .breastfeeding: "Breastfeeding"
        case .neutropenia: "Neutropenia (low white cells)"
        case .chemotherapy: "Having chemotherapy"
        case .transplant: "Organ or stem-cell transplant"
        case .biologicsOrImmunosuppressants: "Biologics or immunosuppressants"
        case .centralLine: "Central venous line"
        case .icuStay: "Stay in intensive care (ICU)"
        case .shortBowel: "Short bowel syndrome"
        case .kidneyDiseaseOrPotassiumRestriction: "Kidney disease or potassium restriction"
        case .avoidingAlcohol: "Avoiding alcohol"
        }
    }
}

extension MedClass {
    var label: LocalizedStringResource {
        switch self {
        case .antibiotic: "Antibiotic"
        case .fluoroquinoloneOrTetracycline: "Fluoroquinolone or tetracycline"
        case .immunosuppressant: "Immunosuppressant"
        case .maoInhibitor: "MAO inhibitor"
        case .metronidazoleOrDisulfiram: "Metronidazole or disulfiram"
        case .vitaminKAntagonist: "Warfarin or other vitamin-K antagonist"
        case .other: "Other medicine"
        }
    }
}

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
