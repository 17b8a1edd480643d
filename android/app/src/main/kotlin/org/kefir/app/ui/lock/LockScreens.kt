package org.kefir.app.ui.lock

import android.content.Context
import android.content.ContextWrapper
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.safeDrawingPadding
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Surface
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import org.kefir.app.KefirApplication
import org.kefir.app.MainActivity
import org.kefir.app.logic.CoreResult
import org.kefir.app.logic.LockUi
import org.kefir.app.logic.acceptOffer
import org.kefir.app.logic.declineOffer
import org.kefir.app.logic.lockOffer
import org.kefir.app.ui.PrimaryButton
import org.kefir.app.ui.RadioRow
import org.kefir.app.ui.SectionTitle
import uniffi.kefir_core.AppLockForm

/**
 * Covers every screen while the app is locked (and, blank, before the
 * core's first answer at launch). Its texts are the core's LockDecision;
 * it swallows every touch (a Material 3 Surface does).
 */
@Composable
fun LockCover(lock: LockUi, onUnlock: () -> Unit) {
    // A Material 3 Surface blocks touches to what is behind it.
    Surface(Modifier.fillMaxSize(), color = MaterialTheme.colorScheme.background) {
        if (lock.coverTitle.isEmpty()) return@Surface // checking: nothing to say yet
        Column(
            Modifier.fillMaxSize().safeDrawingPadding().padding(24.dp),
            verticalArrangement = Arrangement.spacedBy(16.dp, Alignment.CenterVertically),
            horizontalAlignment = Alignment.CenterHorizontally,
        ) {
            Text(lock.coverTitle, style = MaterialTheme.typography.headlineSmall, modifier = Modifier.semantics { heading() })
            PrimaryButton(lock.unlockLabel, onClick = onUnlock)
        }
    }
}

/** The first-run offer, with the core's texts; either button answers it (the core then stops offering). */
@Composable
fun AppLockOffer(form: AppLockForm, busy: Boolean, onAccept: () -> Unit, onDecline: () -> Unit) {
    AlertDialog(
        onDismissRequest = {}, // an answer is needed once; "not now" is one
        title = { Text(form.title) },
        text = { Text(form.explanation) },
        confirmButton = { TextButton(onClick = onAccept, enabled = !busy) { Text(form.enableLabel) } },
        dismissButton = { TextButton(onClick = onDecline, enabled = !busy) { Text(form.declineLabel) } },
    )
}

/**
 * The Settings section: the core's title, its explanation as the on/off
 * switch's label ([toggle]: the screen's own switch row; turning it on asks
 * the platform prompt first, so the person knows it works), and the core's
 * delay choices while on.
 */
@Composable
fun AppLockSection(
    form: AppLockForm,
    enabled: Boolean,
    onToggle: (Boolean) -> Unit,
    onDelay: (UInt) -> Unit,
    toggle: @Composable (label: String, checked: Boolean, enabled: Boolean, onChange: (Boolean) -> Unit) -> Unit,
) {
    SectionTitle(form.title)
    toggle(form.explanation, form.settings.enabled, enabled, onToggle)
    if (form.settings.enabled) {
        for (choice in form.choices) {
            RadioRow(choice.label, selected = choice.minutes == form.settings.afterMinutes, enabled = enabled) { onDelay(choice.minutes) }
        }
    }
}

/**
 * Before the lock is turned on: the platform prompt once, with the core's
 * texts, so the person knows it works on this phone before it guards the
 * diary. [onConfirmed] runs only on success. The prompt is MainActivity's
 * one BiometricPrompt ([MainActivity.confirmOwner]): a second prompt on the
 * same activity would take over its callback, and unlocking would then
 * never reach the lock.
 */
fun confirmWithPrompt(context: Context, form: AppLockForm, onConfirmed: () -> Unit) {
    context.findMainActivity()?.confirmOwner(form.title, form.promptReason, onConfirmed)
}

private tailrec fun Context.findMainActivity(): MainActivity? = when (this) {
    is MainActivity -> this
    is ContextWrapper -> baseContext.findMainActivity()
    else -> null
}

/**
 * The first-run offer on Today (after the screening): shown while the core's
 * `offer` is true and the phone can show the prompt (`lockOffer`); either
 * answer is stored, so it is shown once.
 */
@Composable
fun FirstRunLockOffer() {
    val context = LocalContext.current
    val app = context.applicationContext as KefirApplication
    var form by remember { mutableStateOf<AppLockForm?>(null) }
    var busy by remember { mutableStateOf(false) }
    LaunchedEffect(Unit) {
        val r = app.appLock.flow.form()
        if (r is CoreResult.Ok) form = lockOffer(r.value, app.appLock.canAuthenticate())
    }
    val offer = form ?: return
    fun answer(settings: uniffi.kefir_core.AppLockSettings) {
        busy = true
        app.appLock.save(settings) { r -> busy = false; if (r is CoreResult.Ok) form = null }
    }
    AppLockOffer(
        offer,
        busy,
        onAccept = { confirmWithPrompt(context, offer) { answer(acceptOffer(offer)) } },
        onDecline = { answer(declineOffer(offer)) },
    )
}
