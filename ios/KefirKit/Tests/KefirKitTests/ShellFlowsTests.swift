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
        var goat = Self.drink(20, at: at(day: 0, hour: 8))
        goat.kind = .milkGoat
        _ = try await store.logDrink(goat, now: at(day: 0, hour: 8), timeZone: tz)

        let before = try await store.today(now: at(day: 0, hour: 18), timeZone: tz)
        let left = try XCTUnwrap(before.remainingMl)
        XCTAssertGreaterThan(left, 0)
        let quick = try await store.logPlannedAmount(now: at(day: 0, hour: 18), timeZone: tz, locale: "en")
        XCTAssertEqual(quick.outcome, .logged)
        XCTAssertEqual(quick.ml, left)
        XCTAssertTrue(quick.message.contains("\(left)"), quick.message)
        XCTAssertEqual(quick.logged?.drink.kind, .milkGoat, "the core preselects the latest drink's kind")
        let after = try await store.today(now: at(day: 0, hour: 18), timeZone: tz)
        XCTAssertEqual(after.drunkMl, before.drunkMl + left)
        XCTAssertEqual(after.remainingMl, 0)
        XCTAssertEqual(after.drinks.map(\.kind), [.milkGoat, .milkGoat])
        // A second tap logs nothing more.
        let again = try await store.logPlannedAmount(now: at(day: 0, hour: 19), timeZone: tz, locale: "en")
        XCTAssertEqual(again.outcome, .nothingLeft)
        XCTAssertNil(again.logged)
        let v4 = try await store.today(now: at(day: 0, hour: 19), timeZone: tz).drunkMl
        XCTAssertEqual(v4, after.drunkMl)
    }

    func testLogTodaysAmountNeedsTheFormWithoutAPlanOrForHomemade() async throws {
        let noPlan = try await store.logPlannedAmount(now: mondayMorning, timeZone: tz, locale: "en")
        XCTAssertEqual(noPlan.outcome, .needsForm)
        XCTAssertNil(noPlan.ml)
        _ = try await store.saveProfile(Self.profile(), now: mondayMorning)
        _ = try await store.startPlan(PlanSettings(), now: mondayMorning, timeZone: tz)
        var homemade = Self.drink(10, at: at(day: 0, hour: 8))
        homemade.source = .homemade
        _ = try await store.logDrink(homemade, now: at(day: 0, hour: 8), timeZone: tz)
        let left = try await store.today(now: at(day: 0, hour: 18), timeZone: tz).remainingMl
        let form = try await store.logPlannedAmount(now: at(day: 0, hour: 18), timeZone: tz, locale: "en")
        XCTAssertEqual(form.outcome, .needsForm, "a homemade batch is described in the form")
        XCTAssertEqual(form.ml, left)
    }

    func testLogTodaysAmountSpeaksTheAppsLanguage() async throws {
        _ = try await store.saveProfile(Self.profile(), now: mondayMorning)
        _ = try await store.startPlan(PlanSettings(), now: mondayMorning, timeZone: tz)
        let de = try await store.logPlannedAmount(now: at(day: 0, hour: 18), timeZone: tz, locale: "de-DE")
        let ru = try await store.logPlannedAmount(now: at(day: 0, hour: 19), timeZone: tz, locale: "ru")
        let en = try await store.logPlannedAmount(now: at(day: 0, hour: 19), timeZone: tz, locale: "en")
        XCTAssertEqual(de.outcome, .logged)
        XCTAssertEqual(ru.outcome, .nothingLeft)
        XCTAssertNotEqual(de.message, en.message)
        XCTAssertNotEqual(ru.message, en.message)
        XCTAssertTrue(ru.message.unicodeScalars.contains { (0x400...0x4FF).contains($0.value) }, ru.message)
    }

    // MARK: emergency

    func testAMildCheckinStaysOnTheForm() async throws {
        _ = try await store.saveProfile(Self.profile(), now: mondayMorning)
        let input = CheckinInput(day: "2025-03-10", symptoms: [SymptomEntry(symptom: .gas, severity: .mild)],
                                 bristol: 4, note: nil)
        let result = try await store.saveCheckin(input, now: at(day: 0, hour: 20), timeZone: tz)
        XCTAssertEqual(CheckinRoute(result.assessment), .showAssessment)
    }

    func testTheCallButtonsAreTheCoresNumbersForTheAppsRegion() async throws {
        _ = try await store.saveProfile(Self.profile(), now: mondayMorning)
        func numbers(_ locale: String) async throws -> [String] {
            let reaction = ReactionInput(at: mondayMorning,
                                         symptoms: [SymptomEntry(symptom: .lipFaceTongueSwelling, severity: .mild)],
                                         note: nil)
            let result = try await store.reportReaction(reaction, now: mondayMorning, timeZone: tz, locale: locale)
            let screen = try XCTUnwrap(result.assessment.emergency)
            XCTAssertEqual(CheckinRoute(result.assessment), .emergency(screen))
            return screen.callNumbers
        }
        let us = try await numbers("en-US")
        XCTAssertEqual(us, ["911", "112"])
        let gb = try await numbers("en-GB")
        XCTAssertEqual(gb, ["999", "112"])
        let de = try await numbers("de-DE")
        XCTAssertEqual(de, ["112"])
        let none = try await numbers("en")
        XCTAssertEqual(none, ["112"], "no region: the GSM emergency number")
        XCTAssertEqual(EmergencyCall.dialURL("112")?.absoluteString, "tel:112")
        XCTAssertNil(EmergencyCall.dialURL("11 2"))
    }
}
