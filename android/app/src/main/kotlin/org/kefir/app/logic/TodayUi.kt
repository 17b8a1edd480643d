package org.kefir.app.logic

import uniffi.kefir_core.DayDecision
import uniffi.kefir_core.DecisionKind
import uniffi.kefir_core.Drink
import uniffi.kefir_core.KefirKind
import uniffi.kefir_core.Level
import uniffi.kefir_core.PlanProgress
import uniffi.kefir_core.PlanStatus
import uniffi.kefir_core.Source
import uniffi.kefir_core.SpacingStatus
import uniffi.kefir_core.Today

/** The Today screen, ready to draw; every sentence is the core's. */
data class TodayUi(
    val dateLabel: String,
    val headline: String,
    val drunk: String,
    /** Null without a plan. */
    val target: String?,
    val remaining: String?,
    /** Intake over today's target for a progress bar, 0..1; null without a target (or a 0 ml target). */
    val intakeFraction: Float?,
    val decision: DecisionUi?,
    val progress: ProgressUi?,
    val spacing: List<SpacingUi>,
    val warnings: List<FindingUi>,
    val drinks: List<DrinkRowUi>,
    val checkinDue: Boolean,
    val checkinDone: Boolean,
    val canFillYesterday: Boolean,
    /** Yesterday's ISO date (the core's), only while its check-in can still be filled in. */
    val yesterday: String?,
    /** [yesterday] as a localized date for the "fill in yesterday's check-in" button. */
    val yesterdayLabel: String?,
    /** Consecutive days with a check-in, as the core counts them. */
    val streakDays: UInt,
    val screeningLevel: Level,
    val mayStartPlan: Boolean,
    val disclaimer: String,
)

data class DecisionUi(
    val kind: DecisionKind,
    /** [kind] in the app's language, the core's word. */
    val kindLabel: String,
    val target: String,
    val step: UInt,
    val steps: UInt,
    val reason: String,
    val ruleIds: String,
)

data class ProgressUi(
    val status: PlanStatus,
    /** [status] in the app's language, the core's word. */
    val statusLabel: String,
    val step: UInt,
    val steps: UInt,
    /** step / steps for a progress indicator. */
    val fraction: Float,
    val goal: String,
    /** Localized projected goal date, null once reached or while not active. */
    val projectedGoalDate: String?,
    val atGoal: Boolean,
)

data class SpacingUi(
    /** The core's line, e.g. "Antibiotic: kefir allowed again at 14:30 (M1)". */
    val message: String,
    val ruleId: String,
    val blockedNow: Boolean,
    /** "2 h 05 min" until kefir is allowed, from the core's minute count; null when allowed now. */
    val countdown: String?,
    /** Local clock time kefir is allowed again. */
    val allowedFrom: String,
    /** Last local time for kefir before the next dose, if the dose has an interval. */
    val allowedUntil: String?,
)

data class DrinkRowUi(
    val id: Long,
    val time: String,
    val amount: String,
    val kind: KefirKind,
    val source: Source,
    val note: String?,
)

fun Today.toUi(f: DisplayFormat): TodayUi = TodayUi(
    dateLabel = f.day(date),
    headline = headline,
    drunk = f.ml(drunkMl),
    target = f.ml(targetMl),
    remaining = f.ml(remainingMl),
    intakeFraction = targetMl?.takeIf { it > 0u }?.let { (drunkMl.toFloat() / it.toFloat()).coerceIn(0f, 1f) },
    decision = decision?.toUi(f),
    progress = progress?.toUi(f),
    spacing = spacing.map { it.toUi(f, timeZone) },
    warnings = warnings.toUi(),
    drinks = drinks.map { it.toRow(f, timeZone) },
    checkinDue = checkinDue,
    checkinDone = checkinDone,
    canFillYesterday = canFillYesterday,
    yesterday = yesterday.takeIf { canFillYesterday },
    yesterdayLabel = if (canFillYesterday) f.day(yesterday) else null,
    streakDays = streakDays,
    screeningLevel = screeningLevel,
    mayStartPlan = mayStartPlan,
    disclaimer = disclaimer,
)

fun DayDecision.toUi(f: DisplayFormat): DecisionUi =
    DecisionUi(kind, kindLabel, f.ml(targetMl), step, steps, reason, f.ruleIds(ruleIds))

fun PlanProgress.toUi(f: DisplayFormat): ProgressUi = ProgressUi(
    status = status,
    statusLabel = statusLabel,
    step = step,
    steps = steps,
    fraction = if (steps == 0u) 0f else (step.toFloat() / steps.toFloat()).coerceIn(0f, 1f),
    goal = f.ml(goalMl),
    projectedGoalDate = projectedGoalDate?.let { f.day(it) },
    atGoal = atGoal,
)

fun SpacingStatus.toUi(f: DisplayFormat, zone: String): SpacingUi = SpacingUi(
    message = message,
    ruleId = ruleId,
    blockedNow = blockedNow,
    countdown = if (blockedNow && minutesUntilAllowed > 0u) f.minutes(minutesUntilAllowed) else null,
    allowedFrom = f.time(kefirAllowedFrom, zone),
    allowedUntil = kefirAllowedUntil?.let { f.time(it, zone) },
)

fun Drink.toRow(f: DisplayFormat, zone: String): DrinkRowUi =
    DrinkRowUi(id, f.time(at, zone), f.ml(ml), kind, source, note)
