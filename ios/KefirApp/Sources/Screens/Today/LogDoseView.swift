import KefirKit
import SwiftUI

/// Log a medicine dose (one call, `logDose`); the core answers with the
/// spacing countdowns it implies (M1–M3), shown verbatim.
struct LogDoseView: View {
    let store: KefirStore

    @Environment(\.dismiss) private var dismiss
    @State private var medicine: MedClass?
    /// The core's medicine classes and their names, in the app's language.
    @State private var names: CoreNames?
    @State private var at = Date()
    @State private var intervalHours: Int?
    @State private var note = ""
    @State private var saving = false
    @State private var logged: DoseLogged?
    @State private var error: ShownError?

    var body: some View {
        Form {
            if let logged {
                Section("Spacing") {
                    if logged.spacing.isEmpty {
                        Text("No spacing needed for this medicine.")
                    }
                    ForEach(logged.spacing, id: \.doseId) { Text(verbatim: $0.message) }
                }
                Section { Button("Done") { dismiss() }.font(.headline) }
            } else {
                Section {
                    Picker("Medicine", selection: $medicine) {
                        Text("Choose").tag(MedClass?.none)
                        if let names {
                            ForEach(names.medicineOrder, id: \.self) { Text(verbatim: names.of($0)).tag(MedClass?.some($0)) }
                        }
                    }
                    DatePicker("Taken at", selection: $at, in: ...Date(), displayedComponents: [.date, .hourAndMinute])
                    TextField("Hours between doses (optional)", value: $intervalHours, format: .number)
                        .keyboardType(.numberPad)
                    TextField("Note (optional)", text: $note, axis: .vertical)
                }
                Section {
                    Button {
                        Task { await save() }
                    } label: {
                        if saving { ProgressView() } else { Text("Save") }
                    }
                    .disabled(saving || medicine == nil)
                }
            }
        }
        .task {
            guard names == nil else { return }
            do { names = CoreNames(try store.screeningForm()) } catch { self.error = ShownError(error) }
        }
        .navigationTitle("Medicine dose")
        .navigationBarTitleDisplayMode(.inline)
        .toolbar {
            ToolbarItem(placement: .cancellationAction) {
                if logged == nil { Button("Cancel") { dismiss() } }
            }
        }
        .errorAlert($error)
    }

    private func save() async {
        guard let medicine else { return }
        saving = true
        defer { saving = false }
        let input = DoseInput(medicine: medicine, at: at, intervalHours: intervalHours.map { UInt32(clamping: $0) },
                              note: note.isEmpty ? nil : note)
        do {
            logged = try await store.logDose(input)
        } catch {
            self.error = ShownError(error)
        }
    }
}
