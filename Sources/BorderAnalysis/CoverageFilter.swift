import BorderModel

/// Which fence segments count: by status, by the side that built them, and by completion date.
public struct CoverageFilter: Sendable, Equatable {
    public var statuses: Set<FenceSegment.Status>
    /// nil: either side.
    public var side: Country?
    /// ISO date; when set, only segments reported complete on or before it count
    /// (a segment with no completion date never does).
    public var asOf: String?

    public init(statuses: Set<FenceSegment.Status> = [.built], side: Country? = nil, asOf: String? = nil) {
        self.statuses = statuses
        self.side = side
        self.asOf = asOf
    }

    public func admits(_ segment: FenceSegment) -> Bool {
        guard statuses.contains(segment.status) else { return false }
        if let side, segment.side != side { return false }
        if let asOf {
            guard let completed = segment.completed, completed <= asOf else { return false }
        }
        return true
    }
}
