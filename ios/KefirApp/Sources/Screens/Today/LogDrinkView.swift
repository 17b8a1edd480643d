import KefirKit
import SwiftUI

/// Log a drink: one core call (`logDrink`). The drink is stored even when
/// the core warns; its warnings are shown before the sheet closes.
/// Everything the form offers is the core's `drinkForm`: kinds and sources
/// with their labels, those the screening allows first and the others apart,
/// marked (what was actually drunk can still be logged, with the core's
/// warning); the preselected kind and source; the quick amounts; whether the
/// chosen source has batch fields.
struct LogDrinkView: View {
    let store: KefirStore
    var suggestedMl: UInt32?

    @Environment(\.dismiss) private var dismiss
    @State private var at = Date()
    @State private var ml: Int?
    @State private var kind: KefirKind?
    @State private var source: Source?
    @State private var note = ""
    @State private var batch = Batch(fermentationHours: nil, roomTempC: nil, offSmell: false, mould: false,
                                     pinkOrOrange: false, unusualFizz: false)
    @State private var saving = false
    @State private var drinkForm: DrinkForm?
    @State private var logged: DrinkLogged?
    @State private var error: ShownError?
    @State private var invalidField: String?

    var body: some View {
        Group {
            if let logged {
                LoggedView(logged: logged) { dismiss() }
            } else if let drinkForm {
                form(drinkForm)
            } else {
                ProgressView()
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
        .task {
            guard drinkForm == nil else { return }
            do {
                let f = try await store.drinkForm()
                drinkForm = f
                // Start on the core's preselected kind and source.
                if kind == nil { kind = f.kind }
                if source == nil { source = f.source }
            } catch {
                self.error = ShownError(error)
            }
        }
        .errorAlert($error)
    }

    private func form(_ f: DrinkForm) -> some View {
        Form {
            Section {
                TextField("Amount in ml", value: $ml, format: .number)
                    .keyboardType(.numberPad)
                    .accessibilityLabel(Text("Amount in millilitres"))
                    .invalid(invalidField == "ml")
                if !f.quickAmountsMl.isEmpty {
                    // The core's quick amounts (what is left, today's amount, common steps).
                    ScrollView(.horizontal, showsIndicators: false) {
                        HStack {
                            ForEach(f.quickAmountsMl, id: \.self) { amount in
                                Button(KefirFormat.milliliters(amount)) { ml = Int(amount) }
                                    .buttonStyle(.bordered)
                            }
                        }
                    }
                }
                DatePicker("When", selection: $at, in: ...Date(), displayedComponents: [.date, .hourAndMinute])
            }
            Section {
                Picker("Kind", selection: $kind) {
                    Text("Choose").tag(KefirKind?.none)
                    ForEach(f.allowedKinds, id: \.code) { Text(verbatim: $0.label).tag(KefirKind?.some($0.code)) }
                    if !f.otherKinds.isEmpty {
                        Section("Not allowed by your screening") {
                            ForEach(f.otherKinds, id: \.code) { Text(verbatim: $0.label).tag(KefirKind?.some($0.code)) }
                        }
                    }
                }
                Picker("Source", selection: $source) {
                    Text("Choose").tag(Source?.none)
                    ForEach(f.allowedSources, id: \.code) { Text(verbatim: $0.label).tag(Source?.some($0.code)) }
                    if !f.otherSources.isEmpty {
                        Section("Not allowed by your screening") {
                            ForEach(f.otherSources, id: \.code) { Text(verbatim: $0.label).tag(Source?.some($0.code)) }
                        }
                    }
                }
            } header: {
                Text("Kefir")
            } footer: {
                if let kind, !f.isAllowed(kind) {
                    RuledOutNote(label: f.label(kind))
                } else if let source, !f.isAllowed(source) {
                    RuledOutNote(label: f.label(source))
                }
            }
            if f.batchFields(source) {
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
                               batch: drinkForm?.batchFields(source) == true ? batch : nil)
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
    let label: String

    var body: some View {
        Label {
            Text("\(label) is not allowed by your screening. The drink is saved with a warning.")
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
