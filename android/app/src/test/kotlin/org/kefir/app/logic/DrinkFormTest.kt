package org.kefir.app.logic

import kotlin.test.AfterTest
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertNull
import kotlin.test.assertTrue
import uniffi.kefir_core.AgeBand
import uniffi.kefir_core.Condition
import uniffi.kefir_core.KefirKind
import uniffi.kefir_core.PlanSettings
import uniffi.kefir_core.Profile
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
        val logged = blocking { g.write { cx -> logDrink(input, cx.now, cx.zone, cx.locale) } }.ok()
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
        val logged = blocking { g.write { cx -> logDrink(input, cx.now, cx.zone, cx.locale) } }.ok()
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
        val err = blocking { g.write { cx -> logDrink(input, cx.now, cx.zone, cx.locale) } }.failed()
        assertEquals(ErrorKind.INVALID_INPUT, err.kind)
        assertEquals("ml", err.field)
        // Homemade with a 300 h fermentation: the core names that field.
        val hot = DrinkForm(mlText = "50", source = Source.HOMEMADE, fermentationHoursText = "300").toInput(core.clock.now).ok()
        assertEquals("fermentation_hours", blocking { g.write { cx -> logDrink(hot, cx.now, cx.zone, cx.locale) } }.failed().field)
    }

    private fun profileWith(vararg conditions: Condition) = blocking {
        g.write { cx ->
            saveProfile(Profile(ageBand = AgeBand.ADULT, conditions = conditions.toList(), medicines = emptyList(),
                preferredKinds = emptyList(), preferredSources = emptyList()), cx.now, cx.locale)
        }
    }.ok()

    private fun options() = blocking { g.read { cx -> today(cx.now, cx.zone, cx.locale) } }.ok().drinkOptions()

    @Test
    fun withoutRestrictionsEveryKindAndSourceIsAllowedAndTheFormKeepsItsDefaults() {
        profileWith()
        val o = options()
        assertEquals(KefirKind.entries, o.kinds.map { it.value })
        assertEquals(Source.entries, o.sources.map { it.value })
        assertTrue(o.kinds.all { it.allowed } && o.sources.all { it.allowed })
        assertEquals(DrinkForm(), o.preselect(DrinkForm()))
    }

    @Test
    fun aMilkProteinAllergyMarksMilkKindsAndPreselectsAnAllowedOne() {
        profileWith(Condition.MILK_PROTEIN_ALLERGY)
        val t = blocking { g.read { cx -> today(cx.now, cx.zone, cx.locale) } }.ok()
        val o = t.drinkOptions()
        assertEquals(t.allowedKinds, o.kinds.filter { it.allowed }.map { it.value })
        assertEquals(listOf(KefirKind.WATER, KefirKind.PLANT), o.kinds.filter { it.allowed }.map { it.value })
        assertFalse(o.allows(KefirKind.MILK_COW))
        assertTrue(o.sources.all { it.allowed })
        val form = o.preselect(DrinkForm())
        assertEquals(KefirKind.WATER, form.kind)
        assertEquals(Source.COMMERCIAL, form.source)
        // A marked kind can still be logged; the core warns (P1).
        val logged = blocking { g.write { cx -> logDrink(DrinkForm(mlText = "50").toInput(cx.now).ok(), cx.now, cx.zone, cx.locale) } }.ok()
        assertTrue(logged.warnings.any { it.ruleId == "P1" }, logged.warnings.toString())
    }

    @Test
    fun pregnancyMarksHomemadeAndMovesAHomemadeFormToShopBought() {
        profileWith(Condition.PREGNANT)
        val o = options()
        assertEquals(listOf(Source.COMMERCIAL), o.sources.filter { it.allowed }.map { it.value })
        assertFalse(o.allows(Source.HOMEMADE))
        assertTrue(o.kinds.all { it.allowed })
        val form = o.preselect(DrinkForm(source = Source.HOMEMADE, kind = KefirKind.MILK_GOAT))
        assertEquals(Source.COMMERCIAL, form.source)
        assertEquals(KefirKind.MILK_GOAT, form.kind)
    }

    @Test
    fun quickAmountsAreWhatIsLeftAndTodaysTarget() {
        val before = blocking { g.read { cx -> today(cx.now, cx.zone, cx.locale) } }.ok()
        assertEquals(emptyList(), quickAmounts(before)) // no plan, no suggestions
        blocking { g.write { cx -> startPlan(PlanSettings(), cx.now, cx.zone, cx.locale) } }.ok()
        val input = DrinkForm(mlText = "20").toInput(core.clock.now).ok()
        blocking { g.write { cx -> logDrink(input, cx.now, cx.zone, cx.locale) } }.ok()
        val t = blocking { g.read { cx -> today(cx.now, cx.zone, cx.locale) } }.ok()
        assertEquals(listOf(30u, 50u), quickAmounts(t))
        assertEquals(listOf(30u, 50u), t.drinkOptions().quick)
    }
}
