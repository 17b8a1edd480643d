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
 * While the lock is on, the app is covered on the way out ([leaving]) and
 * uncovered only when the core's answer on return says open: no frame of
 * the diary is shown before the core decided.
 *
 * Failures never lock the owner out: before any answer a failed call (the
 * database did not open: the start screen offers its ways out, and shows no
 * diary) opens the app; a failed `appForegrounded` after a trip to the
 * background with the lock on shows the locked cover with the core's last
 * texts (the platform prompt still opens it); otherwise a failed call keeps
 * the last answer; a failed `appUnlocked` after the platform prompt
 * succeeded opens the app (the person has just proved who they are to the
 * phone).
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

    /** The last answer the core gave (its texts), for a failed call after a background trip. */
    @Volatile
    private var lastAnswer: LockUi? = null

    /** Covered by [leaving] with the lock on: until the core answers, and a failure stays locked. */
    @Volatile
    private var awayWithLockOn: Boolean = false

    /** Our own request opened another app's screen (see [externalScreenStarted]). */
    @Volatile
    private var externalScreen: Boolean = false

    /** Counts [leaving]'s covers: an answer asked before the latest one does not uncover. */
    @Volatile
    private var trips: Int = 0

    /** What the one platform prompt is confirming instead of unlocking (see [confirmStarted]). */
    @Volatile
    private var pendingConfirmation: (() -> Unit)? = null

    /** The prompt is shown to unlock. */
    fun promptStarted() {
        prompting = true
    }

    /**
     * The prompt is shown to confirm turning the lock on (the person knows it
     * works on this phone); [then] runs only if it succeeds. One prompt per
     * screen reports every result (androidx.biometric keeps one callback per
     * activity), so its result goes to [promptSucceeded], which routes it.
     * False (nothing started) while another prompt is up.
     */
    fun confirmStarted(then: () -> Unit): Boolean {
        if (prompting) return false
        pendingConfirmation = then
        prompting = true
        return true
    }

    /**
     * The one prompt succeeded: the confirmation to run (turning the lock
     * on), or null when it was an unlock (then call [unlocked]).
     */
    fun promptSucceeded(): (() -> Unit)? {
        val then = pendingConfirmation ?: return null
        pendingConfirmation = null
        prompting = false
        return then
    }

    /**
     * The prompt was cancelled or failed, or is no longer on screen: still
     * locked (the cover's button asks again); a confirmation is dropped.
     */
    fun promptEnded() {
        prompting = false
        pendingConfirmation = null
    }

    /**
     * The app leaves the screen (Android onStop, iOS scenePhase
     * .background): with the lock on (the last answer keeps screens hidden)
     * the app is covered at once, blank, until the core's answer on return.
     * Returns what to show. Not while the platform prompt is up (its PIN
     * screen is not leaving the app).
     */
    fun leaving(): LockUi {
        if (prompting || externalScreen || !current.secure || current.cover) return current
        awayWithLockOn = true
        trips += 1
        current = LockUi.CHECKING
        return current
    }

    /**
     * Android: one of our own requests opens another app's screen with a
     * result for the screen that asked (the document picker of a backup
     * save or import). Leaving for it does not cover (a cover removes the
     * screens, and the picker's result would be lost with them); the core
     * still hears the trip ([backgrounded]), the window stays FLAG_SECURE,
     * and on return ([returned]) the core decides.
     */
    fun externalScreenStarted() {
        externalScreen = true
    }

    /** Android MainActivity.onStart: back from wherever; ask [foregrounded] next. */
    fun returned() {
        externalScreen = false
    }

    /** Launch, Android onStart, iOS scenePhase .active. */
    suspend fun foregrounded(): LockUi {
        if (prompting) return current
        val trip = trips
        val r = gateway.read { cx -> appForegrounded(cx.now, cx.locale) }
        // Left again while the core answered: stay covered until the next answer.
        if (trips != trip) return current
        return answer(r, failedOpens = false)
    }

    /** Android onStop, iOS scenePhase .background. The core notes the time; the screen stays as it is. */
    suspend fun backgrounded(): CoreResult<Unit> =
        if (prompting) CoreResult.Ok(Unit) else gateway.read { cx -> appBackgrounded(cx.now) }

    /** The platform prompt succeeded. */
    suspend fun unlocked(): LockUi {
        prompting = false
        pendingConfirmation = null
        return answer(gateway.read { cx -> appUnlocked(cx.now, cx.locale) }, failedOpens = true)
    }

    /**
     * The phone can check nobody: no screen lock is set (Android
     * `KeyguardManager.isDeviceSecure` false, iOS `LAError.passcodeNotSet`),
     * so no prompt can be shown; the lock cannot be kept without locking its
     * owner out, so the app opens, as after an unlock. Only for that case
     * ([promptRoute]); any other reason the prompt is unavailable keeps the
     * cover and its button.
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
            is CoreResult.Ok -> r.value.toUi().also { lastAnswer = it }
            is CoreResult.Failed -> when {
                failedOpens -> LockUi.open(secure = current.secure)
                awayWithLockOn -> lastAnswer?.takeIf { it.coverTitle.isNotEmpty() }?.copy(cover = true, prompt = true, secure = true) ?: current
                current == LockUi.CHECKING -> LockUi.open(secure = false)
                else -> current
            }
        }
        if (!ui.cover || ui.coverTitle.isNotEmpty()) awayWithLockOn = false
        current = ui
        return ui
    }
}

/** What to do when the app must be unlocked (see [AppLockFlow.promptUnavailable]). */
enum class PromptRoute {
    /** Show the platform prompt (it reports its own errors; the cover's button asks again). */
    SHOW,

    /** No screen lock is set: nobody can be checked, so the app opens rather than lock its owner out. */
    OPEN_NO_SCREEN_LOCK,
}

/**
 * [canAuthenticate]: the platform says the prompt can be shown;
 * [deviceSecure]: a screen lock (PIN, pattern, password) is set. Only a
 * phone with no screen lock opens without a prompt; a prompt that is
 * unavailable for another reason (hardware busy, a security update needed)
 * is tried anyway and keeps the cover on failure.
 */
fun promptRoute(canAuthenticate: Boolean, deviceSecure: Boolean): PromptRoute =
    if (canAuthenticate || deviceSecure) PromptRoute.SHOW else PromptRoute.OPEN_NO_SCREEN_LOCK

/**
 * The Settings lock switch: turning the lock on needs a prompt the phone can
 * show; turning it off (or changing the delay) never does, so an owner who
 * removed the screen lock can still turn it off.
 */
fun lockSwitchEnabled(form: AppLockForm, canAuthenticate: Boolean, busy: Boolean): Boolean =
    !busy && (canAuthenticate || form.settings.enabled)

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
