package org.kefir.app.logic

import uniffi.kefir_core.QuickLogOutcome as CoreQuickLogOutcome

/** A button on a reminder. [id] is the action's stable name (Android intent action suffix, iOS action identifier). */
enum class ReminderAction(val id: String) {
    /** On the drink reminder: log what the plan has left for today, in the background. */
    LOG_TODAYS_AMOUNT("log_todays_amount"),

    /** On the check-in reminder: open the check-in form (symptoms need the person). */
    CHECK_IN("check_in"),
    ;

    companion object {
        fun fromId(id: String?): ReminderAction? = entries.firstOrNull { it.id == id }
    }
}

/** The buttons a reminder of the core's [kind] (snake_case, see [openTargetFor]) carries. */
fun reminderActions(kind: String?): List<ReminderAction> = when (kind) {
    "drink_reminder" -> listOf(ReminderAction.LOG_TODAYS_AMOUNT)
    "checkin" -> listOf(ReminderAction.CHECK_IN)
    else -> emptyList()
}

/** What "Log today's amount" did; [message] lines are the core's, in the app's language. */
sealed interface QuickLogOutcome {
    /** Stored: the core's amount, its one-line [message] and the drink's warnings (D3, H1, H2, M1–M3...), verbatim. */
    data class Logged(val ml: UInt, val message: String, val warnings: List<FindingUi>) : QuickLogOutcome

    /** The core says nothing is left for today (already drunk, or the plan is paused or stopped). */
    data class NothingLeft(val message: String) : QuickLogOutcome

    /**
     * The form is needed (the core's reasons: no plan, so no amount; a
     * homemade batch, described each time; no kind or source the screening
     * allows). [ml] is the core's remaining amount, when there is one, to prefill.
     */
    data class NeedsForm(val ml: UInt?, val message: String) : QuickLogOutcome

    data class Failed(val error: UiError) : QuickLogOutcome
}

/**
 * "Log today's amount" from the drink reminder: one core call,
 * `logPlannedAmount`, which decides everything (what is left of today's
 * plan, the preselected kind and source of the drink form, whether the form
 * is needed) and stores the drink at `now`. Tapping twice logs once: after
 * the first, the core reports nothing left.
 */
suspend fun logTodaysAmount(gateway: CoreGateway): QuickLogOutcome {
    val r = gateway.write { cx -> logPlannedAmount(cx.now, cx.zone, cx.locale) }
    val q = when (r) {
        is CoreResult.Ok -> r.value
        is CoreResult.Failed -> return QuickLogOutcome.Failed(r.error)
    }
    return when (q.outcome) {
        CoreQuickLogOutcome.LOGGED ->
            QuickLogOutcome.Logged(q.ml ?: 0u, q.message, q.logged?.warnings.orEmpty().toUi())
        CoreQuickLogOutcome.NOTHING_LEFT -> QuickLogOutcome.NothingLeft(q.message)
        CoreQuickLogOutcome.NEEDS_FORM -> QuickLogOutcome.NeedsForm(q.ml, q.message)
    }
}

/**
 * The notification that replaces the drink reminder after "Log today's
 * amount" ([posted]; [openKind]: the notification kind a tap opens, or null
 * for the app's start). Not private: the core's one-line message and its
 * warnings verbatim ("title: advice", one a line). Private (the reminder's
 * [lock] text is given): the reminder's public version, which names no
 * medicine, symptom or amount; a failure shows [failedText] (the app's own
 * words, naming nothing) over the same public version.
 */
data class QuickLogNotice(val posted: PostedNotification, val openKind: String?)

fun QuickLogOutcome.notice(failedText: String, lock: LockScreenText?): QuickLogNotice {
    val (text, openKind) = when (this) {
        is QuickLogOutcome.Logged -> (listOf(message) + warnings.map { "${it.title}: ${it.advice}" }).joinToString("\n") to null
        is QuickLogOutcome.NothingLeft -> message to null
        is QuickLogOutcome.NeedsForm -> message to "drink_reminder"
        is QuickLogOutcome.Failed -> failedText to "drink_reminder"
    }
    val posted = when {
        lock == null -> PostedNotification("", text, null)
        this is QuickLogOutcome.Failed -> PostedNotification(lock.title, failedText, lock)
        else -> postedNotification("", text, lock)
    }
    return QuickLogNotice(posted, openKind)
}
