/// The side of the border a point lies on: the country whose land holds it, or `other`
/// (the sea, or any country but these three).
public enum Country: String, Sendable, CaseIterable, Codable {
    case pakistan = "PK"
    case iran = "IR"
    case afghanistan = "AF"
    case other = "other"
}
