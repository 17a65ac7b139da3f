import Foundation

/// Finds the bundled `data/` folder: `$BORDER_DATA`, then `data/` beside or above the executable
/// (a build in `.build/<config>/`), then the source checkout this file was compiled from.
public enum DataDirectory {
    public static func locate(executable: String = CommandLine.arguments.first ?? "") -> URL? {
        let fileManager = FileManager.default
        func hasBorder(_ url: URL) -> Bool { fileManager.fileExists(atPath: url.appendingPathComponent("border.geojson").path) }
        if let override = ProcessInfo.processInfo.environment["BORDER_DATA"] {
            return URL(fileURLWithPath: override)
        }
        var candidates: [URL] = []
        if !executable.isEmpty {
            var folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
            for _ in 0..<5 {
                candidates.append(folder.appendingPathComponent("data"))
                candidates.append(folder.appendingPathComponent("share/border/data"))
                folder.deleteLastPathComponent()
            }
        }
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("data")
        candidates.append(checkout)
        return candidates.first(where: hasBorder)
    }
}
