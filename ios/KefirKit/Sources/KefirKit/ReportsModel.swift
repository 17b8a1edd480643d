import Foundation

/// The files the Reports screen shares.
public enum ReportFileKind: String, Sendable, CaseIterable {
    case pdf, fhir, csv

    /// `Kefir summary 2025-03-01 to 2025-03-31.pdf` (the range is in the
    /// name so files do not overwrite each other); CSV is a folder of files.
    public func name(fromDay: String, toDay: String) -> String {
        switch self {
        case .pdf: "Kefir summary \(fromDay) to \(toDay).pdf"
        case .fhir: "Kefir summary \(fromDay) to \(toDay).fhir.json"
        case .csv: "CSV \(fromDay) to \(toDay)"
        }
    }
}

/// The Reports screen without SwiftUI: the range of local days (the core's
/// default from `reportRange` the first time, then what the person picks),
/// the report's language (apart from the app's),
/// the preview (`summary`) and the files (`writePdf`, `writeFhir`,
/// `writeCsv`) written into `directory`. Each step is one core call; the
/// core checks the range (a backwards range is its `InvalidInput`).
public actor ReportsModel {
    private let store: KefirStore
    private let directory: URL
    public private(set) var fromDay: String?
    public private(set) var toDay: String?
    /// The report's language (BCP 47), chosen apart from the app's: a
    /// German-speaking user can hand an English summary to a doctor abroad.
    /// Starts as the app's language, then the core's default (`defaults`).
    public private(set) var language: String
    private var languageChosen = false
    /// The paper for the PDF: the core's default for the region (`defaults`)
    /// until the person picks one; nil before either.
    public private(set) var paper: Paper?
    private var paperChosen = false

    public init(store: KefirStore, directory: URL, language: String = KefirStore.deviceLocale) {
        self.store = store
        self.directory = directory
        self.language = language
    }

    /// The person picked the report's language (a code of the core's `reportLanguages`).
    public func chooseLanguage(_ tag: String) {
        language = tag
        languageChosen = true
    }

    /// The person picked the paper.
    public func choosePaper(_ paper: Paper) {
        self.paper = paper
        paperChosen = true
    }

    /// The core's defaults for the Reports screen in the app's zone and
    /// language: the paper for the region (US Letter in the US, A4 in
    /// Germany...), the report languages with their names, and the report's
    /// default language, which becomes `language` unless the person chose one.
    public func defaults(timeZone: String = KefirStore.deviceTimeZone,
                         locale: String = KefirStore.deviceLocale) throws -> SettingsDefaults
    {
        let d = try store.settingsDefaults(timeZone: timeZone, locale: locale)
        if !languageChosen { language = d.reportLanguage }
        if !paperChosen { paper = d.paper }
        return d
    }

    /// The range to show: the core's default the first time, afterwards the
    /// one already chosen (a reload does not undo the person's choice).
    public func range(now: Date = Date(), timeZone: String = KefirStore.deviceTimeZone) async throws
        -> (fromDay: String, toDay: String)
    {
        if let fromDay, let toDay { return (fromDay, toDay) }
        let r = try await store.reportRange(now: now, timeZone: timeZone)
        (fromDay, toDay) = (r.fromDay, r.toDay)
        return (r.fromDay, r.toDay)
    }

    /// The person picked days (ISO, from `KefirFormat.isoDay(of:)`).
    public func choose(fromDay: String, toDay: String) {
        (self.fromDay, self.toDay) = (fromDay, toDay)
    }

    public func summary(now: Date = Date(), timeZone: String = KefirStore.deviceTimeZone) async throws -> Summary {
        let (from, to) = try await range(now: now, timeZone: timeZone)
        return try await store.summary(fromDay: from, toDay: to, now: now, timeZone: timeZone, locale: language)
    }

    /// Write one kind of file for the current range in the report's
    /// language; the URLs to share (one file, or the CSV files). The PDF is
    /// on `paper`, else the chosen or the core's default paper.
    public func write(_ kind: ReportFileKind, paper: Paper? = nil, now: Date = Date(),
                      timeZone: String = KefirStore.deviceTimeZone) async throws -> [URL]
    {
        let (from, to) = try await range(now: now, timeZone: timeZone)
        let paper = try paper ?? self.paper ?? defaults(timeZone: timeZone).paper
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(kind.name(fromDay: from, toDay: to), isDirectory: kind == .csv)
        switch kind {
        case .pdf:
            try await store.writePdf(fromDay: from, toDay: to, paper: paper, to: url, now: now, timeZone: timeZone,
                                     locale: language)
            return [url]
        case .fhir:
            try await store.writeFhir(fromDay: from, toDay: to, to: url, now: now, timeZone: timeZone, locale: language)
            return [url]
        case .csv:
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            return try await store.writeCsv(fromDay: from, toDay: to, into: url, timeZone: timeZone, locale: language)
        }
    }
}
