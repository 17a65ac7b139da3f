import BorderAnalysis
import BorderInput
import Geodesy

/// One measured row, everything the computed columns are made of.
public struct MeasuredDistance: Sendable {
    public var result: BorderDistance
    public var uncertainty: Uncertainty
    /// Nil when no interval column is written.
    public var interval: DistanceInterval?
    /// Nil when no spread column is written (or there are no alternative lines).
    public var spread: DistanceSpread?
    /// The fence on the row's day: nil when not written or the row has no date.
    public var fence: FenceStatus?
    /// The nearest crossing open on the row's day: nil when not written (or none was open).
    public var crossing: CrossingDistance?

    public init(result: BorderDistance, uncertainty: Uncertainty = .none, interval: DistanceInterval? = nil, spread: DistanceSpread? = nil,
                fence: FenceStatus? = nil, crossing: CrossingDistance? = nil) {
        (self.result, self.uncertainty, self.interval, self.spread) = (result, uncertainty, interval, spread)
        (self.fence, self.crossing) = (fence, crossing)
    }
}

/// The computed fields of `border distances`, in output order: the one definition (name,
/// decimals, value) of CSV, JSON, GeoJSON and the map. These names are a contract.
public enum DistanceColumns {
    public static let names = ["distance_m", "nearest_lon", "nearest_lat", "chainage_km", "side", "beyond_end",
                               "nearest_place", "nearest_place_km", "nearest_place_bearing", "nearest_place_desc",
                               "uncertainty_km", "uncertainty_source", "distance_min_m", "distance_max_m", "side_certain",
                               "distance_spread_m", "distance_by_source",
                               "fenced_then", "gap_along_km", "nearest_crossing", "crossing_km", "crossing_uncertainty_km",
                               "crossing_along_km"]
    /// The positions in `names` of the nearest place's columns.
    static let placeColumns = 6..<10
    /// The uncertainty columns: written by default when the input says anything about uncertainty.
    static let uncertaintyColumns = 10..<15
    /// Those that need the search over the disc.
    static let intervalColumns = 12..<15
    /// The border-line comparison: three more searches a row, written only when asked for.
    static let spreadColumns = 15..<17
    /// The fence on the row's day: written by default when the input has dates.
    static let fenceColumns = 17..<19
    /// The nearest crossing open on the row's day: written by default when the input has dates.
    static let crossingColumns = 19..<23
    /// Both depend on the row's date.
    static let dayColumns = 17..<23

    /// The computed columns to write: all of them unless `--columns` names some.
    public struct Selection: Sendable, Equatable {
        /// For each of `names`, whether it is written.
        let written: [Bool]

        /// Every column, the spread's included (`--columns all`).
        public static let all = Selection(written: DistanceColumns.names.map { _ in true })

        /// The default: every column but the spread's; the uncertainty columns only when the input
        /// can have a radius (`UncertaintyOptions.applies(to:)`), the fence's and the crossing's only
        /// when it has dates.
        public static func standard(withUncertainty: Bool, withDates: Bool = false) -> Selection {
            Selection(written: DistanceColumns.names.indices.map {
                !DistanceColumns.spreadColumns.contains($0) && (withUncertainty || !DistanceColumns.uncertaintyColumns.contains($0))
                    && (withDates || !DistanceColumns.dayColumns.contains($0))
            })
        }

        /// A comma-separated list of computed column names, in any order (output keeps the usual order).
        public init(_ list: String) throws {
            let chosen = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let all = DistanceColumns.names
            if chosen == ["all"] {
                written = all.map { _ in true }
                return
            }
            guard !chosen.isEmpty else { throw ColumnError("--columns needs at least one of: \(all.joined(separator: ", "))") }
            if let unknown = chosen.first(where: { !all.contains($0) }) {
                throw ColumnError("--columns: no computed column \(unknown); choose from \(all.joined(separator: ", "))")
            }
            written = all.map { chosen.contains($0) }
        }

        init(written: [Bool]) { self.written = written }

        public var names: [String] { zip(DistanceColumns.names, written).filter(\.1).map(\.0) }

        /// The place lookup is skipped when none of its columns is written.
        public var needsNearestPlace: Bool { written[DistanceColumns.placeColumns].contains(true) }
        /// The disc is searched only when one of its columns is written.
        public var needsInterval: Bool { written[DistanceColumns.intervalColumns].contains(true) }
        public var needsSpread: Bool { written[DistanceColumns.spreadColumns].contains(true) }
        public var needsFence: Bool { written[DistanceColumns.fenceColumns].contains(true) }
        public var needsCrossing: Bool { written[DistanceColumns.crossingColumns].contains(true) }
        /// The rows' dates are read only for these.
        public var needsDates: Bool { needsFence || needsCrossing }
    }

    public struct ColumnError: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    /// One computed value, typed so JSON can print numbers and booleans bare.
    enum Value {
        case number(Double, decimals: Int)
        case text(String)
        case flag(Bool)
        /// The place description ("50.7 km SSE of Washuk"), written without building a String.
        case placeDescription(PlaceBearing)
        /// Numbers by name: a JSON object (compact JSON text in CSV).
        case numbers([(String, Double)], decimals: Int)
        case missing
    }

    /// Millimetre-level decimals: distance 1 µm, positions ~0.1 mm, chainage 1 mm; the interval's
    /// ends 0.1 m (the maximum is only known to 1 m).
    static func values(_ row: MeasuredDistance) -> [Value] {
        var values: [Value] = []
        forEachValue(row) { values.append($1) }
        return values
    }

    /// The values in column order, without collecting them (this runs for every output row).
    @inline(__always)
    static func forEachValue(_ row: MeasuredDistance, _ body: (Int, Value) -> Void) {
        let result = row.result
        body(0, .number(result.distanceMetres, decimals: 6))
        body(1, .number(result.nearest.longitude, decimals: 9))
        body(2, .number(result.nearest.latitude, decimals: 9))
        body(3, .number(result.chainageKilometres, decimals: 6))
        body(4, .text(result.side.rawValue))
        body(5, .flag(result.isBeyondEnd))
        if let place = result.nearestPlace {
            body(6, .text(place.name))
            body(7, .number(place.distanceMetres / 1000, decimals: PlaceBearing.kilometreDecimals))
            body(8, .text(place.compassPoint))
            body(9, .placeDescription(place))
        } else {
            for column in placeColumns { body(column, .missing) }
        }
        body(10, .number(row.uncertainty.radiusKilometres, decimals: 3))
        body(11, .text(row.uncertainty.source.rawValue))
        if let interval = row.interval {
            body(12, .number(interval.minMetres, decimals: 3))                                 // exact
            body(13, .number((interval.maxMetres * 10).rounded(.up) / 10, decimals: 1))      // still from above
            body(14, .flag(interval.sideCertain))
        } else {
            for column in intervalColumns { body(column, .missing) }
        }
        if let spread = row.spread {
            body(15, .number(spread.spreadMetres, decimals: 3))
            body(16, .numbers(spread.bySource, decimals: 3))
        } else {
            for column in spreadColumns { body(column, .missing) }
        }
        if let fence = row.fence {
            body(17, .flag(fence.isFenced))
            body(18, fence.gapAlongMetres.map { .number($0 / 1000, decimals: 3) } ?? .missing)     // boundaries within 0.5 m
        } else {
            for column in fenceColumns { body(column, .missing) }
        }
        if let crossing = row.crossing {
            body(19, .text(crossing.crossing.place.name))
            body(20, .number(crossing.distanceMetres / 1000, decimals: 3))
            body(21, .number(crossing.crossing.place.uncertaintyKilometres, decimals: 3))
            body(22, .number(crossing.alongMetres / 1000, decimals: 3))
        } else {
            for column in crossingColumns { body(column, .missing) }
        }
    }

    /// The values as text, as CSV and the table show them.
    static func text(_ row: MeasuredDistance) -> [String] {
        values(row).map { value in
            var bytes: [UInt8] = []
            bytes.appendCSVValue(value)
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Input columns kept in the output: all but those the computation writes.
    static func passThrough(_ header: [String], writing selection: Selection = .all) -> [Int] {
        let written = selection.names
        return header.indices.filter { !written.contains(header[$0]) }
    }
}

extension Array where Element == UInt8 {
    mutating func appendCSVValue(_ value: DistanceColumns.Value) {
        switch value {
        case .number(let number, let decimals): appendFixed(number, decimals: decimals)
        case .text(let text): appendCSVField(text)
        case .flag(let flag): append(contentsOf: (flag ? "true" : "false").utf8)
        case .placeDescription(let place):
            if place.name.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
                appendCSVField(place.description)
            } else {
                appendDescription(place)
            }
        case .numbers(let pairs, let decimals) where !pairs.isEmpty && !pairs.contains(where: \.0.needsJSONEscapes):
            // The object's text as one CSV field, written quoted at once: it holds quotes (its
            // names', each doubled) and commas.
            append(0x22)
            appendJSONNumbers(pairs, decimals: decimals, quote: .doubled)
            append(0x22)
        case .numbers(let pairs, let decimals):
            // Names that need escapes (or none): quoted in place afterwards, rather than through a String.
            let start = count
            appendJSONNumbers(pairs, decimals: decimals)
            quoteCSVField(from: start)
        case .missing: break
        }
    }

    /// Makes the bytes from `start` on one CSV field, as `appendCSVField` writes it: quoted, with
    /// every `"` doubled, when they hold a quote, a comma or a line break; else as they are.
    private mutating func quoteCSVField(from start: Int) {
        let (quotes, needsQuoting) = withUnsafeBufferPointer { bytes in
            var quotes = 0, needsQuoting = false
            for byte in bytes[start...] {
                if byte == 0x22 { quotes += 1 }
                if byte == 0x22 || byte == 0x2C || byte == 0x0A || byte == 0x0D { needsQuoting = true }
            }
            return (quotes, needsQuoting)
        }
        guard needsQuoting else { return }
        let end = count
        append(contentsOf: repeatElement(0, count: quotes + 2))
        // Through raw buffers: this runs for every row's `distance_by_source`.
        withUnsafeMutableBufferPointer { bytes in
            var write = bytes.count - 1
            bytes[write] = 0x22
            for read in stride(from: end - 1, through: start, by: -1) {
                let byte = bytes[read]
                write -= 1
                bytes[write] = byte
                if byte == 0x22 { write -= 1; bytes[write] = 0x22 }
            }
            bytes[write - 1] = 0x22
        }
    }

    /// How a JSON object's names are quoted: as JSON does, or with each quote doubled, for names
    /// that need no escapes inside a quoted CSV field.
    enum NameQuote { case json, doubled }

    mutating func appendJSONNumbers(_ pairs: [(String, Double)], decimals: Int, quote: NameQuote = .json) {
        append(0x7B)
        for (n, (name, value)) in pairs.enumerated() {
            if n > 0 { append(0x2C) }
            switch quote {
            case .json: appendJSONString(name)
            case .doubled:
                append(contentsOf: [0x22, 0x22])
                append(contentsOf: name.utf8)
                append(contentsOf: [0x22, 0x22])
            }
            append(0x3A)
            if value.isFinite { appendFixed(value, decimals: decimals) } else { append(contentsOf: "null".utf8) }
        }
        append(0x7D)
    }

    mutating func appendJSONValue(_ value: DistanceColumns.Value) {
        switch value {
        case .number(let number, let decimals):
            if number.isFinite { appendFixed(number, decimals: decimals) } else { append(contentsOf: "null".utf8) }
        case .text(let text): text.isEmpty ? append(contentsOf: "null".utf8) : appendJSONString(text)
        case .flag(let flag): append(contentsOf: (flag ? "true" : "false").utf8)
        case .placeDescription(let place):
            if place.name.utf8.contains(where: { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }) {
                appendJSONString(place.description)
            } else {
                append(0x22)
                appendDescription(place)
                append(0x22)
            }
        case .numbers(let pairs, let decimals): appendJSONNumbers(pairs, decimals: decimals)
        case .missing: append(contentsOf: "null".utf8)
        }
    }

    /// `PlaceBearing.description` as bytes: "at Mand", "14.2 km SW of Mand", "134 km ENE of Dalbandin".
    mutating func appendDescription(_ place: PlaceBearing) {
        if place.distanceMetres < PlaceBearing.atPlaceWithin {
            append(contentsOf: "at ".utf8)
        } else {
            let kilometres = place.distanceMetres / 1000
            appendFixed(kilometres, decimals: kilometres < PlaceBearing.tenthsBelowKilometres ? 1 : 0)
            append(contentsOf: " km ".utf8)
            append(contentsOf: place.compassPoint.utf8)
            append(contentsOf: " of ".utf8)
        }
        append(contentsOf: place.name.utf8)
    }
}
