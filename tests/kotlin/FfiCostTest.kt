// FFI cost: the Today call timed from Kotlin (JVM + JNA through the generated
// uniffi bindings) on a realistic database, to compare with the direct Rust
// call on the same data (bindings/tests/ffi_cost.rs, same script, same N;
// numbers in BENCHMARKS.md). It prints the mean and asserts only sanity
// (every call returns the same day, target and drinks), never a timing.
//
// For meaningful numbers run against the release library:
//   PROFILE=release bash scripts/test-kotlin.sh --filter FfiCost
package kefir.tests

import java.nio.file.Files
import java.time.Duration
import java.time.Instant
import java.time.LocalDate
import kotlin.test.AfterTest
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFails
import kotlin.test.assertNotNull
import kotlin.test.assertTrue
import uniffi.kefir_core.CheckinInput
import uniffi.kefir_core.DoseInput
import uniffi.kefir_core.DrinkInput
import uniffi.kefir_core.KefirKind
import uniffi.kefir_core.MedClass
import uniffi.kefir_core.PlanSettings
import uniffi.kefir_core.Profile
import uniffi.kefir_core.AgeBand
import uniffi.kefir_core.Severity
import uniffi.kefir_core.Source
import uniffi.kefir_core.Symptom
import uniffi.kefir_core.SymptomEntry
import uniffi.kefir_ffi.KefirApp

class FfiCostTest {
    private val dir = Files.createTempDirectory("kefir-kotlin-fficost").toFile()
    private val tz = "Europe/Berlin"
    private val day0 = Instant.parse("2025-01-01T00:00:00Z")
    private val calls = 1000
    private val warmup = 1000

    @AfterTest
    fun cleanup() {
        dir.deleteRecursively()
    }

    /** Day [d] of the script at [h]:[m] UTC. */
    private fun at(d: Int, h: Int, m: Int): Instant =
        day0.plus(Duration.ofDays(d.toLong())).plus(Duration.ofHours(h.toLong())).plus(Duration.ofMinutes(m.toLong()))

    /**
     * The scripted database (identical in ffi_cost.rs and FfiCostTests.swift):
     * 120 days from 2025-01-01, a plan decided every morning, 5 drinks a day,
     * a check-in every evening (mild gas every tenth day), an antibiotic every
     * 8 h on days 100..109 (the last dose foresees none). Returns "now": day 119 at 17:00 UTC.
     */
    private fun buildRealisticDb(app: KefirApp): Instant {
        app.saveProfile(Profile(null, AgeBand.ADULT, emptyList(), listOf(MedClass.ANTIBIOTIC), emptyList(), emptyList()), at(0, 5, 0), "en")
        app.startPlan(PlanSettings(), at(0, 5, 0), tz, "en")
        for (d in 0 until 120) {
            val med = d in 100 until 110
            if (med) {
                for (h in listOf(6, 14, 22)) {
                    // The course's last dose foresees no next one.
                    val interval = if (d == 109 && h == 22) null else 8u
                    app.logDose(DoseInput(MedClass.ANTIBIOTIC, at(d, h, 0), interval, null), at(d, h, 0), tz, "en")
                }
            }
            app.today(at(d, 5, 30), tz, "en")
            val times = if (med) listOf(9 to 15, 9 to 45, 10 to 30, 17 to 20, 18 to 10)
            else listOf(6 to 30, 9 to 0, 12 to 0, 15 to 0, 18 to 30)
            times.forEachIndexed { i, (h, m) ->
                if (d == 119 && h >= 17) return@forEachIndexed
                val t = at(d, h, m)
                app.logDrink(DrinkInput(t, 30u, KefirKind.MILK_COW, Source.COMMERCIAL, if (i == 0) "day $d" else null, null), t, tz, "en")
            }
            if (d < 119) {
                val symptoms = if (d % 10 == 3) listOf(SymptomEntry(Symptom.GAS, Severity.MILD)) else emptyList()
                app.saveCheckin(CheckinInput(LocalDate.of(2025, 1, 1).plusDays(d.toLong()).toString(), symptoms, 4u.toUByte(), null), at(d, 20, 0), tz, "en")
            }
        }
        return at(119, 17, 0)
    }

    @Test
    fun todayCallCostFromKotlin() {
        KefirApp(dir.resolve("kefir.db").path).use { app ->
            val now = buildRealisticDb(app)
            val first = app.today(now, tz, "en")
            assertNotNull(first.targetMl)
            assertTrue(first.targetMl!! > 0u, "the plan should be running: ${first.headline}")
            assertEquals(4, first.drinks.size)
            repeat(warmup) { app.today(now, tz, "en") }
            var sameEveryTime = true
            val start = System.nanoTime()
            repeat(calls) {
                val t = app.today(now, tz, "en")
                if (t.targetMl != first.targetMl || t.date != first.date || t.drinks != first.drinks) sameEveryTime = false
            }
            val meanUs = (System.nanoTime() - start) / 1000.0 / calls
            println("ffi-cost: kotlin KefirApp.today mean %.1f us over %d calls (date %s, target %s ml, %d drinks)"
                .format(meanUs, calls, first.date, first.targetMl, first.drinks.size))
            assertTrue(sameEveryTime, "today() returned a different day, target or drinks between calls")
            // A call with a tiny result (no spacing window is open): the fixed cost of a call.
            repeat(warmup) { app.spacing(now, tz, "en") }
            var empty = true
            val s0 = System.nanoTime()
            repeat(calls) { empty = empty && app.spacing(now, tz, "en").isEmpty() }
            val smallUs = (System.nanoTime() - s0) / 1000.0 / calls
            println("ffi-cost: kotlin KefirApp.spacing (empty result) mean %.1f us over %d calls".format(smallUs, calls))
            assertTrue(empty, "spacing() should be empty 10 days after the last dose")
        }
    }

    /**
     * A panic inside a real exported call (today with an Instant near the end
     * of the supported range overflows in the core's time arithmetic; after
     * that bug is fixed the same call gives InvalidInput) reaches Kotlin as an
     * exception: the JVM process is not aborted and the app keeps working.
     */
    @Test
    fun aPanicInsideACallIsAnExceptionAndTheAppSurvives() {
        KefirApp(dir.resolve("panic.db").path).use { app ->
            val now = Instant.parse("2026-03-10T12:00:00Z")
            app.logDrink(DrinkInput(now, 50u, KefirKind.MILK_COW, Source.COMMERCIAL, null, null), now, tz, "en")
            val e = assertFails { app.today(Instant.parse("+262142-12-31T23:59:59Z"), tz, "en") }
            println("ffi-cost: extreme instant gave ${e.javaClass.simpleName}: ${e.message}")
            val after = app.today(now, tz, "en")
            assertEquals(50u, after.drunkMl)
            app.logDrink(DrinkInput(now, 25u, KefirKind.MILK_COW, Source.COMMERCIAL, null, null), now, tz, "en")
            assertEquals(75u, app.today(now, tz, "en").drunkMl)
        }
    }
}
