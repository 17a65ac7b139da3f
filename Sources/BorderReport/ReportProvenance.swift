import BorderInput
import BorderOutput
/// What a report was made from, for its "Made from" section: a reader must be able to tell
/// which data and which choices stand behind every figure.
public struct ReportProvenance: Sendable {
    /// The input file as given on the command line, or nil for the bundled incidents.
    public var input: String?
    public var summary: RunSummary
    /// The reading options and row filters given, as on the command line (`--from 2020`, …).
    public var options: [String]
    /// The fence file as given (`--fence`), "bundled" for the data folder's, nil when there is
    /// none (no coverage figures).
    public var fence: String?
    public var fenceCaveat: String?
    /// What counts as covering: statuses, side, tolerance, as-of date, in words.
    public var coverageRule: String
    /// `--data` as given, or nil for the bundled data folder.
    public var dataFolder: String?
    public var version: String

    public init(input: String?, summary: RunSummary, options: [String], fence: String?, fenceCaveat: String?,
                coverageRule: String, dataFolder: String?, version: String) {
        (self.input, self.summary, self.options, self.fence, self.fenceCaveat, self.coverageRule, self.dataFolder, self.version)
            = (input, summary, options, fence, fenceCaveat, coverageRule, dataFolder, version)
    }

    /// Paths are shown as given, never resolved: a published report names no folder of the
    /// machine it was made on.
    var rows: [[String]] {
        [["incidents", input ?? "the bundled incidents (incidents.csv of the data folder)"],
         ["rows", summary.line],
         ["reading options and filters", options.isEmpty ? "none" : options.joined(separator: " ")],
         ["fence", fence ?? "none (no coverage figures)"],
         ["fence caveat", fence == nil ? "–" : fenceCaveat.flatMap { $0.isEmpty ? nil : $0 } ?? "none given in the fence file"],
         ["coverage counts", coverageRule],
         ["data folder", dataFolder ?? "the bundled data/"],
         ["program", "border \(version)"]]
    }
}
