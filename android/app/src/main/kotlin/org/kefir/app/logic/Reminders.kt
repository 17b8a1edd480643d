package org.kefir.app.logic

import uniffi.kefir_core.Notification
import uniffi.kefir_core.ReminderSettings
import uniffi.kefir_core.Weekday
import uniffi.kefir_ffi.settingsDefaults

/** The core's notification as the scheduler's input; the kind becomes its snake_case name. */
fun Notification.toAlarmSpec(): AlarmSpec =
    AlarmSpec(id, fireAt, kind.name.lowercase(), title, body, publicTitle, publicBody, this.`private`)

/**
 * The reminder settings form. Times are typed as `HH:MM`; the core validates
 * and normalises them (saveReminderSettings returns the normalised settings).
 * Blank optional times mean "off".
 */
data class ReminderForm(
    val checkinTimes: List<String> = listOf(""),
    val days: Set<Weekday> = Weekday.entries.toSet(),
    val quietStart: String = "",
    val quietEnd: String = "",
    val drinkReminder: String = "",
    val spacingAlerts: Boolean = true,
    /** Show the full text of reminders on the lock screen (the core's default: off, only the public version). */
    val fullTextOnLockScreen: Boolean = false,
    /** Where an added check-in time starts: the core's default check-in time (settingsDefaults). */
    val newTime: String = "",
) {
    fun toggle(d: Weekday) = copy(days = if (d in days) days - d else days + d)
    fun withTime(index: Int, text: String) = copy(checkinTimes = checkinTimes.mapIndexed { i, t -> if (i == index) text else t })
    fun addTime() = copy(checkinTimes = checkinTimes + newTime)
    fun removeTime(index: Int) = copy(checkinTimes = checkinTimes.filterIndexed { i, _ -> i != index })

    /** The settings to save, read in the device's zone [zone]. Days in week order. */
    fun toSettings(zone: String): ReminderSettings = ReminderSettings(
        checkinTimes = checkinTimes.map { it.trim() },
        days = Weekday.entries.filter { it in days },
        quietStart = quietStart.trim().ifEmpty { null },
        quietEnd = quietEnd.trim().ifEmpty { null },
        drinkReminder = drinkReminder.trim().ifEmpty { null },
        spacingAlerts = spacingAlerts,
        timeZone = zone,
        fullTextOnLockScreen = fullTextOnLockScreen,
    )

    companion object {
        fun from(s: ReminderSettings, newTime: String = "") = ReminderForm(
            checkinTimes = s.checkinTimes.ifEmpty { listOf(newTime) },
            days = s.days.toSet(),
            quietStart = s.quietStart.orEmpty(),
            quietEnd = s.quietEnd.orEmpty(),
            drinkReminder = s.drinkReminder.orEmpty(),
            spacingAlerts = s.spacingAlerts,
            fullTextOnLockScreen = s.fullTextOnLockScreen,
            newTime = newTime,
        )
    }
}

/**
 * The reminder settings screen's start, in one gateway call: the stored
 * settings (the core's defaults before the first save) as the form, and the
 * core's default check-in time (`settingsDefaults`) where an added time starts.
 */
suspend fun loadReminderForm(gateway: CoreGateway): CoreResult<ReminderForm> = gateway.read { cx ->
    ReminderForm.from(reminderSettings(), settingsDefaults(cx.zone, cx.locale).reminders.checkinTimes.firstOrNull().orEmpty())
}
