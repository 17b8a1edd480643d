package org.kefir.app.logic

import kotlin.test.AfterTest
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import uniffi.kefir_core.MedClass

class DoseFormTest {
    private val core = TestCore()

    @AfterTest
    fun cleanup() = core.close()

    @Test
    fun aDoseFromTheFormStartsTheCoresSpacingWindow() {
        assertEquals(FormResult.NotANumber("medicine"), DoseForm().toInput(core.clock.now))
        assertEquals(FormResult.NotANumber("interval_hours"), DoseForm(MedClass.ANTIBIOTIC, intervalHoursText = "often").toInput(core.clock.now))
        val input = DoseForm(MedClass.FLUOROQUINOLONE_OR_TETRACYCLINE, intervalHoursText = "12").toInput(core.clock.now).ok()
        val logged = blocking { core.gateway.write { cx -> logDose(input, cx.now, cx.zone, cx.locale) } }.ok()
        val s = logged.toUi(core.format, core.clock.zone).single()
        assertEquals("M3", s.ruleId)
        assertTrue(s.blockedNow)
        assertEquals("2 h", s.countdown) // M3: kefir 2 h after the dose
        // Dose at 09:30 local every 12 h: next at 21:30, so kefir no later than 6 h before it.
        assertEquals("15:30", s.allowedUntil)
    }
}
