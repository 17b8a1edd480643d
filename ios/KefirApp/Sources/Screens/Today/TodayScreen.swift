import KefirKit
import SwiftUI
import UIKit

/// The Today screen: ONE core call, `today(now:timeZone:)`, shown as is.
/// The record also feeds the sheets opened from here: the drink form's
/// allowed kinds and sources, today's check-in to edit, and yesterday's ISO
/// day for a late check-in.
struct TodayScreen: View {
    let store: KefirStore
    @Environment(AppModel.self) private var model

    @State private var state: LoadState<Today> = .loading
    /// The core's names for the drinks' kinds and sources, in the app's language.
    @State private var names: CoreNames?
    @State private var sheet: Sheet?
    @State private var deleted: Drink?
    @State private var error: ShownError?

    enum Sheet: String, Identifiable {
        case logDrink, checkin, checkinYesterday, reaction, dose
        var id: String { rawValue }
    }

    var body: some View {
        LoadStateView(state: state, retry: load) { today in
            content(today)
        }
        .navigationTitle("Today")
        .toolbar {
            ToolbarItem(placement: .primaryAction) {
                Button {
                    sheet = .logDrink
                } label: {
                    Label("Log a drink", systemImage: "plus")
                }
                // The form needs the core's allowed kinds and sources.
                .disabled(state.value == nil)
            }
        }
        .task(id: model.revision) { await load() }
        .task(id: model.requestedTodaySheet) {
            // A tapped reminder asked for a screen.
            if let requested = model.requestedTodaySheet, state.value != nil {
                sheet = requested
                model.requestedTodaySheet = nil
            }
        }
        .refreshable { await load() }
        .sheet(item: $sheet) { which in
            NavigationStack {
                switch which {
                case .logDrink:
                    if let today = state.value {
                        // The form's options, labels and preselection come from the core (drinkForm).
                        LogDrinkView(store: store, suggestedMl: today.remainingMl)
                    }
                case .checkin:
                    if let today = state.value {
                        // Prefilled with today's stored check-in when editing.
                        CheckinView(store: store, day: today.date, prefill: today.checkin?.editInput)
                    }
                case .checkinYesterday:
                    if let today = state.value {
                        CheckinView(store: store, day: today.yesterday)
                    }
                case .reaction:
                    ReactionView(store: store)
                case .dose:
                    LogDoseView(store: store)
                }
            }
        }
        .errorAlert($error, title: "Not done")
    }

    private func load() async {
        do {
            names = CoreNames(try store.screeningForm())
            state = .loaded(try await store.today())
            if let requested = model.requestedTodaySheet {
                sheet = requested
                model.requestedTodaySheet = nil
            }
        } catch {
            state = .failed(ErrorText.message(for: error))
        }
    }

    @ViewBuilder
    private func content(_ today: Today) -> some View {
        List {
            Section {
                Text(verbatim: today.headline)
                    .font(.title2.weight(.semibold))
                    .fixedSize(horizontal: false, vertical: true)
                    .accessibilityAddTraits(.isHeader)
                if let target = today.targetMl {
                    AmountSummary(drunk: today.drunkMl, target: target, remaining: today.remainingMl)
                } else {
                    LabeledContent("Drunk today") { MlText(ml: today.drunkMl) }
                }
                if let progress = today.progress {
                    LabeledContent("Plan") {
                        Text("Step \(progress.step) of \(progress.steps) · \(progress.statusLabel)")
                    }
                    if let goal = progress.projectedGoalDate, let shown = KefirFormat.day(iso: goal) {
                        LabeledContent("Goal reached around") { Text(verbatim: shown) }
                    }
                }
                if let decision = today.decision {
                    Text(verbatim: decision.reason)
                        .font(.callout)
                        .foregroundStyle(.secondary)
                }
            } header: {
                Text(verbatim: KefirFormat.day(iso: today.date) ?? today.date)
            }

            if !today.warnings.isEmpty {
                Section("Warnings") {
                    ForEach(today.warnings, id: \.ruleId) { FindingRow(finding: $0) }
                }
            }
            if !today.spacing.isEmpty {
                Section("Medicine spacing") {
                    ForEach(today.spacing, id: \.doseId) { s in
                        Label {
                            Text(verbatim: s.message)
                        } icon: {
                            Image(systemName: s.blockedNow ? "clock.badge.exclamationmark" : "clock")
                                .foregroundStyle(s.blockedNow ? .orange : .secondary)
                        }
                    }
                }
            }

            Section("Check-in") {
                if today.checkinDone {
                    Label("Today's check-in is done", systemImage: "checkmark.circle")
                    Button("Edit today's check-in") { sheet = .checkin }
                } else {
                    Button {
                        sheet = .checkin
                    } label: {
                        Label("Check in for today", systemImage: "list.bullet.clipboard")
                    }
                    .font(.headline)
                }
                if today.canFillYesterday {
                    // The core says yesterday's check-in is missing and still
                    // open, and names the day (`yesterday`).
                    Button {
                        sheet = .checkinYesterday
                    } label: {
                        Label("Fill in yesterday's check-in", systemImage: "clock.arrow.circlepath")
                    }
                }
                LabeledContent("Check-in streak") {
                    Text("\(today.streakDays) days")
                }
                .accessibilityElement(children: .combine)
            }

            // notificationPrompt (KefirKit): ask before iOS has asked; once
            // denied or switched off, only the Settings app can change it.
            switch model.notificationPrompt {
            case .ask:
                Section {
                    Button {
                        Task { await model.enableReminders() }
                    } label: {
                        Label("Turn on reminders", systemImage: "bell")
                    }
                } footer: {
                    Text("Reminders to check in, to drink your amount, and when kefir is allowed again after a medicine. You can change them in Settings.")
                }
            case .openSettings:
                Section {
                    if let url = URL(string: UIApplication.openNotificationSettingsURLString) {
                        Link(destination: url) {
                            Label("Open notification settings", systemImage: "bell.slash")
                        }
                    }
                } footer: {
                    Text("Notifications are off for this app, so reminders cannot be shown.")
                }
            case .none:
                EmptyView()
            }

            Section {
                Button(role: .destructive) {
                    sheet = .reaction
                } label: {
                    Label("Report a reaction now", systemImage: "exclamationmark.bubble")
                }
                Button {
                    sheet = .dose
                } label: {
                    Label("Log a medicine dose", systemImage: "pills")
                }
            }

            Section("Drinks today") {
                if today.drinks.isEmpty {
                    Text("No kefir logged today.")
                        .foregroundStyle(.secondary)
                }
                ForEach(today.drinks, id: \.id) { drink in
                    DrinkRow(drink: drink, names: names)
                        .swipeActions {
                            Button("Delete", role: .destructive) { Task { await delete(drink) } }
                        }
                }
                if let deleted {
                    Button("Undo delete") { Task { await undo(deleted) } }
                }
            }

            Section {
                DisclaimerText(text: today.disclaimer)
            }
        }
    }

    private func delete(_ drink: Drink) async {
        do {
            try await store.deleteDrink(id: drink.id)
            deleted = drink
        } catch {
            self.error = ShownError(error)
        }
    }

    private func undo(_ drink: Drink) async {
        do {
            _ = try await store.undoDeleteDrink(id: drink.id)
            deleted = nil
        } catch {
            self.error = ShownError(error)
        }
    }
}

/// Drunk / target / remaining, as the core computed them.
struct AmountSummary: View {
    let drunk: UInt32
    let target: UInt32
    let remaining: UInt32?

    var body: some View {
        VStack(alignment: .leading, spacing: 8) {
            // The ratio is for the bar only; both numbers come from the core.
            ProgressView(value: Double(min(drunk, target)), total: Double(max(target, 1)))
                .accessibilityHidden(true)
            HStack {
                LabeledContent("Drunk") { MlText(ml: drunk) }
                Spacer()
                LabeledContent("Today's amount") { MlText(ml: target) }
            }
            if let remaining {
                LabeledContent("Still to go") { MlText(ml: remaining) }
            }
        }
        .accessibilityElement(children: .combine)
    }
}

struct DrinkRow: View {
    let drink: Drink
    let names: CoreNames?

    var body: some View {
        VStack(alignment: .leading, spacing: 2) {
            HStack {
                MlText(ml: drink.ml).font(.headline)
                Spacer()
                Text(verbatim: KefirFormat.time(drink.at))
                    .foregroundStyle(.secondary)
            }
            if let names {
                Text(verbatim: [names.of(drink.kind), names.of(drink.source)].formatted(.list(type: .unit)))
                    .font(.subheadline)
                    .foregroundStyle(.secondary)
            }
            if let note = drink.note {
                Text(verbatim: note).font(.footnote)
            }
        }
        .accessibilityElement(children: .combine)
    }
}
