import BorderAnalysis
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

    /// `border coverage` with its defaults (bundled fence, built segments of either side, 1 km tolerance,
    /// no --as-of), so that the map and the report show the figures that command prints.
    public static func bundled(atlas: Atlas) throws -> CoverageFigures? {
        guard FileManager.default.fileExists(atPath: atlas.fenceFile.path) else { return nil }
        let fence = try Fence.load(from: atlas.fenceFile, border: atlas.border)
        let sectors = FileManager.default.fileExists(atPath: atlas.sectorsFile.path) ? try BorderModel.Sector.load(from: atlas.sectorsFile) : []
        let report = try CoverageAnalyzer(atlas: atlas).report(fence: fence, filter: CoverageFilter(), tolerance: 1000,
                                                               sectors: sectors, incidents: [], near: 10_000)
        return CoverageFigures(report)
    }
}
