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
                    if phase == .active { model.becameActive() }
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

/// Onboarding until the first profile is saved, then the tabs.
struct RootView: View {
    @Environment(AppModel.self) private var model

    var body: some View {
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
        .fileImporter(isPresented: $picking, allowedContentTypes: [.json]) { result in
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
                defer { try? FileManager.default.removeItem(at: copy) }
                await model.restoreAfterFailedOpen(from: copy)
            }
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
