import BorderInput
/// The coverage figures the report shows, as produced by `border coverage` (issue 3). A plain
/// value so the report does not depend on how coverage is computed; nil until it is wired in.
public struct CoverageFigures: Sendable, Equatable {
    public struct Sector: Sendable, Equatable {
        public var name: String
        public var lengthKilometres: Double
        public var coveredKilometres: Double
        public init(name: String, lengthKilometres: Double, coveredKilometres: Double) {
            (self.name, self.lengthKilometres, self.coveredKilometres) = (name, lengthKilometres, coveredKilometres)
        }
    }
    public struct TimelinePoint: Sendable, Equatable {
        public var date: String
        public var coveredKilometres: Double
        public init(date: String, coveredKilometres: Double) { (self.date, self.coveredKilometres) = (date, coveredKilometres) }
    }
    public var borderKilometres: Double
    public var coveredKilometres: Double
    public var coveragePercent: Double
    /// Covered stretches in chainage order; `gaps` are the rest of the border.
    public var covered: [ChainageStretch]
    public var gaps: [ChainageStretch]
    public var sectors: [Sector]
    public var timeline: [TimelinePoint]
    public var caveat: String

    public init(borderKilometres: Double, coveredKilometres: Double, coveragePercent: Double, covered: [ChainageStretch],
                gaps: [ChainageStretch], sectors: [Sector], timeline: [TimelinePoint], caveat: String) {
        (self.borderKilometres, self.coveredKilometres, self.coveragePercent, self.covered, self.gaps, self.sectors, self.timeline, self.caveat)
            = (borderKilometres, coveredKilometres, coveragePercent, covered, gaps, sectors, timeline, caveat)
    }
}
