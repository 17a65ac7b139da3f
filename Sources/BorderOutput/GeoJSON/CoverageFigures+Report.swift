import BorderAnalysis
import BorderInput
import BorderModel
import Foundation

extension CoverageFigures {
    /// The figures of a `border coverage` report, in the report's units (km).
    public init(_ report: CoverageReport) {
        func stretch(_ interval: ChainageInterval) -> ChainageStretch {
            ChainageStretch(startKilometres: interval.start / 1000, endKilometres: interval.end / 1000)
        }
        self.init(borderKilometres: report.borderMetres / 1000, coveredKilometres: report.coveredMetres / 1000,
                  coveragePercent: report.coveragePercent, covered: report.covered.map(stretch),
                  gaps: report.gaps.map { stretch($0.stretch) },
                  sectors: report.sectors.map { Sector(name: $0.sector.name, lengthKilometres: $0.lengthMetres / 1000, coveredKilometres: $0.coveredMetres / 1000) },
                  timeline: report.timeline.map { TimelinePoint(date: $0.date, coveredKilometres: $0.coveredMetres / 1000) },
                  caveat: report.caveat ?? "")
    }

}
