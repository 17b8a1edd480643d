// The core's closed vocabularies as `CaseIterable`, so pickers and check-in
// forms can list them. uniffi does not generate `CaseIterable`, and Swift
// cannot synthesise it outside the declaring file, hence the lists; the
// exhaustive switches below stop compiling when the core adds a case, so the
// lists cannot silently fall behind. Order = the core's declaration order.
// These are codes only: every label is the core's (its form records, in the
// app's language); the shells keep no word of this vocabulary.

extension Symptom: CaseIterable {
    public static let allCases: [Symptom] = [
        .bloating, .gas, .abdominalPain, .cramps, .diarrhoea, .constipation, .nausea, .skinRedness, .itching,
        .hives, .lipFaceTongueSwelling, .itchyThroat, .breathingDifficulty, .faintness, .feverChills,
        .bloodInStool,
    ]
}

extension Severity: CaseIterable {
    public static let allCases: [Severity] = [.none, .mild, .moderate, .severe]
}

extension KefirKind: CaseIterable {
    public static let allCases: [KefirKind] = [.milkCow, .milkGoat, .milkSheep, .water, .plant]
}

extension Source: CaseIterable {
    public static let allCases: [Source] = [.homemade, .commercial]
}

extension AgeBand: CaseIterable {
    public static let allCases: [AgeBand] = [.infantUnder12Months, .child, .adult]
}

extension Condition: CaseIterable {
    public static let allCases: [Condition] = [
        .milkProteinAllergy, .lactoseIntolerance, .histamineSensitivity, .pregnant, .breastfeeding, .neutropenia,
        .chemotherapy, .transplant, .biologicsOrImmunosuppressants, .centralLine, .icuStay, .shortBowel,
        .kidneyDiseaseOrPotassiumRestriction, .avoidingAlcohol,
    ]
}

extension MedClass: CaseIterable {
    public static let allCases: [MedClass] = [
        .antibiotic, .fluoroquinoloneOrTetracycline, .immunosuppressant, .maoInhibitor, .metronidazoleOrDisulfiram,
        .vitaminKAntagonist, .other,
    ]
}

extension Weekday: CaseIterable {
    public static let allCases: [Weekday] = [.mon, .tue, .wed, .thu, .fri, .sat, .sun]
}

extension NotificationKind: CaseIterable {
    public static let allCases: [NotificationKind] = [.checkin, .drinkReminder, .spacingEnded]
}

// Compile-time guards: a new case in the core makes these switches
// non-exhaustive, i.e. a build error pointing here.
private func _exhaustive(_ v: Symptom) {
    switch v {
    case .bloating, .gas, .abdominalPain, .cramps, .diarrhoea, .constipation, .nausea, .skinRedness, .itching,
         .hives, .lipFaceTongueSwelling, .itchyThroat, .breathingDifficulty, .faintness, .feverChills,
         .bloodInStool: break
    }
}

private func _exhaustive(_ v: Severity) {
    switch v { case .none, .mild, .moderate, .severe: break }
}

private func _exhaustive(_ v: KefirKind) {
    switch v { case .milkCow, .milkGoat, .milkSheep, .water, .plant: break }
}

private func _exhaustive(_ v: Source) {
    switch v { case .homemade, .commercial: break }
}

private func _exhaustive(_ v: AgeBand) {
    switch v { case .infantUnder12Months, .child, .adult: break }
}

private func _exhaustive(_ v: Condition) {
    switch v {
    case .milkProteinAllergy, .lactoseIntolerance, .histamineSensitivity, .pregnant, .breastfeeding, .neutropenia,
         .chemotherapy, .transplant, .biologicsOrImmunosuppressants, .centralLine, .icuStay, .shortBowel,
         .kidneyDiseaseOrPotassiumRestriction, .avoidingAlcohol: break
    }
}

private func _exhaustive(_ v: MedClass) {
    switch v {
    case .antibiotic, .fluoroquinoloneOrTetracycline, .immunosuppressant, .maoInhibitor, .metronidazoleOrDisulfiram,
         .vitaminKAntagonist, .other: break
    }
}

private func _exhaustive(_ v: Weekday) {
    switch v { case .mon, .tue, .wed, .thu, .fri, .sat, .sun: break }
}

private func _exhaustive(_ v: NotificationKind) {
    switch v { case .checkin, .drinkReminder, .spacingEnded: break }
}
