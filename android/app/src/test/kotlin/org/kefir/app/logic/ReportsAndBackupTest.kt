package org.kefir.app.logic

import kotlin.test.AfterTest
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import uniffi.kefir_core.DecisionKind
import uniffi.kefir_core.ImportMode
import uniffi.kefir_core.Paper
import uniffi.kefir_core.PlanSettings
import uniffi.kefir_core.Severity
import uniffi.kefir_core.Symptom

class ReportsAndBackupTest {
    private val core = TestCore()
    private val g = core.gateway

    @AfterTest
    fun cleanup() = core.close()

    private fun someHistory(): String {
        blocking { g.write { cx -> startPlan(PlanSettings(), cx.now, cx.zone, cx.locale) } }.ok()
        for (ml in listOf("30", "50")) {
            val input = DrinkForm(mlText = ml).toInput(core.clock.now).ok()
            blocking { g.write { cx -> logDrink(input, cx.now, cx.zone, cx.locale) } }.ok()
        }
        val day = blocking { g.read { cx -> today(cx.now, cx.zone, cx.locale) } }.ok().date
        val form = SymptomForm().with(Symptom.GAS, Severity.MILD).withBristol(4u)
        blocking { g.write { cx -> saveCheckin(form.toCheckin(day), cx.now, cx.zone, cx.locale) } }.ok()
        return day
    }

    @Test
    fun pickerMillisAndIsoDatesConvertBothWays() {
        assertEquals("2025-03-10", isoDateFromPickerMillis(1741564800000L))
        assertEquals(1741564800000L, pickerMillisFromIsoDate("2025-03-10"))
        assertEquals(null, pickerMillisFromIsoDate("10/03/2025"))
        assertEquals("kefir-summary-2025-03-01-to-2025-03-10.fhir.json", reportFileName(ReportKind.FHIR, "2025-03-01", "2025-03-10"))
    }

    @Test
    fun theSummaryPreviewAndTheFilesComeFromTheCore() {
        val day = someHistory()
        val summary = blocking { g.read { cx -> summary(day, day, cx.now, cx.zone, cx.locale) } }.ok()
        val ui = summary.toUi(core.format)
        assertEquals(1u, ui.days)
        assertEquals("80 ml", ui.total)
        assertEquals(2u, ui.drinks)
        assertEquals(summary.disclaimer, ui.disclaimer)
        assertTrue(ui.planEvents.any { it.kind == DecisionKind.START }, ui.planEvents.toString())
        assertEquals(DecisionKind.START, summary.days.single().decision)

        val pdf = core.dir.resolve(reportFileName(ReportKind.PDF, day, day))
        blocking { g.read { cx -> writePdf(day, day, Paper.A4, pdf.path, cx.now, cx.zone, cx.locale) } }.ok()
        assertEquals("%PDF", pdf.readBytes().copyOfRange(0, 4).decodeToString())

        val fhir = core.dir.resolve(reportFileName(ReportKind.FHIR, day, day))
        blocking { g.read { cx -> writeFhir(day, day, fhir.path, cx.now, cx.zone, cx.locale) } }.ok()
        assertTrue(fhir.readText().contains("\"Bundle\""))

        val csvDir = core.dir.resolve("csv").apply { mkdirs() }
        val csv = blocking { g.read { cx -> writeCsv(day, day, csvDir.path, cx.zone, cx.locale) } }.ok()
        assertEquals(listOf("drinks", "checkins", "reactions", "doses"), csv.map { java.io.File(it).name.split('-')[1] })
        assertTrue(csv.all { java.io.File(it).readText().lines().size >= 2 }, csv.toString())
    }

    @Test
    fun theDefaultRangeIsTheCoresFourWeeksOrThePlansFirstDay() {
        val none = blocking { g.read { cx -> reportRange(cx.now, cx.zone, cx.locale) } }.ok().toUi(core.format)
        assertEquals(ReportRangeUi("2025-02-11", "2025-03-10", "11 Feb 2025", "10 Mar 2025"), none)
        core.clock.now = core.clock.now.minusSeconds(3 * 24 * 3600) // the plan started three days ago
        blocking { g.write { cx -> startPlan(PlanSettings(), cx.now, cx.zone, cx.locale) } }.ok()
        core.clock.now = core.clock.now.plusSeconds(3 * 24 * 3600)
        val withPlan = blocking { g.read { cx -> reportRange(cx.now, cx.zone, cx.locale) } }.ok().toUi(core.format)
        assertEquals("2025-03-07", withPlan.fromDay)
        assertEquals("2025-03-10", withPlan.toDay)
        assertEquals("7 Mar 2025", withPlan.fromLabel)
        // The range goes straight into summary; a picked day replaces one end.
        val s = blocking { g.read { cx -> summary(withPlan.fromDay, withPlan.toDay, cx.now, cx.zone, cx.locale) } }.ok()
        assertEquals(4u, s.totals.days)
        val picked = withPlan.withFrom(isoDateFromPickerMillis(1741564800000L), core.format)
        assertEquals(ReportRangeUi("2025-03-10", "2025-03-10", "10 Mar 2025", "10 Mar 2025"), picked)
    }

    @Test
    fun aBackwardsRangeIsTheCoresError() {
        val err = blocking { g.read { cx -> summary("2025-03-10", "2025-03-01", cx.now, cx.zone, cx.locale) } }.failed()
        assertEquals(ErrorKind.INVALID_INPUT, err.kind)
    }

    @Test
    fun backupExportImportNeedsConfirmationToReplaceAndWipeClearsEverything() {
        someHistory()
        val file = core.dir.resolve(BACKUP_FILE_NAME)
        blocking { g.read { cx -> exportBackup(file.path, null, cx.now, cx.locale) } }.ok()
        assertTrue(file.length() > 0)

        TestCore().use { other ->
            val imported = blocking { other.gateway.write { importBackup(file.path, null, ImportMode.INTO_EMPTY, false, it.now, it.locale) } }.ok().toUi()
            assertEquals(2u, imported.drinks)
            assertEquals(1u, imported.checkins)
            assertEquals(1u, imported.plans)
        }

        val ask = blocking { g.write { importBackup(file.path, null, ImportMode.REPLACE, false, it.now, it.locale) } }.failed()
        assertEquals(ErrorKind.NEEDS_CONFIRMATION, ask.kind)
        blocking { g.write { importBackup(file.path, null, ImportMode.REPLACE, true, it.now, it.locale) } }.ok()

        file.writeText("{\"format\":\"not-a-kefir-backup\"}")
        assertEquals(ErrorKind.BACKUP_REJECTED, blocking { g.write { importBackup(file.path, null, ImportMode.REPLACE, true, it.now, it.locale) } }.failed().kind)

        assertEquals(ErrorKind.NEEDS_CONFIRMATION, blocking { g.write { wipeEverything(false) } }.failed().kind)
        blocking { g.write { wipeEverything(true) } }.ok()
        assertTrue(blocking { g.read { profileHistory() } }.ok().isEmpty())
        assertEquals(StartTarget.ONBOARDING, blocking { g.read { cx -> today(cx.now, cx.zone, cx.locale) } }.ok().startTarget())
        assertEquals("0 ml", blocking { g.read { cx -> today(cx.now, cx.zone, cx.locale) } }.ok().toUi(core.format).drunk)
    }
}
