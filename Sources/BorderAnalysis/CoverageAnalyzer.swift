import BorderModel
import Geodesy

/// Builds a `CoverageReport`: which stretches of the border the filtered fence covers, the gaps
/// between them, coverage per sector and over time, and the incidents near the gaps.
public final class CoverageAnalyzer {
    public let atlas: Atlas
    private let places: DistanceAnalyzer

    /// Above this many distinct completion dates the timeline is given per year instead.
    public static let mostTimelineDates = 40

    public init(atlas: Atlas) throws {
        self.atlas = atlas
        places = try DistanceAnalyzer(atlas: atlas)
    }

    /// Covered stretches of the border for these segments (all of them count).
    public func coveredStretches(of segments: [FenceSegment], tolerance: Double) throws -> [ChainageInterval] {
        let lines = try GeodesicLineSet(segments.map(\.geometry), geodesic: atlas.border.line.geodesic)
        return CoverageCalculator(border: atlas.border.line, tolerance: tolerance).coveredStretches(by: lines)
    }

    public func report(fence: Fence, filter: CoverageFilter, tolerance: Double, sectors: [Sector],
                       incidents: [IncidentPoint], near: Double) throws -> CoverageReport {
        let border = atlas.border.line
        let used = fence.segments.filter(filter.admits)
        let covered = try coveredStretches(of: used, tolerance: tolerance)
        let gaps = CoverageCalculator.gaps(in: covered, length: border.length).map { stretch in
            let start = border.point(atChainage: stretch.start), end = border.point(atChainage: stretch.end)
            return CoverageGap(stretch: stretch, start: start, end: end,
                               nearestPlaceToStart: places.nearestPlace(to: start), nearestPlaceToEnd: places.nearestPlace(to: end))
        }
        let caveat = Self.placementCaveat(fence, used: used)
        return CoverageReport(
            borderMetres: border.length, coveredMetres: covered.reduce(0) { $0 + $1.length }, covered: covered,
            gaps: gaps, sectors: sectors.map { sectorCoverage($0, covered: covered) },
            timeline: try timeline(of: used, tolerance: tolerance, finalCoverage: covered),
            incidentsNearGaps: try incidentsNear(gaps, incidents: incidents, within: near),
            caveat: caveat, filter: filter, toleranceMetres: tolerance, nearMetres: near, fenceFile: fence.file,
            segmentsUsed: used.count, undatedSegmentsUsed: used.filter { $0.completed == nil }.count)
    }

    /// The fence file's caveat, or a sentence counting the segments whose placement is assumed; nil when none is.
    public static func placementCaveat(_ fence: Fence, used: [FenceSegment]) -> String? {
        let assumed = used.filter(\.isPlacementAssumed).count
        return assumed == 0 ? nil
            : fence.caveat ?? "The placement of \(assumed) of the \(used.count) fence segments used is assumed, not reported."
    }

    private func sectorCoverage(_ sector: Sector, covered: [ChainageInterval]) -> SectorCoverage {
        let limits = ChainageInterval(start: sector.startKilometres * 1000, end: sector.endKilometres * 1000)
        return SectorCoverage(sector: sector, coveredMetres: covered.compactMap { $0.clipped(to: limits) }.reduce(0) { $0 + $1.length })
    }

    /// Coverage at each distinct completion date (or each year's last one, when there are many).
    private func timeline(of used: [FenceSegment], tolerance: Double,
                          finalCoverage: [ChainageInterval]) throws -> [TimelineEntry] {
        var dates = Array(Set(used.compactMap(\.completed))).sorted()
        if dates.count > Self.mostTimelineDates {
            let lastOfYear = Dictionary(grouping: dates, by: { $0.prefix(4) }).values.map { $0.max()! }
            dates = lastOfYear.sorted()
        }
        return try dates.map { date in
            let standing = used.filter { ($0.completed ?? "9999") <= date }
            // Once every segment stands, the answer is the report's own.
            let stretches = standing.count == used.count ? finalCoverage : try coveredStretches(of: standing, tolerance: tolerance)
            let metres = stretches.reduce(0) { $0 + $1.length }
            return TimelineEntry(date: date, segments: standing.count, coveredMetres: metres,
                                 coveragePercent: 100 * metres / atlas.border.line.length)
        }
    }

    /// Each incident within `within` metres of a gap, with the nearest such gap.
    private func incidentsNear(_ gaps: [CoverageGap], incidents: [IncidentPoint], within: Double) throws -> [IncidentNearGap] {
        guard !gaps.isEmpty else { return [] }
        let border = atlas.border.line
        let gapLines = try gaps.map { try GeodesicLineSet([border.subline(from: $0.stretch.start, to: $0.stretch.end)]) }
        return incidents.compactMap { incident in
            // A gap is part of the border: an incident farther than `within` from the border is far from every gap.
            guard border.nearestPoint(to: incident.coordinate).distance <= within else { return nil }
            var best: IncidentNearGap? = nil
            for (index, line) in gapLines.enumerated() where line.proximity(of: incident.coordinate, tolerance: within).isWithin {
                let distance = line.distance(to: incident.coordinate)
                if best == nil || distance < best!.distanceMetres {
                    best = IncidentNearGap(incident: incident, gapIndex: index, distanceMetres: distance)
                }
            }
            return best
        }
    }
}
