package org.kefir.app.logic

import kotlin.test.AfterTest
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertNull
import kotlin.test.assertTrue
import uniffi.kefir_core.KefirKind
import uniffi.kefir_core.PlanSettings
import uniffi.kefir_core.Source

class DrinkFormTest {
    private val core = TestCore()
    private val g = core.gateway

    @AfterTest
    fun cleanup() = core.close()

    @Test
    fun aSpoiledHomemadeBatchIsStoredAndTheCoreWarns() {
        val form = DrinkForm(mlText = " 80 ", kind = KefirKind.MILK_GOAT, source = Source.HOMEMADE,
            fermentationHoursText = "24", roomTempCText = "21", mould = true)
        val input = form.toInput(core.clock.now).ok()
        assertEquals(80u, input.ml)
        assertEquals(24u, input.batch!!.fermentationHours)
        assertEquals(21, input.batch!!.roomTempC)
        val logged = blocking { g.write { cx -> logDrink(input, cx.now, cx.zone) } }.ok()
        val ui = logged.toUi(core.format)
        assertEquals("80 ml", ui.amount)
        val ids = ui.warnings.map { it.ruleId }
        assertTrue("H2" in ids && "H1" in ids, ids.toString())
        assertTrue(ui.warnings.first { it.ruleId == "H2" }.isAlert)
    }

    @Test
    fun commercialKefirSendsNoBatchEvenIfBatchFieldsWereTyped() {
        val form = DrinkForm(mlText = "100", source = Source.COMMERCIAL, fermentationHoursText = "x", offSmell = true)
        val input = form.toInput(core.clock.now).ok()
        assertNull(input.batch)
        val logged = blocking { g.write { cx -> logDrink(input, cx.now, cx.zone) } }.ok()
        assertTrue(logged.warnings.none { it.ruleId == "H2" })
    }

    @Test
    fun textThatIsNotANumberNamesTheCoreField() {
        assertEquals(FormResult.NotANumber("ml"), DrinkForm(mlText = "lots").toInput(core.clock.now))
        assertEquals(FormResult.NotANumber("ml"), DrinkForm(mlText = "-5").toInput(core.clock.now))
        assertEquals(FormResult.NotANumber("fermentation_hours"),
            DrinkForm(mlText = "50", source = Source.HOMEMADE, fermentationHoursText = "a day").toInput(core.clock.now))
        assertEquals(FormResult.NotANumber("room_temp_c"),
            DrinkForm(mlText = "50", source = Source.HOMEMADE, roomTempCText = "warm").toInput(core.clock.now))
        // Blank batch fields are "not given", not errors.
        assertNull(DrinkForm(mlText = "50", source = Source.HOMEMADE).toInput(core.clock.now).ok().batch!!.fermentationHours)
    }

    @Test
    fun limitsAreTheCoresNotTheShells() {
        // The shell forwards 5000 ml; the core refuses it and names the field.
        val input = DrinkForm(mlText = "5000").toInput(core.clock.now).ok()
        val err = blocking { g.write { cx -> logDrink(input, cx.now, cx.zone) } }.failed()
        assertEquals(ErrorKind.INVALID_INPUT, err.kind)
        assertEquals("ml", err.field)
        // Homemade with a 300 h fermentation: the core names that field.
        val hot = DrinkForm(mlText = "50", source = Source.HOMEMADE, fermentationHoursText = "300").toInput(core.clock.now).ok()
        assertEquals("fermentation_hours", blocking { g.write { cx -> logDrink(hot, cx.now, cx.zone) } }.failed().field)
    }

    @Test
    fun quickAmountsAreWhatIsLeftAndTodaysTarget() {
        val before = blocking { g.read { cx -> today(cx.now, cx.zone) } }.ok()
        assertEquals(emptyList(), quickAmounts(before)) // no plan, no suggestions
        blocking { g.write { cx -> startPlan(PlanSettings(), cx.now, cx.zone) } }.ok()
        val input = DrinkForm(mlText = "20").toInput(core.clock.now).ok()
        blocking { g.write { cx -> logDrink(input, cx.now, cx.zone) } }.ok()
        val t = blocking { g.read { cx -> today(cx.now, cx.zone) } }.ok()
        assertEquals(listOf(30u, 50u), quickAmounts(t))
    }
}
