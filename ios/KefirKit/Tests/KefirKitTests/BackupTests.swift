import Foundation
import KefirKit
import XCTest

final class BackupTests: StoreTestCase {
    func testABackupIsWrittenToAPathAndRestoresIntoAnEmptyDatabase() async throws {
        _ = try await store.saveProfile(Self.profile(conditions: [.lactoseIntolerance]), now: mondayMorning)
        _ = try await store.logDrink(Self.drink(50, at: mondayMorning), now: mondayMorning, timeZone: tz)
        _ = try await store.saveCheckin(CheckinInput(day: "2025-03-10", symptoms: [], bristol: 4, note: nil),
                                        now: at(day: 0, hour: 20), timeZone: tz)

        let file = dir.appendingPathComponent("kefir-backup.json")
        try await store.exportBackup(to: file, passphrase: nil, now: at(day: 0, hour: 21))
        let data = try Data(contentsOf: file)
        XCTAssertGreaterThan(data.count, 0)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(json["format"] as? String, "kefir-backup")

        // A second device: a fresh database in another directory.
        let otherDir = dir.appendingPathComponent("other", isDirectory: true)
        let other = DatabaseLocation(directory: otherDir)
        try other.prepare(includeInDeviceBackup: false)
        let restored = try KefirStore(location: other)
        let summary = try await restored.importBackup(from: file, mode: .intoEmpty, confirmed: false)
        XCTAssertEqual(summary.drinks, 1)
        XCTAssertEqual(summary.checkins, 1)
        XCTAssertEqual(summary.profileVersions, 1)
        let today = try await restored.today(now: at(day: 0, hour: 21), timeZone: tz)
        XCTAssertEqual(today.drunkMl, 50)
        XCTAssertTrue(today.checkinDone)
        let profile = try await restored.profile()
        XCTAssertEqual(profile.conditions, [.lactoseIntolerance])

        // Into a database that has data: only with .replace, and only confirmed.
        do {
            _ = try await store.importBackup(from: file, mode: .replace, confirmed: false)
            XCTFail("replaced everything without confirmation")
        } catch KefirError.ConfirmationRequired {
        }
        let replaced = try await store.importBackup(from: file, mode: .replace, confirmed: true)
        XCTAssertEqual(replaced.drinks, 1)
    }

    func testAForeignFileIsRefusedAndNothingChanges() async throws {
        _ = try await store.logDrink(Self.drink(50, at: mondayMorning), now: mondayMorning, timeZone: tz)
        let file = dir.appendingPathComponent("notes.json")
        try Data(#"{"hello": "world"}"#.utf8).write(to: file)
        do {
            _ = try await store.importBackup(from: file, mode: .replace, confirmed: true)
            XCTFail("imported a file that is not a backup")
        } catch KefirError.BackupRejected(let reason) {
            XCTAssertFalse(reason.isEmpty)
        }
        let today = try await store.today(now: mondayMorning, timeZone: tz)
        XCTAssertEqual(today.drunkMl, 50)
    }

    func testDeleteEverythingAsksFirstThenLeavesNothing() async throws {
        _ = try await store.saveProfile(Self.profile(conditions: [.pregnant]), now: mondayMorning)
        _ = try await store.logDrink(Self.drink(50, at: mondayMorning), now: mondayMorning, timeZone: tz)
        do {
            try await store.wipeEverything(confirmed: false)
            XCTFail("wiped without confirmation")
        } catch KefirError.ConfirmationRequired {
        }
        let kept = try await store.profileHistory()
        XCTAssertEqual(kept.count, 1)

        try await store.wipeEverything(confirmed: true)
        let history = try await store.profileHistory()
        XCTAssertTrue(history.isEmpty)
        let today = try await store.today(now: mondayMorning, timeZone: tz)
        XCTAssertEqual(today.drunkMl, 0)
        XCTAssertTrue(today.drinks.isEmpty)
    }
}
