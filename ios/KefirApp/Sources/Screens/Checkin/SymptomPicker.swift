import KefirKit
import SwiftUI

/// One severity picker per symptom of the core's check-in form, with the
/// core's words (`checkinForm`, app's language). Symptoms left at the
/// form's default severity (none) are sent as such; the core keeps only
/// those above none.
struct SymptomPicker: View {
    let form: CheckinForm
    @Binding var severities: [Symptom: Severity]

    var body: some View {
        ForEach(form.symptoms, id: \.code) { symptom in
            // The binding's type is `Severity` (not `Severity?`), like the tags:
            // a missing entry reads as the core's default severity.
            Picker(selection: Binding<Severity>(
                get: { severities[symptom.code] ?? form.defaultSeverity },
                set: { severities[symptom.code] = $0 }
            )) {
                ForEach(form.severities, id: \.code) { Text(verbatim: $0.label).tag($0.code) }
            } label: {
                Text(verbatim: symptom.label)
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
            LevelBadge(level: assessment.level, label: assessment.levelLabel)
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
