package org.kefir.app.logic

import uniffi.kefir_core.AppLockForm
import uniffi.kefir_core.AppLockSettings
import uniffi.kefir_core.LockDecision

/**
 * What the app shows for the app lock (issue 17), from the core's
 * [LockDecision]. The core decides when the app is locked (from the times
 * the shell reports: `appBackgrounded`, `appForegrounded`, `appUnlocked`);
 * the shell only covers the screens, keeps them out of screenshots and the
 * app switcher, and shows the platform prompt.
 */
data class LockUi(
    /** Cover every screen (the core's `coverTitle` and an unlock button). */
    val cover: Boolean,
    /** Show the platform prompt (Android BiometricPrompt, iOS LAContext) now. */
    val prompt: Boolean,
    /** Keep the window out of screenshots and the app switcher (Android FLAG_SECURE, iOS privacy cover). */
    val secure: Boolean,
    /** The core's texts: cover title, unlock button, prompt reason; empty before its first answer. */
    val coverTitle: String = "",
    val unlockLabel: String = "",
    val promptReason: String = "",
) {
    companion object {
        /**
         * Before the core's first answer at launch: a blank cover (no prompt),
         * so no screen flashes before the core said whether it is locked.
         */
        val CHECKING = LockUi(cover = true, prompt = false, secure = true)

        /** Open, with the window's content as the core's decision says. */
        fun open(secure: Boolean) = LockUi(cover = false, prompt = false, secure = secure)
    }
}

/** The screen state for a core decision: locked means cover + prompt; `hideContent` means a secure window. */
fun LockDecision.toUi(): LockUi = LockUi(
    cover = locked,
    prompt = locked,
    secure = hideContent || locked,
    coverTitle = coverTitle,
    unlockLabel = unlockLabel,
    promptReason = promptReason,
)

/**
 * The app lock's calls, in the order the platform reports them. One per
 * process (the activity and the lifecycle observer share it). Each call
 * returns what to show; [current] is the latest.
 *
 * Failures never lock the owner out: before any answer a failed call (the
 * database did not open: the start screen offers its ways out, and shows no
 * diary) opens the app; later a failed call keeps the last answer, and a
 * failed `appUnlocked` after the platform prompt succeeded opens the app
 * (the person has just proved who they are to the phone).
 */
class AppLockFlow(private val gateway: CoreGateway) {
    @Volatile
    var current: LockUi = LockUi.CHECKING
        private set

    /**
     * The platform prompt is on screen. Its device-credential (PIN) screen
     * can stop the app's activity (Android 10 and below: the system's confirm
     * screen is another app); that is not the person leaving the app, so
     * [backgrounded] and [foregrounded] are not reported to the core until
     * [promptEnded] or [unlocked].
     */
    @Volatile
    var prompting: Boolean = false
        private set

    fun promptStarted() {
        prompting = true
    }

    /** The prompt was cancelled or failed: still locked; the cover's button asks again. */
    fun promptEnded() {
        prompting = false
    }

    /** Launch, Android onStart, iOS scenePhase .active. */
    suspend fun foregrounded(): LockUi =
        if (prompting) current else answer(gateway.read { cx -> appForegrounded(cx.now, cx.locale) }, failedOpens = false)

    /** Android onStop, iOS scenePhase .background. The core notes the time; the screen stays as it is. */
    suspend fun backgrounded(): CoreResult<Unit> =
        if (prompting) CoreResult.Ok(Unit) else gateway.read { cx -> appBackgrounded(cx.now) }

    /** The platform prompt succeeded. */
    suspend fun unlocked(): LockUi {
        prompting = false
        return answer(gateway.read { cx -> appUnlocked(cx.now, cx.locale) }, failedOpens = true)
    }

    /**
     * The phone can check nobody (no biometrics enrolled and no screen lock,
     * so the prompt cannot be shown): the lock cannot be kept without locking
     * its owner out, so the app opens, as after an unlock.
     */
    suspend fun promptUnavailable(): LockUi = unlocked()

    /** The settings row and the first-run offer: the core's form (choices, labels, `offer`). */
    suspend fun form(): CoreResult<AppLockForm> = gateway.read { cx -> appLockForm(cx.locale) }

    /**
     * Store the setting (this also answers the first-run offer). The core
     * does not lock the open app for it (rule L7: from the next trip to the
     * background; turning it off unlocks), so asking `appForegrounded` again
     * returns the new decision (`hideContent` follows the setting). The shell
     * asks the platform prompt before turning it on, so the person knows it
     * works on this phone.
     */
    suspend fun save(settings: AppLockSettings): CoreResult<AppLockForm> {
        val r = gateway.write { cx -> saveAppLock(settings, cx.locale) }
        if (r is CoreResult.Ok) foregrounded()
        return r
    }

    private fun answer(r: CoreResult<LockDecision>, failedOpens: Boolean): LockUi {
        val ui = when (r) {
            is CoreResult.Ok -> r.value.toUi()
            is CoreResult.Failed -> when {
                failedOpens -> LockUi.open(secure = current.secure)
                current == LockUi.CHECKING -> LockUi.open(secure = false)
                else -> current
            }
        }
        current = ui
        return ui
    }
}

/**
 * The first-run offer: shown once, after the first screens (the screening),
 * while the core's `offer` is true and the phone can show the platform
 * prompt ([canAuthenticate]); null otherwise. Answering it is
 * [AppLockFlow.save] with [acceptOffer] or [declineOffer].
 */
fun lockOffer(form: AppLockForm, canAuthenticate: Boolean): AppLockForm? = form.takeIf { it.offer && canAuthenticate }

/** "Turn on": the core's stored delay (its default before any answer), enabled. */
fun acceptOffer(form: AppLockForm): AppLockSettings = form.settings.copy(enabled = true)

/** "Not now": stays off; the core stops offering. */
fun declineOffer(form: AppLockForm): AppLockSettings = form.settings.copy(enabled = false)
