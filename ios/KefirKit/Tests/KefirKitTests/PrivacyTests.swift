import Foundation
import KefirKit
import XCTest

/// Issue 17 through KefirKit, against the real core: the save-a-backup form
/// (encrypted by default, plain only after the core's warning), importing an
/// encrypted backup (passphrase asked, wrong passphrase asked again, nothing
/// changed meanwhile), the app lock's decisions, and reminders' lock-screen text.
final class PrivacyTests: StoreTestCase {
    /// A passphrase long and varied enough for any reasonable estimator.
    let strong = "violet tractor mends 41 quiet harbours"

    private func otherStore() throws -> KefirStore {
        let otherDir = dir.appendingPathComponent("other-\(UUID().uuidString)", isDirectory: true)
        let other = DatabaseLocation(directory: otherDir)
        try other.prepare(includeInDeviceBackup: false)
        return try KefirStore(location: other)
    }

    /// The form as the screen fills it: passphrase typed, the core's verdict applied, repeated.
    private func filled(_ passphrase: String, repeated: String? = nil) async throws -> BackupSaveForm {
        var form = BackupSaveForm(texts: try store.backupForm(locale: "en"))
        form.setPassphrase(passphrase)
        form.apply(try store.passphraseStrength(passphrase, locale: "en"), for: passphrase)
        form.repeated = repeated ?? passphrase
        return form
    }

    private func encryptedBackup(drinkMl: UInt32 = 70) async throws -> URL {
        _ = try await store.logDrink(Self.drink(drinkMl, at: mondayMorning), now: mondayMorning, timeZone: tz)
        let form = try await filled(strong)
        let file = dir.appendingPathComponent("backup-\(UUID().uuidString).age")
        try await store.exportBackup(form, to: file, now: mondayMorning, locale: "en")
        return file
    }

    // MARK: saving a backup

    func testTheFormStartsEncryptedWithTheCoresTextsAndSavesOnlyAnAcceptableMatchingPassphrase() async throws {
        let texts = try store.backupForm(locale: "en")
        XCTAssertTrue(texts.encryptByDefault)
        for text in [texts.title, texts.encryptLabel, texts.passphraseLabel, texts.repeatLabel, texts.mismatchMessage,
                     texts.plainWarning, texts.plainConfirmLabel, texts.importPassphrasePrompt,
                     texts.wrongPassphraseMessage]
        {
            XCTAssertFalse(text.isEmpty)
        }
        var form = BackupSaveForm(texts: texts)
        XCTAssertTrue(form.encrypt)
        XCTAssertFalse(form.canSave, "nothing typed yet")

        // A weak passphrase: the core says why, Save stays off.
        let weak = try await filled("abc")
        XCTAssertEqual(weak.verdict?.acceptable, false)
        XCTAssertFalse(weak.verdict?.reasons.isEmpty ?? true)
        XCTAssertFalse(weak.verdict?.levelLabel.isEmpty ?? true)
        XCTAssertFalse(weak.canSave)

        // A strong one that differs in the repeat field: the mismatch shows.
        let different = try await filled(strong, repeated: strong + "!")
        XCTAssertEqual(different.verdict?.acceptable, true)
        XCTAssertTrue(different.mismatch)
        XCTAssertFalse(different.canSave)
        let file = dir.appendingPathComponent("refused.age")
        do {
            try await store.exportBackup(different, to: file)
            XCTFail("wrote a backup with a mismatched passphrase")
        } catch let KefirError.InvalidInput(field, reason) {
            XCTAssertEqual(field, "passphrase")
            XCTAssertEqual(reason, texts.mismatchMessage)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: file.path))

        // A verdict for an older passphrase is not applied to a new one.
        form.setPassphrase(strong)
        form.apply(try store.passphraseStrength("something else entirely 93!", locale: "en"), for: "older")
        XCTAssertNil(form.verdict)

        let ok = try await filled(strong)
        XCTAssertTrue(ok.canSave)
        XCTAssertEqual(ok.passphraseToSend, strong)
        XCTAssertTrue(ok.cleared().passphrase.isEmpty)
        XCTAssertNil(ok.cleared().verdict)
        XCTAssertFalse(ok.cleared().canSave)
    }

    func testAnEncryptedBackupIsNotJsonAndTheCoreRefusesAWeakPassphraseItself() async throws {
        let file = try await encryptedBackup()
        let data = try Data(contentsOf: file)
        // The age format's header line (https://age-encryption.org/v1).
        XCTAssertTrue(data.starts(with: Data("age-encryption.org/v1".utf8)))
        XCTAssertNil(try? JSONSerialization.jsonObject(with: data))

        // Past the form: the core judges again.
        let weak = dir.appendingPathComponent("weak.age")
        do {
            try await store.exportBackup(to: weak, passphrase: "abc", now: mondayMorning, locale: "en")
            XCTFail("the core wrote a backup with a weak passphrase")
        } catch let KefirError.InvalidInput(field, _) {
            XCTAssertEqual(field, "passphrase")
        }
    }

    func testAPlainBackupNeedsTheCoresWarningConfirmed() async throws {
        _ = try await store.logDrink(Self.drink(50, at: mondayMorning), now: mondayMorning, timeZone: tz)
        let texts = try store.backupForm(locale: "en")
        var form = BackupSaveForm(texts: texts)
        form.encrypt = false
        XCTAssertTrue(form.plainWarningPending)
        XCTAssertFalse(form.canSave)
        let file = dir.appendingPathComponent("plain.json")
        do {
            try await store.exportBackup(form, to: file)
            XCTFail("wrote a plain backup without the warning")
        } catch let KefirError.InvalidInput(_, reason) {
            XCTAssertEqual(reason, texts.plainWarning)
        }
        form.confirmPlain()
        XCTAssertTrue(form.canSave)
        XCTAssertNil(form.passphraseToSend)
        try await store.exportBackup(form, to: file, now: mondayMorning)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        XCTAssertEqual(json["format"] as? String, "kefir-backup")
        // Encryption back on: the warning is asked again next time.
        form.encrypt = true
        form.encrypt = false
        XCTAssertTrue(form.plainWarningPending)
    }

    // MARK: importing an encrypted backup

    func testAnEncryptedBackupAsksForItsPassphraseAndAWrongOneAsksAgainChangingNothing() async throws {
        let file = try await encryptedBackup()
        let texts = try store.backupForm(locale: "en")
        let other = try otherStore()
        let flow = ImportFlow(store: other)
        let copy = dir.appendingPathComponent("copy-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: file, to: copy)

        let first = try await flow.start(copy: copy)
        guard case let .needsPassphrase(prompt, wrong) = first else { return XCTFail("\(first)") }
        XCTAssertEqual(prompt, texts.importPassphrasePrompt)
        XCTAssertNil(wrong)
        XCTAssertTrue(FileManager.default.fileExists(atPath: copy.path), "the copy waits for the passphrase")

        let again = try await flow.unlock(passphrase: "not the passphrase at all 1234")
        guard case let .needsPassphrase(_, wrongAgain) = again else { return XCTFail("\(again)") }
        XCTAssertEqual(wrongAgain, texts.wrongPassphraseMessage)
        let held = await flow.holdsPassphrase
        XCTAssertFalse(held, "a wrong passphrase is not kept")
        let before = try await other.today(now: mondayMorning, timeZone: tz).drunkMl
        XCTAssertEqual(before, 0, "nothing imported yet")

        let done = try await flow.unlock(passphrase: strong)
        guard case let .done(summary) = done else { return XCTFail("\(done)") }
        XCTAssertEqual(summary.drinks, 1)
        let after = try await other.today(now: mondayMorning, timeZone: tz).drunkMl
        XCTAssertEqual(after, 70)
        XCTAssertFalse(FileManager.default.fileExists(atPath: copy.path))
        let waiting = await flow.waiting
        XCTAssertNil(waiting)
    }

    func testIntoAJournalWithDataThePassphraseIsKeptOnlyUntilTheConfirmation() async throws {
        let file = try await encryptedBackup(drinkMl: 70)
        let other = try otherStore()
        _ = try await other.logDrink(Self.drink(30, at: mondayMorning), now: mondayMorning, timeZone: tz)
        let flow = ImportFlow(store: other)
        _ = try await flow.start(copy: file)
        let step = try await flow.unlock(passphrase: strong)
        guard case .needsConfirmation = step else { return XCTFail("\(step)") }
        let held = await flow.holdsPassphrase
        XCTAssertTrue(held)
        guard case .done = try await flow.confirm() else { return XCTFail("not imported") }
        let now = try await other.today(now: mondayMorning, timeZone: tz).drunkMl
        XCTAssertEqual(now, 70)
        let heldAfter = await flow.holdsPassphrase
        XCTAssertFalse(heldAfter)
    }

    func testTheFailedOpenRestoreTakesAnEncryptedBackupWithItsPassphrase() async throws {
        let file = try await encryptedBackup()
        let brokenDir = dir.appendingPathComponent("broken", isDirectory: true)
        let location = DatabaseLocation(directory: brokenDir)
        try location.prepare(includeInDeviceBackup: false)
        let garbage = Data(repeating: 0x42, count: 4096)
        try garbage.write(to: location.databaseURL)
        let recovery = DatabaseRecovery(location: location)
        do {
            _ = try await recovery.restore(from: file, now: mondayMorning)
            XCTFail("restored an encrypted backup without its passphrase")
        } catch {
            guard case let .needsPassphrase(prompt, _)? = passphraseQuestion(for: error, locale: "en") else {
                return XCTFail("\(error)")
            }
            XCTAssertFalse(prompt.isEmpty)
        }
        XCTAssertEqual(try Data(contentsOf: location.databaseURL), garbage, "nothing moved")
        let (summary, aside) = try await recovery.restore(from: file, passphrase: strong, now: mondayMorning)
        XCTAssertEqual(summary.drinks, 1)
        XCTAssertEqual(aside.count, 1)
        XCTAssertEqual(try Data(contentsOf: aside[0]), garbage)
    }

    // MARK: app lock

    private func enableLock(minutes: UInt32? = nil) async throws -> (AppLockFlow, AppLockForm) {
        let flow = AppLockFlow(store: store)
        let form = try await flow.form()
        XCTAssertFalse(form.choices.isEmpty)
        let delay = minutes ?? form.settings.afterMinutes
        let saved = try await flow.save(AppLockSettings(enabled: true, afterMinutes: delay), now: mondayMorning)
        XCTAssertTrue(saved.settings.enabled)
        XCTAssertFalse(saved.offer, "answered")
        return (flow, saved)
    }

    func testTheLockIsOffByDefaultOfferedOnceAndNeverLocksWhileOff() async throws {
        let flow = AppLockFlow(store: store)
        let form = try await flow.form()
        XCTAssertFalse(form.settings.enabled)
        XCTAssertTrue(form.offer)
        XCTAssertNotNil(lockOffer(form, canAuthenticate: true))
        XCTAssertNil(lockOffer(form, canAuthenticate: false), "no prompt possible: not offered")
        XCTAssertFalse(form.lockScreenLabel.isEmpty || form.lockScreenHelp.isEmpty, "the lock-screen switch's words come from the core")
        let before = await flow.current
        XCTAssertEqual(before, .checking)

        let start = await flow.foregrounded(now: mondayMorning)
        XCTAssertFalse(start.cover)
        await flow.backgrounded(now: mondayMorning)
        let dayLater = await flow.foregrounded(now: at(day: 1))
        XCTAssertFalse(dayLater.cover)
        await flow.backgrounded(now: at(day: 1))
        let clockBack = await flow.foregrounded(now: at(day: -1))
        XCTAssertFalse(clockBack.cover)

        let declined = try await flow.save(form.declined, now: mondayMorning)
        XCTAssertFalse(declined.offer)
        XCTAssertFalse(declined.settings.enabled)
        XCTAssertNil(lockOffer(declined, canAuthenticate: true))
    }

    func testAColdStartWithTheLockOnIsLockedAndUnlockingOpens() async throws {
        _ = try await enableLock()
        // A new process: a new store on the same database.
        let relaunched = try KefirStore(databasePath: store.databasePath)
        let flow = AppLockFlow(store: relaunched)
        let cold = await flow.foregrounded(now: at(day: 0, hour: 10), locale: "en")
        XCTAssertTrue(cold.cover)
        XCTAssertTrue(cold.prompt)
        XCTAssertTrue(cold.hideContent)
        XCTAssertFalse(cold.coverTitle.isEmpty)
        XCTAssertFalse(cold.unlockLabel.isEmpty)
        XCTAssertFalse(cold.promptReason.isEmpty)

        let open = await flow.unlocked(now: at(day: 0, hour: 10), locale: "en")
        XCTAssertFalse(open.cover)
        XCTAssertTrue(open.hideContent, "the lock is on: screens stay out of the app switcher")
    }

    func testBackgroundLongerThanTheDelayLocksAndShorterDoesNot() async throws {
        let probe = try await AppLockFlow(store: store).form()
        let delay = try XCTUnwrap(probe.choices.map(\.minutes).max())
        let (flow, _) = try await enableLock(minutes: delay)
        let t0 = at(day: 0, hour: 10)
        await flow.unlocked(now: t0)
        await flow.backgrounded(now: t0)
        if delay > 0 {
            let brief = await flow.foregrounded(now: t0.addingTimeInterval(30))
            XCTAssertFalse(brief.cover, "back within the delay")
            await flow.backgrounded(now: t0.addingTimeInterval(30))
        }
        let late = await flow.foregrounded(now: t0.addingTimeInterval(TimeInterval(delay) * 60 + 120))
        XCTAssertTrue(late.cover)
    }

    func testAClockSetBackWhileInTheBackgroundLocks() async throws {
        let (flow, _) = try await enableLock()
        let t0 = at(day: 0, hour: 10)
        await flow.unlocked(now: t0)
        await flow.backgrounded(now: t0)
        let back = await flow.foregrounded(now: t0.addingTimeInterval(-3_600))
        XCTAssertTrue(back.cover)
    }

    func testWithoutAPromptOnThePhoneTheOwnerIsNotLockedOut() async throws {
        _ = try await enableLock()
        let relaunched = try KefirStore(databasePath: store.databasePath)
        let flow = AppLockFlow(store: relaunched)
        let cold = await flow.foregrounded(now: at(day: 0, hour: 10))
        XCTAssertTrue(cold.cover)
        let open = await flow.promptUnavailable(now: at(day: 0, hour: 10))
        XCTAssertFalse(open.cover)
    }

    func testAFailedAnswerAfterABackgroundTripWithTheLockOnStaysLockedAndThePromptOpens() async throws {
        let probe = try await AppLockFlow(store: store).form()
        let (flow, _) = try await enableLock(minutes: try XCTUnwrap(probe.choices.map(\.minutes).max()))
        let t0 = at(day: 0, hour: 10)
        let open = await flow.unlocked(now: t0, locale: "en")
        XCTAssertFalse(open.cover)
        await flow.backgrounded(now: t0)
        let failed = await flow.foregrounded(now: t0.addingTimeInterval(30), locale: "not a language tag!")
        XCTAssertTrue(failed.cover && failed.prompt && failed.hideContent, "\(failed)")
        XCTAssertEqual(failed.coverTitle, open.coverTitle, "the core's last texts")
        XCTAssertFalse(failed.unlockLabel.isEmpty)
        let unlocked = await flow.unlocked(now: t0.addingTimeInterval(40), locale: "not a language tag!")
        XCTAssertFalse(unlocked.cover, "the prompt proved the owner")
        // Lock off: a failure keeps the open app open.
        _ = try await flow.save(AppLockSettings(enabled: false, afterMinutes: 1), now: t0)
        await flow.backgrounded(now: t0)
        let off = await flow.foregrounded(now: t0.addingTimeInterval(50), locale: "not a language tag!")
        XCTAssertFalse(off.cover)
    }

    func testTheCoverGoesUpOnTheWayOutAndThePromptComesOncePerReturn() {
        let locked = LockUi(cover: true, prompt: true, hideContent: true, coverTitle: "Locked", unlockLabel: "Unlock",
                            promptReason: "Why")
        let openOn = LockUi.open(hideContent: true)
        var p = LockPresentation()
        XCTAssertTrue(p.answered(locked), "launch: prompt once")
        XCTAssertFalse(p.answered(locked), "the .active after a cancelled prompt does not ask again")
        XCTAssertTrue(p.covers(locked, sceneActive: true))
        XCTAssertFalse(p.answered(openOn))
        XCTAssertFalse(p.covers(openOn, sceneActive: true))
        XCTAssertTrue(p.covers(openOn, sceneActive: false), "app switcher snapshot")

        p.enteredBackground(openOn)
        XCTAssertTrue(p.awaitingAnswer)
        XCTAssertTrue(p.covers(openOn, sceneActive: true), "back, before the core answered")
        XCTAssertFalse(p.answered(openOn))
        XCTAssertFalse(p.covers(openOn, sceneActive: true), "the core said open")

        p.enteredBackground(openOn)
        XCTAssertTrue(p.answered(locked), "back after the delay: prompt once")
        XCTAssertFalse(p.answered(locked))
        p.enteredBackground(locked)
        XCTAssertTrue(p.answered(locked), "each return from the background asks once")

        let off = LockUi.open(hideContent: false)
        var q = LockPresentation()
        q.enteredBackground(off)
        XCTAssertFalse(q.covers(off, sceneActive: true), "lock off: never covered")
        XCTAssertFalse(q.covers(off, sceneActive: false))

        XCTAssertEqual(promptRoute(canAuthenticate: true, passcodeNotSet: false), .show)
        XCTAssertEqual(promptRoute(canAuthenticate: false, passcodeNotSet: false), .show, "another reason: keep the cover")
        XCTAssertEqual(promptRoute(canAuthenticate: false, passcodeNotSet: true), .openNoPasscode)
    }

    func testTheLogTodaysAmountResultOfAPrivateReminderIsItsPublicVersion() {
        let logged = QuickLog(outcome: .logged, ml: 75, logged: nil, message: "Logged 75 ml of kefir")
        let hidden = ScheduledText(title: "Kefir Start", body: "Time for your check-in")
        XCTAssertEqual(quickLogNotice(logged, failedText: "Open the app", publicVersion: hidden),
                       QuickLogNotice(title: hidden.title, body: hidden.body, opensDrinkForm: false))
        XCTAssertEqual(quickLogNotice(logged, failedText: "Open the app", publicVersion: nil),
                       QuickLogNotice(title: "", body: logged.message, opensDrinkForm: false))
        let form = QuickLog(outcome: .needsForm, ml: 75, logged: nil, message: "Describe the homemade batch")
        XCTAssertEqual(quickLogNotice(form, failedText: "Open the app", publicVersion: hidden),
                       QuickLogNotice(title: hidden.title, body: hidden.body, opensDrinkForm: true))
        XCTAssertEqual(quickLogNotice(nil, failedText: "Open the app", publicVersion: hidden),
                       QuickLogNotice(title: hidden.title, body: "Open the app", opensDrinkForm: true))
    }

    // MARK: reminders on the lock screen

    func testRemindersArePrivateByDefaultAndTheFullTextIsTheUsersChoice() async throws {
        var settings = ReminderSettings(checkinTimes: ["20:00"], days: Weekday.allCases, quietStart: nil,
                                        quietEnd: nil, drinkReminder: "08:30", spacingAlerts: true, timeZone: tz)
        try await store.saveReminderSettings(settings)
        _ = try await store.startPlan(PlanSettings(), now: mondayMorning, timeZone: tz)
        let list = try await store.upcomingNotifications(now: mondayMorning, timeZone: tz, count: 16, locale: "en")
        XCTAssertFalse(list.isEmpty)
        for n in list {
            XCTAssertTrue(n.isPrivate, n.id)
            XCTAssertFalse(n.publicTitle.isEmpty, n.id)
            XCTAssertEqual(n.scheduledText, ScheduledText(title: n.publicTitle, body: n.publicBody))
        }
        let drink = try XCTUnwrap(list.first { $0.kind == .drinkReminder })
        XCTAssertNotEqual(drink.scheduledText.body, drink.body, "the amount stays off the lock screen")

        settings.fullTextOnLockScreen = true
        let saved = try await store.saveReminderSettings(settings)
        XCTAssertTrue(saved.fullTextOnLockScreen)
        let full = try await store.upcomingNotifications(now: mondayMorning, timeZone: tz, count: 16, locale: "en")
        for n in full {
            XCTAssertFalse(n.isPrivate, n.id)
            XCTAssertEqual(n.scheduledText, ScheduledText(title: n.title, body: n.body))
        }
        // The fingerprint follows the text scheduled: switching replaces pending requests.
        let before = list.map { PendingNotification(id: $0.id, fingerprint: NotificationPlanner.fingerprint($0)) }
        let plan = NotificationPlanner.plan(pending: before, upcoming: full, now: mondayMorning)
        let readded = Set(plan.toAdd.map(\.id))
        for n in full {
            if let old = list.first(where: { $0.id == n.id }), old.scheduledText != n.scheduledText {
                XCTAssertTrue(readded.contains(n.id), n.id)
            }
        }
        XCTAssertFalse(readded.isEmpty)
    }
}
