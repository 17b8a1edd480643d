package org.kefir.app.logic

import uniffi.kefir_ffi.KefirException

/**
 * What the UI does about a failed call. The Android shell picks its own
 * label for each kind from strings.xml and shows [detail] (text written by
 * the core) under it, verbatim.
 */
enum class ErrorKind {
    /** Show [UiError.detail] next to the input named [UiError.field]; nothing was stored. */
    INVALID_INPUT,

    /** The shell could not read a number the user typed into [UiError.field] (never reaches the core). */
    NOT_A_NUMBER,

    /** The item is gone: refresh the screen. */
    NOT_FOUND,

    /** Refused in the current state: show the reason and rule ids. */
    NOT_ALLOWED,

    /** Ask the user to confirm, then call again with `confirmed = true`. */
    NEEDS_CONFIRMATION,

    /** The database file is not readable: offer to restore a backup. */
    DATABASE_UNREADABLE,

    /** Written by a newer app: ask the user to update. */
    DATABASE_TOO_NEW,

    /** The backup file was refused; nothing changed. */
    BACKUP_REJECTED,

    /** The backup is encrypted: ask for its passphrase (the core's `BackupForm.importPassphrasePrompt`), then call again. */
    PASSPHRASE_REQUIRED,

    /** The passphrase does not open the backup: show `BackupForm.wrongPassphraseMessage` and ask again. Nothing changed. */
    WRONG_PASSPHRASE,
    STORAGE_FULL,

    /** Reading or writing failed; the call can be retried. */
    STORAGE,

    /** A bug: report it. */
    INTERNAL,
}

data class UiError(
    val kind: ErrorKind,
    /** Core-written text (reason, detail), shown verbatim; null when the kind says it all. */
    val detail: String? = null,
    /** The input field the error is about (core field names such as `ml`, `start_ml`). */
    val field: String? = null,
    val ruleIds: List<String> = emptyList(),
)

fun KefirException.toUiError(): UiError = when (this) {
    is KefirException.InvalidInput -> UiError(ErrorKind.INVALID_INPUT, reason, field = field)
    is KefirException.NotFound -> UiError(ErrorKind.NOT_FOUND, what)
    is KefirException.NotAllowed -> UiError(ErrorKind.NOT_ALLOWED, reason, ruleIds = ruleIds)
    is KefirException.ConfirmationRequired -> UiError(ErrorKind.NEEDS_CONFIRMATION, what)
    is KefirException.DatabaseUnreadable -> UiError(ErrorKind.DATABASE_UNREADABLE, detail)
    is KefirException.DatabaseTooNew -> UiError(ErrorKind.DATABASE_TOO_NEW, "$found > $supported")
    is KefirException.BackupRejected -> UiError(ErrorKind.BACKUP_REJECTED, reason)
    is KefirException.PassphraseRequired -> UiError(ErrorKind.PASSPHRASE_REQUIRED)
    is KefirException.WrongPassphrase -> UiError(ErrorKind.WRONG_PASSPHRASE)
    is KefirException.StorageFull -> UiError(ErrorKind.STORAGE_FULL)
    is KefirException.Storage -> UiError(ErrorKind.STORAGE, detail)
    is KefirException.Internal -> UiError(ErrorKind.INTERNAL, detail)
}

/** A screen's state: loading, ready (with the last action's error, if any), or failed to load. */
sealed interface ScreenState<out T> {
    data object Loading : ScreenState<Nothing>
    data class Ready<T>(val ui: T, val actionError: UiError? = null) : ScreenState<T>
    data class Failed(val error: UiError) : ScreenState<Nothing>
}

fun <T> CoreResult<T>.toScreenState(): ScreenState<T> = when (this) {
    is CoreResult.Ok -> ScreenState.Ready(value)
    is CoreResult.Failed -> ScreenState.Failed(error)
}
