// The core's main flows through the generated Swift bindings and the real
// library: threads, screening, red flags, spacing, the plan, backup.
import Foundation
import Kefir
import XCTest

final class CoreFlowsTests: XCTestCase {
    private var dir: URL!
    private let tz = "Europe/Berlin"

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("kefir-swift-flows-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    private func openApp(_ name: String = "kefir.db") throws -> KefirApp {
        try KefirApp(dbPath: dir.appendingPathComponent(name).path)
    }

    /// Fixed instants are test inputs (the shells pass Date()).
    private func at(_ iso: String) -> Date {
        ISO8601DateFormatter().date(from: iso)!
    }

    private func profile(conditions: [Condition] = [], medicines: [MedClass] = []) -> Profile {
        Profile(displayName: nil, ageBand: .adult, conditions: conditions, medicines: medicines,
                preferredKinds: [], preferredSources: [])
    }

    func testFourThreadsShareOneAppAndLoseNothing() throws {
        let app = try openApp()
        let now = at("2026-11-26T12:00:00Z")
        let group = DispatchGroup()
        let errors = NSLock()
        var failures = 0
        for t in 0..<4 {
            group.enter()
            DispatchQueue.global().async {
                defer { group.leave() }
                for i in 0..<50 {
                    do {
                        let input = DrinkInput(at: now.addingTimeInterval(-Double(t * 50 + i)), ml: 10, kind: .water,
                                               source: .commercial, note: nil, batch: nil)
                        _ = try app.logDrink(input: input, now: now, timeZone: self.tz, locale: "en")
                        _ = try app.today(now: now, timeZone: self.tz, locale: "en")
                    } catch {
                        errors.lock(); failures += 1; errors.unlock()
                    }
                }
            }
        }
        XCTAssertEqual(group.wait(timeout: .now() + 60), .success)
        XCTAssertEqual(failures, 0)
        let all = try app.listDrinks(from: now.addingTimeInterval(-3600), to: now.addingTimeInterval(1))
        XCTAssertEqual(all.count, 200)
        XCTAssertEqual(Set(all.map { $0.id }).count, 200)
        XCTAssertEqual(try app.dailyTotals(from: now, to: now, timeZone: tz).first?.ml, 2000)
    }

    func testScreeningNeedsAClinicianForPregnancy() throws {
        let app = try openApp()
        let now = at("2026-11-26T08:00:00Z")
        let s = try app.saveProfile(profile: profile(conditions: [.pregnant]), now: now, locale: "en")
        XCTAssertEqual(s.level, .consult)
        XCTAssertTrue(s.needsClinician)
        XCTAssertEqual(s.findings.map { $0.ruleId }, ["P4"])
        XCTAssertThrowsError(try app.startPlan(settings: PlanSettings(), now: now, timeZone: tz, locale: "en")) { error in
            guard case KefirError.NotAllowed(_, let ruleIds) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(ruleIds, ["P4"])
        }
        XCTAssertTrue(try app.acknowledgeClinician(note: "midwife agreed", now: now, locale: "en").mayStart)
        XCTAssertEqual(try app.startPlan(settings: PlanSettings(), now: now, timeZone: tz, locale: "en").history.first?.kind, .start)
    }

    func testRedFlagCheckinIsAnEmergencyAndStopsThePlan() throws {
        let app = try openApp()
        let now = at("2026-11-26T19:00:00Z")
        _ = try app.startPlan(settings: PlanSettings(), now: now, timeZone: tz, locale: "en")
        let input = CheckinInput(day: "2026-11-26",
                                 symptoms: [SymptomEntry(symptom: .breathingDifficulty, severity: .mild)],
                                 bristol: 4, note: nil)
        let r = try app.saveCheckin(input: input, now: now, timeZone: tz, locale: "en")
        XCTAssertEqual(r.assessment.level, .emergency)
        let emergency = try XCTUnwrap(r.assessment.emergency)
        XCTAssertEqual(emergency.ruleIds, ["S5"])
        XCTAssertTrue(emergency.steps[0].contains("Stop"))
        let today = try app.today(now: now, timeZone: tz, locale: "en")
        XCTAssertEqual(today.decision?.kind, .stop)
        XCTAssertEqual(today.targetMl, 0)
    }

    func testDrinkInsideAnAntibioticWindowWarnsWithM1() throws {
        let app = try openApp()
        let dose = at("2026-11-26T08:00:00Z")
        let logged = try app.logDose(input: DoseInput(medicine: .antibiotic, at: dose, intervalHours: 8, note: nil),
                                     now: dose, timeZone: tz, locale: "en")
        XCTAssertEqual(logged.spacing.map { $0.ruleId }, ["M1"])
        let drinkAt = at("2026-11-26T09:00:00Z")
        let w = try app.logDrink(input: DrinkInput(at: drinkAt, ml: 50, kind: .milkCow, source: .commercial, note: nil, batch: nil),
                                 now: drinkAt, timeZone: tz, locale: "en")
        XCTAssertTrue(w.warnings.contains { $0.ruleId == "M1" })
        XCTAssertEqual(try app.today(now: drinkAt, timeZone: tz, locale: "en").spacing.first?.minutesUntilAllowed, 120)
    }

    func testWalkThreeDaysAndSeeTheStepUp() throws {
        let app = try openApp()
        _ = try app.startPlan(settings: PlanSettings(), now: at("2026-11-01T07:00:00Z"), timeZone: tz, locale: "en")
        for day in ["2026-11-01", "2026-11-02", "2026-11-03"] {
            let morning = at("\(day)T07:00:00Z")
            let target = try XCTUnwrap(try app.today(now: morning, timeZone: tz, locale: "en").targetMl)
            XCTAssertEqual(target, 50)
            _ = try app.logDrink(input: DrinkInput(at: morning, ml: target, kind: .milkCow, source: .commercial, note: nil, batch: nil),
                                 now: morning, timeZone: tz, locale: "en")
            _ = try app.saveCheckin(input: CheckinInput(day: day, symptoms: [], bristol: 4, note: nil),
                                    now: at("\(day)T19:00:00Z"), timeZone: tz, locale: "en")
        }
        let day4 = try app.today(now: at("2026-11-04T07:00:00Z"), timeZone: tz, locale: "en")
        XCTAssertEqual(day4.decision?.kind, .advance)
        XCTAssertEqual(day4.targetMl, 75)
        XCTAssertEqual(day4.progress?.projectedGoalDate, "2026-11-13")
    }

    func testBackupRoundTripAndConfirmation() throws {
        let now = at("2026-11-26T12:00:00Z")
        let file = dir.appendingPathComponent("backup.json").path
        let a = try openApp("a.db")
        _ = try a.logDrink(input: DrinkInput(at: now, ml: 80, kind: .plant, source: .commercial, note: "oat", batch: nil),
                           now: now, timeZone: tz, locale: "en")
        try a.exportBackup(path: file, passphrase: nil, now: now, locale: "en")
        let b = try openApp("b.db")
        XCTAssertEqual(try b.importBackup(path: file, passphrase: nil, mode: .intoEmpty, confirmed: false, now: now, locale: "en").drinks, 1)
        XCTAssertThrowsError(try b.importBackup(path: file, passphrase: nil, mode: .replace, confirmed: false, now: now, locale: "en")) { error in
            guard case KefirError.ConfirmationRequired = error else { return XCTFail("\(error)") }
        }
        try b.wipeEverything(confirmed: true)
        XCTAssertTrue(try b.listDrinks(from: now.addingTimeInterval(-60), to: now.addingTimeInterval(60)).isEmpty)
    }

    func testEncryptedBackupAsksForItsPassphraseThroughTheBindings() throws {
        let now = at("2026-11-26T12:00:00Z")
        let file = dir.appendingPathComponent("backup.age").path
        let secret = "violet tractor mends 41 quiet harbours"
        let a = try openApp("a.db")
        _ = try a.logDrink(input: DrinkInput(at: now, ml: 80, kind: .plant, source: .commercial, note: nil, batch: nil),
                           now: now, timeZone: tz, locale: "en")
        XCTAssertThrowsError(try a.exportBackup(path: dir.appendingPathComponent("weak.age").path, passphrase: "abc",
                                                now: now, locale: "en")) { error in
            guard case KefirError.InvalidInput = error else { return XCTFail("\(error)") }
        }
        try a.exportBackup(path: file, passphrase: secret, now: now, locale: "en")
        let head = try Data(contentsOf: URL(fileURLWithPath: file)).prefix(21)
        XCTAssertEqual(String(decoding: head, as: UTF8.self), "age-encryption.org/v1")
        let b = try openApp("b.db")
        XCTAssertThrowsError(try b.importBackup(path: file, passphrase: nil, mode: .intoEmpty, confirmed: false, now: now,
                                                locale: "en")) { error in
            guard case KefirError.PassphraseRequired = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try b.importBackup(path: file, passphrase: "not it at all 123", mode: .intoEmpty,
                                                confirmed: false, now: now, locale: "en")) { error in
            guard case KefirError.WrongPassphrase = error else { return XCTFail("\(error)") }
        }
        XCTAssertTrue(try b.listDrinks(from: now.addingTimeInterval(-60), to: now.addingTimeInterval(60)).isEmpty)
        XCTAssertEqual(try b.importBackup(path: file, passphrase: secret, mode: .intoEmpty, confirmed: false, now: now,
                                          locale: "en").drinks, 1)
    }

    func testForeignFileIsRefusedAndUntouched() throws {
        let f = dir.appendingPathComponent("notes.txt")
        let text = String(repeating: "not a database\n", count: 100)
        try text.write(to: f, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try KefirApp(dbPath: f.path)) { error in
            guard case KefirError.DatabaseUnreadable = error else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(try String(contentsOf: f, encoding: .utf8), text)
    }
}
