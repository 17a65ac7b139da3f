import Foundation

/// UTF-8 decoding for CSV.swift that never stops: CSV.swift ends the whole file at the first
/// invalid byte (`unicodeDecoding`), which would lose every later row. Each invalid byte becomes
/// a private-use marker scalar instead (U+10FF00 + byte), so the row holding it can be rejected
/// with the exact byte, and the rows after it are still read.
struct LenientUTF8: UnicodeCodec {
    typealias CodeUnit = UInt8
    typealias EncodedScalar = Unicode.UTF8.EncodedScalar
    typealias ForwardParser = Parser
    typealias ReverseParser = Parser

    /// Required by the protocol, unused by CSV.swift (it only calls `decode(_:)`): strict UTF-8.
    struct Parser: Unicode.Parser {
        typealias Encoding = LenientUTF8
        private var inner = Unicode.UTF8.ForwardParser()
        init() {}
        mutating func parseScalar<I: IteratorProtocol>(from input: inout I) -> Unicode.ParseResult<EncodedScalar> where I.Element == UInt8 {
            inner.parseScalar(from: &input)
        }
    }

    static let markerBase: UInt32 = 0x10FF00

    /// Bytes read ahead while checking a sequence that turned out invalid; decoded next.
    private var pending: [UInt8] = []

    init() {}

    static var encodedReplacementCharacter: EncodedScalar { Unicode.UTF8.encodedReplacementCharacter }
    static func _isScalar(_ x: UInt8) -> Bool { x < 0x80 }
    static func decode(_ content: EncodedScalar) -> Unicode.Scalar { Unicode.UTF8.decode(content) }
    static func encode(_ content: Unicode.Scalar) -> EncodedScalar? { Unicode.UTF8.encode(content) }
    static func encode(_ input: Unicode.Scalar, into processCodeUnit: (UInt8) -> Void) {
        Unicode.UTF8.encode(input, into: processCodeUnit)
    }
    static func _nullCodeUnitOffset(in input: UnsafePointer<UInt8>) -> Int { Int(strlen(input)) }

    /// The invalid byte a marker stands for, or nil for an ordinary scalar.
    static func invalidByte(_ scalar: Unicode.Scalar) -> UInt8? {
        scalar.value >= markerBase && scalar.value <= markerBase + 0xFF ? UInt8(scalar.value - markerBase) : nil
    }

    private static func marker(_ byte: UInt8) -> Unicode.Scalar { Unicode.Scalar(markerBase + UInt32(byte))! }

    mutating func decode<I: IteratorProtocol>(_ input: inout I) -> UnicodeDecodingResult where I.Element == UInt8 {
        func nextByte() -> UInt8? { pending.isEmpty ? input.next() : pending.removeFirst() }
        guard let lead = nextByte() else { return .emptyInput }
        if lead < 0x80 { return .scalarValue(Unicode.Scalar(lead)) }
        let count: Int, low: UInt8, high: UInt8      // RFC 3629 table: no overlongs, surrogates or > U+10FFFF
        switch lead {
        case 0xC2...0xDF: (count, low, high) = (1, 0x80, 0xBF)
        case 0xE0: (count, low, high) = (2, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (count, low, high) = (2, 0x80, 0xBF)
        case 0xED: (count, low, high) = (2, 0x80, 0x9F)
        case 0xF0: (count, low, high) = (3, 0x90, 0xBF)
        case 0xF1...0xF3: (count, low, high) = (3, 0x80, 0xBF)
        case 0xF4: (count, low, high) = (3, 0x80, 0x8F)
        default: return .scalarValue(Self.marker(lead))
        }
        var value = UInt32(lead) & (count == 1 ? 0x1F : count == 2 ? 0x0F : 0x07)
        var taken: [UInt8] = []
        for index in 0..<count {
            guard let byte = nextByte() else {
                pending = taken + pending
                return .scalarValue(Self.marker(lead))
            }
            taken.append(byte)
            let valid = index == 0 ? (low...high).contains(byte) : (0x80...0xBF).contains(byte)
            guard valid else {
                pending = taken + pending       // re-read them on their own
                return .scalarValue(Self.marker(lead))
            }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return .scalarValue(Unicode.Scalar(value)!)
    }
}
