// Fuzz target over the input readers (CSV, ACLED, GTD, WKT, GeoJSON, DMS and date text).
// Built only by scripts/fuzz (-sanitize=fuzzer -DFUZZING); a plain build gets a stub main.
import BorderFormats
import Foundation

/// Byte 0 picks the format and options, the rest is the file. Readers may reject rows or throw
/// `UnusableInput`; any other error, a crash, a hang or a leak is a finding.
func fuzzReaders(_ data: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    guard count > 0 else { return 0 }
    let selector = data[0]
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: count - 1))
    let formats: [InputFormat?] = [nil, .csv, .acled, .gtd, .geojson, .wkt, nil, .csv]
    var options = ReadingOptions(format: formats[Int(selector & 7)])
    if selector & 0x08 != 0 { options.crs = "EPSG:32641" }
    if selector & 0x10 != 0 { options.filters.maxPrecision = 2 }
    if selector & 0x20 != 0 { options.filters.from = EventDate.parse("2019-01-01"); options.filters.to = EventDate.parse("2020-06") }
    if selector & 0x40 != 0 { options.wktColumn = "wkt" }
    do {
        var source = try RecordSources.open(.bytes(bytes, name: "fuzz"), options: options)
        var read = 0
        while let record = try source.next() {
            read += 1
            if case .success(let point) = record.position, !point.isValid { fatalError("invalid point accepted: \(point)") }
            precondition(record.row >= 1)
        }
    } catch is UnusableInput {
    } catch {
        fatalError("unexpected error type: \(error)")
    }
    let text = String(decoding: bytes.prefix(256), as: UTF8.self)
    if case .success(let value) = CoordinateText.parse(text, axis: .latitude) { precondition(abs(value) <= 90) }
    if let date = EventDate.parse(text) { precondition(date.earliest <= date.latest) }
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
