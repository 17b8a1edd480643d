package org.kefir.app.ui.checkin

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.selection.selectableGroup
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import androidx.lifecycle.SavedStateHandle
import androidx.lifecycle.ViewModel
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.lifecycle.viewModelScope
import androidx.lifecycle.viewmodel.compose.viewModel
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.receiveAsFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import uniffi.kefir_core.CheckinForm
import org.kefir.app.KefirApplication
import org.kefir.app.R
import org.kefir.app.logic.CheckinRoute
import org.kefir.app.logic.route
import org.kefir.app.logic.AssessmentUi
import org.kefir.app.logic.CheckinDay
import org.kefir.app.logic.CoreResult
import org.kefir.app.logic.EmergencyUi
import org.kefir.app.logic.loadCheckinForm
import org.kefir.app.logic.SymptomForm
import org.kefir.app.logic.UiError
import org.kefir.app.logic.checkinStart
import org.kefir.app.logic.toUi
import org.kefir.app.ui.ChoiceChips
import org.kefir.app.ui.ErrorText
import org.kefir.app.ui.FindingCard
import org.kefir.app.ui.KefirViewModelFactory
import org.kefir.app.ui.Loading
import org.kefir.app.ui.PrimaryButton
import org.kefir.app.ui.RadioRow
import org.kefir.app.ui.ScreenScaffold
import org.kefir.app.ui.SectionTitle

/** `daily` / `yesterday`: a daily check-in (symptoms + Bristol). `reaction`: "report a reaction now". */
enum class CheckinMode { DAILY, REACTION }

data class CheckinState(
    val mode: CheckinMode,
    /** Which day's check-in (daily mode only). */
    val which: CheckinDay = CheckinDay.TODAY,
    /** The local day of the daily check-in, the core's (Today.date or Today.yesterday); null until loaded. */
    val day: String? = null,
    val dayLabel: String? = null,
    /** The day's stored check-in was prefilled; saving replaces it. */
    val editing: Boolean = false,
    /** Yesterday's check-in can no longer be filled in (done meanwhile, or the day moved on). */
    val closed: Boolean = false,
    val form: SymptomForm = SymptomForm(),
    /** The core's symptoms, severities and Bristol types with their words (checkinForm, app's language); null until loaded. */
    val options: CheckinForm? = null,
    val busy: Boolean = false,
    val error: UiError? = null,
    val result: AssessmentUi? = null,
)

class CheckinViewModel(private val app: KefirApplication, handle: SavedStateHandle) : ViewModel() {
    private val arg = handle.get<String>(ARG_MODE)
    private val mode = if (arg == MODE_REACTION) CheckinMode.REACTION else CheckinMode.DAILY
    private val which = if (arg == MODE_YESTERDAY) CheckinDay.YESTERDAY else CheckinDay.TODAY
    private val _state = MutableStateFlow(CheckinState(mode, which))
    val state: StateFlow<CheckinState> = _state
    private val _emergency = Channel<EmergencyUi>(Channel.BUFFERED)

    /** Emits when the core's assessment carries an emergency screen. */
    val emergency = _emergency.receiveAsFlow()

    init {
        viewModelScope.launch {
            when (val r = loadCheckinForm(app.gateway)) {
                is CoreResult.Ok -> _state.update { it.copy(options = r.value) }
                is CoreResult.Failed -> _state.update { it.copy(error = r.error) }
            }
        }
        if (mode == CheckinMode.DAILY) {
            viewModelScope.launch {
                val f = app.displayFormat()
                // One call: today() gives the day (today's or yesterday's) and today's stored check-in.
                when (val r = app.gateway.read { cx -> today(cx.now, cx.zone, cx.locale).checkinStart(which) }) {
                    is CoreResult.Ok -> {
                        val start = r.value
                        _state.update {
                            if (start == null) {
                                it.copy(closed = true)
                            } else {
                                it.copy(day = start.day, dayLabel = f.day(start.day), editing = start.editing, form = start.form)
                            }
                        }
                    }
                    is CoreResult.Failed -> _state.update { it.copy(error = r.error) }
                }
            }
        }
    }

    fun edit(change: (SymptomForm) -> SymptomForm) = _state.update { it.copy(form = change(it.form), error = null) }

    fun save() {
        val s = _state.value
        if (s.busy) return
        viewModelScope.launch {
            _state.update { it.copy(busy = true, error = null) }
            val f = app.displayFormat()
            val r = when (mode) {
                CheckinMode.DAILY -> {
                    val day = s.day ?: return@launch _state.update { it.copy(busy = false) }
                    app.gateway.write { cx -> saveCheckin(s.form.toCheckin(day), cx.now, cx.zone, cx.locale).assessment.toUi(f) }
                }
                CheckinMode.REACTION ->
                    app.gateway.write { cx -> reportReaction(s.form.toReaction(cx.now), cx.now, cx.zone, cx.locale).assessment.toUi(f) }
            }
            when (r) {
                is CoreResult.Failed -> _state.update { it.copy(busy = false, error = r.error) }
                is CoreResult.Ok -> {
                    _state.update { it.copy(busy = false, result = r.value) }
                    // CheckinRoute (plain Kotlin, tested): an emergency goes full screen over Today.
                    when (val route = r.value.route()) {
                        is CheckinRoute.Emergency -> _emergency.send(route.screen)
                        is CheckinRoute.ShowAssessment -> Unit
                    }
                }
            }
        }
    }

    companion object {
        const val ARG_MODE = "mode"
        const val MODE_DAILY = "daily"
        const val MODE_YESTERDAY = "yesterday"
        const val MODE_REACTION = "reaction"
    }
}

@Composable
fun CheckinScreen(
    onEmergency: (EmergencyUi) -> Unit,
    onDone: () -> Unit,
    vm: CheckinViewModel = viewModel(factory = KefirViewModelFactory),
) {
    val s by vm.state.collectAsStateWithLifecycle()
    LaunchedEffect(vm) { vm.emergency.collect { onEmergency(it) } }
    val title = stringResource(
        when {
            s.mode == CheckinMode.REACTION -> R.string.title_reaction
            s.which == CheckinDay.YESTERDAY -> R.string.title_checkin_yesterday
            else -> R.string.title_checkin
        },
    )
    ScreenScaffold(title = title, onBack = onDone) {
        val result = s.result
        if (result != null) {
            Text(result.headline, style = MaterialTheme.typography.headlineSmall, modifier = Modifier.semantics { heading() })
            for (f in result.findings) FindingCard(f)
            PrimaryButton(stringResource(R.string.action_done), onClick = onDone)
        } else if (s.closed) {
            Text(stringResource(R.string.checkin_yesterday_closed), style = MaterialTheme.typography.bodyLarge)
            PrimaryButton(stringResource(R.string.action_done), onClick = onDone)
        } else if ((s.mode == CheckinMode.DAILY && s.day == null || s.options == null) && s.error == null) {
            Loading()
        } else {
            s.options?.let { FormContent(s, it, vm) } ?: ErrorText(s.error)
        }
    }
}

@Composable
private fun FormContent(s: CheckinState, options: CheckinForm, vm: CheckinViewModel) {
    if (s.mode == CheckinMode.REACTION) {
        Text(stringResource(R.string.reaction_intro), style = MaterialTheme.typography.bodyLarge)
    } else {
        s.dayLabel?.let { Text(stringResource(R.string.checkin_for_day, it), style = MaterialTheme.typography.bodyLarge) }
        if (s.editing) Text(stringResource(R.string.checkin_editing), style = MaterialTheme.typography.bodyMedium)
    }
    SectionTitle(stringResource(R.string.section_symptoms))
    // Symptoms, severities and their words are the core's (checkinForm), in its order.
    for (symptom in options.symptoms) {
        Column(Modifier.fillMaxWidth().selectableGroup(), verticalArrangement = Arrangement.spacedBy(4.dp)) {
            Text(symptom.label, style = MaterialTheme.typography.titleSmall)
            ChoiceChips(
                options = options.severities,
                selected = options.severities.firstOrNull { it.code == s.form.severityOf(symptom.code) },
                label = { it.label },
                description = { stringResource(R.string.label_value, symptom.label, it.label) },
            ) { severity -> vm.edit { it.with(symptom.code, severity.code) } }
        }
    }
    if (s.mode == CheckinMode.DAILY) {
        SectionTitle(stringResource(R.string.section_bristol))
        Text(stringResource(R.string.checkin_bristol_intro), style = MaterialTheme.typography.bodyMedium)
        Column(Modifier.selectableGroup()) {
            RadioRow(stringResource(R.string.checkin_bristol_not_recorded), s.form.bristol == null) {
                s.form.bristol?.let { t -> vm.edit { it.withBristol(t) } }
            }
            for (b in options.bristolTypes) {
                RadioRow(b.label, s.form.bristol == b.bristolType, supporting = b.description) {
                    if (s.form.bristol != b.bristolType) vm.edit { it.withBristol(b.bristolType) }
                }
            }
        }
    }
    OutlinedTextField(
        value = s.form.note,
        onValueChange = { v -> vm.edit { it.copy(note = v) } },
        label = { Text(stringResource(R.string.field_note)) },
        isError = s.error?.field == "note",
        modifier = Modifier.fillMaxWidth(),
    )
    ErrorText(s.error)
    // A reaction report needs a symptom above none: the core's gate and its words.
    val canSend = s.mode == CheckinMode.DAILY || s.form.canReport
    if (!canSend) Text(options.reactionNeedsSymptom, style = MaterialTheme.typography.bodyMedium)
    PrimaryButton(
        stringResource(if (s.mode == CheckinMode.DAILY) R.string.action_save_checkin else R.string.action_send_reaction),
        enabled = !s.busy && canSend,
        onClick = vm::save,
    )
}
