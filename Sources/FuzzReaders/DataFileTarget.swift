import BorderInput
import BorderModel
import BorderOutput
import Foundation

/// The readers of data and fence files (`--data` folders, `coverage --fence`): bits 0–1 of the
/// selector pick the JSON parser, a GeoJSON fence, a CSV fence or the map layer reader. Failures
/// must be the readers' own errors, and what they accept must be usable.
func fuzzDataFiles(selector: UInt8, _ bytes: [UInt8]) {
    do {
        switch selector & 3 {
        case 0:
            _ = try JSONValue.parse(Data(bytes))
        case 1:
            expectUsable(try Fence.load(from: DataFiles.write(bytes, as: "fence.geojson"), border: DataFiles.border))
        case 2:
            expectUsable(try Fence.load(from: DataFiles.write(bytes, as: "fence.csv"), border: DataFiles.border))
        default:
            _ = try MapFeatureReader.read(DataFiles.write(bytes, as: "layer.geojson"))
        }
    } catch is JSONSyntaxError, is ModelError, is UnusableInput {
    } catch {
        fatalError("unexpected error type: \(error)")
    }
}

/// Every accepted segment is a line of at least two valid positions.
private func expectUsable(_ fence: Fence) {
    for segment in fence.segments {
        precondition(segment.geometry.count >= 2, "segment \(segment.id) has \(segment.geometry.count) positions")
        precondition(segment.geometry.allSatisfy(\.isValid), "segment \(segment.id) has an invalid position")
    }
}

/// The readers take files: each input is written to one scratch folder (under $TMPDIR) per process.
enum DataFiles {
    static let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-readers-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// The repository's border, which CSV fences are laid on (edges solved once, not cached).
    static let border: Border = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("data/border.geojson")
        do { return try Border.load(from: url, edgeCache: nil) } catch { fatalError("cannot load the border: \(error)") }
    }()

    static func write(_ bytes: [UInt8], as name: String) -> URL {
        let url = folder.appendingPathComponent(name)
        do { try Data(bytes).write(to: url) } catch { fatalError("cannot write \(url.path): \(error)") }
        return url
    }
}
