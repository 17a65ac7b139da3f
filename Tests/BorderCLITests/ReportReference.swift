import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Independent answers for the report tests, from scripts/reference/report_reference.py
/// (standard library + geographiclib; nothing from the program).
struct ReportExpectation: Decodable, Sendable {
    struct Incident: Decodable, Sendable { var id: String; var km: String; var chainageKm: String; var side: String }
    struct Claim: Decodable, Sendable {
        var id: String
        var statement: String
        var stated: String
        var verdict: String
        /// The numbers of the "measured" cell, in order, as printed; nil for a claim not checked.
        var figures: [String]?
        /// Text the cell must contain (for a claim not checked: the whole cell).
        var words: [String]
        /// For a probe claim: the verdict it was built to get.
        var probeExpects: String?
    }
    struct Coverage: Decodable, Sendable {
        struct TimelinePoint: Decodable, Sendable { var date: String; var coveredKm: Double }
        struct Sector: Decodable, Sendable { var name: String; var lengthKm: Double; var coveredKm: Double }
        var borderKm: Double
        /// [start, end] km.
        var covered: [[Double]]
        var gaps: [[Double]]
        var sectors: [Sector]
        var timeline: [TimelinePoint]
    }
    struct MapPoints: Decodable, Sendable {
        struct Incident: Decodable, Sendable { var id: String; var utm: [Double]; var casualties: Int; var km: String; var side: String }
        struct Fence: Decodable, Sendable { var status: String; var first: [Double]; var last: [Double] }
        /// UTM 41N easting, northing (m).
        var places: [String: [Double]]
        var incidents: [Incident]
        /// [[start E, N], [end E, N]] per stretch.
        var covered: [[[Double]]]?
        var gaps: [[[Double]]]?
        var fence: [Fence]?
    }
    var borderKm: Double
    var incidents: [Incident]
    var bands: [[String]]
    var claims: [Claim]
    var coverage: Coverage?
    var map: MapPoints
    /// [tolerance label, vertices, km] from Inputs/report/generalisation.csv.
    var generalisation: [[String]]
}

enum ReportReference {
    static let generalisation = CLI.repository.appendingPathComponent("Tests/BorderCLITests/Inputs/report/generalisation.csv").path

    static func python(_ arguments: [String]) throws -> String {
        try CLI.referenceScript("report_reference.py", arguments, timeLimitSeconds: 240)
    }

    static func expectation(data: URL, claims: URL, bands: String = "10,25,50") throws -> ReportExpectation {
        let json = try python(["expect", data.path, claims.path, bands, generalisation])
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(ReportExpectation.self, from: Data(json.utf8))
    }

    /// The bundled data and seeds/claims.json.
    static let bundled = Shared<ReportExpectation> {
        try expectation(data: CLI.repository.appendingPathComponent("data"), claims: CLI.repository.appendingPathComponent("seeds/claims.json"))
    }

    /// A data folder with probe places and incidents either side of every verdict threshold, its
    /// claims, the report on it and the reference for it. The report is made with radius 0 for
    /// geo_precision 1 and 2 (`--precision-radii 1=0,2=0`), so the probes placed either side of a
    /// threshold are measured at their points, as report_reference.py measures them; the probe
    /// coded at geo_precision 3 keeps its 100 km radius (its claim is unverifiable, its incident in
    /// "uncertain band"). The folder has no alternative border lines: no spread.
    struct Probes: Sendable {
        var folder: URL; var markdown: String; var expected: ReportExpectation; var incidents: [ReferenceIncident]
        var claims: [String: ClaimSubject]
    }
    static let probeRadiiKm: [String: Double] = ["1": 0, "2": 0, "3": 100]
    static let probes = Shared<Probes> {
        let folder = try CLI.temporaryFolder().appendingPathComponent("data")
        _ = try python(["probes", folder.path])
        let claims = folder.appendingPathComponent("claims.json")
        let markdown = try CLI.run(["report", "--data", folder.path, "--claims", claims.path, "--precision-radii", "1=0,2=0"]).expecting(0).stdout
        return Probes(folder: folder, markdown: markdown, expected: try expectation(data: folder, claims: claims),
                      incidents: try incidents(folder: folder, radiiKm: probeRadiiKm), claims: try ClaimSubject.load(claims))
    }

    /// The bundled incidents as the reference sees them (default radii; the bundled alternatives).
    static let bundledIncidents = Shared<[ReferenceIncident]> { try incidents(folder: CLI.repository.appendingPathComponent("data")) }

    static func available<T>(_ make: () throws -> T) throws -> T? { try CLI.whereReferenceRuns(make) }
}

/// A claim's kind, subject and stated figure, as its claims file gives them.
struct ClaimSubject: Sendable {
    var kind: String
    var subject: String?
    var stated: Double?
    static func load(_ url: URL) throws -> [String: ClaimSubject] {
        let claims = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]])
        return Dictionary(claims.map { claim in
            (claim["id"] as? String ?? "", ClaimSubject(kind: claim["kind"] as? String ?? "", subject: claim["subject"] as? String,
                                                        stated: (claim["stated_value"] as? NSNumber)?.doubleValue))
        }, uniquingKeysWith: { a, _ in a })
    }
}

/// Rows of the Markdown table whose header row starts with `first`.
func markdownTable(_ markdown: String, startingWith first: String) -> [[String]] {
    let lines = markdown.components(separatedBy: "\n")
    guard let start = lines.firstIndex(where: { $0.hasPrefix("| \(first) |") }) else { return [] }
    return lines[(start + 2)...].prefix { $0.hasPrefix("|") }.map {
        $0.dropFirst(2).dropLast(2).components(separatedBy: " | ")
    }
}

/// The decimal numbers in a text, in order, as written.
func numbers(in text: String) -> [String] {
    text.matches(of: /\d+(?:\.\d+)?/).map { String($0.output) }
}

/// The elements of an SVG file in document order, with the attributes, own text and the number of
/// enclosing `<g>` groups of each (the legend, the scale bar and the north arrow are groups).
struct SVGElements {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
        var groupDepth: Int
        var parent: Int?
        func number(_ name: String) -> Double? { attributes[name].flatMap(Double.init) }
    }
    var elements: [Element] = []

    init(_ svg: String) throws {
        let delegate = Collector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = delegate
        guard parser.parse() else { throw CommandFailed(description: "SVG is not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "?")") }
        elements = delegate.elements
    }

    /// Top-level (ungrouped) elements named `name`.
    func drawn(_ name: String) -> [Element] { elements.filter { $0.name == name && $0.groupDepth == 0 } }

    /// The `<title>` text of element `index`.
    func title(of index: Int) -> String? { elements.first { $0.name == "title" && $0.parent == index }?.text }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var open: [Int] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let depth = open.filter { elements[$0].name == "g" }.count
            elements.append(Element(name: name, attributes: attributes, groupDepth: depth, parent: open.last))
            open.append(elements.count - 1)
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { open.removeLast() }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let last = open.last { elements[last].text += string }
        }
    }
}

/// The points of an SVG path's `d` (absolute M, L, H, V, Z), one list per subpath.
func pathPoints(_ d: String) -> [[(x: Double, y: Double)]] {
    var subpaths: [[(x: Double, y: Double)]] = []
    var command: Character = "M"
    var values: [Double] = []
    var number = ""
    var current = (x: 0.0, y: 0.0)
    func flush() {
        if !number.isEmpty, let value = Double(number) { values.append(value) }
        number = ""
    }
    func apply() {
        switch command {
        case "M" where values.count == 2: current = (values[0], values[1]); subpaths.append([current])
        case "L" where values.count == 2: current = (values[0], values[1]); subpaths[subpaths.count - 1].append(current)
        case "H" where values.count == 1: current.x = values[0]; subpaths[subpaths.count - 1].append(current)
        case "V" where values.count == 1: current.y = values[0]; subpaths[subpaths.count - 1].append(current)
        default: return
        }
        values = []
    }
    for character in d {
        if character.isLetter && character != "e" {
            flush(); apply()
            command = character
            values = []
        } else if character == " " || character == "," {
            flush()
            if values.count == (command == "H" || command == "V" ? 1 : 2) { apply() }
        } else {
            if character == "-", !number.isEmpty { flush() }
            number.append(character)
        }
    }
    flush(); apply()
    return subpaths
}

/// The rows of a CSV text (RFC 4180 quoting: "…" with "" for a quote; line breaks inside quotes kept).
func csvRecords(_ text: String) -> [[String]] {
    var records: [[String]] = [], fields: [String] = [], field = "", quoted = false, afterQuote = false
    for character in text {
        if quoted {
            if character == "\"" { quoted = false; afterQuote = true } else { field.append(character) }
            continue
        }
        switch character {
        case "\"": if afterQuote { field.append("\"") }; quoted = true
        case ",": fields.append(field); field = ""
        case "\n", "\r\n":
            fields.append(field); field = ""
            records.append(fields); fields = []
        case "\r": break
        default: field.append(character)
        }
        afterQuote = false
    }
    if !field.isEmpty || !fields.isEmpty { fields.append(field); records.append(fields) }
    return records
}

/// An incident of a data folder as the report tests expect it, from sources independent of the
/// program: its fields (incidents.csv), its exact distance to the border and its line spread
/// (scripts/reference/spread_reference.py, GeographicLib), its radius from its geo_precision code
/// (README, "Uncertainty": 1 → 2 km, 2 → 25 km, 3 → 100 km unless overridden), and a distance at a
/// point of its disc found by search (Inputs/report/disc-max.csv, made by make_disc_max.py with
/// disc_search of scripts/reference/disc_reference.py) where one was committed.
struct ReferenceIncident: Sendable {
    var id: String
    var geoPrecision: String
    var killed: Int
    var injured: Int
    var radiusMetres: Double
    /// Exact, to the bundled line.
    var distanceMetres: Double
    /// Largest minus smallest distance over the bundled line and the alternatives.
    var spreadMetres: Double
    /// The largest distance found over the disc by an independent search: a distance at a point of
    /// the disc, so never more than the true maximum; nil when none was committed for this disc.
    var searchedMaxMetres: Double?

    /// max(0, d − r): the exact minimum over the disc (d is 1-Lipschitz; the point r towards the
    /// nearest border point is at d − r).
    var minMetres: Double { max(0, distanceMetres - radiusMetres) }
    /// The true maximum is at most d + r (every point of the disc is within r of the centre).
    var maxAtMostMetres: Double { distanceMetres + radiusMetres }
    /// ... and at least the distance at any point of the disc: the centre's, and the searched one.
    var maxAtLeastMetres: Double { max(distanceMetres, searchedMaxMetres ?? distanceMetres) }
    /// The committed search result when the disc is a point (radius 0) too.
    var maxKnownMetres: Double? { radiusMetres == 0 ? distanceMetres : searchedMaxMetres }
}

extension ReportReference {
    /// README's default radius per geo_precision code, km.
    static let defaultRadiiKm: [String: Double] = ["1": 2, "2": 25, "3": 100]

    /// The incidents of `folder` (its incidents.csv and border.geojson) with radii `radiiKm` per
    /// geo_precision code (0 for a code not listed).
    static func incidents(folder: URL, radiiKm: [String: Double] = defaultRadiiKm) throws -> [ReferenceIncident] {
        let text = try String(contentsOf: folder.appendingPathComponent("incidents.csv"), encoding: .utf8)
        let records = csvRecords(text)
        let header = records[0]
        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
        let spread = csvRecords(try CLI.referenceScript("spread_reference.py", [
            "--bundled", folder.appendingPathComponent("border.geojson").path,
            "--alternatives", CLI.repository.appendingPathComponent("data/border-alternatives.geojson").path], stdin: text))
        let measured = Dictionary(spread.dropFirst().map { ($0[0], (Double($0[1])!, Double($0[5])!)) }, uniquingKeysWith: { a, _ in a })
        let searched = try committedDiscMaxima()
        return records.dropFirst().filter { $0.count == header.count }.map { row in
            let id = row[column("id")], code = row[column("geo_precision")].trimmingCharacters(in: .whitespaces)
            let radius = (radiiKm[code] ?? 0) * 1000
            let key = "\(row[column("lat")]),\(row[column("lon")]),\(FixedPointKey.plain(radius / 1000))"
            return ReferenceIncident(id: id, geoPrecision: code, killed: Int(row[column("killed")]) ?? 0,
                                     injured: Int(row[column("injured")]) ?? 0, radiusMetres: radius,
                                     distanceMetres: measured[id]!.0, spreadMetres: measured[id]!.1, searchedMaxMetres: searched[key])
        }
    }

    /// Inputs/report/disc-max.csv: "lat,lon,radius_km" → the searched maximum, metres.
    static func committedDiscMaxima() throws -> [String: Double] {
        let url = CLI.repository.appendingPathComponent("Tests/BorderCLITests/Inputs/report/disc-max.csv")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        return Dictionary(lines.dropFirst().map { line in
            let f = line.split(separator: ",").map(String.init)
            return ("\(f[0]),\(f[1]),\(f[2])", Double(f[4])!)
        }, uniquingKeysWith: { a, _ in a })
    }

    /// The band table the report must print: an incident in a band only when all of its interval
    /// lies in it, else in "uncertain band". Decided from the independent bounds: the minimum is
    /// exact; the report's maximum is the true one or at most 1 m above it, and the true one lies
    /// in [maxAtLeast, maxAtMost]. So the incident is in (lower, limit] when min > lower (or
    /// lower = 0) and maxAtMost + 1 m ≤ limit, and not in it when min ≤ lower or maxAtLeast > limit.
    /// An incident these bounds leave undecided is returned in `undecided` (commit its disc's
    /// searched maximum to disc-max.csv); the caller fails on it rather than guess.
    static func bandRows(_ incidents: [ReferenceIncident], limitsKm: [Double]) -> (rows: [[String]], undecided: [String]) {
        var rows: [[String]] = [], undecided: [String] = [], placed = Set<String>()
        func row(_ label: String, _ members: [ReferenceIncident]) -> [String] {
            [label, String(members.count), String(members.map(\.killed).reduce(0, +)), String(members.map(\.injured).reduce(0, +))]
        }
        var lower = 0.0
        for limit in limitsKm.sorted() + [.infinity] {
            var members: [ReferenceIncident] = []
            for incident in incidents {
                let margin = incident.radiusMetres > 0 ? 1.0 : 0
                let minAbove = lower == 0 || incident.minMetres > lower * 1000
                if abs(incident.minMetres - lower * 1000) < 1e-3, lower > 0 { undecided.append(incident.id); continue }
                if minAbove && incident.maxAtMostMetres + margin <= limit * 1000 { members.append(incident) }
                else if !minAbove || incident.maxAtLeastMetres > limit * 1000 { continue }
                else { undecided.append(incident.id) }
            }
            placed.formUnion(members.map(\.id))
            rows.append(row(limit.isFinite ? "\(FixedPointKey.plain(lower))–\(FixedPointKey.plain(limit)) km" : "> \(FixedPointKey.plain(lower)) km", members))
            lower = limit
        }
        rows.append(row("uncertain band", incidents.filter { !placed.contains($0.id) }))
        return (rows, undecided)
    }

    /// km to 1 decimal, rounded down / up (the report's interval ends).
    static func down(_ metres: Double) -> String { String(format: "%.1f", (metres / 100).rounded(.down) / 10) }
    static func up(_ metres: Double) -> String { String(format: "%.1f", (metres / 100).rounded(.up) / 10) }
}

/// Band limits as the report writes them (10, 2.5).
enum FixedPointKey {
    static func plain(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : "\(value)" }
}
