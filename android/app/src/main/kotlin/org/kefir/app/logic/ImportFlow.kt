package org.kefir.app.logic

import java.io.File
import uniffi.kefir_core.ImportMode

/** Where an import stands, for the Settings screen. */
sealed interface ImportStep {
    /** Imported: what came in. The copied file has been deleted. */
    data class Done(val summary: ImportUi) : ImportStep

    /**
     * The core asks before replacing what is on this device ([what] is its
     * text, verbatim). Nothing changed yet; the copy is kept for [ImportFlow.confirm].
     */
    data class NeedsConfirmation(val what: String?) : ImportStep

    /** Refused or failed; nothing changed, and the copy has been deleted. */
    data class Failed(val error: UiError) : ImportStep

    /** The user cancelled; nothing changed, and the copy has been deleted. */
    data object Cancelled : ImportStep
}

/**
 * Importing a backup the user picked: [start] with a private copy of the file.
 * Into an empty journal it is imported at once (`INTO_EMPTY`); when there is
 * data the core refuses that, and `REPLACE` without confirmation returns the
 * core's question: the copy is then held until the user confirms ([confirm]:
 * `REPLACE` with `confirmed = true`) or cancels ([cancel]).
 * Every way out deletes the copy. One import at a time: a [start] while
 * another waits for confirmation cancels the older one.
 */
class ImportFlow(private val gateway: CoreGateway) {
    private var pending: File? = null

    /** The copied file waiting for confirmation, if any. */
    val waiting: File? @Synchronized get() = pending

    suspend fun start(copy: File): ImportStep {
        cancel()
        return run(copy, confirmed = false)
    }

    /** Replace everything with the waiting file. Without a waiting file: [ImportStep.Cancelled]. */
    suspend fun confirm(): ImportStep {
        val file = take() ?: return ImportStep.Cancelled
        return run(file, confirmed = true)
    }

    fun cancel(): ImportStep {
        take()?.delete()
        return ImportStep.Cancelled
    }

    @Synchronized
    private fun take(): File? = pending.also { pending = null }

    private suspend fun run(file: File, confirmed: Boolean): ImportStep {
        val r = if (confirmed) {
            gateway.write { importBackup(file.path, ImportMode.REPLACE, true, it.now, it.locale) }
        } else {
            // An empty journal takes the backup without a question; one with
            // data answers NOT_ALLOWED, and then the core's question is asked.
            val intoEmpty = gateway.write { importBackup(file.path, ImportMode.INTO_EMPTY, false, it.now, it.locale) }
            if (intoEmpty is CoreResult.Failed && intoEmpty.error.kind == ErrorKind.NOT_ALLOWED) {
                gateway.write { importBackup(file.path, ImportMode.REPLACE, false, it.now, it.locale) }
            } else {
                intoEmpty
            }
        }
        val step = when (r) {
            is CoreResult.Ok -> ImportStep.Done(r.value.toUi())
            is CoreResult.Failed ->
                if (r.error.kind == ErrorKind.NEEDS_CONFIRMATION && !confirmed) {
                    ImportStep.NeedsConfirmation(r.error.detail)
                } else {
                    ImportStep.Failed(r.error)
                }
        }
        if (step is ImportStep.NeedsConfirmation) {
            synchronized(this) { pending = file }
        } else {
            file.delete()
        }
        return step
    }
}
