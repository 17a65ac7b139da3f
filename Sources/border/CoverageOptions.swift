import ArgumentParser
import BorderAnalysis
import BorderInput
import BorderModel
import BorderOutput
import BorderReport
import BorderRun
import Foundation

/// Which fence, and what of it counts as covering the border; shared by `coverage`, `geojson`
/// and `report`.
struct CoverageOptionGroup: ParsableArguments {
    @Option(help: ArgumentHelp("Fence segments: GeoJSON LineStrings, or CSV chainage ranges (start_km,end_km,status,side,kind,completed,source). Default: the bundled data/fence.geojson.", valueName: "FILE"))
    var fence: String?

    @Option(help: ArgumentHelp("Count only segments completed on or before this ISO date.", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @Option(help: ArgumentHelp("Geodesic distance within which a fence covers a border point, km.", valueName: "KM"))
    var tolerance: Double = 1

    @Option(help: ArgumentHelp("Who built it: PK, IR or any.", valueName: "PK|IR|any"))
    var side: String = "any"

    @Option(help: ArgumentHelp("Comma-separated statuses that count: built, under_construction, planned.", valueName: "LIST"))
    var status: String = "built"

    func validate() throws {
        guard tolerance.isFinite, tolerance > 0 else { throw ValidationError("--tolerance must be a positive number of km") }
        if let asOf, !ISODate.isValid(asOf) { throw ValidationError("--as-of must be an ISO date YYYY-MM-DD, got \"\(asOf)\"") }
        _ = try filter()
    }

    func filter() throws -> CoverageFilter {
        var statuses = Set<FenceSegment.Status>()
        for name in status.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let value = FenceSegment.Status(rawValue: name) else {
                throw ValidationError("--status: unknown status \"\(name)\" (built, under_construction, planned)")
            }
            statuses.insert(value)
        }
        guard !statuses.isEmpty else { throw ValidationError("--status needs at least one status") }
        let country: Country?
        switch side.uppercased() {
        case "ANY": country = nil
        case "PK": country = .pakistan
        case "IR": country = .iran
        default: throw ValidationError("--side must be PK, IR or any, got \"\(side)\"")
        }
        return CoverageFilter(statuses: statuses, side: country, asOf: asOf)
    }

    /// The fence and the border's sectors (none when the data folder has no sectors file). The
    /// fence file is `--fence`, else the bundled one; nil when that is missing and `required` is
    /// false (the map and the report then show no coverage).
    func loadFence(atlas: Atlas, required: Bool = true) throws -> (Fence, [Sector])? {
        let url = fence.map { URL(fileURLWithPath: $0) } ?? atlas.fenceFile
        guard required || fence != nil || FileManager.default.fileExists(atPath: url.path) else { return nil }
        let sectors = FileManager.default.fileExists(atPath: atlas.sectorsFile.path) ? try Sector.load(from: atlas.sectorsFile) : []
        return (try Fence.load(from: url, border: atlas.border), sectors)
    }

    /// The caveat on the placement of the segments these options count on any day (nil: none assumed).
    func placementCaveat(_ fence: Fence) throws -> String? {
        var everyDay = try filter()
        everyDay.asOf = nil
        return CoverageAnalyzer.placementCaveat(fence, used: fence.segments.filter(everyDay.admits))
    }

    /// The fence's coverage on every day under these options (its `asOf` aside).
    func history(of fence: Fence, atlas: Atlas) throws -> FenceHistory {
        try CoverageAnalyzer(atlas: atlas).history(of: fence, filter: filter(), tolerance: tolerance * 1000)
    }

    /// The fence's history and the crossings, when their columns are written (the fence only when
    /// there is one: the bundled file, or `--fence`). Rows without a date column have no fence on
    /// their day, so their history (a coverage per completion date) is not computed.
    func onTheDay(_ selection: DistanceColumns.Selection, atlas: Atlas, rowsHaveDates: Bool) throws -> OnTheDay {
        var onTheDay = OnTheDay()
        if selection.needsFence, let (fence, _) = try loadFence(atlas: atlas, required: fence != nil), rowsHaveDates {
            onTheDay.fence = try history(of: fence, atlas: atlas)
        }
        if selection.needsCrossing { onTheDay.crossings = Crossings(atlas: atlas) }
        return onTheDay
    }

    /// `border coverage` of `fence` with these options; `incidents` within `near` metres of a gap are listed.
    func report(atlas: Atlas, fence: Fence, sectors: [Sector], incidents: [IncidentPoint] = [],
                nearMetres: Double = 10_000) throws -> CoverageReport {
        try CoverageAnalyzer(atlas: atlas).report(fence: fence, filter: filter(), tolerance: tolerance * 1000, sectors: sectors,
                                                  incidents: incidents, near: nearMetres)
    }
}
