package org.kefir.app.reminders

import android.Manifest
import android.app.PendingIntent
import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent
import android.content.pm.PackageManager
import android.net.Uri
import android.os.Build
import androidx.core.app.NotificationCompat
import androidx.core.app.NotificationManagerCompat
import androidx.core.content.ContextCompat
import kotlinx.coroutines.launch
import org.kefir.app.KefirApplication
import org.kefir.app.MainActivity
import org.kefir.app.R
import org.kefir.app.logic.AlarmSpec
import org.kefir.app.logic.LockScreenText
import org.kefir.app.logic.PostedNotification
import org.kefir.app.logic.postedNotification
import org.kefir.app.logic.ReminderAction
import org.kefir.app.logic.reminderActions

/**
 * Shows one reminder, then rolls the schedule forward. A reminder the core
 * marks private (the default, issue 17) posts the core's public version (no
 * medicine, symptom or amount) as its own title and body, VISIBILITY_PRIVATE
 * with the same public version: Android shows a private notification's full
 * content on the lock screen under its default setting, so only the public
 * words may be posted (postedNotification, tested on the JVM). With the
 * user's "full text on the lock screen" it posts the core's full text,
 * VISIBILITY_PUBLIC. The app shows the full text when opened.
 */
class AlarmReceiver : BroadcastReceiver() {
    override fun onReceive(context: Context, intent: Intent) {
        if (intent.action != ACTION) return
        val title = intent.getStringExtra(EXTRA_TITLE) ?: return
        val body = intent.getStringExtra(EXTRA_BODY).orEmpty()
        val kind = intent.getStringExtra(EXTRA_KIND).orEmpty()
        val id = intent.getStringExtra(EXTRA_ID) ?: return
        val code = intent.getIntExtra(EXTRA_CODE, 0)
        // No public version in the intent (an alarm set before an update): private, with nothing shown.
        val lock = if (intent.getBooleanExtra(EXTRA_PRIVATE, true)) {
            LockScreenText(intent.getStringExtra(EXTRA_PUBLIC_TITLE).orEmpty(), intent.getStringExtra(EXTRA_PUBLIC_BODY).orEmpty())
        } else {
            null
        }
        notify(context, id, code, kind, postedNotification(title, body, lock), lock)

        val app = context.applicationContext as KefirApplication
        val pending = goAsync()
        app.appScope.launch {
            try {
                app.reminders.reschedule()
            } finally {
                pending.finish()
            }
        }
    }

    private fun notify(context: Context, id: String, code: Int, kind: String, shown: PostedNotification, lock: LockScreenText?) {
        val allowed = Build.VERSION.SDK_INT < Build.VERSION_CODES.TIRAMISU ||
            ContextCompat.checkSelfPermission(context, Manifest.permission.POST_NOTIFICATIONS) == PackageManager.PERMISSION_GRANTED
        if (!allowed) return
        val open = Intent(context, MainActivity::class.java)
            .addFlags(Intent.FLAG_ACTIVITY_NEW_TASK or Intent.FLAG_ACTIVITY_CLEAR_TOP)
            .putExtra(MainActivity.EXTRA_OPEN, kind)
        val contentIntent = PendingIntent.getActivity(
            context, code, open, PendingIntent.FLAG_UPDATE_CURRENT or PendingIntent.FLAG_IMMUTABLE,
        )
        val builder = NotificationCompat.Builder(context, KefirApplication.REMINDER_CHANNEL)
            .setSmallIcon(R.drawable.ic_notification)
            .setContentTitle(shown.title)
            .setContentText(shown.body)
            .setStyle(NotificationCompat.BigTextStyle().bigText(shown.body))
            .setContentIntent(contentIntent)
            .setAutoCancel(true)
            .setCategory(NotificationCompat.CATEGORY_REMINDER)
        lockScreen(context, builder, shown)
        // The buttons for this kind (reminderActions, plain Kotlin, tested on the JVM).
        for (action in reminderActions(kind)) {
            when (action) {
                ReminderAction.LOG_TODAYS_AMOUNT -> builder.addAction(
                    0,
                    context.getString(R.string.action_log_todays_amount),
                    NotificationActionReceiver.pendingIntent(context, action, id, code, lock),
                )
                // Opens the check-in form, like tapping the reminder itself.
                ReminderAction.CHECK_IN -> builder.addAction(0, context.getString(R.string.action_check_in), contentIntent)
            }
        }
        val notification = builder.build()
        try {
            // Tagged with the core's id: a newer notification with the same id replaces it.
            NotificationManagerCompat.from(context).notify(id, 0, notification)
        } catch (e: SecurityException) {
            // Notifications were turned off meanwhile.
        }
    }

    companion object {
        const val ACTION = "org.kefir.app.action.REMINDER"
        private const val EXTRA_TITLE = "title"
        private const val EXTRA_BODY = "body"
        private const val EXTRA_KIND = "kind"
        private const val EXTRA_CODE = "code"
        private const val EXTRA_ID = "id"
        private const val EXTRA_PUBLIC_TITLE = "public_title"
        private const val EXTRA_PUBLIC_BODY = "public_body"
        private const val EXTRA_PRIVATE = "private"

        /**
         * The visibility of [shown]: VISIBILITY_PRIVATE with its public
         * version (a second safeguard: its own content is already the public
         * text), or VISIBILITY_PUBLIC when the person chose full text.
         */
        fun lockScreen(context: Context, builder: NotificationCompat.Builder, shown: PostedNotification) {
            val lock = shown.publicVersion
            if (lock == null) {
                builder.setVisibility(NotificationCompat.VISIBILITY_PUBLIC)
                return
            }
            val publicVersion = NotificationCompat.Builder(context, KefirApplication.REMINDER_CHANNEL)
                .setSmallIcon(R.drawable.ic_notification)
                .setContentTitle(lock.title)
                .setContentText(lock.body)
                .setCategory(NotificationCompat.CATEGORY_REMINDER)
                .build()
            builder.setVisibility(NotificationCompat.VISIBILITY_PRIVATE).setPublicVersion(publicVersion)
        }

        /** The data URI makes each reminder's PendingIntent distinct even beyond its request code. */
        fun uriFor(id: String): Uri = Uri.fromParts("kefir-reminder", id, null)

        fun intent(context: Context, spec: AlarmSpec, requestCode: Int): Intent =
            Intent(context, AlarmReceiver::class.java)
                .setAction(ACTION)
                .setData(uriFor(spec.id))
                .putExtra(EXTRA_TITLE, spec.title)
                .putExtra(EXTRA_BODY, spec.body)
                .putExtra(EXTRA_KIND, spec.kind)
                .putExtra(EXTRA_CODE, requestCode)
                .putExtra(EXTRA_ID, spec.id)
                .putExtra(EXTRA_PUBLIC_TITLE, spec.publicTitle)
                .putExtra(EXTRA_PUBLIC_BODY, spec.publicBody)
                .putExtra(EXTRA_PRIVATE, spec.`private`)
    }
}
