@testable import BorderAnalysis
import BorderModel
import Foundation
import Testing

/// The distance bands kept between runs: the same bands to the bit from the cache, from a fresh
/// computation and with no cache; a damaged file ignored and written again; none written without
/// a cache folder (`BORDER_CACHE=off`).
@Suite struct BandCacheTests {
    static let atlas = Result { try Atlas.load(from: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("data"), edgeCache: nil) }

    func bands(cache: URL?, kilometres: [Double] = [10]) throws -> [UInt64] {
        let atlas = try Self.atlas.get()
        return DistanceBands.encode(try DistanceBands.build(border: atlas.border, countries: atlas.countries, kilometres: kilometres, cache: cache))
    }

    func cacheFiles(_ folder: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil).filter { $0.lastPathComponent.hasPrefix("bands-") }
    }

    @Test func cachedBandsAreTheComputedOnesToTheBit() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bands-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let computed = try bands(cache: nil)
        #expect(computed.count > 1_000)
        #expect(try bands(cache: folder) == computed)                  // computed and written
        let files = try cacheFiles(folder)
        #expect(files.count == 1)
        #expect(try bands(cache: folder) == computed)                  // read back

        // A damaged file is ignored, the bands computed again and the file written again.
        var data = try Data(contentsOf: files[0])
        data[data.count / 2] ^= 0x40
        try data.write(to: files[0])
        #expect(try bands(cache: folder) == computed)
        #expect(try Data(contentsOf: files[0]) != data)
        try Data(data.prefix(data.count - 8)).write(to: files[0])        // truncated
        #expect(try bands(cache: folder) == computed)

        // Other distances are another file.
        _ = try bands(cache: folder, kilometres: [5])
        #expect(try cacheFiles(folder).count == 2)
    }

    @Test func noCacheFolderWritesNothing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bands-\(UUID().uuidString)")
        _ = try bands(cache: nil, kilometres: [5])
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }
}
