import KefirKit
import SwiftUI

/// First run: the profile questions, then the core's screening, then — when
/// the screening says so — the clinician-acknowledgement step. The plan can
/// only start once the core says `mayStart`.
struct OnboardingFlow: View {
    let store: KefirStore
    let onFinished: () -> Void

    @State private var screening: Screening?

    var body: some View {
        NavigationStack {
            if let screening {
                ScreeningResultView(store: store, screening: screening, onFinished: onFinished,
                                    onEdit: { self.screening = nil })
            } else {
                ProfileForm(store: store) { self.screening = $0 }
            }
        }
    }
}

/// The screening questions: the core's (`screeningForm`: options, labels and
/// help texts in the app's language), so both platforms ask the same
/// questions in the same words. Saving returns the screening (one core call).
struct ProfileForm: View {
    let store: KefirStore
    let onScreened: (Screening) -> Void

    @State private var profile: Profile?
    @State private var questions: ScreeningForm?
    @State private var saving = false
    @State private var error: ShownError?

    var body: some View {
        Group {
            if let binding = Binding($profile), let questions {
                form(binding, questions)
            } else {
                ProgressView()
            }
        }
        .navigationTitle("About you")
        .task {
            // The core's current profile (a default adult profile on first run)
            // and its questions in the app's language.
            do {
                if questions == nil { questions = try store.screeningForm() }
                if profile == nil { profile = try await store.profile() }
            } catch {
                self.error = ShownError(error)
            }
        }
        .errorAlert($error)
    }

    private func form(_ profile: Binding<Profile>, _ q: ScreeningForm) -> some View {
        Form {
            Section {
                Text(verbatim: q.intro)
                    .font(.callout)
            }
            Section("Who is this for?") {
                Picker("Age", selection: profile.ageBand) {
                    ForEach(q.ageBands, id: \.code) { Text(verbatim: $0.label).tag($0.code) }
                }
                TextField("Name (optional)", text: Binding(
                    get: { profile.wrappedValue.displayName ?? "" },
                    set: { profile.wrappedValue.displayName = $0.isEmpty ? nil : $0 }
                ))
                .textContentType(.givenName)
            }
            Section {
                ForEach(q.conditions, id: \.code) { c in
                    Toggle(isOn: membership(c.code, in: profile.conditions)) {
                        OptionText(label: c.label, help: c.help)
                    }
                }
            } header: {
                Text("Does any of this apply?")
            }
            Section {
                ForEach(q.medicines, id: \.code) { m in
                    Toggle(isOn: membership(m.code, in: profile.medicines)) {
                        OptionText(label: m.label, help: m.help)
                    }
                }
            } header: {
                Text("Medicines you take")
            }
            Section {
                ForEach(q.kinds, id: \.code) { k in
                    Toggle(isOn: membership(k.code, in: profile.preferredKinds)) { Text(verbatim: k.label) }
                }
                ForEach(q.sources, id: \.code) { s in
                    Toggle(isOn: membership(s.code, in: profile.preferredSources)) { Text(verbatim: s.label) }
                }
            } header: {
                Text("Kefir you would like to drink")
            } footer: {
                Text("Leave empty if you have no preference.")
            }
            Section {
                Button {
                    Task { await save(profile.wrappedValue) }
                } label: {
                    if saving { ProgressView() } else { Text("See my screening") }
                }
                .disabled(saving)
            }
        }
    }

    private func save(_ profile: Profile) async {
        saving = true
        defer { saving = false }
        do {
            onScreened(try await store.saveProfile(profile))
        } catch {
            self.error = ShownError(error)
        }
    }
}

/// An option's label and, under it, the core's help text.
struct OptionText: View {
    let label: String
    let help: String

    var body: some View {
        VStack(alignment: .leading, spacing: 2) {
            Text(verbatim: label)
            if !help.isEmpty {
                Text(verbatim: help)
                    .font(.footnote)
                    .foregroundStyle(.secondary)
            }
        }
    }
}

/// A toggle bound to "this list contains `item`" (order is normalised by the core).
func membership<T: Equatable>(_ item: T, in list: Binding<[T]>) -> Binding<Bool> {
    Binding(
        get: { list.wrappedValue.contains(item) },
        set: { on in
            if on, !list.wrappedValue.contains(item) { list.wrappedValue.append(item) }
            if !on { list.wrappedValue.removeAll { $0 == item } }
        }
    )
}

/// The screening as the core computed it: level, findings, constraints, and
/// the clinician step when `needsClinician` and not yet cleared.
struct ScreeningResultView: View {
    let store: KefirStore
    @State var screening: Screening
    let onFinished: () -> Void
    let onEdit: () -> Void

    @State private var clinicianAgreed = false
    @State private var note = ""
    @State private var saving = false
    @State private var error: ShownError?

    var body: some View {
        List {
            Section {
                LevelBadge(level: screening.level, label: screening.levelLabel)
                    .font(.title3)
                Text(verbatim: screening.headline)
            } header: {
                Text("Your screening")
            }
            if !screening.findings.isEmpty {
                Section("What applies to you") {
                    ForEach(screening.findings, id: \.ruleId) { FindingRow(finding: $0) }
                }
            }
            Section("Your limits") {
                // The core's lines (cap, start amount, kinds and sources ruled
                // out, medicine spacing), each with the rules that set it.
                ForEach(screening.limits, id: \.self) { Text(verbatim: $0) }
            }
            if screening.needsClinician && !screening.unclearedRuleIds.isEmpty {
                clinicianSection
            } else if let cleared = screening.clinicianClearedAt {
                Section {
                    Label {
                        Text("Cleared by your clinician on \(KefirFormat.dateTime(cleared))")
                    } icon: {
                        Image(systemName: "checkmark.seal")
                    }
                }
            }
            Section {
                if screening.mayStart {
                    Button("Continue") { onFinished() }
                        .font(.headline)
                } else {
                    // The app can still be used to log and check in; the plan waits.
                    Button("Continue without a plan for now") { onFinished() }
                }
                Button("Change my answers", action: onEdit)
            } footer: {
                DisclaimerText(text: screening.disclaimer)
            }
        }
        .navigationTitle("Screening")
        .errorAlert($error)
    }

    private var clinicianSection: some View {
        Section {
            Text("Some of your answers need a clinician's go-ahead before you start kefir (\(screening.unclearedRuleIds.ruleList)). Talk to your doctor, midwife or care team, then record their answer here.")
            Toggle("My clinician agreed that I can start", isOn: $clinicianAgreed)
            TextField("Who agreed, and when (optional)", text: $note, axis: .vertical)
            Button {
                Task { await acknowledge() }
            } label: {
                if saving { ProgressView() } else { Text("Record the go-ahead") }
            }
            .disabled(!clinicianAgreed || saving)
        } header: {
            Text("Clinician's go-ahead")
        }
    }

    private func acknowledge() async {
        saving = true
        defer { saving = false }
        do {
            screening = try await store.acknowledgeClinician(note: note.isEmpty ? nil : note)
        } catch {
            self.error = ShownError(error)
        }
    }
}
