// What the forms start from, taken from the core's records. Pure: no rule,
// no threshold, no label: the core said which values are allowed, what they
// are called in the app's language and what was stored.

extension Checkin {
    /// The stored check-in as the form's input, to prefill an edit of
    /// `Today.checkin`. Saving it again for the same day replaces it.
    public var editInput: CheckinInput {
        CheckinInput(day: day, symptoms: symptoms, bristol: bristol, note: note)
    }
}

extension DrinkForm {
    /// The kinds the screening allows, offered first (the core's order).
    public var allowedKinds: [KindOption] { kinds.filter(\.allowed) }
    /// The kinds it rules out: shown apart, marked (they can still be logged;
    /// the core stores them with its warning).
    public var otherKinds: [KindOption] { kinds.filter { !$0.allowed } }
    public var allowedSources: [SourceOption] { sources.filter(\.allowed) }
    public var otherSources: [SourceOption] { sources.filter { !$0.allowed } }

    /// The core's label of a kind or source (the code itself if it has none).
    public func label(_ kind: KefirKind) -> String { kinds.first { $0.code == kind }?.label ?? "\(kind)" }
    public func label(_ source: Source) -> String { sources.first { $0.code == source }?.label ?? "\(source)" }

    public func isAllowed(_ kind: KefirKind) -> Bool { kinds.contains { $0.code == kind && $0.allowed } }
    public func isAllowed(_ source: Source) -> Bool { sources.contains { $0.code == source && $0.allowed } }

    /// Whether the form asks for the batch (fermentation, temperature,
    /// spoilage signs) of `source`: the core's `SourceOption.batchFields`.
    public func batchFields(_ source: Source?) -> Bool {
        guard let source else { return false }
        return sources.contains { $0.code == source && $0.batchFields }
    }
}

/// The core's words for the codes stored records carry (a drink's kind and
/// source, a dose's medicine class, a screening's kinds), in the app's
/// language: taken from the core's screening form, so a stored record is
/// named exactly as the forms name it. A code the core did not label shows
/// as the code.
public struct CoreNames: Sendable {
    private let kinds: [KefirKind: String]
    private let sources: [Source: String]
    private let medicines: [MedClass: String]
    /// The medicine classes in the core's order, for the dose form.
    public let medicineOrder: [MedClass]

    public init(_ form: ScreeningForm) {
        kinds = Dictionary(form.kinds.map { ($0.code, $0.label) }, uniquingKeysWith: { a, _ in a })
        sources = Dictionary(form.sources.map { ($0.code, $0.label) }, uniquingKeysWith: { a, _ in a })
        medicines = Dictionary(form.medicines.map { ($0.code, $0.label) }, uniquingKeysWith: { a, _ in a })
        medicineOrder = form.medicines.map(\.code)
    }

    public func of(_ kind: KefirKind) -> String { kinds[kind] ?? "\(kind)" }
    public func of(_ source: Source) -> String { sources[source] ?? "\(source)" }
    public func of(_ medicine: MedClass) -> String { medicines[medicine] ?? "\(medicine)" }
}
