package org.kefir.app.logic

import uniffi.kefir_core.Today

/** Where tapping a reminder (or its "Check in" action) opens the app. */
enum class OpenTarget { CHECKIN, DRINK, TODAY }

/**
 * [kind] is AlarmSpec.kind, the core's notification kind in snake_case
 * (`checkin`, `drink_reminder`, `spacing_ended`); unknown or null opens Today.
 */
fun openTargetFor(kind: String?): OpenTarget = when (kind) {
    "checkin" -> OpenTarget.CHECKIN
    "drink_reminder" -> OpenTarget.DRINK
    else -> OpenTarget.TODAY
}

/** Where the app opens: the first-run screening until a profile is saved, else Today. */
enum class StartTarget { ONBOARDING, TODAY }

/** The core's first-run flag ([Today.needsScreening]) as the start route. */
fun Today.startTarget(): StartTarget = if (needsScreening) StartTarget.ONBOARDING else StartTarget.TODAY

/** The screens a notification can put on the back stack. */
enum class Screen { ONBOARDING, TODAY, CHECKIN, DRINK }

/**
 * Routes notification taps so that a cold start does not lose them.
 *
 * On a cold start the tap arrives before the start screen has opened the
 * database and decided between onboarding and Today; navigating at once
 * would put the check-in on the stack and the start screen's "replace
 * everything with Today" would pop it again. So a tap is held until
 * [started], which returns the whole stack (base screen, then the target).
 * Once started, [open] returns the screens to push right away.
 *
 * Before the first-run screening is done there are no reminders to act on:
 * a request is dropped and the app stays on onboarding.
 */
class OpenRouter {
    private var start: StartTarget? = null
    private var pending: OpenTarget? = null

    /** A tap asked for [target]: the screens to push now (empty while the start screen still decides). */
    @Synchronized
    fun open(target: OpenTarget): List<Screen> = when (start) {
        null -> {
            pending = target
            emptyList()
        }
        StartTarget.ONBOARDING -> emptyList()
        StartTarget.TODAY -> listOfNotNull(target.screen())
    }

    /** The start screen decided: the stack to show, bottom first, with any held tap on top. */
    @Synchronized
    fun started(target: StartTarget): List<Screen> {
        start = target
        val held = pending
        pending = null
        return when (target) {
            StartTarget.ONBOARDING -> listOf(Screen.ONBOARDING)
            StartTarget.TODAY -> listOfNotNull(Screen.TODAY, held?.screen())
        }
    }

    /**
     * Today is on screen. After the process was recreated the back stack is
     * restored past the start screen, which then never decides: this marks
     * the app started and returns a tap held meanwhile (empty otherwise).
     */
    @Synchronized
    fun showingToday(): List<Screen> {
        start = StartTarget.TODAY
        val held = pending
        pending = null
        return listOfNotNull(held?.screen())
    }

    /** The first-run screening was saved: from now on taps open their screens. */
    @Synchronized
    fun finishedOnboarding() {
        start = StartTarget.TODAY
    }

    /** After "Delete everything": the start screen decides again. */
    @Synchronized
    fun restart() {
        start = null
    }

    private fun OpenTarget.screen(): Screen? = when (this) {
        OpenTarget.CHECKIN -> Screen.CHECKIN
        OpenTarget.DRINK -> Screen.DRINK
        OpenTarget.TODAY -> null
    }
}
