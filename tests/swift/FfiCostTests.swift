// FFI cost: the Today call timed from Swift (XCTest through the generated
// uniffi bindings) on a realistic database, to compare with the direct Rust
// call on the same data (bindings/tests/ffi_cost.rs, same script, same N;
// numbers in BENCHMARKS.md). It prints the mean and asserts only sanity
// (every call returns the same day, target and drinks), never a timing.
//
// For meaningful numbers run against the release library:
//   PROFILE=release bash scripts/test-swift.sh --filter FfiCostTests
import Foundation
import Kefir
import XCTest

final class FfiCostTests: XCTestCase {
    private var dir: URL!
    private let tz = "Europe/Berlin"
    private let day0 = Date(timeIntervalSince1970: 1_735_689_600)  // 2025-01-01T00:00:00Z
    private let calls = 1000
    private let warmup = 1000

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("kefir-swift-fficost-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    /// Day `d` of the script at `h`:`m` UTC.
    private func at(_ d: Int, _ h: Int, _ m: Int) -> Date {
        day0.addingTimeInterval(TimeInterval(d * 86_400 + h * 3_600 + m * 60))
    }

    private func isoDay(_ d: Int) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        return f.string(from: at(d, 12, 0))
    }

    /// The scripted database (identical in ffi_cost.rs and FfiCostTest.kt):
    /// 120 days from 2025-01-01, a plan decided every morning, 5 drinks a day,
    /// a check-in every evening (mild gas every tenth day), an antibiotic
    /// every 8 h on days 100..109 (the last dose foresees none). Returns "now": day 119 at 17:00 UTC.
    private func buildRealisticDb(_ app: KefirApp) throws -> Date {
        _ = try app.saveProfile(
            profile: Profile(displayName: nil, ageBand: .adult, conditions: [], medicines: [.antibiotic],
                             preferredKinds: [], preferredSources: []),
            now: at(0, 5, 0), locale: "en")
        _ = try app.startPlan(settings: PlanSettings(), now: at(0, 5, 0), timeZone: tz, locale: "en")
        for d in 0..<120 {
            let med = (100..<110).contains(d)
            if med {
                for h in [6, 14, 22] {
                    // The course's last dose foresees no next one.
                    let interval: UInt32? = (d == 109 && h == 22) ? nil : 8
                    _ = try app.logDose(input: DoseInput(medicine: .antibiotic, at: at(d, h, 0), intervalHours: interval, note: nil),
                                        now: at(d, h, 0), timeZone: tz, locale: "en")
                }
            }
            _ = try app.today(now: at(d, 5, 30), timeZone: tz, locale: "en")
            let times = med ? [(9, 15), (9, 45), (10, 30), (17, 20), (18, 10)] : [(6, 30), (9, 0), (12, 0), (15, 0), (18, 30)]
            for (i, (h, m)) in times.enumerated() {
                if d == 119 && h >= 17 { continue }
                let t = at(d, h, m)
                _ = try app.logDrink(input: DrinkInput(at: t, ml: 30, kind: .milkCow, source: .commercial,
                                                       note: i == 0 ? "day \(d)" : nil, batch: nil),
                                     now: t, timeZone: tz, locale: "en")
            }
            if d < 119 {
                let symptoms = d % 10 == 3 ? [SymptomEntry(symptom: .gas, severity: .mild)] : []
                _ = try app.saveCheckin(input: CheckinInput(day: isoDay(d), symptoms: symptoms, bristol: 4, note: nil),
                                        now: at(d, 20, 0), timeZone: tz, locale: "en")
            }
        }
        return at(119, 17, 0)
    }

    func testTodayCallCostFromSwift() throws {
        let app = try KefirApp(dbPath: dir.appendingPathComponent("kefir.db").path)
        let now = try buildRealisticDb(app)
        let first = try app.today(now: now, timeZone: tz, locale: "en")
        XCTAssertNotNil(first.targetMl)
        XCTAssertGreaterThan(first.targetMl ?? 0, 0, "the plan should be running: \(first.headline)")
        XCTAssertEqual(first.drinks.count, 4)
        for _ in 0..<warmup { _ = try app.today(now: now, timeZone: tz, locale: "en") }
        var sameEveryTime = true
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<calls {
            let t = try app.today(now: now, timeZone: tz, locale: "en")
            if t.targetMl != first.targetMl || t.date != first.date || t.drinks != first.drinks { sameEveryTime = false }
        }
        let meanUs = Double(DispatchTime.now().uptimeNanoseconds - start) / 1000.0 / Double(calls)
        print(String(format: "ffi-cost: swift KefirApp.today mean %.1f us over %d calls (date %@, target %d ml, %d drinks)",
                     meanUs, calls, first.date, Int(first.targetMl ?? 0), first.drinks.count))
        XCTAssertTrue(sameEveryTime, "today() returned a different day, target or drinks between calls")
        // A call with a tiny result (no spacing window is open): the fixed cost of a call.
        for _ in 0..<warmup { _ = try app.spacing(now: now, timeZone: tz, locale: "en") }
        var empty = true
        let s0 = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<calls { empty = try app.spacing(now: now, timeZone: tz, locale: "en").isEmpty && empty }
        let smallUs = Double(DispatchTime.now().uptimeNanoseconds - s0) / 1000.0 / Double(calls)
        print(String(format: "ffi-cost: swift KefirApp.spacing (empty result) mean %.1f us over %d calls", smallUs, calls))
        XCTAssertTrue(empty, "spacing() should be empty 10 days after the last dose")
    }

    /// A panic inside a real exported call (today with a date near the end of
    /// the supported range overflows in the core's time arithmetic; once that
    /// bug is fixed the same call gives InvalidInput) reaches Swift as a thrown
    /// error: the process is not aborted and the app keeps working.
    func testAPanicInsideACallIsAnErrorAndTheAppSurvives() throws {
        let app = try KefirApp(dbPath: dir.appendingPathComponent("panic.db").path)
        let now = Date(timeIntervalSince1970: 1_773_144_000)  // 2026-03-10T12:00:00Z
        _ = try app.logDrink(input: DrinkInput(at: now, ml: 50, kind: .milkCow, source: .commercial, note: nil, batch: nil),
                             now: now, timeZone: tz, locale: "en")
        let extreme = Date(timeIntervalSince1970: 8_210_266_876_799)  // +262142-12-31T23:59:59Z
        XCTAssertThrowsError(try app.today(now: extreme, timeZone: tz, locale: "en")) { error in
            print("ffi-cost: extreme date gave \(error)")
        }
        XCTAssertEqual(try app.today(now: now, timeZone: tz, locale: "en").drunkMl, 50)
        _ = try app.logDrink(input: DrinkInput(at: now, ml: 25, kind: .milkCow, source: .commercial, note: nil, batch: nil),
                             now: now, timeZone: tz, locale: "en")
        XCTAssertEqual(try app.today(now: now, timeZone: tz, locale: "en").drunkMl, 75)
    }
}
