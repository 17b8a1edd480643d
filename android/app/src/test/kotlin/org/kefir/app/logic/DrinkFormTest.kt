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

    /** The core's drink form (options, labels, preselection, quick amounts) for now. */
    private fun options() = blocking { g.read { cx -> drinkForm(cx.now, cx.zone, cx.locale) } }.ok().toOptions()

    /** A form on [source], with the batch fields the core says go with it. */
    private fun on(source: Source, form: DrinkForm = DrinkForm()) = options().withSource(form, source)

    @Test
    fun onlyTheCoreDecidesWhichSourceHasBatchFields() {
        val o = options()
        assertEquals(listOf(Source.HOMEMADE), o.sources.filter { it.batchFields }.map { it.value })
        assertTrue(on(Source.HOMEMADE).batchFields)
        assertFalse(on(Source.COMMERCIAL, on(Source.HOMEMADE)).batchFields)
    }

    @Test
    fun aSpoiledHomemadeBatchIsStoredAndTheCoreWarns() {
        val form = on(Source.HOMEMADE, DrinkForm(mlText = " 80 ", kind = KefirKind.MILK_GOAT,
            fermentationHoursText = "24", roomTempCText = "21", mould = true))
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
        val form = on(Source.COMMERCIAL, DrinkForm(mlText = "100", fermentationHoursText = "x", offSmell = true))
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
            on(Source.HOMEMADE, DrinkForm(mlText = "50", fermentationHoursText = "a day")).toInput(core.clock.now))
        assertEquals(FormResult.NotANumber("room_temp_c"),
            on(Source.HOMEMADE, DrinkForm(mlText = "50", roomTempCText = "warm")).toInput(core.clock.now))
        // Blank batch fields are "not given", not errors.
        assertNull(on(Source.HOMEMADE, DrinkForm(mlText = "50")).toInput(core.clock.now).ok().batch!!.fermentationHours)
    }

    @Test
    fun limitsAreTheCoresNotTheShells() {
        // The shell forwards 5000 ml; the core refuses it and names the field.
        val input = DrinkForm(mlText = "5000").toInput(core.clock.now).ok()
        val err = blocking { g.write { cx -> logDrink(input, cx.now, cx.zone, cx.locale) } }.failed()
        assertEquals(ErrorKind.INVALID_INPUT, err.kind)
        assertEquals("ml", err.field)
        // Homemade with a 300 h fermentation: the core names that field.
        val hot = on(Source.HOMEMADE, DrinkForm(mlText = "50", fermentationHoursText = "300")).toInput(core.clock.now).ok()
        assertEquals("fermentation_hours", blocking { g.write { cx -> logDrink(hot, cx.now, cx.zone, cx.locale) } }.failed().field)
    }

    private fun profileWith(vararg conditions: Condition) = blocking {
        g.write { cx ->
            saveProfile(Profile(ageBand = AgeBand.ADULT, conditions = conditions.toList(), medicines = emptyList(),
                preferredKinds = emptyList(), preferredSources = emptyList()), cx.now, cx.locale)
        }
    }.ok()

    @Test
    fun withoutRestrictionsEveryKindAndSourceIsAllowedAndTheCorePreselects() {
        profileWith()
        val o = options()
        assertEquals(KefirKind.entries, o.kinds.map { it.value })
        assertEquals(Source.entries, o.sources.map { it.value })
        assertTrue(o.kinds.all { it.allowed } && o.sources.all { it.allowed })
        // No drink yet and no preference: the core's fallback, cow's milk, shop-bought.
        val form = o.preselect(DrinkForm())
        assertEquals(KefirKind.MILK_COW, form.kind)
        assertEquals(Source.COMMERCIAL, form.source)
        assertFalse(form.batchFields)
    }

    @Test
    fun aMilkProteinAllergyMarksMilkKindsAndTheCorePreselectsAnAllowedOne() {
        profileWith(Condition.MILK_PROTEIN_ALLERGY)
        val t = blocking { g.read { cx -> today(cx.now, cx.zone, cx.locale) } }.ok()
        val o = options()
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
    fun pregnancyMarksHomemadeAndTheCorePreselectsShopBought() {
        profileWith(Condition.PREGNANT)
        val o = options()
        assertEquals(listOf(Source.COMMERCIAL), o.sources.filter { it.allowed }.map { it.value })
        assertFalse(o.allows(Source.HOMEMADE))
        assertTrue(o.kinds.all { it.allowed })
        val form = o.preselect(DrinkForm(source = Source.HOMEMADE, kind = KefirKind.MILK_GOAT, batchFields = true))
        assertEquals(Source.COMMERCIAL, form.source)
        assertFalse(form.batchFields)
    }

    @Test
    fun quickAmountsAreTheCoresWhatIsLeftTodaysTargetAndCommonSteps() {
        val before = options().quick
        assertTrue(before.isNotEmpty() && before == before.sorted(), "without a plan the core offers its common steps: $before")
        blocking { g.write { cx -> startPlan(PlanSettings(), cx.now, cx.zone, cx.locale) } }.ok()
        val input = DrinkForm(mlText = "20").toInput(core.clock.now).ok()
        blocking { g.write { cx -> logDrink(input, cx.now, cx.zone, cx.locale) } }.ok()
        val t = blocking { g.read { cx -> today(cx.now, cx.zone, cx.locale) } }.ok()
        val quick = options().quick
        assertTrue(t.remainingMl!! in quick && t.targetMl!! in quick, "$quick should hold ${t.remainingMl} and ${t.targetMl}")
        assertEquals(quick.sorted().distinct(), quick)
    }
}
