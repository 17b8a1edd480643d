package org.kefir.app.logic

import java.time.Instant
import uniffi.kefir_core.DrinkInput
import uniffi.kefir_core.Source

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

/** What "Log today's amount" did. */
sealed interface QuickLogOutcome {
    /** Stored: the core's drink and its warnings (D3, H1, H2, M1–M3...), verbatim. */
    data class Logged(val ml: UInt, val warnings: List<FindingUi>) : QuickLogOutcome

    /** The core says nothing is left for today (already drunk, or the plan is paused or stopped). */
    data object NothingLeft : QuickLogOutcome

    /**
     * The form is needed: no plan (so no amount), no earlier drink to repeat
     * kind and source from, a homemade batch (its details are asked each
     * time), or a kind/source the current screening no longer allows.
     * [ml] is the core's remaining amount, when there is one, to prefill.
     */
    data class NeedsForm(val ml: UInt?) : QuickLogOutcome

    data class Failed(val error: UiError) : QuickLogOutcome
}

/**
 * "Log today's amount" from the drink reminder, with the core's calls only:
 * `today()` gives what is left for today (`remainingMl`, the plan's number)
 * and what the screening allows; the kind and source are those of the
 * person's latest drink (`listDrinks` over the whole history, so no date
 * arithmetic here); `logDrink` stores it at `now` and returns the core's
 * warnings. Tapping twice logs once: after the first, the core reports
 * nothing left.
 */
suspend fun logTodaysAmount(gateway: CoreGateway): QuickLogOutcome {
    val seen = gateway.read { cx ->
        val today = today(cx.now, cx.zone, cx.locale)
        val latest = listDrinks(Instant.EPOCH, cx.now).maxWithOrNull(compareBy({ it.at }, { it.id }))
        today to latest
    }
    val (today, latest) = when (seen) {
        is CoreResult.Ok -> seen.value
        is CoreResult.Failed -> return QuickLogOutcome.Failed(seen.error)
    }
    val remaining = today.remainingMl ?: return QuickLogOutcome.NeedsForm(null)
    if (remaining == 0u) return QuickLogOutcome.NothingLeft
    if (latest == null || latest.source == Source.HOMEMADE ||
        latest.kind !in today.allowedKinds || latest.source !in today.allowedSources
    ) {
        return QuickLogOutcome.NeedsForm(remaining)
    }
    val logged = gateway.write { cx ->
        logDrink(DrinkInput(at = cx.now, ml = remaining, kind = latest.kind, source = latest.source), cx.now, cx.zone, cx.locale)
    }
    return when (logged) {
        is CoreResult.Ok -> QuickLogOutcome.Logged(logged.value.drink.ml, logged.value.warnings.toUi())
        is CoreResult.Failed -> QuickLogOutcome.Failed(logged.error)
    }
}
