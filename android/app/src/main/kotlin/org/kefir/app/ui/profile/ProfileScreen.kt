package org.kefir.app.ui.profile

import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.text.input.ImeAction
import androidx.lifecycle.SavedStateHandle
import androidx.lifecycle.ViewModel
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.lifecycle.viewModelScope
import androidx.lifecycle.viewmodel.compose.viewModel
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import org.kefir.app.KefirApplication
import org.kefir.app.R
import org.kefir.app.logic.CoreResult
import org.kefir.app.logic.ProfileForm
import org.kefir.app.logic.ScreeningUi
import org.kefir.app.logic.loadProfileStart
import org.kefir.app.logic.UiError
import org.kefir.app.logic.toUi
import org.kefir.app.ui.CheckRow
import org.kefir.app.ui.Disclaimer
import org.kefir.app.ui.ErrorText
import org.kefir.app.ui.FindingCard
import org.kefir.app.ui.KefirViewModelFactory
import org.kefir.app.ui.Loading
import org.kefir.app.ui.PrimaryButton
import org.kefir.app.ui.RadioRow
import org.kefir.app.ui.ScreenScaffold
import org.kefir.app.ui.SecondaryButton
import org.kefir.app.ui.SectionTitle
import org.kefir.app.ui.ToggleChips
import uniffi.kefir_core.ImportMode
import uniffi.kefir_core.ScreeningForm

data class ProfileState(
    val form: ProfileForm = ProfileForm(),
    /** The core's questions (options with labels and help texts, in the app's language); null until loaded. */
    val questions: ScreeningForm? = null,
    /** Set after saving: the screening result (and the clinician step). */
    val screening: ScreeningUi? = null,
    val clinicianNote: String = "",
    val busy: Boolean = false,
    val error: UiError? = null,
    /** A core backup from Android's backup (new device) can be restored. */
    val canRestoreAndroidBackup: Boolean = false,
    /** Restored from backup: go straight to Today. */
    val restored: Boolean = false,
)

class ProfileViewModel(private val app: KefirApplication, handle: SavedStateHandle) : ViewModel() {
    /** Opened by the start screen because the core's Today.needsScreening was set (first run). */
    private val onboarding: Boolean = handle.get<Boolean>(ARG_ONBOARDING) ?: false
    private val _state = MutableStateFlow(ProfileState())
    val state: StateFlow<ProfileState> = _state

    init {
        viewModelScope.launch {
            // One call: the current profile (the core's default profile before the
            // first save) and the core's questions in the app's language.
            when (val r = loadProfileStart(app.gateway)) {
                is CoreResult.Ok -> {
                    val restorable = onboarding && withContext(Dispatchers.IO) { app.androidBackup.file.exists() }
                    _state.update { s ->
                        s.copy(form = r.value.form, questions = r.value.questions, canRestoreAndroidBackup = restorable)
                    }
                }
                is CoreResult.Failed -> _state.update { it.copy(error = r.error) }
            }
        }
    }

    companion object {
        const val ARG_ONBOARDING = "onboarding"
    }

    fun edit(change: (ProfileForm) -> ProfileForm) = _state.update { it.copy(form = change(it.form), error = null) }
    fun editNote(note: String) = _state.update { it.copy(clinicianNote = note) }
    fun editAgain() = _state.update { it.copy(screening = null) }

    /** saveProfile returns the screening: one call. */
    fun save() = act { form, _ -> app.gateway.write { cx -> saveProfile(form.toProfile(), cx.now, cx.locale).toUi(app.displayFormat(), cx.zone) } }

    /** "Cleared by my clinician" for the consult findings. */
    fun acknowledgeClinician() =
        act { _, note -> app.gateway.write { cx -> acknowledgeClinician(note.ifBlank { null }, cx.now, cx.locale).toUi(app.displayFormat(), cx.zone) } }

    fun restoreAndroidBackup() {
        viewModelScope.launch {
            _state.update { it.copy(busy = true, error = null) }
            val path = app.androidBackup.file.path
            when (val r = app.gateway.write { importBackup(path, null, ImportMode.INTO_EMPTY, false, it.now, it.locale) }) {
                is CoreResult.Ok -> _state.update { it.copy(busy = false, restored = true) }
                is CoreResult.Failed -> _state.update { it.copy(busy = false, error = r.error) }
            }
        }
    }

    private fun act(call: suspend (ProfileForm, String) -> CoreResult<ScreeningUi>) {
        val s = _state.value
        if (s.busy) return
        viewModelScope.launch {
            _state.update { it.copy(busy = true, error = null) }
            when (val r = call(s.form, s.clinicianNote)) {
                is CoreResult.Ok -> _state.update { it.copy(busy = false, screening = r.value) }
                is CoreResult.Failed -> _state.update { it.copy(busy = false, error = r.error) }
            }
        }
    }
}

/**
 * First run (and "edit my answers"): the profile form, then the screening
 * from saveProfile, with the clinician-acknowledgement step when needed.
 */
@Composable
fun ProfileScreen(onDone: () -> Unit, onBack: (() -> Unit)?, vm: ProfileViewModel = viewModel(factory = KefirViewModelFactory)) {
    val s by vm.state.collectAsStateWithLifecycle()
    if (s.restored) {
        LaunchedEffect(Unit) { onDone() }
    }
    val screening = s.screening
    ScreenScaffold(
        title = stringResource(if (screening == null) R.string.title_profile else R.string.title_screening),
        onBack = onBack,
    ) {
        if (screening == null) {
            ProfileFormContent(s, vm)
        } else {
            ScreeningContent(screening, s, vm, onDone)
        }
    }
}

@Composable
private fun ProfileFormContent(s: ProfileState, vm: ProfileViewModel) {
    val form = s.form
    Text(stringResource(R.string.profile_intro), style = MaterialTheme.typography.bodyLarge)
    if (s.canRestoreAndroidBackup) {
        SecondaryButton(stringResource(R.string.action_restore_android_backup), enabled = !s.busy, onClick = vm::restoreAndroidBackup)
    }
    OutlinedTextField(
        value = form.displayName,
        onValueChange = { v -> vm.edit { it.copy(displayName = v) } },
        label = { Text(stringResource(R.string.field_display_name)) },
        singleLine = true,
        keyboardOptions = KeyboardOptions(imeAction = ImeAction.Next),
        isError = s.error?.field == "display_name",
        modifier = Modifier.fillMaxWidth(),
    )
    val q = s.questions
    if (q == null) {
        if (s.error == null) Loading()
    } else {
        // Every option and its words are the core's (screeningForm), in its order.
        Text(q.intro, style = MaterialTheme.typography.bodyMedium)
        SectionTitle(stringResource(R.string.field_age_band))
        for (band in q.ageBands) {
            RadioRow(band.label, form.ageBand == band.code) { vm.edit { it.copy(ageBand = band.code) } }
        }
        SectionTitle(stringResource(R.string.field_conditions))
        for (c in q.conditions) {
            CheckRow(c.label, c.code in form.conditions, supporting = c.help) { vm.edit { it.toggle(c.code) } }
        }
        SectionTitle(stringResource(R.string.field_medicines))
        for (m in q.medicines) {
            CheckRow(m.label, m.code in form.medicines, supporting = m.help) { vm.edit { it.toggle(m.code) } }
        }
        SectionTitle(stringResource(R.string.field_preferred_kinds))
        ToggleChips(q.kinds, q.kinds.filter { it.code in form.preferredKinds }.toSet(), { it.label }) { k -> vm.edit { it.toggle(k.code) } }
        SectionTitle(stringResource(R.string.field_preferred_sources))
        ToggleChips(q.sources, q.sources.filter { it.code in form.preferredSources }.toSet(), { it.label }) { src ->
            vm.edit { it.toggle(src.code) }
        }
    }
    ErrorText(s.error)
    PrimaryButton(stringResource(R.string.action_save_profile), enabled = !s.busy && q != null, onClick = vm::save)
}

@Composable
private fun ScreeningContent(screening: ScreeningUi, s: ProfileState, vm: ProfileViewModel, onDone: () -> Unit) {
    Text(stringResource(R.string.screening_level, screening.levelLabel), style = MaterialTheme.typography.titleMedium)
    Text(screening.headline, style = MaterialTheme.typography.titleMedium)
    for (line in screening.limits) Text(line, style = MaterialTheme.typography.bodyMedium)
    for (f in screening.findings) FindingCard(f)
    if (screening.showClinicianStep) {
        SectionTitle(stringResource(R.string.clinician_step_title))
        Text(stringResource(R.string.clinician_step_rules, screening.unclearedRuleIds), style = MaterialTheme.typography.bodyMedium)
        OutlinedTextField(
            value = s.clinicianNote,
            onValueChange = vm::editNote,
            label = { Text(stringResource(R.string.field_clinician_note)) },
            isError = s.error?.field == "note",
            modifier = Modifier.fillMaxWidth(),
        )
        PrimaryButton(stringResource(R.string.action_clinician_cleared), enabled = !s.busy, onClick = vm::acknowledgeClinician)
    }
    screening.clinicianClearedAt?.let {
        Text(stringResource(R.string.clinician_cleared_at, it), style = MaterialTheme.typography.bodyMedium)
    }
    ErrorText(s.error)
    PrimaryButton(stringResource(R.string.action_continue), enabled = !s.busy, onClick = onDone)
    SecondaryButton(stringResource(R.string.action_edit_answers), enabled = !s.busy, onClick = vm::editAgain)
    Disclaimer(screening.disclaimer)
}
