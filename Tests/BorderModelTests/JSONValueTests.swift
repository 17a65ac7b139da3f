import Foundation
import Testing
@testable import BorderModel

/// The fast data-file reader against Foundation's JSONSerialization, and on edge cases.
@Suite struct JSONValueTests {
    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("data")

    /// Every number of every bundled GeoJSON file equals what JSONSerialization reads (bit for bit).
    @Test(arguments: ["border.geojson", "countries.geojson", "regions.geojson", "fence.geojson"])
    func agreesWithFoundation(_ name: String) throws {
        let bytes = try Data(contentsOf: Self.data.appendingPathComponent(name))
        let ours = try JSONValue.parse(bytes)
        let reference = try JSONSerialization.jsonObject(with: bytes)
        var compared = 0
        func same(_ value: JSONValue, _ other: Any) -> Bool {
            switch value {
            case .object(let members):
                guard let dictionary = other as? [String: Any], dictionary.count == members.count else { return false }
                return members.allSatisfy { key, member in dictionary[key].map { same(member, $0) } ?? false }
            case .array, .numbers, .positions:
                guard let array = other as? [Any], let elements = value.elements, array.count == elements.count else { return false }
                return zip(elements, array).allSatisfy { same($0, $1) }
            case .number(let number, _):
                compared += 1
                return (other as? NSNumber)?.doubleValue == number
            case .string(let text): return other as? String == text
            case .bool(let flag): return (other as? NSNumber)?.boolValue == flag
            case .null: return other is NSNull
            }
        }
        #expect(same(ours, reference))
        #expect(compared > 100)
    }

    @Test func stringsEscapesAndNumbers() throws {
        let text = #"{"a": "x\"y\\z\n\u00e9\ud83d\ude00", "b": [1, -2.5, 3e2, 0.1], "c": true, "d": null, "e": [[1,2],[3,4]], "f": []}"#
        let value = try JSONValue.parse(Data(text.utf8))
        #expect(value["a"]?.string == "x\"y\\z\né😀")
        #expect(value["b"]?.numbers == [1, -2.5, 300, 0.1])
        if case .bool(true)? = value["c"] {} else { Issue.record("c is not true") }
        if case .null? = value["d"] {} else { Issue.record("d is not null") }
        #expect(value["e"]?.flatPositions?.flat == [1, 2, 3, 4])
        #expect(value["f"]?.elements?.isEmpty == true)
    }

    @Test(arguments: ["", "{", "[1,", "{\"a\" 1}", "[1 2]", "tru", "\"abc", "[1e999]", "{} x", "[[1,2],[3]"])
    func rejectsBrokenDocuments(_ text: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(Data(text.utf8)) }
    }

    /// A high surrogate followed by an escape that is not a low one (found by reading the code:
    /// the pair arithmetic overflowed and trapped) is U+FFFD, and the escape after it is kept.
    @Test func loneSurrogatesBecomeReplacementCharacters() throws {
        let text = #"["\ud800\u0041", "\ud800\ud83d\ude00", "\udc00x", "\ud800"]"#
        let strings = try JSONValue.parse(Data(text.utf8)).elements?.map(\.string)
        #expect(strings == ["\u{FFFD}A", "\u{FFFD}😀", "\u{FFFD}x", "\u{FFFD}"])
    }

    @Test func mixedArraysFallBackToGeneralArrays() throws {
        let value = try JSONValue.parse(Data("[[1,2],[3,4,5]]".utf8))
        #expect(value.flatPositions == nil)
        #expect(value.elements?.count == 2)
        #expect(value.elements?[1].numbers == [3, 4, 5])
    }

    /// `levels` arrays (or objects) nested around `inner`.
    static func nested(_ levels: Int, objects: Bool = false, around inner: String = "1") -> Data {
        let open = objects ? #"{"a":"# : "[", close = objects ? "}" : "]"
        return Data((String(repeating: open, count: levels) + inner + String(repeating: close, count: levels)).utf8)
    }

    /// The error `parse` throws (nil when it reads the document), kept short in failure messages.
    static func syntaxError(_ document: Data) -> JSONSyntaxError? {
        do { _ = try JSONValue.parse(document); return nil } catch { return error as? JSONSyntaxError }
    }

    @Test func nestingUpToTheLimitIsRead() throws {
        #expect(JSONValue.maximumDepth == 512)
        var value = try JSONValue.parse(Self.nested(512))
        var levels = 0
        while let inner = value.elements?.first { levels += 1; value = inner }
        #expect(levels == 512)
        _ = try JSONValue.parse(Self.nested(512, objects: true))
        // Positions are read by a fast path that must count their own level too.
        #expect(try JSONValue.parse(Self.nested(510, around: "[[1,2]]")).elements?.count == 1)
    }

    /// Past the limit the parser throws instead of recursing on (a million `[` overflowed the
    /// stack); one level over is enough to show it, and fails cleanly if the limit goes.
    @Test func nestingPastTheLimitThrowsAtTheOffendingBracket() {
        let reason = "arrays and objects nested deeper than 512 levels"
        // The offset is that of the bracket opening level 513.
        for (document, offset) in [(Self.nested(513), 512), (Self.nested(513, objects: true), 512 * 5),
                                   (Self.nested(511, around: "[[1,2]]"), 512)] {
            let error = Self.syntaxError(document)
            #expect(error?.reason == reason)
            #expect(error?.offset == offset)
        }
    }

    /// RFC 8259 §6: `-? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?`; anything else is an error
    /// (these went through as numbers before: `01`, `1.`, `-.5`).
    @Test(arguments: ["[01]", "[1.]", "[-]", "[.5]", "[-.5]", "[1e]", "[1e+]", "[+1]", "[0x10]", "[1.5.2]", "[--1]", "[00]", "[1.e5]",
                      "{\"a\":01}", "{\"a\":1.}"])
    func numbersOutsideTheGrammarAreErrors(_ text: String) {
        #expect(Self.syntaxError(Data(text.utf8)) != nil, "\(text)")
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(Data(text.utf8), packsNumberArrays: false) }
    }

    @Test func numbersInTheGrammarAreRead() throws {
        let text = "[0, -0, 0.10, 1E5, 1e-05, -12.5e+3, 123456789012345678901234567890, 7]"
        #expect(try JSONValue.parse(Data(text.utf8)).numbers == [0, -0.0, 0.1, 100_000, 0.00001, -12_500, 1.2345678901234568e29, 7])
        let kept = try JSONValue.parse(Data(text.utf8), packsNumberArrays: false)
        #expect(kept.elements?.map(\.jsonText) == ["0", "-0", "0.10", "1E5", "1e-05", "-12.5e+3", "123456789012345678901234567890", "7"])
    }

    /// Values written back: numbers as written, members sorted, strings re-escaped; the CSV form.
    @Test func valuesKeepTheirJSONForm() throws {
        let text = #"{"z": {"b": [1.50, true, null], "a": "x\"y"}, "big": 12345678901234567890, "dec": 0.10, "s": "é\n", "n": null, "t": false}"#
        let value = try JSONValue.parse(Data(text.utf8), packsNumberArrays: false)
        #expect(value.jsonText == #"{"big":12345678901234567890,"dec":0.10,"n":null,"s":"é\n","t":false,"z":{"a":"x\"y","b":[1.50,true,null]}}"#)
        #expect(value["z"]?.plainText == #"{"a":"x\"y","b":[1.50,true,null]}"#)
        #expect(value["big"]?.plainText == "12345678901234567890")
        #expect(value["dec"]?.plainText == "0.10")
        #expect(value["s"]?.plainText == "é\n")
        #expect(value["n"]?.plainText == "")
        #expect(value["t"]?.plainText == "false")
        // Packed arrays (the data files' fast path) write their numbers in the shortest form.
        #expect(try JSONValue.parse(Data("[1.50, 2, 0.1]".utf8)).jsonText == "[1.5,2,0.1]")
    }
}
