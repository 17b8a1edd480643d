package org.kefir.app.ui

import android.Manifest
import android.app.Activity
import android.os.Build
import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import androidx.lifecycle.Lifecycle
import androidx.lifecycle.compose.LifecycleEventEffect
import kotlinx.coroutines.launch
import org.kefir.app.KefirApplication
import org.kefir.app.R
import org.kefir.app.logic.NotificationPrompt
import org.kefir.app.logic.showNotificationCardOnToday
import org.kefir.app.reminders.NotificationSettings

/**
 * Says when reminders cannot be shown and offers the way to fix it: the
 * rationale and then the system dialog ([NotificationPrompt.ASK]), or the
 * system settings ([NotificationPrompt.OPEN_SETTINGS]). On Today ([onToday])
 * it can be dismissed with "Not now" for the current state; Settings
 * always shows it. The state is re-read whenever the screen resumes.
 */
@Composable
fun NotificationCard(onToday: Boolean) {
    val context = LocalContext.current
    val activity = context as? Activity ?: return
    val app = context.applicationContext as KefirApplication
    var prompt by remember { mutableStateOf(NotificationSettings.prompt(activity)) }
    var dismissed by remember { mutableStateOf(NotificationSettings.dismissedFor(context)) }
    var noSettings by remember { mutableStateOf(false) }
    LifecycleEventEffect(Lifecycle.Event.ON_RESUME) { prompt = NotificationSettings.prompt(activity) }
    val ask = rememberLauncherForActivityResult(ActivityResultContracts.RequestPermission()) { granted ->
        prompt = NotificationSettings.prompt(activity)
        // Granted: schedule what the core has now instead of waiting for the next trigger.
        if (granted) app.appScope.launch { app.reminders.reschedule() }
    }
    val show = if (onToday) showNotificationCardOnToday(prompt, dismissed) else prompt != NotificationPrompt.NONE
    if (!show) return
    Card(
        colors = CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.secondaryContainer),
        modifier = Modifier.fillMaxWidth(),
    ) {
        Column(Modifier.padding(12.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            when (prompt) {
                NotificationPrompt.ASK -> {
                    Text(stringResource(R.string.notifications_rationale_title), style = MaterialTheme.typography.titleSmall)
                    Text(stringResource(R.string.notifications_rationale_text), style = MaterialTheme.typography.bodyMedium)
                    PrimaryButton(stringResource(R.string.action_allow_notifications)) {
                        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU) {
                            NotificationSettings.markAsked(context)
                            ask.launch(Manifest.permission.POST_NOTIFICATIONS)
                        }
                    }
                }
                NotificationPrompt.OPEN_SETTINGS -> {
                    Text(stringResource(R.string.notifications_blocked_text), style = MaterialTheme.typography.bodyMedium)
                    PrimaryButton(stringResource(R.string.action_open_notification_settings)) {
                        noSettings = !NotificationSettings.openNotificationSettings(context)
                    }
                    if (noSettings) Text(stringResource(R.string.settings_unavailable), color = MaterialTheme.colorScheme.error)
                }
                NotificationPrompt.NONE -> Unit
            }
            if (onToday) {
                SecondaryButton(stringResource(R.string.action_not_now)) {
                    NotificationSettings.dismiss(context, prompt)
                    dismissed = prompt
                }
            }
        }
    }
}
