import Foundation
import KefirKit
import XCTest

/// Cold-start routing, the reschedule coalescer, notification permission,
/// reminder buttons and emergency numbers: the iOS shell's logic, on Linux,
/// against the real core where the core is involved.
final class ShellFlowsTests: StoreTestCase {
    // MARK: routing

    func testATapOnAColdStartIsHeldUntilTheStartTargetIsKnown() {
        var router = OpenRouter()
        XCTAssertNil(router.open(OpenTarget(kind: String(describing: NotificationKind.checkin))))
        XCTAssertEqual(router.started(.main), .checkin, "the held tap is shown once started")
        XCTAssertEqual(router.open(OpenTarget(kind: String(describing: NotificationKind.drinkReminder))), .logDrink)
        XCTAssertNil(router.open(OpenTarget(kind: String(describing: NotificationKind.spacingEnded))), "Today: nothing on top")
        XCTAssertNil(router.open(OpenTarget(kind: nil)))

        var onboarding = OpenRouter()
        _ = onboarding.open(.checkin)
        XCTAssertNil(onboarding.started(.onboarding), "nothing to act on before the first screening")
        XCTAssertNil(onboarding.open(.checkin))
        onboarding.finishedOnboarding()
        XCTAssertEqual(onboarding.open(.checkin), .checkin)
        onboarding.restart()
        XCTAssertNil(onboarding.open(.logDrink))
        XCTAssertEqual(onboarding.started(.main), .logDrink)
    }

    func testTheStartTargetIsTheCoresFirstRunFlag() async throws {
        let first = try await store.today(now: mondayMorning, timeZone: tz)
        XCTAssertEqual(StartTarget(first), .onboarding)
        _ = try await store.saveProfile(Self.profile(), now: mondayMorning)
        let v0 = try await store.today(now: mondayMorning, timeZone: tz)
        XCTAssertEqual(StartTarget(v0), .main)
    }

    // MARK: reschedule race

    /// Counts passes and the requests each one saw.
    actor Passes {
        var count = 0
        var running = 0
        var overlapped = false
        func begin() {
            count += 1
            running += 1
            if running > 1 { overlapped = true }
        }
        func end() { running -= 1 }
    }

    func testEveryRequestIsCoveredByAPassThatStartedAfterItAndPassesNeverOverlap() async {
        let passes = Passes()
        let requestsSeen = Passes() // counts requests made before each pass started
        let coalescer = SerialCoalescer {
            await passes.begin()
            try? await Task.sleep(nanoseconds: 20_000_000)
            await passes.end()
        }
        // One request alone: one pass.
        await coalescer.run()
        var count = await passes.count
        XCTAssertEqual(count, 1)

        // A burst of 20 concurrent requests: each returns only after a pass
        // that started after it; far fewer passes than requests.
        await withTaskGroup(of: Void.self) { group in
            for _ in 0 ..< 20 {
                group.addTask {
                    await requestsSeen.begin()
                    let before = await passes.count
                    await coalescer.run()
                    let after = await passes.count
                    XCTAssertGreaterThan(after, before, "returned without a pass after the request")
                    await requestsSeen.end()
                }
            }
        }
        count = await passes.count
        let overlapped = await passes.overlapped
        XCTAssertFalse(overlapped)
        XCTAssertGreaterThanOrEqual(count, 2)
        XCTAssertLessThanOrEqual(count, 11, "coalesced: \(count) passes for 20 requests")

        // A request right after a pass finished (the old race) still gets its own pass.
        await coalescer.run()
        let last = await passes.count
        XCTAssertEqual(last, count + 1)
    }

    // MARK: notification permission

    func testNotificationPromptFollowsIOSAskOnce() {
        XCTAssertEqual(notificationPrompt(.notDetermined, alertsEnabled: false), .ask)
        XCTAssertEqual(notificationPrompt(.denied, alertsEnabled: false), .openSettings)
        XCTAssertEqual(notificationPrompt(.authorized, alertsEnabled: true), .none)
        XCTAssertEqual(notificationPrompt(.provisional, alertsEnabled: true), .none)
        XCTAssertEqual(notificationPrompt(.authorized, alertsEnabled: false), .openSettings)
    }

    // MARK: reminder buttons

    func testEachReminderKindHasItsCategoryAndButton() {
        let drink = ReminderAction.category(forKind: String(describing: NotificationKind.drinkReminder))
        XCTAssertEqual(drink?.actions, [.logTodaysAmount])
        XCTAssertEqual(ReminderAction.category(forKind: String(describing: NotificationKind.checkin))?.actions, [.checkIn])
        XCTAssertNil(ReminderAction.category(forKind: String(describing: NotificationKind.spacingEnded)))
        XCTAssertEqual(Set(ReminderAction.categories.map(\.identifier)).count, 2)
        XCTAssertEqual(ReminderAction(rawValue: "kefir.action.checkIn"), .checkIn)
    }

    func testLogTodaysAmountLogsWhatIsLeftOnceWithTheLatestKind() async throws {
        _ = try await store.saveProfile(Self.profile(), now: mondayMorning)
        _ = try await store.startPlan(PlanSettings(), now: mondayMorning, timeZone: tz)
        let v1 = try await QuickLog.logTodaysAmount(store: store, now: at(day: 0, hour: 10), timeZone: tz)
        let v2 = try await store.today(now: at(day: 0, hour: 10), timeZone: tz).remainingMl
        XCTAssertEqual(v1,
                       .needsForm(ml: v2),
                       "no earlier drink to repeat")
        var goat = Self.drink(20, at: at(day: 0, hour: 8))
        goat.kind = .milkGoat
        _ = try await store.logDrink(goat, now: at(day: 0, hour: 8), timeZone: tz)

        let before = try await store.today(now: at(day: 0, hour: 18), timeZone: tz)
        let left = try XCTUnwrap(before.remainingMl)
        XCTAssertGreaterThan(left, 0)
        let outcome = try await QuickLog.logTodaysAmount(store: store, now: at(day: 0, hour: 18), timeZone: tz)
        guard case let .logged(ml, _) = outcome else { return XCTFail("not logged: \(outcome)") }
        XCTAssertEqual(ml, left)
        let after = try await store.today(now: at(day: 0, hour: 18), timeZone: tz)
        XCTAssertEqual(after.drunkMl, before.drunkMl + left)
        XCTAssertEqual(after.remainingMl, 0)
        XCTAssertEqual(after.drinks.map(\.kind), [.milkGoat, .milkGoat])
        // A second tap logs nothing more.
        let v3 = try await QuickLog.logTodaysAmount(store: store, now: at(day: 0, hour: 19), timeZone: tz)
        XCTAssertEqual(v3, .nothingLeft)
        let v4 = try await store.today(now: at(day: 0, hour: 19), timeZone: tz).drunkMl
        XCTAssertEqual(v4, after.drunkMl)
    }

    func testLogTodaysAmountNeedsTheFormWithoutAPlanOrForHomemade() async throws {
        let v5 = try await QuickLog.logTodaysAmount(store: store, now: mondayMorning, timeZone: tz)
        XCTAssertEqual(v5, .needsForm(ml: nil))
        _ = try await store.saveProfile(Self.profile(), now: mondayMorning)
        _ = try await store.startPlan(PlanSettings(), now: mondayMorning, timeZone: tz)
        var homemade = Self.drink(10, at: at(day: 0, hour: 8))
        homemade.source = .homemade
        _ = try await store.logDrink(homemade, now: at(day: 0, hour: 8), timeZone: tz)
        let left = try await store.today(now: at(day: 0, hour: 18), timeZone: tz).remainingMl
        let v6 = try await QuickLog.logTodaysAmount(store: store, now: at(day: 0, hour: 18), timeZone: tz)
        XCTAssertEqual(v6,
                       .needsForm(ml: left))
    }

    // MARK: emergency

    func testAMildCheckinStaysOnTheForm() async throws {
        _ = try await store.saveProfile(Self.profile(), now: mondayMorning)
        let input = CheckinInput(day: "2025-03-10", symptoms: [SymptomEntry(symptom: .gas, severity: .mild)],
                                 bristol: 4, note: nil)
        let result = try await store.saveCheckin(input, now: at(day: 0, hour: 20), timeZone: tz)
        XCTAssertEqual(CheckinRoute(result.assessment), .showAssessment)
    }

    func testTheCallButtonsAreTheNumbersTheCoresStepsName() async throws {
        _ = try await store.saveProfile(Self.profile(), now: mondayMorning)
        let reaction = ReactionInput(at: mondayMorning,
                                     symptoms: [SymptomEntry(symptom: .lipFaceTongueSwelling, severity: .mild)], note: nil)
        let result = try await store.reportReaction(reaction, now: mondayMorning, timeZone: tz)
        let screen = try XCTUnwrap(result.assessment.emergency)
        XCTAssertEqual(CheckinRoute(result.assessment), .emergency(screen))
        XCTAssertEqual(EmergencyCall.numbers(in: screen.steps), ["112", "911", "999"], "\(screen.steps)")
        XCTAssertEqual(EmergencyCall.dialURL("112")?.absoluteString, "tel:112")
        XCTAssertNil(EmergencyCall.dialURL("11 2"))
        XCTAssertEqual(EmergencyCall.numbers(in: ["1. Call 112.", "Rules S5, S6", "12.5 mg", "10.25", "again 112"]), ["112"])
        XCTAssertEqual(EmergencyCall.numbers(in: ["(000)"]), ["000"])
    }
}
