import Foundation
import Testing

/// The edge cache end to end: `border distances` on the 10,000-point sample writes the same bytes with
/// the cache off, filling a new cache folder and reading it back; a damaged cache file is ignored and
/// written again intact. Every run names its own folder (`BORDER_CACHE`), never `$HOME/.cache`.
@Suite struct EdgeCacheCLITests {
    /// Standard output with the cache off: what every other run must print.
    static let uncached = Shared { try distances(cache: "off") }

    /// Runs in a new empty folder that is also its home and holds its XDG cache folder, so whatever
    /// the cache setting does, nothing lands in the user's home; returns standard output and that folder.
    static func distances(cache: String) throws -> (stdout: String, scratch: URL) {
        let scratch = try CLI.temporaryFolder()
        let result = try CLI.run(["distances", OracleTests.samplePoints.path, "--format", "csv"], in: scratch,
                                 environment: ["BORDER_CACHE": cache, "HOME": scratch.path,
                                               "XDG_CACHE_HOME": scratch.appendingPathComponent("xdg").path])
        return (try result.expecting().stdout, scratch)
    }

    static func contents(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path)
    }

    /// The one file a run left in `folder` (no stray temporary file beside it).
    static func cacheFile(in folder: URL) throws -> URL {
        let names = try contents(folder)
        try #require(names.count == 1 && names[0].hasPrefix("edges-") && names[0].hasSuffix(".bin"), "cache folder holds \(names)")
        return folder.appendingPathComponent(names[0])
    }

    static func inode(_ file: URL) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] as? Int
    }

    @Test func offFreshAndWarmCachePrintTheSameBytes() throws {
        // Off means off: nothing is written, not in the working folder (a folder named "off"), the home or XDG folder.
        let (off, offScratch) = try Self.uncached.get()
        #expect(try Self.contents(offScratch) == [])
        #expect(off.split(separator: "\n").count == 10_001)

        let folder = try CLI.temporaryFolder().appendingPathComponent("not-yet-made")
        let fresh = try Self.distances(cache: folder.path)
        #expect(fresh.stdout == off)
        #expect(try Self.contents(fresh.scratch) == [])                  // the file went to the folder named, only
        let file = try Self.cacheFile(in: folder)
        let written = try Data(contentsOf: file), writtenInode = try Self.inode(file)
        #expect(written.count == 8 * (3 + 3 * 16_864 + 1))               // magic, key, count, 16,864 edges, checksum

        #expect(try Self.distances(cache: folder.path).stdout == off)
        // The warm run read the file instead of solving the edges and saving them again (a new file, a new inode).
        #expect(try Self.inode(Self.cacheFile(in: folder)) == writtenInode)
        #expect(try Data(contentsOf: file) == written)
    }

    /// A damaged file is ignored: the output does not change, and the file is replaced by an intact one.
    /// The flipped bit is the lowest exponent bit of the first edge's length, which halves or doubles it:
    /// were the file trusted, every chainage beyond that 365 m edge would move by 180 m or more and the output would differ.
    @Test(arguments: ["flipped bit", "truncated"])
    func damagedCacheFileIsIgnoredAndRewritten(damage: String) throws {
        let folder = try CLI.temporaryFolder()
        let off = try Self.uncached.get().stdout
        #expect(try Self.distances(cache: folder.path).stdout == off)
        let file = try Self.cacheFile(in: folder)
        let intact = try Data(contentsOf: file)
        var damaged = intact
        switch damage {
        case "flipped bit": damaged[8 * 3 + 6] ^= 0x10                  // word 3 (first length), bit 52
        default: damaged = damaged.prefix(intact.count / 2)
        }
        try damaged.write(to: file)
        #expect(try Self.distances(cache: folder.path).stdout == off)
        #expect(try Data(contentsOf: Self.cacheFile(in: folder)) == intact)
    }
}
