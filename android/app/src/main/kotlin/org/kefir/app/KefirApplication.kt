package org.kefir.app

import android.app.Application
import android.app.NotificationChannel
import android.app.NotificationManager
import androidx.lifecycle.ProcessLifecycleOwner
import java.io.File
import java.util.Locale
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.launch
import org.kefir.app.backup.AndroidBackupSnapshot
import org.kefir.app.lock.AppLockController
import org.kefir.app.logic.CoreGateway
import org.kefir.app.logic.DatabaseRecovery
import org.kefir.app.logic.DisplayFormat
import org.kefir.app.logic.Units
import org.kefir.app.reminders.ReminderScheduler
import uniffi.kefir_ffi.KefirApp

/**
 * Holds the one [CoreGateway] (one KefirApp on one database file) for the
 * whole process. The database lives in app-private storage:
 * `filesDir/db/kefir.db` (excluded from Android backup, see res/xml).
 */
class KefirApplication : Application() {
    /** Work that must outlive a screen (rescheduling reminders, backup snapshots). */
    val appScope = CoroutineScope(SupervisorJob() + Dispatchers.Default)

    lateinit var gateway: CoreGateway
        private set
    lateinit var reminders: ReminderScheduler
        private set
    lateinit var androidBackup: AndroidBackupSnapshot
        private set

    /** The app lock: the core's decisions as the process comes and goes (issue 17). */
    lateinit var appLock: AppLockController
        private set

    override fun onCreate() {
        super.onCreate()
        // The opener runs on Dispatchers.IO at the first core call, never here.
        gateway = CoreGateway(opener = {
            databaseFile.parentFile?.mkdirs()
            KefirApp(databaseFile.path)
        })
        reminders = ReminderScheduler(this, gateway)
        androidBackup = AndroidBackupSnapshot(this, gateway, appScope)
        // After every successful write: reminders follow the new data, and the
        // opt-in Android backup copy is refreshed.
        gateway.afterWrite = {
            appScope.launch { reminders.reschedule() }
            androidBackup.scheduleRefresh()
        }
        appLock = AppLockController(this, gateway, appScope)
        // Process start/stop, not an activity's: a rotation is no trip to the background.
        ProcessLifecycleOwner.get().lifecycle.addObserver(appLock)
        createNotificationChannel()
        // Reminders are recomputed by MainActivity.onStart, the receivers and this worker.
        reminders.ensurePeriodicRefresh()
    }

    /** `filesDir/db/kefir.db`. */
    val databaseFile: File get() = File(File(filesDir, DB_DIR), DB_FILE)

    /** The ways out of a database that does not open (plain Kotlin, tested on the JVM). */
    fun recovery(): DatabaseRecovery = DatabaseRecovery(databaseFile) { KefirApp(it) }

    /** Display formatting for the current locale, with unit symbols from strings.xml. */
    fun displayFormat(): DisplayFormat = DisplayFormat(
        Locale.getDefault(),
        Units(ml = getString(R.string.unit_ml), hours = getString(R.string.unit_hours), minutes = getString(R.string.unit_minutes)),
    )

    private fun createNotificationChannel() {
        val channel = NotificationChannel(
            REMINDER_CHANNEL,
            getString(R.string.notification_channel_reminders),
            NotificationManager.IMPORTANCE_DEFAULT,
        ).apply { description = getString(R.string.notification_channel_reminders_description) }
        getSystemService(NotificationManager::class.java).createNotificationChannel(channel)
    }

    companion object {
        const val DB_DIR = "db"
        const val DB_FILE = "kefir.db"
        const val REMINDER_CHANNEL = "reminders"
    }
}
