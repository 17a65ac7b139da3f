import Foundation
import Testing

/// Runs the built `border` executable (or another tool) as a separate process, with a time limit,
/// and never against the user's own edge cache.
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

    /// One edge-cache folder for this test run, so no test reads or writes `$HOME/.cache/border`.
    static let cacheFolder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("border-test-cache-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// A process that runs longer than this is killed and the test fails (a hang must not stall CI).
    static let defaultTimeLimitSeconds: Double = 300

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    struct TimedOut: Error, CustomStringConvertible {
        var command: String
        var seconds: Double
        var description: String { "\(command) was killed after \(seconds) s" }
    }

    /// Runs `border` with `arguments`; `environment` adds to (or, with `BORDER_CACHE`, overrides) the test run's.
    static func run(_ arguments: [String], stdin: String? = nil, in folder: URL? = nil,
                    environment: [String: String] = [:], timeLimitSeconds: Double = defaultTimeLimitSeconds) throws -> Result {
        try run(arguments, stdinBytes: stdin.map { Array($0.utf8) }, in: folder, environment: environment,
                timeLimitSeconds: timeLimitSeconds)
    }

    /// Runs with raw bytes on standard input (they may be invalid UTF-8).
    static func run(_ arguments: [String], stdinBytes: [UInt8]?, in folder: URL? = nil,
                    environment: [String: String] = [:], timeLimitSeconds: Double = defaultTimeLimitSeconds) throws -> Result {
        try tool(executable.path, arguments, stdinBytes: stdinBytes, in: folder ?? repository,
                 environment: environment, timeLimitSeconds: timeLimitSeconds)
    }

    /// Runs a bash script (pipefail on, so a pipeline's status is its first failure's).
    static func bash(_ script: String, in folder: URL? = nil, environment: [String: String] = [:],
                     timeLimitSeconds: Double = defaultTimeLimitSeconds) throws -> Result {
        try tool("/bin/bash", ["-o", "pipefail", "-c", script], stdinBytes: nil, in: folder ?? repository,
                 environment: environment, timeLimitSeconds: timeLimitSeconds)
    }

    /// Runs any program; both output pipes are read while it runs, so neither can fill and block it.
    static func tool(_ path: String, _ arguments: [String], stdinBytes: [UInt8]? = nil, in folder: URL? = nil,
                     environment: [String: String] = [:], timeLimitSeconds: Double = defaultTimeLimitSeconds) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = folder ?? repository
        process.environment = ProcessInfo.processInfo.environment
            .merging(["BORDER_CACHE": cacheFolder.path]) { $1 }.merging(environment) { $1 }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        // Foundation starts the child as the leader of its own process group: a time-out kills the
        // whole group, since a pipeline's other end would otherwise hold the output pipes open.
        let killer = DispatchWorkItem { kill(-process.processIdentifier, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeLimitSeconds, execute: killer)
        // Feed stdin from another thread: a child that fills its stdout pipe before reading all
        // of its input would otherwise wait for us while we wait for it.
        let writer = input.fileHandleForWriting
        Thread {
            if let stdinBytes { writer.write(Data(stdinBytes)) }
            try? writer.close()
        }.start()
        nonisolated(unsafe) var errData = Data()
        let errorRead = DispatchGroup()
        errorRead.enter()
        Thread {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            errorRead.leave()
        }.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        errorRead.wait()
        process.waitUntilExit()
        killer.cancel()
        if process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL {
            throw TimedOut(command: ([path] + arguments).joined(separator: " "), seconds: timeLimitSeconds)
        }
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A reference script can't run here: python3 has no geographiclib.
    struct ReferenceUnavailable: Error, CustomStringConvertible {
        var description = "python3 has no geographiclib (pip install geographiclib); scripts/test installs it"
    }

    /// Runs `scripts/reference/NAME` (standard library + geographiclib, nothing from the program) and
    /// returns its standard output; throws `ReferenceUnavailable` where geographiclib is missing.
    static func referenceScript(_ name: String, _ arguments: [String], stdin: String? = nil,
                                timeLimitSeconds: Double = defaultTimeLimitSeconds) throws -> String {
        let script = repository.appendingPathComponent("scripts/reference/\(name)").path
        let result = try tool("/usr/bin/env", ["python3", script] + arguments, stdinBytes: stdin.map { Array($0.utf8) },
                              timeLimitSeconds: timeLimitSeconds)
        if result.status != 0, result.stderr.contains("No module named 'geographiclib'") { throw ReferenceUnavailable() }
        if result.status != 0, result.stderr.contains("No module named 'scipy'") {
            throw ReferenceUnavailable(description: "python3 has no scipy (pip install scipy); scripts/test installs it")
        }
        guard result.status == 0 else { throw CommandFailed(description: "\(name) \(arguments): \(result.stderr)") }
        return result.stdout
    }

    /// Records a skip (or, in CI, a failure) when a reference script cannot run here; rethrows anything else.
    static func whereReferenceRuns<T>(_ make: () throws -> T) throws -> T? {
        do { return try make() } catch let error as ReferenceUnavailable {
            toolMissing(error.description)
            return nil
        }
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

/// A value made on first use and shared by a suite's tests. An error in making it fails each test
/// that asks for it, instead of crashing the whole run as a `try!` in a static would.
final class Shared<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: Result<Value, Error>?
    private let make: @Sendable () throws -> Value

    init(_ make: @escaping @Sendable () throws -> Value) { self.make = make }

    func get() throws -> Value {
        lock.lock()
        defer { lock.unlock() }
        if made == nil { made = Result(catching: make) }
        return try made!.get()
    }
}

struct CommandFailed: Error, CustomStringConvertible {
    var description: String
}

extension CLI.Result {
    /// Self, or a thrown error naming the status and stderr when the status is not `expected`.
    func expecting(_ expected: Int32 = 0) throws -> CLI.Result {
        guard status == expected else { throw CommandFailed(description: "status \(status), expected \(expected): \(stderr)") }
        return self
    }
}
