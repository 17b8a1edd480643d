package org.kefir.app.backup

import android.content.Context
import java.io.File
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.Job
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import org.kefir.app.logic.CoreGateway
import org.kefir.app.logic.CoreResult

/**
 * Opt-in Android Auto Backup. The raw database is never in Android's backup
 * (res/xml/backup_rules.xml, data_extraction_rules.xml include only
 * `files/android-backup/` and preferences). When the user turns on "Include
 * in Android backup", the core's own backup file (versioned, validated on
 * import) is kept in that directory and refreshed shortly after each write;
 * turning it off deletes it.
 */
class AndroidBackupSnapshot(
    private val context: Context,
    private val gateway: CoreGateway,
    private val scope: CoroutineScope,
) {
    private val prefs = context.getSharedPreferences(PREFS, Context.MODE_PRIVATE)
    private var pending: Job? = null

    val file: File get() = File(File(context.filesDir, DIR), FILE)

    suspend fun isEnabled(): Boolean = withContext(Dispatchers.IO) { prefs.getBoolean(KEY_ENABLED, false) }

    suspend fun setEnabled(enabled: Boolean): CoreResult<Unit> {
        withContext(Dispatchers.IO) { prefs.edit().putBoolean(KEY_ENABLED, enabled).commit() }
        return if (enabled) {
            refreshNow()
        } else {
            withContext(Dispatchers.IO) { file.delete() }
            CoreResult.Ok(Unit)
        }
    }

    /** Debounced: several writes in a row give one export. */
    @Synchronized
    fun scheduleRefresh() {
        pending?.cancel()
        pending = scope.launch {
            delay(DEBOUNCE_MS)
            if (isEnabled()) refreshNow()
        }
    }

    private suspend fun refreshNow(): CoreResult<Unit> {
        withContext(Dispatchers.IO) { file.parentFile?.mkdirs() }
        // The core writes atomically (temp file, then rename).
        return gateway.read { cx -> exportBackup(file.path, null, cx.now, cx.locale) }
    }

    companion object {
        private const val PREFS = "android_backup"
        private const val KEY_ENABLED = "enabled"
        const val DIR = "android-backup"
        const val FILE = "kefir-backup.json"
        private const val DEBOUNCE_MS = 30_000L
    }
}
