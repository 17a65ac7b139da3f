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
    /// claims, the report on it and the reference for it.
    struct Probes: Sendable { var folder: URL; var markdown: String; var expected: ReportExpectation }
    static let probes = Shared<Probes> {
        let folder = try CLI.temporaryFolder().appendingPathComponent("data")
        _ = try python(["probes", folder.path])
        let claims = folder.appendingPathComponent("claims.json")
        let markdown = try CLI.run(["report", "--data", folder.path, "--claims", claims.path]).expecting(0).stdout
        return Probes(folder: folder, markdown: markdown, expected: try expectation(data: folder, claims: claims))
    }

    static func available<T>(_ make: () throws -> T) throws -> T? { try CLI.whereReferenceRuns(make) }
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
