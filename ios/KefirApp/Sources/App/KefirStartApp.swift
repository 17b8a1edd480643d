import KefirKit
import SwiftUI
import UIKit

@main
struct KefirStartApp: App {
    @UIApplicationDelegateAdaptor(AppDelegate.self) private var appDelegate
    @State private var model = AppModel()
    @Environment(\.scenePhase) private var scenePhase

    var body: some Scene {
        WindowGroup {
            RootView()
                .environment(model)
                .task {
                    appDelegate.model = model
                    await model.bootstrap()
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
        case let .failed(message):
            ContentUnavailableView {
                Label("Cannot open your data", systemImage: "exclamationmark.triangle")
            } description: {
                Text(verbatim: message)
            } actions: {
                Button("Try again") { Task { await model.bootstrap() } }
            }
        case let .onboarding(store):
            OnboardingFlow(store: store) { model.finishOnboarding() }
        case let .ready(store):
            MainTabs(store: store)
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
