import KefirKit
import SwiftUI

/// The Plan screen: ONE call, `planView`. Pause / resume / restart / change
/// target each return the new PlanView, which replaces the screen's record.
/// Which buttons show is the core's `canStart/canPause/canResume/canRestart/
/// canChangeTarget`.
struct PlanScreen: View {
    let store: KefirStore
    @Environment(AppModel.self) private var model

    @State private var state: LoadState<PlanView> = .loading
    @State private var working = false
    @State private var showStart = false
    @State private var showTarget = false
    @State private var error: ShownError?

    var body: some View {
        LoadStateView(state: state, retry: load) { view in
            content(view)
        }
        .navigationTitle("Plan")
        .task(id: model.revision) { await load() }
        .refreshable { await load() }
        .sheet(isPresented: $showStart) {
            if let view = state.value {
                NavigationStack { StartPlanForm(store: store, view: view) { state = .loaded($0) } }
            }
        }
        .sheet(isPresented: $showTarget) {
            if let view = state.value, let plan = view.plan {
                NavigationStack {
                    ChangeTargetForm(store: store, range: view.targetRangeMl, current: plan.targetMl) {
                        state = .loaded($0)
                    }
                }
            }
        }
        .errorAlert($error, title: "Not done")
    }

    private func load() async {
        do {
            state = .loaded(try await store.planView())
        } catch {
            state = .failed(ErrorText.message(for: error))
        }
    }

    private func act(_ action: @escaping @Sendable (KefirStore) async throws -> PlanView) async {
        working = true
        defer { working = false }
        do {
            state = .loaded(try await action(store))
        } catch {
            self.error = ShownError(error)
        }
    }

    @ViewBuilder
    private func content(_ view: PlanView) -> some View {
        List {
            if let plan = view.plan, let progress = view.progress {
                Section {
                    LabeledContent("Status") { Text(verbatim: progress.statusLabel) }
                    LabeledContent("Step") { Text("\(progress.step) of \(progress.steps)") }
                    LabeledContent("Goal") { MlText(ml: progress.goalMl) }
                    if let goal = progress.projectedGoalDate, let shown = KefirFormat.day(iso: goal) {
                        LabeledContent("Goal reached around") { Text(verbatim: shown) }
                    }
                    if progress.atGoal {
                        Label("You reached your goal", systemImage: "flag.checkered")
                    }
                    LabeledContent("Started") { Text(verbatim: KefirFormat.day(iso: plan.startedDay) ?? plan.startedDay) }
                    LabeledContent("Steps") {
                        Text(plan.steps.map { KefirFormat.milliliters($0) }.formatted(.list(type: .and)))
                    }
                } header: {
                    Text("Your plan")
                }
            } else {
                Section {
                    Text("No plan yet. A plan starts small and steps up only while you feel well.")
                }
            }

            if let reason = view.blockedReason {
                Section {
                    Label {
                        Text(verbatim: reason)
                    } icon: {
                        Image(systemName: "hand.raised")
                    }
                    if !view.blockedRuleIds.isEmpty {
                        Text("Rules: \(view.blockedRuleIds.ruleList)")
                            .font(.footnote.monospaced())
                    }
                } header: {
                    Text("Not now")
                }
            }

            Section {
                if view.canStart {
                    Button("Start a plan") { showStart = true }.font(.headline)
                }
                if view.canPause {
                    Button("Pause") { Task { await act { try await $0.pausePlan() } } }
                }
                if view.canResume {
                    Button("Resume") { Task { await act { try await $0.resumePlan() } } }
                }
                if view.canRestart {
                    Button("Restart from the first step") { Task { await act { try await $0.restartPlan() } } }
                }
                if view.canChangeTarget {
                    Button("Change my goal") { showTarget = true }
                }
            }
            .disabled(working)

            if !view.history.isEmpty {
                Section("History") {
                    ForEach(view.history, id: \.day) { DecisionRow(decision: $0) }
                }
            }

            if !view.guidance.isEmpty {
                Section("How the plan works") {
                    ForEach(view.guidance, id: \.ruleId) { FindingRow(finding: $0) }
                }
            }
        }
    }
}

/// One stored daily decision: the day, what, how much, and the core's reason.
struct DecisionRow: View {
    let decision: DayDecision

    var body: some View {
        VStack(alignment: .leading, spacing: 4) {
            HStack {
                Text(verbatim: KefirFormat.day(iso: decision.day) ?? decision.day)
                    .font(.subheadline.weight(.semibold))
                Spacer()
                Text(verbatim: decision.kindLabel)
                    .font(.subheadline)
                    .foregroundStyle(.secondary)
            }
            HStack {
                MlText(ml: decision.targetMl)
                Text("· step \(decision.step) of \(decision.steps)")
                    .foregroundStyle(.secondary)
            }
            .font(.callout)
            Text(verbatim: decision.reason)
                .font(.footnote)
                .fixedSize(horizontal: false, vertical: true)
            if !decision.ruleIds.isEmpty {
                Text(verbatim: decision.ruleIds.ruleList)
                    .font(.caption.monospaced())
                    .foregroundStyle(.secondary)
                    .accessibilityLabel(Text("Rules: \(decision.ruleIds.ruleList)"))
            }
        }
        .accessibilityElement(children: .combine)
    }
}

/// Start a plan within the core's ranges (`startRangeMl`, `targetRangeMl`:
/// `[low, high]`). Empty fields take the core's defaults.
struct StartPlanForm: View {
    let store: KefirStore
    let view: PlanView
    let onStarted: (PlanView) -> Void

    @Environment(\.dismiss) private var dismiss
    @State private var startMl: Int?
    @State private var targetMl: Int?
    @State private var holdDays: Int?
    @State private var stepMl: Int?
    @State private var saving = false
    @State private var error: ShownError?

    var body: some View {
        Form {
            Section {
                TextField("First-day amount (ml)", value: $startMl, format: .number)
                    .keyboardType(.numberPad)
                if let range = rangeText(view.startRangeMl) {
                    Text("Allowed for you: \(range)").font(.footnote).foregroundStyle(.secondary)
                }
                TextField("Goal per day (ml)", value: $targetMl, format: .number)
                    .keyboardType(.numberPad)
                if let range = rangeText(view.targetRangeMl) {
                    Text("Allowed for you: \(range)").font(.footnote).foregroundStyle(.secondary)
                }
            } footer: {
                Text("Leave a field empty to use the recommended value.")
            }
            Section("Pace (optional)") {
                TextField("Days on each step", value: $holdDays, format: .number)
                    .keyboardType(.numberPad)
                TextField("Step size (ml)", value: $stepMl, format: .number)
                    .keyboardType(.numberPad)
            }
            Section {
                Button {
                    Task { await start() }
                } label: {
                    if saving { ProgressView() } else { Text("Start") }
                }
                .disabled(saving)
            }
            Section {
                ForEach(view.guidance, id: \.ruleId) { FindingRow(finding: $0) }
            }
        }
        .navigationTitle("Start a plan")
        .navigationBarTitleDisplayMode(.inline)
        .toolbar {
            ToolbarItem(placement: .cancellationAction) { Button("Cancel") { dismiss() } }
        }
        .errorAlert($error)
    }

    private func rangeText(_ range: [UInt32]) -> String? {
        guard range.count == 2 else { return nil }
        return "\(KefirFormat.milliliters(range[0])) – \(KefirFormat.milliliters(range[1]))"
    }

    private func start() async {
        saving = true
        defer { saving = false }
        let settings = PlanSettings(startMl: startMl.map { UInt32(clamping: $0) },
                                    targetMl: targetMl.map { UInt32(clamping: $0) },
                                    holdDays: holdDays.map { UInt32(clamping: $0) },
                                    stepMl: stepMl.map { UInt32(clamping: $0) })
        do {
            onStarted(try await store.startPlan(settings))
            dismiss()
        } catch {
            self.error = ShownError(error)
        }
    }
}

struct ChangeTargetForm: View {
    let store: KefirStore
    let range: [UInt32]
    let current: UInt32
    let onChanged: (PlanView) -> Void

    @Environment(\.dismiss) private var dismiss
    @State private var targetMl: Int?
    @State private var saving = false
    @State private var error: ShownError?

    var body: some View {
        Form {
            Section {
                TextField("Goal per day (ml)", value: $targetMl, format: .number)
                    .keyboardType(.numberPad)
                if range.count == 2 {
                    Text("Allowed for you: \(KefirFormat.milliliters(range[0])) – \(KefirFormat.milliliters(range[1]))")
                        .font(.footnote)
                        .foregroundStyle(.secondary)
                }
            }
            Section {
                Button {
                    Task { await save() }
                } label: {
                    if saving { ProgressView() } else { Text("Save") }
                }
                .disabled(saving || targetMl == nil)
            }
        }
        .navigationTitle("Change my goal")
        .navigationBarTitleDisplayMode(.inline)
        .toolbar {
            ToolbarItem(placement: .cancellationAction) { Button("Cancel") { dismiss() } }
        }
        .onAppear { if targetMl == nil { targetMl = Int(current) } }
        .errorAlert($error)
    }

    private func save() async {
        guard let targetMl else { return }
        saving = true
        defer { saving = false }
        do {
            onChanged(try await store.changeTarget(ml: UInt32(clamping: targetMl)))
            dismiss()
        } catch {
            self.error = ShownError(error)
        }
    }
}
