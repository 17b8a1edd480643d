package org.kefir.app.logic

import java.time.Instant
import java.time.LocalDate
import java.time.ZoneOffset
import uniffi.kefir_core.DecisionKind
import uniffi.kefir_core.ImportSummary
import uniffi.kefir_core.ReportRange
import uniffi.kefir_core.Summary

/**
 * Material's date pickers hand over the chosen day as UTC-midnight epoch
 * millis; the core wants ISO `YYYY-MM-DD`. A change of representation only.
 */
fun isoDateFromPickerMillis(millis: Long): String =
    Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC).toLocalDate().toString()

fun pickerMillisFromIsoDate(iso: String): Long? =
    runCatching { LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() }.getOrNull()

/** The Reports screen's range: the core's ISO days (its default from `reportRange`, or picked) and their labels. */
data class ReportRangeUi(val fromDay: String, val toDay: String, val fromLabel: String, val toLabel: String) {
    fun withFrom(day: String, f: DisplayFormat) = copy(fromDay = day, fromLabel = f.day(day))
    fun withTo(day: String, f: DisplayFormat) = copy(toDay = day, toLabel = f.day(day))
}

fun ReportRange.toUi(f: DisplayFormat): ReportRangeUi = ReportRangeUi(fromDay, toDay, f.day(fromDay), f.day(toDay))

enum class ReportKind(val extension: String, val mimeType: String) {
    PDF("pdf", "application/pdf"),
    FHIR("fhir.json", "application/fhir+json"),
}

/** `kefir-summary-2025-03-01-to-2025-03-31.pdf`: the range is in the name, so files do not overwrite each other. */
fun reportFileName(kind: ReportKind, fromDay: String, toDay: String): String =
    "kefir-summary-$fromDay-to-$toDay.${kind.extension}"

/** Suggested name when the user saves a backup (the document picker lets them change it). */
const val BACKUP_FILE_NAME = "kefir-backup.json"

/**
 * Suggested name and document type of a backup file: an encrypted one is an
 * age file (`.age`, opened by `age -d` too), a plain one JSON.
 */
fun backupFileName(encrypted: Boolean): String = if (encrypted) "$BACKUP_FILE_NAME.age" else BACKUP_FILE_NAME

fun backupMimeType(encrypted: Boolean): String = if (encrypted) "application/octet-stream" else "application/json"

/** The preview on the Reports screen: the core's Summary, a few of its numbers. */
data class SummaryUi(
    val range: String,
    val days: UInt,
    val total: String,
    val drinks: UInt,
    val meanOnIntakeDays: String,
    val maxDay: String,
    val checkinAdherencePct: UInt,
    val daysOnTarget: UInt,
    val daysWithTarget: UInt,
    val redFlags: List<String>,
    val planEvents: List<PlanEventUi>,
    val findings: List<FindingUi>,
    val disclaimer: String,
)

fun Summary.toUi(f: DisplayFormat): SummaryUi = SummaryUi(
    range = "${f.day(fromDate)} – ${f.day(toDate)}",
    days = totals.days,
    total = f.ml(totals.totalMl),
    drinks = totals.drinks,
    meanOnIntakeDays = f.ml(totals.meanMlOnIntakeDays),
    maxDay = f.ml(totals.maxDayMl),
    checkinAdherencePct = totals.checkinAdherencePct,
    daysOnTarget = totals.daysOnTarget,
    daysWithTarget = totals.daysWithTarget,
    redFlags = redFlags.map { "${f.dateTime(it.at, timeZone)}: ${it.what} (${f.ruleIds(it.ruleIds)})" },
    planEvents = planEvents.map {
        PlanEventUi(f.day(it.date), it.decision, it.decisionLabel, f.ml(it.targetMl), it.reason, f.ruleIds(it.ruleIds))
    },
    findings = findings.toUi(),
    disclaimer = disclaimer,
)

data class PlanEventUi(
    val day: String,
    val kind: DecisionKind,
    /** [kind] in the report's language, the core's word (PlanEventRow.decisionLabel). */
    val kindLabel: String,
    val target: String,
    val reason: String,
    val ruleIds: String,
)

/** What an import brought in, for the confirmation line. */
data class ImportUi(val drinks: UInt, val checkins: UInt, val reactions: UInt, val doses: UInt, val plans: UInt)

fun ImportSummary.toUi(): ImportUi = ImportUi(drinks, checkins, reactions, doses, plans)
