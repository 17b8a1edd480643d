import KefirKit
import SwiftUI

extension [String] {
    /// Rule ids as the core gives them, e.g. "S5, S6" (not translated).
    var ruleList: String { joined(separator: ", ") }
}

/// One rule the core says applies: level, title and advice verbatim, rule id.
struct FindingRow: View {
    let finding: Finding

    var body: some View {
        VStack(alignment: .leading, spacing: 6) {
            HStack(alignment: .firstTextBaseline) {
                LevelBadge(level: finding.level, label: finding.levelLabel)
                Spacer(minLength: 8)
                Text(verbatim: finding.ruleId)
                    .font(.caption.monospaced())
                    .foregroundStyle(.secondary)
                    .accessibilityLabel(Text("Rule \(finding.ruleId)"))
            }
            Text(verbatim: finding.title)
                .font(.headline)
            Text(verbatim: finding.advice)
                .font(.body)
                .fixedSize(horizontal: false, vertical: true)
            Text(verbatim: finding.source)
                .font(.footnote)
                .foregroundStyle(.secondary)
                .accessibilityLabel(Text("Source: \(finding.source)"))
        }
        .padding(.vertical, 4)
        .accessibilityElement(children: .combine)
    }
}

/// The level's symbol and tint (shell chrome) with the core's word for it.
struct LevelBadge: View {
    let level: Level
    let label: String

    var body: some View {
        Label {
            Text(verbatim: label)
        } icon: {
            Image(systemName: level.symbol)
        }
        .font(.subheadline.weight(.semibold))
        .foregroundStyle(level.tint)
        .accessibilityLabel(Text(verbatim: label))
    }
}

/// The disclaimer the core attaches to screens that give advice.
struct DisclaimerText: View {
    let text: String

    var body: some View {
        Text(verbatim: text)
            .font(.footnote)
            .foregroundStyle(.secondary)
            .fixedSize(horizontal: false, vertical: true)
    }
}

/// A volume the core computed, in the user's locale, spoken in full.
struct MlText: View {
    let ml: UInt32

    var body: some View {
        Text(verbatim: KefirFormat.milliliters(ml))
            .accessibilityLabel(Text(verbatim: KefirFormat.millilitersSpoken(ml)))
    }
}
