package org.kefir.app.logic

/** Where tapping a reminder opens the app. */
enum class OpenTarget { CHECKIN, TODAY }

/** [kind] is AlarmSpec.kind, the core's notification kind in snake_case. */
fun openTargetFor(kind: String?): OpenTarget = if (kind == "checkin") OpenTarget.CHECKIN else OpenTarget.TODAY

/** First run: no profile saved yet (Today has no flag for it; see README, core API notes). */
enum class StartTarget { ONBOARDING, TODAY }
