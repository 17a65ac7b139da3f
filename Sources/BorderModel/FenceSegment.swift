import Geodesy

/// One stretch of barrier along the border: a fence, wall or trench, as reported.
public struct FenceSegment: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        case built
        case underConstruction = "under_construction"
        case planned
    }

    public var id: String
    public var status: Status
    /// The country that built it: `.pakistan` or `.iran`.
    public var side: Country
    /// `fence`, `wall`, `trench`, … as reported.
    public var kind: String
    /// ISO date (YYYY-MM-DD) the segment was reported complete; nil when never reported.
    public var completed: String?
    public var source: String
    /// `assumed` when no public source places the segment, `reported` when one does; nil when not said.
    public var placement: String?
    public var placementNote: String
    public var geometry: [Coordinate]
    /// The chainage range a CSV file gave (km along the border); nil for a drawn line.
    public var chainageKilometres: ClosedRange<Double>?

    public init(id: String, status: Status, side: Country, kind: String, completed: String?, source: String,
                placement: String?, placementNote: String, geometry: [Coordinate], chainageKilometres: ClosedRange<Double>? = nil) {
        self.id = id
        self.status = status
        self.side = side
        self.kind = kind
        self.completed = completed
        self.source = source
        self.placement = placement
        self.placementNote = placementNote
        self.geometry = geometry
        self.chainageKilometres = chainageKilometres
    }

    /// True when the segment's position along the border was assumed, not reported.
    public var isPlacementAssumed: Bool { placement == "assumed" }
}

/// ISO calendar dates as text (YYYY-MM-DD), which order correctly as strings.
public enum ISODate {
    public static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month) else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }

    /// A valid ISO date as the number yyyymmdd (the form `EventDate` uses), so days compare as numbers.
    public static func day(_ text: String) -> Int {
        let parts = text.split(separator: "-").map { Int($0)! }
        return parts[0] * 10000 + parts[1] * 100 + parts[2]
    }
}
