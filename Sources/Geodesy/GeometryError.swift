/// Errors raised by the geometry layer. Library failures carry the library's own message.
public enum GeometryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// GEOS reported an error (its message handler text).
    case geos(String)
    /// PROJ reported an error (its log text, or its errno string when it logged nothing).
    case proj(String)
    /// Input that cannot form the requested geometry.
    case invalid(String)

    public var description: String {
        switch self {
        case .geos(let message): "GEOS: \(message)"
        case .proj(let message): "PROJ: \(message)"
        case .invalid(let message): message
        }
    }
}
