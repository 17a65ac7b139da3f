import Foundation

/// A buffered byte sink over standard output or a file written atomically: the data goes to a
/// temporary file beside the target, which replaces the target only on `commit()`.
public final class Output {
    private let handle: UnsafeMutablePointer<FILE>
    private let temporaryPath: String?
    private let finalPath: String?
    private var buffer: [UInt8] = []
    private var committed = false

    /// Standard output.
    public init() {
        handle = fdopen(STDOUT_FILENO, "w")
        temporaryPath = nil
        finalPath = nil
        buffer.reserveCapacity(1 << 16)
    }

    /// A file at `path`, created atomically. An existing file stays untouched until `commit()`.
    public init(path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temporary = "\(folder)/.\(url.lastPathComponent).\(getpid()).partial"
        guard let handle = fopen(temporary, "wb") else {
            throw UnusableInput(file: path, reason: "cannot write: \(String(cString: strerror(errno)))")
        }
        self.handle = handle
        temporaryPath = temporary
        finalPath = path
        Output.pending.insert(temporary)
        buffer.reserveCapacity(1 << 16)
    }

    deinit {
        if !committed, let temporaryPath {
            fclose(handle)
            unlink(temporaryPath)
            Output.pending.remove(temporaryPath)
        }
    }

    public var isTerminal: Bool { temporaryPath == nil && isatty(STDOUT_FILENO) == 1 }

    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    public func write(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        let written = buffer.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, handle) }
        buffer.removeAll(keepingCapacity: true)
        if written == 0 && temporaryPath == nil { exit(0) }   // reader went away (e.g. `| head`)
        fflush(handle)
    }

    /// Finishes the output: for a file, flushes, syncs and renames it over the target.
    public func commit() throws {
        flush()
        guard let temporaryPath, let finalPath else { return }
        let failed = ferror(handle) != 0
        fsync(fileno(handle))
        fclose(handle)
        committed = true
        Output.pending.remove(temporaryPath)
        guard !failed, rename(temporaryPath, finalPath) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw UnusableInput(file: finalPath, reason: "cannot write: \(reason)")
        }
    }

    /// Temporary files not yet committed; removed if the process is interrupted.
    nonisolated(unsafe) static var pending = Set<String>()

    /// On SIGINT or SIGTERM, removes unfinished outputs and exits (130 or 143).
    public static func removePartialFilesOnInterrupt() {
        // A parent may start us with these blocked (a test runner's worker thread does);
        // Ctrl-C must still clean up.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signalNumber in [SIGINT, SIGTERM] { sigaddset(&unblock, signalNumber) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber) { number in
                for path in Output.pending { unlink(path) }
                _exit(128 + number)
            }
        }
    }
}
