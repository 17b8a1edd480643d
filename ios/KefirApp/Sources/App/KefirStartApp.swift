import KefirKit
import SwiftUI
import UniformTypeIdentifiers
import UIKit

@main
struct KefirStartApp: App {
    @UIApplicationDelegateAdaptor(AppDelegate.self) private var appDelegate
    @Environment(\.scenePhase) private var scenePhase

    /// Owned by the app delegate, which can receive a notification response
    /// before any scene exists (see AppDelegate).
    private var model: AppModel { appDelegate.model }

    var body: some Scene {
        WindowGroup {
            RootView()
                .environment(model)
                .task {
                    await model.bootstrap()
                }
                // The device was unlocked: a store that could not be opened
                // while locked (closed-protected files) opens now.
                .onReceive(NotificationCenter.default.publisher(
                    for: UIApplication.protectedDataDidBecomeAvailableNotification)) { _ in
                    Task { await model.bootstrap() }
                }
                // The day may have changed, or the zone, while in background.
                .onChange(of: scenePhase) { _, phase in
                    switch phase {
                    case .active:
                        // The lock's answer first: the reloads queue behind it on the store.
                        Task {
                            await model.sceneBecameActive()
                            model.becameActive()
                        }
                    case .background:
                        // Covers synchronously, then tells the core (AppModel).
                        model.sceneEnteredBackground()
                    default:
                        break  // .inactive: the privacy cover above; the LocalAuthentication prompt is one
                    }
                }
                .onReceive(NotificationCenter.default.publisher(for: .NSSystemTimeZoneDidChange)) { _ in
                    model.systemTimeZoneChanged()
                }
                // A manual clock change or a new day: recompute from the core.
                .onReceive(NotificationCenter.default.publisher(for: .NSSystemClockDidChange)) { _ in
                    model.becameActive()
                }
                .onReceive(NotificationCenter.default.publisher(
                    for: UIApplication.significantTimeChangeNotification)) { _ in
                    model.becameActive()
                }
                .onReceive(NotificationCenter.default.publisher(for: .NSCalendarDayChanged)) { _ in
                    model.refreshScreens()
                }
        }
    }
}

/// Covers the app: with the core's texts and an unlock button while locked
/// (`LockDecision`), blank otherwise (the app-switcher snapshot, the moment
/// before the core's first answer).
struct PrivacyCover: View {
    let lock: LockUi
    let unlock: () -> Void

    var body: some View {
        ZStack {
            Rectangle().fill(.background).ignoresSafeArea()
            if lock.cover && !lock.coverTitle.isEmpty {
                VStack(spacing: 20) {
                    Image(systemName: "lock.fill").font(.largeTitle).accessibilityHidden(true)
                    Text(verbatim: lock.coverTitle).font(.title2).multilineTextAlignment(.center)
                        .accessibilityAddTraits(.isHeader)
                    Button(action: unlock) { Text(verbatim: lock.unlockLabel) }
                        .buttonStyle(.borderedProminent)
                }
                .padding()
            }
        }
    }
}

/// The lock cover in a window of its own above the app's window (review of
/// issue 17, finding 3). Sheets, alerts and confirmation dialogs are
/// presented inside the app's window, above its root view, so an overlay
/// on the root view stays under them (and under them in the app-switcher
/// snapshot). A window at `.alert + 1` on the same scene is above every
/// one of them; it is made key while shown, so the keyboard and VoiceOver
/// go to the cover, and the app's window is made key again when it goes.
/// Chosen over dismissing every sheet and alert when locking because the
/// root cannot reach the presentations of each screen (`dismiss` acts only
/// on the view's own), and a dismissed form would lose what was typed.
@MainActor
final class CoverWindow {
    private var window: UIWindow?
    private var host: UIHostingController<PrivacyCover>?

    func update(visible: Bool, lock: LockUi, unlock: @escaping () -> Void) {
        guard visible else {
            guard let window else { return }
            let scene = window.windowScene
            window.isHidden = true
            self.window = nil
            host = nil
            scene?.windows.first { $0.windowLevel == .normal }?.makeKey()
            return
        }
        let cover = PrivacyCover(lock: lock, unlock: unlock)
        if let host {
            host.rootView = cover
            return
        }
        let scenes = UIApplication.shared.connectedScenes.compactMap { $0 as? UIWindowScene }
        guard let scene = scenes.first(where: { $0.activationState == .foregroundActive }) ?? scenes.first else { return }
        let host = UIHostingController(rootView: cover)
        let window = UIWindow(windowScene: scene)
        window.windowLevel = .alert + 1
        window.rootViewController = host
        window.makeKeyAndVisible()
        self.window = window
        self.host = host
    }
}

/// What the cover shows, as one value for `onChange`.
private struct CoverState: Equatable {
    let visible: Bool
    let lock: LockUi
}

/// Onboarding until the first profile is saved, then the tabs.
struct RootView: View {
    @Environment(AppModel.self) private var model
    @Environment(\.scenePhase) private var scenePhase
    @State private var coverWindow = CoverWindow()

    /// The app lock (issue 17): the cover while locked, on return until the
    /// core answered, and whenever the scene is not active (the app-switcher
    /// snapshot) while the core says to hide content (`LockPresentation`).
    private var covered: Bool {
        model.lockPresentation.covers(model.lock, sceneActive: scenePhase == .active)
    }

    var body: some View {
        phaseView
            // Hidden from VoiceOver and out of reach of a hardware keyboard while covered.
            .accessibilityHidden(covered)
            .disabled(covered)
            .overlay {
                // The same cover inside the app's window too, should the window not be up yet.
                if covered {
                    PrivacyCover(lock: model.lock) { Task { await model.unlock() } }
                }
            }
            .onChange(of: CoverState(visible: covered, lock: model.lock), initial: true) { _, state in
                coverWindow.update(visible: state.visible, lock: state.lock) { Task { await model.unlock() } }
            }
    }

    @ViewBuilder private var phaseView: some View {
        switch model.phase {
        case .loading:
            ProgressView("Opening your journal…")
        case let .failed(message, options):
            FailedOpenView(message: message, options: options)
        case let .onboarding(store):
            OnboardingFlow(store: store) { model.finishOnboarding() }
                .recoveryNote()
        case let .ready(store):
            MainTabs(store: store)
                .recoveryNote()
        }
    }
}

struct MainTabs: View {
    let store: KefirStore
    @Environment(AppModel.self) private var model
    /// The app lock's first-run offer (issue 17): shown once the screening
    /// is done, while the core's `offer` is true and the phone can show the prompt.
    @State private var lockOffer: AppLockForm?

    var body: some View {
        @Bindable var model = model
        TabView(selection: $model.selectedTab) {
            NavigationStack { TodayScreen(store: store) }
                .tabItem { Label("Today", systemImage: "sun.max") }
                .tag(AppModel.Tab.today)
            NavigationStack { PlanScreen(store: store) }
                .tabItem { Label("Plan", systemImage: "chart.line.uptrend.xyaxis") }
                .tag(AppModel.Tab.plan)
            NavigationStack { ReportsScreen(store: store) }
                .tabItem { Label("Reports", systemImage: "doc.text") }
                .tag(AppModel.Tab.reports)
            NavigationStack { SettingsScreen(store: store) }
                .tabItem { Label("Settings", systemImage: "gearshape") }
                .tag(AppModel.Tab.settings)
        }
        .task {
            guard let form = try? await model.appLockForm() else { return }
            lockOffer = KefirKit.lockOffer(form, canAuthenticate: model.canAuthenticate)
        }
        .alert(lockOffer?.title ?? "", isPresented: Binding(get: { lockOffer != nil }, set: { _ in })) {
            if let offer = lockOffer {
                Button { answer(offer.accepted, prompt: offer.promptReason) } label: { Text(verbatim: offer.enableLabel) }
                Button(role: .cancel) { answer(offer.declined, prompt: nil) } label: { Text(verbatim: offer.declineLabel) }
            }
        } message: {
            if let offer = lockOffer { Text(verbatim: offer.explanation) }
        }
    }

    /// Either answer is stored (the core stops offering). Turning it on asks the prompt first.
    private func answer(_ settings: AppLockSettings, prompt reason: String?) {
        lockOffer = nil
        Task {
            if let reason, !(await model.authenticate(reason: reason)) {
                // Not confirmed: offered again next time (nothing was stored).
                return
            }
            _ = try? await model.saveAppLock(settings)
        }
    }
}

/// The store did not open. The message is the core's; the ways out are
/// `OpenFailure.options` (KefirKit, tested on Linux): restore a backup file
/// (imported into a new database first; only then is the old file renamed
/// aside), start a new journal (the old file is renamed aside, never
/// deleted), try again, or, while the device is locked, wait.
struct FailedOpenView: View {
    let message: String
    let options: [RecoveryOption]
    @Environment(AppModel.self) private var model
    @State private var picking = false
    @State private var confirmFresh = false
    @State private var working = false
    /// An encrypted backup's private copy while its passphrase is asked.
    @State private var waitingCopy: URL?
    @State private var question: (prompt: String, wrong: String?)?
    @State private var passphrase = ""

    var body: some View {
        ContentUnavailableView {
            Label("Cannot open your data", systemImage: "exclamationmark.triangle")
        } description: {
            VStack(spacing: 8) {
                Text(verbatim: message)
                if options.contains(.restoreBackup) {
                    Text("You can restore a backup file, or start a new journal. Either way the old file is kept on this device, renamed.")
                }
                if options.contains(.waitForUnlock) {
                    Text("Your journal is protected while the device is locked. Unlock it to continue.")
                }
            }
        } actions: {
            if options.contains(.restoreBackup) {
                Button("Restore from a backup file") { picking = true }
                    .buttonStyle(.borderedProminent)
            }
            if options.contains(.startFresh) {
                Button("Start a new journal") { confirmFresh = true }
            }
            if options.contains(.retry) || options.contains(.waitForUnlock) {
                Button("Try again") { Task { await model.bootstrap() } }
            }
        }
        .disabled(working)
        .fileImporter(isPresented: $picking, allowedContentTypes: [.json, .data]) { result in
            guard case let .success(url) = result else { return }
            Task {
                working = true
                defer { working = false }
                // The picked file may be in iCloud Drive or another app's container.
                let scoped = url.startAccessingSecurityScopedResource()
                defer { if scoped { url.stopAccessingSecurityScopedResource() } }
                let copy = FileManager.default.temporaryDirectory
                    .appendingPathComponent("restore-\(UUID().uuidString).json")
                guard (try? FileManager.default.copyItem(at: url, to: copy)) != nil else { return }
                await restore(copy, passphrase: nil)
            }
        }
        // An encrypted backup: the core's prompt, and its message after a wrong passphrase.
        // No side effect in the setter: SwiftUI may run it before the tapped button's
        // action, which must still find the copy and the passphrase. Cancel drops them.
        .alert(question?.prompt ?? "", isPresented: Binding(get: { question != nil }, set: { if !$0 { question = nil } })) {
            SecureField(question?.prompt ?? "", text: $passphrase)
            Button("Open") {
                let p = passphrase
                let copy = waitingCopy
                passphrase = ""
                waitingCopy = nil
                question = nil
                if let copy { Task { await restore(copy, passphrase: p) } }
            }
            Button("Cancel", role: .cancel) { dropCopy() }
        } message: {
            if let wrong = question?.wrong { Text(verbatim: wrong) }
        }
        .confirmationDialog("Start a new journal?", isPresented: $confirmFresh, titleVisibility: .visible) {
            Button("Start a new journal", role: .destructive) {
                Task { await model.startFreshAfterFailedOpen() }
            }
            Button("Cancel", role: .cancel) {}
        } message: {
            Text("The unreadable file is kept on this device, renamed; the app starts empty.")
        }
    }
}

extension FailedOpenView {
    /// The copy is kept only while the core asks for its passphrase.
    fileprivate func restore(_ copy: URL, passphrase: String?) async {
        working = true
        defer { working = false }
        if case let .needsPassphrase(prompt, wrong)? = await model.restoreAfterFailedOpen(from: copy, passphrase: passphrase) {
            waitingCopy = copy
            question = (prompt, wrong)
        } else {
            try? FileManager.default.removeItem(at: copy)
            waitingCopy = nil
            question = nil
        }
    }

    fileprivate func dropCopy() {
        if let waitingCopy { try? FileManager.default.removeItem(at: waitingCopy) }
        waitingCopy = nil
        question = nil
        passphrase = ""
    }
}

private struct RecoveryNote: ViewModifier {
    @Environment(AppModel.self) private var model

    func body(content: Content) -> some View {
        content.alert("Your journal was recovered",
                      isPresented: Binding(get: { model.recoveryNote != nil },
                                           set: { if !$0 { model.dismissRecoveryNote() } })) {
            Button("OK") { model.dismissRecoveryNote() }
        } message: {
            Text("The old file was kept as \(model.recoveryNote ?? "").")
        }
    }
}

extension View {
    /// Says, once, under which name a recovery kept the old database file.
    func recoveryNote() -> some View {
        modifier(RecoveryNote())
    }
}
