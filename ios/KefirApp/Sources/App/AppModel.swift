import Foundation
import KefirKit
import Observation

/// App-wide state: the one `KefirStore`, the launch phase, the privacy
/// preference, and the refresh signal screens reload on. It makes no
/// decision about kefir: it only opens the store and routes events.
@MainActor
@Observable
final class AppModel {
    enum Phase {
        case loading
        case failed(String)
        /// No profile saved yet: first-run screening.
        case onboarding(KefirStore)
        case ready(KefirStore)
    }

    enum Tab: Hashable {
        case today, plan, reports, settings
    }

    private(set) var phase: Phase = .loading
    var selectedTab: Tab = .today
    /// A sheet the Today screen opens once (a tapped reminder asked for it).
    var requestedTodaySheet: TodayScreen.Sheet?
    /// Whether the user has not been asked about notifications yet (Today
    /// then offers "Turn on reminders"; iOS asks when the user turns one on).
    private(set) var notificationsUndecided = false
    /// Bumped after every write and when the day or zone changes; screens
    /// use it as their `.task(id:)` so they reload with one core call.
    private(set) var revision = 0

    private(set) var store: KefirStore?
    private var location: DatabaseLocation?
    private var reminders: ReminderScheduler?
    private var changesTask: Task<Void, Never>?

    private static let includeInBackupKey = "privacy.includeInDeviceBackup"

    /// Off by default: the journal stays out of iCloud/Finder backups unless
    /// the user opts in (Settings ▸ Privacy).
    var includeInDeviceBackup: Bool {
        get {
            access(keyPath: \.includeInDeviceBackup)
            return UserDefaults.standard.bool(forKey: Self.includeInBackupKey)
        }
        set {
            withMutation(keyPath: \.includeInDeviceBackup) {
                UserDefaults.standard.set(newValue, forKey: Self.includeInBackupKey)
            }
            try? location?.applyBackupPreference(includeInDeviceBackup: newValue)
        }
    }

    func bootstrap() async {
        if case .ready = phase { return }
        phase = .loading
        do {
            let store: KefirStore
            if let existing = self.store {
                store = existing
            } else {
                let location = try DatabaseLocation.applicationSupport()
                try location.prepare(includeInDeviceBackup: includeInDeviceBackup)
                store = try KefirStore(location: location)
                try location.applyProtection()  // files SQLite just created
                self.location = location
                self.store = store
                self.reminders = ReminderScheduler(store: store)
                listen(to: store)
            }
            // The launch gate: the core's `needsScreening` (no saved profile yet).
            let today = try await store.today()
            phase = today.needsScreening ? .onboarding(store) : .ready(store)
            notificationsUndecided = await ReminderScheduler.isUndecided()
            await rescheduleReminders()
        } catch {
            phase = .failed(ErrorText.message(for: error))
        }
    }

    /// Reminders are the core's list once the person has been screened;
    /// during first-run screening (or after "Delete everything") none are
    /// pending.
    private func rescheduleReminders() async {
        guard let reminders else { return }
        if case .ready = phase {
            await reminders.reschedule()
        } else {
            reminders.removeAll()
        }
    }

    func finishOnboarding() {
        guard let store else { return }
        phase = .ready(store)
        Task { await rescheduleReminders() }
    }

    /// "Turn on reminders": the iOS permission prompt, then schedule.
    func enableReminders() async {
        await reminders?.requestAuthorization()
        await rescheduleReminders()
        notificationsUndecided = await ReminderScheduler.isUndecided()
    }

    /// A reminder fired while the app is open: top the pending list up.
    func reminderFired() {
        Task { await rescheduleReminders() }
    }

    /// A reminder was tapped: open its screen, then top up.
    func reminderOpened(kind: String?) {
        selectedTab = .today
        requestedTodaySheet = ReminderScheduler.sheet(forKind: kind)
        reminderFired()
    }

    /// After "Delete everything": back to the first-run screening.
    func didWipe() {
        guard let store else { return }
        phase = .onboarding(store)
        reminders?.removeAll()
        refreshScreens()
    }

    func refreshScreens() {
        revision &+= 1
    }

    func becameActive() {
        refreshScreens()
        Task {
            notificationsUndecided = await ReminderScheduler.isUndecided()
            await rescheduleReminders()
        }
    }

    func systemTimeZoneChanged() {
        refreshScreens()
        // Travel is only a recompute with the new zone.
        Task { await rescheduleReminders() }
    }

    /// The single consumer of `store.changes`: every write refreshes the
    /// screens and reschedules the reminders from the core's new list.
    private func listen(to store: KefirStore) {
        changesTask?.cancel()
        changesTask = Task { [weak self] in
            for await change in store.changes {
                guard let self else { return }
                self.refreshScreens()
                if change == .checkin { self.reminders?.clearDeliveredCheckinReminders() }
                await self.rescheduleReminders()
            }
        }
    }
}
