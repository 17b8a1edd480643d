package org.kefir.app.logic

import uniffi.kefir_core.DayDecision
import uniffi.kefir_core.DecisionKind
import uniffi.kefir_core.PlanSettings
import uniffi.kefir_core.PlanStatus
import uniffi.kefir_core.PlanView

/** The Plan screen: everything from one `planView` (or pause/resume/restart/changeTarget) result. */
data class PlanUi(
    val status: PlanStatus?,
    /** [status] in the app's language, the core's word (PlanProgress.statusLabel). */
    val statusLabel: String?,
    /** "50 → 75 → 100 → 125 → 150 ml". */
    val steps: String?,
    val startedOn: String?,
    val target: String?,
    val progress: ProgressUi?,
    /** Newest first, as the core orders it. */
    val history: List<HistoryRowUi>,
    val canStart: Boolean,
    val canPause: Boolean,
    val canResume: Boolean,
    val canRestart: Boolean,
    /** A running or paused plan's target can be changed (the core's flag). */
    val canChangeTarget: Boolean,
    val blockedReason: String?,
    val blockedRuleIds: String,
    /** "50–100 ml", the core's allowed start range. */
    val startRange: String,
    val targetRange: String,
    val guidance: List<FindingUi>,
)

data class HistoryRowUi(
    val day: String,
    val kind: DecisionKind,
    /** [kind] in the app's language, the core's word (DayDecision.kindLabel). */
    val kindLabel: String,
    val target: String,
    val reason: String,
    val ruleIds: String,
)

fun PlanView.toUi(f: DisplayFormat): PlanUi = PlanUi(
    status = plan?.status,
    statusLabel = progress?.statusLabel,
    steps = plan?.steps?.let { f.mlSteps(it) },
    startedOn = plan?.startedDay?.let { f.day(it) },
    target = plan?.targetMl?.let { f.ml(it) },
    progress = progress?.toUi(f),
    history = history.map { it.toHistoryRow(f) },
    canStart = canStart,
    canPause = canPause,
    canResume = canResume,
    canRestart = canRestart,
    canChangeTarget = canChangeTarget,
    blockedReason = blockedReason,
    blockedRuleIds = f.ruleIds(blockedRuleIds),
    startRange = f.mlRange(startRangeMl),
    targetRange = f.mlRange(targetRangeMl),
    guidance = guidance.toUi(),
)

fun DayDecision.toHistoryRow(f: DisplayFormat): HistoryRowUi =
    HistoryRowUi(f.day(day), kind, kindLabel, f.ml(targetMl), reason, f.ruleIds(ruleIds))

/** The start-plan form: blank fields take the core's defaults. */
data class StartPlanForm(
    val startMlText: String = "",
    val targetMlText: String = "",
    val holdDaysText: String = "",
    val stepMlText: String = "",
) {
    fun toSettings(): FormResult<PlanSettings> {
        val start = optionalUInt(startMlText) ?: return FormResult.NotANumber("start_ml")
        val target = optionalUInt(targetMlText) ?: return FormResult.NotANumber("target_ml")
        val hold = optionalUInt(holdDaysText) ?: return FormResult.NotANumber("hold_days")
        val step = optionalUInt(stepMlText) ?: return FormResult.NotANumber("step_ml")
        return FormResult.Ok(PlanSettings(startMl = start.value, targetMl = target.value, holdDays = hold.value, stepMl = step.value))
    }
}

/** The change-target field. */
fun parseTarget(text: String): FormResult<UInt> =
    text.trim().toUIntOrNull()?.let { FormResult.Ok(it) } ?: FormResult.NotANumber("target_ml")
