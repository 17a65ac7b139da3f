import ArgumentParser
import BorderFormats
import BorderModel

/// Options that say what to read and how; shared by every command that reads points.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("CSV or GeoJSON file of points ('-' for CSV on stdin). Default: the bundled incidents.", valueName: "FILE"))
    var file: String?

    @Option(help: "Name of the latitude column (default: lat, latitude, y).")
    var latColumn: String?

    @Option(help: "Name of the longitude column (default: lon, lng, long, longitude, x).")
    var lonColumn: String?

    @Flag(help: "Exit with status 0 even when some rows were rejected.")
    var allowRejects = false

    /// True when the input is CSV (by name), so it can be read in parallel blocks.
    func isCSV(atlas: Atlas) -> Bool {
        let path = (file ?? atlas.incidentsFile.path).lowercased()
        return !(path.hasSuffix(".geojson") || path.hasSuffix(".json"))
    }

    var path: String? { file }

    /// True when reading the bundled incidents.
    var isBundled: Bool { file == nil }

    func openSource(atlas: Atlas) throws -> any RecordSource {
        let path = file ?? atlas.incidentsFile.path
        if path.lowercased().hasSuffix(".geojson") || path.lowercased().hasSuffix(".json") {
            return try GeoJSONRecordSource(path: path)
        }
        return try CSVRecordSource(path: path, latitudeColumn: latColumn, longitudeColumn: lonColumn)
    }
}
