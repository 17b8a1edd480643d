package org.kefir.app.ui.start

import android.net.Uri
import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.text.input.PasswordVisualTransformation
import androidx.compose.ui.unit.dp
import androidx.compose.ui.window.DialogProperties
import androidx.compose.ui.window.SecureFlagPolicy
import androidx.lifecycle.ViewModel
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.lifecycle.viewModelScope
import androidx.lifecycle.viewmodel.compose.viewModel
import java.io.File
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import org.kefir.app.KefirApplication
import org.kefir.app.R
import org.kefir.app.logic.CoreResult
import org.kefir.app.logic.ErrorKind
import org.kefir.app.logic.ImportStep
import org.kefir.app.logic.RecoveryOption
import org.kefir.app.logic.RecoveryResult
import org.kefir.app.logic.StartTarget
import org.kefir.app.logic.UiError
import org.kefir.app.logic.passphraseQuestion
import org.kefir.app.logic.recoveryOptions
import org.kefir.app.logic.startTarget
import org.kefir.app.ui.ErrorText
import org.kefir.app.ui.KefirViewModelFactory
import org.kefir.app.ui.Loading
import org.kefir.app.ui.PrimaryButton
import org.kefir.app.ui.ScreenScaffold
import org.kefir.app.ui.SecondaryButton
import org.kefir.app.ui.sharedCacheDir

sealed interface StartState {
    data object Loading : StartState

    /** Opened: where to go. [keptAs] names the set-aside file after a recovery, shown before going on. */
    data class Ready(val target: StartTarget, val keptAs: String? = null) : StartState

    /**
     * Did not open: the error and the ways out (restore, fresh start, retry)
     * for it. [passphrase]: the picked backup is encrypted; the core's prompt
     * (and wrong-passphrase message) while the copy waits.
     */
    data class Failed(
        val error: UiError,
        val options: List<RecoveryOption>,
        val busy: Boolean = false,
        val passphrase: ImportStep.NeedsPassphrase? = null,
    ) : StartState
}

class StartViewModel(private val app: KefirApplication) : ViewModel() {
    private val _state = MutableStateFlow<StartState>(StartState.Loading)
    val state: StateFlow<StartState> = _state

    init {
        load()
    }

    fun load(keptAs: String? = null) {
        _state.value = StartState.Loading
        viewModelScope.launch {
            // Opening the database happens here, on Dispatchers.IO. One call:
            // today() says whether the first-run screening is still needed.
            _state.value = when (val r = app.gateway.read { cx -> today(cx.now, cx.zone, cx.locale).startTarget() }) {
                is CoreResult.Ok -> StartState.Ready(r.value, keptAs)
                is CoreResult.Failed -> StartState.Failed(r.error, recoveryOptions(r.error))
            }
        }
    }

    /** The picked backup's private copy while its passphrase is asked. */
    private var waiting: File? = null

    /** Copy the picked backup, import it into a new database and only then set the old file aside. */
    fun restore(uri: Uri) = recover { now ->
        dropWaiting()
        val copy = File(sharedCacheDir(app), "restore-${System.nanoTime()}.json")
        try {
            app.contentResolver.openInputStream(uri)!!.use { input -> copy.outputStream().use { input.copyTo(it) } }
            restoreCopy(copy, now, null)
        } catch (e: java.io.IOException) {
            copy.delete()
            RecoveryResult.Failed(UiError(ErrorKind.STORAGE, e.message))
        } catch (e: SecurityException) {
            // The document provider withdrew access.
            copy.delete()
            RecoveryResult.Failed(UiError(ErrorKind.STORAGE, e.message))
        } catch (e: NullPointerException) {
            // openInputStream returned null (the provider crashed).
            copy.delete()
            RecoveryResult.Failed(UiError(ErrorKind.STORAGE, e.message))
        }
    }

    /** The passphrase for the waiting encrypted backup. */
    fun restoreWith(passphrase: String) = recover { now ->
        val copy = waiting ?: return@recover RecoveryResult.Failed(UiError(ErrorKind.STORAGE))
        restoreCopy(copy, now, passphrase)
    }

    fun cancelPassphrase() {
        dropWaiting()
        (_state.value as? StartState.Failed)?.let { _state.value = it.copy(passphrase = null) }
    }

    /** An encrypted copy is kept while its passphrase is asked; every other way out deletes it. */
    private fun restoreCopy(copy: File, now: java.time.Instant, passphrase: String?): RecoveryResult {
        val r = app.recovery().restore(copy, now, passphrase)
        if (r is RecoveryResult.Failed && passphraseQuestion(r.error, app.gateway.locale.tag()) != null) {
            waiting = copy
        } else {
            copy.delete()
            waiting = null
        }
        return r
    }

    private fun dropWaiting() {
        waiting?.delete()
        waiting = null
    }

    override fun onCleared() = dropWaiting()

    /** Set the old file aside (renamed, kept) and open an empty journal. */
    fun startFresh() = recover { now -> app.recovery().startFresh(now) }

    private fun recover(block: (java.time.Instant) -> RecoveryResult) {
        val failed = _state.value as? StartState.Failed ?: return
        if (failed.busy) return
        _state.value = failed.copy(busy = true)
        viewModelScope.launch {
            // The core's passphrase question (backupForm) is a core call too: on IO with the rest.
            val (r, ask) = withContext(Dispatchers.IO) {
                val r = block(app.gateway.clock.now())
                r to (r as? RecoveryResult.Failed)?.let { passphraseQuestion(it.error, app.gateway.locale.tag()) }
            }
            when (r) {
                is RecoveryResult.Recovered -> load(keptAs = r.asideFiles.firstOrNull()?.name)
                // An encrypted backup: ask for its passphrase with the core's texts, not as an error.
                is RecoveryResult.Failed ->
                    _state.value = if (ask != null) failed.copy(busy = false, passphrase = ask) else failed.copy(error = r.error, busy = false, passphrase = null)
            }
        }
    }
}

/** Opens the database and routes to onboarding (first run) or Today; offers the ways out when it cannot. */
@Composable
fun StartScreen(onStarted: (StartTarget) -> Unit, vm: StartViewModel = viewModel(factory = KefirViewModelFactory)) {
    val state by vm.state.collectAsStateWithLifecycle()
    val context = LocalContext.current
    var confirmFresh by remember { mutableStateOf(false) }
    val pickBackup = rememberLauncherForActivityResult(ActivityResultContracts.OpenDocument()) { uri -> uri?.let(vm::restore) }
    LaunchedEffect(state) {
        val s = state
        if (s is StartState.Ready && s.keptAs == null) onStarted(s.target)
    }
    ScreenScaffold(title = stringResource(R.string.app_name), onBack = null) {
        when (val s = state) {
            is StartState.Failed -> {
                // An unreadable or too-new database: say so; it is left untouched
                // unless the user picks a way out below.
                ErrorText(s.error)
                if (RecoveryOption.RESTORE_BACKUP in s.options) {
                    Text(stringResource(R.string.recovery_explain), style = MaterialTheme.typography.bodyMedium)
                    PrimaryButton(stringResource(R.string.action_restore_backup_file), enabled = !s.busy) {
                        // The picker's result must reach this screen: leaving for it does not cover (AppLockFlow).
                        (context.applicationContext as KefirApplication).appLock.flow.externalScreenStarted()
                        pickBackup.launch(arrayOf("application/json", "application/octet-stream", "text/plain"))
                    }
                }
                if (RecoveryOption.START_FRESH in s.options) {
                    SecondaryButton(stringResource(R.string.action_start_fresh), enabled = !s.busy) { confirmFresh = true }
                }
                SecondaryButton(stringResource(R.string.action_retry), enabled = !s.busy) { vm.load() }
            }
            is StartState.Ready -> if (s.keptAs != null) {
                Text(stringResource(R.string.recovered_aside, s.keptAs), style = MaterialTheme.typography.bodyLarge)
                PrimaryButton(stringResource(R.string.action_ok)) { onStarted(s.target) }
            }
            StartState.Loading -> Loading()
        }
    }
    (state as? StartState.Failed)?.passphrase?.let { ask ->
        var passphrase by remember(ask) { mutableStateOf("") }
        AlertDialog(
            onDismissRequest = vm::cancelPassphrase,
            // No screenshot or recents thumbnail of a passphrase (the app lock cannot be on before the diary opens).
            properties = DialogProperties(securePolicy = SecureFlagPolicy.SecureOn),
            title = { Text(ask.prompt) },
            text = {
                Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
                    ask.wrong?.let { Text(it, color = MaterialTheme.colorScheme.error) }
                    OutlinedTextField(
                        value = passphrase,
                        onValueChange = { passphrase = it },
                        label = { Text(ask.prompt) },
                        singleLine = true,
                        isError = ask.wrong != null,
                        visualTransformation = PasswordVisualTransformation(),
                        keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Password, autoCorrectEnabled = false),
                    )
                }
            },
            confirmButton = {
                TextButton(
                    onClick = {
                        vm.restoreWith(passphrase)
                        passphrase = "" // a second wrong try is an equal prompt: empty the field on every try
                    },
                    enabled = passphrase.isNotEmpty(),
                ) { Text(stringResource(R.string.action_open_backup)) }
            },
            dismissButton = { TextButton(onClick = vm::cancelPassphrase) { Text(stringResource(R.string.action_cancel)) } },
        )
    }
    if (confirmFresh) {
        AlertDialog(
            onDismissRequest = { confirmFresh = false },
            title = { Text(stringResource(R.string.start_fresh_confirm_title)) },
            text = { Text(stringResource(R.string.start_fresh_confirm_text)) },
            confirmButton = {
                TextButton(onClick = {
                    confirmFresh = false
                    vm.startFresh()
                }) { Text(stringResource(R.string.action_start_fresh)) }
            },
            dismissButton = { TextButton(onClick = { confirmFresh = false }) { Text(stringResource(R.string.action_cancel)) } },
        )
    }
}
