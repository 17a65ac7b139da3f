// Fuzz target over the input readers (CSV, ACLED, GTD, WKT, GeoJSON, DMS and date text) and the
// data and fence file readers (JSON, GeoJSON and CSV fences, map layers).
// Built only by scripts/fuzz (-sanitize=fuzzer -DFUZZING); a plain build gets a stub main.
import Foundation

/// Byte 0 picks the readers and their options (0x80: data and fence files), the rest is the file.
func fuzzReaders(_ data: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    guard count > 0 else { return 0 }
    let selector = data[0]
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: count - 1))
    if selector & 0x80 != 0 { fuzzDataFiles(selector: selector, bytes) } else { fuzzRecordSources(selector: selector, bytes) }
    return 0
}

#if FUZZING
import CFuzzDriver

/// libFuzzer's archive still references this symbol; the driver below calls `fuzzReaders` directly.
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    return fuzzReaders(data, size)
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzReaders(data!, size) })
#else
// Without libFuzzer: replay inputs (fuzz corpus files, or with --plain ordinary input files read
// with format detection), e.g. under valgrind. Fuzzing itself needs scripts/fuzz.
var arguments = Array(CommandLine.arguments.dropFirst())
let plain = arguments.first == "--plain"
if plain { arguments.removeFirst() }
guard !arguments.isEmpty else {
    FileHandle.standardError.write(Data("usage: FuzzReaders [--plain] FILE... (fuzzing: bash scripts/fuzz SECONDS)\n".utf8))
    exit(64)
}
for path in arguments {
    // FileHandle, not FileManager.contents: the latter leaks 4 KB on an empty file.
    guard let handle = FileHandle(forReadingAtPath: path), let data = try? handle.readToEnd() ?? Data() else { continue }
    try? handle.close()
    let bytes = (plain ? [0] : []) + [UInt8](data)
    _ = bytes.withUnsafeBufferPointer { fuzzReaders($0.baseAddress!, $0.count) }
}
print("replayed \(arguments.count) inputs")
#endif
