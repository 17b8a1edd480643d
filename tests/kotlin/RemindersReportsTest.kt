// Reminders, rhythm and the doctor exports through the Kotlin bindings.
package kefir.tests

import java.nio.file.Files
import java.time.Instant
import kotlin.test.AfterTest
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertTrue
import uniffi.kefir_core.CheckinInput
import uniffi.kefir_core.DrinkInput
import uniffi.kefir_core.KefirKind
import uniffi.kefir_core.NotificationKind
import uniffi.kefir_core.Paper
import uniffi.kefir_core.PlanSettings
import uniffi.kefir_core.Source
import uniffi.kefir_ffi.KefirApp
import uniffi.kefir_ffi.KefirException

class RemindersReportsTest {
    private val dir = Files.createTempDirectory("kefir-kotlin-reports").toFile()
    private val tz = "America/New_York"

    @AfterTest
    fun cleanup() {
        dir.deleteRecursively()
    }

    @Test
    fun upcomingNotificationsHaveStableIdsAndTheTarget() {
        KefirApp(dir.resolve("k.db").path).use { app ->
            val now = Instant.parse("2026-11-26T11:00:00Z") // 06:00 in New York
            app.startPlan(PlanSettings(), now, tz, "en")
            val saved = app.saveReminderSettings(app.reminderSettings().copy(checkinTimes = listOf("21:15")))
            assertEquals(listOf("21:15"), saved.checkinTimes)
            val list = app.upcomingNotifications(now, tz, 6u, "en")
            assertEquals(list, app.upcomingNotifications(now, tz, 6u, "en"))
            assertEquals(list.size, list.map { it.id }.toSet().size)
            val drink = list.first { it.kind == NotificationKind.DRINK_REMINDER }
            assertEquals("drink-2026-11-26", drink.id)
            assertEquals(Instant.parse("2026-11-26T13:30:00Z"), drink.fireAt)
            assertTrue(drink.body.contains("50 ml"))
            val checkin = list.first { it.kind == NotificationKind.CHECKIN }
            assertEquals(Instant.parse("2026-11-27T02:15:00Z"), checkin.fireAt)
            val bad = assertFailsWith<KefirException.InvalidInput> {
                app.saveReminderSettings(saved.copy(checkinTimes = listOf("24:61")))
            }
            assertEquals("checkin_times", bad.field)
        }
    }

    @Test
    fun writesAPdfAFhirBundleAndCsv() {
        KefirApp(dir.resolve("k.db").path).use { app ->
            app.startPlan(PlanSettings(), Instant.parse("2026-11-01T12:00:00Z"), tz, "en")
            for (d in 1..5) {
                val day = "2026-11-0$d"
                val at = Instant.parse("${day}T13:00:00Z")
                app.logDrink(DrinkInput(at, 50u, KefirKind.MILK_COW, Source.COMMERCIAL, null, null), at, tz, "en")
                app.saveCheckin(CheckinInput(day, emptyList(), 4u.toUByte(), null), Instant.parse("${day}T23:00:00Z"), tz, "en")
            }
            val now = Instant.parse("2026-11-06T12:00:00Z")
            val summary = app.summary("2026-11-01", "2026-11-05", now, tz, "en")
            assertEquals(250u, summary.totals.totalMl)
            assertEquals(100u, summary.totals.checkinAdherencePct)
            val pdf = dir.resolve("summary.pdf")
            app.writePdf("2026-11-01", "2026-11-05", Paper.LETTER, pdf.path, now, tz, "en")
            assertEquals("%PDF-", String(pdf.readBytes().copyOfRange(0, 5)))
            val fhir = dir.resolve("summary.json")
            app.writeFhir("2026-11-01", "2026-11-05", fhir.path, now, tz, "en")
            assertTrue(fhir.readText().contains("\"resourceType\": \"Bundle\"") || fhir.readText().contains("\"resourceType\":\"Bundle\""))
            val csv = app.writeCsv("2026-11-01", "2026-11-05", dir.path, tz, "en")
            assertEquals(listOf("drinks", "checkins", "reactions", "doses"), csv.map { java.io.File(it).name.split('-')[1] })
            assertEquals(6, java.io.File(csv[0]).readText().trim().lines().size)
            val rhythm = app.rhythm("2026-11-01", "2026-11-05", now, tz, "en")
            assertEquals(5u, rhythm.streakDays)
            assertFailsWith<KefirException.InvalidInput> { app.summary("2026-11-05", "2026-11-01", now, tz, "en") }
        }
    }
}
