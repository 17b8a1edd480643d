package org.kefir.app.ui.dose

import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.text.input.KeyboardType
import androidx.lifecycle.ViewModel
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.lifecycle.viewModelScope
import androidx.lifecycle.viewmodel.compose.viewModel
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import org.kefir.app.KefirApplication
import org.kefir.app.R
import org.kefir.app.logic.CoreNames
import org.kefir.app.logic.CoreResult
import org.kefir.app.logic.DoseForm
import org.kefir.app.logic.FormResult
import org.kefir.app.logic.SpacingUi
import org.kefir.app.logic.UiError
import org.kefir.app.logic.loadCoreNames
import org.kefir.app.logic.toUi
import org.kefir.app.logic.toUiError
import org.kefir.app.ui.ChoiceChips
import org.kefir.app.ui.ErrorText
import org.kefir.app.ui.KefirViewModelFactory
import org.kefir.app.ui.PrimaryButton
import org.kefir.app.ui.ScreenScaffold
import org.kefir.app.ui.SectionTitle
import org.kefir.app.ui.Loading

data class DoseState(
    val form: DoseForm = DoseForm(),
    val busy: Boolean = false,
    val error: UiError? = null,
    /** Set once stored: the spacing windows the core computed. */
    val spacing: List<SpacingUi>? = null,
    /** The core's medicine classes and their names, in the app's language; null until loaded. */
    val names: CoreNames? = null,
)

class DoseViewModel(private val app: KefirApplication) : ViewModel() {
    private val _state = MutableStateFlow(DoseState())
    val state: StateFlow<DoseState> = _state

    init {
        viewModelScope.launch {
            when (val r = loadCoreNames(app.gateway)) {
                is CoreResult.Ok -> _state.update { it.copy(names = r.value) }
                is CoreResult.Failed -> _state.update { it.copy(error = r.error) }
            }
        }
    }

    fun edit(change: (DoseForm) -> DoseForm) = _state.update { it.copy(form = change(it.form), error = null) }

    /** One call: logDose returns the dose and the spacing it implies. */
    fun save() {
        val s = _state.value
        if (s.busy) return
        val input = when (val p = s.form.toInput(app.gateway.clock.now())) {
            is FormResult.Ok -> p.value
            is FormResult.NotANumber -> {
                _state.update { it.copy(error = p.toUiError()) }
                return
            }
        }
        viewModelScope.launch {
            _state.update { it.copy(busy = true, error = null) }
            val f = app.displayFormat()
            when (val r = app.gateway.write { cx -> logDose(input, cx.now, cx.zone, cx.locale).toUi(f, cx.zone) }) {
                is CoreResult.Ok -> _state.update { it.copy(busy = false, spacing = r.value) }
                is CoreResult.Failed -> _state.update { it.copy(busy = false, error = r.error) }
            }
        }
    }
}

/** "I took my medicine now": starts the core's spacing countdown (M1–M3). */
@Composable
fun DoseScreen(onDone: () -> Unit, vm: DoseViewModel = viewModel(factory = KefirViewModelFactory)) {
    val s by vm.state.collectAsStateWithLifecycle()
    ScreenScaffold(title = stringResource(R.string.title_log_dose), onBack = onDone) {
        val spacing = s.spacing
        if (spacing != null) {
            Text(stringResource(R.string.dose_logged), style = MaterialTheme.typography.headlineSmall)
            for (w in spacing) {
                Text(w.message, style = MaterialTheme.typography.bodyLarge)
                w.countdown?.let { Text(stringResource(R.string.spacing_countdown, it), style = MaterialTheme.typography.titleSmall) }
            }
            PrimaryButton(stringResource(R.string.action_done), onClick = onDone)
        } else {
            SectionTitle(stringResource(R.string.field_medicine))
            val names = s.names
            if (names != null) {
                ChoiceChips(names.medicineOrder, s.form.medicine, { names.of(it) }) { m -> vm.edit { it.copy(medicine = m) } }
            } else if (s.error == null) {
                Loading()
            }
            OutlinedTextField(
                value = s.form.intervalHoursText,
                onValueChange = { v -> vm.edit { it.copy(intervalHoursText = v) } },
                label = { Text(stringResource(R.string.field_interval_hours)) },
                singleLine = true,
                keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Number),
                isError = s.error?.field == "interval_hours",
                modifier = Modifier.fillMaxWidth(),
            )
            OutlinedTextField(
                value = s.form.note,
                onValueChange = { v -> vm.edit { it.copy(note = v) } },
                label = { Text(stringResource(R.string.field_note)) },
                isError = s.error?.field == "note",
                modifier = Modifier.fillMaxWidth(),
            )
            ErrorText(s.error)
            // Enabled once a medicine is chosen.
            PrimaryButton(stringResource(R.string.action_save), enabled = !s.busy && s.form.medicine != null, onClick = vm::save)
        }
    }
}
