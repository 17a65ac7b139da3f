import Foundation
import Testing

/// Renders a local page in headless Chromium and reports what went wrong in it: console messages
/// (uncaught errors, console.error, warnings) and every resource the page loaded besides itself
/// (a file or a network request: a self-contained page loads none, so a missing one is caught too).
enum Chromium {
    static let executable = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    struct RenderedPage {
        var dom: String
        var consoleErrors: [String]
    }

    /// Requests Chromium makes for itself (updates, time, spelling), not for the page.
    static let ownHosts = ["google.com", "googleapis.com", "gvt1.com", "gstatic.com"]

    /// nil when Chromium is not installed (a failure in CI, which installs it). `fragment` (e.g.
    /// `#date=2019-12-31`) is given to the page in its address.
    static func render(_ file: URL, fragment: String = "", timeLimitSeconds: Double = 120) throws -> RenderedPage? {
        guard let executable else {
            CLI.toolMissing("chromium not found (Debian chromium); scripts/test installs it")
            return nil
        }
        let profile = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: profile) }
        // Verbose logging of the two loaders names each file and network request.
        let result = try CLI.tool(executable, ["--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
                                               "--disable-background-networking", "--enable-logging=stderr", "--v=0",
                                               "--vmodule=file_url_loader_factory=1,network_delegate=1",
                                               "--user-data-dir=\(profile.path)", "--dump-dom", file.absoluteString + fragment],
                                  timeLimitSeconds: timeLimitSeconds)
        guard result.status == 0 else { throw CommandFailed(description: "chromium exited \(result.status): \(result.stderr.suffix(2000))") }
        let page = file.absoluteString
        var errors: [String] = []
        var pageStarted = false
        for line in result.stderr.split(separator: "\n").map(String.init) {
            if line.contains(":CONSOLE") || line.contains("Uncaught") {
                errors.append(line)
            } else if let url = line.components(separatedBy: "FileURLLoader::Start: ").dropFirst().first {
                if url.split(separator: "#", maxSplits: 1).first.map(String.init) == page { pageStarted = true } else { errors.append("loaded \(url)") }
            } else if pageStarted, let url = line.components(separatedBy: "NotifyBeforeURLRequest: ").dropFirst().first,
                      !ownHosts.contains(where: { URL(string: url)?.host?.hasSuffix($0) == true }) {
                errors.append("requested \(url)")
            }
        }
        guard pageStarted else { throw CommandFailed(description: "chromium never loaded \(page): \(result.stderr.suffix(2000))") }
        return RenderedPage(dom: result.stdout, consoleErrors: errors)
    }
}

/// The console check can fail: each page below has one deliberate fault, and the check names it.
@Suite struct ChromiumCheckTests {
    static let faults: [(name: String, html: String, expected: String)] = [
        ("uncaught", "<script>undefinedFunction();</script>", "undefinedFunction is not defined"),
        ("console-error", "<script>console.error('deliberate console error');</script>", "deliberate console error"),
        ("missing-image", "<img src=\"missing-image.png\" alt=\"\">", "missing-image.png"),
        ("css-url", "<style>body{background:url(missing-background.png)}</style>", "missing-background.png"),
        ("network", "<img src=\"http://127.0.0.1:9/x.png\" alt=\"\">", "requested http://127.0.0.1:9/x.png"),
    ]

    static func page(_ body: String) -> String {
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>probe</title></head><body><p>probe page</p>\(body)</body></html>"
    }

    @Test(arguments: faults.indices) func aPageWithADeliberateFaultIsCaught(index: Int) throws {
        let fault = Self.faults[index]
        let file = try CLI.temporaryFolder().appendingPathComponent("\(fault.name).html")
        try Self.page(fault.html).write(to: file, atomically: true, encoding: .utf8)
        guard let page = try Chromium.render(file) else { return }
        #expect(page.consoleErrors.contains { $0.contains(fault.expected) }, "\(fault.name): \(page.consoleErrors)")
        #expect(page.dom.contains("probe page"))
    }

    @Test func aCleanPageHasNoErrors() throws {
        let file = try CLI.temporaryFolder().appendingPathComponent("clean.html")
        try Self.page("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>")
            .write(to: file, atomically: true, encoding: .utf8)
        guard let page = try Chromium.render(file) else { return }
        #expect(page.consoleErrors.isEmpty, "\(page.consoleErrors)")
        #expect(page.dom.contains("probe page") && page.dom.contains("</svg>"))
    }
}
