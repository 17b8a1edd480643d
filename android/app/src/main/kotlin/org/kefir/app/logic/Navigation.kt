package org.kefir.app.logic

import uniffi.kefir_core.Today

/** Where tapping a reminder opens the app. */
enum class OpenTarget { CHECKIN, TODAY }

/** [kind] is AlarmSpec.kind, the core's notification kind in snake_case. */
fun openTargetFor(kind: String?): OpenTarget = if (kind == "checkin") OpenTarget.CHECKIN else OpenTarget.TODAY

/** Where the app opens: the first-run screening until a profile is saved, else Today. */
enum class StartTarget { ONBOARDING, TODAY }

/** The core's first-run flag ([Today.needsScreening]) as the start route. */
fun Today.startTarget(): StartTarget = if (needsScreening) StartTarget.ONBOARDING else StartTarget.TODAY
