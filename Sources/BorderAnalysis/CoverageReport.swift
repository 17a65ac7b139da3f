import BorderModel
import Geodesy

/// Everything `border coverage` reports: totals, gaps, sectors, incidents near gaps, timeline.
public struct CoverageReport: Sendable {
    public var borderMetres: Double
    public var coveredMetres: Double
    public var covered: [ChainageInterval]
    public var gaps: [CoverageGap]
    public var sectors: [SectorCoverage]
    public var timeline: [TimelineEntry]
    public var incidentsNearGaps: [IncidentNearGap]
    /// Printed with every output when any segment used has an assumed placement.
    public var caveat: String?
    public var filter: CoverageFilter
    public var toleranceMetres: Double
    public var nearMetres: Double
    public var fenceFile: String
    /// Segments that passed the filter, and how many of those have no completion date.
    public var segmentsUsed: Int
    public var undatedSegmentsUsed: Int

    public var coveragePercent: Double { borderMetres > 0 ? 100 * coveredMetres / borderMetres : 0 }
    public var longestGap: CoverageGap? { gaps.max { $0.stretch.length < $1.stretch.length } }
}

/// An uncovered stretch, its ends and the places nearest to them.
public struct CoverageGap: Sendable {
    public var stretch: ChainageInterval
    public var start: Coordinate
    public var end: Coordinate
    public var nearestPlaceToStart: PlaceBearing?
    public var nearestPlaceToEnd: PlaceBearing?
}

public struct SectorCoverage: Sendable {
    public var sector: Sector
    public var coveredMetres: Double
    public var lengthMetres: Double { (sector.endKilometres - sector.startKilometres) * 1000 }
    public var coveragePercent: Double { lengthMetres > 0 ? 100 * coveredMetres / lengthMetres : 0 }
}

/// Coverage once every segment completed on or before `date` stands.
public struct TimelineEntry: Sendable, Equatable {
    public var date: String
    public var segments: Int
    public var coveredMetres: Double
    public var coveragePercent: Double
}

/// A point to check against the gaps (an incident), as read from any input file.
public struct IncidentPoint: Sendable {
    public var id: String
    public var date: String
    public var place: String
    public var coordinate: Coordinate

    public init(id: String, date: String, place: String, coordinate: Coordinate) {
        self.id = id
        self.date = date
        self.place = place
        self.coordinate = coordinate
    }
}

public struct IncidentNearGap: Sendable {
    public var incident: IncidentPoint
    /// Index into `CoverageReport.gaps` of the nearest gap.
    public var gapIndex: Int
    /// Geodesic metres from the incident to the nearest point of that gap's stretch of border.
    public var distanceMetres: Double
}
