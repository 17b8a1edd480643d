import Foundation
import KefirKit
import XCTest

final class ReportTests: StoreTestCase {
    /// Two days of a plan with drinks and check-ins, then the exports.
    private func twoDays() async throws {
        _ = try await store.saveProfile(Self.profile(medicines: [.antibiotic]), now: mondayMorning)
        _ = try await store.startPlan(PlanSettings(), now: mondayMorning, timeZone: tz)
        for day in 0..<2 {
            _ = try await store.logDrink(Self.drink(50, at: at(day: day, hour: 10)),
                                         now: at(day: day, hour: 10), timeZone: tz)
            let iso = try await store.today(now: at(day: day, hour: 20), timeZone: tz).date
            let symptoms = day == 1 ? [SymptomEntry(symptom: .bloating, severity: .mild)] : []
            _ = try await store.saveCheckin(CheckinInput(day: iso, symptoms: symptoms, bristol: 4, note: nil),
                                            now: at(day: day, hour: 20), timeZone: tz)
        }
    }

    func testSummaryCountsTheRange() async throws {
        try await twoDays()
        let summary = try await store.summary(fromDay: "2025-03-10", toDay: "2025-03-11",
                                              now: at(day: 1, hour: 21), timeZone: tz)
        XCTAssertEqual(summary.fromDate, "2025-03-10")
        XCTAssertEqual(summary.toDate, "2025-03-11")
        XCTAssertEqual(summary.timeZone, tz)
        XCTAssertEqual(summary.totals.days, 2)
        XCTAssertEqual(summary.totals.totalMl, 100)
        XCTAssertEqual(summary.totals.drinks, 2)
        XCTAssertEqual(summary.totals.checkinDays, 2)
        XCTAssertTrue(summary.symptoms.contains { $0.symptom == .bloating })
        XCTAssertTrue(summary.findings.contains { $0.ruleId == "M1" })
        XCTAssertFalse(summary.disclaimer.isEmpty)
    }

    func testAPdfIsWrittenToAPath() async throws {
        try await twoDays()
        let url = dir.appendingPathComponent("summary.pdf")
        try await store.writePdf(fromDay: "2025-03-10", toDay: "2025-03-11", paper: .a4, to: url,
                                 now: at(day: 1, hour: 21), timeZone: tz)
        let data = try Data(contentsOf: url)
        XCTAssertGreaterThan(data.count, 1_000)
        XCTAssertEqual(String(decoding: data.prefix(5), as: UTF8.self), "%PDF-")
        XCTAssertTrue(String(decoding: data.suffix(64), as: UTF8.self).contains("%%EOF"))

        let letter = dir.appendingPathComponent("summary-letter.pdf")
        try await store.writePdf(fromDay: "2025-03-10", toDay: "2025-03-11", paper: .letter, to: letter,
                                 now: at(day: 1, hour: 21), timeZone: tz)
        XCTAssertNotEqual(try Data(contentsOf: letter), data)
    }

    func testAFhirBundleIsWrittenToAPath() async throws {
        try await twoDays()
        let url = dir.appendingPathComponent("summary.fhir.json")
        try await store.writeFhir(fromDay: "2025-03-10", toDay: "2025-03-11", to: url,
                                  now: at(day: 1, hour: 21), timeZone: tz)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        XCTAssertEqual(json["resourceType"] as? String, "Bundle")
        let entries = try XCTUnwrap(json["entry"] as? [[String: Any]])
        XCTAssertFalse(entries.isEmpty)
    }

    func testCsvFilesAreWrittenIntoAFolder() async throws {
        try await twoDays()
        let folder = dir.appendingPathComponent("csv", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let files = try await store.writeCsv(fromDay: "2025-03-10", toDay: "2025-03-11", into: folder, timeZone: tz)
        XCTAssertEqual(files.count, 2)
        for file in files {
            XCTAssertEqual(file.deletingLastPathComponent().standardizedFileURL.path, folder.standardizedFileURL.path)
            XCTAssertFalse(try String(contentsOf: file, encoding: .utf8).isEmpty)
        }
    }

    func testAReversedRangeIsRefused() async throws {
        do {
            _ = try await store.summary(fromDay: "2025-03-11", toDay: "2025-03-10", now: mondayMorning, timeZone: tz)
            XCTFail("a summary from a later day to an earlier one")
        } catch KefirError.InvalidInput {
        }
    }
}
