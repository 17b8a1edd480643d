package org.kefir.app.reminders

import android.app.PendingIntent
import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent
import android.net.Uri
import androidx.core.app.NotificationCompat
import androidx.core.app.NotificationManagerCompat
import kotlinx.coroutines.launch
import org.kefir.app.KefirApplication
import org.kefir.app.MainActivity
import org.kefir.app.R
import org.kefir.app.logic.LockScreenText
import org.kefir.app.logic.QuickLogOutcome
import org.kefir.app.logic.ReminderAction
import org.kefir.app.logic.logTodaysAmount
import org.kefir.app.logic.notice

/**
 * Handles a reminder's background button ("Log today's amount") with the
 * core's call (logTodaysAmount: logPlannedAmount, tested on the JVM), then
 * replaces the reminder with what happened: the amount and the core's
 * warnings verbatim, "nothing left", or a tap into the drink form when the
 * form is needed. A private reminder (the default) is replaced by its public
 * version instead, so nothing logged reaches the lock screen (QuickLogNotice,
 * tested on the JVM). Not exported: only this app's PendingIntents reach it.
 */
class NotificationActionReceiver : BroadcastReceiver() {
    override fun onReceive(context: Context, intent: Intent) {
        val action = ReminderAction.fromId(intent.action?.removePrefix(ACTION_PREFIX)) ?: return
        val tag = intent.getStringExtra(EXTRA_TAG) ?: return
        val code = intent.getIntExtra(EXTRA_CODE, 0)
        // The reminder's lock-screen version, kept for the notification that replaces it.
        val lock = if (intent.getBooleanExtra(EXTRA_PRIVATE, true)) {
            LockScreenText(intent.getStringExtra(EXTRA_PUBLIC_TITLE).orEmpty(), intent.getStringExtra(EXTRA_PUBLIC_BODY).orEmpty())
        } else {
            null
        }
        if (action != ReminderAction.LOG_TODAYS_AMOUNT) return
        val app = context.applicationContext as KefirApplication
        val pending = goAsync()
        app.appScope.launch {
            try {
                val outcome = logTodaysAmount(app.gateway) // a write: reminders are rescheduled after it
                show(context, tag, code, outcome, lock)
            } finally {
                pending.finish()
            }
        }
    }

    private fun show(context: Context, tag: String, code: Int, outcome: QuickLogOutcome, lock: LockScreenText?) {
        // Private: the reminder's public version; otherwise the core's message and warnings, verbatim.
        val notice = outcome.notice(context.getString(R.string.quick_log_failed), lock)
        val shown = notice.posted
        val openKind = notice.openKind
        val open = Intent(context, MainActivity::class.java)
            .addFlags(Intent.FLAG_ACTIVITY_NEW_TASK or Intent.FLAG_ACTIVITY_CLEAR_TOP)
            .apply { if (openKind != null) putExtra(MainActivity.EXTRA_OPEN, openKind) }
        val contentIntent = PendingIntent.getActivity(
            context, code, open, PendingIntent.FLAG_UPDATE_CURRENT or PendingIntent.FLAG_IMMUTABLE,
        )
        val builder = NotificationCompat.Builder(context, KefirApplication.REMINDER_CHANNEL)
            .setSmallIcon(R.drawable.ic_notification)
            .apply { if (shown.title.isNotEmpty()) setContentTitle(shown.title) }
            .setContentText(shown.body.lineSequence().first())
            .setStyle(NotificationCompat.BigTextStyle().bigText(shown.body))
            .setContentIntent(contentIntent)
            .setAutoCancel(true)
            .setOnlyAlertOnce(true)
            .setCategory(NotificationCompat.CATEGORY_REMINDER)
        AlarmReceiver.lockScreen(context, builder, shown)
        val notification = builder.build()
        try {
            // Same tag and id as the reminder: replaces it, so the button cannot be tapped again.
            NotificationManagerCompat.from(context).notify(tag, 0, notification)
        } catch (e: SecurityException) {
            // Notifications were turned off meanwhile; the drink is stored either way.
        }
    }

    companion object {
        private const val ACTION_PREFIX = "org.kefir.app.action.REMINDER_BUTTON."
        private const val EXTRA_TAG = "tag"
        private const val EXTRA_CODE = "code"
        private const val EXTRA_PUBLIC_TITLE = "public_title"
        private const val EXTRA_PUBLIC_BODY = "public_body"
        private const val EXTRA_PRIVATE = "private"

        fun pendingIntent(context: Context, action: ReminderAction, tag: String, code: Int, lock: LockScreenText?): PendingIntent {
            val intent = Intent(context, NotificationActionReceiver::class.java)
                .setAction(ACTION_PREFIX + action.id)
                .setData(Uri.fromParts("kefir-reminder-button", tag, action.id))
                .putExtra(EXTRA_TAG, tag)
                .putExtra(EXTRA_CODE, code)
                .putExtra(EXTRA_PRIVATE, lock != null)
                .putExtra(EXTRA_PUBLIC_TITLE, lock?.title)
                .putExtra(EXTRA_PUBLIC_BODY, lock?.body)
            return PendingIntent.getBroadcast(
                context, code, intent, PendingIntent.FLAG_UPDATE_CURRENT or PendingIntent.FLAG_IMMUTABLE,
            )
        }
    }
}
