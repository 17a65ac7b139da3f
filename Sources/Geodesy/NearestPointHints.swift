/// Where the last search in each small cell of longitude and latitude found its nearest chord:
/// the next search there starts from that piece. Points come in any order, so this is a fixed
/// table indexed by a hash of the cell, each slot overwritten by the latest search; it holds
/// starting points, never answers. It also lends the search its scratch space, so a search
/// allocates nothing. One per thread.
public struct NearestPointHints: Sendable {
    static let cellDegrees = 0.1
    var scratch = SearchScratch()
    private var cells: [Int]
    private var pieces: [Int]
    private let shift: Int

    /// `slots` is rounded up to a power of two.
    public init(slots: Int = 1 << 14) {
        let bits = max(1, Int.bitWidth - (max(2, slots) - 1).leadingZeroBitCount)
        cells = Array(repeating: -1, count: 1 << bits)
        pieces = Array(repeating: 0, count: 1 << bits)
        shift = Int.bitWidth - bits
    }

    private static func cell(_ c: Coordinate) -> Int {
        Int(((c.longitude + 180) / cellDegrees).rounded(.down)) * 4_000 + Int(((c.latitude + 90) / cellDegrees).rounded(.down))
    }

    private func slot(_ cell: Int) -> Int {
        Int(truncatingIfNeeded: UInt(bitPattern: cell &* -7_046_029_254_386_353_131) >> UInt(shift))
    }

    func piece(near c: Coordinate) -> Int? {
        let cell = Self.cell(c), slot = slot(cell)
        return cells[slot] == cell ? pieces[slot] : nil
    }

    mutating func remember(_ piece: Int, near c: Coordinate) {
        let cell = Self.cell(c), slot = slot(cell)
        cells[slot] = cell
        pieces[slot] = piece
    }
}

/// Working lists of one nearest-point search, kept between searches to reuse their storage.
struct SearchScratch: Sendable {
    /// Pieces the first walk keeps; past this many the second walk runs instead.
    var keptLimit = 256
    var kept: [(piece: Int, chord: Double, t: Double)] = []
    /// Edges already refined.
    var refined: [Int] = []
}
