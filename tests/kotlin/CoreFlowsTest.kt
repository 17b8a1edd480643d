// The core's main flows through the generated Kotlin bindings and the real
// library: threads, screening, red flags, spacing, the plan, backup.
package kefir.tests

import java.nio.file.Files
import java.time.Instant
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import kotlin.test.AfterTest
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import uniffi.kefir_core.CheckinInput
import uniffi.kefir_core.Condition
import uniffi.kefir_core.DecisionKind
import uniffi.kefir_core.DoseInput
import uniffi.kefir_core.DrinkInput
import uniffi.kefir_core.ImportMode
import uniffi.kefir_core.KefirKind
import uniffi.kefir_core.Level
import uniffi.kefir_core.MedClass
import uniffi.kefir_core.PlanSettings
import uniffi.kefir_core.Profile
import uniffi.kefir_core.AgeBand
import uniffi.kefir_core.ReactionInput
import uniffi.kefir_core.Severity
import uniffi.kefir_core.Source
import uniffi.kefir_core.Symptom
import uniffi.kefir_core.SymptomEntry
import uniffi.kefir_ffi.KefirApp
import uniffi.kefir_ffi.KefirException

class CoreFlowsTest {
    private val dir = Files.createTempDirectory("kefir-kotlin-flows").toFile()
    private val tz = "Europe/Berlin"

    @AfterTest
    fun cleanup() {
        dir.deleteRecursively()
    }

    private fun openApp(name: String = "kefir.db") = KefirApp(dir.resolve(name).path)

    private fun profile(conditions: List<Condition> = emptyList(), medicines: List<MedClass> = emptyList()) =
        Profile(null, AgeBand.ADULT, conditions, medicines, emptyList(), emptyList())

    @Test
    fun fourThreadsShareOneAppAndLoseNothing() {
        openApp().use { app ->
            val now = Instant.parse("2026-11-26T12:00:00Z")
            val pool = Executors.newFixedThreadPool(4)
            val start = CountDownLatch(1)
            repeat(4) { t ->
                pool.submit {
                    start.await()
                    repeat(50) { i ->
                        val input = DrinkInput(now.minusSeconds((t * 50 + i).toLong()), 10u, KefirKind.WATER, Source.COMMERCIAL, null, null)
                        app.logDrink(input, now, tz, "en")
                        app.today(now, tz, "en")
                    }
                }
            }
            start.countDown()
            pool.shutdown()
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS))
            val all = app.listDrinks(now.minusSeconds(3600), now.plusSeconds(1))
            assertEquals(200, all.size)
            assertEquals(200, all.map { it.id }.toSet().size)
            assertEquals(2000u, app.dailyTotals(now, now, tz).single().ml)
        }
    }

    @Test
    fun screeningNeedsAClinicianForPregnancy() {
        openApp().use { app ->
            val now = Instant.parse("2026-11-26T08:00:00Z")
            val s = app.saveProfile(profile(conditions = listOf(Condition.PREGNANT)), now, "en")
            assertEquals(Level.CONSULT, s.level)
            assertTrue(s.needsClinician)
            assertEquals(listOf("P4"), s.findings.map { it.ruleId })
            assertEquals(listOf(Source.COMMERCIAL), s.constraints.allowedSources)
            val e = assertFailsWith<KefirException.NotAllowed> { app.startPlan(PlanSettings(), now, tz, "en") }
            assertEquals(listOf("P4"), e.ruleIds)
            assertTrue(app.acknowledgeClinician("midwife agreed", now, "en").mayStart)
            assertEquals(DecisionKind.START, app.startPlan(PlanSettings(), now, tz, "en").history.first().kind)
        }
    }

    @Test
    fun redFlagCheckinIsAnEmergencyAndStopsThePlan() {
        openApp().use { app ->
            val now = Instant.parse("2026-11-26T19:00:00Z")
            app.startPlan(PlanSettings(), now, tz, "en")
            val r = app.saveCheckin(
                CheckinInput("2026-11-26", listOf(SymptomEntry(Symptom.LIP_FACE_TONGUE_SWELLING, Severity.MODERATE)), 4u.toUByte(), null),
                now, tz, "en",
            )
            assertEquals(Level.EMERGENCY, r.assessment.level)
            val emergency = assertNotNull(r.assessment.emergency)
            assertEquals(listOf("S5"), emergency.ruleIds)
            assertTrue(emergency.steps.first().contains("Stop"))
            val today = app.today(now, tz, "en")
            assertEquals(DecisionKind.STOP, today.decision?.kind)
            assertEquals(0u, today.targetMl)
            // "Report a reaction now" is evaluated at once as well.
            val reaction = app.reportReaction(ReactionInput(now, listOf(SymptomEntry(Symptom.HIVES, Severity.MILD)), null), now, tz, "en")
            assertEquals(Level.STOP, reaction.assessment.level)
            assertNull(reaction.assessment.emergency)
        }
    }

    @Test
    fun drinkInsideAnAntibioticWindowWarnsWithM1() {
        openApp().use { app ->
            val dose = Instant.parse("2026-11-26T08:00:00Z")
            val logged = app.logDose(DoseInput(MedClass.ANTIBIOTIC, dose, 8u, null), dose, tz, "en")
            assertEquals("M1", logged.spacing.single().ruleId)
            val drinkAt = Instant.parse("2026-11-26T09:00:00Z")
            val w = app.logDrink(DrinkInput(drinkAt, 50u, KefirKind.MILK_COW, Source.COMMERCIAL, null, null), drinkAt, tz, "en")
            assertTrue(w.warnings.any { it.ruleId == "M1" })
            val today = app.today(drinkAt, tz, "en")
            assertTrue(today.spacing.single().blockedNow)
            assertEquals(120u, today.spacing.single().minutesUntilAllowed)
        }
    }

    @Test
    fun walkThreeDaysAndSeeTheStepUp() {
        openApp().use { app ->
            app.startPlan(PlanSettings(), Instant.parse("2026-11-01T07:00:00Z"), tz, "en")
            for (day in listOf("2026-11-01", "2026-11-02", "2026-11-03")) {
                val morning = Instant.parse("${day}T07:00:00Z")
                val target = app.today(morning, tz, "en").targetMl!!
                assertEquals(50u, target)
                app.logDrink(DrinkInput(morning, target, KefirKind.MILK_COW, Source.COMMERCIAL, null, null), morning, tz, "en")
                app.saveCheckin(CheckinInput(day, emptyList(), 4u.toUByte(), null), Instant.parse("${day}T19:00:00Z"), tz, "en")
            }
            val day4 = app.today(Instant.parse("2026-11-04T07:00:00Z"), tz, "en")
            assertEquals(DecisionKind.ADVANCE, day4.decision?.kind)
            assertEquals(75u, day4.targetMl)
            assertEquals(2u, day4.progress?.step)
            assertEquals("2026-11-13", day4.progress?.projectedGoalDate)
        }
    }

    @Test
    fun backupRoundTripAndConfirmation() {
        val now = Instant.parse("2026-11-26T12:00:00Z")
        val file = dir.resolve("backup.json").path
        openApp("a.db").use { app ->
            app.logDrink(DrinkInput(now, 80u, KefirKind.PLANT, Source.COMMERCIAL, "oat", null), now, tz, "en")
            app.exportBackup(file, null, now, "en")
        }
        openApp("b.db").use { other ->
            assertEquals(1u, other.importBackup(file, null, ImportMode.INTO_EMPTY, false, now, "en").drinks)
            assertFailsWith<KefirException.ConfirmationRequired> { other.importBackup(file, null, ImportMode.REPLACE, false, now, "en") }
            assertFailsWith<KefirException.ConfirmationRequired> { other.wipeEverything(false) }
            other.wipeEverything(true)
            assertTrue(other.listDrinks(now.minusSeconds(60), now.plusSeconds(60)).isEmpty())
        }
        dir.resolve("bad.json").writeText("{\"format\":\"kefir-backup\",\"version\":42}")
        openApp("c.db").use { app ->
            assertFailsWith<KefirException.BackupRejected> { app.importBackup(dir.resolve("bad.json").path, null, ImportMode.INTO_EMPTY, false, now, "en") }
        }
    }

    @Test
    fun encryptedBackupAsksForItsPassphraseThroughTheBindings() {
        val now = Instant.parse("2026-11-26T12:00:00Z")
        val file = dir.resolve("backup.age").path
        val secret = "violet tractor mends 41 quiet harbours"
        openApp("a.db").use { app ->
            app.logDrink(DrinkInput(now, 80u, KefirKind.PLANT, Source.COMMERCIAL, null, null), now, tz, "en")
            assertFailsWith<KefirException.InvalidInput> { app.exportBackup(dir.resolve("weak.age").path, "abc", now, "en") }
            app.exportBackup(file, secret, now, "en")
        }
        assertTrue(java.io.File(file).readText(Charsets.ISO_8859_1).startsWith("age-encryption.org/v1"))
        openApp("b.db").use { other ->
            assertFailsWith<KefirException.PassphraseRequired> { other.importBackup(file, null, ImportMode.INTO_EMPTY, false, now, "en") }
            assertFailsWith<KefirException.WrongPassphrase> { other.importBackup(file, "not it at all 123", ImportMode.INTO_EMPTY, false, now, "en") }
            assertTrue(other.listDrinks(now.minusSeconds(60), now.plusSeconds(60)).isEmpty(), "nothing changed")
            assertEquals(1u, other.importBackup(file, secret, ImportMode.INTO_EMPTY, false, now, "en").drinks)
        }
    }

    @Test
    fun foreignFileIsRefusedAndUntouched() {
        val f = dir.resolve("notes.txt")
        f.writeText("not a database\n".repeat(100))
        val before = f.readBytes()
        assertFailsWith<KefirException.DatabaseUnreadable> { KefirApp(f.path) }
        assertTrue(before.contentEquals(f.readBytes()))
    }
}
