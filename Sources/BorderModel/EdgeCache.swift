import Foundation
import Geodesy

/// Keeps a border's edge solutions between runs, so loading the 16,865-vertex border does not
/// solve its 16,864 geodesics every time (they are half the time to the first output row).
///
/// One `CacheFile` per line, named by `EdgeSolution.key` (the vertices, the ellipsoid, PROJ's
/// geodesic version); anything that does not match is ignored and the edges are solved again.
/// `BORDER_CACHE=off` turns the cache off; `BORDER_CACHE=DIR` moves it (default
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

    static func file(_ key: UInt64, in directory: URL) -> URL { CacheFile.url(name(key), in: directory) }
    static func name(_ key: UInt64) -> String { "edges-\(String(key, radix: 16)).bin" }

    /// The solutions stored under `key`, or nil when there is no intact file for exactly `count` edges.
    static func load(key: UInt64, count: Int, from directory: URL? = directory) -> [EdgeSolution]? {
        guard let payload = CacheFile.load(name(key), magic: magic, key: key, from: directory), payload.count == 3 * count else { return nil }
        return (0..<count).map {
            EdgeSolution(length: Double(bitPattern: payload[3 * $0]), startAzimuth: Double(bitPattern: payload[3 * $0 + 1]),
                         endAzimuth: Double(bitPattern: payload[3 * $0 + 2]))
        }
    }

    /// Stores the solutions under `key`; failures are ignored (the cache only saves time).
    static func save(_ edges: [EdgeSolution], key: UInt64, to directory: URL? = directory) {
        CacheFile.save(edges.flatMap { [$0.length.bitPattern, $0.startAzimuth.bitPattern, $0.endAzimuth.bitPattern] },
                       name: name(key), magic: magic, key: key, to: directory)
    }
}
