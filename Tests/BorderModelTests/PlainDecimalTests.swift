import Testing
import TestSupport
@testable import BorderModel

/// The fast path must give strtod's double bit for bit, and decline everything it does not cover.
@Suite struct PlainDecimalTests {
    @Test func sameBitsAsStrtodOnRandomDecimals() {
        let seed = testSeed(2026)
        var generator = SplitMix64(seed: seed)
        for _ in 0..<100_000 {
            let whole = Int.random(in: 0...999, using: &generator)
            let decimals = Int.random(in: 0...12, using: &generator)
            let fraction = (0..<decimals).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
            let sign = Bool.random(using: &generator) ? "-" : ""
            let text = sign + String(whole) + (decimals > 0 ? "." + fraction : "")
            let fast = PlainDecimal.parse(text)
            #expect(fast?.bitPattern == Double(text)!.bitPattern, "\(text) (BORDER_TEST_SEED=\(seed))")
        }
    }

    @Test func edgesAgreeWithStrtod() {
        for text in ["0", "-0", "00.5", "180", "-90.000000000", "999999999999999", "0.00000000000001", "29.858546"] {
            #expect(PlainDecimal.parse(text)?.bitPattern == Double(text)!.bitPattern, "\(text)")
        }
    }

    @Test func declinesWhatItDoesNotCover() {
        for text in ["", "-", ".", "5.", ".5", "+5", "1e5", "1E-3", "1234567890123456", "0.000000000000001", "1.2.3", "12a", " 1", "inf", "nan", "٣"] {
            #expect(PlainDecimal.parse(text) == nil, "\(text)")
        }
    }
}
