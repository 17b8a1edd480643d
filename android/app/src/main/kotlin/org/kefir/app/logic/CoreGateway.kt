// Plain Kotlin (no android.*): compiled and tested on the JVM by
// scripts/test-kotlin.sh against the real libkefir_ffi.
package org.kefir.app.logic

import java.time.Instant
import java.time.ZoneId
import java.util.Locale
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext
import uniffi.kefir_ffi.InternalException
import uniffi.kefir_ffi.KefirApp
import uniffi.kefir_ffi.KefirException

/** Where `now` and the user's zone come from. The shell reads the clock; the core decides. */
interface ShellClock {
    fun now(): Instant

    /** IANA zone id, e.g. `Europe/Berlin`. */
    fun zoneId(): String
}

/** The device clock and zone: `Instant.now()` and `ZoneId.systemDefault().id`. */
object SystemShellClock : ShellClock {
    override fun now(): Instant = Instant.now()
    override fun zoneId(): String = ZoneId.systemDefault().id
}

/**
 * The app's language, as a BCP 47 tag (`de-AT`, `ru`, `en-GB`), for every
 * core call that returns text. The ONE place the Android shell reads it:
 * [deviceLocaleTag] by default (the per-app language of Android 13+ /
 * `AppCompatDelegate.setApplicationLocales` is the process default locale, so
 * `Locale.getDefault()` follows it). The core falls back to English for a
 * language it has no catalogue for.
 */
fun interface ShellLocale {
    fun tag(): String
}

/** `Locale.getDefault().toLanguageTag()`, read at each call (the user may switch language while the app runs). */
val deviceLocaleTag: ShellLocale = ShellLocale { Locale.getDefault().toLanguageTag() }

/**
 * What every core call gets from the shell, read once per call: the
 * instant, the IANA zone and the app's language ([locale], BCP 47; pass it
 * as the last argument of every call that returns text).
 */
data class CallContext(val now: Instant, val zone: String, val locale: String)

/** The outcome of one core call. */
sealed interface CoreResult<out T> {
    data class Ok<T>(val value: T) : CoreResult<T>
    data class Failed(val error: UiError) : CoreResult<Nothing>
}

inline fun <T, R> CoreResult<T>.map(f: (T) -> R): CoreResult<R> = when (this) {
    is CoreResult.Ok -> CoreResult.Ok(f(value))
    is CoreResult.Failed -> this
}

fun <T> CoreResult<T>.valueOrNull(): T? = (this as? CoreResult.Ok)?.value

/**
 * The one door to the core. Every call runs on [io] (Dispatchers.IO by
 * default), never on the caller's (main) thread, and turns [KefirException]
 * into a [UiError]. The database is opened lazily on the first call, on [io]
 * too: opening runs migrations.
 *
 * [write] is for calls that change data: after a successful one, [afterWrite]
 * runs (the Android shell reschedules reminders there).
 */
class CoreGateway(
    opener: () -> KefirApp,
    val clock: ShellClock = SystemShellClock,
    private val io: CoroutineDispatcher = Dispatchers.IO,
    val locale: ShellLocale = deviceLocaleTag,
) {
    // A failing opener (unreadable or too-new database) is retried on the next call.
    private val app: KefirApp by lazy(LazyThreadSafetyMode.SYNCHRONIZED, opener)

    @Volatile
    var afterWrite: (suspend () -> Unit)? = null

    /** A call that only reads. */
    suspend fun <T> read(block: KefirApp.(CallContext) -> T): CoreResult<T> = call(block)

    /** A call that changes data; [afterWrite] runs after it succeeds. */
    suspend fun <T> write(block: KefirApp.(CallContext) -> T): CoreResult<T> {
        val result = call(block)
        if (result is CoreResult.Ok) afterWrite?.invoke()
        return result
    }

    private suspend fun <T> call(block: KefirApp.(CallContext) -> T): CoreResult<T> = withContext(io) {
        val cx = CallContext(clock.now(), clock.zoneId(), locale.tag())
        try {
            CoreResult.Ok(app.block(cx))
        } catch (e: KefirException) {
            CoreResult.Failed(e.toUiError())
        } catch (e: InternalException) {
            // A panic inside the core, turned into an exception by uniffi.
            CoreResult.Failed(UiError(ErrorKind.INTERNAL, e.message))
        }
    }
}
