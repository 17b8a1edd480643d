// Smoke test: the generated Kotlin bindings load the real libkefir_ffi and
// round-trip a drink through a SQLite database in a temp dir.
package kefir.tests

import java.nio.file.Files
import java.time.Instant
import java.time.temporal.ChronoUnit
import kotlin.test.AfterTest
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertTrue
import uniffi.kefir_core.DrinkInput
import uniffi.kefir_core.KefirKind
import uniffi.kefir_core.Source
import uniffi.kefir_ffi.KefirApp
import uniffi.kefir_ffi.KefirException

class SmokeTest {
    private val dir = Files.createTempDirectory("kefir-kotlin-smoke").toFile()
    private val tz = "Europe/Berlin"
    private val now = Instant.parse("2025-03-10T08:30:00Z")

    @AfterTest
    fun cleanup() {
        dir.deleteRecursively()
    }

    private fun openApp() = KefirApp(dir.resolve("kefir.db").path)

    @Test
    fun logListAndTotalADrink() {
        openApp().use { app ->
            val input = DrinkInput(at = now, ml = 150u, kind = KefirKind.MILK_COW, source = Source.HOMEMADE, note = "first glass")
            val drink = app.logDrink(input, now, tz, "en").drink
            assertEquals(150u, drink.ml)
            assertEquals(now, drink.at)
            assertEquals("first glass", drink.note)

            val listed = app.listDrinks(now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.HOURS))
            assertEquals(listOf(drink), listed)

            val totals = app.dailyTotals(now, now, tz)
            assertEquals(150u, totals.single { it.date == "2025-03-10" }.ml)
        }
        // Reopening the same file sees the stored drink.
        openApp().use { app ->
            assertEquals(1, app.listDrinks(now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.HOURS)).size)
        }
    }

    @Test
    fun invalidInputNamesTheField() {
        openApp().use { app ->
            val e = assertFailsWith<KefirException.InvalidInput> {
                app.logDrink(DrinkInput(at = now, ml = 0u, kind = KefirKind.MILK_COW, source = Source.HOMEMADE, note = null), now, tz, "en")
            }
            assertEquals("ml", e.field)
            assertTrue(e.reason.isNotEmpty())
        }
    }
}
