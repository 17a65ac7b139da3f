import BorderAnalysis
import BorderInput
import BorderModel
import BorderOutput
import Foundation
import Geodesy

/// One of the seed's checkable claims (seeds/claims.json), checked against the geometry.
public struct ClaimCheck: Sendable {
    public enum Verdict: String, Sendable { case consistent, inconsistent, approximate, unverifiable, notChecked = "not checked" }
    public var id: String
    public var statement: String
    public var stated: String
    public var verdict: Verdict
    /// The numbers behind the verdict, in words.
    public var measured: String
}

/// Checks the claims whose subject is geometric; the others are listed with the seed's own finding.
public struct ClaimChecker {
    let atlas: Atlas
    let analyzer: DistanceAnalyzer
    let incidents: [String: MeasuredIncident]
    let lengths: [GeneralisedLength]
    let regions: [MapFeature]
    /// The ids of the bundled incidents, which the seed's claims name.
    let bundledIncidentIDs: Set<String>

    /// `incidents` are the input's; a claim naming a bundled incident the input lacks says so.
    public init(atlas: Atlas, incidents: [MeasuredIncident], lengths: [GeneralisedLength], regions: [MapFeature],
                bundledIncidentIDs: Set<String>) throws {
        self.bundledIncidentIDs = bundledIncidentIDs
        self.atlas = atlas
        analyzer = try DistanceAnalyzer(atlas: atlas)
        self.incidents = Dictionary(incidents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.lengths = lengths
        self.regions = regions
    }

    public static func loadClaims(_ url: URL) throws -> [JSONValue] {
        guard let data = try? fileContents(url), let document = try? JSONValue.parse(data, packsNumberArrays: false),
              case .array(let claims) = document else {
            throw UnusableInput(file: url.path, reason: "not a JSON array of claims")
        }
        return claims
    }

    public func check(_ claim: JSONValue) throws -> ClaimCheck {
        let id = claim["id"]?.string ?? "?"
        let subject = claim["subject"]?.string ?? ""
        let stated = claim["stated_text"]?.string ?? claim["stated_value"]?.plainText ?? ""
        var check = ClaimCheck(id: id, statement: claim["statement"]?.string ?? "", stated: stated, verdict: .notChecked,
                               measured: "not geometric; seed's finding: " + (claim["reference_finding"]?.string ?? "").prefix(200))
        func km(_ metres: Double, _ decimals: Int = 1) -> String { FixedPoint.format(metres / 1000, decimals: decimals) + " km" }
        func place(_ id: String) -> Place? { atlas.places.first { $0.id == id } }
        // A claim about an incident is checked only against that incident of the input (by id).
        func notInInput(_ ids: [String]) {
            let missing = ids.filter { incidents[$0] == nil && bundledIncidentIDs.contains($0) }
            if !missing.isEmpty { check.measured = "not in this input (incident \(missing.joined(separator: ", ")))" }
        }
        switch (claim["kind"]?.string, id) {
        case ("border_length", _):
            let stated = claim["stated_value"]?.number ?? 970
            let shown = lengths.map { "\(FixedPointText.plain($0.toleranceMetres)) m: \(FixedPoint.format($0.lengthKilometres, decimals: 1))" }
            let range = (lengths.map(\.lengthKilometres).min() ?? 0)...(lengths.map(\.lengthKilometres).max() ?? 0)
            check.verdict = range.contains(stated) ? .approximate : .inconsistent
            check.measured = "full line \(FixedPoint.format(atlas.border.lengthKilometres, decimals: 1)) km; Douglas–Peucker (UTM 41N) " + shown.joined(separator: ", ")
                + " km. 600 mi = 965.6 km, 970 km = 602.7 mi: the stated figure is one generalisation of a line whose length depends on its detail"
        case ("distance_to_border", _):
            guard let incident = incidents[subject] else { notInInput([subject]); break }
            let d = incident.result.distanceMetres
            let precision = incident.field("geo_precision") ?? ""
            let reported = incident.field("reported_distance_km") ?? ""
            check.measured = "coded point \(km(d, 2)) from the border (\(incident.result.side.rawValue) side, near \(incident.result.nearestPlace?.place.name ?? "?"))"
                + (precision.isEmpty ? "" : ", geo_precision \(precision)") + (reported.isEmpty ? "" : "; reported \(reported) km")
            if let value = claim["stated_value"]?.number {
                check.verdict = precision == "3" ? .unverifiable : abs(d / 1000 - value) <= max(2, value * 0.2) ? .consistent : .inconsistent
                if let r = Double(reported) { check.measured += " (\(FixedPoint.format(r / 1.609344, decimals: 1)) mi; stated \(FixedPoint.format(value, decimals: 2)) km)" }
            } else {
                check.verdict = d <= 25_000 ? .consistent : .inconsistent
            }
        case ("on_border", _):
            guard let p = place(subject) else { break }
            let result = try analyzer.analyze(p.coordinate)
            check.verdict = result.distanceMetres <= 10_000 ? .consistent : .inconsistent
            check.measured = "\(p.name) is \(km(result.distanceMetres)) from the Pakistan–Iran border (side \(result.side.rawValue))"
                + (result.distanceMetres > 100_000 ? "; it lies in \(p.country), near the Afghan border, not the Iranian one" : "")
        case ("endpoint", _):
            let ends = (claim["endpoints"]?.elements?.compactMap(\.string) ?? []).compactMap(place)
            guard ends.count == 2 else { break }
            let g = atlas.border.line.geodesic
            let (a, b) = (g.inverse(atlas.border.start, ends[0].coordinate).distance, g.inverse(atlas.border.end, ends[1].coordinate).distance)
            check.verdict = max(a, b) <= 10_000 ? .consistent : .inconsistent
            check.measured = "first vertex \(km(a, 2)) from \(ends[0].name); last vertex \(km(b, 2)) from \(ends[1].name) (a bay's centroid)"
        case ("in_region", _):
            guard let incident = incidents[subject] else { notInInput([subject]); break }
            guard let region = regions.first else { break }
            let context = GEOSContext()
            let text = GeoJSONText(precision: 9).geometry(region.geometry)
            let inside = try Geometry(geoJSON: text, context: context).prepared().covers(incident.point)
            check.verdict = inside ? .consistent : .inconsistent
            check.measured = "the coded point (\(incident.place.isEmpty ? "?" : incident.place)) is \(inside ? "inside" : "outside") the approximate Makran polygon"
        case ("distance_to_place", _):
            let related = place(claim["related"]?.string ?? "")
            let from = place(subject)?.coordinate ?? incidents[subject]?.point
            if from == nil { notInInput([subject]) }
            guard let related, let from else { break }
            let d = Geodesic.wgs84.inverse(from, related.coordinate).distance
            let toBorder = try analyzer.analyze(from).distanceMetres
            check.verdict = .consistent
            check.measured = "\(km(d)) (geodesic) to \(related.name); \(km(toBorder)) from the Pakistan–Iran border"
        case ("count", _):
            let subjects = claim["subject"]?.elements?.compactMap(\.string) ?? [subject]
            let found = subjects.compactMap { incidents[$0] }
            notInInput(subjects)
            guard found.count == subjects.count, let value = claim["stated_value"]?.number else { break }
            let killed = found.map(\.killed).reduce(0, +)
            check.verdict = Double(killed) == value ? .consistent : .inconsistent
            check.measured = "incidents.csv: \(killed) killed"
        default: break
        }
        return check
    }
}
