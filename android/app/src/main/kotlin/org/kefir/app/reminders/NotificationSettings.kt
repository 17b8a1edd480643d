package org.kefir.app.reminders

import android.Manifest
import android.app.Activity
import android.app.NotificationManager
import android.content.ActivityNotFoundException
import android.content.Context
import android.content.Intent
import android.content.pm.PackageManager
import android.net.Uri
import android.os.Build
import android.provider.Settings
import androidx.core.app.ActivityCompat
import androidx.core.app.NotificationManagerCompat
import androidx.core.content.ContextCompat
import org.kefir.app.KefirApplication
import org.kefir.app.logic.NotificationDeviceState
import org.kefir.app.logic.NotificationPrompt
import org.kefir.app.logic.notificationPrompt

/**
 * Reads the device's notification state for [notificationPrompt] (plain
 * Kotlin, tested on the JVM) and remembers what only the app knows: whether
 * the system dialog was shown before, and which prompt the user dismissed
 * on Today.
 */
object NotificationSettings {
    private const val PREFS = "notifications"
    private const val KEY_ASKED = "asked"
    private const val KEY_DISMISSED = "dismissed_for"

    fun deviceState(activity: Activity): NotificationDeviceState {
        val runtime = Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU
        val granted = !runtime ||
            ContextCompat.checkSelfPermission(activity, Manifest.permission.POST_NOTIFICATIONS) == PackageManager.PERMISSION_GRANTED
        val manager = activity.getSystemService(NotificationManager::class.java)
        val channel = manager.getNotificationChannel(KefirApplication.REMINDER_CHANNEL)
        return NotificationDeviceState(
            runtimePermission = runtime,
            permissionGranted = granted,
            appNotificationsEnabled = NotificationManagerCompat.from(activity).areNotificationsEnabled(),
            channelEnabled = channel == null || channel.importance != NotificationManager.IMPORTANCE_NONE,
            askedBefore = prefs(activity).getBoolean(KEY_ASKED, false),
            shouldShowRationale = runtime &&
                ActivityCompat.shouldShowRequestPermissionRationale(activity, Manifest.permission.POST_NOTIFICATIONS),
        )
    }

    fun prompt(activity: Activity): NotificationPrompt = notificationPrompt(deviceState(activity))

    /** Call right before launching the POST_NOTIFICATIONS request. */
    fun markAsked(context: Context) = prefs(context).edit().putBoolean(KEY_ASKED, true).apply()

    fun dismissedFor(context: Context): NotificationPrompt? =
        prefs(context).getString(KEY_DISMISSED, null)?.let { runCatching { NotificationPrompt.valueOf(it) }.getOrNull() }

    fun dismiss(context: Context, prompt: NotificationPrompt) =
        prefs(context).edit().putString(KEY_DISMISSED, prompt.name).apply()

    /**
     * The app's notification settings (API 26+), else its details page.
     * Returns false when neither exists (some builds strip Settings activities).
     */
    fun openNotificationSettings(context: Context): Boolean = startFirst(
        context,
        Intent(Settings.ACTION_APP_NOTIFICATION_SETTINGS).putExtra(Settings.EXTRA_APP_PACKAGE, context.packageName),
        Intent(Settings.ACTION_APPLICATION_DETAILS_SETTINGS, Uri.fromParts("package", context.packageName, null)),
    )

    /**
     * "Alarms & reminders" for this app (API 31+), else its details page.
     * Guarded: the settings screen is missing on some devices, and an
     * unguarded startActivity would crash the app with ActivityNotFoundException.
     */
    fun openExactAlarmSettings(context: Context): Boolean = startFirst(
        context,
        Intent(Settings.ACTION_REQUEST_SCHEDULE_EXACT_ALARM, Uri.fromParts("package", context.packageName, null)),
        Intent(Settings.ACTION_APPLICATION_DETAILS_SETTINGS, Uri.fromParts("package", context.packageName, null)),
    )

    private fun startFirst(context: Context, vararg intents: Intent): Boolean {
        for (intent in intents) {
            try {
                context.startActivity(intent)
                return true
            } catch (e: ActivityNotFoundException) {
                // Try the next one.
            } catch (e: SecurityException) {
                // Some vendors protect their settings activities.
            }
        }
        return false
    }

    private fun prefs(context: Context) = context.getSharedPreferences(PREFS, Context.MODE_PRIVATE)
}
