import Foundation
import KefirKit
import XCTest

final class FormattingTests: XCTestCase {
    private let berlin = TimeZone(identifier: "Europe/Berlin")!
    private let instant = Date(timeIntervalSince1970: 1_741_595_400)  // 2025-03-10T08:30Z

    func testMillilitersUseTheLocalesDigitsAndAUnit() {
        let us = KefirFormat.milliliters(1_000, locale: Locale(identifier: "en_US"))
        let de = KefirFormat.milliliters(1_000, locale: Locale(identifier: "de_DE"))
        XCTAssertTrue(us.hasPrefix("1,000"), us)
        XCTAssertTrue(de.hasPrefix("1.000"), de)
        XCTAssertTrue(us.lowercased().hasSuffix("ml"), us)
        XCTAssertTrue(KefirFormat.milliliters(75, locale: Locale(identifier: "en_US")).hasPrefix("75"))
        XCTAssertFalse(KefirFormat.millilitersSpoken(75, locale: Locale(identifier: "en_US")).isEmpty)
    }

    func testTimesAreShownInTheGivenZoneAndLocale() {
        let de = KefirFormat.time(instant, locale: Locale(identifier: "de_DE"), timeZone: berlin)
        XCTAssertTrue(de.hasSuffix("9:30") && !de.contains("AM"), de)
        let us = KefirFormat.time(instant, locale: Locale(identifier: "en_US"), timeZone: berlin)
        XCTAssertTrue(us.hasPrefix("9:30") && us.contains("AM"), us)
        let full = KefirFormat.dateTime(instant, locale: Locale(identifier: "en_US"), timeZone: berlin)
        XCTAssertTrue(full.contains("2025") && full.contains("9:30"), full)
    }

    func testISODaysFromTheCoreAreShownWithoutShifting() {
        // Whatever the device zone, the core's calendar day stays that day.
        XCTAssertEqual(KefirFormat.day(iso: "2025-03-10", locale: Locale(identifier: "en_US")), "Mon, Mar 10, 2025")
        XCTAssertNil(KefirFormat.day(iso: "2025-02-30"))
        XCTAssertNil(KefirFormat.day(iso: "10.03.2025"))
        XCTAssertNil(KefirFormat.dateOfISODay("2025-3-10"))
        let picked = KefirFormat.dateOfISODay("2025-12-31")!
        XCTAssertEqual(KefirFormat.isoDay(of: picked, in: TimeZone(identifier: "UTC")!), "2025-12-31")
        // A picker's date (local midnight) maps back to the day it shows.
        XCTAssertEqual(KefirFormat.isoDay(of: instant, in: berlin), "2025-03-10")
        XCTAssertEqual(KefirFormat.isoDay(of: Date(timeIntervalSince1970: 1_741_651_200), in: berlin), "2025-03-11")
    }

    func testPickerDatesShowTheCoresDayInAnyZone() throws {
        for id in ["Pacific/Kiritimati", "America/Los_Angeles", "UTC", "Asia/Kolkata", "America/Sao_Paulo"] {
            let zone = try XCTUnwrap(TimeZone(identifier: id))
            for day in ["2025-03-10", "2025-10-26", "2018-11-04", "2024-02-29"] {
                let picked = try XCTUnwrap(KefirFormat.pickerDate(ofISODay: day, in: zone))
                XCTAssertEqual(KefirFormat.isoDay(of: picked, in: zone), day, id)
            }
        }
        XCTAssertNil(KefirFormat.pickerDate(ofISODay: "2025-13-01"))
    }

    func testReminderTimesRoundTripThroughATimePicker() throws {
        for id in ["Europe/Berlin", "America/St_Johns", "Asia/Kathmandu", "Pacific/Chatham"] {
            let zone = try XCTUnwrap(TimeZone(identifier: id))
            for hhmm in ["00:00", "08:30", "20:00", "23:59"] {
                let picked = try XCTUnwrap(KefirFormat.pickerTime(hhmm: hhmm, in: zone))
                XCTAssertEqual(KefirFormat.hhmm(of: picked, in: zone), hhmm, id)
            }
        }
        XCTAssertEqual(KefirFormat.hhmm(of: try XCTUnwrap(KefirFormat.pickerTime(hhmm: "8:05"))), "08:05")
        for bad in ["24:00", "12:60", "1230", "ab:cd", "12:5", ""] {
            XCTAssertNil(KefirFormat.pickerTime(hhmm: bad), bad)
        }
    }

    func testVocabulariesAreCompleteAndDistinct() {
        XCTAssertEqual(Set(Symptom.allCases).count, Symptom.allCases.count)
        XCTAssertEqual(Symptom.allCases.count, 16)
        XCTAssertEqual(Severity.allCases, [.none, .mild, .moderate, .severe])
        XCTAssertEqual(Set(Condition.allCases).count, 14)
        XCTAssertEqual(Set(MedClass.allCases).count, 7)
        XCTAssertEqual(KefirKind.allCases.count, 5)
    }

    func testDatabaseLocationCreatesItsDirectory() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kefirkit-loc-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let location = DatabaseLocation(directory: dir)
        try location.prepare(includeInDeviceBackup: false)
        var isDir: ObjCBool = false
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir) && isDir.boolValue)
        XCTAssertEqual(location.databaseURL.lastPathComponent, "kefir.db")
        #if canImport(Darwin)
        XCTAssertEqual(location.isExcludedFromBackup(), true)
        try location.applyBackupPreference(includeInDeviceBackup: true)
        XCTAssertEqual(location.isExcludedFromBackup(), false)
        #else
        XCTAssertNil(location.isExcludedFromBackup())
        #endif
    }
}
