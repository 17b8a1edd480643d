package org.kefir.app.logic

import kotlin.test.AfterTest
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertIs
import kotlin.test.assertNull
import kotlin.test.assertTrue
import uniffi.kefir_core.Level
import uniffi.kefir_core.PlanSettings
import uniffi.kefir_core.PlanStatus
import uniffi.kefir_core.Severity
import uniffi.kefir_core.Symptom
import uniffi.kefir_core.SymptomEntry

class CheckinTest {
    private val core = TestCore()
    private val g = core.gateway
    private val f = core.format

    @AfterTest
    fun cleanup() = core.close()

    @Test
    fun theFormSendsOnlySymptomsAboveNoneInTheCoresOrder() {
        val form = SymptomForm()
            .with(Symptom.ITCHING, Severity.MODERATE)
            .with(Symptom.BLOATING, Severity.MILD)
            .with(Symptom.BLOATING, Severity.NONE)
            .with(Symptom.GAS, Severity.MILD)
            .withBristol(4u)
        assertEquals(listOf(SymptomEntry(Symptom.GAS, Severity.MILD), SymptomEntry(Symptom.ITCHING, Severity.MODERATE)), form.entries())
        assertEquals(4.toUByte(), form.bristol)
        assertNull(form.withBristol(4u).bristol, "tapping the selected type clears it")
    }

    @Test
    fun aReactionReportNeedsASymptomAboveNoneByTheCoresGate() {
        assertFalse(SymptomForm().canReport)
        assertFalse(SymptomForm().with(Symptom.GAS, Severity.NONE).canReport)
        assertTrue(SymptomForm().with(Symptom.HIVES, Severity.MILD).canReport)
        // The line under the disabled button is the core's, in the app's language.
        val en = blocking { loadCheckinForm(g) }.ok().reactionNeedsSymptom
        core.locale = "de"
        val de = blocking { loadCheckinForm(g) }.ok().reactionNeedsSymptom
        assertTrue(en.isNotBlank() && de.isNotBlank() && en != de, "$en / $de")
    }

    @Test
    fun aMildCheckinShowsTheAssessmentAndClearsCheckinDue() {
        val day = blocking { g.read { cx -> today(cx.now, cx.zone, cx.locale) } }.ok().date
        val form = SymptomForm().with(Symptom.BLOATING, Severity.MILD).withBristol(4u)
        val result = blocking { g.write { cx -> saveCheckin(form.toCheckin(day), cx.now, cx.zone, cx.locale) } }.ok()
        assertEquals(4.toUByte(), result.checkin.bristol)
        val next = result.assessment.toUi(f).next()
        val shown = assertIs<AfterAssessment.Show>(next).assessment
        assertEquals(Level.INFO, shown.level)
        assertEquals(result.assessment.headline, shown.headline)
        assertTrue(shown.findings.any { it.ruleId == "S1" }, shown.findings.toString())
        val after = blocking { g.read { cx -> today(cx.now, cx.zone, cx.locale) } }.ok().toUi(f)
        assertFalse(after.checkinDue)
        assertTrue(after.checkinDone)
    }

    @Test
    fun todaysStoredCheckinPrefillsTheEditAndSavingReplacesIt() {
        val fresh = blocking { g.read { cx -> today(cx.now, cx.zone, cx.locale) } }.ok().checkinStart(CheckinDay.TODAY)!!
        assertEquals("2025-03-10", fresh.day)
        assertEquals(SymptomForm(), fresh.form)
        assertFalse(fresh.editing)

        val form = SymptomForm(note = "after lunch").with(Symptom.GAS, Severity.MODERATE).withBristol(5u)
        blocking { g.write { cx -> saveCheckin(form.toCheckin(fresh.day), cx.now, cx.zone, cx.locale) } }.ok()
        val edit = blocking { g.read { cx -> today(cx.now, cx.zone, cx.locale) } }.ok().checkinStart(CheckinDay.TODAY)!!
        assertTrue(edit.editing)
        assertEquals("2025-03-10", edit.day)
        assertEquals(form, edit.form)

        val changed = edit.form.with(Symptom.GAS, Severity.NONE).with(Symptom.BLOATING, Severity.MILD)
        blocking { g.write { cx -> saveCheckin(changed.toCheckin(edit.day), cx.now, cx.zone, cx.locale) } }.ok()
        val t = blocking { g.read { cx -> today(cx.now, cx.zone, cx.locale) } }.ok()
        assertEquals(listOf(SymptomEntry(Symptom.BLOATING, Severity.MILD)), t.checkin!!.symptoms)
        assertEquals(SymptomForm(mapOf(Symptom.BLOATING to Severity.MILD), 5u, "after lunch"), t.checkinStart(CheckinDay.TODAY)!!.form)
    }

    @Test
    fun yesterdaysCheckinIsForTheCoresYesterdayUntilItIsDone() {
        // 12:00 UTC on 10 March is 01:00 on 11 March in Auckland: yesterday there is the 10th
        // (in UTC or Berlin it would be the 9th). The core's dates, never the shell's arithmetic.
        core.clock.now = java.time.Instant.parse("2025-03-10T12:00:00Z")
        core.clock.zone = "Pacific/Auckland"
        val start = blocking { g.read { cx -> today(cx.now, cx.zone, cx.locale) } }.ok().checkinStart(CheckinDay.YESTERDAY)!!
        assertEquals("2025-03-10", start.day)
        assertFalse(start.editing)
        val form = SymptomForm().with(Symptom.CRAMPS, Severity.MILD)
        val saved = blocking { g.write { cx -> saveCheckin(form.toCheckin(start.day), cx.now, cx.zone, cx.locale) } }.ok()
        assertEquals("2025-03-10", saved.checkin.day)
        val after = blocking { g.read { cx -> today(cx.now, cx.zone, cx.locale) } }.ok()
        assertEquals("2025-03-11", after.date)
        assertNull(after.checkinStart(CheckinDay.YESTERDAY))
        assertNull(after.checkin, "yesterday's check-in is not today's")
        assertEquals(1u, after.streakDays)
    }

    @Test
    fun aReactionWithSwellingGoesStraightToTheEmergencyStepsAndStopsThePlan() {
        blocking { g.write { cx -> startPlan(PlanSettings(), cx.now, cx.zone, cx.locale) } }.ok()
        val form = SymptomForm().with(Symptom.LIP_FACE_TONGUE_SWELLING, Severity.MILD)
        val result = blocking { g.write { cx -> reportReaction(form.toReaction(cx.now), cx.now, cx.zone, cx.locale) } }.ok()
        val core = result.assessment.emergency!!
        val emergency = assertIs<AfterAssessment.Emergency>(result.assessment.toUi(f).next()).screen
        assertEquals(core.title, emergency.title)
        assertEquals(core.steps.mapIndexed { i, s -> "${i + 1}. $s" }, emergency.steps)
        assertEquals("1. Stop drinking kefir now.", emergency.steps.first())
        assertTrue("S5" in emergency.ruleIds)
        assertEquals(core.disclaimer, emergency.disclaimer)

        val plan = blocking { g.read { cx -> planView(cx.now, cx.zone, cx.locale) } }.ok().toUi(f)
        assertEquals(PlanStatus.STOPPED, plan.status)
        assertFalse(plan.canPause)
        // A stopped plan exists, but its target can no longer be changed: the core's flag.
        assertFalse(plan.canChangeTarget)
        assertTrue(plan.canRestart || plan.blockedReason != null)
    }

    @Test
    fun aReactionWithoutSymptomsIsRefusedByTheCore() {
        val err = blocking { g.write { cx -> reportReaction(SymptomForm().toReaction(cx.now), cx.now, cx.zone, cx.locale) } }.failed()
        assertEquals(ErrorKind.INVALID_INPUT, err.kind)
        assertEquals("symptoms", err.field)
    }
}
