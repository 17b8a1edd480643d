package org.kefir.app

import android.content.Intent
import android.os.Bundle
import android.view.WindowManager
import androidx.activity.compose.setContent
import androidx.activity.enableEdgeToEdge
import androidx.biometric.BiometricPrompt
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.core.content.ContextCompat
import androidx.fragment.app.FragmentActivity
import androidx.navigation.compose.rememberNavController
import kotlinx.coroutines.launch
import org.kefir.app.logic.LockUi
import org.kefir.app.logic.PromptRoute
import org.kefir.app.logic.promptRoute
import org.kefir.app.ui.KefirNavHost
import org.kefir.app.ui.lock.LockCover
import org.kefir.app.ui.theme.KefirTheme

/**
 * Compose entry. A FragmentActivity (a ComponentActivity) because
 * BiometricPrompt needs one. The app lock (issue 17) lives here: the core's
 * decision ([LockUi], from KefirApplication.appLock) says when to cover,
 * prompt and set FLAG_SECURE. While covered, the app's screens are not
 * composed at all (only the cover): their dialogs are their children, so
 * no dialog window, focus or TalkBack node is left behind the cover. The
 * NavController is hoisted above the cover, so the back stack and its
 * screens' ViewModels outlive it.
 */
class MainActivity : FragmentActivity() {
    /** The notification kind a reminder was tapped with, until the navigation handled it. */
    private val openRequest = mutableStateOf<String?>(null)

    private val app: KefirApplication get() = application as KefirApplication

    /**
     * The activity's one BiometricPrompt, built in onCreate as
     * androidx.biometric asks. It keeps one callback per activity, so every
     * prompt (unlocking, confirming the lock is turned on) goes through this
     * one, and AppLockFlow routes each result to whoever asked.
     */
    private lateinit var biometric: BiometricPrompt

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        enableEdgeToEdge()
        val controller = app.appLock
        biometric = BiometricPrompt(
            this,
            ContextCompat.getMainExecutor(this),
            object : BiometricPrompt.AuthenticationCallback() {
                override fun onAuthenticationSucceeded(result: BiometricPrompt.AuthenticationResult) {
                    // A confirmation (turning the lock on) runs its action; otherwise it was an unlock.
                    val confirmation = controller.flow.promptSucceeded()
                    if (confirmation != null) confirmation() else controller.unlocked()
                }

                // Cancelled, locked out or failed for good: still covered; the cover's button asks again.
                override fun onAuthenticationError(errorCode: Int, errString: CharSequence) = controller.flow.promptEnded()
            },
        )
        // Secure until the core's first answer (LockUi.CHECKING): no screenshot of a screen it may want hidden.
        secure(app.appLock.state.value.secure)
        if (savedInstanceState == null) openRequest.value = intent.getStringExtra(EXTRA_OPEN)
        setContent {
            KefirTheme {
                // Not lifecycle-bound: a cover set while stopped (onStop) is composed before the first frame on return.
                val lock by app.appLock.state.collectAsState()
                // FLAG_SECURE: no screenshots, a blank app-switcher thumbnail.
                LaunchedEffect(lock.secure) { secure(lock.secure) }
                LaunchedEffect(lock.prompt) { if (lock.prompt) prompt(lock) }
                // Hoisted above the cover: the back stack survives it.
                val nav = rememberNavController()
                if (lock.cover) {
                    LockCover(lock, onUnlock = { prompt(lock) })
                } else {
                    KefirNavHost(nav, openRequest = openRequest.value, onOpenHandled = { openRequest.value = null })
                }
            }
        }
    }

    override fun onStart() {
        super.onStart()
        // Back in the foreground: the day, the zone or the data may have changed.
        app.appScope.launch { app.reminders.reschedule() }
        // The app lock hears the process's start through ProcessLifecycleOwner; a
        // return quicker than its ~700 ms ON_STOP delay is asked here (the core's
        // answer is the same when nothing happened in between).
        app.appLock.returned()
    }

    override fun onResume() {
        super.onResume()
        // A prompt that never reported (authenticate() after onSaveInstanceState
        // returns silently; a callback lost with a destroyed activity) must not
        // leave AppLockFlow.prompting set: no prompt on screen, no prompt running.
        if (supportFragmentManager.findFragmentByTag(BIOMETRIC_FRAGMENT_TAG) == null) app.appLock.flow.promptEnded()
    }

    override fun onStop() {
        super.onStop()
        // Covered before the next frame (not only at the process's ON_STOP ~700 ms later).
        if (!isChangingConfigurations) app.appLock.leaving()
    }

    override fun onNewIntent(intent: Intent) {
        super.onNewIntent(intent)
        setIntent(intent)
        openRequest.value = intent.getStringExtra(EXTRA_OPEN)
    }

    private fun secure(on: Boolean) {
        if (on) {
            window.addFlags(WindowManager.LayoutParams.FLAG_SECURE)
        } else {
            window.clearFlags(WindowManager.LayoutParams.FLAG_SECURE)
        }
    }

    /**
     * The platform prompt with the core's texts: biometrics or the device
     * credential (AppLockController.authenticators). Only a phone with no
     * screen lock cannot check anyone: the app opens rather than lock its
     * owner out (promptRoute). Cancelling keeps the cover; its button asks
     * again (androidx.biometric ignores a second authenticate while one is
     * showing, so a stale AppLockFlow.prompting never blocks the button).
     */
    private fun prompt(lock: LockUi) {
        val controller = app.appLock
        if (!lock.cover || lock.coverTitle.isEmpty()) return
        when (promptRoute(controller.canAuthenticate(), controller.deviceSecure())) {
            PromptRoute.OPEN_NO_SCREEN_LOCK -> controller.promptUnavailable()
            PromptRoute.SHOW -> {
                val info = BiometricPrompt.PromptInfo.Builder()
                    .setTitle(lock.coverTitle)
                    .setSubtitle(lock.promptReason)
                    .setAllowedAuthenticators(controller.authenticators)
                    .build()
                controller.flow.promptStarted()
                biometric.authenticate(info)
            }
        }
    }

    /**
     * Before the lock is turned on (Settings, the first-run offer): the same
     * prompt with [title] and [reason] (the core's AppLockForm texts), so the
     * person knows it works on this phone; [then] runs only on success.
     */
    fun confirmOwner(title: String, reason: String, then: () -> Unit) {
        val controller = app.appLock
        if (!controller.canAuthenticate()) return
        if (!controller.flow.confirmStarted(then)) return
        val info = BiometricPrompt.PromptInfo.Builder()
            .setTitle(title)
            .setSubtitle(reason)
            .setAllowedAuthenticators(controller.authenticators)
            .build()
        biometric.authenticate(info)
    }

    companion object {
        const val EXTRA_OPEN = "open"

        /** androidx.biometric's fragment tag (BiometricPrompt.BIOMETRIC_FRAGMENT_TAG, private there). */
        private const val BIOMETRIC_FRAGMENT_TAG = "androidx.biometric.BiometricFragment"
    }
}
