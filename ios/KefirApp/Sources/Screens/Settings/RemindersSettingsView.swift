import KefirKit
import SwiftUI
import UIKit
import UserNotifications

/// Where the quiet-hours pickers start when the user switches quiet hours on.
/// Only a picker's starting point: the user picks the time and the core
/// validates what is saved. Check-in and drink times start at the core's
/// defaults (`settingsDefaults().reminders`).
/// TODO(core): `SettingsDefaults` has no quiet-hours suggestion (the core's
/// default is "no quiet hours"); move these two into the core with it.
private enum PickerStart {
    static let quietStart = "22:00"
    static let quietEnd = "07:00"
}

/// Reminder settings: ONE call to load (`reminderSettings`), one to save
/// (`saveReminderSettings`, which validates and normalises; its errors name
/// the field). Times are the core's `HH:MM` wall-clock strings; the pickers
/// only convert them for display. Saving is a write, so the app reschedules
/// from the core's new list right after.
struct RemindersSettingsView: View {
    let store: KefirStore
    @Environment(AppModel.self) private var model

    @State private var state: LoadState<ReminderSettings> = .loading
    @State private var draft: ReminderSettings?
    /// The core's default reminder times, where a newly switched-on picker starts.
    @State private var defaults: ReminderSettings?
    /// The core's label and help for the lock-screen switch (issue 17); the
    /// switch is left out if the form cannot be read.
    @State private var lockForm: AppLockForm?
    @State private var authorization: UNAuthorizationStatus = .notDetermined
    @State private var saving = false
    @State private var saved = false
    @State private var error: ShownError?

    var body: some View {
        LoadStateView(state: state, retry: load) { _ in
            if let binding = Binding($draft) {
                form(binding)
            }
        }
        .navigationTitle("Reminders")
        .task { await load() }
        .errorAlert($error)
    }

    private func load() async {
        authorization = await UNUserNotificationCenter.current().notificationSettings().authorizationStatus
        do {
            let settings = try await store.reminderSettings()
            defaults = try store.settingsDefaults().reminders
            lockForm = try? await model.appLockForm()
            draft = settings
            state = .loaded(settings)
        } catch {
            state = .failed(ErrorText.message(for: error))
        }
    }

    private func form(_ s: Binding<ReminderSettings>) -> some View {
        Form {
            Section {
                switch authorization {
                case .authorized, .provisional, .ephemeral:
                    Label("Notifications are on", systemImage: "bell.badge")
                case .denied:
                    Label("Notifications are off for this app", systemImage: "bell.slash")
                    Link("Open iPhone Settings", destination: URL(string: UIApplication.openSettingsURLString)!)
                case .notDetermined:
                    Button("Turn on reminders") { Task { await askPermission() } }
                @unknown default:
                    EmptyView()
                }
            }

            Section {
                ForEach(Array(s.wrappedValue.checkinTimes.enumerated()), id: \.offset) { i, _ in
                    TimeRow(title: "Check-in time", hhmm: Binding(
                        get: { s.wrappedValue.checkinTimes.indices.contains(i) ? s.wrappedValue.checkinTimes[i] : "" },
                        set: { if s.wrappedValue.checkinTimes.indices.contains(i) { s.wrappedValue.checkinTimes[i] = $0 } }
                    ))
                    .swipeActions {
                        if s.wrappedValue.checkinTimes.count > 1 {
                            Button("Remove", role: .destructive) { s.wrappedValue.checkinTimes.remove(at: i) }
                        }
                    }
                }
                if let start = defaults?.checkinTimes.first {
                    Button("Add a check-in time") {
                        // The core rejects duplicates and more than it allows, naming the field.
                        s.wrappedValue.checkinTimes.append(start)
                    }
                }
            } header: {
                Text("Daily check-in")
            }

            Section("Days") {
                ForEach(Weekday.allCases, id: \.self) { day in
                    Toggle(isOn: membership(day, in: s.days)) { Text(verbatim: day.localizedName) }
                }
            }

            Section {
                Toggle("Remind me to drink", isOn: Binding(
                    get: { s.wrappedValue.drinkReminder != nil },
                    set: { s.wrappedValue.drinkReminder = $0 ? (state.value?.drinkReminder ?? defaults?.drinkReminder) : nil }
                ))
                if s.wrappedValue.drinkReminder != nil {
                    TimeRow(title: "Drink reminder", hhmm: Binding(
                        get: { s.wrappedValue.drinkReminder ?? "" },
                        set: { s.wrappedValue.drinkReminder = $0 }
                    ))
                }
                Toggle("Tell me when kefir is allowed again after a medicine", isOn: s.spacingAlerts)
                if let lockForm {
                    // What reminders show on the lock screen: saved with the reminders.
                    Toggle(isOn: s.fullTextOnLockScreen) {
                        Text(verbatim: lockForm.lockScreenLabel)
                        Text(verbatim: lockForm.lockScreenHelp)
                    }
                }
            } header: {
                Text("Other reminders")
            }

            Section {
                Toggle("Quiet hours", isOn: Binding(
                    get: { s.wrappedValue.quietStart != nil },
                    set: { on in
                        s.wrappedValue.quietStart = on ? (state.value?.quietStart ?? PickerStart.quietStart) : nil
                        s.wrappedValue.quietEnd = on ? (state.value?.quietEnd ?? PickerStart.quietEnd) : nil
                    }
                ))
                if s.wrappedValue.quietStart != nil {
                    TimeRow(title: "From", hhmm: Binding(
                        get: { s.wrappedValue.quietStart ?? "" }, set: { s.wrappedValue.quietStart = $0 }))
                    TimeRow(title: "Until", hhmm: Binding(
                        get: { s.wrappedValue.quietEnd ?? "" }, set: { s.wrappedValue.quietEnd = $0 }))
                }
            } footer: {
                Text("Reminders that fall in quiet hours arrive when they end.")
            }

            Section {
                Button {
                    Task { await save(s.wrappedValue) }
                } label: {
                    if saving { ProgressView() } else { Text("Save") }
                }
                .disabled(saving)
                if saved {
                    Label("Saved", systemImage: "checkmark")
                }
            }
        }
    }

    private func askPermission() async {
        await model.enableReminders()  // the iOS prompt, then the core's list is scheduled
        authorization = await UNUserNotificationCenter.current().notificationSettings().authorizationStatus
    }

    private func save(_ settings: ReminderSettings) async {
        saving = true
        saved = false
        defer { saving = false }
        var settings = settings
        settings.timeZone = TimeZone.current.identifier  // the device zone, as for every call
        do {
            let stored = try await store.saveReminderSettings(settings)
            draft = stored
            state = .loaded(stored)
            saved = true
        } catch {
            self.error = ShownError(error)
        }
    }
}

/// A `HH:MM` setting edited with a time picker.
private struct TimeRow: View {
    let title: LocalizedStringKey
    @Binding var hhmm: String

    var body: some View {
        DatePicker(title, selection: Binding(
            // A stored time always parses (the core normalised it); a new row starts at the core's default.
            get: { KefirFormat.pickerTime(hhmm: hhmm) ?? Date() },
            set: { hhmm = KefirFormat.hhmm(of: $0) }
        ), displayedComponents: .hourAndMinute)
    }
}

extension Weekday {
    /// The system's localized weekday name (Calendar symbols: Sunday first).
    var localizedName: String {
        let symbols = Calendar.current.weekdaySymbols
        let index: Int
        switch self {
        case .sun: index = 0
        case .mon: index = 1
        case .tue: index = 2
        case .wed: index = 3
        case .thu: index = 4
        case .fri: index = 5
        case .sat: index = 6
        }
        return symbols.indices.contains(index) ? symbols[index] : "\(self)"
    }
}
