import Foundation
import KefirKit
import XCTest

final class CheckinTests: StoreTestCase {
    func testRedFlagCheckinIsCaughtAsAnEmergencyAndStopsThePlan() async throws {
        _ = try await store.saveProfile(Self.profile(), now: mondayMorning)
        _ = try await store.startPlan(PlanSettings(), now: mondayMorning, timeZone: tz)
        let today = try await store.today(now: mondayMorning, timeZone: tz)
        XCTAssertEqual(today.date, "2025-03-10")

        let input = CheckinInput(day: today.date,
                                 symptoms: [SymptomEntry(symptom: .lipFaceTongueSwelling, severity: .moderate),
                                            SymptomEntry(symptom: .bloating, severity: .none)],
                                 bristol: nil, note: nil)
        let result = try await store.saveCheckin(input, now: at(day: 0, hour: 20), timeZone: tz)
        XCTAssertEqual(result.assessment.level, .emergency)
        XCTAssertTrue(result.assessment.findings.contains { $0.ruleId == "S5" })
        let emergency = try XCTUnwrap(result.assessment.emergency, "no emergency screen for a red flag")
        XCTAssertFalse(emergency.title.isEmpty)
        XCTAssertFalse(emergency.steps.isEmpty)
        XCTAssertTrue(emergency.steps.allSatisfy { !$0.isEmpty })
        XCTAssertEqual(emergency.ruleIds, ["S5"])
        XCTAssertFalse(emergency.disclaimer.isEmpty)
        // Only symptoms above none are stored.
        XCTAssertEqual(result.checkin.symptoms.map(\.symptom), [.lipFaceTongueSwelling])

        // The plan stopped at once and cannot restart while the flag is open.
        let plan = try await store.planView(now: at(day: 0, hour: 20), timeZone: tz)
        XCTAssertEqual(plan.progress?.status, .stopped)
        XCTAssertFalse(plan.canRestart)
        XCTAssertFalse(plan.canChangeTarget, "a stopped plan's goal cannot change")
        XCTAssertTrue(plan.blockedRuleIds.contains("S5"))
    }

    func testReportAReactionNowIsAnEmergencyForBreathingDifficulty() async throws {
        let now = at(day: 0, hour: 11)
        let reaction = ReactionInput(at: now,
                                     symptoms: [SymptomEntry(symptom: .breathingDifficulty, severity: .mild)],
                                     note: nil)
        let result = try await store.reportReaction(reaction, now: now, timeZone: tz)
        XCTAssertEqual(result.assessment.level, .emergency)
        XCTAssertFalse(try XCTUnwrap(result.assessment.emergency).steps.isEmpty)
        XCTAssertFalse(result.assessment.headline.isEmpty)
    }

    func testMildSymptomsAreNoEmergency() async throws {
        let input = CheckinInput(day: "2025-03-10",
                                 symptoms: [SymptomEntry(symptom: .gas, severity: .mild)],
                                 bristol: 4, note: nil)
        let result = try await store.saveCheckin(input, now: at(day: 0, hour: 20), timeZone: tz)
        XCTAssertEqual(result.assessment.level, .info)
        XCTAssertNil(result.assessment.emergency)
        XCTAssertEqual(result.checkin.bristol, 4)
    }

    func testSpacingWarningAfterAnAntibioticDose() async throws {
        _ = try await store.saveProfile(Self.profile(medicines: [.antibiotic]), now: mondayMorning)
        let doseAt = at(day: 0, hour: 8)
        let logged = try await store.logDose(DoseInput(medicine: .antibiotic, at: doseAt, intervalHours: 12, note: nil),
                                             now: mondayMorning, timeZone: tz)
        let m1 = try XCTUnwrap(logged.spacing.first { $0.ruleId == "M1" }, "no M1 spacing after an antibiotic")
        XCTAssertTrue(m1.blockedNow)
        XCTAssertEqual(m1.medicine, .antibiotic)
        XCTAssertGreaterThan(m1.minutesUntilAllowed, 0)
        XCTAssertGreaterThan(m1.kefirAllowedFrom, mondayMorning)
        XCTAssertFalse(m1.message.isEmpty)

        // A drink inside the window is stored, with the M1 warning.
        let drink = try await store.logDrink(Self.drink(50, at: mondayMorning), now: mondayMorning, timeZone: tz)
        XCTAssertEqual(drink.drink.ml, 50)
        XCTAssertTrue(drink.warnings.contains { $0.ruleId == "M1" }, "warnings: \(drink.warnings.map(\.ruleId))")

        let today = try await store.today(now: mondayMorning, timeZone: tz)
        XCTAssertTrue(today.warnings.contains { $0.ruleId == "M1" })
        XCTAssertTrue(today.spacing.contains { $0.ruleId == "M1" && $0.blockedNow })
    }
}
