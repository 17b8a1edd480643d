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
    /// The save-a-backup sheet's form while it is open (its passphrase lives only there).
    @State private var backupForm: BackupSaveForm?
    /// An encrypted backup waits for its passphrase: the core's prompt and wrong-passphrase message.
    @State private var importQuestion: (prompt: String, wrong: String?)?
    @State private var importPassphrase = ""
    /// The app lock's settings (the core's form).
    @State private var lockForm: AppLockForm?
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
                    Task {
                        do {
                            // A core call: off the main actor, like every other.
                            let texts = try await Task.detached { [store] in try store.backupForm() }.value
                            backupForm = BackupSaveForm(texts: texts)
                        } catch {
                            self.error = ShownError(error)
                        }
                    }
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

            if let lockForm {
                AppLockSection(form: lockForm, canAuthenticate: model.canAuthenticate) { settings, needsPrompt in
                    Task { await saveLock(settings, prompt: needsPrompt ? lockForm.promptReason : nil) }
                }
                .disabled(working)
            }

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
        .task { lockForm = try? await model.appLockForm() }
        .sheet(isPresented: Binding(get: { backupForm != nil }, set: { if !$0 { backupForm = nil } })) {
            if let form = backupForm {
                BackupSheet(form: form) { filled in
                    // The form (passphrase included) is dropped as the sheet closes.
                    backupForm = nil
                    Task { await exportBackup(filled) }
                } cancel: {
                    backupForm = nil
                }
            }
        }
        .alert(importQuestion?.prompt ?? "", isPresented: Binding(
            // No side effect here: SwiftUI may set this before the tapped button's action runs,
            // which must still find the passphrase. Cancel and Open clear it themselves.
            get: { importQuestion != nil }, set: { if !$0 { importQuestion = nil } }
        )) {
            SecureField(importQuestion?.prompt ?? "", text: $importPassphrase)
            Button("Open") {
                let p = importPassphrase
                importPassphrase = ""
                importQuestion = nil
                Task { await unlockImport(p) }
            }
            Button("Cancel", role: .cancel) {
                importPassphrase = ""
                importQuestion = nil
                cleanUpImport()
            }
        } message: {
            if let wrong = importQuestion?.wrong { Text(verbatim: wrong) }
        }
        .fileExporter(isPresented: $showExporter, document: exportDocument,
                      contentType: exportDocument?.contentType ?? .json,
                      defaultFilename: exportDocument?.suggestedName) { result in
            if case let .failure(failure) = result { error = ShownError(failure) }
            exportDocument?.removeTemporaryFile()
            exportDocument = nil
        }
        .fileImporter(isPresented: $showImporter, allowedContentTypes: [.json, .data]) { result in
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
            Button("Cancel", role: .cancel) {
                importPassphrase = ""
                importQuestion = nil
                cleanUpImport()
            }
        } message: { c in
            Text(verbatim: c.question)
        }
        .errorAlert($error, title: "Not done")
    }

    // MARK: Backup export

    /// Encrypted with the form's passphrase (an age file, `.age`), or plain
    /// JSON after the core's warning was confirmed (`BackupSaveForm`).
    private func exportBackup(_ form: BackupSaveForm) async {
        working = true
        defer { working = false }
        do {
            let encrypted = form.encrypt
            let name = "Kefir backup \(KefirFormat.isoDay(of: Date())).json" + (encrypted ? ".age" : "")
            let url = FileManager.default.temporaryDirectory.appendingPathComponent(name)
            try await store.exportBackup(form, to: url)
            exportDocument = try BackupDocument(fileAt: url, suggestedName: name,
                                                contentType: encrypted ? .data : .json)
            showExporter = true
        } catch {
            self.error = ShownError(error)
        }
    }

    // MARK: App lock

    /// Turning the lock on asks the prompt first (the person knows it works
    /// here before it guards the diary); the app stays open either way.
    private func saveLock(_ settings: AppLockSettings, prompt reason: String?) async {
        if let reason, !(await model.authenticate(reason: reason)) { return }
        working = true
        defer { working = false }
        do {
            lockForm = try await model.saveAppLock(settings)
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
            case let .needsPassphrase(prompt, wrong): importQuestion = (prompt, wrong)
            case .cancelled: break
            }
        } catch {
            self.error = ShownError(error)
        }
    }

    /// The passphrase for the waiting encrypted backup (not kept in the screen's state).
    private func unlockImport(_ passphrase: String) async {
        guard let imports else { return }
        working = true
        defer { working = false }
        do {
            switch try await imports.unlock(passphrase: passphrase) {
            case let .done(summary): importSummary = summary
            case let .needsConfirmation(question): confirmation = Confirmation(question: question, action: .replaceWithBackup)
            case let .needsPassphrase(prompt, wrong): importQuestion = (prompt, wrong)
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
            switch try await imports.confirm() {
            case let .done(summary): importSummary = summary
            case let .needsPassphrase(prompt, wrong): importQuestion = (prompt, wrong)
            case .needsConfirmation, .cancelled: break
            }
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

/// The exported backup for `.fileExporter`: the bytes of the file the core
/// wrote, JSON or (encrypted) an age file.
struct BackupDocument: FileDocument {
    static var readableContentTypes: [UTType] { [.json, .data] }

    let data: Data
    let suggestedName: String
    let contentType: UTType
    private let temporaryFile: URL?

    init(fileAt url: URL, suggestedName: String, contentType: UTType) throws {
        data = try Data(contentsOf: url)
        self.suggestedName = suggestedName
        self.contentType = contentType
        temporaryFile = url
    }

    init(configuration: ReadConfiguration) throws {
        data = configuration.file.regularFileContents ?? Data()
        suggestedName = configuration.file.filename ?? "Kefir backup.json"
        contentType = configuration.contentType
        temporaryFile = nil
    }

    func fileWrapper(configuration: WriteConfiguration) throws -> FileWrapper {
        FileWrapper(regularFileWithContents: data)
    }

    func removeTemporaryFile() {
        if let temporaryFile { try? FileManager.default.removeItem(at: temporaryFile) }
    }
}

/// Saving a backup: every text is the core's `BackupForm`. Encrypted is
/// preselected; Save needs the core's verdict on the passphrase to be
/// acceptable and both fields to match, or, for a plain backup, the core's
/// warning confirmed (`BackupSaveForm`, KefirKit, tested on Linux).
struct BackupSheet: View {
    @State var form: BackupSaveForm
    let save: (BackupSaveForm) -> Void
    let cancel: () -> Void
    @State private var passphrase = ""
    @Environment(AppModel.self) private var model

    var body: some View {
        NavigationStack {
            Form {
                Section {
                    Toggle(isOn: $form.encrypt) { Text(verbatim: form.texts.encryptLabel) }
                }
                if form.encrypt {
                    Section {
                        // Set in the form at once (a fast Save must not use the previous passphrase);
                        // the task below only fetches the core's verdict.
                        SecureField(text: Binding(get: { passphrase }, set: { passphrase = $0; form.setPassphrase($0) })) {
                            Text(verbatim: form.texts.passphraseLabel)
                        }
                        // No Password AutoFill or suggested strong password: a passphrase
                        // the person never saw, kept where the age tool cannot reach, loses the backup.
                        .textContentType(nil)
                        .privacySensitive()
                        if let verdict = form.verdict {
                            Text(verbatim: verdict.levelLabel).font(.headline)
                                .foregroundStyle(verdict.acceptable ? Color.primary : Color.red)
                                .onChange(of: verdict.levelLabel) { _, label in
                                    // VoiceOver hears the new verdict as the person types.
                                    AccessibilityNotification.Announcement(label).post()
                                }
                            ForEach(verdict.reasons, id: \.self) { Text(verbatim: $0).font(.footnote) }
                        }
                        SecureField(text: $form.repeated) { Text(verbatim: form.texts.repeatLabel) }
                            .textContentType(nil)
                            .privacySensitive()
                        if form.mismatch {
                            Text(verbatim: form.texts.mismatchMessage).foregroundStyle(.red).font(.footnote)
                        }
                    } footer: {
                        Text(verbatim: form.texts.passphraseHelp)
                    }
                } else {
                    Section {
                        Text(verbatim: form.texts.plainWarning).foregroundStyle(.red)
                        if form.plainWarningPending {
                            Button { form.confirmPlain() } label: { Text(verbatim: form.texts.plainConfirmLabel) }
                        }
                    }
                }
            }
            .navigationTitle(Text(verbatim: form.texts.title))
            .toolbar {
                ToolbarItem(placement: .cancellationAction) { Button("Cancel", action: cancel) }
                ToolbarItem(placement: .confirmationAction) {
                    Button("Save") { save(form) }.disabled(!form.canSave)
                }
            }
            // Each new passphrase is judged by the core; a late answer for an older one is ignored.
            .task(id: passphrase) {
                guard !passphrase.isEmpty, let verdict = try? await judge(passphrase) else { return }
                form.apply(verdict, for: passphrase)
            }
        }
    }

    private func judge(_ p: String) async throws -> PassphraseVerdict {
        guard let store = model.store else { throw KefirError.NotFound(what: "store") }
        // The estimator runs off the main actor (it may take a few milliseconds per keystroke).
        return try await Task.detached { try store.passphraseStrength(p) }.value
    }
}

/// The app lock: the core's title, explanation, on/off and its delay choices.
struct AppLockSection: View {
    let form: AppLockForm
    /// The phone can show the prompt (a passcode is set); without one the lock cannot be turned on.
    let canAuthenticate: Bool
    /// The new setting, and whether to ask the prompt first (turning it on).
    let save: (AppLockSettings, Bool) -> Void

    var body: some View {
        Section {
            Toggle(isOn: Binding(get: { form.settings.enabled }, set: { on in
                save(on ? form.accepted : form.declined, on)
            })) {
                Text(verbatim: form.explanation)
            }
            .disabled(!canAuthenticate && !form.settings.enabled)
            if form.settings.enabled {
                Picker(selection: Binding(get: { form.settings.afterMinutes }, set: { minutes in
                    save(AppLockSettings(enabled: true, afterMinutes: minutes), false)
                })) {
                    ForEach(form.choices, id: \.minutes) { choice in
                        Text(verbatim: choice.label).tag(choice.minutes)
                    }
                } label: {
                    Text(verbatim: form.title)
                }
                .pickerStyle(.inline)
                .labelsHidden()
            }
        } header: {
            Text(verbatim: form.title)
        }
    }
}
