import Foundation

/// One file of the result cache (edge solutions, distance bands): 64-bit words — a magic number
/// naming the kind, the key of what was computed, the payload's length, the payload and a
/// checksum. A file that does not match in every respect is ignored (the caller computes again);
/// a file is written atomically (a temporary file renamed into place); a cache that cannot be
/// read or written changes nothing but the speed. The folder is `EdgeCache.directory`.
public enum CacheFile {
    public static func url(_ name: String, in directory: URL) -> URL { directory.appendingPathComponent(name) }

    /// The payload stored in `name` under `magic` and `key`, or nil when there is no intact file.
    public static func load(_ name: String, magic: UInt64, key: UInt64, from directory: URL?) -> [UInt64]? {
        guard let directory, let data = FileManager.default.contents(atPath: url(name, in: directory).path),
              data.count >= 32, data.count % 8 == 0 else { return nil }
        return data.withUnsafeBytes { raw -> [UInt64]? in
            let words = data.count / 8
            let word = { (i: Int) in UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self)) }
            guard word(0) == magic, word(1) == key, word(2) == UInt64(words - 4) else { return nil }
            let payload = (3..<(words - 1)).map(word)
            return checksum(payload) == word(words - 1) ? payload : nil
        }
    }

    /// Stores `payload` in `name`; failures are ignored (the cache only saves time).
    public static func save(_ payload: [UInt64], name: String, magic: UInt64, key: UInt64, to directory: URL?) {
        guard let directory else { return }
        let words = [magic, key, UInt64(payload.count)] + payload + [checksum(payload)]
        let data = words.map(\.littleEndian).withUnsafeBytes { Data($0) }
        let target = url(name, in: directory)
        let temporary = directory.appendingPathComponent(".\(name).\(UUID().uuidString).tmp")
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
