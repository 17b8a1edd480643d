package org.kefir.app.logic

/** What the navigation does after a saved check-in or reaction report. */
sealed interface CheckinRoute {
    /**
     * The core returned an emergency screen: show it full screen at once,
     * with Today (not the form) underneath, so back never returns to the
     * form that raised it and the form cannot be sent twice.
     */
    data class Emergency(val screen: EmergencyUi, val popUpTo: Screen = Screen.TODAY) : CheckinRoute

    /** Stay on the form and show the assessment. */
    data class ShowAssessment(val assessment: AssessmentUi) : CheckinRoute
}

fun AssessmentUi.route(): CheckinRoute = when (val n = next()) {
    is AfterAssessment.Emergency -> CheckinRoute.Emergency(n.screen)
    is AfterAssessment.Show -> CheckinRoute.ShowAssessment(n.assessment)
}

/** Leaving the emergency screen: back to Today if it is on the stack, else Today as the only screen. */
enum class EmergencyExit { POP_TO_TODAY, REPLACE_WITH_TODAY }

fun emergencyExit(todayOnStack: Boolean): EmergencyExit =
    if (todayOnStack) EmergencyExit.POP_TO_TODAY else EmergencyExit.REPLACE_WITH_TODAY

/**
 * The phone numbers the core's emergency steps name (e.g. "call your local
 * emergency number now (for example 112, 911 or 999)"), in the order they
 * appear, each once: the shell offers a "Call" button for each and adds no
 * number of its own. A number is a run of 2–6 digits standing alone (not a
 * part of a longer number, a rule id such as S5, or a step's own "1.").
 */
fun emergencyNumbers(steps: List<String>): List<String> =
    steps.flatMap { step -> NUMBER.findAll(step).map { it.value }.toList() }.distinct()

private val NUMBER = Regex("""(?<!\w)(?<!\d\.)\d{2,6}(?!\w)(?!\.\d)""")
