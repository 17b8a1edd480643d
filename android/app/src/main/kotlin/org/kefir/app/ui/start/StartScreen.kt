package org.kefir.app.ui.start

import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.ui.res.stringResource
import androidx.lifecycle.ViewModel
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.lifecycle.viewModelScope
import androidx.lifecycle.viewmodel.compose.viewModel
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.launch
import org.kefir.app.KefirApplication
import org.kefir.app.R
import org.kefir.app.logic.ScreenState
import org.kefir.app.logic.StartTarget
import org.kefir.app.logic.startTarget
import org.kefir.app.logic.toScreenState
import org.kefir.app.ui.ErrorText
import org.kefir.app.ui.KefirViewModelFactory
import org.kefir.app.ui.Loading
import org.kefir.app.ui.PrimaryButton
import org.kefir.app.ui.ScreenScaffold

class StartViewModel(private val app: KefirApplication) : ViewModel() {
    private val _state = MutableStateFlow<ScreenState<StartTarget>>(ScreenState.Loading)
    val state: StateFlow<ScreenState<StartTarget>> = _state

    init {
        load()
    }

    fun load() {
        _state.value = ScreenState.Loading
        viewModelScope.launch {
            // Opening the database happens here, on Dispatchers.IO. One call:
            // today() says whether the first-run screening is still needed.
            _state.value = app.gateway.read { cx -> today(cx.now, cx.zone).startTarget() }.toScreenState()
        }
    }
}

/** Opens the database and routes to onboarding (first run) or Today. */
@Composable
fun StartScreen(onOnboarding: () -> Unit, onToday: () -> Unit, vm: StartViewModel = viewModel(factory = KefirViewModelFactory)) {
    val state by vm.state.collectAsStateWithLifecycle()
    LaunchedEffect(state) {
        val s = state
        if (s is ScreenState.Ready) {
            when (s.ui) {
                StartTarget.ONBOARDING -> onOnboarding()
                StartTarget.TODAY -> onToday()
            }
        }
    }
    ScreenScaffold(title = stringResource(R.string.app_name), onBack = null) {
        when (val s = state) {
            is ScreenState.Failed -> {
                // E.g. an unreadable or too-new database: say so; it is left untouched.
                ErrorText(s.error)
                PrimaryButton(stringResource(R.string.action_retry), onClick = vm::load)
            }
            else -> Loading()
        }
    }
}
