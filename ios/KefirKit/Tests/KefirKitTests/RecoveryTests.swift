import Foundation
import KefirKit
import XCTest

/// Import confirmation, the failed-open recovery and the Reports model, on
/// real databases in a temp directory.
final class RecoveryTests: StoreTestCase {
    private func backupWithOneDrink() async throws -> URL {
        let otherDir = dir.appendingPathComponent("other", isDirectory: true)
        let other = DatabaseLocation(directory: otherDir)
        try other.prepare(includeInDeviceBackup: false)
        let source = try KefirStore(location: other)
        _ = try await source.logDrink(Self.drink(70, at: mondayMorning), now: mondayMorning, timeZone: tz)
        let file = dir.appendingPathComponent("picked-\(UUID().uuidString).json")
        try await source.exportBackup(to: file, passphrase: nil, now: mondayMorning)
        return file
    }

    private func drunk() async throws -> UInt32 {
        try await store.today(now: mondayMorning, timeZone: tz).drunkMl
    }

    // MARK: import

    func testAnEmptyJournalTakesTheBackupWithoutAQuestion() async throws {
        let copy = try await backupWithOneDrink()
        let step = try await ImportFlow(store: store).start(copy: copy)
        guard case let .done(summary) = step else { return XCTFail("\(step)") }
        XCTAssertEqual(summary.drinks, 1)
        let v0 = try await drunk()
        XCTAssertEqual(v0, 70)
        XCTAssertFalse(FileManager.default.fileExists(atPath: copy.path))
    }

    func testWithDataTheCoreAsksAndOnlyConfirmReplaces() async throws {
        _ = try await store.logDrink(Self.drink(30, at: mondayMorning), now: mondayMorning, timeZone: tz)
        let flow = ImportFlow(store: store)
        let copy = try await backupWithOneDrink()
        let step = try await flow.start(copy: copy)
        guard case let .needsConfirmation(question) = step else { return XCTFail("\(step)") }
        XCTAssertTrue(question.contains("replace"), question)
        let v1 = try await drunk()
        XCTAssertEqual(v1, 30)
        let waiting = await flow.waiting
        XCTAssertEqual(waiting, copy)
        guard case .done = try await flow.confirm() else { return XCTFail("not imported") }
        let v2 = try await drunk()
        XCTAssertEqual(v2, 70)
        XCTAssertFalse(FileManager.default.fileExists(atPath: copy.path))
        guard case .cancelled = try await flow.confirm() else { return XCTFail("confirmed twice") }
    }

    func testCancelAndARefusedFileChangeNothingAndDeleteTheCopy() async throws {
        _ = try await store.logDrink(Self.drink(30, at: mondayMorning), now: mondayMorning, timeZone: tz)
        let flow = ImportFlow(store: store)
        let copy = try await backupWithOneDrink()
        _ = try await flow.start(copy: copy)
        _ = await flow.cancel()
        XCTAssertFalse(FileManager.default.fileExists(atPath: copy.path))
        let bad = dir.appendingPathComponent("bad.json")
        try Data("{\"format\":\"something-else\"}".utf8).write(to: bad)
        do {
            _ = try await flow.start(copy: bad)
            XCTFail("a foreign file was imported")
        } catch KefirError.BackupRejected {}
        XCTAssertFalse(FileManager.default.fileExists(atPath: bad.path))
        let v3 = try await drunk()
        XCTAssertEqual(v3, 30)
    }

    // MARK: failed open

    private let garbage = Data((0 ..< 8192).map { UInt8(($0 * 31) % 251) })

    /// A separate location whose database file is not SQLite.
    private func brokenLocation() throws -> DatabaseLocation {
        let location = DatabaseLocation(directory: dir.appendingPathComponent("broken", isDirectory: true))
        try location.prepare(includeInDeviceBackup: false)
        try garbage.write(to: location.databaseURL)
        return location
    }

    func testAnUnreadableFileOffersRestoreAndFreshStartUnlessTheDeviceIsLocked() throws {
        let location = try brokenLocation()
        do {
            _ = try KefirStore(location: location)
            XCTFail("opened a file that is not a database")
        } catch {
            XCTAssertEqual(OpenFailure.options(for: error, protectedDataAvailable: true), [.restoreBackup, .startFresh, .retry])
            XCTAssertEqual(OpenFailure.options(for: error, protectedDataAvailable: false), [.waitForUnlock])
        }
        XCTAssertEqual(OpenFailure.options(for: KefirError.DatabaseTooNew(found: 9, supported: 3), protectedDataAvailable: true),
                       [.retry])
        XCTAssertEqual(try Data(contentsOf: location.databaseURL), garbage, "left byte for byte")
    }

    func testStartFreshKeepsTheOldFileAsideAndOpensEmpty() async throws {
        let location = try brokenLocation()
        let recovery = DatabaseRecovery(location: location)
        let aside = try recovery.startFresh(now: mondayMorning)
        XCTAssertEqual(aside.map(\.lastPathComponent), ["kefir.db.unreadable-2025-03-10T08-00-00Z"])
        XCTAssertEqual(try Data(contentsOf: aside[0]), garbage)
        let fresh = try KefirStore(location: location)
        let v4 = try await fresh.today(now: mondayMorning, timeZone: tz).needsScreening
        XCTAssertTrue(v4)
        XCTAssertEqual(recovery.asideFiles(), aside)
    }

    func testRestoreImportsFirstAndOnlyThenSetsTheOldFileAside() async throws {
        let location = try brokenLocation()
        let backup = try await backupWithOneDrink()
        let recovery = DatabaseRecovery(location: location)
        let (summary, aside) = try await recovery.restore(from: backup, now: mondayMorning)
        XCTAssertEqual(summary.drinks, 1)
        XCTAssertEqual(try Data(contentsOf: aside[0]), garbage)
        let restored = try KefirStore(location: location)
        let v5 = try await restored.today(now: mondayMorning, timeZone: tz).drunkMl
        XCTAssertEqual(v5, 70)
        let names = try FileManager.default.contentsOfDirectory(atPath: location.directory.path)
        XCTAssertFalse(names.contains { $0.contains(".restoring") }, "\(names)")
    }

    func testARefusedBackupMovesNothing() async throws {
        let location = try brokenLocation()
        let bad = dir.appendingPathComponent("bad.json")
        try Data("{\"format\":\"kefir-backup\",\"version\":999}".utf8).write(to: bad)
        let recovery = DatabaseRecovery(location: location)
        do {
            _ = try await recovery.restore(from: bad, now: mondayMorning)
            XCTFail("restored from a refused backup")
        } catch KefirError.BackupRejected {}
        XCTAssertEqual(try Data(contentsOf: location.databaseURL), garbage)
        XCTAssertEqual(recovery.asideFiles(), [])
        // Two fresh starts at the same instant never overwrite each other.
        _ = try recovery.startFresh(now: mondayMorning)
        try Data(garbage.reversed()).write(to: location.databaseURL)
        let second = try recovery.startFresh(now: mondayMorning)
        XCTAssertEqual(second.map(\.lastPathComponent), ["kefir.db.unreadable-2025-03-10T08-00-00Z-1"])
        XCTAssertEqual(recovery.asideFiles().count, 2)
    }

    // MARK: reports

    func testTheReportsModelKeepsTheCoresRangeUntilChosenAndWritesEachFile() async throws {
        let model = ReportsModel(store: store, directory: dir.appendingPathComponent("Reports", isDirectory: true))
        let range = try await model.range(now: mondayMorning, timeZone: tz)
        XCTAssertEqual(range.fromDay, "2025-02-11")
        XCTAssertEqual(range.toDay, "2025-03-10")
        _ = try await store.logDrink(Self.drink(60, at: mondayMorning), now: mondayMorning, timeZone: tz)
        let v6 = try await model.summary(now: mondayMorning, timeZone: tz).totals.totalMl
        XCTAssertEqual(v6, 60)

        let pdf = try await model.write(.pdf, paper: .letter, now: mondayMorning, timeZone: tz)
        XCTAssertEqual(pdf.map(\.lastPathComponent), ["Kefir summary 2025-02-11 to 2025-03-10.pdf"])
        XCTAssertEqual(String(decoding: try Data(contentsOf: pdf[0]).prefix(4), as: UTF8.self), "%PDF")
        let fhir = try await model.write(.fhir, paper: .a4, now: mondayMorning, timeZone: tz)
        XCTAssertTrue(String(decoding: try Data(contentsOf: fhir[0]), as: UTF8.self).contains("\"Bundle\""))
        let csv = try await model.write(.csv, paper: .a4, now: mondayMorning, timeZone: tz)
        XCTAssertEqual(csv.count, 4)

        await model.choose(fromDay: "2025-03-10", toDay: "2025-03-10")
        let kept = try await model.range(now: at(day: 5), timeZone: tz)
        XCTAssertEqual(kept.fromDay, "2025-03-10", "a reload keeps the chosen range")
        await model.choose(fromDay: "2025-03-11", toDay: "2025-03-10")
        do {
            _ = try await model.summary(now: mondayMorning, timeZone: tz)
            XCTFail("a backwards range was accepted")
        } catch KefirError.InvalidInput {}
    }
}
