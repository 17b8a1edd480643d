import KefirKit
import SwiftUI

/// The daily check-in for the local day the core named (`Today.date`, or
/// `Today.yesterday` for a late one). One call, `saveCheckin`; a red flag
/// opens the emergency screen at once. Editing today's check-in starts from
/// what the core stored (`Today.checkin`); saving replaces it.
struct CheckinView: View {
    let store: KefirStore
    /// ISO local day from the core's Today record.
    let day: String

    @Environment(\.dismiss) private var dismiss
    /// The core's symptoms, severities and Bristol types with their words.
    @State private var form: CheckinForm?
    @State private var severities: [Symptom: Severity] = [:]
    @State private var bristol: Int?
    @State private var note = ""
    @State private var saving = false
    @State private var result: CheckinResult?
    @State private var emergency: ShownEmergency?
    @State private var error: ShownError?

    /// `prefill`: the stored check-in's input (`Checkin.editInput`) when
    /// editing; nil for a new one.
    init(store: KefirStore, day: String, prefill: CheckinInput? = nil) {
        self.store = store
        self.day = day
        let symptoms = prefill?.symptoms ?? []
        _severities = State(initialValue: Dictionary(symptoms.map { ($0.symptom, $0.severity) },
                                                     uniquingKeysWith: { _, last in last }))
        _bristol = State(initialValue: prefill?.bristol.map { Int($0) })
        _note = State(initialValue: prefill?.note ?? "")
    }

    var body: some View {
        Form {
            if let result {
                AssessmentView(assessment: result.assessment)
                Section {
                    if let screen = result.assessment.emergency {
                        Button("Show what to do now") { emergency = ShownEmergency(screen: screen) }
                            .font(.headline)
                            .foregroundStyle(.red)
                    }
                    Button("Done") { dismiss() }
                }
            } else {
                Section {
                    Text("How did you feel since your last check-in? Leave a symptom at None if you did not have it.")
                        .font(.callout)
                }
                if let form {
                    Section("Symptoms") {
                        SymptomPicker(form: form, severities: $severities)
                    }
                    Section {
                        // The Bristol Stool Form Scale's types and descriptions are the core's.
                        Picker("Stool type (Bristol scale)", selection: $bristol) {
                            Text("Not recorded").tag(Int?.none)
                            ForEach(form.bristolTypes, id: \.bristolType) { b in
                                OptionText(label: b.label, help: b.description).tag(Int?.some(Int(b.bristolType)))
                            }
                        }
                        .pickerStyle(.navigationLink)
                        TextField("Note (optional)", text: $note, axis: .vertical)
                    }
                } else {
                    ProgressView()
                }
                Section {
                    Button {
                        Task { await save() }
                    } label: {
                        if saving { ProgressView() } else { Text("Save check-in") }
                    }
                    .disabled(saving || form == nil)
                }
            }
        }
        .task { await loadForm() }
        .navigationTitle(Text(verbatim: KefirFormat.day(iso: day) ?? day))
        .navigationBarTitleDisplayMode(.inline)
        .toolbar {
            ToolbarItem(placement: .cancellationAction) {
                if result == nil { Button("Cancel") { dismiss() } }
            }
        }
        .fullScreenCover(item: $emergency) { EmergencyView(screen: $0.screen) }
        .errorAlert($error)
    }

    private func loadForm() async {
        guard form == nil else { return }
        do { form = try store.checkinForm() } catch { self.error = ShownError(error) }
    }

    private func save() async {
        saving = true
        defer { saving = false }
        let input = CheckinInput(day: day, symptoms: SymptomPicker.entries(severities),
                                 bristol: bristol.map { UInt8(clamping: $0) },
                                 note: note.isEmpty ? nil : note)
        do {
            let saved = try await store.saveCheckin(input)
            result = saved
            // CheckinRoute (KefirKit, tested on Linux): the core's emergency screen at once.
            if case let .emergency(screen) = CheckinRoute(saved.assessment) {
                emergency = ShownEmergency(screen: screen)
            }
        } catch {
            self.error = ShownError(error)
        }
    }
}

/// "Report a reaction now": symptoms happening now, evaluated at once.
struct ReactionView: View {
    let store: KefirStore

    @Environment(\.dismiss) private var dismiss
    @State private var form: CheckinForm?
    @State private var severities: [Symptom: Severity] = [:]
    @State private var note = ""
    @State private var saving = false
    @State private var result: ReactionResult?
    @State private var emergency: ShownEmergency?
    @State private var error: ShownError?

    var body: some View {
        Form {
            if let result {
                AssessmentView(assessment: result.assessment)
                Section {
                    if let screen = result.assessment.emergency {
                        Button("Show what to do now") { emergency = ShownEmergency(screen: screen) }
                            .font(.headline)
                            .foregroundStyle(.red)
                    }
                    Button("Done") { dismiss() }
                }
            } else {
                Section {
                    Text("What are you feeling right now?")
                        .font(.headline)
                }
                if let form {
                    Section("Symptoms") {
                        SymptomPicker(form: form, severities: $severities)
                    }
                    Section {
                        TextField("Note (optional)", text: $note, axis: .vertical)
                    }
                    // A reaction report needs a symptom above none: the core's gate and its words.
                    let allowed = store.reactionSubmitAllowed(SymptomPicker.entries(severities))
                    Section {
                        Button(role: .destructive) {
                            Task { await report() }
                        } label: {
                            if saving { ProgressView() } else { Text("Report now") }
                        }
                        .disabled(saving || !allowed)
                    } footer: {
                        if !allowed { Text(verbatim: form.reactionNeedsSymptom) }
                    }
                } else {
                    ProgressView()
                }
            }
        }
        .task {
            guard form == nil else { return }
            do { form = try store.checkinForm() } catch { self.error = ShownError(error) }
        }
        .navigationTitle("Report a reaction")
        .navigationBarTitleDisplayMode(.inline)
        .toolbar {
            ToolbarItem(placement: .cancellationAction) {
                if result == nil { Button("Cancel") { dismiss() } }
            }
        }
        .fullScreenCover(item: $emergency) { EmergencyView(screen: $0.screen) }
        .errorAlert($error)
    }

    private func report() async {
        saving = true
        defer { saving = false }
        let now = Date()
        let input = ReactionInput(at: now, symptoms: SymptomPicker.entries(severities),
                                  note: note.isEmpty ? nil : note)
        do {
            let reported = try await store.reportReaction(input, now: now)
            result = reported
            // CheckinRoute (KefirKit, tested on Linux): the core's emergency screen at once.
            if case let .emergency(screen) = CheckinRoute(reported.assessment) {
                emergency = ShownEmergency(screen: screen)
            }
        } catch {
            self.error = ShownError(error)
        }
    }
}
