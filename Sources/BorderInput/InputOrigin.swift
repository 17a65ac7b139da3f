import BorderModel
import Foundation

/// Where input bytes come from: a file, standard input, a temporary copy of standard input, or
/// bytes in memory (tests, the fuzzer).
public enum InputOrigin: Sendable {
    case file(String)
    case standardInput
    /// Standard input (or a FIFO) copied to a file, named in messages as the input, for a reader
    /// that needs to read it twice.
    case copyOfStandardInput(TemporaryCopy)
    case bytes([UInt8], name: String)

    /// The name used in messages ("-" for standard input and its copy).
    public var name: String {
        switch self {
        case .file(let path): path
        case .standardInput: "-"
        case .copyOfStandardInput(let copy): copy.name
        case .bytes(_, let name): name
        }
    }

    var isStandardInput: Bool { if case .standardInput = self { true } else { false } }

    public init(path: String) { self = path == "-" ? .standardInput : .file(path) }

    /// A stream over the bytes; a file is checked first so the message says what is wrong.
    func openStream() throws -> InputStream {
        switch self {
        case .standardInput:
            guard let stream = InputStream(fileAtPath: "/dev/stdin") else { throw UnusableInput(file: name, reason: "cannot open") }
            return stream
        case .bytes(let bytes, _):
            return InputStream(data: Data(bytes))
        case .file(let path):
            try Self.checkReadable(path)
            guard let stream = InputStream(fileAtPath: path) else { throw UnusableInput(file: path, reason: "cannot open") }
            return stream
        case .copyOfStandardInput(let copy):
            guard let stream = InputStream(fileAtPath: copy.path) else { throw UnusableInput(file: name, reason: "cannot open its copy") }
            return stream
        }
    }

    /// All bytes at once (only to word the message for a JSON document that is not an object).
    func readAll() throws -> Data {
        switch self {
        case .bytes(let bytes, _): return Data(bytes)
        case .standardInput: return FileHandle.standardInput.readDataToEndOfFile()
        case .file(let path):
            try Self.checkReadable(path)
            do { return try fileContents(URL(fileURLWithPath: path)) } catch {
                throw UnusableInput(file: path, reason: "not readable")
            }
        case .copyOfStandardInput(let copy):
            do { return try fileContents(URL(fileURLWithPath: copy.path)) } catch {
                throw UnusableInput(file: name, reason: "cannot read its copy")
            }
        }
    }

    /// A file already unlinked (nothing is left behind, even if the run is interrupted), kept open
    /// and reopened by readers through /proc/self/fd; closed when the last reader lets go of it.
    public final class TemporaryCopy: @unchecked Sendable {     // the handle is only closed, in deinit
        let handle: UnsafeMutablePointer<FILE>
        /// The input's name in messages ("-", or the FIFO's path).
        public let name: String
        public var path: String { "/proc/self/fd/\(fileno(handle))" }
        init(handle: UnsafeMutablePointer<FILE>, name: String) { (self.handle, self.name) = (handle, name) }
        deinit { fclose(handle) }
    }

    /// Whether an open descriptor is a regular file (readable twice), not a pipe or a device.
    static func isRegularFile(_ descriptor: Int32) -> Bool {
        var status = stat()
        return fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }

    static func checkReadable(_ path: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw UnusableInput(file: path, reason: "no such file")
        }
        guard !isFolder.boolValue else { throw UnusableInput(file: path, reason: "is a folder, not a file") }
        guard FileManager.default.isReadableFile(atPath: path) else { throw UnusableInput(file: path, reason: "not readable") }
    }
}
