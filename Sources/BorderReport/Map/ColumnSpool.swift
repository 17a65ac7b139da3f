import BorderOutput
import Foundation

/// The map's incident columns, spooled to one temporary file each as the row loop delivers blocks,
/// so the page is written without holding every row in memory. The folder is removed when done.
public final class ColumnSpool {
    public let names: [String]
    /// The computed columns among them (the popup lists these first).
    public let computed: [String]
    private let folder: URL
    private var files: [FileHandle] = []
    public private(set) var count = 0
    private var failure: Error?

    public init(names: [String], computed: [String]) throws {
        (self.names, self.computed) = (names, computed)
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("border-map-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for index in names.indices {
            let url = file(index)
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw UnusableSpool(reason: "cannot create \(url.path)")
            }
            files.append(try FileHandle(forWritingTo: url))
        }
    }

    deinit {
        files.forEach { try? $0.close() }
        try? FileManager.default.removeItem(at: folder)
    }

    private func file(_ index: Int) -> URL { folder.appendingPathComponent("\(index).json") }

    /// Appends a block's values after those already spooled; false once a write has failed (the
    /// error is thrown by `write(to:)`).
    public func append(_ block: ColumnarBlock) -> Bool {
        guard failure == nil, block.count > 0 else { return failure == nil }
        do {
            for (index, bytes) in block.columns.enumerated() {
                if count > 0 { try files[index].write(contentsOf: [0x2C]) }
                try files[index].write(contentsOf: bytes)
            }
            count += block.count
        } catch {
            failure = error
        }
        return failure == nil
    }

    /// `{"count":N,"names":[…],"columns":[[…],…]}`, each column copied from its file in chunks.
    public func write(to output: Output) throws {
        try write { output.write(bytes: $0) }
    }

    /// The same JSON, handed to `sink` in pieces.
    public func write(_ sink: ([UInt8]) -> Void) throws {
        if let failure { throw failure }
        var opening: [UInt8] = Array("{\"count\":\(count),\"names\":[".utf8)
        for (n, name) in names.enumerated() {
            if n > 0 { opening.append(0x2C) }
            opening.appendSafeJSONString(name)
        }
        opening += Array("],\"computed\":[".utf8)
        for (n, name) in computed.enumerated() {
            if n > 0 { opening.append(0x2C) }
            opening.appendSafeJSONString(name)
        }
        sink(opening + Array("],\"columns\":[".utf8))
        for index in names.indices {
            sink(Array((index == 0 ? "[" : ",[").utf8))
            let reader = try FileHandle(forReadingFrom: file(index))
            defer { try? reader.close() }
            while let chunk = try reader.read(upToCount: 1 << 20), !chunk.isEmpty { sink([UInt8](chunk)) }
            sink([0x5D])
        }
        sink(Array("]}".utf8))
    }

    struct UnusableSpool: Error, CustomStringConvertible {
        var reason: String
        var description: String { "map: \(reason)" }
    }
}
