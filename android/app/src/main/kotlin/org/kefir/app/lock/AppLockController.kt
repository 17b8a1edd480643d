package org.kefir.app.lock

import android.app.KeyguardManager
import android.content.Context
import android.os.Build
import androidx.biometric.BiometricManager
import androidx.biometric.BiometricManager.Authenticators.BIOMETRIC_STRONG
import androidx.biometric.BiometricManager.Authenticators.BIOMETRIC_WEAK
import androidx.biometric.BiometricManager.Authenticators.DEVICE_CREDENTIAL
import androidx.lifecycle.DefaultLifecycleObserver
import androidx.lifecycle.LifecycleOwner
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.launch
import org.kefir.app.logic.AppLockFlow
import org.kefir.app.logic.CoreGateway
import org.kefir.app.logic.CoreResult
import org.kefir.app.logic.LockUi
import uniffi.kefir_core.AppLockForm
import uniffi.kefir_core.AppLockSettings

/**
 * The app lock's Android side (issue 17). Registered on
 * `ProcessLifecycleOwner` by KefirApplication: the process's ON_START is
 * `appForegrounded`, its ON_STOP `appBackgrounded` (the process owner waits
 * ~700 ms before ON_STOP, so a rotation or a screen of our own is no trip to
 * the background). The core decides ([AppLockFlow], plain Kotlin, tested on
 * the JVM); [state] is what MainActivity shows: the cover, the
 * BiometricPrompt and FLAG_SECURE. Calls reach the core one at a time, in
 * the order the lifecycle reported them.
 */
class AppLockController(private val context: Context, gateway: CoreGateway, scope: CoroutineScope) : DefaultLifecycleObserver {
    val flow = AppLockFlow(gateway)
    private val _state = MutableStateFlow(LockUi.CHECKING)
    val state: StateFlow<LockUi> = _state
    private val calls = Channel<suspend () -> Unit>(Channel.UNLIMITED)

    init {
        scope.launch { for (call in calls) call() }
    }

    override fun onStart(owner: LifecycleOwner) = report { flow.foregrounded() }

    override fun onStop(owner: LifecycleOwner) {
        leaving()
        calls.trySend { flow.backgrounded() }
    }

    /**
     * The app leaves the screen (MainActivity.onStop, the process's ON_STOP;
     * main thread): with the lock on, covered at once, so the first frame on
     * return shows no diary; uncovered only by the core's answer.
     */
    fun leaving() {
        _state.value = flow.leaving()
    }

    /** MainActivity.onStart: back from another app or a screen of ours; the core decides again (idempotent). */
    fun returned() {
        flow.returned()
        report { flow.foregrounded() }
    }

    /** BiometricPrompt succeeded. */
    fun unlocked() = report { flow.unlocked() }

    /** No screen lock is set on this phone, so nobody can be checked: open, never lock the owner out. */
    fun promptUnavailable() = report { flow.promptUnavailable() }

    /** Store the setting; the open app stays open (rule L7, see [AppLockFlow.save]). */
    fun save(settings: AppLockSettings, done: (CoreResult<AppLockForm>) -> Unit) {
        calls.trySend {
            val r = flow.save(settings)
            _state.value = flow.current
            done(r)
        }
    }

    private fun report(call: suspend () -> LockUi) {
        calls.trySend {
            call()
            // The flow's latest (a leaving() meanwhile stays covered).
            _state.value = flow.current
        }
    }

    /**
     * Biometrics or the device credential (PIN, pattern, password). Android 11+
     * takes BIOMETRIC_STRONG | DEVICE_CREDENTIAL; on Android 10 and below
     * androidx.biometric does not support that pair (API 28–29) or has only
     * one biometric class, so BIOMETRIC_WEAK | DEVICE_CREDENTIAL is asked there.
     */
    val authenticators: Int
        get() = if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.R) BIOMETRIC_STRONG or DEVICE_CREDENTIAL else BIOMETRIC_WEAK or DEVICE_CREDENTIAL

    /** Whether the prompt can be shown at all (a screen lock or enrolled biometrics exist). */
    fun canAuthenticate(): Boolean =
        BiometricManager.from(context).canAuthenticate(authenticators) == BiometricManager.BIOMETRIC_SUCCESS

    /** A screen lock (PIN, pattern, password) is set; unknown counts as set (never opens by mistake). */
    fun deviceSecure(): Boolean = context.getSystemService(KeyguardManager::class.java)?.isDeviceSecure ?: true
}
