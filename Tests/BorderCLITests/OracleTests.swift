import Foundation
import Testing

/// The shipped `border distances` (a file input, so the parallel path; CSV output) against the exact
/// GeographicLib oracle: the public 10,000-point sample (`Inputs/oracle`, made by
/// scripts/reference/make_oracle_sample.py) and the 83 hard cases of
/// scripts/reference/make_border_references.py (centimetres from the border, beside its longest
/// edges, beyond both ends, far away). Nothing here comes from the program's own output.
@Suite struct OracleTests {
    static let folder = CLI.repository.appendingPathComponent("Tests/BorderCLITests/Inputs/oracle")
    static let samplePoints = folder.appendingPathComponent("points-10k.csv")
    static let referenceCases = CLI.repository.appendingPathComponent("Tests/BorderAnalysisTests/Resources/border-references.csv")

    static let distanceToleranceMetres = 1e-6
    static let nearestPointToleranceMetres = 0.01
    static let chainageToleranceMetres = 0.01

    /// What the oracle says about one point.
    struct Answer {
        var id: String
        var distanceMetres: Double
        var nearLongitude: Double
        var nearLatitude: Double
        var chainageMetres: Double
        var atEnd: Bool
    }

    @Test func tenThousandPointSampleMatchesTheOracle() throws {
        let answers = try Self.sampleAnswers()
        #expect(answers.count == 10_000)
        // The sample reaches past both ends of the border (nearest point the tripoint or the coast end).
        #expect(answers.filter { $0.atEnd && $0.chainageMetres == 0 }.count > 100)
        #expect(answers.filter { $0.atEnd && $0.chainageMetres > 1_000_000 }.count > 100)
        try Self.check(Self.samplePoints, against: answers)
    }

    @Test func hardReferenceCasesMatchTheOracle() throws {
        let borderLengthMetres = try #require(Self.sampleAnswers().filter(\.atEnd).map(\.chainageMetres).max())
        var points = "id,lon,lat\n"
        let answers = try Self.answers(Self.referenceCases) { row in
            points += "\(row["id"]!),\(row["lon"]!),\(row["lat"]!)\n"
            let chainage = Double(row["chainage_m"]!)!
            return Answer(id: row["id"]!, distanceMetres: Double(row["distance_m"]!)!, nearLongitude: Double(row["near_lon"]!)!,
                          nearLatitude: Double(row["near_lat"]!)!, chainageMetres: chainage,
                          atEnd: chainage < 0.001 || chainage > borderLengthMetres - 0.001)
        }
        #expect(answers.count == 83)
        #expect(answers.filter(\.atEnd).count == 5)               // the four beyond-* cases and Tehran
        let file = try CLI.temporaryFolder().appendingPathComponent("references.csv")
        try points.write(to: file, atomically: true, encoding: .utf8)
        try Self.check(file, against: answers)
    }

    /// Runs `border distances FILE --format csv` and compares every row with its answer.
    static func check(_ points: URL, against answers: [Answer]) throws {
        let result = try CLI.run(["distances", points.path, "--format", "csv"]).expecting()
        let lines = result.stdout.split(separator: "\n")
        let header = lines[0].split(separator: ",").map(String.init)
        func column(_ name: String) throws -> Int { try #require(header.firstIndex(of: name), "no column \(name)") }
        let id = try column("id"), distance = try column("distance_m"), longitude = try column("nearest_lon"),
            latitude = try column("nearest_lat"), chainage = try column("chainage_km"), end = try column("beyond_end")
        try #require(lines.count == answers.count + 1, "\(lines.count - 1) rows for \(answers.count) points")
        var failures: [String] = []
        var worstDistance = 0.0, worstNearest = 0.0, worstChainage = 0.0
        for (line, answer) in zip(lines.dropFirst(), answers) {
            // The columns checked come before the place description, the only one that may hold a quoted comma.
            let fields = line.split(separator: ",", maxSplits: end + 1, omittingEmptySubsequences: false).map(String.init)
            guard fields[id] == answer.id, let d = Double(fields[distance]), let lon = Double(fields[longitude]),
                  let lat = Double(fields[latitude]), let km = Double(fields[chainage]) else {
                failures.append("\(answer.id): unreadable row \(line)")
                continue
            }
            let distanceError = abs(d - answer.distanceMetres)
            let nearestError = localMetres(lon, lat, answer.nearLongitude, answer.nearLatitude)
            let chainageError = abs(km * 1000 - answer.chainageMetres)
            worstDistance = max(worstDistance, distanceError)
            worstNearest = max(worstNearest, nearestError)
            worstChainage = max(worstChainage, chainageError)
            if distanceError > distanceToleranceMetres || nearestError > nearestPointToleranceMetres
                || chainageError > chainageToleranceMetres || (fields[end] == "true") != answer.atEnd {
                failures.append("\(answer.id): distance \(d) vs \(answer.distanceMetres), nearest \(nearestError) m off, "
                                + "chainage \(km * 1000) vs \(answer.chainageMetres), beyond_end \(fields[end]) vs \(answer.atEnd)")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) of \(answers.count) rows differ from the oracle, e.g. \(failures.prefix(5))")
        print("\(points.lastPathComponent): largest error from the oracle: distance \(worstDistance) m, "
              + "nearest point \(worstNearest) m, chainage \(worstChainage) m")
    }

    /// The rows of a reference CSV (no quoted fields), in order.
    static func answers(_ url: URL, _ make: ([String: String]) throws -> Answer) throws -> [Answer] {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        let header = lines[0].split(separator: ",").map(String.init)
        return try lines.dropFirst().map { line in
            try make(Dictionary(uniqueKeysWithValues: zip(header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init))))
        }
    }

    /// The oracle's answers for the sample (the largest chainage among those at an end is the border's length).
    static func sampleAnswers() throws -> [Answer] {
        try answers(folder.appendingPathComponent("answers-10k.csv")) { row in
            Answer(id: row["id"]!, distanceMetres: Double(row["distance_m"]!)!, nearLongitude: Double(row["near_lon"]!)!,
                   nearLatitude: Double(row["near_lat"]!)!, chainageMetres: Double(row["chainage_m"]!)!, atEnd: row["at_end"] == "true")
        }
    }

    /// Metres between two points a few centimetres apart: the WGS84 radii of curvature at their
    /// latitude (exact to far better than a millimetre at that range).
    static func localMetres(_ lon1: Double, _ lat1: Double, _ lon2: Double, _ lat2: Double) -> Double {
        let a = 6_378_137.0, f = 1 / 298.257223563, e2 = f * (2 - f)
        let phi = (lat1 + lat2) / 2 * .pi / 180, w = 1 - e2 * sin(phi) * sin(phi)
        let meridian = a * (1 - e2) / (w * w.squareRoot()), normal = a / w.squareRoot()
        let north = (lat2 - lat1) * .pi / 180 * meridian, east = (lon2 - lon1) * .pi / 180 * normal * cos(phi)
        return (north * north + east * east).squareRoot()
    }
}
