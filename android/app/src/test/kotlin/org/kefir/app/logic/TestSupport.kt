// Helpers for the JVM tests of the Android shell's plain-Kotlin logic: a
// real KefirApp on a database in a temp dir, a fixed clock, and a gateway.
package org.kefir.app.logic

import java.io.File
import java.nio.file.Files
import java.time.Instant
import java.util.Locale
import kotlin.test.fail
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.runBlocking
import uniffi.kefir_ffi.KefirApp

class FixedClock(var now: Instant, var zone: String) : ShellClock {
    override fun now(): Instant = now
    override fun zoneId(): String = zone
}

/** One temp database per test, closed and deleted by [close]. [locale] is the app's language (BCP 47), fixed per test. */
class TestCore(
    now: Instant = Instant.parse("2025-03-10T08:30:00Z"),
    zone: String = "Europe/Berlin",
    var locale: String = "en",
) : AutoCloseable {
    val dir: File = Files.createTempDirectory("kefir-android-logic").toFile()
    val dbPath: String = dir.resolve("kefir.db").path
    val clock = FixedClock(now, zone)
    private val opened = mutableListOf<KefirApp>()
    val gateway = CoreGateway({ KefirApp(dbPath).also { opened += it } }, clock, Dispatchers.IO) { locale }
    val format = DisplayFormat(Locale.UK)

    override fun close() {
        opened.forEach { it.close() }
        dir.deleteRecursively()
    }
}

fun <T> CoreResult<T>.ok(): T = when (this) {
    is CoreResult.Ok -> value
    is CoreResult.Failed -> fail("expected success, got $error")
}

fun <T> CoreResult<T>.failed(): UiError = when (this) {
    is CoreResult.Ok -> fail("expected an error, got $value")
    is CoreResult.Failed -> error
}

fun <T> FormResult<T>.ok(): T = when (this) {
    is FormResult.Ok -> value
    is FormResult.NotANumber -> fail("expected a parsed form, got not-a-number in $field")
}

/** Run a test body that calls suspend functions. */
fun <T> blocking(block: suspend () -> T): T = runBlocking { block() }
