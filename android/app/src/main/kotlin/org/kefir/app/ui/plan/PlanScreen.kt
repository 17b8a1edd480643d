package org.kefir.app.ui.plan

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
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
import org.kefir.app.logic.CallContext
import org.kefir.app.logic.CoreResult
import org.kefir.app.logic.FormResult
import org.kefir.app.logic.PlanUi
import org.kefir.app.logic.StartPlanForm
import org.kefir.app.logic.UiError
import org.kefir.app.logic.parseTarget
import org.kefir.app.logic.toUi
import org.kefir.app.logic.toUiError
import org.kefir.app.ui.ErrorText
import org.kefir.app.ui.FindingCard
import org.kefir.app.ui.KefirViewModelFactory
import org.kefir.app.ui.Loading
import org.kefir.app.ui.PrimaryButton
import org.kefir.app.ui.ScreenScaffold
import org.kefir.app.ui.SecondaryButton
import org.kefir.app.ui.SectionTitle
import uniffi.kefir_core.PlanView
import uniffi.kefir_ffi.KefirApp

data class PlanState(
    val plan: PlanUi? = null,
    val loadError: UiError? = null,
    val startForm: StartPlanForm = StartPlanForm(),
    val targetText: String = "",
    val busy: Boolean = false,
    val actionError: UiError? = null,
)

/** Every action returns the next PlanView, so each is one core call. */
class PlanViewModel(private val app: KefirApplication) : ViewModel() {
    private val _state = MutableStateFlow(PlanState())
    val state: StateFlow<PlanState> = _state

    init {
        viewModelScope.launch {
            val f = app.displayFormat()
            when (val r = app.gateway.read { cx -> planView(cx.now, cx.zone, cx.locale) }) {
                is CoreResult.Ok -> _state.update { it.copy(plan = r.value.toUi(f)) }
                is CoreResult.Failed -> _state.update { it.copy(loadError = r.error) }
            }
        }
    }

    fun editStart(change: (StartPlanForm) -> StartPlanForm) = _state.update { it.copy(startForm = change(it.startForm), actionError = null) }
    fun editTarget(text: String) = _state.update { it.copy(targetText = text, actionError = null) }

    fun start() = when (val p = _state.value.startForm.toSettings()) {
        is FormResult.Ok -> act { cx -> startPlan(p.value, cx.now, cx.zone, cx.locale) }
        is FormResult.NotANumber -> _state.update { it.copy(actionError = p.toUiError()) }
    }

    fun pause() = act { cx -> pausePlan(cx.now, cx.zone, cx.locale) }
    fun resume() = act { cx -> resumePlan(cx.now, cx.zone, cx.locale) }
    fun restart() = act { cx -> restartPlan(cx.now, cx.zone, cx.locale) }

    fun changeTarget() = when (val p = parseTarget(_state.value.targetText)) {
        is FormResult.Ok -> act { cx -> changeTarget(p.value, cx.now, cx.zone, cx.locale) }
        is FormResult.NotANumber -> _state.update { it.copy(actionError = p.toUiError()) }
    }

    private fun act(call: KefirApp.(CallContext) -> PlanView) {
        if (_state.value.busy) return
        viewModelScope.launch {
            _state.update { it.copy(busy = true, actionError = null) }
            val f = app.displayFormat()
            when (val r = app.gateway.write(call)) {
                is CoreResult.Ok -> _state.update { it.copy(busy = false, plan = r.value.toUi(f), targetText = "") }
                is CoreResult.Failed -> _state.update { it.copy(busy = false, actionError = r.error) }
            }
        }
    }
}

@Composable
fun PlanScreen(onBack: () -> Unit, vm: PlanViewModel = viewModel(factory = KefirViewModelFactory)) {
    val s by vm.state.collectAsStateWithLifecycle()
    ScreenScaffold(title = stringResource(R.string.title_plan), onBack = onBack) {
        val plan = s.plan
        when {
            s.loadError != null -> ErrorText(s.loadError)
            plan == null -> Loading()
            else -> PlanContent(plan, s, vm)
        }
    }
}

@Composable
private fun PlanContent(plan: PlanUi, s: PlanState, vm: PlanViewModel) {
    plan.statusLabel?.let { Text(stringResource(R.string.plan_status, it), style = MaterialTheme.typography.titleMedium) }
    plan.steps?.let { Text(stringResource(R.string.plan_steps, it), style = MaterialTheme.typography.bodyLarge) }
    plan.startedOn?.let { Text(stringResource(R.string.plan_started_on, it), style = MaterialTheme.typography.bodyMedium) }
    plan.progress?.let { p ->
        Text(stringResource(R.string.plan_step_of, p.step.toInt(), p.steps.toInt(), p.goal), style = MaterialTheme.typography.bodyMedium)
        p.projectedGoalDate?.let { Text(stringResource(R.string.plan_projected_goal, it), style = MaterialTheme.typography.bodySmall) }
    }
    plan.blockedReason?.let { reason ->
        Text(reason, style = MaterialTheme.typography.bodyLarge, color = MaterialTheme.colorScheme.error)
        if (plan.blockedRuleIds.isNotEmpty()) Text(stringResource(R.string.rule_ids, plan.blockedRuleIds), style = MaterialTheme.typography.bodySmall)
    }

    if (plan.canStart) {
        SectionTitle(stringResource(R.string.section_start_plan))
        NumberField(s.startForm.startMlText, stringResource(R.string.field_start_ml, plan.startRange), s.actionError?.field == "start_ml") { v ->
            vm.editStart { it.copy(startMlText = v) }
        }
        NumberField(s.startForm.targetMlText, stringResource(R.string.field_target_ml, plan.targetRange), s.actionError?.field == "target_ml") { v ->
            vm.editStart { it.copy(targetMlText = v) }
        }
        NumberField(s.startForm.holdDaysText, stringResource(R.string.field_hold_days), s.actionError?.field == "hold_days") { v ->
            vm.editStart { it.copy(holdDaysText = v) }
        }
        NumberField(s.startForm.stepMlText, stringResource(R.string.field_step_ml), s.actionError?.field == "step_ml") { v ->
            vm.editStart { it.copy(stepMlText = v) }
        }
        Text(stringResource(R.string.plan_blank_defaults), style = MaterialTheme.typography.bodySmall)
        PrimaryButton(stringResource(R.string.action_start_plan), enabled = !s.busy, onClick = vm::start)
    }
    if (plan.canPause) SecondaryButton(stringResource(R.string.action_pause_plan), enabled = !s.busy, onClick = vm::pause)
    if (plan.canResume) PrimaryButton(stringResource(R.string.action_resume_plan), enabled = !s.busy, onClick = vm::resume)
    if (plan.canRestart) PrimaryButton(stringResource(R.string.action_restart_plan), enabled = !s.busy, onClick = vm::restart)
    if (plan.canChangeTarget) {
        SectionTitle(stringResource(R.string.section_change_target))
        NumberField(s.targetText, stringResource(R.string.field_target_ml, plan.targetRange), s.actionError?.field == "target_ml", vm::editTarget)
        SecondaryButton(stringResource(R.string.action_change_target), enabled = !s.busy, onClick = vm::changeTarget)
    }
    ErrorText(s.actionError)

    if (plan.history.isNotEmpty()) {
        SectionTitle(stringResource(R.string.section_history))
        for (h in plan.history) {
            Card(Modifier.fillMaxWidth()) {
                Column(Modifier.padding(12.dp).semantics(mergeDescendants = true) {}, verticalArrangement = Arrangement.spacedBy(4.dp)) {
                    Text(stringResource(R.string.history_row, h.day, h.kindLabel, h.target), style = MaterialTheme.typography.titleSmall)
                    Text(h.reason, style = MaterialTheme.typography.bodyMedium)
                    if (h.ruleIds.isNotEmpty()) Text(stringResource(R.string.rule_ids, h.ruleIds), style = MaterialTheme.typography.bodySmall)
                }
            }
        }
    }
    SectionTitle(stringResource(R.string.section_guidance))
    for (g in plan.guidance) FindingCard(g)
}

@Composable
private fun NumberField(value: String, label: String, isError: Boolean, onChange: (String) -> Unit) {
    OutlinedTextField(
        value = value,
        onValueChange = onChange,
        label = { Text(label) },
        singleLine = true,
        isError = isError,
        keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Number),
        modifier = Modifier.fillMaxWidth(),
    )
}
