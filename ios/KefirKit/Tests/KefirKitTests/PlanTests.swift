import Foundation
import KefirKit
import XCTest

final class PlanTests: StoreTestCase {
    /// Default plan: 50 ml, held 3 days, then 75 ml. Check in every evening
    /// without symptoms, drink the target, and see the step-up on day 4.
    func testThreeGoodDaysStepUpTo75OnDayFour() async throws {
        _ = try await store.saveProfile(Self.profile(), now: mondayMorning)
        let started = try await store.startPlan(PlanSettings(), now: mondayMorning, timeZone: tz)
        XCTAssertEqual(started.plan?.steps.first, 50)
        XCTAssertEqual(started.plan?.steps.dropFirst().first, 75)
        XCTAssertFalse(started.canStart)
        XCTAssertTrue(started.canPause)

        var targets: [UInt32?] = []
        for day in 0..<3 {
            let today = try await store.today(now: at(day: day), timeZone: tz)
            targets.append(today.targetMl)
            XCTAssertTrue(today.checkinDue, "day \(day + 1)")
            let target = try XCTUnwrap(today.targetMl)
            _ = try await store.logDrink(Self.drink(target, at: at(day: day, hour: 10)),
                                         now: at(day: day, hour: 10), timeZone: tz)
            let evening = try await store.today(now: at(day: day, hour: 20), timeZone: tz)
            XCTAssertEqual(evening.drunkMl, target)
            XCTAssertEqual(evening.remainingMl, 0)
            let checkin = try await store.saveCheckin(CheckinInput(day: evening.date, symptoms: [], bristol: 4, note: nil),
                                                      now: at(day: day, hour: 20), timeZone: tz)
            XCTAssertEqual(checkin.assessment.level, .info)
            let after = try await store.today(now: at(day: day, hour: 21), timeZone: tz)
            XCTAssertTrue(after.checkinDone)
        }
        XCTAssertEqual(targets, [50, 50, 50])

        let day4 = try await store.today(now: at(day: 3), timeZone: tz)
        XCTAssertEqual(day4.date, "2025-03-13")
        XCTAssertEqual(day4.targetMl, 75)
        XCTAssertEqual(day4.decision?.kind, .advance)
        XCTAssertEqual(day4.decision?.step, 2)
        XCTAssertEqual(day4.progress?.step, 2)
        XCTAssertFalse(day4.headline.isEmpty)

        let view = try await store.planView(now: at(day: 3), timeZone: tz)
        XCTAssertEqual(view.history.map(\.kind), [.advance, .hold, .hold, .start])
        XCTAssertEqual(view.history.map(\.day), ["2025-03-13", "2025-03-12", "2025-03-11", "2025-03-10"])
        XCTAssertEqual(view.history.map(\.targetMl), [75, 50, 50, 50])
    }

    func testPauseResumeFromThePlanScreen() async throws {
        let none = try await store.planView(now: mondayMorning, timeZone: tz)
        XCTAssertFalse(none.canChangeTarget, "no plan, no target to change")
        let started = try await store.startPlan(PlanSettings(startMl: 50, targetMl: 150, holdDays: 3, stepMl: 25),
                                                now: mondayMorning, timeZone: tz)
        XCTAssertTrue(started.canChangeTarget)
        let paused = try await store.pausePlan(now: at(day: 0, hour: 12), timeZone: tz)
        XCTAssertEqual(paused.progress?.status, .paused)
        XCTAssertTrue(paused.canResume)
        XCTAssertFalse(paused.canPause)
        XCTAssertTrue(paused.canChangeTarget, "a paused plan's goal can change")
        let changed = try await store.changeTarget(ml: 100, now: at(day: 0, hour: 12), timeZone: tz)
        XCTAssertEqual(changed.plan?.targetMl, 100)
        let pausedToday = try await store.today(now: at(day: 0, hour: 12), timeZone: tz)
        XCTAssertEqual(pausedToday.targetMl, 0)
        let resumed = try await store.resumePlan(now: at(day: 0, hour: 13), timeZone: tz)
        XCTAssertEqual(resumed.progress?.status, .active)
        XCTAssertEqual(resumed.history.first?.kind, .resume)
        do {
            _ = try await store.resumePlan(now: at(day: 0, hour: 14), timeZone: tz)
            XCTFail("resumed a running plan")
        } catch KefirError.NotAllowed {
        }
    }

    func testAStartAmountOutsideTheRangeNamesTheField() async throws {
        do {
            _ = try await store.startPlan(PlanSettings(startMl: 500, targetMl: nil, holdDays: nil, stepMl: nil),
                                          now: mondayMorning, timeZone: tz)
            XCTFail("accepted 500 ml as a start")
        } catch let KefirError.InvalidInput(field, _) {
            XCTAssertEqual(field, "start_ml")
        }
    }

    func testEveryWriteIsAnnouncedOnTheChangesStream() async throws {
        _ = try await store.logDrink(Self.drink(50, at: mondayMorning), now: mondayMorning, timeZone: tz)
        let change = try await firstElement(of: store.changes)
        XCTAssertEqual(change, .drinks)
        // A refused write announces nothing; the next real one does.
        do {
            _ = try await store.pausePlan(now: mondayMorning, timeZone: tz)
            XCTFail("paused a plan that does not exist")
        } catch let KefirError.NotAllowed(reason, _) {
            XCTAssertTrue(reason.contains("no plan yet"))
        }
        _ = try await store.startPlan(PlanSettings(), now: mondayMorning, timeZone: tz)
        let next = try await firstElement(of: store.changes)
        XCTAssertEqual(next, .plan)
    }
}
