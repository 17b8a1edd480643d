package org.kefir.app.ui.reports

import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.material3.DatePicker
import androidx.compose.material3.DatePickerDialog
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.material3.rememberDatePickerState
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import androidx.lifecycle.ViewModel
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.lifecycle.viewModelScope
import androidx.lifecycle.viewmodel.compose.viewModel
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.receiveAsFlow
import kotlinx.coroutines.launch
import org.kefir.app.KefirApplication
import org.kefir.app.R
import org.kefir.app.logic.ReportKind
import org.kefir.app.logic.ReportsModel
import org.kefir.app.logic.ReportsState
import org.kefir.app.logic.ShareRequest
import org.kefir.app.logic.SummaryUi
import org.kefir.app.logic.pickerMillisFromIsoDate
import org.kefir.app.ui.ChoiceChips
import org.kefir.app.ui.Disclaimer
import org.kefir.app.ui.ErrorText
import org.kefir.app.ui.FindingCard
import org.kefir.app.ui.KefirViewModelFactory
import org.kefir.app.ui.MinTouch
import org.kefir.app.ui.PrimaryButton
import org.kefir.app.ui.ScreenScaffold
import org.kefir.app.ui.SecondaryButton
import org.kefir.app.ui.SectionTitle
import org.kefir.app.ui.shareFile
import org.kefir.app.ui.shareFiles
import org.kefir.app.ui.sharedCacheDir
import uniffi.kefir_core.Paper

/**
 * Launches the plain-Kotlin [ReportsModel] (range, preview, exports; tested
 * on the JVM) and hands each written file to the share sheet.
 */
class ReportsViewModel(private val app: KefirApplication) : ViewModel() {
    private val model = ReportsModel(app.gateway, app::displayFormat, sharedCacheDir(app))
    val state: StateFlow<ReportsState> = model.state
    private val _share = Channel<ShareRequest>(Channel.BUFFERED)
    val share = _share.receiveAsFlow()

    init {
        viewModelScope.launch { model.load() }
    }

    fun setFrom(millis: Long) = model.setFrom(millis)
    fun setTo(millis: Long) = model.setTo(millis)
    fun setPaper(p: Paper) = model.setPaper(p)
    fun setReportLanguage(code: String) = model.setReportLanguage(code)

    fun preview() {
        viewModelScope.launch { model.preview() }
    }

    fun export(kind: ReportKind) {
        viewModelScope.launch { model.export(kind)?.let { _share.send(it) } }
    }

    fun exportCsv() {
        viewModelScope.launch { model.exportCsv()?.let { _share.send(it) } }
    }
}

@OptIn(ExperimentalMaterial3Api::class)
@Composable
fun ReportsScreen(onBack: () -> Unit, vm: ReportsViewModel = viewModel(factory = KefirViewModelFactory)) {
    val s by vm.state.collectAsStateWithLifecycle()
    val context = LocalContext.current
    val chooserTitle = stringResource(R.string.share_report)
    var noApp by remember { mutableStateOf(false) }
    LaunchedEffect(vm) {
        vm.share.collect { req ->
            val started = if (req.files.size == 1) {
                shareFile(context, req.files.single(), req.mimeType, chooserTitle)
            } else {
                shareFiles(context, req.files, req.mimeType, chooserTitle)
            }
            noApp = !started
        }
    }
    var picking by remember { mutableStateOf<String?>(null) } // "from" or "to"

    ScreenScaffold(title = stringResource(R.string.title_reports), onBack = onBack) {
        Text(stringResource(R.string.reports_intro), style = MaterialTheme.typography.bodyLarge)
        DateButton(stringResource(R.string.field_from_day), s.range?.fromLabel, enabled = s.hasRange) { picking = "from" }
        DateButton(stringResource(R.string.field_to_day), s.range?.toLabel, enabled = s.hasRange) { picking = "to" }
        // The report's language, apart from the app's; the list and the names are the core's.
        if (s.languages.isNotEmpty()) {
            SectionTitle(stringResource(R.string.field_report_language))
            ChoiceChips(s.languages.map { it.code }, s.reportLanguage, { code -> s.languages.first { it.code == code }.name }, onSelect = vm::setReportLanguage)
        }
        SectionTitle(stringResource(R.string.field_paper))
        // Starts on the core's paper for the region (settingsDefaults).
        ChoiceChips(Paper.entries, s.paper, { stringResource(if (it == Paper.A4) R.string.paper_a4 else R.string.paper_letter) }, onSelect = vm::setPaper)

        ErrorText(s.error)
        if (noApp) Text(stringResource(R.string.share_no_app), color = MaterialTheme.colorScheme.error)
        SecondaryButton(stringResource(R.string.action_preview), enabled = s.canAct, onClick = vm::preview)
        PrimaryButton(stringResource(R.string.action_share_pdf), enabled = s.canAct) { vm.export(ReportKind.PDF) }
        SecondaryButton(stringResource(R.string.action_share_fhir), enabled = s.canAct) { vm.export(ReportKind.FHIR) }
        SecondaryButton(stringResource(R.string.action_share_csv), enabled = s.canAct, onClick = vm::exportCsv)
        s.preview?.let { Preview(it) }
    }

    picking?.let { which ->
        val initial = (if (which == "from") s.range?.fromDay else s.range?.toDay)?.let(::pickerMillisFromIsoDate)
        val pickerState = rememberDatePickerState(initialSelectedDateMillis = initial)
        DatePickerDialog(
            onDismissRequest = { picking = null },
            confirmButton = {
                TextButton(onClick = {
                    pickerState.selectedDateMillis?.let { if (which == "from") vm.setFrom(it) else vm.setTo(it) }
                    picking = null
                }) { Text(stringResource(R.string.action_ok)) }
            },
            dismissButton = { TextButton(onClick = { picking = null }) { Text(stringResource(R.string.action_cancel)) } },
        ) {
            DatePicker(state = pickerState)
        }
    }
}

@Composable
private fun DateButton(label: String, dayLabel: String?, enabled: Boolean, onClick: () -> Unit) {
    val value = dayLabel ?: stringResource(R.string.loading)
    OutlinedButton(onClick = onClick, enabled = enabled, modifier = Modifier.fillMaxWidth().heightIn(min = MinTouch)) {
        Text(stringResource(R.string.label_value, label, value))
    }
}

@Composable
private fun Preview(p: SummaryUi) {
    SectionTitle(p.range)
    Text(stringResource(R.string.summary_totals, p.days.toInt(), p.total, p.drinks.toInt()), style = MaterialTheme.typography.bodyLarge)
    Text(stringResource(R.string.summary_mean_max, p.meanOnIntakeDays, p.maxDay), style = MaterialTheme.typography.bodyMedium)
    Text(stringResource(R.string.summary_adherence, p.checkinAdherencePct.toInt()), style = MaterialTheme.typography.bodyMedium)
    Text(stringResource(R.string.summary_on_target, p.daysOnTarget.toInt(), p.daysWithTarget.toInt()), style = MaterialTheme.typography.bodyMedium)
    if (p.redFlags.isNotEmpty()) {
        SectionTitle(stringResource(R.string.section_red_flags))
        for (r in p.redFlags) Text(r, color = MaterialTheme.colorScheme.error)
    }
    if (p.planEvents.isNotEmpty()) {
        SectionTitle(stringResource(R.string.section_plan_events))
        for (e in p.planEvents) {
            val kind = e.kindLabel
            Text(stringResource(R.string.history_row, e.day, kind, e.target), style = MaterialTheme.typography.titleSmall)
            Text(e.reason, style = MaterialTheme.typography.bodyMedium)
        }
    }
    for (f in p.findings) FindingCard(f)
    Disclaimer(p.disclaimer)
}
