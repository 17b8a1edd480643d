import Foundation

/// The one way the app talks to the Rust core.
///
/// An actor: every call runs on the actor's executor, never on the main
/// actor, so a SwiftUI view does `let today = try await store.today()` and the
/// SQLite work happens in the background. The core serialises calls on its
/// one connection anyway; the actor adds ordering (a write is finished
/// before the next read starts) and the `changes` stream.
///
/// Every method is a thin pass-through to one `KefirApp` method. The shell
/// decides nothing: `now` defaults to `Date()` and `timeZone` to the device's
/// IANA zone, and whatever the core returns is shown as is. Tests (and
/// previews) pass fixed values.
public actor KefirStore {
    /// What changed, for observers that refresh or reschedule after a write.
    public enum Change: String, Sendable, Equatable {
        case drinks, profile, checkin, medicines, plan, reminders, backup, wipe
    }

    private let app: KefirApp
    private let continuation: AsyncStream<Change>.Continuation

    /// One event after every successful write (coalesced to the newest when
    /// nobody is listening). The app has ONE consumer: its reminder
    /// scheduler, which recomputes the pending notifications.
    public nonisolated let changes: AsyncStream<Change>

    /// The database file this store was opened on.
    public nonisolated let databasePath: String

    /// Open (or create) the database. Throws `KefirError.DatabaseUnreadable`
    /// or `.DatabaseTooNew` for a file the core refuses (left untouched).
    public init(databasePath: String) throws {
        self.app = try KefirApp(dbPath: databasePath)
        self.databasePath = databasePath
        (changes, continuation) = AsyncStream.makeStream(of: Change.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Open the database at a prepared location (see `DatabaseLocation`).
    public init(location: DatabaseLocation) throws {
        try self.init(databasePath: location.databaseURL.path)
    }

    deinit {
        continuation.finish()
    }

    private func wrote<T>(_ change: Change, _ value: T) -> T {
        continuation.yield(change)
        return value
    }

    public static var deviceTimeZone: String { TimeZone.current.identifier }

    // MARK: - Today and drinks

    /// Everything the Today screen shows, and the first-run gate
    /// (`needsScreening`): yesterday's ISO day for a late check-in, today's
    /// check-in to edit, the streak, and the kinds/sources the drink form offers.
    public func today(now: Date = Date(), timeZone: String = KefirStore.deviceTimeZone) throws -> Today {
        try app.today(now: now, timeZone: timeZone)
    }

    /// Log a drink; it is stored even when the core warns (`warnings`).
    public func logDrink(_ input: DrinkInput, now: Date = Date(), timeZone: String = KefirStore.deviceTimeZone)
        throws -> DrinkLogged
    {
        wrote(.drinks, try app.logDrink(input: input, now: now, timeZone: timeZone))
    }

    public func updateDrink(id: Int64, _ input: DrinkInput, now: Date = Date(),
                            timeZone: String = KefirStore.deviceTimeZone) throws -> Drink
    {
        wrote(.drinks, try app.updateDrink(id: id, input: input, now: now, timeZone: timeZone))
    }

    public func deleteDrink(id: Int64, now: Date = Date()) throws {
        try app.deleteDrink(id: id, now: now)
        continuation.yield(.drinks)
    }

    public func undoDeleteDrink(id: Int64) throws -> Drink {
        wrote(.drinks, try app.undoDeleteDrink(id: id))
    }

    /// Stored drinks between the instants `from` and `to`.
    public func listDrinks(from: Date, to: Date) throws -> [Drink] {
        try app.listDrinks(from: from, to: to)
    }

    // MARK: - Profile and screening

    /// The current profile (a default adult profile before the first save).
    public func profile() throws -> Profile {
        try app.profile()
    }

    /// Saved versions, oldest first. Empty before the first-run screening.
    /// (The app's first-run gate is `Today.needsScreening`, not this list.)
    public func profileHistory() throws -> [ProfileVersion] {
        try app.profileHistory()
    }

    /// The screening screen: level, findings, constraints, clinician step.
    public func screening() throws -> Screening {
        try app.screening()
    }

    /// Save a new profile version; returns the new screening.
    public func saveProfile(_ profile: Profile, now: Date = Date()) throws -> Screening {
        wrote(.profile, try app.saveProfile(profile: profile, now: now))
    }

    /// "Cleared by my clinician": lifts the current consult hold.
    public func acknowledgeClinician(note: String?, now: Date = Date()) throws -> Screening {
        wrote(.profile, try app.acknowledgeClinician(note: note, now: now))
    }

    // MARK: - Check-ins, reactions, medicines

    /// Save today's (or yesterday's) check-in. For a red flag the result's
    /// `assessment.emergency` holds the emergency screen.
    public func saveCheckin(_ input: CheckinInput, now: Date = Date(),
                            timeZone: String = KefirStore.deviceTimeZone) throws -> CheckinResult
    {
        wrote(.checkin, try app.saveCheckin(input: input, now: now, timeZone: timeZone))
    }

    /// "Report a reaction now": red flags are evaluated at once.
    public func reportReaction(_ input: ReactionInput, now: Date = Date(),
                               timeZone: String = KefirStore.deviceTimeZone) throws -> ReactionResult
    {
        wrote(.checkin, try app.reportReaction(input: input, now: now, timeZone: timeZone))
    }

    /// Check-ins for the local days `fromDay...toDay` (ISO dates from the core).
    public func checkins(fromDay: String, toDay: String) throws -> [Checkin] {
        try app.checkins(fromDay: fromDay, toDay: toDay)
    }

    public func logDose(_ input: DoseInput, now: Date = Date(),
                        timeZone: String = KefirStore.deviceTimeZone) throws -> DoseLogged
    {
        wrote(.medicines, try app.logDose(input: input, now: now, timeZone: timeZone))
    }

    /// Medicine spacing countdowns that matter now.
    public func spacing(now: Date = Date(), timeZone: String = KefirStore.deviceTimeZone) throws -> [SpacingStatus] {
        try app.spacing(now: now, timeZone: timeZone)
    }

    // MARK: - Plan

    /// Everything the Plan screen shows.
    public func planView(now: Date = Date(), timeZone: String = KefirStore.deviceTimeZone) throws -> PlanView {
        try app.planView(now: now, timeZone: timeZone)
    }

    public func startPlan(_ settings: PlanSettings, now: Date = Date(),
                          timeZone: String = KefirStore.deviceTimeZone) throws -> PlanView
    {
        wrote(.plan, try app.startPlan(settings: settings, now: now, timeZone: timeZone))
    }

    public func pausePlan(now: Date = Date(), timeZone: String = KefirStore.deviceTimeZone) throws -> PlanView {
        wrote(.plan, try app.pausePlan(now: now, timeZone: timeZone))
    }

    public func resumePlan(now: Date = Date(), timeZone: String = KefirStore.deviceTimeZone) throws -> PlanView {
        wrote(.plan, try app.resumePlan(now: now, timeZone: timeZone))
    }

    public func restartPlan(now: Date = Date(), timeZone: String = KefirStore.deviceTimeZone) throws -> PlanView {
        wrote(.plan, try app.restartPlan(now: now, timeZone: timeZone))
    }

    public func changeTarget(ml: UInt32, now: Date = Date(),
                             timeZone: String = KefirStore.deviceTimeZone) throws -> PlanView
    {
        wrote(.plan, try app.changeTarget(targetMl: ml, now: now, timeZone: timeZone))
    }

    // MARK: - Backup, restore, delete everything

    /// Write everything to one versioned JSON file at `url` (atomically).
    public func exportBackup(to url: URL, now: Date = Date()) throws {
        try app.exportBackup(path: url.path, now: now)
    }

    /// Import a backup file. `.replace` needs `confirmed: true` (else
    /// `KefirError.ConfirmationRequired`); a malformed or newer backup is
    /// refused (`KefirError.BackupRejected`) and nothing changes.
    public func importBackup(from url: URL, mode: ImportMode, confirmed: Bool, now: Date = Date()) throws -> ImportSummary {
        wrote(.backup, try app.importBackup(path: url.path, mode: mode, confirmed: confirmed, now: now))
    }

    /// Delete all data on this device; `confirmed: false` only asks
    /// (`KefirError.ConfirmationRequired`).
    public func wipeEverything(confirmed: Bool) throws {
        try app.wipeEverything(confirmed: confirmed)
        continuation.yield(.wipe)
    }

    // MARK: - Doctor summary and exports

    /// The Reports screen's default range, as the core chooses it (the
    /// plan's first day, or four weeks without a plan, to today).
    public func reportRange(now: Date = Date(), timeZone: String = KefirStore.deviceTimeZone) throws -> ReportRange {
        try app.reportRange(now: now, timeZone: timeZone)
    }

    /// The doctor summary for the local days `fromDay...toDay` (ISO dates).
    public func summary(fromDay: String, toDay: String, now: Date = Date(),
                        timeZone: String = KefirStore.deviceTimeZone) throws -> Summary
    {
        try app.summary(fromDay: fromDay, toDay: toDay, now: now, timeZone: timeZone)
    }

    /// Write the summary as a PDF (A4 or US Letter) to `url`.
    public func writePdf(fromDay: String, toDay: String, paper: Paper, to url: URL, now: Date = Date(),
                         timeZone: String = KefirStore.deviceTimeZone) throws
    {
        try app.writePdf(fromDay: fromDay, toDay: toDay, paper: paper, path: url.path, now: now, timeZone: timeZone)
    }

    /// Write the summary as a FHIR R4 Bundle (JSON) to `url`.
    public func writeFhir(fromDay: String, toDay: String, to url: URL, now: Date = Date(),
                          timeZone: String = KefirStore.deviceTimeZone) throws
    {
        try app.writeFhir(fromDay: fromDay, toDay: toDay, path: url.path, now: now, timeZone: timeZone)
    }

    /// Write drinks and check-ins as CSV files into the existing folder `directory`.
    public func writeCsv(fromDay: String, toDay: String, into directory: URL,
                         timeZone: String = KefirStore.deviceTimeZone) throws -> [URL]
    {
        try app.writeCsv(fromDay: fromDay, toDay: toDay, dir: directory.path, timeZone: timeZone)
            .map { URL(fileURLWithPath: $0) }
    }

    // MARK: - Reminders and rhythm

    /// The stored reminder settings (the core's defaults before the first save).
    public func reminderSettings() throws -> ReminderSettings {
        try app.reminderSettings()
    }

    /// Validate and store; returns the settings normalised. Errors name the
    /// field (`checkin_times`, `days`, `quiet_start`, ...).
    @discardableResult
    public func saveReminderSettings(_ settings: ReminderSettings) throws -> ReminderSettings {
        wrote(.reminders, try app.saveReminderSettings(settings: settings))
    }

    /// The next `count` notifications to schedule, computed by the core in
    /// the device's zone: stable ids, instants, ready-to-show text.
    public func upcomingNotifications(now: Date = Date(), timeZone: String = KefirStore.deviceTimeZone,
                                      count: UInt32 = UInt32(NotificationPlanner.pendingLimit))
        throws -> [ReminderNotification]
    {
        try app.upcomingNotifications(now: now, timeZone: timeZone, count: count)
    }

    /// Check-in streak and adherence for the local days `fromDay...toDay`.
    public func rhythm(fromDay: String, toDay: String, now: Date = Date(),
                       timeZone: String = KefirStore.deviceTimeZone) throws -> Rhythm
    {
        try app.rhythm(fromDay: fromDay, toDay: toDay, now: now, timeZone: timeZone)
    }
}

/// The core's reminder record. (`Notification` alone would clash with
/// Foundation's `Notification` in any file that imports both.)
public typealias ReminderNotification = KefirBindings.Notification

extension KefirBindings.Notification: SchedulableNotification {}
