package org.kefir.app.ui.today

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Button
import androidx.compose.material3.ButtonDefaults
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.LinearProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.pluralStringResource
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.clearAndSetSemantics
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import androidx.lifecycle.Lifecycle
import androidx.lifecycle.ViewModel
import androidx.lifecycle.compose.LocalLifecycleOwner
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.lifecycle.repeatOnLifecycle
import androidx.lifecycle.viewModelScope
import androidx.lifecycle.viewmodel.compose.viewModel
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.launch
import org.kefir.app.KefirApplication
import org.kefir.app.R
import org.kefir.app.logic.CoreNames
import org.kefir.app.logic.ScreenState
import org.kefir.app.logic.SpacingUi
import org.kefir.app.logic.TodayUi
import org.kefir.app.logic.map
import org.kefir.app.logic.toScreenState
import org.kefir.app.logic.toUi
import org.kefir.app.logic.valueOrNull
import uniffi.kefir_ffi.screeningForm
import org.kefir.app.ui.Disclaimer
import org.kefir.app.ui.ErrorText
import org.kefir.app.ui.FindingCard
import org.kefir.app.ui.KefirViewModelFactory
import org.kefir.app.ui.Loading
import org.kefir.app.ui.MinTouch
import org.kefir.app.ui.PrimaryButton
import org.kefir.app.ui.NotificationCard
import org.kefir.app.ui.lock.FirstRunLockOffer
import org.kefir.app.ui.ScreenScaffold
import org.kefir.app.ui.SecondaryButton
import org.kefir.app.ui.SectionTitle

class TodayViewModel(private val app: KefirApplication) : ViewModel() {
    private val _state = MutableStateFlow<ScreenState<TodayUi>>(ScreenState.Loading)
    val state: StateFlow<ScreenState<TodayUi>> = _state

    /** The core's names for the drinks' kinds and sources, in the app's language. */
    private val _names = MutableStateFlow<CoreNames?>(null)
    val names: StateFlow<CoreNames?> = _names

    /** One gateway call: today(now, zone) and the core's names for its codes. */
    fun refresh() {
        viewModelScope.launch {
            val f = app.displayFormat()
            val r = app.gateway.read { cx -> today(cx.now, cx.zone, cx.locale).toUi(f) to CoreNames(screeningForm(cx.locale)) }
            r.valueOrNull()?.let { _names.value = it.second }
            _state.value = r.map { it.first }.toScreenState()
        }
    }
}

/** Refresh interval while Today is visible, so countdowns and "due" flags stay current. */
private const val REFRESH_MS = 60_000L

@Composable
fun TodayScreen(
    onLogDrink: () -> Unit,
    onLogDose: () -> Unit,
    onCheckin: () -> Unit,
    onFillYesterday: () -> Unit,
    onReaction: () -> Unit,
    onPlan: () -> Unit,
    onReports: () -> Unit,
    onSettings: () -> Unit,
    onProfile: () -> Unit,
    vm: TodayViewModel = viewModel(factory = KefirViewModelFactory),
) {
    val state by vm.state.collectAsStateWithLifecycle()
    val names by vm.names.collectAsStateWithLifecycle()
    val lifecycleOwner = LocalLifecycleOwner.current
    // The core computes countdowns for the `now` it is given: ask again every
    // minute while the screen is visible (and on every return to it).
    LaunchedEffect(lifecycleOwner) {
        lifecycleOwner.repeatOnLifecycle(Lifecycle.State.STARTED) {
            while (true) {
                vm.refresh()
                delay(REFRESH_MS)
            }
        }
    }
    ScreenScaffold(title = stringResource(R.string.title_today), onBack = null) {
        // Always reachable, whatever the state of the screen below.
        ReactionButton(onReaction)
        // From the first run on: why reminders need notifications, and the
        // system dialog; or, when they are off, the way to the settings.
        NotificationCard(onToday = true)
        // The app lock's first-run offer (issue 17): Today is the first screen after the screening.
        FirstRunLockOffer()
        when (val s = state) {
            ScreenState.Loading -> Loading()
            is ScreenState.Failed -> ErrorText(s.error)
            is ScreenState.Ready -> TodayContent(s.ui, names, onLogDrink, onCheckin, onFillYesterday, onPlan)
        }
        SectionTitle(stringResource(R.string.section_more))
        SecondaryButton(stringResource(R.string.action_log_dose), onClick = onLogDose)
        SecondaryButton(stringResource(R.string.title_plan), onClick = onPlan)
        SecondaryButton(stringResource(R.string.title_reports), onClick = onReports)
        SecondaryButton(stringResource(R.string.title_settings), onClick = onSettings)
        SecondaryButton(stringResource(R.string.action_edit_profile), onClick = onProfile)
        val ready = state
        if (ready is ScreenState.Ready) Disclaimer(ready.ui.disclaimer)
    }
}

@Composable
private fun ReactionButton(onReaction: () -> Unit) {
    Button(
        onClick = onReaction,
        colors = ButtonDefaults.buttonColors(
            containerColor = MaterialTheme.colorScheme.error,
            contentColor = MaterialTheme.colorScheme.onError,
        ),
        modifier = Modifier.fillMaxWidth().heightIn(min = MinTouch),
    ) { Text(stringResource(R.string.action_report_reaction)) }
}

@Composable
private fun TodayContent(ui: TodayUi, names: CoreNames?, onLogDrink: () -> Unit, onCheckin: () -> Unit, onFillYesterday: () -> Unit, onPlan: () -> Unit) {
    Text(ui.dateLabel, style = MaterialTheme.typography.labelLarge)
    Text(
        ui.headline,
        style = MaterialTheme.typography.headlineSmall,
        modifier = Modifier.semantics {
            heading()
            liveRegion = LiveRegionMode.Polite
        },
    )

    // Amounts: drunk / target / remaining, all computed by the core.
    Text(stringResource(R.string.today_drunk, ui.drunk), style = MaterialTheme.typography.bodyLarge)
    ui.target?.let { Text(stringResource(R.string.today_target, it), style = MaterialTheme.typography.bodyLarge) }
    ui.remaining?.let { Text(stringResource(R.string.today_remaining, it), style = MaterialTheme.typography.bodyLarge) }
    ui.intakeFraction?.let { fraction ->
        val description = stringResource(R.string.today_progress_description, ui.drunk, ui.target.orEmpty())
        LinearProgressIndicator(
            progress = { fraction },
            modifier = Modifier.fillMaxWidth().semantics { contentDescription = description },
        )
    }
    PrimaryButton(stringResource(R.string.action_log_drink), onClick = onLogDrink)

    ui.decision?.let { d ->
        Card(Modifier.fillMaxWidth()) {
            Column(Modifier.padding(12.dp).semantics(mergeDescendants = true) {}, verticalArrangement = Arrangement.spacedBy(4.dp)) {
                Text(stringResource(R.string.today_decision, d.kindLabel, d.target), style = MaterialTheme.typography.titleSmall)
                Text(d.reason, style = MaterialTheme.typography.bodyMedium)
                if (d.ruleIds.isNotEmpty()) Text(stringResource(R.string.rule_ids, d.ruleIds), style = MaterialTheme.typography.bodySmall)
            }
        }
    }
    ui.progress?.let { p ->
        Text(stringResource(R.string.plan_step_of, p.step.toInt(), p.steps.toInt(), p.goal), style = MaterialTheme.typography.bodyMedium)
        LinearProgressIndicator(
            progress = { p.fraction },
            // The "step x of y" text above says it; TalkBack skips the bar.
            modifier = Modifier.fillMaxWidth().clearAndSetSemantics { },
        )
        p.projectedGoalDate?.let { Text(stringResource(R.string.plan_projected_goal, it), style = MaterialTheme.typography.bodySmall) }
    }
    if (ui.mayStartPlan) {
        SecondaryButton(stringResource(R.string.action_start_plan), onClick = onPlan)
    }

    for (s in ui.spacing) SpacingCard(s)
    for (w in ui.warnings) FindingCard(w)

    // Check-in rhythm.
    if (ui.checkinDue) {
        Text(stringResource(R.string.today_checkin_due), style = MaterialTheme.typography.bodyLarge)
        PrimaryButton(stringResource(R.string.action_checkin), onClick = onCheckin)
    } else if (ui.checkinDone) {
        Text(stringResource(R.string.today_checkin_done), style = MaterialTheme.typography.bodyMedium)
        SecondaryButton(stringResource(R.string.action_edit_checkin), onClick = onCheckin)
    }
    // Late check-in: for the core's yesterday, while the core says it can still be filled in.
    ui.yesterdayLabel?.let { day ->
        Text(stringResource(R.string.today_yesterday_open, day), style = MaterialTheme.typography.bodyMedium)
        SecondaryButton(stringResource(R.string.action_fill_yesterday), onClick = onFillYesterday)
    }
    if (ui.streakDays > 0u) {
        val n = ui.streakDays.toInt()
        Text(pluralStringResource(R.plurals.today_streak, n, n), style = MaterialTheme.typography.bodyMedium)
    }

    if (ui.drinks.isNotEmpty()) {
        SectionTitle(stringResource(R.string.today_drinks))
        for (d in ui.drinks) {
            Text(
                stringResource(R.string.drink_row, d.time, d.amount, names?.of(d.kind).orEmpty(), names?.of(d.source).orEmpty()),
                style = MaterialTheme.typography.bodyMedium,
            )
        }
    }
}

@Composable
private fun SpacingCard(s: SpacingUi) {
    val colors = if (s.blockedNow) {
        CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.tertiaryContainer, contentColor = MaterialTheme.colorScheme.onTertiaryContainer)
    } else {
        CardDefaults.cardColors()
    }
    Card(colors = colors, modifier = Modifier.fillMaxWidth()) {
        Column(Modifier.padding(12.dp).semantics(mergeDescendants = true) {}, verticalArrangement = Arrangement.spacedBy(4.dp)) {
            Text(s.message, style = MaterialTheme.typography.bodyLarge)
            s.countdown?.let { Text(stringResource(R.string.spacing_countdown, it), style = MaterialTheme.typography.titleSmall) }
            s.allowedUntil?.let { Text(stringResource(R.string.spacing_until, it), style = MaterialTheme.typography.bodySmall) }
        }
    }
}
