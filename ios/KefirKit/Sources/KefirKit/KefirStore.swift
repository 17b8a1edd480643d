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

    /// The app's language for every core call that returns text, as the
    /// core takes it (a BCP 47 tag; `de_DE` and `@`-suffixes are accepted,
    /// the core falls back to English for a language it has no catalogue
    /// for). The ONE place the iOS shell reads it: `Locale.current`, which
    /// follows the per-app language of Settings ▸ KefirStart ▸ Language.
    public static var deviceLocale: String { Locale.current.identifier }

    // MARK: - Today and drinks

    /// Everything the Today screen shows, and the first-run gate
    /// (`needsScreening`): yesterday's ISO day for a late check-in, today's
    /// check-in to edit, the streak, and the kinds/sources the screening allows (the drink form
    /// itself, with labels and preselection, is `drinkForm`).
    public func today(now: Date = Date(), timeZone: String = KefirStore.deviceTimeZone,
                      locale: String = KefirStore.deviceLocale) throws -> Today {
        try app.today(now: now, timeZone: timeZone, locale: locale)
    }

    /// Log a drink; it is stored even when the core warns (`warnings`).
    public func logDrink(_ input: DrinkInput, now: Date = Date(), timeZone: String = KefirStore.deviceTimeZone,
                         locale: String = KefirStore.deviceLocale)
        throws -> DrinkLogged
    {
        wrote(.drinks, try app.logDrink(input: input, now: now, timeZone: timeZone, locale: locale))
    }

    public func updateDrink(id: Int64, _ input: DrinkInput, now: Date = Date(),
                            timeZone: String = KefirStore.deviceTimeZone,
                            locale: String = KefirStore.deviceLocale) throws -> Drink
    {
        wrote(.drinks, try app.updateDrink(id: id, input: input, now: now, timeZone: timeZone, locale: locale))
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

    /// The drink form for `now`: every kind and source with the core's label,
    /// marked by what the screening allows, the preselected kind and source
    /// (last drink, preference, else the first allowed), the quick amounts,
    /// which source has batch fields (`SourceOption.batchFields`), the ml limits.
    public func drinkForm(now: Date = Date(), timeZone: String = KefirStore.deviceTimeZone,
                          locale: String = KefirStore.deviceLocale) throws -> DrinkForm
    {
        try app.drinkForm(now: now, timeZone: timeZone, locale: locale)
    }

    /// "Log today's amount" (the drink reminder's button): the core logs what
    /// is left of today's planned amount with the form's preselected kind and
    /// source, or says why not (`.nothingLeft`, `.needsForm` with the amount
    /// to prefill); `message` is its one line to show.
    public func logPlannedAmount(now: Date = Date(), timeZone: String = KefirStore.deviceTimeZone,
                                 locale: String = KefirStore.deviceLocale) throws -> QuickLog
    {
        let result = try app.logPlannedAmount(now: now, timeZone: timeZone, locale: locale)
        if result.outcome == .logged { continuation.yield(.drinks) }
        return result
    }

    // MARK: - The core's forms: options, labels, defaults (no database)

    /// The screening questions: age bands, conditions and medicines with the
    /// core's labels and help texts, kinds and sources, in `locale`.
    public nonisolated func screeningForm(locale: String = KefirStore.deviceLocale) throws -> ScreeningForm {
        try KefirBindings.screeningForm(locale: locale)
    }

    /// The check-in and reaction forms: symptoms, severities, Bristol types
    /// 1–7 with descriptions, and the line shown while a reaction report
    /// cannot be sent.
    public nonisolated func checkinForm(locale: String = KefirStore.deviceLocale) throws -> CheckinForm {
        try KefirBindings.checkinForm(locale: locale)
    }

    /// Whether "Report now" may be sent: the core's gate (a symptom above none).
    public nonisolated func reactionSubmitAllowed(_ symptoms: [SymptomEntry]) -> Bool {
        KefirBindings.reactionSubmitAllowed(symptoms: symptoms)
    }

    /// Defaults for a new install in the device's zone and language: reminder
    /// times, the paper for the region, the report languages and the report's
    /// default language.
    public nonisolated func settingsDefaults(timeZone: String = KefirStore.deviceTimeZone,
                                             locale: String = KefirStore.deviceLocale) throws -> SettingsDefaults
    {
        try KefirBindings.settingsDefaults(timeZone: timeZone, locale: locale)
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
    public func screening(locale: String = KefirStore.deviceLocale) throws -> Screening {
        try app.screening(locale: locale)
    }

    /// Save a new profile version; returns the new screening.
    public func saveProfile(_ profile: Profile, now: Date = Date(),
                            locale: String = KefirStore.deviceLocale) throws -> Screening {
        wrote(.profile, try app.saveProfile(profile: profile, now: now, locale: locale))
    }

    /// "Cleared by my clinician": lifts the current consult hold.
    public func acknowledgeClinician(note: String?, now: Date = Date(),
                                     locale: String = KefirStore.deviceLocale) throws -> Screening {
        wrote(.profile, try app.acknowledgeClinician(note: note, now: now, locale: locale))
    }

    // MARK: - Check-ins, reactions, medicines

    /// Save today's (or yesterday's) check-in. For a red flag the result's
    /// `assessment.emergency` holds the emergency screen.
    public func saveCheckin(_ input: CheckinInput, now: Date = Date(),
                            timeZone: String = KefirStore.deviceTimeZone,
                            locale: String = KefirStore.deviceLocale) throws -> CheckinResult
    {
        wrote(.checkin, try app.saveCheckin(input: input, now: now, timeZone: timeZone, locale: locale))
    }

    /// "Report a reaction now": red flags are evaluated at once.
    public func reportReaction(_ input: ReactionInput, now: Date = Date(),
                               timeZone: String = KefirStore.deviceTimeZone,
                               locale: String = KefirStore.deviceLocale) throws -> ReactionResult
    {
        wrote(.checkin, try app.reportReaction(input: input, now: now, timeZone: timeZone, locale: locale))
    }

    /// Check-ins for the local days `fromDay...toDay` (ISO dates from the core).
    public func checkins(fromDay: String, toDay: String, locale: String = KefirStore.deviceLocale) throws -> [Checkin] {
        try app.checkins(fromDay: fromDay, toDay: toDay, locale: locale)
    }

    public func logDose(_ input: DoseInput, now: Date = Date(),
                        timeZone: String = KefirStore.deviceTimeZone,
                        locale: String = KefirStore.deviceLocale) throws -> DoseLogged
    {
        wrote(.medicines, try app.logDose(input: input, now: now, timeZone: timeZone, locale: locale))
    }

    /// Medicine spacing countdowns that matter now.
    public func spacing(now: Date = Date(), timeZone: String = KefirStore.deviceTimeZone,
                        locale: String = KefirStore.deviceLocale) throws -> [SpacingStatus] {
        try app.spacing(now: now, timeZone: timeZone, locale: locale)
    }

    // MARK: - Plan

    /// Everything the Plan screen shows.
    public func planView(now: Date = Date(), timeZone: String = KefirStore.deviceTimeZone,
                         locale: String = KefirStore.deviceLocale) throws -> PlanView {
        try app.planView(now: now, timeZone: timeZone, locale: locale)
    }

    public func startPlan(_ settings: PlanSettings, now: Date = Date(),
                          timeZone: String = KefirStore.deviceTimeZone,
                          locale: String = KefirStore.deviceLocale) throws -> PlanView
    {
        wrote(.plan, try app.startPlan(settings: settings, now: now, timeZone: timeZone, locale: locale))
    }

    public func pausePlan(now: Date = Date(), timeZone: String = KefirStore.deviceTimeZone,
                          locale: String = KefirStore.deviceLocale) throws -> PlanView {
        wrote(.plan, try app.pausePlan(now: now, timeZone: timeZone, locale: locale))
    }

    public func resumePlan(now: Date = Date(), timeZone: String = KefirStore.deviceTimeZone,
                           locale: String = KefirStore.deviceLocale) throws -> PlanView {
        wrote(.plan, try app.resumePlan(now: now, timeZone: timeZone, locale: locale))
    }

    public func restartPlan(now: Date = Date(), timeZone: String = KefirStore.deviceTimeZone,
                            locale: String = KefirStore.deviceLocale) throws -> PlanView {
        wrote(.plan, try app.restartPlan(now: now, timeZone: timeZone, locale: locale))
    }

    public func changeTarget(ml: UInt32, now: Date = Date(),
                             timeZone: String = KefirStore.deviceTimeZone,
                             locale: String = KefirStore.deviceLocale) throws -> PlanView
    {
        wrote(.plan, try app.changeTarget(targetMl: ml, now: now, timeZone: timeZone, locale: locale))
    }

    // MARK: - Backup, restore, delete everything

    /// Write everything to one versioned JSON file at `url` (atomically).
    /// With a `passphrase` the file is encrypted (age, scrypt: the standard
    /// `age -d` opens it); one the core judges too weak is
    /// `KefirError.InvalidInput(field: "passphrase")`. `nil` writes plain JSON
    /// (only after the core's `BackupForm.plainWarning` was confirmed).
    public func exportBackup(to url: URL, passphrase: String?, now: Date = Date(),
                             locale: String = KefirStore.deviceLocale) throws
    {
        try app.exportBackup(path: url.path, passphrase: passphrase, now: now, locale: locale)
    }

    /// Import a backup file. `.replace` needs `confirmed: true` (else
    /// `KefirError.ConfirmationRequired`); a malformed or newer backup is
    /// refused (`KefirError.BackupRejected`) and nothing changes. An
    /// encrypted backup needs its `passphrase`: `KefirError.PassphraseRequired`
    /// without one, `.WrongPassphrase` with a wrong one (nothing changes).
    public func importBackup(from url: URL, passphrase: String? = nil, mode: ImportMode, confirmed: Bool,
                             now: Date = Date(), locale: String = KefirStore.deviceLocale) throws -> ImportSummary
    {
        wrote(.backup, try app.importBackup(path: url.path, passphrase: passphrase, mode: mode, confirmed: confirmed,
                                            now: now, locale: locale))
    }

    /// The save-a-backup screen's texts (encryption by default, the fields'
    /// labels, the warning before a plain backup, the import prompt).
    public nonisolated func backupForm(locale: String = KefirStore.deviceLocale) throws -> BackupForm {
        try KefirBindings.backupForm(locale: locale)
    }

    /// The core's live verdict on a passphrase (level, label, whether it is
    /// acceptable, why a weak one is weak). Not stored, not logged.
    public nonisolated func passphraseStrength(_ passphrase: String,
                                               locale: String = KefirStore.deviceLocale) throws -> PassphraseVerdict
    {
        try KefirBindings.passphraseStrength(passphrase: passphrase, locale: locale)
    }

    // MARK: - App lock

    /// The app-lock settings row and the first-run offer (`offer`).
    public func appLockForm(locale: String = KefirStore.deviceLocale) throws -> AppLockForm {
        try app.appLockForm(locale: locale)
    }

    /// Store the app-lock setting (answers the first-run offer too).
    public func saveAppLock(_ settings: AppLockSettings, locale: String = KefirStore.deviceLocale) throws -> AppLockForm {
        try app.saveAppLock(settings: settings, locale: locale)
    }

    /// The app went to the background (scenePhase `.background`).
    public func appBackgrounded(now: Date = Date()) throws {
        try app.appBackgrounded(now: now)
    }

    /// The app is in front (launch, scenePhase `.active`): the core's decision.
    public func appForegrounded(now: Date = Date(), locale: String = KefirStore.deviceLocale) throws -> LockDecision {
        try app.appForegrounded(now: now, locale: locale)
    }

    /// The platform prompt (LocalAuthentication) succeeded.
    public func appUnlocked(now: Date = Date(), locale: String = KefirStore.deviceLocale) throws -> LockDecision {
        try app.appUnlocked(now: now, locale: locale)
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
    public func reportRange(now: Date = Date(), timeZone: String = KefirStore.deviceTimeZone,
                            locale: String = KefirStore.deviceLocale) throws -> ReportRange {
        try app.reportRange(now: now, timeZone: timeZone, locale: locale)
    }

    /// The doctor summary for the local days `fromDay...toDay` (ISO dates).
    /// `locale` here (and for `writePdf`, `writeFhir`, `writeCsv`) is the
    /// REPORT's language, which the person chooses apart from the app's.
    public func summary(fromDay: String, toDay: String, now: Date = Date(),
                        timeZone: String = KefirStore.deviceTimeZone,
                        locale: String = KefirStore.deviceLocale) throws -> Summary
    {
        try app.summary(fromDay: fromDay, toDay: toDay, now: now, timeZone: timeZone, locale: locale)
    }

    /// Write the summary as a PDF (A4 or US Letter) to `url`.
    public func writePdf(fromDay: String, toDay: String, paper: Paper, to url: URL, now: Date = Date(),
                         timeZone: String = KefirStore.deviceTimeZone, locale: String = KefirStore.deviceLocale) throws
    {
        try app.writePdf(fromDay: fromDay, toDay: toDay, paper: paper, path: url.path, now: now, timeZone: timeZone,
                         locale: locale)
    }

    /// Write the summary as a FHIR R4 Bundle (JSON) to `url`.
    public func writeFhir(fromDay: String, toDay: String, to url: URL, now: Date = Date(),
                          timeZone: String = KefirStore.deviceTimeZone, locale: String = KefirStore.deviceLocale) throws
    {
        try app.writeFhir(fromDay: fromDay, toDay: toDay, path: url.path, now: now, timeZone: timeZone, locale: locale)
    }

    /// Write drinks and check-ins as CSV files into the existing folder `directory`.
    public func writeCsv(fromDay: String, toDay: String, into directory: URL,
                         timeZone: String = KefirStore.deviceTimeZone,
                         locale: String = KefirStore.deviceLocale) throws -> [URL]
    {
        try app.writeCsv(fromDay: fromDay, toDay: toDay, dir: directory.path, timeZone: timeZone, locale: locale)
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
                                      count: UInt32 = UInt32(NotificationPlanner.pendingLimit),
                                      locale: String = KefirStore.deviceLocale)
        throws -> [ReminderNotification]
    {
        try app.upcomingNotifications(now: now, timeZone: timeZone, count: count, locale: locale)
    }

    /// Check-in streak and adherence for the local days `fromDay...toDay`.
    public func rhythm(fromDay: String, toDay: String, now: Date = Date(),
                       timeZone: String = KefirStore.deviceTimeZone,
                       locale: String = KefirStore.deviceLocale) throws -> Rhythm
    {
        try app.rhythm(fromDay: fromDay, toDay: toDay, now: now, timeZone: timeZone, locale: locale)
    }
}

/// The core's reminder record. (`Notification` alone would clash with
/// Foundation's `Notification` in any file that imports both.)
public typealias ReminderNotification = KefirBindings.Notification

extension KefirBindings.Notification: SchedulableNotification {
    /// The core's `private` field (a Swift keyword, hence the name).
    public var isPrivate: Bool { self.private }
}
