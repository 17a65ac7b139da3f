import CGEOS

/// A GEOS geometry owned by one context. Planar: coordinates are lon/lat numbers to GEOS, so
/// use it for topology (contains, intersection, validity, I/O), never for distances in metres.
public final class Geometry {
    let context: GEOSContext
    let pointer: OpaquePointer

    init(context: GEOSContext, pointer: OpaquePointer) {
        self.context = context
        self.pointer = pointer
    }

    deinit { GEOSGeom_destroy_r(context.handle, pointer) }

    /// Parses Well-Known Text; the error carries GEOS's parse message.
    public convenience init(wkt: String, context: GEOSContext) throws {
        guard let reader = GEOSWKTReader_create_r(context.handle) else { throw context.failure("cannot create a WKT reader") }
        defer { GEOSWKTReader_destroy_r(context.handle, reader) }
        guard let pointer = GEOSWKTReader_read_r(context.handle, reader, wkt) else { throw context.failure("cannot read WKT") }
        self.init(context: context, pointer: pointer)
    }

    /// Parses a GeoJSON geometry (or Feature/FeatureCollection, as GEOS does).
    public convenience init(geoJSON: String, context: GEOSContext) throws {
        guard let reader = GEOSGeoJSONReader_create_r(context.handle) else { throw context.failure("cannot create a GeoJSON reader") }
        defer { GEOSGeoJSONReader_destroy_r(context.handle, reader) }
        guard let pointer = GEOSGeoJSONReader_readGeometry_r(context.handle, reader, geoJSON) else { throw context.failure("cannot read GeoJSON") }
        self.init(context: context, pointer: pointer)
    }

    /// Reads Well-Known Binary.
    public convenience init(wkb: [UInt8], context: GEOSContext) throws {
        guard let reader = GEOSWKBReader_create_r(context.handle) else { throw context.failure("cannot create a WKB reader") }
        defer { GEOSWKBReader_destroy_r(context.handle, reader) }
        let read = wkb.withUnsafeBufferPointer { GEOSWKBReader_read_r(context.handle, reader, $0.baseAddress, $0.count) }
        guard let pointer = read else { throw context.failure("cannot read WKB") }
        self.init(context: context, pointer: pointer)
    }

    /// A MultiPolygon from rings of interleaved longitude, latitude numbers: `polygons[p][0]` is
    /// the shell of polygon p and the rest its holes. Built through coordinate buffers, no text.
    public convenience init(multiPolygon polygons: [[[Double]]], context: GEOSContext) throws {
        let handle = context.handle
        var built: [OpaquePointer] = []
        do {
            for rings in polygons {
                guard !rings.isEmpty else { throw GeometryError.invalid("a polygon needs a shell") }
                var linearRings: [OpaquePointer] = []
                do {
                    for ring in rings { linearRings.append(try Self.ring(ring, context: context)) }
                } catch {
                    linearRings.forEach { GEOSGeom_destroy_r(handle, $0) }
                    throw error
                }
                let shell = linearRings.removeFirst()
                let polygon = linearRings.withUnsafeMutableBufferPointer { holes -> OpaquePointer? in
                    var holes = holes.map { Optional($0) }
                    return GEOSGeom_createPolygon_r(handle, shell, &holes, UInt32(holes.count))   // takes the rings
                }
                guard let polygon else { throw context.failure("cannot create a polygon") }
                built.append(polygon)
            }
        } catch {
            built.forEach { GEOSGeom_destroy_r(handle, $0) }
            throw error
        }
        var members = built.map { Optional($0) }
        guard let collection = GEOSGeom_createCollection_r(handle, Int32(GEOS_MULTIPOLYGON.rawValue), &members, UInt32(members.count)) else {
            built.forEach { GEOSGeom_destroy_r(handle, $0) }
            throw context.failure("cannot create a multipolygon")
        }
        self.init(context: context, pointer: collection)
    }

    private static func ring(_ xy: [Double], context: GEOSContext) throws -> OpaquePointer {
        guard xy.count >= 8, xy.count % 2 == 0 else { throw GeometryError.invalid("a ring needs at least four positions") }
        let sequence = xy.withUnsafeBufferPointer {
            GEOSCoordSeq_copyFromBuffer_r(context.handle, $0.baseAddress, UInt32(xy.count / 2), 0, 0)
        }
        guard let sequence else { throw context.failure("cannot create a coordinate sequence") }
        guard let ring = GEOSGeom_createLinearRing_r(context.handle, sequence) else {   // takes the sequence
            throw context.failure("cannot create a ring")
        }
        return ring
    }

    public convenience init(point: Coordinate, context: GEOSContext) throws {
        guard let pointer = GEOSGeom_createPointFromXY_r(context.handle, point.longitude, point.latitude) else {
            throw context.failure("cannot create a point")
        }
        self.init(context: context, pointer: pointer)
    }

    public var wkt: String {
        get throws {
            guard let writer = GEOSWKTWriter_create_r(context.handle) else { throw context.failure("cannot create a WKT writer") }
            defer { GEOSWKTWriter_destroy_r(context.handle, writer) }
            GEOSWKTWriter_setTrim_r(context.handle, writer, 1)
            return try context.takeString(GEOSWKTWriter_write_r(context.handle, writer, pointer), or: "cannot write WKT")
        }
    }

    public var geoJSON: String {
        get throws {
            guard let writer = GEOSGeoJSONWriter_create_r(context.handle) else { throw context.failure("cannot create a GeoJSON writer") }
            defer { GEOSGeoJSONWriter_destroy_r(context.handle, writer) }
            return try context.takeString(GEOSGeoJSONWriter_writeGeometry_r(context.handle, writer, pointer, -1),
                                          or: "cannot write GeoJSON")
        }
    }

    /// Well-Known Binary, a compact copy that any context can read back.
    public var wkb: [UInt8] {
        get throws {
            guard let writer = GEOSWKBWriter_create_r(context.handle) else { throw context.failure("cannot create a WKB writer") }
            defer { GEOSWKBWriter_destroy_r(context.handle, writer) }
            var size = 0
            guard let bytes = GEOSWKBWriter_write_r(context.handle, writer, pointer, &size) else { throw context.failure("cannot write WKB") }
            defer { GEOSFree_r(context.handle, bytes) }
            return Array(UnsafeBufferPointer(start: bytes, count: size))
        }
    }

    /// The members of a collection (copies), or the geometry itself when it is not a collection.
    public var parts: [Geometry] {
        get throws {
            let count = GEOSGetNumGeometries_r(context.handle, pointer)   // -1 on exception
            guard count >= 0 else { throw context.failure("cannot count the parts") }
            return try (0..<count).map { index in
                guard let part = GEOSGetGeometryN_r(context.handle, pointer, index),
                      let copy = GEOSGeom_clone_r(context.handle, part) else { throw context.failure("cannot copy part \(index)") }
                return Geometry(context: context, pointer: copy)
            }
        }
    }

    /// The position of a non-empty Point in WGS84 degrees; GEOS's message otherwise.
    public var pointCoordinate: Coordinate {
        get throws { try point(of: Coordinate.self) }
    }

    /// The position of a non-empty Point as x, y (a `PlanarPoint` when it is projected).
    public func point<P: PlanePosition>(of _: P.Type) throws -> P {
        let type = try typeName
        guard type == "Point" else { throw GeometryError.invalid("a \(type), not a Point") }
        guard try !isEmpty else { throw GeometryError.invalid("an empty Point") }
        var x = 0.0, y = 0.0
        guard GEOSGeomGetX_r(context.handle, pointer, &x) == 1, GEOSGeomGetY_r(context.handle, pointer, &y) == 1 else {
            throw context.failure("cannot read the point")
        }
        return P(planeX: x, planeY: y)
    }

    public var typeName: String {
        get throws { try context.takeString(GEOSGeomType_r(context.handle, pointer), or: "cannot read the geometry type") }
    }

    /// GEOS's validity verdict and, when invalid, its reason (e.g. "Self-intersection[…]").
    public var validityReason: String {
        get throws { try context.takeString(GEOSisValidReason_r(context.handle, pointer), or: "cannot check validity") }
    }

    public var isEmpty: Bool {
        get throws {
            let result = GEOSisEmpty_r(context.handle, pointer)   // 2 on exception
            guard result != 2 else { throw context.failure("cannot test emptiness") }
            return result == 1
        }
    }

    /// Planar area in square degrees; only useful as a sanity check of orientation-free size.
    public var planarArea: Double {
        get throws {
            var area = 0.0
            guard GEOSArea_r(context.handle, pointer, &area) == 1 else { throw context.failure("cannot compute the area") }
            return area
        }
    }

    public func intersection(_ other: Geometry) throws -> Geometry {
        guard let result = GEOSIntersection_r(context.handle, pointer, other.pointer) else { throw context.failure("intersection failed") }
        return Geometry(context: context, pointer: result)
    }

    public func union(_ other: Geometry) throws -> Geometry {
        guard let result = GEOSUnion_r(context.handle, pointer, other.pointer) else { throw context.failure("union failed") }
        return Geometry(context: context, pointer: result)
    }

    public func difference(_ other: Geometry) throws -> Geometry {
        guard let result = GEOSDifference_r(context.handle, pointer, other.pointer) else { throw context.failure("difference failed") }
        return Geometry(context: context, pointer: result)
    }

    /// An index-backed copy for repeated point-in-polygon tests.
    public func prepared() throws -> PreparedGeometry { try PreparedGeometry(self) }
}

/// A prepared geometry; keeps its base geometry alive, as GEOS requires.
public final class PreparedGeometry {
    let base: Geometry
    let pointer: OpaquePointer

    init(_ base: Geometry) throws {
        guard let pointer = GEOSPrepare_r(base.context.handle, base.pointer) else { throw base.context.failure("cannot prepare the geometry") }
        self.base = base
        self.pointer = pointer
    }

    deinit { GEOSPreparedGeom_destroy_r(base.context.handle, pointer) }

    /// True when the point lies inside or on the boundary.
    public func covers(_ point: Coordinate) throws -> Bool {
        try covers(Geometry(point: point, context: base.context))
    }

    /// True when `geometry` (of the same context) meets this one; lets one probe serve several tests.
    public func covers(_ geometry: Geometry) throws -> Bool {
        let result = GEOSPreparedIntersects_r(base.context.handle, pointer, geometry.pointer)  // 2 on exception
        guard result != 2 else { throw base.context.failure("point test failed") }
        return result == 1
    }

    /// True when `geometry` (of the same context) and this one share any point.
    public func intersects(_ geometry: Geometry) throws -> Bool {
        let result = GEOSPreparedIntersects_r(base.context.handle, pointer, geometry.pointer)  // 2 on exception
        guard result != 2 else { throw base.context.failure("intersection test failed") }
        return result == 1
    }

    /// True when every point of `geometry` (of the same context) lies inside or on this one.
    public func coversWhole(_ geometry: Geometry) throws -> Bool {
        let result = GEOSPreparedCovers_r(base.context.handle, pointer, geometry.pointer)  // 2 on exception
        guard result != 2 else { throw base.context.failure("covers test failed") }
        return result == 1
    }
}
