import Foundation
import KefirKit
import XCTest

/// Every screen's words for the domain vocabulary come from the core, in the
/// app's language (en, de, ru): the iOS shell holds no label of its own, and
/// the Android shell shows the same records, so both ask the same questions
/// in the same words.
final class CoreWordsTests: StoreTestCase {
    private func cyrillic(_ s: String) -> Bool {
        s.unicodeScalars.contains { (0x400...0x4FF).contains($0.value) }
    }

    func testTheScreeningFormAsksTheCoresQuestionsInEachLanguage() throws {
        let en = try store.screeningForm(locale: "en")
        let de = try store.screeningForm(locale: "de-DE")
        let ru = try store.screeningForm(locale: "ru")
        func lactose(_ f: ScreeningForm) -> String {
            f.conditions.first { $0.code == .lactoseIntolerance }?.label ?? ""
        }
        XCTAssertTrue(lactose(en).contains("Lactose"), lactose(en))
        XCTAssertTrue(lactose(de).contains("Laktose"), lactose(de))
        XCTAssertTrue(lactose(ru).contains("лактоз"), lactose(ru))
        for f in [en, de, ru] {
            XCTAssertEqual(f.conditions.map(\.code), Condition.allCases)
            XCTAssertEqual(f.medicines.map(\.code), MedClass.allCases)
            XCTAssertEqual(f.ageBands.map(\.code), AgeBand.allCases)
            XCTAssertTrue(f.conditions.allSatisfy { !$0.label.isEmpty && !$0.help.isEmpty })
            XCTAssertTrue(f.medicines.allSatisfy { !$0.label.isEmpty && !$0.help.isEmpty })
            XCTAssertFalse(f.intro.isEmpty)
        }
        XCTAssertNotEqual(en.conditions.map(\.label), de.conditions.map(\.label))
        XCTAssertTrue(ru.conditions.allSatisfy { cyrillic($0.label) }, "\(ru.conditions)")
        // A language without a catalogue gets English.
        XCTAssertEqual(try store.screeningForm(locale: "fr_FR").conditions, en.conditions)
    }

    func testTheCheckinFormsSymptomsSeveritiesAndBristolTypesAreTheCoresInEachLanguage() throws {
        var hives: [String: String] = [:]
        var type4: [String: String] = [:]
        for tag in ["en", "de", "ru"] {
            let f = try store.checkinForm(locale: tag)
            XCTAssertEqual(f.symptoms.map(\.code), Symptom.allCases, tag)
            XCTAssertEqual(f.severities.map(\.code), Severity.allCases, tag)
            XCTAssertEqual(f.defaultSeverity, Severity.none, tag)
            XCTAssertEqual(f.bristolTypes.map(\.bristolType), Array(UInt8(1)...7), tag)
            XCTAssertTrue(f.bristolTypes.allSatisfy { !$0.label.isEmpty && !$0.description.isEmpty }, tag)
            XCTAssertFalse(f.reactionNeedsSymptom.isEmpty, tag)
            hives[tag] = f.symptoms.first { $0.code == .hives }?.label
            type4[tag] = f.bristolTypes.first { $0.bristolType == 4 }?.description
        }
        XCTAssertEqual(Set(hives.values).count, 3, "\(hives)")
        XCTAssertTrue(cyrillic(hives["ru"] ?? ""))
        // iOS now shows the Bristol descriptions too, in the app's language.
        XCTAssertTrue(type4["en"]?.localizedCaseInsensitiveContains("sausage") == true, "\(type4)")
        XCTAssertTrue(type4["de"]?.contains("Wurst") == true, "\(type4)")
        XCTAssertTrue(cyrillic(type4["ru"] ?? ""), "\(type4)")
    }

    func testAReactionReportNeedsASymptomAboveNoneByTheCoresGate() {
        XCTAssertFalse(store.reactionSubmitAllowed([]))
        XCTAssertFalse(store.reactionSubmitAllowed([SymptomEntry(symptom: .gas, severity: .none)]))
        XCTAssertTrue(store.reactionSubmitAllowed([SymptomEntry(symptom: .hives, severity: .mild)]))
    }

    func testTheDrinkFormsKindsAndSourcesAreTheCoresInEachLanguage() async throws {
        var water: [String: String] = [:]
        for tag in ["en", "de", "ru"] {
            let f = try await store.drinkForm(now: mondayMorning, timeZone: tz, locale: tag)
            XCTAssertEqual(f.kinds.map(\.code), KefirKind.allCases, tag)
            XCTAssertEqual(f.sources.map(\.code), Source.allCases, tag)
            XCTAssertTrue(f.kinds.allSatisfy { !$0.label.isEmpty } && f.sources.allSatisfy { !$0.label.isEmpty }, tag)
            water[tag] = f.label(KefirKind.water)
        }
        XCTAssertEqual(Set(water.values).count, 3, "\(water)")
        XCTAssertTrue(cyrillic(water["ru"] ?? ""))
    }

    func testStoredRecordsAreNamedWithTheFormsWords() throws {
        for tag in ["en", "de", "ru"] {
            let form = try store.screeningForm(locale: tag)
            let names = CoreNames(form)
            XCTAssertEqual(names.of(KefirKind.plant), form.kinds.first { $0.code == .plant }?.label, tag)
            XCTAssertEqual(names.of(Source.homemade), form.sources.first { $0.code == .homemade }?.label, tag)
            XCTAssertEqual(names.of(MedClass.antibiotic), form.medicines.first { $0.code == .antibiotic }?.label, tag)
            XCTAssertEqual(names.medicineOrder, MedClass.allCases, tag)
        }
    }

    func testReportsStartOnTheCoresPaperAndLanguage() async throws {
        let us = ReportsModel(store: store, directory: dir.appendingPathComponent("us"), language: "en-US")
        let usDefaults = try await us.defaults(timeZone: tz, locale: "en-US")
        XCTAssertEqual(usDefaults.paper, .letter)
        let usPaper = await us.paper
        XCTAssertEqual(usPaper, .letter)
        let usLanguage = await us.language
        XCTAssertEqual(usLanguage, "en")

        let de = ReportsModel(store: store, directory: dir.appendingPathComponent("de"), language: "de-DE")
        let deDefaults = try await de.defaults(timeZone: tz, locale: "de-DE")
        XCTAssertEqual(deDefaults.paper, .a4)
        XCTAssertEqual(deDefaults.reportLanguages.map(\.code), ["en", "de", "ru"])
        XCTAssertEqual(deDefaults.reportLanguages.map(\.name), usDefaults.reportLanguages.map(\.name))
        XCTAssertNotEqual(deDefaults.reportLanguages.map(\.nameInLocale), usDefaults.reportLanguages.map(\.nameInLocale))
        let deLanguage = await de.language
        XCTAssertEqual(deLanguage, "de")
        // The person's choices stay when the defaults load again.
        await de.chooseLanguage("en")
        await de.choosePaper(.letter)
        _ = try await de.defaults(timeZone: tz, locale: "de-DE")
        let chosenLanguage = await de.language
        let chosenPaper = await de.paper
        XCTAssertEqual(chosenLanguage, "en")
        XCTAssertEqual(chosenPaper, .letter)
    }

    /// The report calls get the report's language, not the app's: a tag the
    /// core refuses reaches the summary (and the files) only.
    func testTheReportCallsGetTheReportsLanguage() async throws {
        let model = ReportsModel(store: store, directory: dir.appendingPathComponent("r"), language: "de-DE")
        _ = try await model.range(now: mondayMorning, timeZone: tz)
        _ = try await model.summary(now: mondayMorning, timeZone: tz)
        await model.chooseLanguage("not a language tag")
        do {
            _ = try await model.summary(now: mondayMorning, timeZone: tz)
            XCTFail("the summary did not get the report's language")
        } catch let KefirError.InvalidInput(field, _) {
            XCTAssertEqual(field, "locale")
        }
        do {
            _ = try await model.write(.fhir, now: mondayMorning, timeZone: tz)
            XCTFail("the FHIR file did not get the report's language")
        } catch let KefirError.InvalidInput(field, _) {
            XCTAssertEqual(field, "locale")
        }
        await model.chooseLanguage("en")
        let files = try await model.write(.pdf, now: mondayMorning, timeZone: tz)
        XCTAssertEqual(files.count, 1)
    }

    func testPlanStatusesDecisionsAndLevelsAreTheCoresWordsInEachLanguage() async throws {
        _ = try await store.startPlan(PlanSettings(), now: mondayMorning, timeZone: tz, locale: "en")
        let hives = ReactionInput(at: mondayMorning.addingTimeInterval(3600),
                                  symptoms: [SymptomEntry(symptom: .hives, severity: .mild)], note: nil)
        let later = mondayMorning.addingTimeInterval(7200)
        // (language, stopped, the stop decision, the stop level)
        for (tag, stopped, stop, level) in [
            ("en", "Stopped", "Stop", "Stop"),
            ("de-DE", "Beendet", "Stopp", "Stopp"),
            ("ru", "Остановлен", "Остановка", "Стоп"),
        ] {
            let reaction = try await store.reportReaction(hives, now: later, timeZone: tz, locale: tag)
            XCTAssertEqual(reaction.assessment.level, .stop, tag)
            XCTAssertEqual(reaction.assessment.levelLabel, level, tag)
            XCTAssertEqual(reaction.assessment.findings.first(where: { $0.ruleId == "S6" })?.levelLabel, level, tag)
            let view = try await store.planView(now: later, timeZone: tz, locale: tag)
            XCTAssertEqual(view.progress?.statusLabel, stopped, tag)
            // Today's start and stop are one standing decision: the stop.
            XCTAssertEqual(view.history.map(\.kind), [.stop], tag)
            XCTAssertEqual(view.history.first?.kindLabel, stop, tag)
            let today = try await store.today(now: later, timeZone: tz, locale: tag)
            XCTAssertEqual(today.progress?.statusLabel, stopped, tag)
            XCTAssertEqual(today.decision?.kindLabel, stop, tag)
            let screening = try await store.screening(locale: tag)
            XCTAssertFalse(screening.levelLabel.isEmpty, tag)
        }
    }
}
