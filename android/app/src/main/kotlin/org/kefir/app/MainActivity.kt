package org.kefir.app

import android.content.Intent
import android.os.Bundle
import android.view.WindowManager
import androidx.activity.compose.setContent
import androidx.activity.enableEdgeToEdge
import androidx.biometric.BiometricPrompt
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.clearAndSetSemantics
import androidx.core.content.ContextCompat
import androidx.fragment.app.FragmentActivity
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import kotlinx.coroutines.launch
import org.kefir.app.logic.LockUi
import org.kefir.app.ui.KefirNavHost
import org.kefir.app.ui.lock.LockCover
import org.kefir.app.ui.theme.KefirTheme

/**
 * Compose entry. A FragmentActivity (a ComponentActivity) because
 * BiometricPrompt needs one. The app lock (issue 17) is drawn here over
 * every screen: the core's decision ([LockUi], from KefirApplication.appLock)
 * says when to cover, prompt and set FLAG_SECURE.
 */
class MainActivity : FragmentActivity() {
    /** The notification kind a reminder was tapped with, until the navigation handled it. */
    private val openRequest = mutableStateOf<String?>(null)

    private val app: KefirApplication get() = application as KefirApplication

    /** Built in onCreate, as androidx.biometric asks (it survives configuration changes that way). */
    private lateinit var biometric: BiometricPrompt

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        enableEdgeToEdge()
        val controller = app.appLock
        biometric = BiometricPrompt(
            this,
            ContextCompat.getMainExecutor(this),
            object : BiometricPrompt.AuthenticationCallback() {
                override fun onAuthenticationSucceeded(result: BiometricPrompt.AuthenticationResult) = controller.unlocked()

                // Cancelled, locked out or failed for good: still covered; the cover's button asks again.
                override fun onAuthenticationError(errorCode: Int, errString: CharSequence) = controller.flow.promptEnded()
            },
        )
        // Secure until the core's first answer (LockUi.CHECKING): no screenshot of a screen it may want hidden.
        secure(app.appLock.state.value.secure)
        if (savedInstanceState == null) openRequest.value = intent.getStringExtra(EXTRA_OPEN)
        setContent {
            KefirTheme {
                val lock by app.appLock.state.collectAsStateWithLifecycle()
                // FLAG_SECURE: no screenshots, a blank app-switcher thumbnail.
                LaunchedEffect(lock.secure) { secure(lock.secure) }
                LaunchedEffect(lock.prompt) { if (lock.prompt) prompt(lock) }
                Box(Modifier.fillMaxSize()) {
                    // Under the cover the screens keep their state but are hidden from TalkBack too.
                    Box(if (lock.cover) Modifier.fillMaxSize().clearAndSetSemantics {} else Modifier.fillMaxSize()) {
                        KefirNavHost(openRequest = openRequest.value, onOpenHandled = { openRequest.value = null })
                    }
                    if (lock.cover) LockCover(lock, onUnlock = { prompt(lock) })
                }
            }
        }
    }

    override fun onStart() {
        super.onStart()
        // Back in the foreground: the day, the zone or the data may have changed.
        // (The app lock hears the process's start through ProcessLifecycleOwner.)
        app.appScope.launch { app.reminders.reschedule() }
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
     * credential (AppLockController.authenticators). A phone with neither
     * cannot check anyone: the app opens rather than lock its owner out.
     * Cancelling keeps the cover; its button asks again.
     */
    private fun prompt(lock: LockUi) {
        val controller = app.appLock
        if (!lock.cover || controller.flow.prompting) return
        if (!controller.canAuthenticate()) {
            controller.promptUnavailable()
            return
        }
        val info = BiometricPrompt.PromptInfo.Builder()
            .setTitle(lock.coverTitle)
            .setSubtitle(lock.promptReason)
            .setAllowedAuthenticators(controller.authenticators)
            .build()
        controller.flow.promptStarted()
        biometric.authenticate(info)
    }

    companion object {
        const val EXTRA_OPEN = "open"
    }
}
