import Foundation

// MARK: - Importing a picked backup

/// Where an import stands, for the Settings screen.
public enum ImportStep: Sendable {
    /// Imported (the private copy is deleted).
    case done(ImportSummary)
    /// The core asks before replacing what is on this device (`question` is
    /// its text, verbatim); the copy (and the passphrase that opened it) is
    /// kept for `ImportFlow.confirm()`.
    case needsConfirmation(question: String)
    /// The backup is encrypted: ask for its passphrase with `prompt` (the
    /// core's `BackupForm.importPassphrasePrompt`) and pass it to
    /// `ImportFlow.unlock(passphrase:)`. `wrong` is the core's
    /// `wrongPassphraseMessage` after a passphrase that did not open it.
    /// Nothing changed; the copy is kept.
    case needsPassphrase(prompt: String, wrong: String?)
    /// The user cancelled, or there was nothing to confirm (copy deleted).
    case cancelled
}

/// Importing a backup the user picked. `start` with a private copy, without
/// a passphrase: for an encrypted backup the core answers
/// `PassphraseRequired`, the copy is held and `.needsPassphrase` asks for it;
/// `unlock(passphrase:)` tries again, and a wrong one asks again with the
/// core's message. Into an empty journal the backup is imported at once
/// (`.intoEmpty`); when there is data the core refuses that (`NotAllowed`),
/// and `.replace` without confirmation returns the core's question. The copy
/// (and the passphrase that opened it) is then held until `confirm()`
/// (`.replace`, confirmed) or `cancel()`. Every way out deletes the copy and
/// drops the passphrase (never logged or written; a Swift `String` cannot be
/// wiped, so the flow only keeps no reference once done); errors (e.g.
/// `KefirError.BackupRejected`) are thrown after deleting it.
public actor ImportFlow {
    private let store: KefirStore
    private var pending: URL?
    private var passphrase: String?

    public init(store: KefirStore) {
        self.store = store
    }

    /// The copy waiting for a passphrase or confirmation, if any.
    public var waiting: URL? { pending }

    /// Whether a passphrase is held (only while the core's question is asked).
    public var holdsPassphrase: Bool { passphrase != nil }

    public func start(copy: URL) async throws -> ImportStep {
        cancel()
        return try await run(copy, passphrase: nil)
    }

    /// Try the waiting encrypted copy with `passphrase`.
    public func unlock(passphrase secret: String) async throws -> ImportStep {
        guard let file = pending else { return .cancelled }
        pending = nil
        passphrase = nil
        return try await run(file, passphrase: secret)
    }

    public func confirm() async throws -> ImportStep {
        guard let file = pending else { return .cancelled }
        let secret = passphrase
        pending = nil
        passphrase = nil
        do {
            let summary = try await store.importBackup(from: file, passphrase: secret, mode: .replace, confirmed: true)
            remove(file)
            return .done(summary)
        } catch KefirError.PassphraseRequired {
            return try await askPassphrase(for: file, wrong: false)
        } catch KefirError.WrongPassphrase {
            return try await askPassphrase(for: file, wrong: true)
        } catch {
            remove(file)
            throw error
        }
    }

    @discardableResult
    public func cancel() -> ImportStep {
        if let file = pending { remove(file) }
        pending = nil
        passphrase = nil
        return .cancelled
    }

    private func run(_ copy: URL, passphrase secret: String?) async throws -> ImportStep {
        do {
            do {
                let summary = try await store.importBackup(from: copy, passphrase: secret, mode: .intoEmpty,
                                                           confirmed: false)
                remove(copy)
                return .done(summary)
            } catch KefirError.NotAllowed {
                let summary = try await store.importBackup(from: copy, passphrase: secret, mode: .replace,
                                                           confirmed: false)
                remove(copy)
                return .done(summary)
            }
        } catch let KefirError.ConfirmationRequired(what) {
            // Held with the passphrase that opened it: the confirmed call needs it again.
            pending = copy
            passphrase = secret
            return .needsConfirmation(question: what)
        } catch KefirError.PassphraseRequired {
            return try await askPassphrase(for: copy, wrong: false)
        } catch KefirError.WrongPassphrase {
            return try await askPassphrase(for: copy, wrong: true)
        } catch {
            remove(copy)
            throw error
        }
    }

    /// Hold the copy (not the wrong passphrase) and ask with the core's texts.
    private func askPassphrase(for copy: URL, wrong: Bool) async throws -> ImportStep {
        let texts: BackupForm
        do {
            texts = try store.backupForm()
        } catch {
            remove(copy)
            throw error
        }
        pending = copy
        passphrase = nil
        return .needsPassphrase(prompt: texts.importPassphrasePrompt, wrong: wrong ? texts.wrongPassphraseMessage : nil)
    }

    private func remove(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
    }
}

/// The passphrase question for a backup the core could not open without one
/// (`error` is `KefirError.PassphraseRequired` or `.WrongPassphrase`), with
/// the core's texts in `locale`; nil for any other error. Needs no database
/// (the failed-open screen has none).
public func passphraseQuestion(for error: Error, locale: String = KefirStore.deviceLocale) -> ImportStep? {
    let wrong: Bool
    switch error {
    case KefirError.PassphraseRequired: wrong = false
    case KefirError.WrongPassphrase: wrong = true
    default: return nil
    }
    guard let texts = try? KefirBindings.backupForm(locale: locale) else { return nil }
    return .needsPassphrase(prompt: texts.importPassphrasePrompt, wrong: wrong ? texts.wrongPassphraseMessage : nil)
}

// MARK: - A database that does not open

/// What the failed-open screen offers.
public enum RecoveryOption: Sendable, Equatable {
    /// Pick a backup file: imported into a new database, and only then the old file is set aside.
    case restoreBackup
    /// Set the old file aside (renamed, kept) and start an empty journal.
    case startFresh
    case retry
    /// The device is locked: the file is protected, not broken. Wait for unlocking.
    case waitForUnlock
}

public enum OpenFailure {
    /// The ways out of a failed open. `protectedDataAvailable`: the app's
    /// `UIApplication.isProtectedDataAvailable`; while it is false a closed
    /// database file cannot be opened (`.completeUnlessOpen`, see
    /// `DatabaseLocation`), so no error then means the file is damaged.
    /// Only `DatabaseUnreadable` offers restore and a fresh start; a database
    /// from a newer app version is never set aside.
    public static func options(for error: Error, protectedDataAvailable: Bool) -> [RecoveryOption] {
        guard protectedDataAvailable else { return [.waitForUnlock] }
        if case KefirError.DatabaseUnreadable = error { return [.restoreBackup, .startFresh, .retry] }
        return [.retry]
    }
}

/// Gets a person whose database cannot be opened going again without losing
/// anything: the old file and its SQLite companions are only ever renamed to
/// `kefir.db.unreadable-<instant>` (then `-wal`, `-shm`, `-journal`), never
/// written or deleted. Use only while no store is open on the location.
public struct DatabaseRecovery: Sendable {
    public static let asideInfix = ".unreadable-"
    private static let staging = ".restoring"

    public let location: DatabaseLocation

    public init(location: DatabaseLocation) {
        self.location = location
    }

    private var db: URL { location.databaseURL }

    private func companions(_ main: URL) -> [URL] {
        ([""] + DatabaseLocation.companionSuffixes).map { URL(fileURLWithPath: main.path + $0) }
    }

    /// Set the old files aside; the next open creates an empty journal. Returns where they went.
    public func startFresh(now: Date = Date()) throws -> [URL] {
        try setAside(now: now)
    }

    /// Import `backup` into a new database next to the old one (`.intoEmpty`:
    /// the core validates the whole file first). Only when that succeeds is
    /// the old file set aside and the new one moved into place; a refused
    /// backup throws the core's error and moves nothing. An encrypted backup
    /// needs its `passphrase` (`KefirError.PassphraseRequired` /
    /// `.WrongPassphrase` otherwise, nothing moved: ask with
    /// `passphraseQuestion(for:)` and call again).
    public func restore(from backup: URL, passphrase: String? = nil,
                        now: Date = Date()) async throws -> (summary: ImportSummary, aside: [URL])
    {
        let fm = FileManager.default
        let staging = URL(fileURLWithPath: db.path + Self.staging)
        for url in companions(staging) { try? fm.removeItem(at: url) }
        let summary: ImportSummary
        do {
            summary = try await Self.importInto(staging, from: backup, passphrase: passphrase)
        } catch {
            for url in companions(staging) { try? fm.removeItem(at: url) }
            throw error
        }
        let aside = try setAside(now: now)
        for (from, to) in zip(companions(staging), companions(db)) where fm.fileExists(atPath: from.path) {
            try fm.moveItem(at: from, to: to)
        }
        try? location.applyProtection()
        return (summary, aside)
    }

    /// Opens a store only for the import; it is closed (released) on return.
    private static func importInto(_ path: URL, from backup: URL, passphrase: String?) async throws -> ImportSummary {
        let store = try KefirStore(databasePath: path.path)
        return try await store.importBackup(from: backup, passphrase: passphrase, mode: .intoEmpty, confirmed: false)
    }

    /// Files set aside before, by name.
    public func asideFiles() -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: location.directory.path)) ?? []
        return names.filter { $0.hasPrefix(DatabaseLocation.databaseFileName + Self.asideInfix) }.sorted()
            .map { location.directory.appendingPathComponent($0) }
    }

    private func setAside(now: Date) throws -> [URL] {
        let fm = FileManager.default
        // `2025-03-10T08-30-00Z`: ISO 8601 in UTC with ':' replaced (not allowed in every file name).
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        let stamp = formatter.string(from: now).replacingOccurrences(of: ":", with: "-")
        var base = URL(fileURLWithPath: db.path + Self.asideInfix + stamp)
        var n = 1
        while companions(base).contains(where: { fm.fileExists(atPath: $0.path) }) {
            base = URL(fileURLWithPath: db.path + Self.asideInfix + stamp + "-\(n)")
            n += 1
        }
        var moved: [URL] = []
        for (from, to) in zip(companions(db), companions(base)) where fm.fileExists(atPath: from.path) {
            try fm.moveItem(at: from, to: to)
            moved.append(to)
        }
        return moved
    }
}
