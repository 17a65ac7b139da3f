import Foundation
import Geodesy

/// Where a CSV row keeps its position, and how to turn it into WGS84 longitude/latitude:
/// two columns of degrees (decimal or DMS text), two projected columns with `--crs`, or a WKT POINT.
final class PositionColumns {
    enum Kind {
        case pair(latitude: Int, longitude: Int)
        case wkt(Int)
    }

    static let latitudeNames = ["lat", "latitude", "y"]
    static let longitudeNames = ["lon", "lng", "long", "longitude", "x"]
    static let northingNames = ["y", "northing", "north", "lat", "latitude"]
    static let eastingNames = ["x", "easting", "east", "lon", "lng", "long", "longitude"]
    static let wktNames = ["wkt", "geometry", "geom", "the_geom", "wkt_geom", "shape"]

    let file: String
    let header: [String]
    let kind: Kind
    private let crs: String?
    private let transformation: Transformation?
    private let geos: GEOSContext?

    init(header: [String], file: String, options: ReadingOptions, wkt: Bool) throws {
        self.file = file
        self.header = header
        let lowered = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func find(_ chosen: String?, _ names: [String], _ what: String) throws -> Int {
            if let chosen {
                guard let index = lowered.firstIndex(of: chosen.lowercased()) else {
                    throw UnusableInput(file: file, reason: "no column named \(chosen) in the header")
                }
                return index
            }
            guard let index = names.lazy.compactMap({ lowered.firstIndex(of: $0) }).first else {
                throw UnusableInput(file: file, reason: "no \(what) column (looked for \(names.joined(separator: ", ")))")
            }
            return index
        }
        if wkt || options.wktColumn != nil {
            kind = .wkt(try find(options.wktColumn, Self.wktNames, "WKT"))
            geos = GEOSContext()
        } else if options.crs != nil {
            kind = .pair(latitude: try find(options.latitudeColumn, Self.northingNames, "northing (y)"),
                         longitude: try find(options.longitudeColumn, Self.eastingNames, "easting (x)"))
            geos = nil
        } else {
            kind = .pair(latitude: try find(options.latitudeColumn, Self.latitudeNames, "latitude"),
                         longitude: try find(options.longitudeColumn, Self.longitudeNames, "longitude"))
            geos = nil
        }
        crs = options.crs
        transformation = try options.crs.map { try Self.transformation(from: $0, file: file) }
    }

    static func transformation(from crs: String, file: String) throws -> Transformation {
        do {
            return try Transformation(from: crs, to: "EPSG:4326", context: ProjContext())
        } catch {
            throw UnusableInput(file: file, reason: "--crs \(crs): \(error)")
        }
    }

    /// The position in `fields`, or why there is none.
    func position(_ fields: [String], row: Int) -> Result<Coordinate, Rejection> {
        func reject(_ column: Int, _ reason: String) -> Result<Coordinate, Rejection> {
            .failure(Rejection(file: file, row: row, column: header[column], value: column < fields.count ? fields[column] : "", reason: reason))
        }
        func field(_ column: Int) -> String? { column < fields.count ? fields[column] : nil }
        let short = "the row has \(fields.count) fields, the header \(header.count)"
        switch kind {
        case .wkt(let column):
            guard let text = field(column) else { return reject(column, short) }
            guard !text.trimmingBlanks.isEmpty else { return reject(column, "empty") }
            // x, y: longitude and latitude, or with --crs the CRS's own axes (finish transforms them).
            let point: PlanarPoint
            do { point = try Geometry(wkt: text, context: geos!).point(of: PlanarPoint.self) } catch {
                return reject(column, "\(error)")
            }
            return finish(x: point.x, y: point.y, column: column, reject: reject)
        case .pair(let latitude, let longitude):
            guard let latText = field(latitude) else { return reject(latitude, short) }
            guard let lonText = field(longitude) else { return reject(longitude, short) }
            if transformation != nil {
                func number(_ text: String) -> Result<Double, CoordinateText.Problem> {
                    let trimmed = text.trimmingBlanks
                    guard !trimmed.isEmpty else { return .failure(.init("empty")) }
                    guard let value = CoordinateText.number(trimmed) else { return .failure(.init("not a number")) }
                    return value.isFinite ? .success(value) : .failure(.init("not a finite number"))
                }
                switch (number(lonText), number(latText)) {
                case (.failure(let problem), _): return reject(longitude, problem.reason)
                case (_, .failure(let problem)): return reject(latitude, problem.reason)
                case (.success(let x), .success(let y)): return finish(x: x, y: y, column: longitude, reject: reject)
                }
            }
            switch (CoordinateText.parse(latText, axis: .latitude), CoordinateText.parse(lonText, axis: .longitude)) {
            case (.failure(let problem), _): return reject(latitude, problem.reason)
            case (_, .failure(let problem)): return reject(longitude, problem.reason)
            case (.success(let lat), .success(let lon)): return .success(Coordinate(longitude: lon, latitude: lat))
            }
        }
    }

    /// Transforms from `--crs` when given and checks the result is a geographic position.
    private func finish(x: Double, y: Double, column: Int, reject: (Int, String) -> Result<Coordinate, Rejection>) -> Result<Coordinate, Rejection> {
        var point = Coordinate(longitude: x, latitude: y)
        if let transformation {
            guard x.isFinite, y.isFinite else { return reject(column, "not a finite number") }
            do {
                let result = try transformation.transform(x: x, y: y)
                point = Coordinate(longitude: result.x, latitude: result.y)
            } catch {
                return reject(column, "\(error)")
            }
        }
        guard point.isValid else {
            return reject(column, "(\(point.longitude), \(point.latitude)) is outside -180…180, -90…90" + (crs.map { " (from \($0))" } ?? ""))
        }
        return .success(point)
    }
}
