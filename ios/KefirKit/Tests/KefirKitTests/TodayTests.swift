import Foundation
import KefirKit
import XCTest

/// The fields that let the Today screen (and the app's launch gate) work
/// from one `today` call: first run, yesterday's day, the streak, today's
/// check-in, the drink form's choices.
final class TodayTests: StoreTestCase {
    func testTheFirstRunGateIsTodaysNeedsScreening() async throws {
        let first = try await store.today(now: mondayMorning, timeZone: tz)
        XCTAssertTrue(first.needsScreening)
        _ = try await store.saveProfile(Self.profile(), now: mondayMorning)
        let screened = try await store.today(now: mondayMorning, timeZone: tz)
        XCTAssertFalse(screened.needsScreening)
        // "Delete everything" sends the app back to the first-run screening.
        try await store.wipeEverything(confirmed: true)
        let wiped = try await store.today(now: mondayMorning, timeZone: tz)
        XCTAssertTrue(wiped.needsScreening)
    }

    /// Just after midnight in Berlin it is still the previous day in UTC:
    /// `yesterday` is the core's local day, and a late check-in for it is
    /// accepted; the day before is not.
    func testYesterdayIsTheCoresLocalDayForALateCheckin() async throws {
        let pastMidnight = at(day: 1, hour: 0)  // 2025-03-11T00:00+01:00 = 2025-03-10T23:00Z
        let today = try await store.today(now: pastMidnight, timeZone: tz)
        XCTAssertEqual(today.date, "2025-03-11")
        XCTAssertEqual(today.yesterday, "2025-03-10")
        XCTAssertTrue(today.canFillYesterday)
        XCTAssertFalse(today.checkinDone)

        let late = try await store.saveCheckin(CheckinInput(day: today.yesterday, symptoms: [], bristol: 4, note: nil),
                                               now: pastMidnight, timeZone: tz)
        XCTAssertEqual(late.checkin.day, "2025-03-10")
        let after = try await store.today(now: pastMidnight, timeZone: tz)
        XCTAssertFalse(after.canFillYesterday)
        XCTAssertFalse(after.checkinDone, "the late check-in was for yesterday, not today")
        XCTAssertNil(after.checkin)
        XCTAssertEqual(after.streakDays, 1)

        do {
            _ = try await store.saveCheckin(CheckinInput(day: "2025-03-09", symptoms: [], bristol: nil, note: nil),
                                            now: pastMidnight, timeZone: tz)
            XCTFail("a check-in two days late was accepted")
        } catch let KefirError.InvalidInput(field, _) {
            XCTAssertEqual(field, "day")
        }
    }

    /// The streak counts up each evening, survives an open today, breaks on
    /// a missed day, and mends when yesterday is filled in late.
    func testTheStreakOnToday() async throws {
        var streaks: [UInt32] = []
        for day in 0..<3 {
            let morning = try await store.today(now: at(day: day), timeZone: tz)
            _ = try await store.saveCheckin(CheckinInput(day: morning.date, symptoms: [], bristol: nil, note: nil),
                                            now: at(day: day, hour: 20), timeZone: tz)
            streaks.append(try await store.today(now: at(day: day, hour: 21), timeZone: tz).streakDays)
        }
        XCTAssertEqual(streaks, [1, 2, 3])

        let openToday = try await store.today(now: at(day: 3), timeZone: tz)
        XCTAssertEqual(openToday.streakDays, 3, "today's check-in is still open")
        XCTAssertFalse(openToday.canFillYesterday)

        // Day 3 (2025-03-13) was missed.
        let missed = try await store.today(now: at(day: 4), timeZone: tz)
        XCTAssertEqual(missed.streakDays, 0)
        XCTAssertTrue(missed.canFillYesterday)
        XCTAssertEqual(missed.yesterday, "2025-03-13")
        _ = try await store.saveCheckin(CheckinInput(day: missed.yesterday, symptoms: [], bristol: nil, note: nil),
                                        now: at(day: 4), timeZone: tz)
        let mended = try await store.today(now: at(day: 4, hour: 10), timeZone: tz)
        XCTAssertEqual(mended.streakDays, 4)
    }

    /// `Today.checkin` prefills the edit form with what was stored; saving
    /// the edited input replaces today's check-in.
    func testTodaysCheckinPrefillsAnEdit() async throws {
        let before = try await store.today(now: at(day: 0, hour: 19), timeZone: tz)
        XCTAssertNil(before.checkin)

        let input = CheckinInput(day: before.date, symptoms: [SymptomEntry(symptom: .bloating, severity: .mild)],
                                 bristol: 4, note: "after dinner")
        let saved = try await store.saveCheckin(input, now: at(day: 0, hour: 20), timeZone: tz)
        let done = try await store.today(now: at(day: 0, hour: 21), timeZone: tz)
        XCTAssertTrue(done.checkinDone)
        let stored = try XCTUnwrap(done.checkin)
        XCTAssertEqual(stored.id, saved.checkin.id)
        XCTAssertEqual(stored.editInput, input)

        var edit = stored.editInput
        edit.symptoms = []
        edit.note = "bloating was gone by bedtime"
        _ = try await store.saveCheckin(edit, now: at(day: 0, hour: 22), timeZone: tz)
        let afterEdit = try await store.today(now: at(day: 0, hour: 22), timeZone: tz)
        let edited = try XCTUnwrap(afterEdit.checkin)
        XCTAssertEqual(edited.id, stored.id, "an edit replaces the day's check-in")
        XCTAssertEqual(edited.editInput, edit)
        XCTAssertTrue(edited.symptoms.isEmpty)
    }

    /// The drink form (the core's `drinkForm`) offers what the screening
    /// allows and marks the rest, preselects an allowed kind and source, and
    /// says which source has batch fields; a ruled-out kind is still stored,
    /// with the core's warning.
    func testTheDrinkFormOffersTheScreeningsKindsAndSources() async throws {
        let open = try await store.drinkForm(now: mondayMorning, timeZone: tz, locale: "en")
        XCTAssertEqual(open.kinds.map(\.code), KefirKind.allCases)
        XCTAssertEqual(open.sources.map(\.code), Source.allCases)
        XCTAssertEqual(open.allowedKinds.map(\.code), KefirKind.allCases)
        XCTAssertTrue(open.otherKinds.isEmpty)
        XCTAssertEqual(open.kind, .milkCow)
        XCTAssertEqual(open.source, .commercial)
        XCTAssertTrue(open.batchFields(.homemade))
        XCTAssertFalse(open.batchFields(.commercial))
        XCTAssertFalse(open.batchFields(nil))
        XCTAssertFalse(open.quickAmountsMl.isEmpty)
        XCTAssertEqual(open.quickAmountsMl, open.quickAmountsMl.sorted())

        _ = try await store.saveProfile(Self.profile(conditions: [.milkProteinAllergy, .pregnant]), now: mondayMorning)
        let today = try await store.today(now: mondayMorning, timeZone: tz)
        XCTAssertEqual(today.allowedKinds, [.water, .plant])        // P1: no milk kefir
        XCTAssertEqual(today.allowedSources, [.commercial])         // P4: shop-bought only
        let form = try await store.drinkForm(now: mondayMorning, timeZone: tz, locale: "en")
        XCTAssertEqual(form.allowedKinds.map(\.code), [.water, .plant])
        XCTAssertEqual(form.otherKinds.map(\.code), [.milkCow, .milkGoat, .milkSheep])
        XCTAssertFalse(form.isAllowed(KefirKind.milkCow))
        XCTAssertEqual(form.allowedSources.map(\.code), [.commercial])
        XCTAssertEqual(form.otherSources.map(\.code), [.homemade])
        XCTAssertEqual(form.kind, .water, "the core preselects an allowed kind")
        XCTAssertEqual(form.source, .commercial)

        let ruledOut = try await store.logDrink(Self.drink(50, at: mondayMorning), now: mondayMorning, timeZone: tz)
        XCTAssertEqual(ruledOut.drink.kind, .milkCow)
        XCTAssertFalse(ruledOut.warnings.isEmpty, "a milk kefir for a milk-protein allergy without a warning")
    }
}
