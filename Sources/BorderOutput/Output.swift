import BorderInput
import CSystem
import Foundation

/// A buffered byte sink over standard output or `-o PATH`, where every write is checked.
///
/// What `PATH` is decides how it is written:
/// - a regular file, or nothing yet: atomically — a temporary file beside it replaces it only on
///   `commit()`, so an existing file stays untouched until the output is complete;
/// - a symbolic link: followed, and its final target written as above (the link stays a link);
/// - a FIFO, character device or socket: opened and written directly, never renamed over
///   (atomicity cannot apply to a stream).
///
/// The first failed write is kept and every later write dropped; `commit()` throws it:
/// `ReaderWentAway` for EPIPE (the reader closed the pipe, e.g. `| head`), `UnusableInput` with the
/// system's message for anything else. Row loops check `hasFailed` to stop early.
public final class Output {
    private let descriptor: Int32
    private let target: Target
    private var buffer: [UInt8] = []
    private var failure: Int32?
    private var finished = false

    private enum Target {
        case standardOutput
        case stream(path: String)
        case atomic(temporary: String, final: String, slot: Int32)
    }

    /// Standard output.
    public init() {
        descriptor = STDOUT_FILENO
        target = .standardOutput
        buffer.reserveCapacity(1 << 16)
    }

    /// `-o PATH` (or `--rejects PATH`); see the type's comment for what each kind of file gets.
    public init(path: String) throws {
        let final = try Self.resolvingLinks(path)
        var status = stat()
        if stat(final, &status) == 0 && status.st_mode & S_IFMT != S_IFREG {
            guard status.st_mode & S_IFMT != S_IFDIR else { throw UnusableInput(file: path, reason: "cannot write: Is a directory") }
            descriptor = open(final, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw UnusableInput(file: path, reason: "cannot write: \(Self.message(errno))") }
            target = .stream(path: path)
        } else {
            let url = URL(fileURLWithPath: final)
            let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).partial").path
            let slot = border_register_partial_file(temporary)
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)   // less the umask, as any new file
            guard descriptor >= 0 else {
                let reason = Self.message(errno)
                border_unregister_partial_file(slot)
                throw UnusableInput(file: path, reason: "cannot write: \(reason)")
            }
            target = .atomic(temporary: temporary, final: final, slot: slot)
        }
        buffer.reserveCapacity(1 << 16)
    }

    deinit {
        if !finished { abandon() }
    }

    public var isTerminal: Bool {
        if case .standardOutput = target { return isatty(STDOUT_FILENO) == 1 }
        return false
    }

    /// True once a write has failed: the rest of the output is dropped, so stop producing it.
    public var hasFailed: Bool { failure != nil }

    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    public func write(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes out the buffer, retrying short writes and interrupted calls.
    public func flush() {
        defer { buffer.removeAll(keepingCapacity: true) }
        guard failure == nil else { return }
        buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let count = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if count > 0 {
                    offset += count
                } else if count < 0 && errno == EINTR {
                    continue
                } else {
                    failure = count < 0 ? errno : EIO
                    return
                }
            }
        }
    }

    /// Finishes the output; for an atomic file, syncs it and renames it over the target.
    /// Throws the first write error (the partial file is removed).
    public func commit() throws {
        flush()
        finished = true
        switch target {
        case .standardOutput:
            if let failure { throw error(failure, file: "standard output") }
        case .stream(let path):
            if close(descriptor) != 0 && failure == nil { failure = errno }
            if let failure { throw error(failure, file: path) }
        case .atomic(let temporary, let final, let slot):
            defer { border_unregister_partial_file(slot) }
            if failure == nil && fsync(descriptor) != 0 { failure = errno }
            if close(descriptor) != 0 && failure == nil { failure = errno }
            if failure == nil && rename(temporary, final) != 0 { failure = errno }
            if let failure {
                unlink(temporary)
                throw error(failure, file: final)
            }
        }
    }

    /// Drops an unfinished output: its temporary file is removed, the target left as it was.
    private func abandon() {
        finished = true
        switch target {
        case .standardOutput: break
        case .stream: close(descriptor)
        case .atomic(let temporary, _, let slot):
            close(descriptor)
            unlink(temporary)
            border_unregister_partial_file(slot)
        }
    }

    private func error(_ number: Int32, file: String) -> Error {
        number == EPIPE ? ReaderWentAway() : UnusableInput(file: file, reason: "cannot write: \(Self.message(number))")
    }

    private static func message(_ number: Int32) -> String { String(cString: strerror(number)) }

    /// The file a path finally names, following symbolic links (even one whose target does not
    /// exist yet, which is then created).
    static func resolvingLinks(_ path: String) throws -> String {
        var current = path
        for _ in 0..<40 {
            var status = stat()
            guard lstat(current, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return current }
            var bytes = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &bytes, bytes.count - 1)
            guard count >= 0 else { throw UnusableInput(file: path, reason: "cannot write: \(message(errno))") }
            let link = String(decoding: bytes[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link : URL(fileURLWithPath: current).deletingLastPathComponent().appendingPathComponent(link).path
        }
        throw UnusableInput(file: path, reason: "cannot write: \(message(ELOOP))")
    }

    /// On SIGINT or SIGTERM, removes unfinished outputs and exits (130 or 143); a closed pipe on
    /// standard output becomes an EPIPE write error instead of a fatal SIGPIPE.
    public static func installSignalHandlers() {
        border_install_signal_handlers()
    }
}

/// The reader of standard output (or of a FIFO) closed it: not an error, the run just ends.
public struct ReaderWentAway: Error, Sendable {}
