package org.kefir.app.logic

import kotlin.test.AfterTest
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import uniffi.kefir_core.AgeBand
import uniffi.kefir_core.Condition
import uniffi.kefir_core.KefirKind
import uniffi.kefir_core.Level
import uniffi.kefir_core.MedClass
import uniffi.kefir_core.Source

class ScreeningTest {
    private val core = TestCore()
    private val g = core.gateway
    private val f = core.format

    @AfterTest
    fun cleanup() = core.close()

    @Test
    fun theFirstRunFlagRoutesToOnboardingUntilAProfileIsSaved() {
        val first = blocking { g.read { cx -> today(cx.now, cx.zone, cx.locale) } }.ok()
        assertTrue(first.needsScreening)
        assertEquals(StartTarget.ONBOARDING, first.startTarget())
        // Before the first save the form starts from the core's default profile.
        assertEquals(ProfileForm(), ProfileForm.from(blocking { g.read { profile() } }.ok()))
        blocking { g.write { cx -> saveProfile(ProfileForm().toProfile(), cx.now, cx.locale) } }.ok()
        assertEquals(StartTarget.TODAY, blocking { g.read { cx -> today(cx.now, cx.zone, cx.locale) } }.ok().startTarget())
    }

    @Test
    fun pregnancyNeedsTheClinicianStepUntilAcknowledged() {
        val form = ProfileForm().toggle(Condition.PREGNANT)
        val screening = blocking { g.write { cx -> saveProfile(form.toProfile(), cx.now, cx.locale) } }.ok()
        val ui = screening.toUi(f, core.clock.zone)
        assertEquals(Level.CONSULT, ui.level)
        assertTrue(ui.showClinicianStep)
        assertFalse(ui.mayStart)
        assertEquals("P4", ui.unclearedRuleIds)
        assertEquals(screening.findings.map { it.advice }, ui.findings.map { it.advice })
        assertNull(ui.clinicianClearedAt)

        val cleared = blocking { g.write { cx -> acknowledgeClinician("midwife said yes", cx.now, cx.locale) } }.ok().toUi(f, core.clock.zone)
        assertFalse(cleared.showClinicianStep)
        assertTrue(cleared.mayStart)
        assertEquals("10 Mar 2025, 09:30", cleared.clinicianClearedAt)
    }

    @Test
    fun anAdultWithoutConditionsMayStartAtOnce() {
        val ui = blocking { g.write { cx -> saveProfile(ProfileForm().toProfile(), cx.now, cx.locale) } }.ok().toUi(f, core.clock.zone)
        assertFalse(ui.showClinicianStep)
        assertTrue(ui.mayStart)
        assertEquals(ui.disclaimer, blocking { g.read { screening(it.locale) } }.ok().disclaimer)
    }

    @Test
    fun theProfileFormRoundTripsThroughTheCore() {
        val form = ProfileForm(displayName = " Sam ", ageBand = AgeBand.ADULT)
            .toggle(Condition.LACTOSE_INTOLERANCE)
            .toggle(Condition.AVOIDING_ALCOHOL)
            .toggle(MedClass.VITAMIN_K_ANTAGONIST)
            .toggle(KefirKind.WATER)
            .toggle(Source.COMMERCIAL)
            .toggle(Condition.AVOIDING_ALCOHOL) // off again
        val screening = blocking { g.write { cx -> saveProfile(form.toProfile(), cx.now, cx.locale) } }.ok()
        val ids = screening.findings.map { it.ruleId }
        assertTrue("P2" in ids && "M6" in ids && "P8" !in ids, ids.toString())
        val stored = blocking { g.read { profile() } }.ok()
        assertEquals(form.copy(displayName = "Sam"), ProfileForm.from(stored))
        assertNotNull(blocking { g.read { profileHistory() } }.ok().singleOrNull())
    }
}
