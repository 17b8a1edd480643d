// Reminders, rhythm and the doctor exports through the Swift bindings.
import Foundation
import Kefir
import XCTest

final class RemindersReportsTests: XCTestCase {
    private var dir: URL!
    private let tz = "America/New_York"

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("kefir-swift-reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    private func at(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }

    func testUpcomingNotificationsHaveStableIdsAndTheTarget() throws {
        let app = try KefirApp(dbPath: dir.appendingPathComponent("k.db").path)
        let now = at("2026-11-26T11:00:00Z")
        _ = try app.startPlan(settings: PlanSettings(), now: now, timeZone: tz, locale: "en")
        var settings = try app.reminderSettings()
        settings.checkinTimes = ["21:15"]
        _ = try app.saveReminderSettings(settings: settings)
        let list = try app.upcomingNotifications(now: now, timeZone: tz, count: 6, locale: "en")
        XCTAssertEqual(list, try app.upcomingNotifications(now: now, timeZone: tz, count: 6, locale: "en"))
        XCTAssertEqual(Set(list.map { $0.id }).count, list.count)
        let drink = try XCTUnwrap(list.first { $0.kind == .drinkReminder })
        XCTAssertEqual(drink.id, "drink-2026-11-26")
        XCTAssertEqual(drink.fireAt, at("2026-11-26T13:30:00Z"))
        XCTAssertEqual(list.first { $0.kind == .checkin }?.fireAt, at("2026-11-27T02:15:00Z"))
        settings.checkinTimes = ["24:61"]
        XCTAssertThrowsError(try app.saveReminderSettings(settings: settings)) { error in
            guard case KefirError.InvalidInput(let field, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(field, "checkin_times")
        }
    }

    func testWritesAPdfAFhirBundleAndCsv() throws {
        let app = try KefirApp(dbPath: dir.appendingPathComponent("k.db").path)
        _ = try app.startPlan(settings: PlanSettings(), now: at("2026-11-01T12:00:00Z"), timeZone: tz, locale: "en")
        for d in 1...5 {
            let day = "2026-11-0\(d)"
            let drinkAt = at("\(day)T13:00:00Z")
            _ = try app.logDrink(input: DrinkInput(at: drinkAt, ml: 50, kind: .milkCow, source: .commercial, note: nil, batch: nil),
                                 now: drinkAt, timeZone: tz, locale: "en")
            _ = try app.saveCheckin(input: CheckinInput(day: day, symptoms: [], bristol: 4, note: nil),
                                    now: at("\(day)T23:00:00Z"), timeZone: tz, locale: "en")
        }
        let now = at("2026-11-06T12:00:00Z")
        let summary = try app.summary(fromDay: "2026-11-01", toDay: "2026-11-05", now: now, timeZone: tz, locale: "en")
        XCTAssertEqual(summary.totals.totalMl, 250)
        let pdf = dir.appendingPathComponent("summary.pdf")
        try app.writePdf(fromDay: "2026-11-01", toDay: "2026-11-05", paper: .a4, path: pdf.path, now: now, timeZone: tz, locale: "en")
        XCTAssertEqual(String(decoding: try Data(contentsOf: pdf).prefix(5), as: UTF8.self), "%PDF-")
        let fhir = dir.appendingPathComponent("summary.json")
        try app.writeFhir(fromDay: "2026-11-01", toDay: "2026-11-05", path: fhir.path, now: now, timeZone: tz, locale: "en")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: fhir)) as? [String: Any]
        XCTAssertEqual(json?["resourceType"] as? String, "Bundle")
        let csv = try app.writeCsv(fromDay: "2026-11-01", toDay: "2026-11-05", dir: dir.path, timeZone: tz, locale: "en")
        XCTAssertEqual(csv.map { URL(fileURLWithPath: $0).lastPathComponent.split(separator: "-")[1] }, ["drinks", "checkins", "reactions", "doses"])
        XCTAssertEqual(try app.rhythm(fromDay: "2026-11-01", toDay: "2026-11-05", now: now, timeZone: tz, locale: "en").streakDays, 5)
    }
}
