import Foundation

/// Where the database lives and how the file system protects it.
///
/// On iOS: `Application Support/Kefir/kefir.db`, with data protection
/// `FileProtectionType.completeUnlessOpen` on the directory (inherited by
/// SQLite's -wal/-shm/-journal files) and on the files, and excluded from
/// iCloud/iTunes backup unless the user opted in. No network, no shared
/// container, no iCloud Drive.
///
/// Why `.completeUnlessOpen` and not `.complete`: the database runs in WAL
/// mode, so every read maps the `-shm` file and reads the `-wal` file.
/// With `.complete`, about 10 s after the device locks those files become
/// unreadable even for the connection that has them open, while a reminder
/// reschedule or a notification action may still be running: the call fails
/// with an I/O error (and a failed open looks like an unreadable database).
/// With `.completeUnlessOpen` the files stay encrypted with a key the app
/// does not hold whenever they are closed; the one connection the app keeps
/// open for its lifetime keeps working after locking, and new companion
/// files may be created while locked. A file that is closed still cannot be
/// opened while locked: the app therefore opens the store only when
/// protected data is available (`OpenFailure`, `AppModel.bootstrap`), and
/// the "Log today's amount" notification action requires unlocking.
///
/// On Linux (tests) the same code creates the directory; the protection and
/// backup attributes are Apple-only and skipped.
public struct DatabaseLocation: Sendable, Equatable {
    public static let databaseFileName = "kefir.db"
    /// SQLite's companion files, which get the same protection.
    public static let companionSuffixes = ["-wal", "-shm", "-journal"]

    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    public var databaseURL: URL {
        directory.appendingPathComponent(Self.databaseFileName, isDirectory: false)
    }

    /// `Application Support/Kefir` of this app (created if missing).
    public static func applicationSupport(fileManager: FileManager = .default) throws -> DatabaseLocation {
        let base = try fileManager.url(for: .applicationSupportDirectory, in: .userDomainMask,
                                       appropriateFor: nil, create: true)
        return DatabaseLocation(directory: base.appendingPathComponent("Kefir", isDirectory: true))
    }

    /// Create the directory and apply protection and the backup preference.
    /// Call before opening the store, and again (`applyProtection`) after,
    /// so files SQLite created are covered too.
    public func prepare(includeInDeviceBackup: Bool, fileManager: FileManager = .default) throws {
        try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
        try applyProtection(fileManager: fileManager)
        try applyBackupPreference(includeInDeviceBackup: includeInDeviceBackup)
    }

    /// `FileProtectionType.completeUnlessOpen` on the directory and every
    /// database file present (see the type's documentation for why).
    public func applyProtection(fileManager: FileManager = .default) throws {
        #if os(iOS) || os(watchOS) || os(tvOS) || os(visionOS)
        let attributes: [FileAttributeKey: Any] = [.protectionKey: FileProtectionType.completeUnlessOpen]
        try fileManager.setAttributes(attributes, ofItemAtPath: directory.path)
        for url in [databaseURL] + Self.companionSuffixes.map({ URL(fileURLWithPath: databaseURL.path + $0) })
        where fileManager.fileExists(atPath: url.path) {
            try fileManager.setAttributes(attributes, ofItemAtPath: url.path)
        }
        #endif
    }

    /// Exclude the whole directory from device (iCloud/Finder) backups unless
    /// the user opted in (Settings ▸ Privacy ▸ "Include in device backup").
    public func applyBackupPreference(includeInDeviceBackup: Bool) throws {
        #if canImport(Darwin)
        var values = URLResourceValues()
        values.isExcludedFromBackup = !includeInDeviceBackup
        var url = directory
        try url.setResourceValues(values)
        #endif
    }

    /// Whether the directory is currently excluded from backups (nil where
    /// the platform has no such attribute).
    public func isExcludedFromBackup() -> Bool? {
        #if canImport(Darwin)
        return (try? directory.resourceValues(forKeys: [.isExcludedFromBackupKey]))?.isExcludedFromBackup
        #else
        return nil
        #endif
    }
}
