// Every screen's words for the domain vocabulary come from the core, in the
// app's language (en, de, ru): the shell holds no label of its own. These
// tests drive the same plain-Kotlin loaders the screens use, through the
// gateway, with the app's language switched per test.
package org.kefir.app.logic

import kotlin.test.AfterTest
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertNotEquals
import kotlin.test.assertTrue
import uniffi.kefir_core.Condition
import uniffi.kefir_core.PlanSettings
import uniffi.kefir_core.DecisionKind
import uniffi.kefir_core.KefirKind
import uniffi.kefir_core.MedClass
import uniffi.kefir_core.Paper
import uniffi.kefir_core.Severity
import uniffi.kefir_core.Source
import uniffi.kefir_core.Symptom

class CoreWordsTest {
    private val core = TestCore()
    private val g = core.gateway

    @AfterTest
    fun cleanup() = core.close()

    private fun cyrillic(s: String) = s.any { it in '\u0400'..'\u04FF' }

    private fun questionsIn(tag: String) = blocking {
        core.locale = tag
        loadProfileStart(g)
    }.ok().questions

    @Test
    fun theScreeningFormAsksTheCoresQuestionsInEachLanguage() {
        val en = questionsIn("en")
        val de = questionsIn("de-DE")
        val ru = questionsIn("ru")
        fun lactose(q: uniffi.kefir_core.ScreeningForm) = q.conditions.single { it.code == Condition.LACTOSE_INTOLERANCE }
        assertTrue(lactose(en).label.contains("Lactose"), lactose(en).label)
        assertTrue(lactose(de).label.contains("Laktose"), lactose(de).label)
        assertTrue(lactose(ru).label.contains("лактоз"), lactose(ru).label)
        // Every option of every language has a label and conditions/medicines a help text.
        for (q in listOf(en, de, ru)) {
            assertEquals(Condition.entries, q.conditions.map { it.code })
            assertEquals(MedClass.entries, q.medicines.map { it.code })
            assertTrue(q.conditions.all { it.label.isNotBlank() && it.help.isNotBlank() })
            assertTrue(q.medicines.all { it.label.isNotBlank() && it.help.isNotBlank() })
            assertTrue(q.ageBands.isNotEmpty() && q.ageBands.all { it.label.isNotBlank() })
            assertTrue(q.intro.isNotBlank())
        }
        // The three languages differ, and Russian is written in Cyrillic.
        assertNotEquals(en.conditions.map { it.label }, de.conditions.map { it.label })
        assertTrue(ru.conditions.all { cyrillic(it.label) }, ru.conditions.toString())
        assertTrue(ru.medicines.all { cyrillic(it.label) }, ru.medicines.toString())
    }

    @Test
    fun aLanguageWithoutACatalogueGetsEnglish() {
        assertEquals(questionsIn("en").conditions, questionsIn("fr-FR").conditions)
    }

    @Test
    fun theCheckinFormsSymptomsSeveritiesAndBristolTypesAreTheCoresInEachLanguage() {
        val forms = listOf("en", "de", "ru").associateWith { tag ->
            core.locale = tag
            blocking { loadCheckinForm(g) }.ok()
        }
        for ((tag, f) in forms) {
            assertEquals(Symptom.entries, f.symptoms.map { it.code }, tag)
            assertEquals(Severity.entries, f.severities.map { it.code }, tag)
            assertEquals((1..7).map { it.toUByte() }, f.bristolTypes.map { it.bristolType }, tag)
            assertTrue(f.bristolTypes.all { it.label.isNotBlank() && it.description.isNotBlank() }, tag)
        }
        val hives = forms.mapValues { (_, f) -> f.symptoms.single { it.code == Symptom.HIVES }.label }
        assertEquals(3, hives.values.toSet().size, hives.toString())
        assertTrue(cyrillic(hives.getValue("ru")))
        val type4 = forms.mapValues { (_, f) -> f.bristolTypes.single { it.bristolType == 4.toUByte() }.description }
        assertTrue(type4.getValue("en").contains("sausage", ignoreCase = true), type4.toString())
        assertTrue(type4.getValue("de").contains("Wurst"), type4.toString())
        assertTrue(cyrillic(type4.getValue("ru")), type4.toString())
    }

    @Test
    fun theDrinkFormsKindsAndSourcesAreTheCoresInEachLanguage() {
        val labels = listOf("en", "de", "ru").associateWith { tag ->
            core.locale = tag
            blocking { g.read { cx -> drinkForm(cx.now, cx.zone, cx.locale) } }.ok().toOptions()
        }
        for ((tag, o) in labels) {
            assertEquals(KefirKind.entries, o.kinds.map { it.value }, tag)
            assertEquals(Source.entries, o.sources.map { it.value }, tag)
            assertTrue(o.kinds.all { it.label.isNotBlank() } && o.sources.all { it.label.isNotBlank() }, tag)
        }
        val water = labels.mapValues { (_, o) -> o.kinds.single { it.value == KefirKind.WATER }.label }
        assertEquals(3, water.values.toSet().size, water.toString())
        assertTrue(cyrillic(water.getValue("ru")), water.toString())
    }

    @Test
    fun storedDrinksAndDosesAreNamedWithTheFormsWords() {
        for (tag in listOf("en", "de", "ru")) {
            core.locale = tag
            val names = blocking { loadCoreNames(g) }.ok()
            val q = questionsIn(tag)
            assertEquals(q.kinds.single { it.code == KefirKind.PLANT }.label, names.of(KefirKind.PLANT), tag)
            assertEquals(q.sources.single { it.code == Source.HOMEMADE }.label, names.of(Source.HOMEMADE), tag)
            assertEquals(q.medicines.single { it.code == MedClass.ANTIBIOTIC }.label, names.of(MedClass.ANTIBIOTIC), tag)
            assertEquals(MedClass.entries, names.medicineOrder, tag)
        }
    }

    @Test
    fun theReportsScreenStartsOnTheCoresPaperAndLanguageAndOffersTheCoresLanguages() {
        fun loaded(tag: String): ReportsState {
            core.locale = tag
            val model = ReportsModel(g, { core.format }, core.dir.resolve("shared-$tag").apply { mkdirs() })
            blocking { model.load() }
            return model.state.value
        }
        val us = loaded("en-US")
        assertEquals(Paper.LETTER, us.paper)
        assertEquals("en", us.reportLanguage)
        val de = loaded("de-DE")
        assertEquals(Paper.A4, de.paper)
        assertEquals("de", de.reportLanguage)
        assertEquals(listOf("en", "de", "ru"), de.languages.map { it.code })
        // Each language is offered under its own name; the app's language names them too.
        assertEquals(de.languages.map { it.name }, us.languages.map { it.name })
        assertNotEquals(de.languages.map { it.nameInLocale }, us.languages.map { it.nameInLocale })
        assertTrue(cyrillic(loaded("ru").languages.single { it.code == "ru" }.name))
    }

    @Test
    fun theReportCallsGetTheReportsLanguageNotTheApps() {
        core.locale = "de-DE"
        val model = ReportsModel(g, { core.format }, core.dir.resolve("shared").apply { mkdirs() })
        blocking { model.load() }
        assertTrue(blocking { model.preview() })
        assertTrue(blocking { model.export(ReportKind.PDF) }!!.files.single().length() > 0)
        // A tag the core refuses reaches the summary and the exports (and only
        // them: the app's German still loads the range), so the report's
        // language, not the app's, is what they are written in.
        model.setReportLanguage("not a language tag")
        assertEquals(null, model.state.value.preview, "the preview in the other language is dropped")
        blocking { model.preview() }
        assertEquals("locale", model.state.value.error?.field)
        assertEquals(null, model.state.value.preview)
        assertEquals(null, blocking { model.export(ReportKind.FHIR) })
        assertEquals("locale", model.state.value.error?.field)
        model.setReportLanguage("en")
        assertTrue(blocking { model.preview() })
        assertEquals(null, model.state.value.error)
        assertTrue(blocking { model.exportCsv() }!!.files.isNotEmpty())
    }

    @Test
    fun planStatusesDecisionsAndLevelsAreTheCoresWordsInEachLanguage() {
        blocking { g.write { cx -> startPlan(PlanSettings(), cx.now, cx.zone, cx.locale) } }.ok()
        val hives = SymptomForm().with(Symptom.HIVES, Severity.MILD)
        blocking { g.write { cx -> reportReaction(hives.toReaction(cx.now), cx.now, cx.zone, cx.locale) } }.ok()
        // (language, stopped, the stop decision, the stop level)
        val expected = listOf(
            listOf("en", "Stopped", "Stop", "Stop"),
            listOf("de-DE", "Beendet", "Stopp", "Stopp"),
            listOf("ru", "Остановлен", "Остановка", "Стоп"),
        )
        for ((tag, stopped, stop, level) in expected) {
            core.locale = tag
            val plan = blocking { g.read { cx -> planView(cx.now, cx.zone, cx.locale) } }.ok().toUi(core.format)
            assertEquals(stopped, plan.statusLabel, tag)
            // Today's start and stop are one standing decision: the stop.
            assertEquals(listOf(DecisionKind.STOP), plan.history.map { it.kind }, tag)
            assertEquals(stop, plan.history.single().kindLabel, tag)
            val today = blocking { g.read { cx -> today(cx.now, cx.zone, cx.locale) } }.ok().toUi(core.format)
            assertEquals(stopped, today.progress?.statusLabel, tag)
            assertEquals(stop, today.decision?.kindLabel, tag)
            val assessment = blocking {
                g.write { cx -> reportReaction(hives.toReaction(cx.now), cx.now, cx.zone, cx.locale) }
            }.ok().assessment.toUi(core.format)
            assertEquals(level, assessment.levelLabel, tag)
            // Finding cards show the core's word for the level too.
            val card = assessment.findings.first { it.ruleId == "S6" }
            assertEquals(level, card.levelLabel, tag)
            val screening = blocking { g.read { cx -> screening(cx.locale) } }.ok()
            assertTrue(screening.levelLabel.isNotBlank(), tag)
        }
    }
}
