import KefirKit
import SwiftUI

/// The doctor summary for a range of local days: a preview (`summary`, one
/// call per range), then files written by the core (`writePdf`, `writeFhir`,
/// `writeCsv`) and shared with `ShareLink`. Nothing leaves the phone unless
/// the user shares it. The first range is the core's (`reportRange`). The
/// range, the calls and the file names are `ReportsModel` (KefirKit, tested
/// on Linux); this view maps date pickers to ISO days and shows results.
struct ReportsScreen: View {
    let store: KefirStore
    @Environment(AppModel.self) private var model

    @State private var from = Date()
    @State private var to = Date()
    @State private var seeded = false
    /// The core's default paper for the region (`settingsDefaults`) until the person picks one.
    @State private var paper: Paper?
    /// The report's language, apart from the app's: the core's default, then the person's choice.
    @State private var language = ""
    /// The languages the core can write a summary in.
    @State private var languages: [LanguageOption] = []
    @State private var state: LoadState<Summary> = .loading
    @State private var pdf: URL?
    @State private var fhir: URL?
    @State private var csv: [URL] = []
    @State private var working = false
    @State private var error: ShownError?
    @State private var reports: ReportsModel?

    /// Created on first use (from the async steps below, never from `body`).
    private func reportsModel() -> ReportsModel {
        if let reports { return reports }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("Reports", isDirectory: true)
        let created = ReportsModel(store: store, directory: dir)
        reports = created
        return created
    }

    private var fromDay: String { KefirFormat.isoDay(of: from) }
    private var toDay: String { KefirFormat.isoDay(of: to) }

    var body: some View {
        Form {
            Section {
                // No range limits here: the core checks the range and says
                // why it refuses one (shown in place of the summary).
                DatePicker("From", selection: $from, displayedComponents: .date)
                DatePicker("To", selection: $to, displayedComponents: .date)
                Picker("Paper", selection: $paper) {
                    Text("A4").tag(Paper?.some(.a4))
                    Text("US Letter").tag(Paper?.some(.letter))
                }
                if !languages.isEmpty {
                    Picker("Language of the report", selection: $language) {
                        ForEach(languages, id: \.code) { Text(verbatim: $0.name).tag($0.code) }
                    }
                }
            } header: {
                Text("Days to include")
            }

            LoadStateView(state: state, retry: loadSummary) { summary in
                SummaryPreview(summary: summary)
            }

            Section {
                fileRow(title: "PDF for your doctor", systemImage: "doc.richtext", url: pdf) {
                    try await writePdf()
                }
                fileRow(title: "FHIR file for clinic systems", systemImage: "cross.case", url: fhir) {
                    try await writeFhir()
                }
                if csv.isEmpty {
                    Button {
                        Task { await prepare { try await writeCsv() } }
                    } label: {
                        Label("Prepare spreadsheet files (CSV)", systemImage: "tablecells")
                    }
                } else {
                    ShareLink(items: csv) {
                        Label("Share spreadsheet files (CSV)", systemImage: "square.and.arrow.up")
                    }
                }
            } header: {
                Text("Share")
            } footer: {
                Text("Files are created on this device. They leave it only if you share them.")
            }
            .disabled(working)
        }
        .navigationTitle("Reports")
        .task(id: "\(fromDay)|\(toDay)|\(model.revision)") {
            // Seeding changes the range, which restarts this task with it.
            guard await seedDefaultRangeOnce() else { return }
            await loadSummary()
        }
        .onChange(of: paper) { old, new in
            pdf = nil
            if old != nil, let new { Task { await reportsModel().choosePaper(new) } }
        }
        .onChange(of: language) { old, new in
            guard !old.isEmpty, old != new else { return }
            Task {
                await reportsModel().chooseLanguage(new)
                await loadSummary()
            }
        }
        .errorAlert($error, title: "Not done")
    }

    @ViewBuilder
    private func fileRow(title: LocalizedStringKey, systemImage: String, url: URL?,
                         write: @escaping () async throws -> URL) -> some View
    {
        if let url {
            ShareLink(item: url) {
                Label(title, systemImage: "square.and.arrow.up")
            }
        } else {
            Button {
                Task { await prepare { _ = try await write() } }
            } label: {
                Label(title, systemImage: systemImage)
            }
        }
    }

    /// The first time only: the core's default range (the plan's first day,
    /// or four weeks, to today). Returns false when the range changed, so
    /// the task that is restarted with the new range loads the summary.
    private func seedDefaultRangeOnce() async -> Bool {
        guard !seeded else { return true }
        seeded = true
        do {
            // The core's paper for the region and report language (settingsDefaults).
            let defaults = try await reportsModel().defaults()
            paper = await reportsModel().paper
            languages = defaults.reportLanguages
            language = await reportsModel().language
            let range = try await reportsModel().range()
            guard let newFrom = KefirFormat.pickerDate(ofISODay: range.fromDay),
                  let newTo = KefirFormat.pickerDate(ofISODay: range.toDay) else { return true }
            let changed = KefirFormat.isoDay(of: newFrom) != fromDay || KefirFormat.isoDay(of: newTo) != toDay
            (from, to) = (newFrom, newTo)
            return !changed
        } catch {
            state = .failed(ErrorText.message(for: error))
            return false
        }
    }

    private func loadSummary() async {
        pdf = nil
        fhir = nil
        csv = []
        do {
            await reportsModel().choose(fromDay: fromDay, toDay: toDay)
            state = .loaded(try await reportsModel().summary())
        } catch {
            state = .failed(ErrorText.message(for: error))
        }
    }

    private func prepare(_ work: () async throws -> Void) async {
        working = true
        defer { working = false }
        do {
            try await work()
        } catch {
            self.error = ShownError(error)
        }
    }

    private func writePdf() async throws -> URL {
        await reportsModel().choose(fromDay: fromDay, toDay: toDay)
        let url = try await reportsModel().write(.pdf, paper: paper)[0]
        pdf = url
        return url
    }

    private func writeFhir() async throws -> URL {
        await reportsModel().choose(fromDay: fromDay, toDay: toDay)
        let url = try await reportsModel().write(.fhir)[0]
        fhir = url
        return url
    }

    private func writeCsv() async throws {
        await reportsModel().choose(fromDay: fromDay, toDay: toDay)
        csv = try await reportsModel().write(.csv)
    }
}

/// What the summary says, before sharing: the core's numbers and flags.
struct SummaryPreview: View {
    let summary: Summary

    var body: some View {
        Section("Summary") {
            LabeledContent("Days") { Text(summary.totals.days, format: .number) }
            LabeledContent("Kefir in total") { MlText(ml: summary.totals.totalMl) }
            LabeledContent("Drinks") { Text(summary.totals.drinks, format: .number) }
            LabeledContent("Days with a check-in") {
                Text("\(summary.totals.checkinDays) (\(summary.totals.checkinAdherencePct) %)")
            }
            LabeledContent("Days on target") {
                Text("\(summary.totals.daysOnTarget) of \(summary.totals.daysWithTarget)")
            }
            LevelBadge(level: summary.screeningLevel, label: summary.screeningLevelLabel)
        }
        if !summary.redFlags.isEmpty {
            Section("Red flags") {
                ForEach(Array(summary.redFlags.enumerated()), id: \.offset) { _, flag in
                    VStack(alignment: .leading, spacing: 2) {
                        Text(verbatim: KefirFormat.dateTime(flag.at)).font(.subheadline.weight(.semibold))
                        Text(verbatim: flag.what)
                        Text(verbatim: flag.ruleIds.ruleList)
                            .font(.caption.monospaced())
                            .foregroundStyle(.secondary)
                    }
                    .accessibilityElement(children: .combine)
                }
            }
        }
        if !summary.planEvents.isEmpty {
            Section("Plan events") {
                ForEach(Array(summary.planEvents.enumerated()), id: \.offset) { _, event in
                    VStack(alignment: .leading, spacing: 2) {
                        HStack {
                            Text(verbatim: KefirFormat.day(iso: event.date) ?? event.date)
                                .font(.subheadline.weight(.semibold))
                            Spacer()
                            Text(verbatim: event.decisionLabel)
                                .font(.subheadline)
                                .foregroundStyle(.secondary)
                        }
                        MlText(ml: event.targetMl).font(.callout)
                        Text(verbatim: event.reason).font(.footnote)
                        if !event.ruleIds.isEmpty {
                            Text(verbatim: event.ruleIds.ruleList)
                                .font(.caption.monospaced())
                                .foregroundStyle(.secondary)
                        }
                    }
                    .accessibilityElement(children: .combine)
                }
            }
        }
        Section {
            DisclaimerText(text: summary.disclaimer)
        }
    }
}
