package org.kefir.app.ui.drink

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.unit.dp
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
import org.kefir.app.logic.CoreResult
import org.kefir.app.logic.DrinkForm
import org.kefir.app.logic.DrinkLoggedUi
import org.kefir.app.logic.DrinkOptions
import org.kefir.app.logic.FormResult
import org.kefir.app.logic.UiError
import org.kefir.app.logic.toOptions
import org.kefir.app.logic.toUi
import org.kefir.app.logic.toUiError
import org.kefir.app.ui.CheckRow
import org.kefir.app.ui.ChoiceChips
import org.kefir.app.ui.ErrorText
import org.kefir.app.ui.FindingCard
import org.kefir.app.ui.KefirViewModelFactory
import org.kefir.app.ui.Loading
import org.kefir.app.ui.MinTouch
import org.kefir.app.ui.PrimaryButton
import org.kefir.app.ui.ScreenScaffold
import org.kefir.app.ui.SectionTitle

data class DrinkState(
    val form: DrinkForm = DrinkForm(),
    /** Kinds and sources with the core's labels (those the screening rules out marked), preselection, quick amounts: drinkForm(); null until loaded. */
    val options: DrinkOptions? = null,
    /** (value, label) quick-amount buttons from drinkForm(). */
    val quick: List<Pair<UInt, String>> = emptyList(),
    val busy: Boolean = false,
    val error: UiError? = null,
    /** Set once stored: the amount and the core's warnings. */
    val logged: DrinkLoggedUi? = null,
)

class DrinkViewModel(private val app: KefirApplication) : ViewModel() {
    private val _state = MutableStateFlow(DrinkState())
    val state: StateFlow<DrinkState> = _state

    init {
        viewModelScope.launch {
            val f = app.displayFormat()
            when (val r = app.gateway.read { cx -> drinkForm(cx.now, cx.zone, cx.locale).toOptions() }) {
                is CoreResult.Ok -> {
                    val o = r.value
                    // Start on the core's preselected kind and source (last drink, preference, allowed).
                    _state.update { s -> s.copy(form = o.preselect(s.form), options = o, quick = o.quick.map { it to f.ml(it) }) }
                }
                is CoreResult.Failed -> _state.update { it.copy(error = r.error) }
            }
        }
    }

    fun edit(change: (DrinkForm) -> DrinkForm) = _state.update { it.copy(form = change(it.form), error = null) }

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
            when (val r = app.gateway.write { cx -> logDrink(input, cx.now, cx.zone, cx.locale) }) {
                is CoreResult.Ok -> _state.update { it.copy(busy = false, logged = r.value.toUi(f)) }
                is CoreResult.Failed -> _state.update { it.copy(busy = false, error = r.error) }
            }
        }
    }
}

@Composable
fun DrinkScreen(onDone: () -> Unit, vm: DrinkViewModel = viewModel(factory = KefirViewModelFactory)) {
    val s by vm.state.collectAsStateWithLifecycle()
    ScreenScaffold(title = stringResource(R.string.title_log_drink), onBack = onDone) {
        val logged = s.logged
        if (logged != null) {
            Text(stringResource(R.string.drink_logged, logged.amount), style = MaterialTheme.typography.headlineSmall)
            for (w in logged.warnings) FindingCard(w)
            PrimaryButton(stringResource(R.string.action_done), onClick = onDone)
        } else {
            DrinkFormContent(s, vm)
        }
    }
}

/** A kind or source the core marks as not allowed by the screening is marked, not hidden. */
@Composable
private fun optionLabel(label: String, allowed: Boolean): String =
    if (allowed) label else stringResource(R.string.drink_option_ruled_out, label)

@OptIn(ExperimentalLayoutApi::class)
@Composable
private fun DrinkFormContent(s: DrinkState, vm: DrinkViewModel) {
    val form = s.form
    if (s.quick.isNotEmpty()) {
        SectionTitle(stringResource(R.string.drink_quick_amounts))
        FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            for ((value, label) in s.quick) {
                val description = stringResource(R.string.drink_quick_amount_description, label)
                OutlinedButton(
                    onClick = { vm.edit { it.copy(mlText = value.toString()) } },
                    modifier = Modifier.heightIn(min = MinTouch).semantics { contentDescription = description },
                ) { Text(label) }
            }
        }
    }
    OutlinedTextField(
        value = form.mlText,
        onValueChange = { v -> vm.edit { it.copy(mlText = v) } },
        label = { Text(stringResource(R.string.field_amount_ml)) },
        singleLine = true,
        keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Number),
        isError = s.error?.field == "ml",
        modifier = Modifier.fillMaxWidth(),
    )
    // Kinds and sources, their words and what is allowed: the core's (drinkForm).
    val options = s.options
    if (options == null) {
        if (s.error == null) Loading() else ErrorText(s.error)
        return
    }
    SectionTitle(stringResource(R.string.field_kind))
    ChoiceChips(options.kinds, options.kinds.firstOrNull { it.value == form.kind }, { optionLabel(it.label, it.allowed) }) { k ->
        vm.edit { it.copy(kind = k.value) }
    }
    SectionTitle(stringResource(R.string.field_source))
    ChoiceChips(options.sources, options.sources.firstOrNull { it.value == form.source }, { optionLabel(it.label, it.allowed) }) { src ->
        vm.edit { options.withSource(it, src.value) }
    }
    if (!options.allows(form.kind) || !options.allows(form.source)) {
        Text(stringResource(R.string.drink_ruled_out_notice), style = MaterialTheme.typography.bodyMedium, color = MaterialTheme.colorScheme.error)
    }

    if (form.batchFields) {
        SectionTitle(stringResource(R.string.section_batch))
        OutlinedTextField(
            value = form.fermentationHoursText,
            onValueChange = { v -> vm.edit { it.copy(fermentationHoursText = v) } },
            label = { Text(stringResource(R.string.field_fermentation_hours)) },
            singleLine = true,
            keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Number),
            isError = s.error?.field == "fermentation_hours",
            modifier = Modifier.fillMaxWidth(),
        )
        OutlinedTextField(
            value = form.roomTempCText,
            onValueChange = { v -> vm.edit { it.copy(roomTempCText = v) } },
            label = { Text(stringResource(R.string.field_room_temp_c)) },
            singleLine = true,
            keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Number),
            isError = s.error?.field == "room_temp_c",
            modifier = Modifier.fillMaxWidth(),
        )
        Text(stringResource(R.string.batch_signs), style = MaterialTheme.typography.bodyMedium)
        CheckRow(stringResource(R.string.batch_off_smell), form.offSmell) { c -> vm.edit { it.copy(offSmell = c) } }
        CheckRow(stringResource(R.string.batch_mould), form.mould) { c -> vm.edit { it.copy(mould = c) } }
        CheckRow(stringResource(R.string.batch_pink_or_orange), form.pinkOrOrange) { c -> vm.edit { it.copy(pinkOrOrange = c) } }
        CheckRow(stringResource(R.string.batch_unusual_fizz), form.unusualFizz) { c -> vm.edit { it.copy(unusualFizz = c) } }
    }
    OutlinedTextField(
        value = form.note,
        onValueChange = { v -> vm.edit { it.copy(note = v) } },
        label = { Text(stringResource(R.string.field_note)) },
        isError = s.error?.field == "note",
        modifier = Modifier.fillMaxWidth(),
    )
    ErrorText(s.error)
    PrimaryButton(stringResource(R.string.action_save), enabled = !s.busy, onClick = vm::save)
}
