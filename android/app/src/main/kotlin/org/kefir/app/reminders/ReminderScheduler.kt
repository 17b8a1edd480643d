package org.kefir.app.reminders

import android.app.AlarmManager
import android.app.PendingIntent
import android.content.Context
import android.content.Intent
import android.os.Build
import androidx.work.ExistingPeriodicWorkPolicy
import androidx.work.PeriodicWorkRequestBuilder
import androidx.work.WorkManager
import java.util.concurrent.TimeUnit
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock
import kotlinx.coroutines.withContext
import org.kefir.app.logic.AlarmPlanner
import org.kefir.app.logic.AlarmSpec
import org.kefir.app.logic.CoreGateway
import org.kefir.app.logic.CoreResult
import org.kefir.app.logic.ScheduledAlarm
import org.kefir.app.logic.UPCOMING_COUNT
import org.kefir.app.logic.toAlarmSpec

/**
 * Puts the core's upcoming-notification list into AlarmManager. The core
 * decides every time and text; this only schedules and cancels. Called after
 * every write, when an alarm fires, after reboot / app update / time or zone
 * change, when the exact-alarm permission changes, and by a periodic worker.
 *
 * Ids are stable, so rescheduling replaces: each id keeps one request code
 * (AlarmPlanner, plain Kotlin, tested on the JVM) and FLAG_UPDATE_CURRENT
 * refreshes the text. Ids that left the list are cancelled.
 */
class ReminderScheduler(private val context: Context, private val gateway: CoreGateway) {
    private val mutex = Mutex()
    private val alarms: AlarmManager = context.getSystemService(AlarmManager::class.java)
    private val prefs = context.getSharedPreferences(PREFS, Context.MODE_PRIVATE)

    /** Exact alarms are allowed (always below Android 12; by the user's choice from 12 on). */
    fun canScheduleExact(): Boolean = Build.VERSION.SDK_INT < Build.VERSION_CODES.S || alarms.canScheduleExactAlarms()

    suspend fun reschedule() = mutex.withLock {
        val upcoming: List<AlarmSpec> =
            when (val r = gateway.read { cx -> upcomingNotifications(cx.now, cx.zone, UPCOMING_COUNT, cx.locale).map { it.toAlarmSpec() } }) {
                is CoreResult.Ok -> r.value
                // Keep what is scheduled; the next trigger tries again.
                is CoreResult.Failed -> return@withLock
            }
        withContext(Dispatchers.IO) {
            val plan = AlarmPlanner.plan(AlarmPlanner.decode(prefs.getString(KEY_STATE, null)), upcoming)
            for (c in plan.cancelled) cancel(c.id, c.requestCode)
            for (a in plan.toSchedule) set(a)
            prefs.edit().putString(KEY_STATE, AlarmPlanner.encode(plan.state)).apply()
        }
    }

    /** A periodic safety net: keeps the window rolling if the app is not opened for days. */
    fun ensurePeriodicRefresh() {
        val request = PeriodicWorkRequestBuilder<RescheduleWorker>(12, TimeUnit.HOURS).build()
        WorkManager.getInstance(context).enqueueUniquePeriodicWork(WORK_NAME, ExistingPeriodicWorkPolicy.KEEP, request)
    }

    private fun set(a: ScheduledAlarm) {
        val intent = AlarmReceiver.intent(context, a.spec, a.requestCode)
        val pi = PendingIntent.getBroadcast(
            context, a.requestCode, intent, PendingIntent.FLAG_UPDATE_CURRENT or PendingIntent.FLAG_IMMUTABLE,
        )
        val at = a.spec.fireAt.toEpochMilli()
        if (canScheduleExact()) {
            try {
                alarms.setExactAndAllowWhileIdle(AlarmManager.RTC_WAKEUP, at, pi)
                return
            } catch (e: SecurityException) {
                // Permission revoked between the check and the call: fall through to inexact.
            }
        }
        // Inexact fallback: fires in Doze too, possibly some minutes late.
        alarms.setAndAllowWhileIdle(AlarmManager.RTC_WAKEUP, at, pi)
    }

    private fun cancel(id: String, requestCode: Int) {
        val intent = Intent(context, AlarmReceiver::class.java).setAction(AlarmReceiver.ACTION).setData(AlarmReceiver.uriFor(id))
        PendingIntent.getBroadcast(
            context, requestCode, intent, PendingIntent.FLAG_NO_CREATE or PendingIntent.FLAG_IMMUTABLE,
        )?.let {
            alarms.cancel(it)
            it.cancel()
        }
    }

    companion object {
        private const val PREFS = "reminders"
        private const val KEY_STATE = "scheduled"
        private const val WORK_NAME = "reminders-refresh"
    }
}
