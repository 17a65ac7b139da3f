import BorderModel
import Foundation
import Geodesy

/// One of the seed's checkable claims (seeds/claims.json), as the analysis reads it.
public struct Claim: Sendable {
    public var id: String
    public var kind: String
    public var statement: String
    /// The incident or place ids the claim is about (most claims name one).
    public var subjects: [String]
    public var statedValue: Double?
    /// The stated figure as the claim words it (`stated_text`, else `stated_value` as written).
    public var statedText: String
    public var related: String?
    public var endpoints: [String]
    public var referenceFinding: String

    public init(_ json: JSONValue) {
        id = json["id"]?.string ?? "?"
        kind = json["kind"]?.string ?? ""
        statement = json["statement"]?.string ?? ""
        subjects = json["subject"]?.elements?.compactMap(\.string) ?? json["subject"]?.string.map { [$0] } ?? []
        statedValue = json["stated_value"]?.number
        statedText = json["stated_text"]?.string ?? json["stated_value"]?.plainText ?? ""
        related = json["related"]?.string
        endpoints = json["endpoints"]?.elements?.compactMap(\.string) ?? []
        referenceFinding = json["reference_finding"]?.string ?? ""
    }

    /// A JSON array of claims.
    public static func load(_ url: URL) throws -> [Claim] {
        guard let data = try? fileContents(url), let document = try? JSONValue.parse(data, packsNumberArrays: false),
              case .array(let claims) = document else {
            throw ModelError(file: url.path, "not a JSON array of claims")
        }
        return claims.map(Claim.init)
    }
}

/// An incident of the input as the claims see it: its measured position, its uncertainty and the
/// fields they read.
public struct ClaimIncident: Sendable {
    public var id: String
    public var place: String
    public var geoPrecision: String
    public var reportedKilometres: String
    public var killed: Int
    public var point: Coordinate
    public var result: BorderDistance
    /// The uncertainty radius (km) and where it came from (`Uncertainty.Source`'s names), as `border distances` finds them.
    public var radiusKilometres: Double
    public var radiusSource: String
    /// The distances over the uncertainty disc; nil: the coded point alone.
    public var interval: DistanceInterval?
    /// The spread over the independent border lines at the coded point; nil when none were loaded.
    public var spreadMetres: Double?

    public init(id: String, place: String, geoPrecision: String, reportedKilometres: String, killed: Int, point: Coordinate,
                result: BorderDistance, radiusKilometres: Double = 0, radiusSource: String = "none",
                interval: DistanceInterval? = nil, spreadMetres: Double? = nil) {
        (self.id, self.place, self.geoPrecision, self.reportedKilometres, self.killed, self.point, self.result)
            = (id, place, geoPrecision, reportedKilometres, killed, point, result)
        (self.radiusKilometres, self.radiusSource, self.interval, self.spreadMetres) = (radiusKilometres, radiusSource, interval, spreadMetres)
    }

    /// [min, max] of the distance over the disc, metres (the coded point's distance without an interval).
    public var intervalMetres: ClosedRange<Double> { DistanceInterval.metres(interval, distance: result.distanceMetres) }

    /// The interval widened by the line spread: [max(0, min − spread), max + spread], metres.
    public var widenedMetres: ClosedRange<Double> {
        let spread = spreadMetres ?? 0
        return max(0, intervalMetres.lowerBound - spread)...(intervalMetres.upperBound + spread)
    }
}

public enum ClaimVerdict: String, Sendable { case consistent, inconsistent, approximate, unverifiable, notChecked = "not checked" }

/// What the geometry says about a claim: the numbers, and the verdict they give.
public enum ClaimFinding: Sendable {
    /// How far a stated distance to the border may be from a measured one and still agree: its
    /// rounding, max(2 km, 20 % of it), km.
    public static func tolerance(statedKilometres stated: Double) -> Double { max(2, stated * 0.2) }

    /// Not a geometric claim (or its subject is unknown): only the seed's own finding is shown.
    case notGeometric
    /// The claim names bundled incidents the input does not have.
    case notInInput([String])
    case borderLength(fullKilometres: Double, lengths: [GeneralisedLength], statedKilometres: Double)
    case distanceToBorder(ClaimIncident, statedKilometres: Double?)
    case onBorder(Place, BorderDistance)
    case endpoints(first: Place, firstMetres: Double, last: Place, lastMetres: Double)
    case inRegion(ClaimIncident, inside: Bool)
    case distanceToPlace(to: Place, metres: Double, toBorderMetres: Double)
    case count(killed: Int, stated: Double)

    /// The verdict rules (README, "Report"): a place is on the border within 10 km of it; a stated
    /// distance to the border is ruled on with the incident's interval over its uncertainty disc
    /// widened by the line spread, W = [min − spread, max + spread], and the stated figure's
    /// tolerance t = max(2 km, 20 %) (its rounding: "about nine miles"): inconsistent when the
    /// stated value lies outside W widened by t, consistent when all of W lies within t of it,
    /// else unverifiable (the disc holds distances both within and beyond t). With no stated
    /// figure ("near the border") the same with [0, 25 km]: consistent when W ≤ 25 km,
    /// inconsistent when W > 25 km, else unverifiable. With radius 0 and no spread W is the coded
    /// point's distance, so the rule is |d − stated| ≤ t and d ≤ 25 km. The border's end points
    /// are consistent within 10 km; a stated length is approximate when it lies within the range
    /// of the generalised lengths.
    public var verdict: ClaimVerdict {
        switch self {
        case .notGeometric, .notInInput: return .notChecked
        case .borderLength(_, let lengths, let stated):
            let range = (lengths.map(\.lengthKilometres).min() ?? 0)...(lengths.map(\.lengthKilometres).max() ?? 0)
            return range.contains(stated) ? .approximate : .inconsistent
        case .distanceToBorder(let incident, let stated):
            let low = incident.widenedMetres.lowerBound / 1000, high = incident.widenedMetres.upperBound / 1000
            guard let stated else { return high <= 25 ? .consistent : low > 25 ? .inconsistent : .unverifiable }
            let tolerance = Self.tolerance(statedKilometres: stated)
            if stated < low - tolerance || stated > high + tolerance { return .inconsistent }
            return low >= stated - tolerance && high <= stated + tolerance ? .consistent : .unverifiable
        case .onBorder(_, let result): return result.distanceMetres <= 10_000 ? .consistent : .inconsistent
        case .endpoints(_, let a, _, let b): return max(a, b) <= 10_000 ? .consistent : .inconsistent
        case .inRegion(_, let inside): return inside ? .consistent : .inconsistent
        case .distanceToPlace: return .consistent
        case .count(let killed, let stated): return Double(killed) == stated ? .consistent : .inconsistent
        }
    }
}

/// Checks the seed's claims whose subject is geometric against the border, the places and the
/// input's incidents. A claim about an incident is checked only against the input's incident of
/// that id.
public struct ClaimAnalyzer {
    let atlas: Atlas
    let analyzer: DistanceAnalyzer
    let incidents: [String: ClaimIncident]
    let lengths: [GeneralisedLength]
    let region: PreparedGeometry?
    /// The ids of the bundled incidents, which the seed's claims name.
    let bundledIncidentIDs: Set<String>

    /// `region`: the Makran polygons (exterior ring, then holes), if the data folder has them.
    public init(atlas: Atlas, incidents: [ClaimIncident], lengths: [GeneralisedLength], region: [[[Coordinate]]]?,
                bundledIncidentIDs: Set<String>) throws {
        self.atlas = atlas
        analyzer = try DistanceAnalyzer(atlas: atlas)
        self.incidents = Dictionary(incidents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.lengths = lengths
        self.region = try region.map { try Geometry(polygons: $0, context: GEOSContext()).prepared() }
        self.bundledIncidentIDs = bundledIncidentIDs
    }

    public func finding(_ claim: Claim) throws -> ClaimFinding {
        func place(_ id: String) -> Place? { atlas.places.first { $0.id == id } }
        let subject = claim.subjects.first ?? ""
        let missing = claim.subjects.filter { incidents[$0] == nil && bundledIncidentIDs.contains($0) }
        switch claim.kind {
        case "border_length":
            return .borderLength(fullKilometres: atlas.border.lengthKilometres, lengths: lengths, statedKilometres: claim.statedValue ?? 970)
        case "distance_to_border":
            guard let incident = incidents[subject] else { break }
            return .distanceToBorder(incident, statedKilometres: claim.statedValue)
        case "on_border":
            guard let p = place(subject) else { break }
            return .onBorder(p, try analyzer.analyze(p.coordinate))
        case "endpoint":
            let ends = claim.endpoints.compactMap(place)
            guard ends.count == 2 else { break }
            let g = atlas.border.line.geodesic
            return .endpoints(first: ends[0], firstMetres: g.inverse(atlas.border.start, ends[0].coordinate).distance,
                              last: ends[1], lastMetres: g.inverse(atlas.border.end, ends[1].coordinate).distance)
        case "in_region":
            guard let incident = incidents[subject], let region else { break }
            return .inRegion(incident, inside: try region.covers(incident.point))
        case "distance_to_place":
            guard let related = place(claim.related ?? ""), let from = place(subject)?.coordinate ?? incidents[subject]?.point else { break }
            return .distanceToPlace(to: related, metres: Geodesic.wgs84.inverse(from, related.coordinate).distance,
                                    toBorderMetres: try analyzer.analyze(from).distanceMetres)
        case "count":
            let found = claim.subjects.compactMap { incidents[$0] }
            guard found.count == claim.subjects.count, let stated = claim.statedValue else { break }
            return .count(killed: found.map(\.killed).reduce(0, +), stated: stated)
        default:
            return .notGeometric                          // dates, attributions, sums of money: the seed's finding
        }
        return missing.isEmpty ? .notGeometric : .notInInput(missing)
    }
}
