import BorderInput
import Geodesy

/// RFC 7946 §3.1.6 winding: exterior rings counter-clockwise, holes clockwise. GEOS 3.11 has no
/// orient function, so the sign of the shoelace area (in lon/lat) decides.
public enum RingOrientation {
    /// Twice the signed planar area in degrees²: positive when counter-clockwise.
    public static func signedArea(_ ring: [Coordinate]) -> Double {
        guard ring.count > 2 else { return 0 }
        var sum = 0.0
        for (a, b) in zip(ring, ring.dropFirst() + [ring[0]]) {
            sum += a.longitude * b.latitude - b.longitude * a.latitude
        }
        return sum
    }

    public static func isCounterClockwise(_ ring: [Coordinate]) -> Bool { signedArea(ring) > 0 }

    /// The rings of one polygon, exterior first, wound as RFC 7946 asks.
    public static func rfc7946(_ rings: [[Coordinate]]) -> [[Coordinate]] {
        rings.enumerated().map { index, ring in
            let wantCounterClockwise = index == 0
            return isCounterClockwise(ring) == wantCounterClockwise ? ring : ring.reversed()
        }
    }
}
