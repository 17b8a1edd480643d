package org.kefir.app.logic

import kotlin.test.AfterTest
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import uniffi.kefir_core.AgeBand
import uniffi.kefir_core.DecisionKind
import uniffi.kefir_core.DoseInput
import uniffi.kefir_core.DrinkInput
import uniffi.kefir_core.KefirKind
import uniffi.kefir_core.MedClass
import uniffi.kefir_core.PlanSettings
import uniffi.kefir_core.PlanStatus
import uniffi.kefir_core.Profile
import uniffi.kefir_core.Source
import uniffi.kefir_core.Today

class TodayUiTest {
    private val core = TestCore()
    private val g = core.gateway
    private val f = core.format

    @AfterTest
    fun cleanup() = core.close()

    private fun today(): Today = blocking { g.read { cx -> today(cx.now, cx.zone, cx.locale) } }.ok()

    private fun drink(ml: UInt) = blocking {
        g.write { cx -> logDrink(DrinkInput(at = cx.now, ml = ml, kind = KefirKind.MILK_COW, source = Source.COMMERCIAL), cx.now, cx.zone, cx.locale) }
    }.ok()

    @Test
    fun withoutAPlanThereIsNoTargetAndTheHeadlineIsTheCores() {
        val t = today()
        val ui = t.toUi(f)
        assertEquals(t.headline, ui.headline)
        assertEquals("0 ml", ui.drunk)
        assertNull(ui.target)
        assertNull(ui.remaining)
        assertNull(ui.intakeFraction)
        assertNull(ui.decision)
        assertTrue(ui.mayStartPlan)
        assertTrue(ui.checkinDue)
        assertEquals("10 Mar 2025", ui.dateLabel)
        assertEquals(t.disclaimer, ui.disclaimer)
        // No check-ins yet: yesterday's can be filled in, for the core's date; no streak.
        assertTrue(ui.canFillYesterday)
        assertEquals("2025-03-09", ui.yesterday)
        assertEquals("9 Mar 2025", ui.yesterdayLabel)
        assertEquals(0u, ui.streakDays)
    }

    @Test
    fun theStreakAndYesterdaysDateComeFromTheCore() {
        val t = today()
        blocking { g.write { cx -> saveCheckin(SymptomForm().toCheckin(t.yesterday), cx.now, cx.zone, cx.locale) } }.ok()
        val afterYesterday = today().toUi(f)
        // Today's is still open: the streak ends yesterday, and yesterday is done.
        assertEquals(1u, afterYesterday.streakDays)
        assertFalse(afterYesterday.canFillYesterday)
        assertNull(afterYesterday.yesterday)
        assertNull(afterYesterday.yesterdayLabel)
        blocking { g.write { cx -> saveCheckin(SymptomForm().toCheckin(t.date), cx.now, cx.zone, cx.locale) } }.ok()
        assertEquals(2u, today().toUi(f).streakDays)
        // The next local day (Berlin): its yesterday is the 10th, which is done.
        core.clock.now = core.clock.now.plusSeconds(24 * 3600)
        val next = today().toUi(f)
        assertEquals("11 Mar 2025", next.dateLabel)
        assertNull(next.yesterday)
        assertEquals(2u, next.streakDays)
        // Two days on, the 11th was missed: its date is offered, and the streak is broken.
        core.clock.now = core.clock.now.plusSeconds(24 * 3600)
        val later = today().toUi(f)
        assertEquals("2025-03-11", later.yesterday)
        assertEquals(0u, later.streakDays)
    }

    @Test
    fun aPlanAndADrinkMapIntoTargetRemainingDecisionAndProgress() {
        blocking { g.write { cx -> startPlan(PlanSettings(), cx.now, cx.zone, cx.locale) } }.ok()
        drink(30u)
        val t = today()
        val ui = t.toUi(f)
        assertEquals("30 ml", ui.drunk)
        assertEquals("50 ml", ui.target)
        assertEquals("20 ml", ui.remaining)
        assertEquals(0.6f, ui.intakeFraction!!, 0.0001f)
        assertEquals(t.headline, ui.headline)
        val d = assertNotNull(ui.decision)
        assertEquals(DecisionKind.START, d.kind)
        assertEquals(t.decision!!.reason, d.reason)
        assertEquals(f.ruleIds(t.decision!!.ruleIds), d.ruleIds)
        assertEquals(1u, d.step)
        val p = assertNotNull(ui.progress)
        assertEquals(PlanStatus.ACTIVE, p.status)
        assertEquals(1u, p.step)
        assertEquals(5u, p.steps) // 50, 75, 100, 125, 150 ml: the core's defaults
        assertEquals("150 ml", p.goal)
        assertEquals(0.2f, p.fraction, 0.0001f)
        assertFalse(ui.mayStartPlan)
        // 08:30Z is 09:30 in Berlin (CET) on 10 March.
        assertEquals(listOf("09:30"), ui.drinks.map { it.time })
        assertEquals(KefirKind.MILK_COW, ui.drinks.single().kind)

        drink(40u)
        val over = today().toUi(f)
        assertEquals("0 ml", over.remaining)
        assertEquals(1.0f, over.intakeFraction!!, 0.0001f)
        assertEquals(2, over.drinks.size)
    }

    @Test
    fun aMedicineSpacingWindowShowsTheCoresCountdownAndWarning() {
        val p = Profile(ageBand = AgeBand.ADULT, conditions = emptyList(), medicines = listOf(MedClass.ANTIBIOTIC),
            preferredKinds = emptyList(), preferredSources = emptyList())
        blocking { g.write { cx -> saveProfile(p, cx.now, cx.locale) } }.ok()
        val doseAt = core.clock.now.minusSeconds(3600)
        blocking { g.write { cx -> logDose(DoseInput(medicine = MedClass.ANTIBIOTIC, at = doseAt), cx.now, cx.zone, cx.locale) } }.ok()
        val t = today()
        val ui = t.toUi(f)
        val s = ui.spacing.single()
        assertTrue(s.blockedNow)
        assertEquals("M1", s.ruleId)
        assertEquals(t.spacing.single().message, s.message)
        // M1: kefir 3 h after a dose, so 2 h left; the minutes come from the core.
        assertEquals(120u, t.spacing.single().minutesUntilAllowed)
        assertEquals("2 h", s.countdown)
        assertEquals("11:30", s.allowedFrom)
        assertTrue(ui.warnings.any { it.ruleId == "M1" }, ui.warnings.toString())
    }
}
