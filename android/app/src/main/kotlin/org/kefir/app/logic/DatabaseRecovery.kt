package org.kefir.app.logic

import java.io.File
import java.time.Instant
import uniffi.kefir_core.ImportMode
import uniffi.kefir_ffi.InternalException
import uniffi.kefir_ffi.KefirApp
import uniffi.kefir_ffi.KefirException

/** What the start screen offers when the database did not open. */
enum class RecoveryOption {
    /** Pick a backup file: it is imported into a new database, and only then the old file is set aside. */
    RESTORE_BACKUP,

    /** Set the old file aside (kept, renamed) and start with an empty journal. */
    START_FRESH,

    /** Try to open again (a passing I/O problem, a full disk that was freed). */
    RETRY,
}

/**
 * The ways out of a failed open, by the core's error kind. Only an unreadable
 * file offers restore and a fresh start; a database written by a newer app
 * is never set aside (updating the app opens it), and storage errors are
 * retried.
 */
fun recoveryOptions(error: UiError): List<RecoveryOption> = when (error.kind) {
    ErrorKind.DATABASE_UNREADABLE -> listOf(RecoveryOption.RESTORE_BACKUP, RecoveryOption.START_FRESH, RecoveryOption.RETRY)
    else -> listOf(RecoveryOption.RETRY)
}

sealed interface RecoveryResult {
    /** The old files now live at [asideFiles] (renamed, byte for byte); [imported] is null for a fresh start. */
    data class Recovered(val asideFiles: List<File>, val imported: ImportUi?) : RecoveryResult

    /** Nothing was moved: the old file is where it was. */
    data class Failed(val error: UiError) : RecoveryResult
}

/**
 * Gets a user whose database cannot be opened going again without losing
 * anything: the old file and its SQLite companions are only ever renamed to
 * `kefir.db.unreadable-<instant>` (and `-wal`, `-shm`, `-journal` after it),
 * never deleted or written. Call only while no connection is open on
 * [dbFile] (the failed-open state: CoreGateway opens lazily and retries its
 * opener on the next call). [open] opens a KefirApp on a path (the real one
 * in the app and the tests); [locale] is the app's language for the
 * import's texts.
 */
class DatabaseRecovery(
    private val dbFile: File,
    private val locale: ShellLocale = deviceLocaleTag,
    private val open: (String) -> KefirApp,
) {
    /** Rename the database and its companions aside; then the next open creates an empty journal. */
    fun startFresh(now: Instant): RecoveryResult = try {
        RecoveryResult.Recovered(setAside(now), imported = null)
    } catch (e: java.io.IOException) {
        RecoveryResult.Failed(UiError(ErrorKind.STORAGE, e.message))
    }

    /**
     * Import [backup] into a new database next to the old one (mode
     * INTO_EMPTY, so the core validates the whole file first). Only if that
     * succeeds is the old file set aside and the new one moved into its
     * place; a refused backup leaves everything as it was. An encrypted
     * backup needs its [passphrase]: without one (or with a wrong one) the
     * result is `Failed` with `PASSPHRASE_REQUIRED` (`WRONG_PASSPHRASE`),
     * nothing moved, and the caller asks with the core's `BackupForm` texts
     * and calls again.
     */
    fun restore(backup: File, now: Instant, passphrase: String? = null): RecoveryResult {
        val staging = File(dbFile.parentFile, dbFile.name + STAGING)
        companions(staging).forEach { it.delete() } // our own leftovers from an interrupted restore
        val imported = try {
            val app = open(staging.path)
            try {
                app.importBackup(backup.path, passphrase, ImportMode.INTO_EMPTY, false, now, locale.tag()).toUi()
            } finally {
                app.close()
            }
        } catch (e: KefirException) {
            companions(staging).forEach { it.delete() }
            return RecoveryResult.Failed(e.toUiError())
        } catch (e: InternalException) {
            companions(staging).forEach { it.delete() }
            return RecoveryResult.Failed(UiError(ErrorKind.INTERNAL, e.message))
        }
        return try {
            val aside = setAside(now)
            for ((from, to) in companions(staging).zip(companions(dbFile))) {
                if (from.exists() && !from.renameTo(to)) throw java.io.IOException("cannot move $from to $to")
            }
            RecoveryResult.Recovered(aside, imported)
        } catch (e: java.io.IOException) {
            RecoveryResult.Failed(UiError(ErrorKind.STORAGE, e.message))
        }
    }

    /** The files a fresh start or restore set aside before, oldest name first. */
    fun asideFiles(): List<File> =
        dbFile.parentFile?.listFiles { f -> f.name.startsWith(dbFile.name + ASIDE) }?.sortedBy { it.name }.orEmpty()

    private fun setAside(now: Instant): List<File> {
        // `2025-03-10T08-30-00Z`: the instant, with ':' (not allowed on every file system) replaced.
        val stamp = now.toString().replace(':', '-')
        var base = File(dbFile.parentFile, dbFile.name + ASIDE + stamp)
        var n = 1
        while (companions(base).any { it.exists() }) base = File(dbFile.parentFile, dbFile.name + ASIDE + stamp + "-" + n++)
        val moved = mutableListOf<File>()
        for ((from, to) in companions(dbFile).zip(companions(base))) {
            if (!from.exists()) continue
            if (!from.renameTo(to)) throw java.io.IOException("cannot move $from to $to")
            moved += to
        }
        return moved
    }

    private fun companions(main: File): List<File> = SUFFIXES.map { File(main.parentFile, main.name + it) }

    companion object {
        /** SQLite's files for one database: the main file, then its write-ahead log, shared memory and rollback journal. */
        val SUFFIXES = listOf("", "-wal", "-shm", "-journal")
        const val ASIDE = ".unreadable-"
        private const val STAGING = ".restoring"
    }
}

/**
 * The passphrase question for a backup the core could not open without one
 * ([error] is `PASSPHRASE_REQUIRED` or `WRONG_PASSPHRASE`), with the core's
 * texts in [locale]; null for any other error. Needs no database (the
 * failed-open screen has none): `backupForm` is a plain core function.
 */
fun passphraseQuestion(error: UiError, locale: String): ImportStep.NeedsPassphrase? {
    if (error.kind != ErrorKind.PASSPHRASE_REQUIRED && error.kind != ErrorKind.WRONG_PASSPHRASE) return null
    val texts = try {
        uniffi.kefir_ffi.backupForm(locale)
    } catch (e: KefirException) {
        return null
    }
    return ImportStep.NeedsPassphrase(texts.importPassphrasePrompt, if (error.kind == ErrorKind.WRONG_PASSPHRASE) texts.wrongPassphraseMessage else null)
}
