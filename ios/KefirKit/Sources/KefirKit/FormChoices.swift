// What the forms start from, taken from the core's records. Pure: no rule,
// no threshold; the core said which values are allowed and what was stored.

/// A picker's values: every case the core knows, split into the ones the
/// core allows (`Today.allowedKinds` / `Today.allowedSources`) and the rest,
/// which the form marks. A ruled-out choice can still be logged (the person
/// may have drunk it); the core stores it with its warning. Both lists keep
/// the core's declaration order.
public struct FormChoices<Value: CaseIterable & Hashable & Sendable>: Sendable, Equatable
    where Value.AllCases == [Value]
{
    /// Allowed by the screening, offered first.
    public let allowed: [Value]
    /// Not in the core's allowed list: shown apart, marked.
    public let others: [Value]

    public init(allowed: [Value]) {
        let set = Set(allowed)
        self.allowed = Value.allCases.filter { set.contains($0) }
        self.others = Value.allCases.filter { !set.contains($0) }
    }

    public func isAllowed(_ value: Value) -> Bool {
        allowed.contains(value)
    }
}

extension Today {
    /// The drink form's kinds, from `allowedKinds`.
    public var kindChoices: FormChoices<KefirKind> { FormChoices(allowed: allowedKinds) }
    /// The drink form's sources, from `allowedSources`.
    public var sourceChoices: FormChoices<Source> { FormChoices(allowed: allowedSources) }
}

extension Checkin {
    /// The stored check-in as the form's input, to prefill an edit of
    /// `Today.checkin`. Saving it again for the same day replaces it.
    public var editInput: CheckinInput {
        CheckinInput(day: day, symptoms: symptoms, bristol: bristol, note: note)
    }
}
