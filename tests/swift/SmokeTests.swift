// Smoke test: the generated Swift bindings (module `Kefir`, staged by
// scripts/test-swift.sh) load the real libkefir_ffi and round-trip a drink
// through a SQLite database in a temp dir.
import Foundation
import Kefir
import XCTest

final class SmokeTests: XCTestCase {
    private var dir: URL!
    private let tz = "Europe/Berlin"
    private let now = Date(timeIntervalSince1970: 1_741_595_400)  // 2025-03-10T08:30:00Z

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("kefir-swift-smoke-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    private func openApp() throws -> KefirApp {
        try KefirApp(dbPath: dir.appendingPathComponent("kefir.db").path)
    }

    func testLogListAndTotalADrink() throws {
        let app = try openApp()
        let input = DrinkInput(at: now, ml: 150, kind: .milkCow, source: .homemade, note: "first glass")
        let drink = try app.logDrink(input: input, now: now, timeZone: tz, locale: "en").drink
        XCTAssertEqual(drink.ml, 150)
        XCTAssertEqual(drink.at, now)
        XCTAssertEqual(drink.note, "first glass")

        let hour: TimeInterval = 3600
        let listed = try app.listDrinks(from: now.addingTimeInterval(-hour), to: now.addingTimeInterval(hour))
        XCTAssertEqual(listed, [drink])

        let totals = try app.dailyTotals(from: now, to: now, timeZone: tz)
        XCTAssertEqual(totals.first(where: { $0.date == "2025-03-10" })?.ml, 150)

        // Reopening the same file sees the stored drink.
        let reopened = try openApp()
        XCTAssertEqual(try reopened.listDrinks(from: now.addingTimeInterval(-hour), to: now.addingTimeInterval(hour)).count, 1)
    }

    func testInvalidInputNamesTheField() throws {
        let app = try openApp()
        let input = DrinkInput(at: now, ml: 0, kind: .milkCow, source: .homemade, note: nil)
        XCTAssertThrowsError(try app.logDrink(input: input, now: now, timeZone: tz, locale: "en")) { error in
            guard case let KefirError.InvalidInput(field, reason) = error else {
                return XCTFail("expected KefirError.InvalidInput, got \(error)")
            }
            XCTAssertEqual(field, "ml")
            XCTAssertFalse(reason.isEmpty)
        }
    }
}
