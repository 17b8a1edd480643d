package org.kefir.app.logic

import java.time.Instant
import kotlin.test.AfterTest
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertNotEquals
import kotlin.test.assertTrue
import uniffi.kefir_core.Weekday

class RemindersTest {
    private val core = TestCore() // 2025-03-10T08:30Z = 09:30 in Berlin
    private val g = core.gateway

    @AfterTest
    fun cleanup() = core.close()

    private fun upcoming(): List<AlarmSpec> =
        blocking { g.read { cx -> upcomingNotifications(cx.now, cx.zone, UPCOMING_COUNT, cx.locale).map { it.toAlarmSpec() } } }.ok()

    @Test
    fun theFormStartsFromTheCoresDefaultsAndSavesNormalised() {
        val form = blocking { loadReminderForm(g) }.ok()
        assertEquals(Weekday.entries.toSet(), form.days)
        assertTrue(form.checkinTimes.isNotEmpty())
        // An added time starts at the core's default check-in time, not one of the shell's.
        val defaults = blocking { g.read { cx -> uniffi.kefir_ffi.settingsDefaults(cx.zone, cx.locale) } }.ok().reminders
        assertEquals(defaults.checkinTimes.first(), form.newTime)
        assertEquals(listOf(form.checkinTimes[0], form.newTime), form.addTime().checkinTimes)
        val edited = form.withTime(0, "7:05").addTime().withTime(1, "20:00").copy(drinkReminder = "", quietStart = "22:00", quietEnd = "06:30")
        val saved = blocking { g.write { cx -> saveReminderSettings(edited.toSettings(cx.zone)) } }.ok()
        assertEquals(listOf("07:05", "20:00"), saved.checkinTimes)
        assertEquals(null, saved.drinkReminder)
        assertEquals("Europe/Berlin", saved.timeZone)
        assertEquals(edited.copy(checkinTimes = listOf("07:05", "20:00")), ReminderForm.from(saved, form.newTime))
    }

    @Test
    fun aTimeThatIsNotATimeIsRefusedByTheCore() {
        val bad = ReminderForm(checkinTimes = listOf("25:00"))
        val err = blocking { g.write { cx -> saveReminderSettings(bad.toSettings(cx.zone)) } }.failed()
        assertEquals(ErrorKind.INVALID_INPUT, err.kind)
        assertEquals("checkin_times", err.field)
        val none = ReminderForm(checkinTimes = listOf("20:00"), days = emptySet())
        assertEquals("days", blocking { g.write { cx -> saveReminderSettings(none.toSettings(cx.zone)) } }.failed().field)
    }

    @Test
    fun aDoneCheckinCancelsItsReminderAndKeepsTheOthersCodes() {
        val form = ReminderForm(checkinTimes = listOf("20:00"), drinkReminder = "")
        blocking { g.write { cx -> saveReminderSettings(form.toSettings(cx.zone)) } }.ok()
        val first = AlarmPlanner.plan(emptyMap(), upcoming())
        val tonight = first.toSchedule.first()
        assertEquals("checkin-2025-03-10-2000", tonight.spec.id)
        assertEquals(Instant.parse("2025-03-10T19:00:00Z"), tonight.spec.fireAt) // 20:00 CET
        assertEquals("checkin", tonight.spec.kind)
        assertTrue(tonight.spec.title.isNotBlank() && tonight.spec.body.isNotBlank())
        assertEquals(OpenTarget.CHECKIN, openTargetFor(tonight.spec.kind))

        val day = blocking { g.read { cx -> today(cx.now, cx.zone, cx.locale) } }.ok().date
        blocking { g.write { cx -> saveCheckin(SymptomForm().toCheckin(day), cx.now, cx.zone, cx.locale) } }.ok()
        val second = AlarmPlanner.plan(first.state, upcoming())
        assertEquals(listOf("checkin-2025-03-10-2000"), second.cancelled.map { it.id })
        assertEquals(tonight.requestCode, second.cancelled.single().requestCode)
        val tomorrow = second.kept.first { it.spec.id == "checkin-2025-03-11-2000" }
        assertEquals(first.state["checkin-2025-03-11-2000"], tomorrow.requestCode)
    }

    @Test
    fun aNewTimeZoneMovesTheSameRemindersWithoutNewIds() {
        blocking { g.write { cx -> saveReminderSettings(ReminderForm(checkinTimes = listOf("20:00"), drinkReminder = "").toSettings(cx.zone)) } }.ok()
        val berlin = AlarmPlanner.plan(emptyMap(), upcoming())
        core.clock.zone = "America/New_York" // 04:30 on 10 March there (EDT since 9 March)
        val newYork = AlarmPlanner.plan(berlin.state, upcoming())
        val tonight = newYork.toSchedule.first { it.spec.id == "checkin-2025-03-10-2000" }
        assertEquals(Instant.parse("2025-03-11T00:00:00Z"), tonight.spec.fireAt) // 20:00 EDT
        assertEquals(berlin.state["checkin-2025-03-10-2000"], tonight.requestCode)
        assertNotEquals(berlin.toSchedule.first().spec.fireAt, tonight.spec.fireAt)
        assertTrue(newYork.cancelled.isEmpty(), newYork.cancelled.toString())
    }
}
