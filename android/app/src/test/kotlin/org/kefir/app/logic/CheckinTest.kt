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
        assertEquals(7, BRISTOL_TYPES.size)
        assertEquals(Symptom.entries.size, SYMPTOMS.size)
    }

    @Test
    fun aMildCheckinShowsTheAssessmentAndClearsCheckinDue() {
        val day = blocking { g.read { cx -> today(cx.now, cx.zone) } }.ok().date
        val form = SymptomForm().with(Symptom.BLOATING, Severity.MILD).withBristol(4u)
        val result = blocking { g.write { cx -> saveCheckin(form.toCheckin(day), cx.now, cx.zone) } }.ok()
        assertEquals(4.toUByte(), result.checkin.bristol)
        val next = result.assessment.toUi(f).next()
        val shown = assertIs<AfterAssessment.Show>(next).assessment
        assertEquals(Level.INFO, shown.level)
        assertEquals(result.assessment.headline, shown.headline)
        assertTrue(shown.findings.any { it.ruleId == "S1" }, shown.findings.toString())
        val after = blocking { g.read { cx -> today(cx.now, cx.zone) } }.ok().toUi(f)
        assertFalse(after.checkinDue)
        assertTrue(after.checkinDone)
    }

    @Test
    fun aReactionWithSwellingGoesStraightToTheEmergencyStepsAndStopsThePlan() {
        blocking { g.write { cx -> startPlan(PlanSettings(), cx.now, cx.zone) } }.ok()
        val form = SymptomForm().with(Symptom.LIP_FACE_TONGUE_SWELLING, Severity.MILD)
        val result = blocking { g.write { cx -> reportReaction(form.toReaction(cx.now), cx.now, cx.zone) } }.ok()
        val core = result.assessment.emergency!!
        val emergency = assertIs<AfterAssessment.Emergency>(result.assessment.toUi(f).next()).screen
        assertEquals(core.title, emergency.title)
        assertEquals(core.steps.mapIndexed { i, s -> "${i + 1}. $s" }, emergency.steps)
        assertEquals("1. Stop drinking kefir now.", emergency.steps.first())
        assertTrue("S5" in emergency.ruleIds)
        assertEquals(core.disclaimer, emergency.disclaimer)

        val plan = blocking { g.read { cx -> planView(cx.now, cx.zone) } }.ok().toUi(f)
        assertEquals(PlanStatus.STOPPED, plan.status)
        assertFalse(plan.canPause)
    }

    @Test
    fun aReactionWithoutSymptomsIsRefusedByTheCore() {
        val err = blocking { g.write { cx -> reportReaction(SymptomForm().toReaction(cx.now), cx.now, cx.zone) } }.failed()
        assertEquals(ErrorKind.INVALID_INPUT, err.kind)
        assertEquals("symptoms", err.field)
    }
}
