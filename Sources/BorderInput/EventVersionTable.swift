/// The newest version of each event id, in about 40 bytes an id: the ids' bytes in one arena, an
/// entry (timestamp, row, where its id starts) per id, and an open-addressing table of entry
/// numbers found by a 64-bit hash of the id's bytes (the hash only picks where to look: ids are
/// compared byte for byte, so the table is exact). A `[String: …]` dictionary took about 90 bytes an
/// id and twice that while it grew.
struct EventVersionTable: Sendable {
    struct Entry: Sendable {
        var timestamp: Int64
        var row: Int32
        /// Where the id starts in `arena`; it ends where the next entry's starts.
        var start: UInt32
    }

    private var arena: [UInt8] = []
    private var entries: [Entry] = []
    /// Entry number + 1 for each slot (0: empty); the count is a power of two, at most half full.
    private var slots = [Int32](repeating: 0, count: 1024)

    var count: Int { entries.count }

    /// Keeps the version when it is the id's newest so far (ties: the later row, which comes later).
    mutating func keep<Bytes: Collection>(_ id: Bytes, timestamp: Int64, row: Int) where Bytes.Element == UInt8 {
        let hash = Self.hash(id)
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while slots[slot] != 0 {
            let number = Int(slots[slot] - 1)
            if matches(number, id) {
                if entries[number].timestamp <= timestamp { (entries[number].timestamp, entries[number].row) = (timestamp, Int32(row)) }
                return
            }
            slot = (slot + 1) & (slots.count - 1)
        }
        precondition(arena.count + id.count < Int(UInt32.max) && row < Int(Int32.max), "too many ACLED rows for the version table")
        entries.append(Entry(timestamp: timestamp, row: Int32(row), start: UInt32(arena.count)))
        arena.append(contentsOf: id)
        slots[slot] = Int32(entries.count)
        if entries.count * 2 > slots.count { grow() }
    }

    /// The row of the id's newest version; nil for an id never kept.
    func newestRow<Bytes: Collection>(_ id: Bytes) -> Int? where Bytes.Element == UInt8 {
        var slot = Int(truncatingIfNeeded: Self.hash(id)) & (slots.count - 1)
        while slots[slot] != 0 {
            let number = Int(slots[slot] - 1)
            if matches(number, id) { return Int(entries[number].row) }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    private func matches<Bytes: Collection>(_ number: Int, _ id: Bytes) -> Bool where Bytes.Element == UInt8 {
        let start = Int(entries[number].start)
        let end = number + 1 < entries.count ? Int(entries[number + 1].start) : arena.count
        return end - start == id.count && arena[start..<end].elementsEqual(id)
    }

    private mutating func grow() {
        var larger = [Int32](repeating: 0, count: slots.count * 2)
        for number in entries.indices {
            let start = Int(entries[number].start)
            let end = number + 1 < entries.count ? Int(entries[number + 1].start) : arena.count
            var slot = Int(truncatingIfNeeded: Self.hash(arena[start..<end])) & (larger.count - 1)
            while larger[slot] != 0 { slot = (slot + 1) & (larger.count - 1) }
            larger[slot] = Int32(number + 1)
        }
        slots = larger
    }

    /// FNV-1a over the bytes, then MurmurHash3's finaliser so every bit of the hash depends on every byte.
    static func hash<Bytes: Collection>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        h = h &* 0xc4ce_b9fe_1a85_ec53
        return h ^ (h >> 33)
    }
}
