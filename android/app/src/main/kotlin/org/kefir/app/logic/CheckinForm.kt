package org.kefir.app.logic

import java.time.Instant
import uniffi.kefir_core.Checkin
import uniffi.kefir_core.CheckinForm
import uniffi.kefir_core.CheckinInput
import uniffi.kefir_core.EmergencyScreen
import uniffi.kefir_core.Level
import uniffi.kefir_core.ReactionInput
import uniffi.kefir_core.Severity
import uniffi.kefir_core.Symptom
import uniffi.kefir_core.SymptomAssessment
import uniffi.kefir_core.SymptomEntry
import uniffi.kefir_core.Today
import uniffi.kefir_ffi.checkinForm
import uniffi.kefir_ffi.reactionSubmitAllowed

/**
 * What the check-in and reaction forms show comes from the core's
 * `checkinForm(locale)` (uniffi.kefir_core.CheckinForm): the symptoms in the
 * core's order with their labels, the severities none..severe with theirs,
 * the Bristol Stool Form Scale types 1–7 with label and description, and
 * the line shown while a reaction report cannot be sent. The shell keeps no
 * word of that vocabulary.
 */
suspend fun loadCheckinForm(gateway: CoreGateway): CoreResult<CheckinForm> = gateway.read { cx -> checkinForm(cx.locale) }

/**
 * The daily check-in and the "report a reaction now" form: a severity per
 * symptom (unset = none) and an optional Bristol type.
 */
data class SymptomForm(
    val severities: Map<Symptom, Severity> = emptyMap(),
    val bristol: UByte? = null,
    val note: String = "",
) {
    fun severityOf(s: Symptom): Severity = severities[s] ?: Severity.NONE

    fun with(s: Symptom, severity: Severity): SymptomForm = copy(severities = severities + (s to severity))

    /** Tapping the selected type again clears it. */
    fun withBristol(type: UByte): SymptomForm = copy(bristol = if (bristol == type) null else type)

    /** Entries above none, in the core's symptom order. */
    fun entries(): List<SymptomEntry> =
        Symptom.entries.mapNotNull { s -> severityOf(s).takeIf { it != Severity.NONE }?.let { SymptomEntry(s, it) } }

    /** "Report a reaction now" may be sent: the core's gate (a symptom above none), both platforms alike. */
    val canReport: Boolean get() = reactionSubmitAllowed(entries())

    /** The check-in for [day], an ISO date the core gave (Today.date). */
    fun toCheckin(day: String): CheckinInput =
        CheckinInput(day = day, symptoms = entries(), bristol = bristol, note = note.ifBlank { null })

    /** A reaction happening [at] (now). */
    fun toReaction(at: Instant): ReactionInput =
        ReactionInput(at = at, symptoms = entries(), note = note.ifBlank { null })

    companion object {
        /** A stored check-in as the form, to edit it. */
        fun from(c: Checkin) = SymptomForm(
            severities = c.symptoms.associate { it.symptom to it.severity },
            bristol = c.bristol,
            note = c.note.orEmpty(),
        )
    }
}

/** Which daily check-in the form is for. */
enum class CheckinDay { TODAY, YESTERDAY }

/** A daily check-in form to show: the core's ISO day and the form to start from. */
data class CheckinStart(
    val day: String,
    val form: SymptomForm,
    /** A check-in for [day] is stored: the form is prefilled and saving replaces it. */
    val editing: Boolean,
)

/**
 * Where a daily check-in starts, all from one `today` call: today's day with
 * today's stored check-in (if any) prefilled, or yesterday's day
 * ([Today.yesterday]) while the core says it can still be filled in; null
 * when it no longer can (it was filled in meanwhile, or the day moved on).
 */
fun Today.checkinStart(which: CheckinDay): CheckinStart? = when (which) {
    CheckinDay.TODAY -> CheckinStart(date, checkin?.let(SymptomForm::from) ?: SymptomForm(), editing = checkin != null)
    CheckinDay.YESTERDAY -> if (canFillYesterday) CheckinStart(yesterday, SymptomForm(), editing = false) else null
}

/** The result of a check-in or reaction report, ready to show. */
data class AssessmentUi(
    val level: Level,
    /** [level] in the app's language, the core's word. */
    val levelLabel: String,
    val headline: String,
    val findings: List<FindingUi>,
    val emergency: EmergencyUi?,
)

/** The full-screen emergency steps, in the core's order. */
data class EmergencyUi(
    val title: String,
    /** "1. Stop drinking kefir now." ... numbered in order. */
    val steps: List<String>,
    val ruleIds: String,
    val disclaimer: String,
    /**
     * The numbers to offer a "Call" button for, most useful first: the
     * core's (`EmergencyScreen.callNumbers`, from the app's region), none
     * of the shell's own.
     */
    val callNumbers: List<String>,
)

fun SymptomAssessment.toUi(f: DisplayFormat): AssessmentUi =
    AssessmentUi(level, levelLabel, headline, findings.toUi(), emergency?.toUi(f))

fun EmergencyScreen.toUi(f: DisplayFormat): EmergencyUi = EmergencyUi(
    title = title,
    steps = steps.mapIndexed { i, s -> "${f.number((i + 1).toUInt())}. $s" },
    ruleIds = f.ruleIds(ruleIds),
    disclaimer = disclaimer,
    callNumbers = callNumbers,
)

/** Where the UI goes after saving: straight to the emergency screen when the core says so. */
sealed interface AfterAssessment {
    data class Emergency(val screen: EmergencyUi) : AfterAssessment
    data class Show(val assessment: AssessmentUi) : AfterAssessment
}

fun AssessmentUi.next(): AfterAssessment = emergency?.let { AfterAssessment.Emergency(it) } ?: AfterAssessment.Show(this)
