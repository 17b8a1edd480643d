import Foundation
import KefirKit
import XCTest

final class ScreeningTests: StoreTestCase {
    func testPregnantProfileNeedsTheClinicianAcknowledgementBeforeAPlan() async throws {
        // First run: no profile saved yet (the app's launch gate).
        let firstRun = try await store.today(now: mondayMorning, timeZone: tz)
        XCTAssertTrue(firstRun.needsScreening)
        let history = try await store.profileHistory()
        XCTAssertTrue(history.isEmpty)

        let screening = try await store.saveProfile(Self.profile(conditions: [.pregnant]), now: mondayMorning)
        XCTAssertEqual(screening.level, .consult)
        XCTAssertTrue(screening.needsClinician)
        XCTAssertFalse(screening.mayStart)
        XCTAssertEqual(screening.unclearedRuleIds, ["P4"])
        XCTAssertNil(screening.clinicianClearedAt)
        let p4 = try XCTUnwrap(screening.findings.first { $0.ruleId == "P4" })
        XCTAssertEqual(p4.level, .consult)
        XCTAssertFalse(p4.advice.isEmpty)
        // P4 rules out homemade kefir.
        XCTAssertEqual(screening.constraints.allowedSources, [.commercial])

        // The plan is refused until the clinician's go-ahead is recorded.
        do {
            _ = try await store.startPlan(PlanSettings(), now: mondayMorning, timeZone: tz)
            XCTFail("a plan started without the clinician's go-ahead")
        } catch let KefirError.NotAllowed(reason, ruleIds) {
            XCTAssertEqual(ruleIds, ["P4"])
            XCTAssertFalse(reason.isEmpty)
        }
        let blocked = try await store.planView(now: mondayMorning, timeZone: tz)
        XCTAssertFalse(blocked.canStart)
        XCTAssertEqual(blocked.blockedRuleIds, ["P4"])
        XCTAssertNotNil(blocked.blockedReason)

        let cleared = try await store.acknowledgeClinician(note: "Midwife said yes", now: mondayMorning)
        XCTAssertTrue(cleared.mayStart)
        XCTAssertTrue(cleared.unclearedRuleIds.isEmpty)
        XCTAssertEqual(cleared.clinicianClearedAt, mondayMorning)
        // Still a consult-level finding: the screen keeps showing it.
        XCTAssertEqual(cleared.level, .consult)

        let view = try await store.startPlan(PlanSettings(), now: mondayMorning, timeZone: tz)
        XCTAssertEqual(view.progress?.status, .active)
        // The drink form follows the screening: P4 leaves shop-bought kefir only.
        let today = try await store.today(now: mondayMorning, timeZone: tz)
        XCTAssertFalse(today.needsScreening)
        XCTAssertEqual(today.allowedSources, screening.constraints.allowedSources)
        let form = try await store.drinkForm(now: mondayMorning, timeZone: tz, locale: "en")
        XCTAssertEqual(form.otherSources.map(\.code), [.homemade])
    }

    func testAcknowledgingWithoutAConsultFindingIsRefused() async throws {
        _ = try await store.saveProfile(Self.profile(), now: mondayMorning)
        do {
            _ = try await store.acknowledgeClinician(note: nil, now: mondayMorning)
            XCTFail("acknowledged a clinician with nothing to clear")
        } catch KefirError.NotAllowed {
        }
    }

    func testOpeningAFileThatIsNotADatabaseIsRefusedAndLeftUntouched() async throws {
        let junk = dir.appendingPathComponent("junk.db")
        let bytes = Data("not a database, just text".utf8)
        try bytes.write(to: junk)
        XCTAssertThrowsError(try KefirStore(databasePath: junk.path)) { error in
            guard case KefirError.DatabaseUnreadable = error else {
                return XCTFail("expected DatabaseUnreadable, got \(error)")
            }
        }
        XCTAssertEqual(try Data(contentsOf: junk), bytes)
    }
}
