import BorderInput
import BorderOutput
import Foundation

/// The input readers of `border distances`: bits 0–2 of the selector pick the format (6 and 7:
/// detected and CSV, reading every row's date), 0x08 adds `--crs`, 0x10 a precision filter, 0x20 a
/// date filter, 0x40 `--wkt-column`. Readers may reject
/// rows or throw `UnusableInput`; any other error, a crash, a hang or a leak is a finding.
func fuzzRecordSources(selector: UInt8, _ bytes: [UInt8]) {
    let formats: [InputFormat?] = [nil, .csv, .acled, .gtd, .geojson, .wkt, nil, .csv]
    var options = ReadingOptions(format: formats[Int(selector & 7)])
    if selector & 0x08 != 0 { options.crs = "EPSG:32641" }
    if selector & 0x10 != 0 { options.filters.maxPrecision = 2 }
    if selector & 0x20 != 0 { options.filters.from = EventDate.parse("2019-01-01"); options.filters.to = EventDate.parse("2020-06") }
    if selector & 0x40 != 0 { options.wktColumn = "wkt" }
    if selector & 7 >= 6 { options.filters.readsDates = true }
    do {
        var source = try RecordSources.open(.bytes(bytes, name: "fuzz"), options: options)
        while let record = try source.next() {
            if let point = record.position, !point.isValid { fatalError("invalid point accepted: \(point)") }
            precondition(record.row >= 1)
        }
    } catch is UnusableInput {
    } catch {
        fatalError("unexpected error type: \(error)")
    }
    let text = String(decoding: bytes.prefix(256), as: UTF8.self)
    if case .success(let value) = CoordinateText.parse(text, axis: .latitude) { precondition(abs(value) <= 90) }
    if let date = EventDate.parse(text) { precondition(date.earliest <= date.latest) }
}
