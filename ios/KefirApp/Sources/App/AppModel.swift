import Foundation
import KefirKit
import LocalAuthentication
import Observation
import UIKit

/// App-wide state: the one `KefirStore`, the launch phase, the privacy
/// preference, and the refresh signal screens reload on. It makes no
/// decision about kefir: it only opens the store and routes events.
@MainActor
@Observable
final class AppModel {
    enum Phase {
        case loading
        /// The store did not open: the message and the ways out
        /// (`OpenFailure.options`: restore a backup, start fresh, retry, or
        /// wait for the device to be unlocked).
        case failed(String, [RecoveryOption])
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
    /// What Today offers about notifications (`notificationPrompt`, KefirKit):
    /// "Turn on reminders" before iOS has asked, the way to Settings when
    /// they are off.
    private(set) var notificationPrompt: NotificationPrompt = .none
    /// What recovering from a failed open did (the name the old file was kept under).
    private(set) var recoveryNote: String?
    /// Holds a reminder tap until the start target is known (cold start).
    private var router = OpenRouter()
    /// Bumped after every write and when the day or zone changes; screens
    /// use it as their `.task(id:)` so they reload with one core call.
    private(set) var revision = 0

    /// The app lock (issue 17): what to show, from the core's decision
    /// (`AppLockFlow`, KefirKit). `.checking` until the store opened.
    private(set) var lock: LockUi = .checking
    private var lockFlow: AppLockFlow?
    /// The LocalAuthentication prompt is on screen.
    private var prompting = false
    /// When to cover while waiting for the core, and when to prompt by itself
    /// (once per launch or return from the background; KefirKit, tested).
    private(set) var lockPresentation = LockPresentation()

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

    /// Open the store (once) and decide the start screen. Safe to call
    /// again: from the scene, from a notification action in the background,
    /// after unlocking, after a recovery.
    func bootstrap() async {
        // One opening at a time: a scene's task and a notification action can
        // both ask on a cold start; the second waits for the first.
        if let bootstrapping {
            await bootstrapping.value
            return
        }
        let task = Task { await openAndRoute() }
        bootstrapping = task
        await task.value
        bootstrapping = nil
    }

    private var bootstrapping: Task<Void, Never>?

    private func openAndRoute() async {
        switch phase {
        case .ready, .onboarding: return
        default: break
        }
        phase = .loading
        do {
            let store: KefirStore
            if let existing = self.store {
                store = existing
            } else {
                let location = try DatabaseLocation.applicationSupport()
                self.location = location
                try location.prepare(includeInDeviceBackup: includeInDeviceBackup)
                store = try KefirStore(location: location)
                try location.applyProtection()  // files SQLite just created
                self.store = store
                self.reminders = ReminderScheduler(store: store)
                self.lockFlow = AppLockFlow(store: store)
                listen(to: store)
            }
            // Launch: the core says whether the app starts locked.
            await sceneBecameActive()
            // The launch gate: the core's `needsScreening` (no saved profile yet).
            let today = try await store.today()
            let start = StartTarget(today)
            phase = start == .onboarding ? .onboarding(store) : .ready(store)
            // A reminder tapped on a cold start was held until now.
            if let held = router.started(start) { show(held) }
            await refreshNotificationPrompt()
            await rescheduleReminders()
        } catch {
            router.restart()
            // A closed, protected file cannot be opened while the device is
            // locked: that is not damage (see DatabaseLocation).
            let available = UIApplication.shared.isProtectedDataAvailable
            // No diary is shown on the failed-open screen: never lock its owner out of the ways out.
            if lockFlow == nil { lock = .open(hideContent: false) }
            phase = .failed(ErrorText.message(for: error),
                            OpenFailure.options(for: error, protectedDataAvailable: available))
        }
    }

    // MARK: Failed open: restore a backup or start fresh (the old file is kept, renamed)

    /// Restore `backup` into a new database, then set the old file aside. An
    /// encrypted backup without (or with a wrong) `passphrase` returns the
    /// core's question (`.needsPassphrase`) and moves nothing: ask, then call
    /// again with the same file.
    func restoreAfterFailedOpen(from backup: URL, passphrase: String? = nil) async -> ImportStep? {
        guard case .failed = phase, let location else { return nil }
        do {
            let (_, aside) = try await DatabaseRecovery(location: location).restore(from: backup, passphrase: passphrase)
            recoveryNote = aside.first?.lastPathComponent
        } catch {
            // The core's prompt texts (a core call: off the main actor).
            if let ask = await Task.detached(operation: { passphraseQuestion(for: error) }).value { return ask }
            phase = .failed(ErrorText.message(for: error), [.restoreBackup, .startFresh, .retry])
            return nil
        }
        await bootstrap()
        return nil
    }

    func startFreshAfterFailedOpen() async {
        guard case .failed = phase, let location else { return }
        do {
            recoveryNote = try DatabaseRecovery(location: location).startFresh().first?.lastPathComponent
        } catch {
            phase = .failed(ErrorText.message(for: error), [.restoreBackup, .startFresh, .retry])
            return
        }
        await bootstrap()
    }

    // MARK: App lock: the core decides from the times reported here; LocalAuthentication unlocks

    /// scenePhase `.active` (and launch): the core's decision. A locked app
    /// asks by itself once per launch or return from the background, never
    /// on the `.active` that the end of a cancelled prompt causes (no
    /// cancel-prompt loop); after that the cover's button asks.
    func sceneBecameActive() async {
        guard let lockFlow, !prompting else { return }
        lock = await lockFlow.foregrounded()
        // Not awaited: a launch (bootstrap) does not wait for the person to authenticate.
        if lockPresentation.answered(lock) { Task { await self.unlock() } }
    }

    /// scenePhase `.background`: covered at once while the lock is on (the
    /// cover stays until the core's answer on return), then the core notes
    /// the time, within a background task so the call finishes before the
    /// app is suspended. (The LocalAuthentication prompt only makes the
    /// scene inactive, never background.)
    func sceneEnteredBackground(now: Date = Date()) {
        guard let lockFlow, !prompting else { return }
        lockPresentation.enteredBackground(lock)
        let task = BackgroundTask()
        task.id = UIApplication.shared.beginBackgroundTask { task.end() }
        Task {
            await lockFlow.backgrounded(now: now)
            task.end()
        }
    }

    /// Whether this phone can show the prompt (a passcode is set).
    var canAuthenticate: Bool {
        var error: NSError?
        return LAContext().canEvaluatePolicy(.deviceOwnerAuthentication, error: &error)
    }

    /// Why the prompt cannot be shown is that no passcode is set (not, say, biometry locked out).
    private var passcodeNotSet: Bool {
        var error: NSError?
        _ = LAContext().canEvaluatePolicy(.deviceOwnerAuthentication, error: &error)
        guard let error else { return false }
        return error.domain == LAErrorDomain && error.code == LAError.Code.passcodeNotSet.rawValue
    }

    /// Biometrics or the device passcode (`.deviceOwnerAuthentication`) with
    /// the core's reason. Only a phone without a passcode cannot check
    /// anyone: the app opens rather than lock its owner out (`promptRoute`).
    /// Cancelling keeps the cover; its button asks again.
    func unlock() async {
        guard let lockFlow, lock.cover, !lock.coverTitle.isEmpty, !prompting else { return }
        switch promptRoute(canAuthenticate: canAuthenticate, passcodeNotSet: passcodeNotSet) {
        case .openNoPasscode:
            lock = await lockFlow.promptUnavailable()
        case .show:
            if await authenticate(reason: lock.promptReason) {
                lock = await lockFlow.unlocked()
                _ = lockPresentation.answered(lock)
            }
        }
    }

    /// The prompt alone (before the lock is turned on, so the person knows it works here).
    func authenticate(reason: String) async -> Bool {
        guard !prompting else { return false }
        prompting = true
        defer { prompting = false }
        let context = LAContext()
        return (try? await context.evaluatePolicy(.deviceOwnerAuthentication, localizedReason: reason)) ?? false
    }

    /// Store the app-lock setting (answers the first-run offer too); the app stays open.
    func saveAppLock(_ settings: AppLockSettings) async throws -> AppLockForm {
        guard let lockFlow else { throw KefirError.NotFound(what: "store") }
        let form = try await lockFlow.save(settings)
        lock = await lockFlow.current
        return form
    }

    /// The app-lock form (Settings, first-run offer).
    func appLockForm() async throws -> AppLockForm {
        guard let lockFlow else { throw KefirError.NotFound(what: "store") }
        return try await lockFlow.form()
    }

    func dismissRecoveryNote() {
        recoveryNote = nil
    }

    private func refreshNotificationPrompt() async {
        notificationPrompt = await ReminderScheduler.prompt()
    }

    private func show(_ target: OpenTarget) {
        selectedTab = .today
        requestedTodaySheet = ReminderScheduler.sheet(for: target)
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
        router.finishedOnboarding()
        Task { await rescheduleReminders() }
    }

    /// "Turn on reminders": the iOS permission prompt, then schedule.
    func enableReminders() async {
        await reminders?.requestAuthorization()
        await rescheduleReminders()
        await refreshNotificationPrompt()
    }

    /// A reminder fired while the app is open: top the pending list up.
    func reminderFired() {
        Task { await rescheduleReminders() }
    }

    /// A reminder (or its "Check in" button) was tapped: open its screen,
    /// at once or, on a cold start, once the start target is known.
    func reminderOpened(kind: String?) {
        if let target = router.open(OpenTarget(kind: kind)) { show(target) }
        reminderFired()
    }

    /// "Log today's amount" on the drink reminder, possibly with the app in
    /// the background: opens the store if needed, then the core's one call
    /// (`logPlannedAmount`: it decides the amount, kind and source, or why
    /// the form is needed, and words the outcome). Nil when the store is not open.
    func logTodaysAmount() async -> Result<QuickLog, Error>? {
        await bootstrap()
        guard case let .ready(store) = phase else { return nil }
        do {
            return .success(try await store.logPlannedAmount())
        } catch {
            return .failure(error)
        }
    }

    /// After "Delete everything": back to the first-run screening.
    func didWipe() {
        guard let store else { return }
        phase = .onboarding(store)
        router.restart()
        _ = router.started(.onboarding)
        reminders?.removeAll()
        refreshScreens()
    }

    func refreshScreens() {
        revision &+= 1
    }

    func becameActive() {
        refreshScreens()
        Task {
            await refreshNotificationPrompt()
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

/// One `beginBackgroundTask` assertion, ended once (by the work or by its expiry).
@MainActor
private final class BackgroundTask {
    var id = UIBackgroundTaskIdentifier.invalid

    func end() {
        guard id != .invalid else { return }
        UIApplication.shared.endBackgroundTask(id)
        id = .invalid
    }
}
