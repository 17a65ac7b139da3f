import ArgumentParser
import BorderInput
import BorderModel
import BorderOutput
import BorderReport
import BorderRun
import Foundation

extension InputFormat: ExpressibleByArgument {}

/// The input file and how to read it; shared by every command that reads points as its argument.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("CSV (generic, ACLED, GTD, WKT column) or GeoJSON file of points ('-' for standard input). Default: the bundled incidents.", valueName: "FILE"))
    var file: String?

    @OptionGroup var reading: ReadingOptionGroup

    /// True when reading the bundled incidents.
    var isBundled: Bool { file == nil }
}

/// How to read points, what to keep, where rejected rows go; shared by every command that reads
/// points (`coverage` names its file with `--incidents`).
struct ReadingOptionGroup: ParsableArguments {
    @Option(help: "Input format; detected from the header (or '{' / .geojson for GeoJSON) when omitted.")
    var inputFormat: InputFormat?

    @Option(help: "Name of the latitude (or, with --crs, northing) column (default: lat, latitude, y).")
    var latColumn: String?

    @Option(help: "Name of the longitude (or, with --crs, easting) column (default: lon, lng, long, longitude, x).")
    var lonColumn: String?

    @Option(help: "Name of a column of WKT POINTs (default when there are no lat/lon columns: wkt, geometry, geom, the_geom, wkt_geom, shape).")
    var wktColumn: String?

    @Option(help: ArgumentHelp("CRS of the input coordinates, as PROJ accepts it (e.g. EPSG:32641 with x/y or easting/northing columns). Default: WGS84 degrees.", valueName: "CRS"))
    var crs: String?

    @Option(help: ArgumentHelp("Keep rows whose ACLED geo_precision / GTD specificity is at most N; others are counted as filtered.", valueName: "N"))
    var maxGeoPrecision: Int?

    @Option(help: ArgumentHelp("Keep rows dated on or after DATE (yyyy-mm-dd, yyyy-mm or yyyy).", valueName: "DATE"))
    var from: String?

    @Option(help: ArgumentHelp("Keep rows dated on or before DATE (yyyy-mm-dd, yyyy-mm or yyyy).", valueName: "DATE"))
    var to: String?

    @Option(help: ArgumentHelp("Every row's location uncertainty, a radius in km (overrides columns and precision codes).", valueName: "KM"))
    var uncertaintyKm: Double?

    @Option(help: ArgumentHelp("Column of each row's uncertainty radius in km (default: uncertainty_km when present).", valueName: "NAME"))
    var uncertaintyColumn: String?

    @Option(help: ArgumentHelp("Radius in km per location-precision code (ACLED geo_precision, GTD specificity, UCDP where_prec), e.g. 1=2,2=25,3=50; codes not given keep their defaults.", valueName: "CODE=KM,..."))
    var precisionRadii: String?

    @Option(help: ArgumentHelp("Also write every rejected row to FILE as CSV (file,row,column,value,reason + the row), atomically.", valueName: "FILE"))
    var rejects: String?

    @Flag(help: "Exit with status 0 even when some rows were rejected.")
    var allowRejects = false

    @Option(help: "Worker threads that measure the rows (default: one per core).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, EventDate.parse(value) == nil { throw ValidationError("\(name) \(value): not a date (yyyy-mm-dd, yyyy-mm or yyyy)") }
        }
        if let maxGeoPrecision, maxGeoPrecision < 1 { throw ValidationError("--max-geo-precision must be 1 or more") }
        guard threads >= 1 else { throw ValidationError("--threads must be 1 or more") }
        if let uncertaintyKm, !(uncertaintyKm.isFinite && uncertaintyKm >= 0 && uncertaintyKm <= 1000) {
            throw ValidationError("--uncertainty-km must be a number of km from 0 to 1000")
        }
        _ = try radii()
    }

    var readingOptions: ReadingOptions {
        ReadingOptions(format: inputFormat, latitudeColumn: latColumn, longitudeColumn: lonColumn, wktColumn: wktColumn, crs: crs,
                       filters: RowFilters(maxPrecision: maxGeoPrecision, from: from.flatMap(EventDate.parse),
                                           to: to.flatMap(EventDate.parse)),
                       uncertainty: UncertaintyOptions(fixedKilometres: uncertaintyKm, column: uncertaintyColumn,
                                                       precisionRadii: (try? radii()) ?? [:]))
    }

    /// `--precision-radii 1=2,2=25,3=50`.
    private func radii() throws -> [Int: Double] {
        guard let precisionRadii else { return [:] }
        var radii: [Int: Double] = [:]
        for pair in precisionRadii.split(separator: ",") {
            let parts = pair.split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let code = Int(parts[0]), let km = Double(parts[1]), km.isFinite, km >= 0, km <= 1000 else {
                throw ValidationError("--precision-radii: \"\(pair)\" is not CODE=KM (e.g. 1=2,2=25,3=50)")
            }
            radii[code] = km
        }
        return radii
    }

    /// The input at `path` ('-' for standard input; nil for the bundled incidents), opened the
    /// fastest way its format allows.
    /// `readsDates`: each row's date is read (for the columns that depend on the day).
    func open(_ path: String?, atlas: Atlas, readsDates: Bool = false) throws -> RowInput {
        var options = readingOptions
        options.filters.readsDates = readsDates
        return try RowInput.open(InputOrigin(path: path ?? atlas.incidentsFile.path), options: options)
    }
}
