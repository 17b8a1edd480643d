package org.kefir.app.logic

import java.io.File
import kotlin.test.AfterTest
import kotlin.test.Test
import kotlin.test.assertContentEquals
import kotlin.test.assertEquals
import kotlin.test.assertNotEquals
import kotlin.test.assertFalse
import kotlin.test.assertIs
import kotlin.test.assertNull
import kotlin.test.assertTrue
import uniffi.kefir_core.DrinkInput
import uniffi.kefir_core.KefirKind
import uniffi.kefir_core.Paper
import uniffi.kefir_core.PlanSettings
import uniffi.kefir_core.Source
import uniffi.kefir_ffi.KefirApp

/** The failed-open recovery, the reminder actions and the Reports screen's model, against the real core. */
class RecoveryAndActionsTest {
    private val core = TestCore()
    private val g = core.gateway
    private val db = File(core.dbPath)
    private val garbage = ByteArray(8192) { (it * 31 % 251).toByte() }

    @AfterTest
    fun cleanup() = core.close()

    // --- unreadable database ------------------------------------------------

    private fun unreadable(): UiError {
        db.writeBytes(garbage)
        return blocking { g.read { cx -> today(cx.now, cx.zone, cx.locale) } }.failed()
    }

    private fun backupFile(): File {
        val other = TestCore()
        try {
            val profile = blocking { other.gateway.read { profile() } }.ok()
            blocking { other.gateway.write { cx -> saveProfile(profile, cx.now, cx.locale) } }.ok()
            blocking { other.gateway.write { cx -> startPlan(PlanSettings(), cx.now, cx.zone, cx.locale) } }.ok()
            val input = DrinkForm(mlText = "40").toInput(other.clock.now).ok()
            blocking { other.gateway.write { cx -> logDrink(input, cx.now, cx.zone, cx.locale) } }.ok()
            val file = core.dir.resolve("backup-from-files-app.json")
            blocking { other.gateway.read { cx -> exportBackup(file.path, null, cx.now, cx.locale) } }.ok()
            return file
        } finally {
            other.close()
        }
    }

    @Test
    fun anUnreadableFileOffersRestoreAndAFreshStartButANewerOneOnlyRetry() {
        val err = unreadable()
        assertEquals(ErrorKind.DATABASE_UNREADABLE, err.kind)
        assertEquals(listOf(RecoveryOption.RESTORE_BACKUP, RecoveryOption.START_FRESH, RecoveryOption.RETRY), recoveryOptions(err))
        assertEquals(listOf(RecoveryOption.RETRY), recoveryOptions(UiError(ErrorKind.DATABASE_TOO_NEW, "9 > 3")))
        assertEquals(listOf(RecoveryOption.RETRY), recoveryOptions(UiError(ErrorKind.STORAGE_FULL)))
        assertContentEquals(garbage, db.readBytes(), "the refused file is left byte for byte")
    }

    @Test
    fun startFreshKeepsTheOldFileAsideByteForByteAndTheAppOpensEmpty() {
        unreadable()
        val recovery = DatabaseRecovery(db) { KefirApp(it) }
        val r = assertIs<RecoveryResult.Recovered>(recovery.startFresh(core.clock.now))
        val aside = r.asideFiles.single()
        assertEquals("kefir.db.unreadable-2025-03-10T08-30-00Z", aside.name)
        assertContentEquals(garbage, aside.readBytes())
        assertFalse(db.exists())
        // The same gateway retries its opener: an empty journal, first-run screening.
        val today = blocking { g.read { cx -> today(cx.now, cx.zone, cx.locale) } }.ok()
        assertEquals(StartTarget.ONBOARDING, today.startTarget())
        assertEquals(listOf(aside), recovery.asideFiles())
    }

    @Test
    fun restoreImportsTheBackupFirstAndOnlyThenSetsTheOldFileAside() {
        unreadable()
        val backup = backupFile()
        val recovery = DatabaseRecovery(db) { KefirApp(it) }
        val r = assertIs<RecoveryResult.Recovered>(recovery.restore(backup, core.clock.now))
        assertEquals(1u, r.imported!!.drinks)
        assertContentEquals(garbage, r.asideFiles.single().readBytes())
        val today = blocking { g.read { cx -> today(cx.now, cx.zone, cx.locale) } }.ok()
        assertEquals(40u, today.drunkMl)
        assertEquals(StartTarget.TODAY, today.startTarget())
        assertTrue(core.dir.listFiles()!!.none { it.name.contains(".restoring") }, "no staging files left")
    }

    @Test
    fun aRefusedBackupMovesNothing() {
        unreadable()
        val bad = core.dir.resolve("bad.json").apply { writeText("{\"format\":\"kefir-backup\",\"version\":999}") }
        val recovery = DatabaseRecovery(db) { KefirApp(it) }
        val r = assertIs<RecoveryResult.Failed>(recovery.restore(bad, core.clock.now))
        assertEquals(ErrorKind.BACKUP_REJECTED, r.error.kind, r.error.toString())
        assertContentEquals(garbage, db.readBytes())
        assertEquals(emptyList(), recovery.asideFiles())
        assertTrue(core.dir.listFiles()!!.none { it.name.contains(".restoring") })
        // A second fresh start on the same instant does not overwrite the first aside file.
        recovery.startFresh(core.clock.now)
        db.writeBytes(garbage.reversedArray())
        val second = assertIs<RecoveryResult.Recovered>(recovery.startFresh(core.clock.now))
        assertEquals("kefir.db.unreadable-2025-03-10T08-30-00Z-1", second.asideFiles.single().name)
        assertEquals(2, recovery.asideFiles().size)
    }

    // --- reminder actions -----------------------------------------------------

    @Test
    fun eachReminderKindHasItsButton() {
        assertEquals(listOf(ReminderAction.LOG_TODAYS_AMOUNT), reminderActions("drink_reminder"))
        assertEquals(listOf(ReminderAction.CHECK_IN), reminderActions("checkin"))
        assertEquals(emptyList(), reminderActions("spacing_ended"))
        assertEquals(ReminderAction.CHECK_IN, ReminderAction.fromId("check_in"))
        assertEquals(null, ReminderAction.fromId("something"))
    }

    private fun screenAndPlan() {
        val profile = blocking { g.read { profile() } }.ok()
        blocking { g.write { cx -> saveProfile(profile, cx.now, cx.locale) } }.ok()
        blocking { g.write { cx -> startPlan(PlanSettings(), cx.now, cx.zone, cx.locale) } }.ok()
    }

    private fun log(ml: UInt, source: Source = Source.COMMERCIAL, kind: KefirKind = KefirKind.MILK_COW) =
        blocking { g.write { cx -> logDrink(DrinkInput(at = cx.now, ml = ml, kind = kind, source = source), cx.now, cx.zone, cx.locale) } }.ok()

    @Test
    fun logTodaysAmountLogsWhatTheCoreSaysIsLeftOnceWithTheLatestKind() {
        screenAndPlan()
        core.clock.now = core.clock.now.minusSeconds(86_400)
        log(20u, kind = KefirKind.MILK_GOAT)
        core.clock.now = core.clock.now.plusSeconds(86_400)
        val before = blocking { g.read { cx -> today(cx.now, cx.zone, cx.locale) } }.ok()
        val left = before.remainingMl!!
        assertTrue(left > 0u, before.toString())

        val done = assertIs<QuickLogOutcome.Logged>(blocking { logTodaysAmount(g) })
        assertEquals(left, done.ml)
        // The core's message, in the app's language, names the amount.
        assertTrue(done.message.contains(left.toString()), done.message)
        // From a private reminder (the default) the result posts only the reminder's public version.
        val lock = LockScreenText("public title", "public body")
        assertEquals(PostedNotification(lock.title, lock.body, lock), done.notice("failed", lock).posted)
        val full = done.notice("failed", null).posted
        assertTrue(full.body.startsWith(done.message) && full.body.contains(left.toString()), full.body)
        assertNull(full.publicVersion)
        val after = blocking { g.read { cx -> today(cx.now, cx.zone, cx.locale) } }.ok()
        assertEquals(before.drunkMl + left, after.drunkMl)
        assertEquals(0u, after.remainingMl)
        assertEquals(KefirKind.MILK_GOAT, after.drinks.single().kind, "the core preselects the latest drink's kind")
        // A second tap (or a delivered duplicate) logs nothing more.
        assertIs<QuickLogOutcome.NothingLeft>(blocking { logTodaysAmount(g) })
        assertEquals(after.drunkMl, blocking { g.read { cx -> today(cx.now, cx.zone, cx.locale) } }.ok().drunkMl)
    }

    @Test
    fun logTodaysAmountNeedsTheFormWithoutAPlanOrForHomemade() {
        val noPlan = assertIs<QuickLogOutcome.NeedsForm>(blocking { logTodaysAmount(g) }, "no plan, no amount")
        assertEquals(null, noPlan.ml)
        assertTrue(noPlan.message.isNotBlank())
        screenAndPlan()
        core.clock.now = core.clock.now.minusSeconds(3_600)
        log(10u, source = Source.HOMEMADE)
        core.clock.now = core.clock.now.plusSeconds(3_600)
        val stillLeft = blocking { g.read { cx -> today(cx.now, cx.zone, cx.locale) } }.ok().remainingMl
        val homemade = assertIs<QuickLogOutcome.NeedsForm>(blocking { logTodaysAmount(g) }, "a homemade batch is described in the form")
        assertEquals(stillLeft, homemade.ml)
    }

    @Test
    fun logTodaysAmountSpeaksTheAppsLanguage() {
        screenAndPlan()
        core.locale = "de-DE"
        val de = assertIs<QuickLogOutcome.Logged>(blocking { logTodaysAmount(g) })
        core.locale = "ru"
        val ru = assertIs<QuickLogOutcome.NothingLeft>(blocking { logTodaysAmount(g) })
        core.locale = "en"
        val en = assertIs<QuickLogOutcome.NothingLeft>(blocking { logTodaysAmount(g) })
        assertTrue(ru.message.any { it in '\u0400'..'\u04FF' }, "Russian (Cyrillic): ${ru.message}")
        assertNotEquals(en.message, ru.message)
        assertNotEquals(de.message, en.message)
        assertTrue(de.message.contains("ml"), de.message)
    }

    // --- reports model --------------------------------------------------------

    @Test
    fun theReportsModelLoadsTheCoresRangePreviewsAndWritesFiles() {
        val model = ReportsModel(g, { core.format }, core.dir.resolve("shared").apply { mkdirs() })
        assertFalse(model.state.value.canAct)
        assertEquals(null, blocking { model.export(ReportKind.PDF) }, "nothing before the range is known")
        blocking { model.load() }
        assertEquals(ReportRangeUi("2025-02-11", "2025-03-10", "11 Feb 2025", "10 Mar 2025"), model.state.value.range)

        log(60u)
        assertTrue(blocking { model.preview() })
        assertEquals("60 ml", model.state.value.preview!!.total)
        model.setPaper(Paper.LETTER)
        val pdf = blocking { model.export(ReportKind.PDF) }!!
        assertEquals("application/pdf", pdf.mimeType)
        assertEquals("kefir-summary-2025-02-11-to-2025-03-10.pdf", pdf.files.single().name)
        assertEquals("%PDF", pdf.files.single().readBytes().copyOfRange(0, 4).decodeToString())
        val csv = blocking { model.exportCsv() }!!
        assertEquals(4, csv.files.size)
        assertTrue(csv.files.all { it.exists() })
        assertFalse(model.state.value.busy)

        // A picked day drops the preview; a backwards range is the core's error, shown in the state.
        model.setFrom(1741564800000L + 86_400_000L) // 2025-03-11
        assertEquals(null, model.state.value.preview)
        assertEquals(null, blocking { model.export(ReportKind.FHIR) })
        assertEquals(ErrorKind.INVALID_INPUT, model.state.value.error!!.kind)
        model.setFrom(1741564800000L)
        assertEquals(null, model.state.value.error)
        assertTrue(blocking { model.export(ReportKind.FHIR) }!!.files.single().readText().contains("\"Bundle\""))
    }
}
