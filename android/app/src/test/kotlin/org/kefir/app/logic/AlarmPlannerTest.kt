package org.kefir.app.logic

import java.time.Instant
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertNotEquals
import kotlin.test.assertTrue
import uniffi.kefir_core.Level

class AlarmPlannerTest {
    private val t0 = Instant.parse("2025-03-10T19:00:00Z")
    private fun spec(id: String, minutes: Long, body: String = "body") =
        AlarmSpec(id, t0.plusSeconds(minutes * 60), "checkin", "title", body)

    @Test
    fun theFirstPlanAddsEverythingWithCodesFromTheIds() {
        val plan = AlarmPlanner.plan(emptyMap(), listOf(spec("drink-2025-03-11", 800), spec("checkin-2025-03-10-2000", 0)))
        assertEquals(setOf("drink-2025-03-11", "checkin-2025-03-10-2000"), plan.added.map { it.spec.id }.toSet())
        assertTrue(plan.kept.isEmpty() && plan.cancelled.isEmpty())
        assertEquals("checkin-2025-03-10-2000".hashCode(), plan.state["checkin-2025-03-10-2000"])
        assertEquals(listOf("checkin-2025-03-10-2000", "drink-2025-03-11"), plan.toSchedule.map { it.spec.id })
    }

    @Test
    fun rescheduleKeepsCodesReplacesTextAndCancelsWhatIsGone() {
        val first = AlarmPlanner.plan(emptyMap(), listOf(spec("checkin-2025-03-10-2000", 0), spec("drink-2025-03-11", 800)))
        // Check-in done: the core no longer lists it; a new day comes into the window; the drink text changed.
        val second = AlarmPlanner.plan(first.state, listOf(spec("drink-2025-03-11", 800, "75 ml"), spec("drink-2025-03-12", 2240)))
        assertEquals(listOf(CancelledAlarm("checkin-2025-03-10-2000", first.state.getValue("checkin-2025-03-10-2000"))), second.cancelled)
        assertEquals(listOf("drink-2025-03-11"), second.kept.map { it.spec.id })
        assertEquals(first.state["drink-2025-03-11"], second.kept.single().requestCode)
        assertEquals("75 ml", second.kept.single().spec.body)
        assertEquals(listOf("drink-2025-03-12"), second.added.map { it.spec.id })
        assertEquals(setOf("drink-2025-03-11", "drink-2025-03-12"), second.state.keys)
        // The same list again changes nothing but re-sets the same alarms.
        val third = AlarmPlanner.plan(second.state, listOf(spec("drink-2025-03-11", 800, "75 ml"), spec("drink-2025-03-12", 2240)))
        assertTrue(third.added.isEmpty() && third.cancelled.isEmpty())
        assertEquals(second.state, third.state)
    }

    @Test
    fun clashingHashesGetDistinctCodesAndKeptIdsKeepTheirs() {
        assertEquals("Aa".hashCode(), "BB".hashCode())
        val both = AlarmPlanner.plan(emptyMap(), listOf(spec("BB", 1), spec("Aa", 2)))
        assertNotEquals(both.state["Aa"], both.state["BB"])
        assertEquals(2, both.toSchedule.map { it.requestCode }.toSet().size)
        // "BB" was scheduled first with the plain hash; "Aa" arrives later and must not take it.
        val onlyBB = AlarmPlanner.plan(emptyMap(), listOf(spec("BB", 1)))
        val later = AlarmPlanner.plan(onlyBB.state, listOf(spec("BB", 1), spec("Aa", 2)))
        assertEquals(onlyBB.state["BB"], later.state["BB"])
        assertEquals("BB".hashCode() + 1, later.state["Aa"])
        // Duplicate ids in the input are scheduled once.
        assertEquals(1, AlarmPlanner.plan(emptyMap(), listOf(spec("x", 1), spec("x", 2))).toSchedule.size)
    }

    @Test
    fun theStoredStateRoundTrips() {
        val state = mapOf("checkin-2025-03-10-2000" to -12345, "spacing-7" to 42, "drink-2025-03-11" to Int.MIN_VALUE)
        assertEquals(state, AlarmPlanner.decode(AlarmPlanner.encode(state)))
        assertEquals(emptyMap(), AlarmPlanner.decode(null))
        assertEquals(mapOf("a" to 1), AlarmPlanner.decode("a\t1\ngarbage\n\tno-id\nb\tnot-a-number"))
    }

    @Test
    fun aPrivateNotificationPostsOnlyThePublicVersionAndAFullOneIsPublic() {
        val private = AlarmSpec("x", t0, "medicine_spacing", "Spacing from the antibiotic", "2 h", "Reminder", "Open the app")
        assertEquals(PostedNotification("Reminder", "Open the app", LockScreenText("Reminder", "Open the app")), private.posted)
        assertTrue(private.posted.visibilityPrivate)
        val full = private.copy(`private` = false)
        assertEquals(PostedNotification("Spacing from the antibiotic", "2 h", null), full.posted)
        assertFalse(full.posted.visibilityPrivate)
    }

    @Test
    fun theQuickLogResultOfAPrivateReminderIsItsPublicVersion() {
        val lock = LockScreenText("Reminder", "Open the app")
        val warning = FindingUi("M1", Level.CAUTION, "Caution", "Spacing", "Wait 2 h after the antibiotic", "src")
        val logged = QuickLogOutcome.Logged(75u, "Logged 75 ml", listOf(warning))
        val full = logged.notice("Could not log", null)
        assertEquals(PostedNotification("", "Logged 75 ml\nSpacing: Wait 2 h after the antibiotic", null), full.posted)
        assertEquals(null, full.openKind)
        val hidden = logged.notice("Could not log", lock)
        assertEquals(PostedNotification("Reminder", "Open the app", lock), hidden.posted)
        val form = QuickLogOutcome.NeedsForm(75u, "Describe the homemade batch").notice("Could not log", lock)
        assertEquals(PostedNotification("Reminder", "Open the app", lock), form.posted)
        assertEquals("drink_reminder", form.openKind)
        val failed = QuickLogOutcome.Failed(UiError(ErrorKind.STORAGE)).notice("Could not log", lock)
        assertEquals(PostedNotification("Reminder", "Could not log", lock), failed.posted)
        assertEquals("drink_reminder", failed.openKind)
    }
}
