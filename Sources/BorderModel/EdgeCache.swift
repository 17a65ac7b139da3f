import Foundation
import Geodesy

/// Keeps a border's edge solutions between runs, so loading the 16,865-vertex border does not
/// solve its 16,864 geodesics every time (they are half the time to the first output row).
///
/// One file per line, named by `EdgeSolution.key` (the vertices, the ellipsoid, PROJ's geodesic
/// version) and holding that key again, the count, the solutions and a checksum. Anything that
/// does not match is ignored and the edges are solved again; a file is written atomically (a
/// temporary file renamed into place), and a cache that cannot be read or written changes nothing
/// but the speed. `BORDER_CACHE=off` turns it off; `BORDER_CACHE=DIR` moves it (default
/// `$XDG_CACHE_HOME/border`, else `~/.cache/border`).
public enum EdgeCache {
    static let magic: UInt64 = 0x3145_4744_4552_4442          // "BDREDGE1", little-endian

    /// The folder the environment chooses (nil: `BORDER_CACHE=off`, or no home folder).
    public static var directory: URL? {
        let environment = ProcessInfo.processInfo.environment
        if let chosen = environment["BORDER_CACHE"] {
            return chosen.isEmpty || chosen == "off" ? nil : URL(fileURLWithPath: chosen)
        }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return URL(fileURLWithPath: xdg).appendingPathComponent("border") }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/border")
    }

    static func file(_ key: UInt64, in directory: URL) -> URL {
        directory.appendingPathComponent("edges-\(String(key, radix: 16)).bin")
    }

    /// The solutions stored under `key`, or nil when there is no intact file for exactly `count` edges.
    static func load(key: UInt64, count: Int, from directory: URL? = directory) -> [EdgeSolution]? {
        guard let directory, let data = FileManager.default.contents(atPath: file(key, in: directory).path) else { return nil }
        let words = 3 + 3 * count + 1
        guard data.count == 8 * words else { return nil }
        return data.withUnsafeBytes { raw -> [EdgeSolution]? in
            let word = { (i: Int) in UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self)) }
            guard word(0) == magic, word(1) == key, word(2) == UInt64(count) else { return nil }
            let payload = (3..<(words - 1)).map(word)
            guard checksum(payload) == word(words - 1) else { return nil }
            return (0..<count).map {
                EdgeSolution(length: Double(bitPattern: payload[3 * $0]), startAzimuth: Double(bitPattern: payload[3 * $0 + 1]),
                             endAzimuth: Double(bitPattern: payload[3 * $0 + 2]))
            }
        }
    }

    /// Stores the solutions under `key`; failures are ignored (the cache only saves time).
    static func save(_ edges: [EdgeSolution], key: UInt64, to directory: URL? = directory) {
        guard let directory else { return }
        let payload = edges.flatMap { [$0.length.bitPattern, $0.startAzimuth.bitPattern, $0.endAzimuth.bitPattern] }
        let words = [magic, key, UInt64(edges.count)] + payload + [checksum(payload)]
        let data = words.map(\.littleEndian).withUnsafeBytes { Data($0) }
        let target = file(key, in: directory)
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try data.write(to: temporary)
            guard rename(temporary.path, target.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
        }
    }

    static func checksum(_ words: [UInt64]) -> UInt64 {
        words.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ $1) &* 0x0000_0100_0000_01b3 }
    }
}
