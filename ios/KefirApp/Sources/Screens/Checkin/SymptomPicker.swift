import KefirKit
import SwiftUI

/// One severity picker per symptom the core knows. Symptoms left at "None"
/// are sent as such; the core keeps only those above none.
struct SymptomPicker: View {
    @Binding var severities: [Symptom: Severity]

    var body: some View {
        ForEach(Symptom.allCases, id: \.self) { symptom in
            // `Severity.none`, spelled out: a bare `.none` after `??` is
            // `Optional<Severity>.none`, which makes the binding `Severity?`
            // while the tags are `Severity`, and no row can be chosen.
            Picker(selection: Binding<Severity>(
                get: { severities[symptom] ?? Severity.none },
                set: { severities[symptom] = $0 }
            )) {
                ForEach(Severity.allCases, id: \.self) { Text($0.label).tag($0) }
            } label: {
                Text(symptom.label)
            }
            .pickerStyle(.menu)
        }
    }

    static func entries(_ severities: [Symptom: Severity]) -> [SymptomEntry] {
        Symptom.allCases.compactMap { s in
            severities[s].map { SymptomEntry(symptom: s, severity: $0) }
        }
    }
}

/// The assessment the core returned: headline, level, findings verbatim.
struct AssessmentView: View {
    let assessment: SymptomAssessment

    var body: some View {
        Section {
            LevelBadge(level: assessment.level)
            Text(verbatim: assessment.headline)
                .font(.title3.weight(.semibold))
                .fixedSize(horizontal: false, vertical: true)
        }
        if !assessment.findings.isEmpty {
            Section("Why") {
                ForEach(assessment.findings, id: \.ruleId) { FindingRow(finding: $0) }
            }
        }
    }
}
