/// Sixteen-point compass names for azimuths (degrees clockwise from north).
public enum Compass {
    static let points = ["N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE",
                         "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW"]

    public static func point(forAzimuth azimuth: Double) -> String {
        // Geodesic azimuths lie in [-180, 180]: there one addition replaces the two remainders.
        let normalized = (-180...360).contains(azimuth) ? (azimuth < 0 ? azimuth + 360 : azimuth)
            : (azimuth.truncatingRemainder(dividingBy: 360) + 360).truncatingRemainder(dividingBy: 360)
        return points[Int((normalized / 22.5).rounded()) % 16]
    }
}
