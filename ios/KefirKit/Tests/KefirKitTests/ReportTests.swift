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
        XCTAssertEqual(files.count, 4)
        for file in files {
            XCTAssertEqual(file.deletingLastPathComponent().standardizedFileURL.path, folder.standardizedFileURL.path)
            XCTAssertFalse(try String(contentsOf: file, encoding: .utf8).isEmpty)
        }
    }

    /// The Reports screen's default range is the core's: four weeks to today
    /// without a plan, then from the plan's first day.
    func testTheDefaultRangeComesFromTheCore() async throws {
        let noPlan = try await store.reportRange(now: mondayMorning, timeZone: tz)
        XCTAssertEqual(noPlan, ReportRange(fromDay: "2025-02-11", toDay: "2025-03-10"))

        _ = try await store.startPlan(PlanSettings(), now: at(day: 1), timeZone: tz)
        let range = try await store.reportRange(now: at(day: 3), timeZone: tz)
        XCTAssertEqual(range.fromDay, "2025-03-11")
        XCTAssertEqual(range.toDay, "2025-03-13")
        let summary = try await store.summary(fromDay: range.fromDay, toDay: range.toDay, now: at(day: 3), timeZone: tz)
        XCTAssertEqual(summary.totals.days, 3)
    }

    /// Day rows and plan events carry the decision as the core's enum.
    func testPlanDecisionsInTheSummaryAreTyped() async throws {
        try await twoDays()
        _ = try await store.pausePlan(now: at(day: 2, hour: 9), timeZone: tz)
        let summary = try await store.summary(fromDay: "2025-03-10", toDay: "2025-03-12",
                                              now: at(day: 2, hour: 10), timeZone: tz)
        XCTAssertEqual(summary.days.map(\.decision), [.start, .hold, .pause])
        // Routine days (hold) are no plan events.
        XCTAssertEqual(summary.planEvents.map(\.decision), [.start, .pause])
        XCTAssertEqual(summary.planEvents.map(\.date), ["2025-03-10", "2025-03-12"])
        XCTAssertTrue(summary.planEvents.allSatisfy { !$0.reason.isEmpty })
    }

    func testAReversedRangeIsRefused() async throws {
        do {
            _ = try await store.summary(fromDay: "2025-03-11", toDay: "2025-03-10", now: mondayMorning, timeZone: tz)
            XCTFail("a summary from a later day to an earlier one")
        } catch KefirError.InvalidInput {
        }
    }
}
