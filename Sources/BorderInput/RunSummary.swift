/// Counts of one run; `read == written + rejected + filtered` always.
public struct RunSummary: Sendable, Equatable {
    public var read = 0
    /// Rows measured (`RowOutcome.located`).
    public var written = 0
    public var rejected = 0
    /// Rows left out on purpose by a filter (`RowOutcome.filtered`).
    public var filtered = 0

    public init() {}

    /// The line every command that reads points prints on stderr at the end.
    public var line: String {
        "\(read) rows read, \(written) measured, \(rejected) rejected" + (filtered > 0 ? ", \(filtered) filtered" : "")
    }
}
