import CGEOS

/// Building GEOS geometries from positions and reading them back. GEOS is planar: a
/// `Coordinate`'s longitude is x and latitude y; a `PlanarPoint` holds projected metres.
extension Geometry {
    /// A LineString through `points`.
    public convenience init<P: PlanePosition>(lineString points: [P], context: GEOSContext) throws {
        let sequence = try Self.sequence(points, context: context)
        guard let pointer = GEOSGeom_createLineString_r(context.handle, sequence) else { throw context.failure("cannot create a line") }
        self.init(context: context, pointer: pointer)
    }

    /// A MultiPolygon of `polygons`, each an exterior ring then its holes (rings closed or not).
    public convenience init<P: PlanePosition>(polygons: [[[P]]], context: GEOSContext) throws {
        var parts: [OpaquePointer?] = []
        do {
            for rings in polygons where !rings.isEmpty {
                let linear = try rings.map { ring -> OpaquePointer? in
                    let closed = ring.first == ring.last ? ring : ring + [ring[0]]
                    let sequence = try Self.sequence(closed, context: context)
                    guard let made = GEOSGeom_createLinearRing_r(context.handle, sequence) else { throw context.failure("cannot create a ring") }
                    return made
                }
                var holes = Array(linear.dropFirst())
                let polygon = holes.withUnsafeMutableBufferPointer {
                    GEOSGeom_createPolygon_r(context.handle, linear[0], $0.baseAddress, UInt32($0.count))
                }
                guard let polygon else { throw context.failure("cannot create a polygon") }
                parts.append(polygon)
            }
        } catch {
            for part in parts { GEOSGeom_destroy_r(context.handle, part) }
            throw error
        }
        let collection = parts.withUnsafeMutableBufferPointer {
            GEOSGeom_createCollection_r(context.handle, Int32(GEOS_MULTIPOLYGON.rawValue), $0.baseAddress, UInt32($0.count))
        }
        guard let collection else { throw context.failure("cannot create a multipolygon") }
        self.init(context: context, pointer: collection)
    }

    private static func sequence<P: PlanePosition>(_ points: [P], context: GEOSContext) throws -> OpaquePointer {
        guard let sequence = GEOSCoordSeq_create_r(context.handle, UInt32(points.count), 2) else { throw context.failure("cannot create coordinates") }
        for (index, point) in points.enumerated() {
            guard GEOSCoordSeq_setXY_r(context.handle, sequence, UInt32(index), point.planeX, point.planeY) != 0 else {
                GEOSCoordSeq_destroy_r(context.handle, sequence)
                throw context.failure("cannot set coordinate \(index)")
            }
        }
        return sequence
    }

    /// The polygons of a Polygon, MultiPolygon or collection (other members are skipped):
    /// each is its exterior ring then its holes, as GEOS stores them (closed, any winding).
    public var polygons: [[[Coordinate]]] {
        get throws { try polygons(of: Coordinate.self) }
    }

    /// `polygons`, as positions of type `P` (`PlanarPoint` for a projected geometry).
    public func polygons<P: PlanePosition>(of _: P.Type) throws -> [[[P]]] {
        let type = GEOSGeomTypeId_r(context.handle, pointer)
        if type == Int32(GEOS_POLYGON.rawValue) {
            if try isEmpty { return [] }
            guard let exterior = GEOSGetExteriorRing_r(context.handle, pointer) else { throw context.failure("no exterior ring") }
            var rings: [[P]] = [try coordinates(of: exterior)]
            let holes = GEOSGetNumInteriorRings_r(context.handle, pointer)
            guard holes >= 0 else { throw context.failure("cannot count holes") }
            for index in 0..<holes {
                guard let hole = GEOSGetInteriorRingN_r(context.handle, pointer, index) else { throw context.failure("no hole \(index)") }
                rings.append(try coordinates(of: hole))
            }
            return [rings]
        }
        if type == Int32(GEOS_MULTIPOLYGON.rawValue) || type == Int32(GEOS_GEOMETRYCOLLECTION.rawValue) {
            return try parts.flatMap { try $0.polygons(of: P.self) }
        }
        return []
    }

    /// The vertices of a LineString or LinearRing.
    public var lineCoordinates: [Coordinate] {
        get throws { try coordinates(of: pointer) }
    }

    private func coordinates<P: PlanePosition>(of geometry: OpaquePointer) throws -> [P] {
        guard let sequence = GEOSGeom_getCoordSeq_r(context.handle, geometry) else { throw context.failure("no coordinates") }
        var count: UInt32 = 0
        guard GEOSCoordSeq_getSize_r(context.handle, sequence, &count) != 0 else { throw context.failure("cannot count coordinates") }
        return try (0..<count).map { index in
            var x = 0.0, y = 0.0
            guard GEOSCoordSeq_getXY_r(context.handle, sequence, index, &x, &y) != 0 else { throw context.failure("cannot read coordinate \(index)") }
            return P(planeX: x, planeY: y)
        }
    }

    /// The planar buffer (round joins and caps); `buffer(0)` cleans self-intersections.
    public func buffer(_ distance: Double, quadrantSegments: Int32 = 8) throws -> Geometry {
        guard let result = GEOSBuffer_r(context.handle, pointer, distance, quadrantSegments) else { throw context.failure("buffer failed") }
        return Geometry(context: context, pointer: result)
    }

    /// The union of all parts (cleans overlaps between members of a collection).
    public func unaryUnion() throws -> Geometry {
        guard let result = GEOSUnaryUnion_r(context.handle, pointer) else { throw context.failure("union failed") }
        return Geometry(context: context, pointer: result)
    }

    /// Extra vertices so that no planar segment is longer than `tolerance`.
    public func densified(_ tolerance: Double) throws -> Geometry {
        guard let result = GEOSDensify_r(context.handle, pointer, tolerance) else { throw context.failure("densify failed") }
        return Geometry(context: context, pointer: result)
    }

    public var isValid: Bool {
        get throws {
            let result = GEOSisValid_r(context.handle, pointer)   // 2 on exception
            guard result != 2 else { throw context.failure("cannot check validity") }
            return result == 1
        }
    }
}
