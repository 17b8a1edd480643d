package org.kefir.app.logic

import java.io.File
import java.time.Instant
import kotlin.test.AfterTest
import kotlin.test.Test
import kotlin.test.assertContentEquals
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertIs
import kotlin.test.assertNull
import kotlin.test.assertTrue
import uniffi.kefir_core.PlanSettings
import uniffi.kefir_core.Severity
import uniffi.kefir_core.Symptom
import uniffi.kefir_ffi.KefirApp

/** Cold-start routing, notification permission, import confirmation and emergency routing. */
class ShellFlowsTest {
    private val core = TestCore()
    private val g = core.gateway

    @AfterTest
    fun cleanup() = core.close()

    // --- cold-start routing -------------------------------------------------

    @Test
    fun aTapOnAColdStartIsHeldUntilTheStartScreenDecidesThenStacksOnToday() {
        val router = OpenRouter()
        assertEquals(emptyList(), router.open(openTargetFor("checkin")), "nothing is pushed before the start screen decided")
        assertEquals(listOf(Screen.TODAY, Screen.CHECKIN), router.started(StartTarget.TODAY))
        // Once started, a tap pushes at once; the held one is not replayed.
        assertEquals(listOf(Screen.DRINK), router.open(openTargetFor("drink_reminder")))
        assertEquals(emptyList(), router.open(openTargetFor("spacing_ended")), "Today is already there")
        assertEquals(listOf(Screen.TODAY), OpenRouter().started(StartTarget.TODAY), "no tap: Today only")
    }

    @Test
    fun beforeTheFirstScreeningTapsAreDroppedAndOnboardingStays() {
        val router = OpenRouter()
        router.open(OpenTarget.CHECKIN)
        assertEquals(listOf(Screen.ONBOARDING), router.started(StartTarget.ONBOARDING))
        assertEquals(emptyList(), router.open(OpenTarget.CHECKIN))
        router.finishedOnboarding()
        assertEquals(listOf(Screen.CHECKIN), router.open(OpenTarget.CHECKIN))
        router.restart() // after "Delete everything"
        assertEquals(emptyList(), router.open(OpenTarget.DRINK))
        assertEquals(listOf(Screen.TODAY, Screen.DRINK), router.started(StartTarget.TODAY))
    }

    @Test
    fun afterProcessRecreationTodayReleasesAHeldTap() {
        val router = OpenRouter() // new process, back stack restored on Today: the start screen never runs
        assertEquals(emptyList(), router.open(OpenTarget.CHECKIN))
        assertEquals(listOf(Screen.CHECKIN), router.showingToday())
        assertEquals(emptyList(), router.showingToday(), "released once")
        assertEquals(listOf(Screen.DRINK), router.open(OpenTarget.DRINK))
        // The normal path: the start screen consumed the tap, Today finds nothing held.
        val normal = OpenRouter()
        normal.open(OpenTarget.CHECKIN)
        assertEquals(listOf(Screen.TODAY, Screen.CHECKIN), normal.started(StartTarget.TODAY))
        assertEquals(emptyList(), normal.showingToday())
    }

    @Test
    fun theStartTargetComesFromTheCore() {
        val first = blocking { g.read { cx -> today(cx.now, cx.zone, cx.locale) } }.ok()
        assertEquals(StartTarget.ONBOARDING, first.startTarget())
        val router = OpenRouter()
        router.open(OpenTarget.CHECKIN)
        assertEquals(listOf(Screen.ONBOARDING), router.started(first.startTarget()))
    }

    // --- notification permission --------------------------------------------

    private val granted = NotificationDeviceState(
        runtimePermission = true, permissionGranted = true, appNotificationsEnabled = true,
        channelEnabled = true, askedBefore = true, shouldShowRationale = false,
    )

    @Test
    fun notificationPromptFollowsAndroidsTwoAskRule() {
        assertEquals(NotificationPrompt.NONE, notificationPrompt(granted))
        val never = granted.copy(permissionGranted = false, askedBefore = false)
        assertEquals(NotificationPrompt.ASK, notificationPrompt(never), "first run on 13+: rationale, then the dialog")
        val deniedOnce = never.copy(askedBefore = true, shouldShowRationale = true)
        assertEquals(NotificationPrompt.ASK, notificationPrompt(deniedOnce))
        val deniedTwice = deniedOnce.copy(shouldShowRationale = false)
        assertEquals(NotificationPrompt.OPEN_SETTINGS, notificationPrompt(deniedTwice), "the dialog will not show again")
        val below13 = granted.copy(runtimePermission = false, askedBefore = false)
        assertEquals(NotificationPrompt.NONE, notificationPrompt(below13))
        assertEquals(NotificationPrompt.OPEN_SETTINGS, notificationPrompt(below13.copy(appNotificationsEnabled = false)))
        assertEquals(NotificationPrompt.OPEN_SETTINGS, notificationPrompt(granted.copy(channelEnabled = false)))
    }

    @Test
    fun todayShowsTheCardWhenRemindersCannotAppearUntilDismissedForThatState() {
        assertFalse(showNotificationCardOnToday(NotificationPrompt.NONE, null))
        assertTrue(showNotificationCardOnToday(NotificationPrompt.ASK, null))
        assertFalse(showNotificationCardOnToday(NotificationPrompt.ASK, NotificationPrompt.ASK))
        assertTrue(showNotificationCardOnToday(NotificationPrompt.OPEN_SETTINGS, NotificationPrompt.ASK), "a new state shows again")
    }

    // --- import confirmation ------------------------------------------------

    private fun backupWithOneDrink(): File {
        val other = TestCore()
        try {
            val input = DrinkForm(mlText = "70").toInput(other.clock.now).ok()
            blocking { other.gateway.write { cx -> logDrink(input, cx.now, cx.zone, cx.locale) } }.ok()
            val file = core.dir.resolve("picked-backup.json")
            blocking { other.gateway.read { cx -> exportBackup(file.path, null, cx.now, cx.locale) } }.ok()
            return file
        } finally {
            other.close()
        }
    }

    private fun copyOf(file: File): File = file.copyTo(core.dir.resolve("import-${System.nanoTime()}.json"))

    private fun drunkToday(): UInt = blocking { g.read { cx -> today(cx.now, cx.zone, cx.locale) } }.ok().drunkMl

    @Test
    fun importAsksBeforeReplacingAndOnlyConfirmReplaces() {
        val mine = DrinkForm(mlText = "30").toInput(core.clock.now).ok()
        blocking { g.write { cx -> logDrink(mine, cx.now, cx.zone, cx.locale) } }.ok()
        val backup = backupWithOneDrink()
        val flow = ImportFlow(g)

        val copy = copyOf(backup)
        val ask = assertIs<ImportStep.NeedsConfirmation>(blocking { flow.start(copy) })
        assertTrue(ask.what!!.contains("replace"), ask.what)
        assertEquals(30u, drunkToday(), "nothing changed before confirming")
        assertEquals(copy, flow.waiting)
        assertTrue(copy.exists())

        val done = assertIs<ImportStep.Done>(blocking { flow.confirm() })
        assertEquals(1u, done.summary.drinks)
        assertEquals(70u, drunkToday())
        assertFalse(copy.exists(), "the private copy is deleted")
        assertNull(flow.waiting)
        assertIs<ImportStep.Cancelled>(blocking { flow.confirm() }, "nothing left to confirm")
    }

    @Test
    fun cancellingOrARefusedFileChangesNothingAndDeletesTheCopy() {
        val mine = DrinkForm(mlText = "30").toInput(core.clock.now).ok()
        blocking { g.write { cx -> logDrink(mine, cx.now, cx.zone, cx.locale) } }.ok()
        val flow = ImportFlow(g)
        val copy = copyOf(backupWithOneDrink())
        assertIs<ImportStep.NeedsConfirmation>(blocking { flow.start(copy) })
        assertIs<ImportStep.Cancelled>(flow.cancel())
        assertFalse(copy.exists())
        assertEquals(30u, drunkToday())

        // A second pick while one waits replaces the waiting one.
        val first = copyOf(backupWithOneDrink())
        blocking { flow.start(first) }
        val bad = core.dir.resolve("bad.json").apply { writeText("{\"format\":\"something-else\"}") }
        val refused = assertIs<ImportStep.Failed>(blocking { flow.start(bad) })
        assertEquals(ErrorKind.BACKUP_REJECTED, refused.error.kind)
        assertFalse(first.exists(), "the older waiting copy was dropped")
        assertFalse(bad.exists())
        assertEquals(30u, drunkToday())
    }

    @Test
    fun importIntoAnEmptyJournalNeedsNoQuestion() {
        val flow = ImportFlow(g)
        val copy = copyOf(backupWithOneDrink())
        val done = assertIs<ImportStep.Done>(blocking { flow.start(copy) })
        assertEquals(1u, done.summary.drinks)
        assertEquals(70u, drunkToday())
        assertFalse(copy.exists())
    }

    // --- emergency routing --------------------------------------------------

    @Test
    fun aRedFlagRoutesToTheEmergencyScreenOverTodayWithTheCoresNumbers() {
        blocking { g.write { cx -> startPlan(PlanSettings(), cx.now, cx.zone, cx.locale) } }.ok()
        val form = SymptomForm().with(Symptom.LIP_FACE_TONGUE_SWELLING, Severity.MILD)
        val result = blocking { g.write { cx -> reportReaction(form.toReaction(cx.now), cx.now, cx.zone, cx.locale) } }.ok()
        val route = assertIs<CheckinRoute.Emergency>(result.assessment.toUi(core.format).route())
        assertEquals(Screen.TODAY, route.popUpTo)
        // The "Call" buttons are the core's numbers (no region: 112, the GSM number), none of the shell's.
        assertEquals(result.assessment.emergency!!.callNumbers, route.screen.callNumbers)
        assertEquals(listOf("112"), route.screen.callNumbers)
    }

    @Test
    fun theCallNumbersFollowTheAppsRegion() {
        blocking { g.write { cx -> startPlan(PlanSettings(), cx.now, cx.zone, cx.locale) } }.ok()
        val form = SymptomForm().with(Symptom.BREATHING_DIFFICULTY, Severity.MODERATE)
        fun numbersIn(tag: String): List<String> {
            core.locale = tag
            val r = blocking { g.write { cx -> reportReaction(form.toReaction(cx.now), cx.now, cx.zone, cx.locale) } }.ok()
            return assertIs<CheckinRoute.Emergency>(r.assessment.toUi(core.format).route()).screen.callNumbers
        }
        assertEquals(listOf("911", "112"), numbersIn("en-US"))
        assertEquals(listOf("999", "112"), numbersIn("en-GB"))
        assertEquals(listOf("112"), numbersIn("de-DE"))
        assertEquals(listOf("112"), numbersIn("ru-RU"))
    }

    @Test
    fun aMildCheckinStaysOnTheForm() {
        val day = blocking { g.read { cx -> today(cx.now, cx.zone, cx.locale) } }.ok().date
        val form = SymptomForm().with(Symptom.GAS, Severity.MILD).withBristol(4u)
        val result = blocking { g.write { cx -> saveCheckin(form.toCheckin(day), cx.now, cx.zone, cx.locale) } }.ok()
        assertIs<CheckinRoute.ShowAssessment>(result.assessment.toUi(core.format).route())
        assertEquals(EmergencyExit.POP_TO_TODAY, emergencyExit(todayOnStack = true))
        assertEquals(EmergencyExit.REPLACE_WITH_TODAY, emergencyExit(todayOnStack = false))
    }

}
