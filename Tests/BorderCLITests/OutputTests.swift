import Foundation
import Testing

/// `-o` and `--rejects` respect what is at the path, and every write is checked. Each test works
/// in its own temporary folder: never against a device of the machine.
@Suite struct OutputTests {
    let folder: URL
    init() throws { folder = try CLI.temporaryFolder() }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// The bundled incidents as CSV on standard output: what every file below must receive.
    static let expected = Shared<String> { try CLI.run(["distances", "--format", "csv"]).expecting(0).stdout }

    @Test func fifoGetsEveryByteAndStaysAFifo() throws {
        #expect(mkfifo(path("pipe"), 0o600) == 0)
        let result = try CLI.bash("cat pipe > received & '\(CLI.executable.path)' distances --format csv -o pipe; status=$?; wait; exit $status",
                                  in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOfFile: path("received"), encoding: .utf8) == Self.expected.get())
        var status = stat()
        #expect(lstat(path("pipe"), &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
    }

    @Test func symbolicLinkIsKeptAndItsTargetReplaced() throws {
        try "old".write(toFile: path("target.csv"), atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: path("link.csv"), withDestinationPath: "target.csv")
        let result = try CLI.run(["distances", "--format", "csv", "-o", path("link.csv")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: path("link.csv")) == "target.csv")
        #expect(try String(contentsOfFile: path("target.csv"), encoding: .utf8) == Self.expected.get())
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["link.csv", "target.csv"])
    }

    @Test func rejectsFollowLinksToo() throws {
        try FileManager.default.createSymbolicLink(atPath: path("rejects.csv"), withDestinationPath: "kept.csv")
        let result = try CLI.run(["distances", "-", "--format", "csv", "--rejects", path("rejects.csv")], stdin: "lat,lon\n95,61\n")
        #expect(result.status == 2)
        #expect(try String(contentsOfFile: path("kept.csv"), encoding: .utf8).hasPrefix("file,row,column,value,reason,lat,lon\n"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: path("rejects.csv")) == "kept.csv")
    }

    @Test func fullStandardOutputIsAnError() throws {
        let result = try CLI.bash("'\(CLI.executable.path)' distances --format csv > /dev/full")
        #expect(result.status == 1)
        #expect(result.stderr.contains("No space left on device"), "\(result.stderr)")
    }

    /// A character device made in the temporary folder (the kernel's "full" device, 1:7): written
    /// to, never renamed over. Needs root, as CI runs; skipped where mknod is not allowed.
    @Test func characterDeviceIsWrittenNotReplaced() throws {
        guard mknod(path("full"), S_IFCHR | 0o600, dev_t((1 << 8) | 7)) == 0 else {
            print("SKIPPED: mknod not permitted here")
            return
        }
        let result = try CLI.run(["distances", "--format", "csv", "-o", path("full")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("full: cannot write: No space left on device"), "\(result.stderr)")
        var status = stat()
        #expect(lstat(path("full"), &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["full"])
    }

    @Test func aFolderIsUnusableOutput() throws {
        try FileManager.default.createDirectory(atPath: path("folder"), withIntermediateDirectories: false)
        let result = try CLI.run(["distances", "--format", "csv", "-o", path("folder")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Is a directory"), "\(result.stderr)")
    }

    /// A write that fails half-way (here: over the file-size limit, with SIGXFSZ ignored so the
    /// write returns EFBIG) is exit 1 with the system's message, and the old file stays as it was.
    @Test func failedWriteRemovesThePartialFile() throws {
        try "keep me".write(toFile: path("out.csv"), atomically: false, encoding: .utf8)
        let rows = "lat,lon\n" + String(repeating: "28.9,61.5\n", count: 5_000)
        try rows.write(toFile: path("in.csv"), atomically: false, encoding: .utf8)
        let result = try CLI.bash("trap '' XFSZ; ulimit -f 64; '\(CLI.executable.path)' distances in.csv --format csv -o out.csv", in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("out.csv: cannot write: File too large"), "\(result.stderr)")
        #expect(try String(contentsOfFile: path("out.csv"), encoding: .utf8) == "keep me")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["in.csv", "out.csv"])
    }
}
