import BorderModel
import Foundation
import Geodesy

/// One distance band: the land between `innerKilometres` and `outerKilometres` of the border.
public struct DistanceBand: Sendable {
    public var innerKilometres: Double
    public var outerKilometres: Double
    /// Lon/lat polygons (exterior, then holes), clipped to land; any winding.
    public var polygons: [[[Coordinate]]]
    /// Measured deviation of the outer outline from the true geodesic distance, metres.
    public var maxErrorMetres: Double
}

public enum DistanceBands {
    public static let defaultKilometres: [Double] = [10, 25, 50]

    /// Nested geodesic buffers turned into rings (0–10, 10–25, 25–50 km), clipped to the union of
    /// the country outlines, so no band spills into the sea. Kept between runs in the result cache
    /// (`CacheFile`, as the edge solutions are), keyed by everything they are made from: the
    /// border's and the outlines' coordinates, the distances, the projection, this method's
    /// version and GEOS's and PROJ's; the same bands to the bit either way.
    public static func build(border: Border, countries: CountryOutlines, kilometres: [Double] = defaultKilometres,
                             projection: String = Generalisation.projection, cache: URL? = EdgeCache.directory) throws -> [DistanceBand] {
        let key = cacheKey(border: border, countries: countries, kilometres: kilometres, projection: projection)
        let name = "bands-\(String(key, radix: 16)).bin"
        if let payload = CacheFile.load(name, magic: magic, key: key, from: cache), let bands = decode(payload) { return bands }
        let bands = try compute(border: border, countries: countries, kilometres: kilometres, projection: projection)
        CacheFile.save(encode(bands), name: name, magic: magic, key: key, to: cache)
        return bands
    }

    static let magic: UInt64 = 0x3144_4e41_4252_4442          // "BDRBAND1", little-endian
    /// Raise when `compute` changes what it makes.
    static let methodVersion: UInt64 = 1

    static func cacheKey(border: Border, countries: CountryOutlines, kilometres: [Double], projection: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ word: UInt64) { hash = (hash ^ word) &* 0x0000_0100_0000_01b3 }
        func mix(_ text: String) { mix(UInt64(text.utf8.count)); text.utf8.forEach { mix(UInt64($0)) } }
        mix(methodVersion)
        mix(LibraryVersions.geos)
        mix(LibraryVersions.proj)
        mix(projection)
        mix(UInt64(kilometres.count))
        kilometres.forEach { mix($0.bitPattern) }
        mix(UInt64(border.line.vertices.count))
        for vertex in border.line.vertices { mix(vertex.longitude.bitPattern); mix(vertex.latitude.bitPattern) }
        for outline in countries.outlines {
            mix(outline.country.rawValue)
            for ring in outline.polygons.flatMap({ $0 }) { mix(UInt64(ring.count)); ring.forEach { mix($0.bitPattern) } }
        }
        return hash
    }

    /// The bands as words: their count, then for each its distances, error and polygons (each a
    /// count of rings, each ring a count of coordinates and their bits).
    static func encode(_ bands: [DistanceBand]) -> [UInt64] {
        var words = [UInt64(bands.count)]
        for band in bands {
            words += [band.innerKilometres.bitPattern, band.outerKilometres.bitPattern, band.maxErrorMetres.bitPattern, UInt64(band.polygons.count)]
            for polygon in band.polygons {
                words.append(UInt64(polygon.count))
                for ring in polygon {
                    words.append(UInt64(ring.count))
                    for point in ring { words += [point.longitude.bitPattern, point.latitude.bitPattern] }
                }
            }
        }
        return words
    }

    /// `encode`'s words back, or nil where they do not fit together.
    static func decode(_ words: [UInt64]) -> [DistanceBand]? {
        var index = 0
        func next() -> UInt64? { guard index < words.count else { return nil }; defer { index += 1 }; return words[index] }
        func count() -> Int? { next().flatMap { $0 <= UInt64(words.count) ? Int($0) : nil } }
        guard let bandCount = count() else { return nil }
        var bands: [DistanceBand] = []
        for _ in 0..<bandCount {
            guard let inner = next(), let outer = next(), let error = next(), let polygonCount = count() else { return nil }
            var polygons: [[[Coordinate]]] = []
            for _ in 0..<polygonCount {
                guard let ringCount = count() else { return nil }
                var rings: [[Coordinate]] = []
                for _ in 0..<ringCount {
                    guard let pointCount = count(), index + 2 * pointCount <= words.count else { return nil }
                    rings.append((0..<pointCount).map { _ in
                        Coordinate(longitude: Double(bitPattern: next()!), latitude: Double(bitPattern: next()!))
                    })
                }
                polygons.append(rings)
            }
            bands.append(DistanceBand(innerKilometres: Double(bitPattern: inner), outerKilometres: Double(bitPattern: outer),
                                      polygons: polygons, maxErrorMetres: Double(bitPattern: error)))
        }
        return index == words.count ? bands : nil
    }

    static func compute(border: Border, countries: CountryOutlines, kilometres: [Double], projection: String) throws -> [DistanceBand] {
        let context = GEOSContext()
        let land = try countries.outlines.indices.map { try countries.geometry($0, context: context) }
            .reduce(nil as Geometry?) { try $0?.union($1) ?? $1 }
        var bands: [DistanceBand] = []
        var inner: (Double, Geometry)? = nil
        for km in kilometres.sorted() where km > 0 {
            let buffer = try border.line.buffer(distance: km * 1000, projection: projection)
            let disc = try Geometry(polygons: buffer.polygons, context: context)
            var ring = try inner.map { try disc.difference($0.1) } ?? disc
            if let land { ring = try ring.intersection(land) }
            bands.append(DistanceBand(innerKilometres: inner?.0 ?? 0, outerKilometres: km,
                                      polygons: try ring.polygons, maxErrorMetres: buffer.maxError))
            inner = (km, disc)
        }
        return bands
    }

    /// The band label for a distance: the smallest band that holds it, or nil beyond the last.
    public static func band(forKilometres distance: Double, kilometres: [Double] = defaultKilometres) -> Double? {
        kilometres.sorted().first { distance <= $0 }
    }
}
