package org.kefir.app.logic

import kotlin.test.AfterTest
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertNull
import kotlin.test.assertTrue
import uniffi.kefir_core.DecisionKind
import uniffi.kefir_core.PlanStatus

class PlanUiTest {
    private val core = TestCore()
    private val g = core.gateway
    private val f = core.format

    @AfterTest
    fun cleanup() = core.close()

    @Test
    fun beforeAPlanOnlyStartIsOfferedWithTheCoresRanges() {
        val ui = blocking { g.read { cx -> planView(cx.now, cx.zone, cx.locale) } }.ok().toUi(f)
        assertNull(ui.status)
        assertTrue(ui.canStart)
        assertFalse(ui.canPause || ui.canResume || ui.canRestart || ui.canChangeTarget)
        assertEquals("50–100 ml", ui.startRange)
        assertEquals("100–200 ml", ui.targetRange)
        assertEquals(listOf("D1", "D2", "D4", "D5", "D6"), ui.guidance.map { it.ruleId })
    }

    @Test
    fun aBlankStartFormTakesTheCoresDefaults() {
        val settings = StartPlanForm().toSettings().ok()
        val ui = blocking { g.write { cx -> startPlan(settings, cx.now, cx.zone, cx.locale) } }.ok().toUi(f)
        assertEquals(PlanStatus.ACTIVE, ui.status)
        assertEquals("50 → 75 → 100 → 125 → 150 ml", ui.steps)
        assertEquals("10 Mar 2025", ui.startedOn)
        assertEquals("150 ml", ui.target)
        assertEquals(DecisionKind.START, ui.history.first().kind)
        assertEquals("50 ml", ui.history.first().target)
        assertTrue(ui.canPause && ui.canChangeTarget)
        assertFalse(ui.canStart)
    }

    @Test
    fun pauseResumeAndChangeTargetComeBackAsTheNextPlanScreen() {
        val settings = StartPlanForm(startMlText = "75", targetMlText = "200", holdDaysText = "2", stepMlText = "25").toSettings().ok()
        blocking { g.write { cx -> startPlan(settings, cx.now, cx.zone, cx.locale) } }.ok()
        val paused = blocking { g.write { cx -> pausePlan(cx.now, cx.zone, cx.locale) } }.ok().toUi(f)
        assertEquals(PlanStatus.PAUSED, paused.status)
        assertTrue(paused.canResume)
        assertFalse(paused.canPause)
        assertTrue(paused.canChangeTarget)
        val resumed = blocking { g.write { cx -> resumePlan(cx.now, cx.zone, cx.locale) } }.ok().toUi(f)
        assertEquals(PlanStatus.ACTIVE, resumed.status)
        val target = parseTarget(" 125 ").ok()
        val changed = blocking { g.write { cx -> changeTarget(target, cx.now, cx.zone, cx.locale) } }.ok().toUi(f)
        assertEquals("125 ml", changed.target)
        assertEquals("75 → 100 → 125 ml", changed.steps)
    }

    @Test
    fun outOfRangeValuesAreRefusedByTheCoreAndTextByTheShell() {
        val settings = StartPlanForm(startMlText = "500").toSettings().ok()
        val err = blocking { g.write { cx -> startPlan(settings, cx.now, cx.zone, cx.locale) } }.failed()
        assertEquals(ErrorKind.INVALID_INPUT, err.kind)
        assertEquals("start_ml", err.field)
        assertEquals(FormResult.NotANumber("hold_days"), StartPlanForm(holdDaysText = "three").toSettings())
        assertEquals(FormResult.NotANumber("target_ml"), parseTarget("more"))
        assertEquals(ErrorKind.NOT_A_NUMBER, FormResult.NotANumber("ml").toUiError().kind)
    }
}
