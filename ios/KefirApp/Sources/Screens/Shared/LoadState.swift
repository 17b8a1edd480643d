import KefirKit
import SwiftUI

/// What a screen shows while its one core call runs.
enum LoadState<Value> {
    case loading
    case failed(String)
    case loaded(Value)

    var value: Value? {
        if case let .loaded(v) = self { return v }
        return nil
    }
}

/// Loading / error / content for a `LoadState`.
struct LoadStateView<Value, Content: View>: View {
    let state: LoadState<Value>
    let retry: () async -> Void
    @ViewBuilder let content: (Value) -> Content

    var body: some View {
        switch state {
        case .loading:
            ProgressView()
                .frame(maxWidth: .infinity, maxHeight: .infinity)
        case let .failed(message):
            ContentUnavailableView {
                Label("Something went wrong", systemImage: "exclamationmark.triangle")
            } description: {
                Text(verbatim: message)
            } actions: {
                Button("Try again") { Task { await retry() } }
            }
        case let .loaded(value):
            content(value)
        }
    }
}

extension View {
    /// An alert showing the core's message for a failed call.
    func errorAlert(_ error: Binding<ShownError?>, title: LocalizedStringKey = "Not saved") -> some View {
        alert(title,
              isPresented: Binding(get: { error.wrappedValue != nil },
                                   set: { if !$0 { error.wrappedValue = nil } }),
              presenting: error.wrappedValue) { _ in
            Button("OK", role: .cancel) {}
        } message: { shown in
            Text(verbatim: shown.message)
        }
    }
}
