import Foundation

// Issue 17, private by default: the save-a-backup form, the app lock and the
// lock-screen text of reminders. The core decides and words everything; these
// types only hold what the person typed or chose and map the core's records
// to what the SwiftUI views show. Tested on Linux (PrivacyTests).

// MARK: - Saving a backup

/// The "save a backup" form. Every text is the core's `texts`
/// (`backupForm(locale:)`); the shell keeps what the person typed and chose:
///
/// - encryption is preselected as the core says (`encryptByDefault`);
/// - with encryption, Save needs the core's verdict on the passphrase now in
///   the field (`verdict`, from `passphraseStrength`) to be `acceptable`, and
///   both fields to match;
/// - without it, Save needs the core's `plainWarning` confirmed (its
///   `plainConfirmLabel` button).
///
/// The passphrase lives only in this value: never logged or persisted;
/// `cleared()` drops it after an export.
public struct BackupSaveForm: Sendable, Equatable {
    public let texts: BackupForm
    public var encrypt: Bool {
        didSet { if encrypt != oldValue { plainConfirmed = false } }
    }
    public private(set) var passphrase = ""
    public var repeated = ""
    /// The core's verdict on `passphrase`; nil while it is being judged (or empty).
    public private(set) var verdict: PassphraseVerdict?
    /// The person confirmed the core's warning before a plain backup.
    public private(set) var plainConfirmed = false

    public init(texts: BackupForm) {
        self.texts = texts
        encrypt = texts.encryptByDefault
    }

    /// A new passphrase: the old verdict no longer applies.
    public mutating func setPassphrase(_ p: String) {
        passphrase = p
        verdict = nil
    }

    /// The core's verdict for `forPassphrase`; ignored when the field changed meanwhile.
    public mutating func apply(_ v: PassphraseVerdict, for forPassphrase: String) {
        if forPassphrase == passphrase { verdict = v }
    }

    public mutating func confirmPlain() {
        plainConfirmed = true
    }

    /// Show the core's `mismatchMessage`: the repeat field has text and it differs.
    public var mismatch: Bool { encrypt && !repeated.isEmpty && repeated != passphrase }

    /// Show the core's `plainWarning` and its confirm button.
    public var plainWarningPending: Bool { !encrypt && !plainConfirmed }

    public var canSave: Bool {
        encrypt ? (!passphrase.isEmpty && passphrase == repeated && verdict?.acceptable == true) : plainConfirmed
    }

    /// What `exportBackup` gets: the passphrase with encryption, nil for a plain backup.
    public var passphraseToSend: String? { encrypt ? passphrase : nil }

    /// The same form with the passphrase fields and verdict emptied.
    public func cleared() -> BackupSaveForm {
        var form = BackupSaveForm(texts: texts)
        form.encrypt = encrypt
        return form
    }
}

extension KefirStore {
    /// Write the backup as `form` says: encrypted with its passphrase, or
    /// plain after the confirmed warning. A form that cannot be saved yet
    /// writes nothing and throws `KefirError.InvalidInput(field: "passphrase")`
    /// with the core's own text (mismatch message, the verdict's reasons, the
    /// plain warning). The core judges the passphrase again and refuses a
    /// weak one the same way.
    public func exportBackup(_ form: BackupSaveForm, to url: URL, now: Date = Date(),
                             locale: String = KefirStore.deviceLocale) throws
    {
        guard form.canSave else {
            let why: String
            if !form.encrypt {
                why = form.texts.plainWarning
            } else if form.passphrase != form.repeated {
                why = form.texts.mismatchMessage
            } else {
                why = form.verdict?.reasons.joined(separator: "\n") ?? ""
            }
            throw KefirError.InvalidInput(field: "passphrase", reason: why)
        }
        try exportBackup(to: url, passphrase: form.passphraseToSend, now: now, locale: locale)
    }
}

// MARK: - App lock

/// What the app shows for the app lock, from the core's `LockDecision`. The
/// core decides when the app is locked from the times the shell reports;
/// the shell covers the screens and shows the LocalAuthentication prompt.
public struct LockUi: Sendable, Equatable {
    /// Cover every screen (the core's `coverTitle` and an unlock button).
    public let cover: Bool
    /// Show the platform prompt now.
    public let prompt: Bool
    /// Put the privacy cover over the app whenever the scene is inactive or
    /// in the background (app switcher snapshot), as the core's `hideContent` says.
    public let hideContent: Bool
    public let coverTitle: String
    public let unlockLabel: String
    public let promptReason: String

    public init(cover: Bool, prompt: Bool, hideContent: Bool, coverTitle: String = "", unlockLabel: String = "",
                promptReason: String = "")
    {
        self.cover = cover
        self.prompt = prompt
        self.hideContent = hideContent
        self.coverTitle = coverTitle
        self.unlockLabel = unlockLabel
        self.promptReason = promptReason
    }

    /// Before the core's first answer at launch: a blank cover, no prompt,
    /// so no screen shows before the core said whether it is locked.
    public static let checking = LockUi(cover: true, prompt: false, hideContent: true)

    public static func open(hideContent: Bool) -> LockUi {
        LockUi(cover: false, prompt: false, hideContent: hideContent)
    }

    public init(_ d: LockDecision) {
        self.init(cover: d.locked, prompt: d.locked, hideContent: d.hideContent || d.locked, coverTitle: d.coverTitle,
                  unlockLabel: d.unlockLabel, promptReason: d.promptReason)
    }
}

/// The app lock's calls in the order the scene reports them; `current` is
/// what to show. Failures never lock the owner out: before any answer a
/// failed call (the store did not open: the failed-open screen shows no
/// diary) opens; later a failed call keeps the last answer; a failed
/// `appUnlocked` after the prompt succeeded opens.
public actor AppLockFlow {
    private let store: KefirStore
    public private(set) var current: LockUi = .checking

    public init(store: KefirStore) {
        self.store = store
    }

    /// The settings row and the first-run offer: the core's form (choices, labels, `offer`).
    public func form(locale: String = KefirStore.deviceLocale) async throws -> AppLockForm {
        try await store.appLockForm(locale: locale)
    }

    /// Launch and scenePhase `.active`.
    @discardableResult
    public func foregrounded(now: Date = Date(), locale: String = KefirStore.deviceLocale) async -> LockUi {
        answer(try? await store.appForegrounded(now: now, locale: locale), failedOpens: false)
    }

    /// scenePhase `.background`: the core notes the time. With the lock on
    /// (the last answer hides content), a failed answer on return stays
    /// locked (see `answer`).
    public func backgrounded(now: Date = Date()) async {
        if current.hideContent { awayWithLockOn = true }
        try? await store.appBackgrounded(now: now)
    }

    /// LocalAuthentication succeeded.
    @discardableResult
    public func unlocked(now: Date = Date(), locale: String = KefirStore.deviceLocale) async -> LockUi {
        answer(try? await store.appUnlocked(now: now, locale: locale), failedOpens: true)
    }

    /// The phone can check nobody (`canEvaluatePolicy(.deviceOwnerAuthentication)`
    /// is false: no passcode set): the lock cannot be kept without locking
    /// its owner out, so the app opens, as after an unlock.
    @discardableResult
    public func promptUnavailable(now: Date = Date(), locale: String = KefirStore.deviceLocale) async -> LockUi {
        await unlocked(now: now, locale: locale)
    }

    /// Store the setting (answers the first-run offer too). The core does not
    /// lock the open app for it (rule L7: from the next trip to the
    /// background; turning it off unlocks), so `appForegrounded` again gives
    /// the new decision (`hideContent` follows the setting). The app asks
    /// the prompt before turning it on, so the person knows it works here.
    public func save(_ settings: AppLockSettings, now: Date = Date(),
                     locale: String = KefirStore.deviceLocale) async throws -> AppLockForm
    {
        let form = try await store.saveAppLock(settings, locale: locale)
        await foregrounded(now: now, locale: locale)
        return form
    }

    /// Failures never lock the owner out, and never show the diary after a
    /// trip to the background with the lock on: before any answer a failed
    /// call opens (the failed-open screen shows no diary); after such a trip
    /// it is the locked cover with the core's last texts (the prompt still
    /// opens it); a failed `appUnlocked` after the prompt succeeded opens.
    private func answer(_ decision: LockDecision?, failedOpens: Bool) -> LockUi {
        let ui: LockUi
        if let decision {
            ui = LockUi(decision)
            lastAnswer = ui
        } else if failedOpens {
            ui = .open(hideContent: current.hideContent)
        } else if awayWithLockOn, let last = lastAnswer, !last.coverTitle.isEmpty {
            ui = LockUi(cover: true, prompt: true, hideContent: true,
                        coverTitle: last.coverTitle, unlockLabel: last.unlockLabel, promptReason: last.promptReason)
        } else if current == .checking {
            ui = .open(hideContent: false)
        } else {
            ui = current
        }
        if decision != nil || ui.cover { awayWithLockOn = false }
        current = ui
        return ui
    }

    private var lastAnswer: LockUi?
    private var awayWithLockOn = false
}

/// What the iOS shell shows around the core's answers as the scene comes
/// and goes (review of issue 17, findings 4 and 6). The core decides whether
/// the app is locked; this only says when to cover while waiting for it and
/// when to show the prompt by itself.
///
/// - Covered on the way out: entering the background with the lock on
///   covers at once (`awaitingAnswer`) until the core's answer on return,
///   so no frame of the diary is shown before the core decided.
/// - One prompt per return: the LocalAuthentication sheet makes the scene
///   inactive, and its end makes it active again; an `.active` the prompt
///   itself caused must not ask again (cancel, prompt, cancel...). The
///   prompt is shown by itself once at launch and once per return from the
///   background; after a cancel the cover's button asks.
public struct LockPresentation: Sendable, Equatable {
    /// Covered since the scene entered the background with the lock on; cleared by the core's answer.
    public private(set) var awaitingAnswer = false
    /// The next locked answer may show the prompt by itself (launch, or back from the background).
    public private(set) var promptOnNextLock = true

    public init() {}

    /// scenePhase `.background` (synchronously, before any await).
    public mutating func enteredBackground(_ lock: LockUi) {
        awaitingAnswer = lock.hideContent || lock.cover
        promptOnNextLock = true
    }

    /// The core answered on `.active` (or launch): whether to show the prompt now.
    public mutating func answered(_ lock: LockUi) -> Bool {
        awaitingAnswer = false
        guard lock.prompt else {
            if !lock.cover { promptOnNextLock = true }
            return false
        }
        defer { promptOnNextLock = false }
        return promptOnNextLock
    }

    /// Whether the cover is shown: locked, waiting for the core on return,
    /// or the scene not active while the lock is on (the app-switcher snapshot).
    public func covers(_ lock: LockUi, sceneActive: Bool) -> Bool {
        lock.cover || awaitingAnswer || (!sceneActive && lock.hideContent)
    }
}

/// What to do when the app must be unlocked: show the prompt, or, only when
/// no passcode is set (`LAError.passcodeNotSet`), open: nobody can be
/// checked and the owner must not be locked out. Any other reason the prompt
/// is unavailable keeps the cover and its button.
public enum PromptRoute: Sendable, Equatable {
    case show
    case openNoPasscode
}

public func promptRoute(canAuthenticate: Bool, passcodeNotSet: Bool) -> PromptRoute {
    !canAuthenticate && passcodeNotSet ? .openNoPasscode : .show
}

/// The first-run offer: shown once after the first screens while the core's
/// `offer` is true and the phone can show the prompt; nil otherwise.
public func lockOffer(_ form: AppLockForm, canAuthenticate: Bool) -> AppLockForm? {
    form.offer && canAuthenticate ? form : nil
}

extension AppLockForm {
    /// "Turn on": the core's stored delay (its default before any answer), enabled.
    public var accepted: AppLockSettings { AppLockSettings(enabled: true, afterMinutes: settings.afterMinutes) }
    /// "Not now": stays off; the core stops offering.
    public var declined: AppLockSettings { AppLockSettings(enabled: false, afterMinutes: settings.afterMinutes) }
}

// MARK: - Reminders on the lock screen

/// The text a reminder is scheduled with on iOS. When the core marks it
/// `private`, the request carries only the public version (`publicTitle`,
/// `publicBody`: no medicine, symptom or amount): iOS shows a local
/// notification's content wherever the person's preview setting allows
/// (the lock screen too, with "Show Previews: Always"), and a category's
/// `hiddenPreviewsBodyPlaceholder` only applies when previews are hidden by
/// that system setting. Sending the public text is the only way the lock
/// screen and Notification Centre never see details; the app shows them
/// when opened. With the user's `fullTextOnLockScreen` the core sends
/// `private == false` and the full text is scheduled.
public struct ScheduledText: Sendable, Equatable {
    public let title: String
    public let body: String

    public init(title: String, body: String) {
        self.title = title
        self.body = body
    }
}

extension SchedulableNotification {
    public var scheduledText: ScheduledText {
        isPrivate ? ScheduledText(title: publicTitle, body: publicBody) : ScheduledText(title: title, body: body)
    }
}

/// The notification that replaces a drink reminder after "Log today's
/// amount" (AppDelegate). Not private (`publicVersion` nil): the core's one
/// line and the stored drink's warnings verbatim ("title: advice", one a
/// line). Private: the reminder's public version, so no amount or warning
/// reaches the lock screen or Notification Centre; a failure shows
/// `failedText` (the app's own words, naming nothing) under the public
/// title. `opensDrinkForm`: a tap opens the drink form (the core needs it,
/// or the call failed).
public struct QuickLogNotice: Sendable, Equatable {
    public let title: String
    public let body: String
    public let opensDrinkForm: Bool

    public init(title: String, body: String, opensDrinkForm: Bool) {
        self.title = title
        self.body = body
        self.opensDrinkForm = opensDrinkForm
    }
}

public func quickLogNotice(_ quick: QuickLog?, failedText: String, publicVersion: ScheduledText?) -> QuickLogNotice {
    guard let quick else {
        return QuickLogNotice(title: publicVersion?.title ?? "", body: failedText, opensDrinkForm: true)
    }
    let opens = quick.outcome == .needsForm
    if let publicVersion {
        return QuickLogNotice(title: publicVersion.title, body: publicVersion.body, opensDrinkForm: opens)
    }
    let warnings = quick.logged?.warnings ?? []
    let body = ([quick.message] + warnings.map { "\($0.title): \($0.advice)" }).joined(separator: "\n")
    return QuickLogNotice(title: "", body: body, opensDrinkForm: opens)
}
