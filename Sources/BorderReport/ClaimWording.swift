import BorderAnalysis
import BorderOutput

/// One of the seed's claims as the report shows it: the statement, the stated figure, the
/// verdict and the numbers behind it in words.
public struct ClaimCheck: Sendable {
    public var id: String
    public var statement: String
    public var stated: String
    public var verdict: ClaimVerdict
    /// The numbers behind the verdict, in words.
    public var measured: String
}

/// Words the analysis's `ClaimFinding`s; the numbers and verdicts come from `ClaimAnalyzer`.
public enum ClaimWording {
    public static func check(_ claim: Claim, _ finding: ClaimFinding) -> ClaimCheck {
        ClaimCheck(id: claim.id, statement: claim.statement, stated: claim.statedText, verdict: finding.verdict,
                   measured: measured(claim, finding))
    }

    static func km(_ metres: Double, _ decimals: Int = 1) -> String { FixedPoint.format(metres / 1000, decimals: decimals) + " km" }

    /// A range of km to 1 decimal that holds the exact one: the lower end rounded down, the upper up.
    static func kmRange(_ metres: ClosedRange<Double>) -> String { IntervalText.kilometres(metres) + " km" }

    /// The interval, the radius and the line spread behind a distance verdict, and why the verdict.
    static func uncertainty(_ incident: ClaimIncident, stated: Double?, verdict: ClaimVerdict) -> String {
        let radius = FixedPointText.plain(incident.radiusKilometres)
        var text = "uncertainty radius \(radius) km (\(incident.radiusSource)): " + kmRange(incident.intervalMetres) + " over the disc"
        if let spread = incident.spreadMetres {
            text += "; line spread \(km(spread)), so " + kmRange(incident.widenedMetres)
        } else {
            text += "; no alternative border lines (no line spread)"
        }
        let target = stated.map { "within \(FixedPoint.format($0, decimals: 2)) ± \(FixedPoint.format(ClaimFinding.tolerance(statedKilometres: $0), decimals: 2)) km" }
            ?? "within 25 km"
        switch verdict {
        case .consistent: return text + "; all of it is " + target
        case .inconsistent: return text + "; none of it is " + target
        default: return text + "; part of it is " + target + ", part is not"
        }
    }

    static func measured(_ claim: Claim, _ finding: ClaimFinding) -> String {
        switch finding {
        case .notGeometric:
            return "not geometric; seed's finding: " + claim.referenceFinding.prefix(200)
        case .notInInput(let ids):
            return "not in this input (incident \(ids.joined(separator: ", ")))"
        case .borderLength(let full, let lengths, _):
            let shown = lengths.map { "\(FixedPointText.plain($0.toleranceMetres)) m: \(FixedPoint.format($0.lengthKilometres, decimals: 1))" }
            return "full line \(FixedPoint.format(full, decimals: 1)) km; Douglas–Peucker (UTM 41N) " + shown.joined(separator: ", ")
                + " km. 600 mi = 965.6 km, 970 km = 602.7 mi: the stated figure is one generalisation of a line whose length depends on its detail"
        case .distanceToBorder(let incident, let stated):
            let result = incident.result
            var text = "coded point \(km(result.distanceMetres, 2)) from the border (\(result.side.rawValue) side, near \(result.nearestPlace?.place.name ?? "?"))"
                + (incident.geoPrecision.isEmpty ? "" : ", geo_precision \(incident.geoPrecision)")
                + (incident.reportedKilometres.isEmpty ? "" : "; reported \(incident.reportedKilometres) km")
            if let stated, let reported = Double(incident.reportedKilometres) {
                text += " (\(FixedPoint.format(reported / 1.609344, decimals: 1)) mi; stated \(FixedPoint.format(stated, decimals: 2)) km)"
            }
            return text + "; " + uncertainty(incident, stated: stated, verdict: finding.verdict)
        case .onBorder(let place, let result):
            return "\(place.name) is \(km(result.distanceMetres)) from the Pakistan–Iran border (side \(result.side.rawValue))"
                + (result.distanceMetres > 100_000 ? "; it lies in \(place.country), near the Afghan border, not the Iranian one" : "")
        case .endpoints(let first, let a, let last, let b):
            return "first vertex \(km(a, 2)) from \(first.name); last vertex \(km(b, 2)) from \(last.name) (a bay's centroid)"
        case .inRegion(let incident, let inside):
            return "the coded point (\(incident.place.isEmpty ? "?" : incident.place)) is \(inside ? "inside" : "outside") the approximate Makran polygon"
        case .distanceToPlace(let to, let metres, let toBorder):
            return "\(km(metres)) (geodesic) to \(to.name); \(km(toBorder)) from the Pakistan–Iran border"
        case .count(let killed, _):
            return "incidents.csv: \(killed) killed"
        }
    }
}
