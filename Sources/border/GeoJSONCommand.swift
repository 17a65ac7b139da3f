import ArgumentParser
import BorderInput
import BorderOutput
import BorderReport
import BorderRun
import Foundation

/// A comma-separated list of positive kilometres, e.g. `10,25,50`.
struct KilometreList: ExpressibleByArgument {
    var values: [Double]
    init?(argument: String) {
        let parts = argument.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard !parts.isEmpty, parts.allSatisfy({ $0 != nil && $0! > 0 && $0! <= 500 }) else { return nil }
        values = Array(Set(parts.map { $0! })).sorted()
    }
    var defaultValueDescription: String { values.map { FixedPointText.plain($0) }.joined(separator: ",") }
}

enum MapFormat: String, ExpressibleByArgument, CaseIterable {
    case geojson, geojsonseq
}

struct GeoJSONCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "geojson",
        abstract: "A layered RFC 7946 map: border, fence, gaps, places, region, incidents, connectors, distance bands.",
        discussion: """
            Every feature has a `layer` property (\(MapLayers.layerNames.joined(separator: ", "))) and simplestyle-spec \
            styling, so geojson.io and GitHub show it in colour. Bands are true WGS84 geodesic buffers of the border, \
            clipped to land; each says its measured error (max_error_m). FILE: points as for `border distances`.
            """)

    @OptionGroup var input: InputOptions

    @OptionGroup var coverage: CoverageOptionGroup

    @Option(name: .shortAndLong, help: "geojson (one FeatureCollection) or geojsonseq (RFC 8142 text sequence).")
    var format: MapFormat = .geojson

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE instead of stdout: atomically for a regular file (a link is followed; a FIFO or device is written directly).", valueName: "FILE"))
    var output: String?

    @Option(help: "Decimals of coordinates (6 ≈ 0.1 m).")
    var precision: Int = 6

    @Option(help: ArgumentHelp("Distance bands from the border, km.", valueName: "KM,KM,..."))
    var bands: KilometreList = KilometreList(argument: "10,25,50")!

    @OptionGroup var data: DataOptions

    func validate() throws {
        guard (0...12).contains(precision) else { throw ValidationError("--precision must be 0…12") }
    }

    func run() throws {
        Output.installSignalHandlers()
        try reportingUnusableInput {
            let atlas = try data.loadAtlas()
            let run = try MapRun(atlas: atlas, input: input, coverage: coverage, bandKilometres: bands.values)
            let output = try output.map { try Output(path: $0) } ?? Output()
            let writer = FeatureStreamWriter(output: output, kind: format == .geojson ? .collection : .sequence, precision: precision)
            writer.begin()
            MapLayers.features(run.map).forEach(writer.write)
            writer.finish()
            try output.commit()
            try input.reading.finish(run.summary)
        }
    }
}
