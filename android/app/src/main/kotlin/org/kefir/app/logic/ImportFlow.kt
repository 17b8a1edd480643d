package org.kefir.app.logic

import java.io.File
import uniffi.kefir_core.ImportMode

/** Where an import stands, for the Settings screen. */
sealed interface ImportStep {
    /** Imported: what came in. The copied file has been deleted. */
    data class Done(val summary: ImportUi) : ImportStep

    /**
     * The core asks before replacing what is on this device ([what] is its
     * text, verbatim). Nothing changed yet; the copy (and the passphrase that
     * opened it, if any) is kept for [ImportFlow.confirm].
     */
    data class NeedsConfirmation(val what: String?) : ImportStep

    /**
     * The backup is encrypted (age, passphrase): ask for the passphrase with
     * [prompt] (the core's `BackupForm.importPassphrasePrompt`) and pass it to
     * [ImportFlow.unlock]. [wrong] is the core's `wrongPassphraseMessage` after
     * a passphrase that did not open it, null the first time. Nothing changed;
     * the copy is kept.
     */
    data class NeedsPassphrase(val prompt: String, val wrong: String?) : ImportStep

    /** Refused or failed; nothing changed, and the copy has been deleted. */
    data class Failed(val error: UiError) : ImportStep

    /** The user cancelled; nothing changed, and the copy has been deleted. */
    data object Cancelled : ImportStep
}

/**
 * Importing a backup the user picked: [start] with a private copy of the file.
 * The first call passes no passphrase. For an encrypted backup the core
 * answers `PassphraseRequired`: the copy is held and [ImportStep.NeedsPassphrase]
 * asks for it; [unlock] tries again with the passphrase, and a wrong one asks
 * again with the core's message. Into an empty journal the backup is imported
 * at once (`INTO_EMPTY`); when there is data the core refuses that, and
 * `REPLACE` without confirmation returns the core's question: the copy (and
 * the passphrase that opened it) is then held until the user confirms
 * ([confirm]: `REPLACE` with `confirmed = true`) or cancels ([cancel]).
 *
 * Every way out deletes the copy and drops the passphrase (it is never
 * logged or written anywhere; a JVM string cannot be wiped, so the flow only
 * keeps no reference to it once done). One import at a time: a [start] while
 * another waits cancels the older one.
 */
class ImportFlow(private val gateway: CoreGateway) {
    private var pending: File? = null
    private var passphrase: String? = null

    /** The copied file waiting for a passphrase or confirmation, if any. */
    val waiting: File? @Synchronized get() = pending

    /** Whether a passphrase is held (only while a confirmation is asked). */
    val holdsPassphrase: Boolean @Synchronized get() = passphrase != null

    suspend fun start(copy: File): ImportStep {
        cancel()
        return run(copy, null, confirmed = false)
    }

    /** Try the waiting encrypted file with [passphrase]. Without a waiting file: [ImportStep.Cancelled]. */
    suspend fun unlock(passphrase: String): ImportStep {
        val (file, _) = take() ?: return ImportStep.Cancelled
        return run(file, passphrase, confirmed = false)
    }

    /** Replace everything with the waiting file. Without a waiting file: [ImportStep.Cancelled]. */
    suspend fun confirm(): ImportStep {
        val (file, secret) = take() ?: return ImportStep.Cancelled
        return run(file, secret, confirmed = true)
    }

    fun cancel(): ImportStep {
        take()?.first?.delete()
        return ImportStep.Cancelled
    }

    @Synchronized
    private fun take(): Pair<File, String?>? {
        val file = pending ?: return null
        val secret = passphrase
        pending = null
        passphrase = null
        return file to secret
    }

    @Synchronized
    private fun hold(file: File, secret: String?) {
        pending = file
        passphrase = secret
    }

    private suspend fun run(file: File, secret: String?, confirmed: Boolean): ImportStep {
        val r = if (confirmed) {
            gateway.write { importBackup(file.path, secret, ImportMode.REPLACE, true, it.now, it.locale) }
        } else {
            // An empty journal takes the backup without a question; one with
            // data answers NOT_ALLOWED, and then the core's question is asked.
            val intoEmpty = gateway.write { importBackup(file.path, secret, ImportMode.INTO_EMPTY, false, it.now, it.locale) }
            if (intoEmpty is CoreResult.Failed && intoEmpty.error.kind == ErrorKind.NOT_ALLOWED) {
                gateway.write { importBackup(file.path, secret, ImportMode.REPLACE, false, it.now, it.locale) }
            } else {
                intoEmpty
            }
        }
        val step = when (r) {
            is CoreResult.Ok -> ImportStep.Done(r.value.toUi())
            is CoreResult.Failed -> when (r.error.kind) {
                ErrorKind.NEEDS_CONFIRMATION -> if (confirmed) ImportStep.Failed(r.error) else ImportStep.NeedsConfirmation(r.error.detail)
                ErrorKind.PASSPHRASE_REQUIRED -> passphraseStep(wrong = false)
                ErrorKind.WRONG_PASSPHRASE -> passphraseStep(wrong = true)
                else -> ImportStep.Failed(r.error)
            }
        }
        when (step) {
            // Held with the passphrase that opened it: the confirmed call needs it again.
            is ImportStep.NeedsConfirmation -> hold(file, secret)
            // The wrong (or missing) passphrase is not kept.
            is ImportStep.NeedsPassphrase -> hold(file, null)
            else -> file.delete()
        }
        return step
    }

    /** The core's prompt texts (`backupForm`); if even that fails, the import fails with its error. */
    private suspend fun passphraseStep(wrong: Boolean): ImportStep =
        when (val texts = gateway.read { cx -> uniffi.kefir_ffi.backupForm(cx.locale) }) {
            is CoreResult.Ok -> ImportStep.NeedsPassphrase(texts.value.importPassphrasePrompt, if (wrong) texts.value.wrongPassphraseMessage else null)
            is CoreResult.Failed -> ImportStep.Failed(texts.error)
        }
}
