package org.kefir.app.ui.settings

import android.Manifest
import android.content.Context
import android.content.pm.PackageManager
import android.net.Uri
import android.os.Build
import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.selection.toggleable
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Switch
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.text.input.PasswordVisualTransformation
import androidx.compose.ui.text.input.VisualTransformation
import androidx.compose.ui.unit.dp
import androidx.compose.ui.window.DialogProperties
import androidx.compose.ui.window.SecureFlagPolicy
import androidx.core.content.ContextCompat
import androidx.lifecycle.Lifecycle
import androidx.lifecycle.ViewModel
import androidx.lifecycle.compose.LifecycleEventEffect
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.lifecycle.viewModelScope
import androidx.lifecycle.viewmodel.compose.viewModel
import java.io.File
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import org.kefir.app.KefirApplication
import org.kefir.app.R
import org.kefir.app.logic.BackupSaveForm
import org.kefir.app.logic.CoreResult
import org.kefir.app.logic.ErrorKind
import org.kefir.app.logic.ImportFlow
import org.kefir.app.logic.ImportStep
import org.kefir.app.logic.ImportUi
import org.kefir.app.logic.ReminderForm
import org.kefir.app.logic.UiError
import org.kefir.app.logic.backupFileName
import org.kefir.app.logic.backupMimeType
import org.kefir.app.logic.exportBackupFile
import org.kefir.app.logic.judgePassphrase
import org.kefir.app.logic.loadBackupSaveForm
import org.kefir.app.logic.loadReminderForm
import org.kefir.app.logic.lockSwitchEnabled
import org.kefir.app.logic.toUi
import org.kefir.app.reminders.NotificationSettings
import org.kefir.app.ui.CheckRow
import org.kefir.app.ui.ErrorText
import org.kefir.app.ui.KefirViewModelFactory
import org.kefir.app.ui.Loading
import org.kefir.app.ui.MinTouch
import org.kefir.app.ui.NotificationCard
import org.kefir.app.ui.PrimaryButton
import org.kefir.app.ui.ScreenScaffold
import org.kefir.app.ui.SecondaryButton
import org.kefir.app.ui.SectionTitle
import org.kefir.app.ui.ToggleChips
import org.kefir.app.ui.label
import org.kefir.app.ui.lock.AppLockSection
import org.kefir.app.ui.lock.confirmWithPrompt
import org.kefir.app.ui.sharedCacheDir
import uniffi.kefir_core.AppLockForm
import uniffi.kefir_core.Weekday

data class SettingsState(
    val reminders: ReminderForm? = null,
    val remindersSaved: Boolean = false,
    val androidBackup: Boolean = false,
    val busy: Boolean = false,
    val error: UiError? = null,
    /** A copied backup file waits for the user's "replace everything" confirmation (ImportFlow). */
    val pendingImport: Boolean = false,
    /** An encrypted backup waits for its passphrase: the core's prompt (and wrong-passphrase message). */
    val importPassphrase: ImportStep.NeedsPassphrase? = null,
    /** The save-a-backup dialog while it is open (its passphrase lives only here, cleared after use). */
    val backupForm: BackupSaveForm? = null,
    /** The app lock's settings (the core's form). */
    val lock: AppLockForm? = null,
    val imported: ImportUi? = null,
    val exported: Boolean = false,
    val wiped: Boolean = false,
)

class SettingsViewModel(private val app: KefirApplication) : ViewModel() {
    private val _state = MutableStateFlow(SettingsState())
    val state: StateFlow<SettingsState> = _state
    private val imports = ImportFlow(app.gateway)

    init {
        viewModelScope.launch {
            (app.appLock.flow.form() as? CoreResult.Ok)?.let { r -> _state.update { it.copy(lock = r.value) } }
        }
        viewModelScope.launch {
            val enabled = app.androidBackup.isEnabled()
            when (val r = loadReminderForm(app.gateway)) {
                is CoreResult.Ok -> _state.update { it.copy(reminders = r.value, androidBackup = enabled) }
                is CoreResult.Failed -> _state.update { it.copy(error = r.error, androidBackup = enabled) }
            }
        }
    }

    fun editReminders(change: (ReminderForm) -> ReminderForm) =
        _state.update { s -> s.copy(reminders = s.reminders?.let(change), remindersSaved = false, error = null) }

    /** saveReminderSettings returns the normalised settings; the write reschedules the alarms. */
    fun saveReminders() {
        val form = _state.value.reminders ?: return
        busy {
            when (val r = app.gateway.write { cx -> saveReminderSettings(form.toSettings(cx.zone)) }) {
                is CoreResult.Ok -> _state.update { it.copy(reminders = ReminderForm.from(r.value, form.newTime), remindersSaved = true) }
                is CoreResult.Failed -> _state.update { it.copy(error = r.error) }
            }
        }
    }

    fun setAndroidBackup(enabled: Boolean) = busy {
        when (val r = app.androidBackup.setEnabled(enabled)) {
            is CoreResult.Ok -> _state.update { it.copy(androidBackup = enabled) }
            is CoreResult.Failed -> _state.update { it.copy(error = r.error) }
        }
    }

    /** "Save a backup file": the core's form, encryption preselected. */
    fun openBackupForm() = busy {
        when (val r = loadBackupSaveForm(app.gateway)) {
            is CoreResult.Ok -> _state.update { it.copy(backupForm = r.value) }
            is CoreResult.Failed -> _state.update { it.copy(error = r.error) }
        }
    }

    /** An edit in the dialog; a new passphrase is judged by the core at once (its verdict shows live). */
    fun editBackup(change: (BackupSaveForm) -> BackupSaveForm) {
        val before = _state.value.backupForm ?: return
        val after = change(before)
        _state.update { it.copy(backupForm = after) }
        if (after.encrypt && after.passphrase.isNotEmpty() && after.passphrase != before.passphrase) {
            val p = after.passphrase
            viewModelScope.launch {
                (judgePassphrase(app.gateway, p) as? CoreResult.Ok)?.let { v ->
                    _state.update { s -> s.copy(backupForm = s.backupForm?.withVerdict(p, v.value)) }
                }
            }
        }
    }

    /** Closing the dialog drops what was typed. */
    fun closeBackupForm() = _state.update { it.copy(backupForm = null) }

    /**
     * exportBackup (encrypted with the form's passphrase, or plain after the
     * warning) into a temp file, then copy it to the document the user
     * created (SAF). The form, passphrase included, is dropped either way.
     */
    fun exportTo(uri: Uri) = busy {
        val form = _state.value.backupForm ?: return@busy
        _state.update { it.copy(backupForm = null) }
        val temp = File(sharedCacheDir(app), backupFileName(form.encrypt))
        when (val r = exportBackupFile(app.gateway, form, temp)) {
            is CoreResult.Ok -> {
                val copied = withContext(Dispatchers.IO) {
                    runCatching {
                        app.contentResolver.openOutputStream(uri, "wt")!!.use { out -> temp.inputStream().use { it.copyTo(out) } }
                    }.also { temp.delete() }
                }
                _state.update {
                    if (copied.isSuccess) it.copy(exported = true) else it.copy(error = UiError(ErrorKind.STORAGE, copied.exceptionOrNull()?.message))
                }
            }
            is CoreResult.Failed -> _state.update { it.copy(error = r.error) }
        }
    }

    /** Copy the chosen document to a private file and try to import it; the core asks for confirmation (ImportFlow). */
    fun importFrom(uri: Uri) = busy {
        val temp = File(sharedCacheDir(app), "import-${System.nanoTime()}.json")
        val copied = withContext(Dispatchers.IO) {
            runCatching { app.contentResolver.openInputStream(uri)!!.use { input -> temp.outputStream().use { input.copyTo(it) } } }
        }
        if (copied.isFailure) {
            withContext(Dispatchers.IO) { temp.delete() }
            _state.update { it.copy(error = UiError(ErrorKind.STORAGE, copied.exceptionOrNull()?.message)) }
            return@busy
        }
        show(imports.start(temp))
    }

    fun confirmImport() = busy { show(imports.confirm()) }

    /** The passphrase for the waiting encrypted backup (not kept in the screen's state). */
    fun unlockImport(passphrase: String) = busy { show(imports.unlock(passphrase)) }

    fun cancelImport() {
        _state.update { it.copy(pendingImport = false, importPassphrase = null) }
        viewModelScope.launch(Dispatchers.IO) { imports.cancel() }
    }

    private fun show(step: ImportStep) = _state.update {
        when (step) {
            is ImportStep.Done -> it.copy(pendingImport = false, importPassphrase = null, imported = step.summary)
            is ImportStep.NeedsConfirmation -> it.copy(pendingImport = true, importPassphrase = null)
            is ImportStep.NeedsPassphrase -> it.copy(pendingImport = false, importPassphrase = step)
            is ImportStep.Failed -> it.copy(pendingImport = false, importPassphrase = null, error = step.error)
            ImportStep.Cancelled -> it.copy(pendingImport = false, importPassphrase = null)
        }
    }

    override fun onCleared() {
        // A copy still waiting for confirmation is deleted with the screen (and any passphrase with it).
        imports.cancel()
        _state.update { it.copy(backupForm = null) }
    }

    /** The app lock on/off or its delay; the app stays open (AppLockController.save). */
    fun saveLock(settings: uniffi.kefir_core.AppLockSettings) {
        app.appLock.save(settings) { r ->
            when (r) {
                is CoreResult.Ok -> _state.update { it.copy(lock = r.value) }
                is CoreResult.Failed -> _state.update { it.copy(error = r.error) }
            }
        }
    }

    /** After the confirmation dialog: wipeEverything(confirmed = true); the Android backup copy goes too. */
    fun wipe() = busy {
        when (val r = app.gateway.write { wipeEverything(true) }) {
            is CoreResult.Ok -> {
                app.androidBackup.setEnabled(false)
                _state.update { it.copy(wiped = true) }
            }
            is CoreResult.Failed -> _state.update { it.copy(error = r.error) }
        }
    }

    private fun busy(block: suspend () -> Unit) {
        if (_state.value.busy) return
        viewModelScope.launch {
            _state.update { it.copy(busy = true, error = null, imported = null, exported = false) }
            try {
                block()
            } finally {
                _state.update { it.copy(busy = false) }
            }
        }
    }
}

@Composable
fun SettingsScreen(onBack: () -> Unit, onWiped: () -> Unit, vm: SettingsViewModel = viewModel(factory = KefirViewModelFactory)) {
    val s by vm.state.collectAsStateWithLifecycle()
    val context = LocalContext.current
    val app = context.applicationContext as KefirApplication
    var confirmWipe by remember { mutableStateOf(false) }
    var notificationsAllowed by remember { mutableStateOf(notificationsAllowed(context)) }
    var exactAllowed by remember { mutableStateOf(app.reminders.canScheduleExact()) }
    var noSettings by remember { mutableStateOf(false) }
    LifecycleEventEffect(Lifecycle.Event.ON_RESUME) {
        notificationsAllowed = notificationsAllowed(context)
        exactAllowed = app.reminders.canScheduleExact()
    }
    LaunchedEffect(s.wiped) { if (s.wiped) onWiped() }

    val askNotifications = rememberLauncherForActivityResult(ActivityResultContracts.RequestPermission()) { granted ->
        notificationsAllowed = granted
    }
    // One document type each: an encrypted backup is an age file, a plain one JSON.
    val createPlainBackup = rememberLauncherForActivityResult(ActivityResultContracts.CreateDocument(backupMimeType(false))) { uri ->
        if (uri != null) vm.exportTo(uri) else vm.closeBackupForm()
    }
    val createEncryptedBackup = rememberLauncherForActivityResult(ActivityResultContracts.CreateDocument(backupMimeType(true))) { uri ->
        if (uri != null) vm.exportTo(uri) else vm.closeBackupForm()
    }
    val openBackup = rememberLauncherForActivityResult(ActivityResultContracts.OpenDocument()) { uri ->
        uri?.let(vm::importFrom)
    }

    ScreenScaffold(title = stringResource(R.string.title_settings), onBack = onBack) {
        // --- reminders ---
        SectionTitle(stringResource(R.string.section_reminders))
        // Always shown here while reminders cannot appear (Today's card can be dismissed).
        NotificationCard(onToday = false)
        if (!exactAllowed && Build.VERSION.SDK_INT >= Build.VERSION_CODES.S) {
            Text(stringResource(R.string.exact_alarms_off), style = MaterialTheme.typography.bodyMedium)
            SecondaryButton(stringResource(R.string.action_allow_exact_alarms)) {
                noSettings = !NotificationSettings.openExactAlarmSettings(context)
            }
            if (noSettings) Text(stringResource(R.string.settings_unavailable), color = MaterialTheme.colorScheme.error)
        }
        val form = s.reminders
        if (form == null) {
            if (s.error == null) Loading()
        } else {
            ReminderFields(form, s.error, vm, s.lock)
            if (s.remindersSaved) Text(stringResource(R.string.reminders_saved), style = MaterialTheme.typography.bodyMedium)
            PrimaryButton(stringResource(R.string.action_save_reminders), enabled = !s.busy) {
                // Ask for notifications when the user sets reminders, not at first launch.
                if (!notificationsAllowed && Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU) {
                    NotificationSettings.markAsked(context)
                    askNotifications.launch(Manifest.permission.POST_NOTIFICATIONS)
                }
                vm.saveReminders()
            }
        }

        // --- backup ---
        SectionTitle(stringResource(R.string.section_backup))
        SwitchRow(stringResource(R.string.android_backup_switch), s.androidBackup, enabled = !s.busy, onChange = vm::setAndroidBackup)
        Text(stringResource(R.string.android_backup_explain), style = MaterialTheme.typography.bodySmall)
        SecondaryButton(stringResource(R.string.action_export_backup), enabled = !s.busy) { vm.openBackupForm() }
        SecondaryButton(stringResource(R.string.action_import_backup), enabled = !s.busy) {
            // The picker's result must reach this screen: leaving for it does not cover (AppLockFlow).
            app.appLock.flow.externalScreenStarted()
            openBackup.launch(arrayOf("application/json", "application/octet-stream", "text/plain"))
        }
        if (s.exported) Text(stringResource(R.string.backup_exported), style = MaterialTheme.typography.bodyMedium)
        s.imported?.let {
            Text(
                stringResource(R.string.backup_imported, it.drinks.toInt(), it.checkins.toInt(), it.reactions.toInt(), it.doses.toInt(), it.plans.toInt()),
                style = MaterialTheme.typography.bodyMedium,
            )
        }
        ErrorText(s.error)

        // --- app lock (issue 17): the core's texts and choices ---
        s.lock?.let { lock ->
            AppLockSection(
                lock,
                // Only turning it on needs a prompt this phone can show; turning it off never does.
                enabled = lockSwitchEnabled(lock, app.appLock.canAuthenticate(), s.busy),
                onToggle = { on ->
                    if (on) {
                        // The prompt first: the person knows it works here before it guards the diary.
                        confirmWithPrompt(context, lock) { vm.saveLock(lock.settings.copy(enabled = true)) }
                    } else {
                        vm.saveLock(lock.settings.copy(enabled = false))
                    }
                },
                onDelay = { minutes -> vm.saveLock(lock.settings.copy(afterMinutes = minutes)) },
            ) { label, checked, enabled, onChange -> SwitchRow(label, checked, enabled, onChange) }
        }

        // --- delete everything ---
        SectionTitle(stringResource(R.string.section_delete))
        Text(stringResource(R.string.delete_explain), style = MaterialTheme.typography.bodyMedium)
        SecondaryButton(stringResource(R.string.action_delete_everything), enabled = !s.busy) { confirmWipe = true }
    }

    if (confirmWipe) {
        AlertDialog(
            onDismissRequest = { confirmWipe = false },
            title = { Text(stringResource(R.string.delete_confirm_title)) },
            text = { Text(stringResource(R.string.delete_confirm_text)) },
            confirmButton = {
                TextButton(onClick = {
                    confirmWipe = false
                    vm.wipe()
                }) { Text(stringResource(R.string.action_delete_everything), color = MaterialTheme.colorScheme.error) }
            },
            dismissButton = { TextButton(onClick = { confirmWipe = false }) { Text(stringResource(R.string.action_cancel)) } },
        )
    }
    s.backupForm?.let { form ->
        BackupDialog(form, busy = s.busy, edit = vm::editBackup, onCancel = vm::closeBackupForm) {
            val name = backupFileName(form.encrypt)
            app.appLock.flow.externalScreenStarted()
            if (form.encrypt) createEncryptedBackup.launch(name) else createPlainBackup.launch(name)
        }
    }
    s.importPassphrase?.let { ask -> ImportPassphraseDialog(ask, busy = s.busy, onOpen = vm::unlockImport, onCancel = vm::cancelImport) }
    if (s.pendingImport) {
        AlertDialog(
            onDismissRequest = vm::cancelImport,
            title = { Text(stringResource(R.string.import_confirm_title)) },
            text = { Text(stringResource(R.string.import_confirm_text)) },
            confirmButton = { TextButton(onClick = vm::confirmImport) { Text(stringResource(R.string.action_replace)) } },
            dismissButton = { TextButton(onClick = vm::cancelImport) { Text(stringResource(R.string.action_cancel)) } },
        )
    }
}

/**
 * Saving a backup: every text is the core's BackupForm. Encrypted is
 * preselected; Save needs the core's verdict to be acceptable and both
 * fields to match (BackupSaveForm.canSave), or, for a plain backup, the
 * core's warning confirmed.
 */
@Composable
private fun BackupDialog(form: BackupSaveForm, busy: Boolean, edit: ((BackupSaveForm) -> BackupSaveForm) -> Unit, onCancel: () -> Unit, onSave: () -> Unit) {
    val t = form.texts
    // One "Show passphrase" for both fields.
    var visible by remember { mutableStateOf(false) }
    AlertDialog(
        onDismissRequest = onCancel,
        // No screenshot, recording or recents thumbnail of a passphrase, even with the app lock off.
        properties = DialogProperties(securePolicy = SecureFlagPolicy.SecureOn),
        title = { Text(t.title) },
        text = {
            Column(Modifier.verticalScroll(rememberScrollState()), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                CheckRow(t.encryptLabel, form.encrypt) { on -> edit { it.withEncrypt(on) } }
                if (form.encrypt) {
                    Text(t.passphraseHelp, style = MaterialTheme.typography.bodySmall)
                    PassphraseField(form.passphrase, t.passphraseLabel, isError = false, visible) { p -> edit { it.withPassphrase(p) } }
                    form.verdict?.let { v ->
                        Text(
                            v.levelLabel,
                            style = MaterialTheme.typography.titleSmall,
                            color = if (v.acceptable) MaterialTheme.colorScheme.onSurface else MaterialTheme.colorScheme.error,
                            // TalkBack says the new verdict as the person types.
                            modifier = Modifier.semantics { liveRegion = LiveRegionMode.Polite },
                        )
                        v.reasons.forEach { Text(it, style = MaterialTheme.typography.bodySmall) }
                    }
                    PassphraseField(form.repeat, t.repeatLabel, isError = form.mismatch, visible) { p -> edit { it.withRepeat(p) } }
                    CheckRow(stringResource(R.string.action_show_passphrase), visible) { visible = it }
                    if (form.mismatch) Text(t.mismatchMessage, color = MaterialTheme.colorScheme.error, style = MaterialTheme.typography.bodySmall)
                } else {
                    Text(t.plainWarning, color = MaterialTheme.colorScheme.error, style = MaterialTheme.typography.bodyMedium)
                    if (form.plainWarningPending) {
                        TextButton(onClick = { edit { it.confirmPlain() } }, modifier = Modifier.heightIn(min = MinTouch)) { Text(t.plainConfirmLabel) }
                    }
                }
            }
        },
        confirmButton = { TextButton(onClick = onSave, enabled = form.canSave && !busy) { Text(stringResource(R.string.action_save)) } },
        dismissButton = { TextButton(onClick = onCancel) { Text(stringResource(R.string.action_cancel)) } },
    )
}

/** The core's import prompt for an encrypted backup, and its message after a wrong passphrase. */
@Composable
private fun ImportPassphraseDialog(ask: ImportStep.NeedsPassphrase, busy: Boolean, onOpen: (String) -> Unit, onCancel: () -> Unit) {
    // Kept only while the dialog is shown, and emptied on every try (a second wrong try is an equal prompt).
    var passphrase by remember(ask) { mutableStateOf("") }
    var visible by remember { mutableStateOf(false) }
    AlertDialog(
        onDismissRequest = onCancel,
        properties = DialogProperties(securePolicy = SecureFlagPolicy.SecureOn),
        title = { Text(ask.prompt) },
        text = {
            Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
                ask.wrong?.let { Text(it, color = MaterialTheme.colorScheme.error, style = MaterialTheme.typography.bodyMedium) }
                PassphraseField(passphrase, ask.prompt, isError = ask.wrong != null, visible) { passphrase = it }
                CheckRow(stringResource(R.string.action_show_passphrase), visible) { visible = it }
            }
        },
        confirmButton = {
            TextButton(
                onClick = {
                    onOpen(passphrase)
                    passphrase = ""
                },
                enabled = passphrase.isNotEmpty() && !busy,
            ) { Text(stringResource(R.string.action_open_backup)) }
        },
        dismissButton = { TextButton(onClick = onCancel) { Text(stringResource(R.string.action_cancel)) } },
    )
}

/** A passphrase field: hidden unless [visible] (the dialog's one "Show passphrase"); never autofilled or suggested. */
@Composable
private fun PassphraseField(value: String, label: String, isError: Boolean, visible: Boolean, onChange: (String) -> Unit) {
    OutlinedTextField(
        value = value,
        onValueChange = onChange,
        label = { Text(label) },
        singleLine = true,
        isError = isError,
        visualTransformation = if (visible) VisualTransformation.None else PasswordVisualTransformation(),
        keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Password, autoCorrectEnabled = false),
        modifier = Modifier.fillMaxWidth(),
    )
}

@Composable
private fun ReminderFields(form: ReminderForm, error: UiError?, vm: SettingsViewModel, lock: AppLockForm?) {
    Text(stringResource(R.string.field_checkin_times), style = MaterialTheme.typography.titleSmall)
    form.checkinTimes.forEachIndexed { i, t ->
        Row(verticalAlignment = Alignment.CenterVertically, horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            TimeField(t, stringResource(R.string.field_checkin_time_n, i + 1), error?.field == "checkin_times", Modifier.weight(1f)) { v ->
                vm.editReminders { it.withTime(i, v) }
            }
            if (form.checkinTimes.size > 1) {
                TextButton(onClick = { vm.editReminders { it.removeTime(i) } }, modifier = Modifier.heightIn(min = MinTouch)) {
                    Text(stringResource(R.string.action_remove))
                }
            }
        }
    }
    TextButton(onClick = { vm.editReminders { it.addTime() } }, modifier = Modifier.heightIn(min = MinTouch)) {
        Text(stringResource(R.string.action_add_time))
    }
    Text(stringResource(R.string.field_days), style = MaterialTheme.typography.titleSmall)
    ToggleChips(Weekday.entries, form.days, { stringResource(it.label()) }) { d -> vm.editReminders { it.toggle(d) } }
    TimeField(form.drinkReminder, stringResource(R.string.field_drink_reminder), error?.field == "drink_reminder") { v ->
        vm.editReminders { it.copy(drinkReminder = v) }
    }
    TimeField(form.quietStart, stringResource(R.string.field_quiet_start), error?.field == "quiet_start") { v ->
        vm.editReminders { it.copy(quietStart = v) }
    }
    TimeField(form.quietEnd, stringResource(R.string.field_quiet_end), error?.field == "quiet_end") { v ->
        vm.editReminders { it.copy(quietEnd = v) }
    }
    CheckRow(stringResource(R.string.field_spacing_alerts), form.spacingAlerts) { c -> vm.editReminders { it.copy(spacingAlerts = c) } }
    // What reminders show on the lock screen (issue 17): the core's label and help; saved with the reminders.
    lock?.let { l ->
        CheckRow(l.lockScreenLabel, form.fullTextOnLockScreen, supporting = l.lockScreenHelp) { c ->
            vm.editReminders { it.copy(fullTextOnLockScreen = c) }
        }
    }
}

/** `HH:MM`, typed; the core checks and normalises it. */
@Composable
private fun TimeField(value: String, label: String, isError: Boolean, modifier: Modifier = Modifier.fillMaxWidth(), onChange: (String) -> Unit) {
    OutlinedTextField(
        value = value,
        onValueChange = onChange,
        label = { Text(label) },
        placeholder = { Text(stringResource(R.string.time_placeholder)) },
        singleLine = true,
        isError = isError,
        keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Number),
        modifier = modifier,
    )
}

@Composable
private fun SwitchRow(text: String, checked: Boolean, enabled: Boolean, onChange: (Boolean) -> Unit) {
    Row(
        Modifier
            .fillMaxWidth()
            .heightIn(min = MinTouch)
            .toggleable(value = checked, enabled = enabled, role = Role.Switch, onValueChange = onChange),
        verticalAlignment = Alignment.CenterVertically,
    ) {
        Text(text, modifier = Modifier.weight(1f).padding(end = 12.dp), style = MaterialTheme.typography.bodyLarge)
        Switch(checked = checked, onCheckedChange = null, enabled = enabled)
    }
}

private fun notificationsAllowed(context: Context): Boolean =
    Build.VERSION.SDK_INT < Build.VERSION_CODES.TIRAMISU ||
        ContextCompat.checkSelfPermission(context, Manifest.permission.POST_NOTIFICATIONS) == PackageManager.PERMISSION_GRANTED
