package org.kefir.app.logic

import java.io.File
import kotlin.test.AfterTest
import kotlin.test.Test
import kotlin.test.assertContentEquals
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertIs
import kotlin.test.assertNotEquals
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import kotlinx.coroutines.Dispatchers
import uniffi.kefir_core.AppLockSettings
import uniffi.kefir_core.NotificationKind
import uniffi.kefir_core.PlanSettings
import uniffi.kefir_ffi.KefirApp

/**
 * Issue 17 through the Android logic layer, against the real core: the
 * save-a-backup form (encrypted by default, plain only after the core's
 * warning), importing an encrypted backup, the app lock's decisions, and the
 * reminders' lock-screen version.
 */
class PrivacyTest {
    private val core = TestCore()
    private val g = core.gateway
    private val extra = mutableListOf<KefirApp>()

    /** A passphrase long and varied enough for any reasonable estimator. */
    private val strong = "violet tractor mends 41 quiet harbours"

    @AfterTest
    fun cleanup() {
        extra.forEach { it.close() }
        core.close()
    }

    /** Another process on the same database (a cold start), sharing the clock. */
    private fun relaunched(): CoreGateway = CoreGateway({ KefirApp(core.dbPath).also { extra += it } }, core.clock, Dispatchers.IO) { core.locale }

    private fun filled(passphrase: String, repeat: String = passphrase): BackupSaveForm {
        val form = blocking { loadBackupSaveForm(g) }.ok().withPassphrase(passphrase).withRepeat(repeat)
        val verdict = blocking { judgePassphrase(g, passphrase) }.ok()
        return form.withVerdict(passphrase, verdict)
    }

    private fun logDrink(gateway: CoreGateway, ml: String) {
        val input = DrinkForm(mlText = ml).toInput(core.clock.now).ok()
        blocking { gateway.write { cx -> logDrink(input, cx.now, cx.zone, cx.locale) } }.ok()
    }

    private fun drunk(gateway: CoreGateway): UInt = blocking { gateway.read { cx -> today(cx.now, cx.zone, cx.locale) } }.ok().drunkMl

    private fun encryptedBackup(): File {
        logDrink(g, "70")
        val file = core.dir.resolve("backup-${System.nanoTime()}.age")
        blocking { exportBackupFile(g, filled(strong), file) }.ok()
        return file
    }

    // --- saving a backup ------------------------------------------------------

    @Test
    fun theFormStartsEncryptedWithTheCoresTextsAndSavesOnlyAnAcceptableMatchingPassphrase() {
        val fresh = blocking { loadBackupSaveForm(g) }.ok()
        val t = fresh.texts
        assertTrue(t.encryptByDefault)
        listOf(t.title, t.encryptLabel, t.passphraseLabel, t.repeatLabel, t.mismatchMessage, t.passphraseHelp, t.plainWarning,
            t.plainConfirmLabel, t.importPassphrasePrompt, t.wrongPassphraseMessage).forEach { assertTrue(it.isNotBlank(), t.toString()) }
        assertTrue(fresh.encrypt)
        assertFalse(fresh.canSave, "nothing typed yet")

        val weak = filled("abc")
        assertEquals(false, weak.verdict?.acceptable)
        assertTrue(weak.verdict!!.reasons.isNotEmpty(), "the core says why")
        assertTrue(weak.verdict!!.levelLabel.isNotBlank())
        assertFalse(weak.canSave)

        val different = filled(strong, strong + "!")
        assertEquals(true, different.verdict?.acceptable)
        assertTrue(different.mismatch)
        assertFalse(different.canSave)
        val refused = core.dir.resolve("refused.age")
        val err = blocking { exportBackupFile(g, different, refused) }.failed()
        assertEquals(ErrorKind.INVALID_INPUT, err.kind)
        assertEquals(t.mismatchMessage, err.detail)
        assertFalse(refused.exists())

        // A late verdict for an older passphrase is not applied.
        val typing = fresh.withPassphrase(strong)
        val late = blocking { judgePassphrase(g, "something else entirely 93!") }.ok()
        assertNull(typing.withVerdict("older", late).verdict)

        val ok = filled(strong)
        assertTrue(ok.canSave)
        assertEquals(strong, ok.passphraseToSend)
        val cleared = ok.cleared()
        assertEquals("", cleared.passphrase)
        assertEquals("", cleared.repeat)
        assertNull(cleared.verdict)
        assertFalse(cleared.canSave)
    }

    @Test
    fun anEncryptedBackupIsAgeNotJsonAndTheCoreRefusesAWeakPassphraseItself() {
        val file = encryptedBackup()
        // The age format's header line (https://age-encryption.org/v1).
        assertTrue(file.readBytes().decodeToString(0, 21) == "age-encryption.org/v1", "not an age file")
        assertFalse(file.readText().contains("kefir-backup"), "the content is not readable")

        val weak = core.dir.resolve("weak.age")
        val err = blocking { g.read { cx -> exportBackup(weak.path, "abc", cx.now, cx.locale) } }.failed()
        assertEquals(ErrorKind.INVALID_INPUT, err.kind)
        assertEquals("passphrase", err.field)
    }

    @Test
    fun aPlainBackupNeedsTheCoresWarningConfirmed() {
        logDrink(g, "50")
        val form = blocking { loadBackupSaveForm(g) }.ok().withEncrypt(false)
        assertTrue(form.plainWarningPending)
        assertFalse(form.canSave)
        val file = core.dir.resolve("plain.json")
        val err = blocking { exportBackupFile(g, form, file) }.failed()
        assertEquals(form.texts.plainWarning, err.detail)
        assertFalse(file.exists())

        val confirmed = form.confirmPlain()
        assertTrue(confirmed.canSave)
        assertNull(confirmed.passphraseToSend)
        blocking { exportBackupFile(g, confirmed, file) }.ok()
        assertTrue(file.readText().contains("\"kefir-backup\""))
        // Encryption on and off again: the warning is asked again.
        assertTrue(confirmed.withEncrypt(true).withEncrypt(false).plainWarningPending)
    }

    // --- importing an encrypted backup -----------------------------------------

    @Test
    fun anEncryptedBackupAsksForItsPassphraseAndAWrongOneAsksAgainChangingNothing() {
        val file = encryptedBackup()
        val texts = blocking { loadBackupSaveForm(g) }.ok().texts
        TestCore().use { other ->
            val flow = ImportFlow(other.gateway)
            val copy = file.copyTo(other.dir.resolve("import-copy"))
            val first = assertIs<ImportStep.NeedsPassphrase>(blocking { flow.start(copy) })
            assertEquals(texts.importPassphrasePrompt, first.prompt)
            assertNull(first.wrong)
            assertEquals(copy, flow.waiting)
            assertTrue(copy.exists())

            val again = assertIs<ImportStep.NeedsPassphrase>(blocking { flow.unlock("not the passphrase at all 1234") })
            assertEquals(texts.wrongPassphraseMessage, again.wrong)
            assertFalse(flow.holdsPassphrase, "a wrong passphrase is not kept")
            assertEquals(0u, drunk(other.gateway), "nothing imported")

            val done = assertIs<ImportStep.Done>(blocking { flow.unlock(strong) })
            assertEquals(1u, done.summary.drinks)
            assertEquals(70u, drunk(other.gateway))
            assertFalse(copy.exists())
            assertNull(flow.waiting)
        }
    }

    @Test
    fun intoAJournalWithDataThePassphraseIsKeptOnlyUntilTheConfirmation() {
        val file = encryptedBackup()
        TestCore().use { other ->
            logDrink(other.gateway, "30")
            val flow = ImportFlow(other.gateway)
            assertIs<ImportStep.NeedsPassphrase>(blocking { flow.start(file.copyTo(other.dir.resolve("c"))) })
            assertIs<ImportStep.NeedsConfirmation>(blocking { flow.unlock(strong) })
            assertTrue(flow.holdsPassphrase)
            assertEquals(30u, drunk(other.gateway))
            assertIs<ImportStep.Done>(blocking { flow.confirm() })
            assertFalse(flow.holdsPassphrase)
            assertEquals(70u, drunk(other.gateway))

            // Cancelling drops the copy and the passphrase too.
            assertIs<ImportStep.NeedsPassphrase>(blocking { flow.start(file.copyTo(other.dir.resolve("d"))) })
            assertIs<ImportStep.NeedsConfirmation>(blocking { flow.unlock(strong) })
            flow.cancel()
            assertFalse(flow.holdsPassphrase)
            assertFalse(other.dir.resolve("d").exists())
        }
    }

    @Test
    fun theFailedOpenRestoreTakesAnEncryptedBackupWithItsPassphrase() {
        val backup = encryptedBackup()
        val broken = TestCore()
        try {
            val db = File(broken.dbPath)
            val garbage = ByteArray(4096) { 0x42 }
            db.writeBytes(garbage)
            val recovery = DatabaseRecovery(db, { "en" }) { KefirApp(it).also { a -> extra += a } }
            val refused = assertIs<RecoveryResult.Failed>(recovery.restore(backup, core.clock.now))
            assertEquals(ErrorKind.PASSPHRASE_REQUIRED, refused.error.kind)
            val ask = assertNotNull(passphraseQuestion(refused.error, "en"))
            assertTrue(ask.prompt.isNotBlank())
            assertContentEquals(garbage, db.readBytes(), "nothing moved")
            val wrong = assertIs<RecoveryResult.Failed>(recovery.restore(backup, core.clock.now, "wrong wrong wrong 123"))
            assertNotNull(passphraseQuestion(wrong.error, "en")?.wrong)
            val r = assertIs<RecoveryResult.Recovered>(recovery.restore(backup, core.clock.now, strong))
            assertEquals(1u, r.imported!!.drinks)
            assertContentEquals(garbage, r.asideFiles.single().readBytes())
            assertNull(passphraseQuestion(UiError(ErrorKind.STORAGE), "en"))
        } finally {
            broken.close()
        }
    }

    // --- app lock ----------------------------------------------------------------

    private fun enableLock(flow: AppLockFlow, minutes: UInt? = null): uniffi.kefir_core.AppLockForm {
        val form = blocking { flow.form() }.ok()
        assertTrue(form.choices.isNotEmpty())
        val saved = blocking { flow.save(AppLockSettings(true, minutes ?: form.settings.afterMinutes)) }.ok()
        assertTrue(saved.settings.enabled)
        assertFalse(saved.offer, "answered")
        return saved
    }

    @Test
    fun theLockIsOffByDefaultOfferedOnceAndNeverLocksWhileOff() {
        val flow = AppLockFlow(g)
        val form = blocking { flow.form() }.ok()
        assertFalse(form.settings.enabled)
        assertTrue(form.offer)
        assertNotNull(lockOffer(form, canAuthenticate = true))
        assertNull(lockOffer(form, canAuthenticate = false), "no prompt possible: not offered")
        assertTrue(form.lockScreenLabel.isNotBlank() && form.lockScreenHelp.isNotBlank(), "the lock-screen switch's words come from the core")
        assertEquals(LockUi.CHECKING, flow.current)

        assertFalse(blocking { flow.foregrounded() }.cover)
        blocking { flow.backgrounded() }.ok()
        core.clock.now = core.clock.now.plusSeconds(24 * 3600)
        assertFalse(blocking { flow.foregrounded() }.cover)
        blocking { flow.backgrounded() }.ok()
        core.clock.now = core.clock.now.minusSeconds(48 * 3600)
        assertFalse(blocking { flow.foregrounded() }.cover, "a clock set back locks nothing while the lock is off")

        val declined = blocking { flow.save(declineOffer(form)) }.ok()
        assertFalse(declined.offer)
        assertFalse(declined.settings.enabled)
        assertNull(lockOffer(declined, canAuthenticate = true))
        assertEquals(acceptOffer(form).afterMinutes, form.settings.afterMinutes, "turning it on keeps the core's delay")
    }

    @Test
    fun aColdStartWithTheLockOnIsLockedAndUnlockingOpens() {
        enableLock(AppLockFlow(g))
        val flow = AppLockFlow(relaunched())
        core.clock.now = core.clock.now.plusSeconds(60)
        val cold = blocking { flow.foregrounded() }
        assertTrue(cold.cover)
        assertTrue(cold.prompt)
        assertTrue(cold.secure)
        assertTrue(cold.coverTitle.isNotBlank())
        assertTrue(cold.unlockLabel.isNotBlank())
        assertTrue(cold.promptReason.isNotBlank())

        val open = blocking { flow.unlocked() }
        assertFalse(open.cover)
        assertTrue(open.secure, "the lock is on: FLAG_SECURE stays")
        assertEquals(open, flow.current)
    }

    @Test
    fun backgroundLongerThanTheDelayLocksAndShorterDoesNot() {
        val flow = AppLockFlow(g)
        val delay = blocking { flow.form() }.ok().choices.maxOf { it.minutes }
        enableLock(flow, delay)
        blocking { flow.backgrounded() }.ok()
        if (delay > 0u) {
            core.clock.now = core.clock.now.plusSeconds(30)
            assertFalse(blocking { flow.foregrounded() }.cover, "back within the delay")
            blocking { flow.backgrounded() }.ok()
        }
        core.clock.now = core.clock.now.plusSeconds(delay.toLong() * 60 + 120)
        assertTrue(blocking { flow.foregrounded() }.cover)
    }

    @Test
    fun aClockSetBackWhileInTheBackgroundLocks() {
        val flow = AppLockFlow(g)
        enableLock(flow)
        blocking { flow.backgrounded() }.ok()
        core.clock.now = core.clock.now.minusSeconds(3600)
        assertTrue(blocking { flow.foregrounded() }.cover)
    }

    @Test
    fun withoutAPromptOnThePhoneTheOwnerIsNotLockedOut() {
        enableLock(AppLockFlow(g))
        val flow = AppLockFlow(relaunched())
        assertTrue(blocking { flow.foregrounded() }.cover)
        assertFalse(blocking { flow.promptUnavailable() }.cover)
    }

    @Test
    fun thePromptsOwnPinScreenIsNotLeavingTheApp() {
        val flow = AppLockFlow(g)
        val delay = blocking { flow.form() }.ok().choices.minOf { it.minutes }
        enableLock(flow, delay)
        blocking { flow.backgrounded() }.ok()
        core.clock.now = core.clock.now.plusSeconds(delay.toLong() * 60 + 60)
        assertTrue(blocking { flow.foregrounded() }.cover)
        flow.promptStarted()
        // The system's PIN screen stops the activity for longer than the delay; nothing is reported meanwhile.
        blocking { flow.backgrounded() }.ok()
        core.clock.now = core.clock.now.plusSeconds(delay.toLong() * 60 + 60)
        assertTrue(blocking { flow.foregrounded() }.cover)
        val open = blocking { flow.unlocked() }
        assertFalse(open.cover)
        assertFalse(flow.prompting)
        assertFalse(blocking { flow.foregrounded() }.cover, "the core was not told the app left")
    }

    @Test
    fun aDatabaseThatDoesNotOpenNeverLocksTheOwnerOut() {
        File(core.dbPath).writeBytes(ByteArray(4096) { 0x42 })
        val flow = AppLockFlow(g)
        val ui = blocking { flow.foregrounded() }
        assertFalse(ui.cover, "the start screen's ways out must be reachable")
    }

    @Test
    fun leavingWithTheLockOnCoversUntilTheCoreAnswersOpen() {
        val flow = AppLockFlow(g)
        val delay = blocking { flow.form() }.ok().choices.maxOf { it.minutes }
        assertTrue(delay > 0u)
        // Lock off: leaving covers nothing.
        assertFalse(blocking { flow.foregrounded() }.cover)
        assertFalse(flow.leaving().cover)
        enableLock(flow, delay)
        val open = flow.current
        assertFalse(open.cover)
        assertTrue(open.secure)

        val away = flow.leaving()
        assertEquals(LockUi.CHECKING, away, "blank cover, no prompt, before any frame on return")
        assertEquals(away, flow.current)
        blocking { flow.backgrounded() }.ok()
        core.clock.now = core.clock.now.plusSeconds(30)
        assertEquals(open, blocking { flow.foregrounded() }, "the core says open within the delay")

        // Already locked: leaving keeps the locked cover and its button.
        flow.leaving()
        blocking { flow.backgrounded() }.ok()
        core.clock.now = core.clock.now.plusSeconds(delay.toLong() * 60 + 60)
        val locked = blocking { flow.foregrounded() }
        assertTrue(locked.cover && locked.prompt)
        assertEquals(locked, flow.leaving())
        assertFalse(blocking { flow.unlocked() }.cover)

        // Our own document picker: no cover (its result must reach the screen), the core still hears the trip.
        flow.externalScreenStarted()
        assertFalse(flow.leaving().cover)
        blocking { flow.backgrounded() }.ok()
        core.clock.now = core.clock.now.plusSeconds(delay.toLong() * 60 + 60)
        flow.returned()
        assertTrue(blocking { flow.foregrounded() }.cover, "the core locks after the delay even so")
    }

    @Test
    fun aFailedAnswerAfterABackgroundTripWithTheLockOnStaysLockedAndThePromptOpens() {
        val flow = AppLockFlow(g)
        enableLock(flow, blocking { flow.form() }.ok().choices.maxOf { it.minutes })
        val texts = blocking { flow.foregrounded() }
        flow.leaving()
        blocking { flow.backgrounded() }.ok()
        core.locale = "not a language tag!"
        val failed = blocking { flow.foregrounded() }
        assertTrue(failed.cover && failed.prompt && failed.secure, failed.toString())
        assertEquals(texts.coverTitle, failed.coverTitle, "the core's last texts")
        assertEquals(texts.promptReason, failed.promptReason)
        assertTrue(failed.unlockLabel.isNotBlank())
        // The platform prompt proved the owner: open even though the core still fails.
        val open = blocking { flow.unlocked() }
        assertFalse(open.cover)
        assertTrue(open.secure)
        core.locale = "en"
    }

    @Test
    fun theOnePromptRoutesAConfirmationAndAnUnlockToTheirRequesters() {
        val flow = AppLockFlow(g)
        var confirmed = 0
        assertTrue(flow.confirmStarted { confirmed++ })
        assertTrue(flow.prompting)
        assertFalse(flow.confirmStarted { confirmed += 10 }, "one prompt at a time")
        flow.promptSucceeded()!!.invoke()
        assertEquals(1, confirmed)
        assertFalse(flow.prompting)
        // A cancelled confirmation runs nothing, and leaves nothing waiting.
        assertTrue(flow.confirmStarted { confirmed++ })
        flow.promptEnded()
        assertFalse(flow.prompting)
        assertNull(flow.promptSucceeded(), "an unlock's success is not taken for a confirmation")
        assertEquals(1, confirmed)

        // An unlock after the lock was turned on through a confirmation: the result unlocks.
        enableLock(flow)
        val cold = AppLockFlow(relaunched())
        assertTrue(blocking { cold.foregrounded() }.cover)
        cold.promptStarted()
        assertNull(cold.promptSucceeded())
        assertFalse(blocking { cold.unlocked() }.cover)
    }

    @Test
    fun onlyAPhoneWithoutAScreenLockOpensWithoutAPromptAndTheSwitchCanAlwaysTurnTheLockOff() {
        assertEquals(PromptRoute.SHOW, promptRoute(canAuthenticate = true, deviceSecure = true))
        assertEquals(PromptRoute.SHOW, promptRoute(canAuthenticate = false, deviceSecure = true), "hardware busy: try, keep the cover")
        assertEquals(PromptRoute.OPEN_NO_SCREEN_LOCK, promptRoute(canAuthenticate = false, deviceSecure = false))

        val off = blocking { AppLockFlow(g).form() }.ok()
        assertFalse(lockSwitchEnabled(off, canAuthenticate = false, busy = false), "turning on needs a prompt")
        assertTrue(lockSwitchEnabled(off, canAuthenticate = true, busy = false))
        val on = enableLock(AppLockFlow(g))
        assertTrue(lockSwitchEnabled(on, canAuthenticate = false, busy = false), "turning off never needs one")
        assertFalse(lockSwitchEnabled(on, canAuthenticate = true, busy = true))
    }

    // --- reminders on the lock screen -------------------------------------------

    @Test
    fun remindersArePrivateByDefaultAndTheFullTextIsTheUsersChoice() {
        val form = blocking { loadReminderForm(g) }.ok().copy(drinkReminder = "08:30")
        assertFalse(form.fullTextOnLockScreen, "the core's default")
        blocking { g.write { cx -> saveReminderSettings(form.toSettings(cx.zone)) } }.ok()
        blocking { g.write { cx -> startPlan(PlanSettings(), cx.now, cx.zone, cx.locale) } }.ok()
        fun upcoming() = blocking { g.read { cx -> upcomingNotifications(cx.now, cx.zone, 16u, cx.locale) } }.ok()

        val private = upcoming()
        assertTrue(private.isNotEmpty())
        for (n in private) {
            val spec = n.toAlarmSpec()
            val lock = assertNotNull(spec.lockScreen, n.id)
            assertEquals(LockScreenText(n.publicTitle, n.publicBody), lock)
            assertTrue(lock.title.isNotBlank(), n.id)
            // Posted as the notification's own content too: Android's default lock-screen setting shows it.
            assertEquals(PostedNotification(n.publicTitle, n.publicBody, lock), spec.posted, n.id)
            assertTrue(spec.posted.visibilityPrivate)
        }
        val drink = private.first { it.kind == NotificationKind.DRINK_REMINDER }
        assertNotEquals(drink.body, drink.publicBody, "the amount stays off the lock screen")

        val full = form.copy(fullTextOnLockScreen = true)
        val saved = blocking { g.write { cx -> saveReminderSettings(full.toSettings(cx.zone)) } }.ok()
        assertTrue(ReminderForm.from(saved).fullTextOnLockScreen)
        for (n in upcoming()) {
            val spec = n.toAlarmSpec()
            assertNull(spec.lockScreen, n.id)
            assertEquals(PostedNotification(n.title, n.body, null), spec.posted, n.id)
            assertFalse(spec.posted.visibilityPrivate)
        }
    }
}
