import Foundation

/// Leaflet as Debian's `libjs-leaflet` installs it, made fit to inline in one offline page: the
/// source-map comment dropped (a browser would fetch the map) and the CSS's two images (the layer
/// control's icon) inlined as data URLs, the marker icon's removed (circle markers only). Read from
/// the system like GEOS and PROJ, so Debian's security updates reach it; its BSD-2-Clause notice
/// (from the package's copyright file) goes into the page with it.
public struct LeafletLibrary: Sendable {
    public var script: String
    public var style: String
    public var notice: String

    public static let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["BORDER_LEAFLET"] ?? "/usr/share/javascript/leaflet")
    static let copyright = URL(fileURLWithPath: "/usr/share/doc/libjs-leaflet/copyright")

    public static func load(from folder: URL = folder) throws -> LeafletLibrary {
        func read(_ name: String) throws -> String {
            let url = folder.appendingPathComponent(name)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw MissingLeaflet(path: url.path)
            }
            return text
        }
        let script = try read("leaflet.min.js").split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("//# sourceMappingURL=") }.joined(separator: "\n")
        var style = try read("leaflet.css").split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("/*# sourceMappingURL=") }.joined(separator: "\n")
        for image in ["layers.png", "layers-2x.png"] {
            let data = try Data(contentsOf: folder.appendingPathComponent("images/\(image)"))
            style = style.replacingOccurrences(of: "url(images/\(image))", with: "url(data:image/png;base64,\(data.base64EncodedString()))")
        }
        style = style.replacingOccurrences(of: "url(images/marker-icon.png)", with: "none")
        guard !script.contains("</script"), !style.contains("</style"), !style.contains("url(images/") else {
            throw MissingLeaflet(path: folder.path, reason: "unexpected content: cannot be inlined safely")
        }
        return LeafletLibrary(script: script, style: style, notice: notice())
    }

    /// The copyright and licence of Leaflet's own files, as the Debian copyright file gives them.
    static func notice() -> String {
        let fallback = "Leaflet, (c) 2010-2019 Vladimir Agafonkin, (c) 2010-2011 CloudMade. BSD-2-Clause licence: see https://github.com/Leaflet/Leaflet/blob/main/LICENSE"
        guard let text = try? String(contentsOf: copyright, encoding: .utf8) else { return fallback }
        let paragraphs = text.components(separatedBy: "\n\n")
        guard let files = paragraphs.first(where: { $0.hasPrefix("Files: *") }),
              let licence = paragraphs.last(where: { $0.hasPrefix("License: BSD-2-clause") }) else { return fallback }
        let body = (files + "\n\n" + licence).split(separator: "\n").map { $0 == " ." ? "" : String($0) }.joined(separator: "\n")
        return "Leaflet (Debian libjs-leaflet), https://github.com/Leaflet/Leaflet\n" + body.replacingOccurrences(of: "*/", with: "* /")
    }

    public struct MissingLeaflet: Error, CustomStringConvertible {
        var path: String
        var reason = "missing: apt-get install libjs-leaflet (scripts/border and scripts/test install it)"
        public var description: String { "\(path): \(reason)" }
    }
}
