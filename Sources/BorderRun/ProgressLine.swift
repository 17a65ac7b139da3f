import BorderInput
import Foundation

/// A progress line on stderr for long runs, only when stderr is a terminal.
public final class ProgressLine {
    private let expectedBytes: Int
    private let start = Date()
    private var lastDraw = Date.distantPast

    /// Nil when stderr is not a terminal.
    public init?(expectedBytes: Int) {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        self.expectedBytes = expectedBytes
    }

    public func update(rows: Int, bytesSoFar: Int? = nil) {
        let now = Date()
        guard now.timeIntervalSince(lastDraw) > 0.2, now.timeIntervalSince(start) > 0.5 else { return }
        lastDraw = now
        let rate = Double(rows) / max(1e-9, now.timeIntervalSince(start))
        var line = "\r\(rows) rows, \(Int(rate)) rows/s"
        if let bytesSoFar, expectedBytes > 0 {
            let fraction = min(1, Double(bytesSoFar) / Double(expectedBytes))
            let filled = Int(fraction * 30)
            line = "\r[" + String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled)
                + "] \(Int(fraction * 100))% " + line.dropFirst()
        }
        FileHandle.standardError.write(Data(line.utf8))
    }

    public func finish() {
        guard lastDraw != .distantPast else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
