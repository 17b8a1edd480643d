import KefirKit
import SwiftUI

/// Log a drink: one core call (`logDrink`). The drink is stored even when
/// the core warns; its warnings are shown before the sheet closes.
/// The pickers offer the kinds and sources the screening allows
/// (`Today.allowedKinds` / `allowedSources`) first and list the others apart,
/// marked: what was actually drunk can still be logged, with the core's warning.
struct LogDrinkView: View {
    let store: KefirStore
    var suggestedMl: UInt32?
    let kinds: FormChoices<KefirKind>
    let sources: FormChoices<Source>

    @Environment(\.dismiss) private var dismiss
    @State private var at = Date()
    @State private var ml: Int?
    @State private var kind: KefirKind?
    @State private var source: Source?
    @State private var note = ""
    @State private var batch = Batch(fermentationHours: nil, roomTempC: nil, offSmell: false, mould: false,
                                     pinkOrOrange: false, unusualFizz: false)
    @State private var saving = false
    @State private var logged: DrinkLogged?
    @State private var error: ShownError?
    @State private var invalidField: String?

    var body: some View {
        Group {
            if let logged {
                LoggedView(logged: logged) { dismiss() }
            } else {
                form
            }
        }
        .navigationTitle("Log a drink")
        .navigationBarTitleDisplayMode(.inline)
        .toolbar {
            ToolbarItem(placement: .cancellationAction) {
                if logged == nil { Button("Cancel") { dismiss() } }
            }
        }
        .onAppear { if ml == nil, let suggestedMl { ml = Int(suggestedMl) } }
        .errorAlert($error)
    }

    private var form: some View {
        Form {
            Section {
                TextField("Amount in ml", value: $ml, format: .number)
                    .keyboardType(.numberPad)
                    .accessibilityLabel(Text("Amount in millilitres"))
                    .invalid(invalidField == "ml")
                DatePicker("When", selection: $at, in: ...Date(), displayedComponents: [.date, .hourAndMinute])
            }
            Section {
                Picker("Kind", selection: $kind) {
                    Text("Choose").tag(KefirKind?.none)
                    ForEach(kinds.allowed, id: \.self) { Text($0.label).tag(KefirKind?.some($0)) }
                    if !kinds.others.isEmpty {
                        Section("Not allowed by your screening") {
                            ForEach(kinds.others, id: \.self) { Text($0.label).tag(KefirKind?.some($0)) }
                        }
                    }
                }
                Picker("Source", selection: $source) {
                    Text("Choose").tag(Source?.none)
                    ForEach(sources.allowed, id: \.self) { Text($0.label).tag(Source?.some($0)) }
                    if !sources.others.isEmpty {
                        Section("Not allowed by your screening") {
                            ForEach(sources.others, id: \.self) { Text($0.label).tag(Source?.some($0)) }
                        }
                    }
                }
            } header: {
                Text("Kefir")
            } footer: {
                if let kind, !kinds.isAllowed(kind) {
                    RuledOutNote(label: kind.label)
                } else if let source, !sources.isAllowed(source) {
                    RuledOutNote(label: source.label)
                }
            }
            if source == .homemade {
                Section {
                    TextField("Fermentation hours", value: $batch.fermentationHours, format: .number)
                        .keyboardType(.numberPad)
                    TextField("Room temperature °C", value: $batch.roomTempC, format: .number)
                        .keyboardType(.numbersAndPunctuation)
                    Toggle("Off smell", isOn: $batch.offSmell)
                    Toggle("Mould", isOn: $batch.mould)
                    Toggle("Pink or orange colour", isOn: $batch.pinkOrOrange)
                    Toggle("Unusual fizz", isOn: $batch.unusualFizz)
                } header: {
                    Text("This batch")
                } footer: {
                    Text("Signs of spoilage are checked by the app's safety rules.")
                }
            }
            Section {
                TextField("Note (optional)", text: $note, axis: .vertical)
            }
            Section {
                Button {
                    Task { await save() }
                } label: {
                    if saving { ProgressView() } else { Text("Save") }
                }
                .disabled(saving || ml == nil || kind == nil || source == nil)
            }
        }
    }

    private func save() async {
        guard let ml, let kind, let source else { return }
        saving = true
        defer { saving = false }
        // The core validates the amount (field "ml"); a negative or huge
        // entry is passed on as is and comes back as InvalidInput.
        let amount = UInt32(clamping: ml)
        let input = DrinkInput(at: at, ml: amount, kind: kind, source: source,
                               note: note.isEmpty ? nil : note,
                               batch: source == .homemade ? batch : nil)
        do {
            let result = try await store.logDrink(input)
            if result.warnings.isEmpty {
                dismiss()
            } else {
                logged = result
            }
        } catch {
            invalidField = ErrorText.field(of: error)
            self.error = ShownError(error)
        }
    }
}

/// Marks a chosen value the screening does not allow. The reasons are the
/// core's findings, shown with the warning after saving.
private struct RuledOutNote: View {
    let label: LocalizedStringResource

    var body: some View {
        Label {
            Text("\(Text(label)) is not allowed by your screening. The drink is saved with a warning.")
        } icon: {
            Image(systemName: "exclamationmark.triangle")
        }
        .foregroundStyle(.orange)
    }
}

/// After saving: the warnings the core attached to the stored drink.
private struct LoggedView: View {
    let logged: DrinkLogged
    let done: () -> Void

    var body: some View {
        List {
            Section {
                Label {
                    Text("Saved: \(KefirFormat.milliliters(logged.drink.ml)) at \(KefirFormat.time(logged.drink.at))")
                } icon: {
                    Image(systemName: "checkmark.circle")
                }
            }
            Section("Please read") {
                ForEach(logged.warnings, id: \.ruleId) { FindingRow(finding: $0) }
            }
            Section {
                Button("Done", action: done).font(.headline)
            }
        }
    }
}

extension View {
    /// Marks the field the core named in an InvalidInput error.
    func invalid(_ isInvalid: Bool) -> some View {
        overlay(alignment: .trailing) {
            if isInvalid {
                Image(systemName: "exclamationmark.circle.fill")
                    .foregroundStyle(.red)
                    .accessibilityLabel(Text("Check this value"))
            }
        }
    }
}
