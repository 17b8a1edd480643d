import Foundation
import KefirKit
import XCTest

private struct N: SchedulableNotification, Equatable {
    var id: String
    var fireAt: Date
    var title = "Check-in"
    var body = "How did today go?"
    var publicTitle = "Reminder"
    var publicBody = "Open the app"
    var isPrivate = false
}

final class NotificationPlannerTests: XCTestCase {
    private let now = Date(timeIntervalSince1970: 1_741_593_600)

    private func upcoming(_ count: Int) -> [N] {
        (1...count).map { N(id: "n\($0)", fireAt: now.addingTimeInterval(TimeInterval($0 * 3_600))) }
    }

    func testCapsAtSixtyFourKeepingTheSoonest() {
        let plan = NotificationPlanner.plan(pending: [], upcoming: upcoming(100), now: now)
        XCTAssertEqual(NotificationPlanner.pendingLimit, 64)
        XCTAssertEqual(plan.toAdd.count, 64)
        XCTAssertEqual(plan.toAdd.first?.id, "n1")
        XCTAssertEqual(plan.toAdd.last?.id, "n64")
        XCTAssertEqual(plan.deferred, 36)
        XCTAssertTrue(plan.toRemove.isEmpty)
    }

    func testUnchangedRequestsAreLeftAloneChangedReAddedStaleRemoved() {
        var list = upcoming(3)
        let pending = list.map { PendingNotification(id: $0.id, fingerprint: NotificationPlanner.fingerprint($0)) }
            + [PendingNotification(id: "drink-2025-03-09", fingerprint: "old")]
        list[1].body = "Today: 75 ml"  // same id, new text
        let plan = NotificationPlanner.plan(pending: pending, upcoming: list, now: now)
        XCTAssertEqual(plan.toAdd, [list[1]])
        XCTAssertEqual(plan.toRemove, ["drink-2025-03-09"])
        XCTAssertEqual(plan.deferred, 0)

        let again = NotificationPlanner.plan(
            pending: list.map { PendingNotification(id: $0.id, fingerprint: NotificationPlanner.fingerprint($0)) },
            upcoming: list, now: now)
        XCTAssertTrue(again.isEmpty)
    }

    func testAMovedFireTimeIsReAddedAndUnknownFingerprintsToo() {
        var n = upcoming(1)[0]
        let old = PendingNotification(id: n.id, fingerprint: NotificationPlanner.fingerprint(n))
        n.fireAt = n.fireAt.addingTimeInterval(60)
        XCTAssertEqual(NotificationPlanner.plan(pending: [old], upcoming: [n], now: now).toAdd, [n])
        let unknown = PendingNotification(id: n.id, fingerprint: nil)
        XCTAssertEqual(NotificationPlanner.plan(pending: [unknown], upcoming: [n], now: now).toAdd, [n])
    }

    func testSoonerNotificationsPushOutTheLatestPendingOnes() {
        let late = upcoming(64).map { N(id: "late\($0.id)", fireAt: $0.fireAt.addingTimeInterval(100 * 3_600)) }
        let pending = late.map { PendingNotification(id: $0.id, fingerprint: NotificationPlanner.fingerprint($0)) }
        let soon = [N(id: "spacing-7", fireAt: now.addingTimeInterval(600), title: "Kefir allowed again", body: "M1")]
        let plan = NotificationPlanner.plan(pending: pending, upcoming: late + soon, now: now)
        XCTAssertEqual(plan.toAdd, soon)
        XCTAssertEqual(plan.toRemove, [late.last!.id])
        XCTAssertEqual(plan.deferred, 1)
        // Never more than 64 pending afterwards.
        XCTAssertEqual(pending.count - plan.toRemove.count + plan.toAdd.count, 64)
    }

    func testPastAndDuplicateEntriesAreDropped() {
        let list = [N(id: "past", fireAt: now), N(id: "a", fireAt: now.addingTimeInterval(60)),
                    N(id: "a", fireAt: now.addingTimeInterval(120))]
        let plan = NotificationPlanner.plan(pending: [PendingNotification(id: "past", fingerprint: nil)],
                                            upcoming: list, now: now)
        XCTAssertEqual(plan.toAdd.map(\.id), ["a"])
        XCTAssertEqual(plan.toAdd.first?.fireAt, now.addingTimeInterval(60))
        XCTAssertEqual(plan.toRemove, ["past"])
    }

    func testTriggerComponentsNameTheSameInstantAcrossDSTChanges() throws {
        var calendar = Calendar(identifier: .gregorian)
        let newYork = try XCTUnwrap(TimeZone(identifier: "America/New_York"))
        calendar.timeZone = newYork
        // 2025-03-09 is the spring-forward day in New York, 2025-11-02 the fall-back day.
        for seconds in [1_741_474_800.0, 1_741_503_600, 1_741_532_400, 1_762_059_600, 1_762_070_400] {
            let fireAt = Date(timeIntervalSince1970: seconds)
            let c = NotificationPlanner.triggerComponents(for: fireAt, calendar: calendar, timeZone: newYork)
            XCTAssertNil(c.nanosecond)
            XCTAssertNil(c.weekday)
            XCTAssertEqual(c.timeZone, newYork)
            XCTAssertEqual(c.calendar?.date(from: c), fireAt, "\(c)")
        }
        let c = NotificationPlanner.triggerComponents(for: Date(timeIntervalSince1970: 1_741_532_400),
                                                      calendar: calendar, timeZone: newYork)
        XCTAssertEqual([c.year, c.month, c.day, c.hour, c.minute], [2025, 3, 9, 11, 0])
    }

    func testTheRepeatedHourOfAFallBackDayIsNamedExactly() throws {
        let newYork = try XCTUnwrap(TimeZone(identifier: "America/New_York"))
        let calendar = Calendar(identifier: .gregorian)
        // 01:00 EDT (05:00Z) and 01:00 EST (06:00Z) share the local time 01:00.
        for seconds in [1_762_059_600.0, 1_762_063_200] {
            let fireAt = Date(timeIntervalSince1970: seconds)
            let c = NotificationPlanner.triggerComponents(for: fireAt, calendar: calendar, timeZone: newYork)
            XCTAssertEqual(c.calendar?.date(from: c), fireAt, "\(c)")
        }
        let second = NotificationPlanner.triggerComponents(for: Date(timeIntervalSince1970: 1_762_063_200),
                                                           calendar: calendar, timeZone: newYork)
        XCTAssertEqual(second.timeZone?.secondsFromGMT(), 0)
        XCTAssertEqual(second.hour, 6)
    }
}
