import KefirKit
import SwiftUI
import UniformTypeIdentifiers

/// Settings: reminders, privacy (device backup), backup export/import, and
/// delete everything. Every confirmation text comes from the core
/// (`KefirError.ConfirmationRequired`), asked for before the real call.
struct SettingsScreen: View {
    let store: KefirStore
    @Environment(AppModel.self) private var model

    @State private var exportDocument: BackupDocument?
    @State private var showExporter = false
    @State private var showImporter = false
    /// Import confirmation (KefirKit, tested on Linux): holds the private
    /// copy while the core's question is asked, deletes it on every way out.
    @State private var imports: ImportFlow?
    @State private var confirmation: Confirmation?
    @State private var importSummary: ImportSummary?
    @State private var working = false
    @State private var error: ShownError?

    /// A question the core asked, and what to do on "yes".
    struct Confirmation: Identifiable {
        enum Action { case replaceWithBackup, wipe }
        let id = UUID()
        let question: String
        let action: Action
    }

    var body: some View {
        @Bindable var model = model
        Form {
            Section {
                NavigationLink {
                    RemindersSettingsView(store: store)
                } label: {
                    Label("Reminders", systemImage: "bell")
                }
            }

            Section {
                Toggle("Include in iPhone backups", isOn: $model.includeInDeviceBackup)
            } header: {
                Text("Privacy")
            } footer: {
                Text("Off: your kefir journal stays only on this device and in backup files you export yourself. On: it is also part of your iCloud or computer backups. The app has no account and no network access.")
            }

            Section {
                Button {
                    Task { await exportBackup() }
                } label: {
                    Label("Export a backup file", systemImage: "square.and.arrow.up")
                }
                Button {
                    showImporter = true
                } label: {
                    Label("Restore from a backup file", systemImage: "square.and.arrow.down")
                }
                if let importSummary {
                    Text("Restored \(importSummary.drinks) drinks, \(importSummary.checkins) check-ins, \(importSummary.reactions) reactions, \(importSummary.doses) doses and \(importSummary.plans) plans.")
                        .font(.footnote)
                }
            } header: {
                Text("Backup")
            } footer: {
                Text("A backup file holds everything you entered. Keep it somewhere safe: it contains health information.")
            }
            .disabled(working)

            Section {
                Button(role: .destructive) {
                    Task { await askToWipe() }
                } label: {
                    Label("Delete everything", systemImage: "trash")
                }
                .disabled(working)
            } footer: {
                Text("Removes every drink, check-in, plan and setting from this device. It cannot be undone.")
            }
        }
        .navigationTitle("Settings")
        .fileExporter(isPresented: $showExporter, document: exportDocument, contentType: .json,
                      defaultFilename: exportDocument?.suggestedName) { result in
            if case let .failure(failure) = result { error = ShownError(failure) }
            exportDocument?.removeTemporaryFile()
            exportDocument = nil
        }
        .fileImporter(isPresented: $showImporter, allowedContentTypes: [.json]) { result in
            switch result {
            case let .success(url): Task { await importBackup(from: url) }
            case let .failure(failure): error = ShownError(failure)
            }
        }
        .confirmationDialog("Are you sure?", isPresented: Binding(
            get: { confirmation != nil }, set: { if !$0 { confirmation = nil } }
        ), titleVisibility: .visible, presenting: confirmation) { c in
            switch c.action {
            case .replaceWithBackup:
                Button("Replace everything", role: .destructive) { Task { await replace() } }
            case .wipe:
                Button("Delete everything", role: .destructive) { Task { await wipe() } }
            }
            Button("Cancel", role: .cancel) { cleanUpImport() }
        } message: { c in
            Text(verbatim: c.question)
        }
        .errorAlert($error, title: "Not done")
    }

    // MARK: Backup export

    private func exportBackup() async {
        working = true
        defer { working = false }
        do {
            let name = "Kefir backup \(KefirFormat.isoDay(of: Date())).json"
            let url = FileManager.default.temporaryDirectory.appendingPathComponent(name)
            try await store.exportBackup(to: url)
            exportDocument = try BackupDocument(fileAt: url, suggestedName: name)
            showExporter = true
        } catch {
            self.error = ShownError(error)
        }
    }

    // MARK: Backup import: into an empty journal, or replace after the core's question

    private func importBackup(from picked: URL) async {
        working = true
        defer { working = false }
        let flow = imports ?? ImportFlow(store: store)
        imports = flow
        do {
            let file = try copyToTemporary(picked)
            switch try await flow.start(copy: file) {
            case let .done(summary): importSummary = summary
            case let .needsConfirmation(question): confirmation = Confirmation(question: question, action: .replaceWithBackup)
            case .cancelled: break
            }
        } catch {
            self.error = ShownError(error)
        }
    }

    private func replace() async {
        guard let imports else { return }
        working = true
        defer { working = false }
        do {
            if case let .done(summary) = try await imports.confirm() { importSummary = summary }
        } catch {
            self.error = ShownError(error)
        }
    }

    /// The picked file may live in iCloud Drive or another app's container:
    /// read it under security-scoped access into our temporary folder.
    private func copyToTemporary(_ picked: URL) throws -> URL {
        let scoped = picked.startAccessingSecurityScopedResource()
        defer { if scoped { picked.stopAccessingSecurityScopedResource() } }
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString).json")
        try FileManager.default.copyItem(at: picked, to: copy)
        return copy
    }

    private func cleanUpImport() {
        guard let imports else { return }
        Task { await imports.cancel() }
    }

    // MARK: Delete everything

    private func askToWipe() async {
        do {
            try await store.wipeEverything(confirmed: false)
            model.didWipe()  // the core did not ask: nothing to confirm
        } catch let KefirError.ConfirmationRequired(what) {
            confirmation = Confirmation(question: what, action: .wipe)
        } catch {
            self.error = ShownError(error)
        }
    }

    private func wipe() async {
        working = true
        defer { working = false }
        do {
            try await store.wipeEverything(confirmed: true)
            model.didWipe()
        } catch {
            self.error = ShownError(error)
        }
    }
}

/// The exported backup for `.fileExporter`: the bytes of the file the core wrote.
struct BackupDocument: FileDocument {
    static var readableContentTypes: [UTType] { [.json] }

    let data: Data
    let suggestedName: String
    private let temporaryFile: URL?

    init(fileAt url: URL, suggestedName: String) throws {
        data = try Data(contentsOf: url)
        self.suggestedName = suggestedName
        temporaryFile = url
    }

    init(configuration: ReadConfiguration) throws {
        data = configuration.file.regularFileContents ?? Data()
        suggestedName = configuration.file.filename ?? "Kefir backup.json"
        temporaryFile = nil
    }

    func fileWrapper(configuration: WriteConfiguration) throws -> FileWrapper {
        FileWrapper(regularFileWithContents: data)
    }

    func removeTemporaryFile() {
        if let temporaryFile { try? FileManager.default.removeItem(at: temporaryFile) }
    }
}
