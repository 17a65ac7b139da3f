import BorderModel
import Foundation

/// Paths of the repository, found from this file, and the bundled data loaded once for all tests.
public enum Fixtures {
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    public static let data = repository.appendingPathComponent("data")

    nonisolated(unsafe) static var cachedAtlas: Atlas?
    static let lock = NSLock()

    /// The bundled data, loaded once for all tests.
    public static func atlas() throws -> Atlas {
        lock.lock(); defer { lock.unlock() }
        if let cachedAtlas { return cachedAtlas }
        let atlas = try Atlas.load(from: data, edgeCache: nil)
        cachedAtlas = atlas
        return atlas
    }

    nonisolated(unsafe) static var cachedBorder: Border?

    /// The bundled border alone.
    public static func border() throws -> Border {
        lock.lock(); defer { lock.unlock() }
        if let cachedBorder { return cachedBorder }
        let border = try Border.load(from: data.appendingPathComponent("border.geojson"), edgeCache: nil)
        cachedBorder = border
        return border
    }

    /// Rows of a small CSV without quoted fields, as dictionaries.
    public static func csv(_ url: URL) throws -> [[String: String]] {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        return lines.dropFirst().map { line in
            Dictionary(uniqueKeysWithValues: zip(header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
        }
    }
}
