package org.kefir.app.logic

import java.io.File
import uniffi.kefir_core.BackupForm
import uniffi.kefir_core.PassphraseVerdict
import uniffi.kefir_ffi.backupForm
import uniffi.kefir_ffi.passphraseStrength

/**
 * The "save a backup" form (issue 17). Every text is the core's [texts]
 * (`backupForm(locale)`); the shell only keeps what the user typed and chose:
 *
 * - encryption is preselected as the core says (`encryptByDefault`);
 * - with encryption, Save needs the core's verdict on the passphrase
 *   ([verdict], from `passphraseStrength`, for exactly the passphrase now in
 *   the field) to be `acceptable`, and both fields to match;
 * - without it, Save needs the core's `plainWarning` confirmed
 *   ([plainConfirmed], the `plainConfirmLabel` button).
 *
 * The passphrase lives only in this value: never logged or persisted, and
 * [cleared] drops it after an export.
 */
data class BackupSaveForm(
    val texts: BackupForm,
    val encrypt: Boolean = texts.encryptByDefault,
    val passphrase: String = "",
    val repeat: String = "",
    /** The core's verdict on [passphrase]; null while it is being judged (or empty). */
    val verdict: PassphraseVerdict? = null,
    /** The user confirmed the core's warning before a plain backup. */
    val plainConfirmed: Boolean = false,
) {
    /** Show the core's `mismatchMessage`: something is typed in the repeat field and it differs. */
    val mismatch: Boolean get() = encrypt && repeat.isNotEmpty() && repeat != passphrase

    /** Show the core's `plainWarning` with its confirm button: a plain backup was chosen and not yet confirmed. */
    val plainWarningPending: Boolean get() = !encrypt && !plainConfirmed

    val canSave: Boolean
        get() = if (encrypt) {
            passphrase.isNotEmpty() && passphrase == repeat && verdict?.acceptable == true
        } else {
            plainConfirmed
        }

    /** What `exportBackup` gets: the passphrase with encryption, null for a plain backup. */
    val passphraseToSend: String? get() = if (encrypt) passphrase else null

    /** Never the passphrase or its repeat (a log line or crash report of the state must not carry them). */
    override fun toString(): String =
        "BackupSaveForm(encrypt=$encrypt, passphrase=${if (passphrase.isEmpty()) "" else "…"}, repeat=${if (repeat.isEmpty()) "" else "…"}, " +
            "verdict=${verdict?.level}, plainConfirmed=$plainConfirmed)"

    /** A new passphrase: the old verdict no longer applies. */
    fun withPassphrase(p: String) = copy(passphrase = p, verdict = null)

    fun withRepeat(p: String) = copy(repeat = p)

    /** The core's verdict for [forPassphrase]; ignored when the field changed meanwhile (a late answer). */
    fun withVerdict(forPassphrase: String, v: PassphraseVerdict) = if (forPassphrase == passphrase) copy(verdict = v) else this

    /** Encrypt or not; turning encryption back on asks the warning again next time. */
    fun withEncrypt(on: Boolean) = copy(encrypt = on, plainConfirmed = false)

    fun confirmPlain() = copy(plainConfirmed = true)

    /** The same form with the passphrase fields and verdict emptied (after an export, or when the screen closes). */
    fun cleared() = copy(passphrase = "", repeat = "", verdict = null, plainConfirmed = false)
}

/** The save-a-backup form, fresh, with the core's texts in the app's language. */
suspend fun loadBackupSaveForm(gateway: CoreGateway): CoreResult<BackupSaveForm> =
    gateway.read { cx -> BackupSaveForm(backupForm(cx.locale)) }

/** The core's live verdict on [passphrase] (no database involved; runs off the main thread like every call). */
suspend fun judgePassphrase(gateway: CoreGateway, passphrase: String): CoreResult<PassphraseVerdict> =
    gateway.read { cx -> passphraseStrength(passphrase, cx.locale) }

/**
 * Write the backup to [file] as the form says: encrypted with its passphrase,
 * or plain after the confirmed warning. A form that cannot be saved yet
 * ([BackupSaveForm.canSave] false) writes nothing and says why with the
 * core's own text (the mismatch message, the verdict's reasons, the plain
 * warning). The core judges the passphrase again and refuses a weak one
 * (`INVALID_INPUT` on `passphrase`).
 */
suspend fun exportBackupFile(gateway: CoreGateway, form: BackupSaveForm, file: File): CoreResult<Unit> {
    if (!form.canSave) {
        val why = when {
            !form.encrypt -> form.texts.plainWarning
            form.passphrase != form.repeat -> form.texts.mismatchMessage
            else -> form.verdict?.reasons?.joinToString("\n")
        }
        return CoreResult.Failed(UiError(ErrorKind.INVALID_INPUT, why, field = "passphrase"))
    }
    val secret = form.passphraseToSend
    return gateway.read { cx -> exportBackup(file.path, secret, cx.now, cx.locale) }
}
