import KefirKit
import SwiftUI
import UIKit

/// An emergency screen to present with `.fullScreenCover(item:)`.
struct ShownEmergency: Identifiable {
    let id = UUID()
    let screen: EmergencyScreen
}

/// Full screen, high contrast, the core's steps in the core's order. Nothing
/// here is decided by the app: title, steps, rule ids and disclaimer are the
/// core's text, verbatim.
struct EmergencyView: View {
    let screen: EmergencyScreen
    @Environment(\.dismiss) private var dismiss
    @Environment(\.openURL) private var openURL

    var body: some View {
        NavigationStack {
            ScrollView {
                VStack(alignment: .leading, spacing: 20) {
                    Label {
                        Text(verbatim: screen.title)
                            .font(.largeTitle.bold())
                            .fixedSize(horizontal: false, vertical: true)
                    } icon: {
                        Image(systemName: "cross.case.fill")
                            .font(.largeTitle)
                    }
                    .accessibilityAddTraits(.isHeader)

                    ForEach(Array(screen.steps.enumerated()), id: \.offset) { index, step in
                        HStack(alignment: .firstTextBaseline, spacing: 12) {
                            Text(verbatim: "\(index + 1).")
                                .font(.title2.bold().monospacedDigit())
                                .accessibilityHidden(true)
                            Text(verbatim: step)
                                .font(.title3.weight(.semibold))
                                .fixedSize(horizontal: false, vertical: true)
                        }
                        .accessibilityElement(children: .ignore)
                        .accessibilityLabel(Text("Step \(index + 1): \(step)"))
                    }

                    // One button per number the core gives for the app's region
                    // (EmergencyScreen.callNumbers; none of the app's own).
                    // iOS asks before calling.
                    ForEach(screen.callNumbers, id: \.self) { number in
                        if let url = EmergencyCall.dialURL(number) {
                            Button {
                                openURL(url)
                            } label: {
                                Label("Call \(number)", systemImage: "phone.fill")
                                    .font(.title2.bold())
                                    .frame(maxWidth: .infinity, minHeight: 56)
                            }
                            .buttonStyle(.borderedProminent)
                            .tint(.white)
                            .foregroundStyle(.red)
                        }
                    }

                    Text("Rules: \(screen.ruleIds.ruleList)")
                        .font(.footnote.monospaced())
                    Text(verbatim: screen.disclaimer)
                        .font(.footnote)
                        .fixedSize(horizontal: false, vertical: true)
                }
                .padding()
                .frame(maxWidth: .infinity, alignment: .leading)
            }
            .foregroundStyle(.white)
            .background(Color.red.gradient.opacity(0.95), ignoresSafeAreaEdges: .all)
            .toolbar {
                ToolbarItem(placement: .cancellationAction) {
                    Button("Close") { dismiss() }
                        .foregroundStyle(.white)
                }
            }
            .toolbarBackground(.hidden, for: .navigationBar)
        }
        .onAppear {
            UIAccessibility.post(notification: .screenChanged, argument: screen.title)
        }
    }
}
