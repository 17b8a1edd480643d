import Foundation
import KefirKit
import XCTest

/// The core's reminder list through KefirStore, and the planner on it.
final class ReminderTests: StoreTestCase {
    private func settings(checkin: [String] = ["20:00"], drink: String? = "08:30") -> ReminderSettings {
        ReminderSettings(checkinTimes: checkin, days: Weekday.allCases, quietStart: nil, quietEnd: nil,
                         drinkReminder: drink, spacingAlerts: true, timeZone: tz)
    }

    func testSettingsAreValidatedAndNormalised() async throws {
        let defaults = try await store.reminderSettings()
        XCTAssertFalse(defaults.checkinTimes.isEmpty)
        let saved = try await store.saveReminderSettings(settings(checkin: ["21:15", "7:05"]))
        XCTAssertEqual(saved.checkinTimes, ["07:05", "21:15"])
        let reread = try await store.reminderSettings()
        XCTAssertEqual(reread, saved)
        do {
            try await store.saveReminderSettings(settings(checkin: ["25:00"]))
            XCTFail("accepted 25:00")
        } catch let KefirError.InvalidInput(field, _) {
            XCTAssertEqual(field, "checkin_times")
        }
    }

    func testUpcomingRemindersFollowThePlanAndTheCheckin() async throws {
        try await store.saveReminderSettings(settings())
        _ = try await store.startPlan(PlanSettings(), now: mondayMorning, timeZone: tz)
        let now = at(day: 0, hour: 9)  // Monday 09:00 Berlin: today's 08:30 drink reminder is past
        let list = try await store.upcomingNotifications(now: now, timeZone: tz, count: 64)
        XCTAssertEqual(list.count, 64)
        XCTAssertTrue(list.allSatisfy { $0.fireAt > now })
        XCTAssertEqual(list.map(\.fireAt), list.map(\.fireAt).sorted())
        XCTAssertEqual(Set(list.map(\.id)).count, list.count)
        let first = try XCTUnwrap(list.first)
        XCTAssertEqual(first.kind, .checkin)
        XCTAssertEqual(first.fireAt, at(day: 0, hour: 20))  // 20:00 local
        XCTAssertFalse(first.title.isEmpty)
        XCTAssertTrue(list.contains { $0.kind == .drinkReminder && $0.fireAt == at(day: 1, hour: 8).addingTimeInterval(1_800) })

        // Nothing pending yet: the planner adds all 64 (iOS's cap).
        let plan = NotificationPlanner.plan(pending: [], upcoming: list, now: now)
        XCTAssertEqual(plan.toAdd.count, NotificationPlanner.pendingLimit)
        let pending = plan.toAdd.map {
            PendingNotification(id: $0.id, fingerprint: NotificationPlanner.fingerprint($0))
        }

        // Checking in today removes today's check-in reminder.
        _ = try await store.saveCheckin(CheckinInput(day: "2025-03-10", symptoms: [], bristol: nil, note: nil),
                                        now: at(day: 0, hour: 12), timeZone: tz)
        let later = at(day: 0, hour: 12)
        let after = try await store.upcomingNotifications(now: later, timeZone: tz, count: 64)
        XCTAssertFalse(after.contains { $0.id == first.id })
        let next = NotificationPlanner.plan(pending: pending, upcoming: after, now: later)
        XCTAssertTrue(next.toRemove.contains(first.id))
        XCTAssertEqual(pending.count - next.toRemove.count + next.toAdd.filter { a in !pending.contains { $0.id == a.id } }.count,
                       after.count)
    }

    func testTravelIsARecomputeInTheNewZone() async throws {
        try await store.saveReminderSettings(settings(drink: nil))
        let berlin = try await store.upcomingNotifications(now: mondayMorning, timeZone: tz, count: 3)
        let newYork = try await store.upcomingNotifications(now: mondayMorning, timeZone: "America/New_York", count: 3)
        // Same local-date ids, different instants: 20:00 where the phone is.
        let bFirst = try XCTUnwrap(berlin.first)
        let nFirst = try XCTUnwrap(newYork.first { $0.id == bFirst.id })
        XCTAssertNotEqual(bFirst.fireAt, nFirst.fireAt)
        let plan = NotificationPlanner.plan(
            pending: berlin.map { PendingNotification(id: $0.id, fingerprint: NotificationPlanner.fingerprint($0)) },
            upcoming: newYork, now: mondayMorning)
        XCTAssertTrue(plan.toAdd.contains { $0.id == bFirst.id }, "a moved reminder is re-added under its id")
        let components = NotificationPlanner.triggerComponents(
            for: nFirst.fireAt, calendar: Calendar(identifier: .gregorian),
            timeZone: try XCTUnwrap(TimeZone(identifier: "America/New_York")))
        XCTAssertEqual([components.hour, components.minute], [20, 0])
    }

    func testAnAntibioticDoseAddsTheSpacingAlert() async throws {
        try await store.saveReminderSettings(settings())
        _ = try await store.logDose(DoseInput(medicine: .antibiotic, at: at(day: 0, hour: 8), intervalHours: nil, note: nil),
                                    now: mondayMorning, timeZone: tz)
        let list = try await store.upcomingNotifications(now: mondayMorning, timeZone: tz, count: 10)
        let spacing = try XCTUnwrap(list.first { $0.kind == .spacingEnded })
        XCTAssertTrue(spacing.id.hasPrefix("spacing-"))
        XCTAssertEqual(spacing.fireAt, at(day: 0, hour: 11))  // 3 h after the dose (M1)
    }

    func testTheRhythmCountsCheckins() async throws {
        for day in 0..<2 {
            _ = try await store.saveCheckin(CheckinInput(day: day == 0 ? "2025-03-10" : "2025-03-11", symptoms: [],
                                                         bristol: nil, note: nil),
                                            now: at(day: day, hour: 20), timeZone: tz)
        }
        let rhythm = try await store.rhythm(fromDay: "2025-03-10", toDay: "2025-03-12", now: at(day: 2), timeZone: tz)
        XCTAssertEqual(rhythm.streakDays, 2)
        XCTAssertTrue(rhythm.checkinDueToday)
        XCTAssertFalse(rhythm.canFillYesterday)
        XCTAssertEqual(rhythm.daysInRange, 3)
    }
}
