import Foundation
import Testing

/// Runs the built `border` executable as a separate process.
enum CLI {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The `border` binary beside the test bundle (SwiftPM builds both into the same folder).
    static var executable: URL {
        let candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
                          Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
            .map { $0.appendingPathComponent("border") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
            ?? repository.appendingPathComponent(".build/debug/border")
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], stdin: String? = nil, in folder: URL? = nil) throws -> Result {
        try run(arguments, stdinBytes: stdin.map { Array($0.utf8) }, in: folder)
    }

    /// Runs with raw bytes on standard input (they may be invalid UTF-8).
    static func run(_ arguments: [String], stdinBytes: [UInt8]?, in folder: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder ?? repository
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        // Feed stdin from another thread: a child that fills its stdout pipe before reading all
        // of its input would otherwise wait for us while we wait for it.
        let writer = input.fileHandleForWriting
        let feeder = Thread {
            if let stdinBytes { writer.write(Data(stdinBytes)) }
            try? writer.close()
        }
        feeder.start()
        // Read both pipes before waiting, so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("border-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// An external checker (ogrinfo, chromium) is missing: a failure in CI, which installs them
    /// (`scripts/test`), a visible skip elsewhere.
    static func toolMissing(_ message: String) {
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            Issue.record(Comment(rawValue: message))
        } else {
            print("SKIPPED: " + message)
        }
    }
}
