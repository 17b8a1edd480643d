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
