package org.kefir.app.logic

import java.io.File
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.update
import uniffi.kefir_core.LanguageOption
import uniffi.kefir_core.Paper
import uniffi.kefir_ffi.settingsDefaults

data class ReportsState(
    /** The days to include: the core's default (reportRange) until the user picks another day; null until loaded. */
    val range: ReportRangeUi? = null,
    /** The core's default paper for the app's region (settingsDefaults: US Letter in the US, A4 in Germany...) until the user picks one; null until loaded. */
    val paper: Paper? = null,
    /**
     * The report's language (BCP 47), chosen apart from the app's: a user
     * can hand an English summary to a doctor abroad. The core's default
     * (the app's language) until the user picks one; null until loaded.
     */
    val reportLanguage: String? = null,
    /** The languages the core can write a summary in (code, own name, name in the app's language). */
    val languages: List<LanguageOption> = emptyList(),
    val preview: SummaryUi? = null,
    val busy: Boolean = false,
    val error: UiError? = null,
) {
    val hasRange: Boolean get() = range != null

    /** Preview and the three exports are offered once the range and defaults are known and nothing runs. */
    val canAct: Boolean get() = hasRange && paper != null && !busy
}

/** A written file (or files) to hand to ACTION_SEND. */
data class ShareRequest(val files: List<File>, val mimeType: String)

/**
 * The Reports screen without Android: the range (the core's default from
 * `reportRange`, or days the user picked), the paper, the preview
 * (`summary`) and the exports (`writePdf`, `writeFhir`, `writeCsv`) into
 * [sharedDir]. Each action is one core call; while one runs, others are
 * refused (null / no change). The ViewModel only launches these and hands
 * a [ShareRequest] to the share sheet.
 */
class ReportsModel(
    private val gateway: CoreGateway,
    private val format: () -> DisplayFormat,
    private val sharedDir: File,
) {
    private val _state = MutableStateFlow(ReportsState())
    val state: StateFlow<ReportsState> = _state

    /**
     * One gateway call: the core's default range (the plan's first day, or
     * four weeks, to today) and its defaults for the region and language
     * (paper, report language, the languages offered). What the user already
     * picked stays.
     */
    suspend fun load() {
        when (val r = gateway.read { cx -> reportRange(cx.now, cx.zone, cx.locale) to settingsDefaults(cx.zone, cx.locale) }) {
            is CoreResult.Ok -> {
                val (range, defaults) = r.value
                _state.update {
                    it.copy(
                        range = it.range ?: range.toUi(format()),
                        paper = it.paper ?: defaults.paper,
                        reportLanguage = it.reportLanguage ?: defaults.reportLanguage,
                        languages = defaults.reportLanguages,
                    )
                }
            }
            is CoreResult.Failed -> _state.update { it.copy(error = r.error) }
        }
    }

    /** A day from the date picker (UTC-midnight millis). The preview is dropped: it showed other days. */
    fun setFrom(pickerMillis: Long) = setDay(pickerMillis) { r, day, f -> r.withFrom(day, f) }

    fun setTo(pickerMillis: Long) = setDay(pickerMillis) { r, day, f -> r.withTo(day, f) }

    fun setPaper(p: Paper) = _state.update { it.copy(paper = p) }

    /** The report's language (a BCP 47 tag); the preview is dropped: it was in the other language. */
    fun setReportLanguage(tag: String) = _state.update { it.copy(reportLanguage = tag, preview = null, error = null) }

    /** The language the report calls get: the report's (chosen or the core's default), else the app's. */
    private fun CallContext.reportLocale(): String = _state.value.reportLanguage ?: locale

    /** One call: summary(from, to). */
    suspend fun preview(): Boolean = withRange { from, to ->
        when (val r = gateway.read { cx -> summary(from, to, cx.now, cx.zone, cx.reportLocale()) }) {
            is CoreResult.Ok -> _state.update { it.copy(preview = r.value.toUi(format())) }
            is CoreResult.Failed -> _state.update { it.copy(error = r.error) }
        }
    } != null

    /** One call: writePdf or writeFhir into [sharedDir]; the file to share, or null (see [state]'s error). */
    suspend fun export(kind: ReportKind): ShareRequest? = withRange { from, to ->
        val file = File(sharedDir, reportFileName(kind, from, to))
        val paper = _state.value.paper ?: return@withRange null
        val r = gateway.read { cx ->
            when (kind) {
                ReportKind.PDF -> writePdf(from, to, paper, file.path, cx.now, cx.zone, cx.reportLocale())
                ReportKind.FHIR -> writeFhir(from, to, file.path, cx.now, cx.zone, cx.reportLocale())
            }
        }
        when (r) {
            is CoreResult.Ok -> ShareRequest(listOf(file), kind.mimeType)
            is CoreResult.Failed -> null.also { _state.update { it.copy(error = r.error) } }
        }
    }

    /** One call: writeCsv (drinks and check-ins) into a folder of its own; both files to share. */
    suspend fun exportCsv(): ShareRequest? = withRange { from, to ->
        val dir = File(sharedDir, "csv-$from-to-$to").apply { mkdirs() }
        when (val r = gateway.read { cx -> writeCsv(from, to, dir.path, cx.zone, cx.reportLocale()) }) {
            is CoreResult.Ok -> ShareRequest(r.value.map(::File), "text/csv")
            is CoreResult.Failed -> null.also { _state.update { it.copy(error = r.error) } }
        }
    }

    private fun setDay(millis: Long, change: (ReportRangeUi, String, DisplayFormat) -> ReportRangeUi) {
        val day = isoDateFromPickerMillis(millis)
        _state.update { s -> s.copy(range = s.range?.let { change(it, day, format()) }, preview = null, error = null) }
    }

    /** Runs [block] with the range unless none is loaded or another action runs; null then. */
    private suspend fun <T> withRange(block: suspend (String, String) -> T): T? {
        var range: ReportRangeUi? = null
        _state.update { s ->
            range = if (s.canAct) s.range else null
            if (range != null) s.copy(busy = true, error = null) else s
        }
        val r = range ?: return null
        return try {
            block(r.fromDay, r.toDay)
        } finally {
            _state.update { it.copy(busy = false) }
        }
    }
}
