import Foundation

/// A small deterministic generator, so a randomised test sees the same cases every run.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A double in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

/// The seed of a randomised test: `fixed` unless `BORDER_TEST_SEED` names another, so a run can
/// explore new cases and any failure is replayed by setting the seed its message prints.
public func testSeed(_ fixed: UInt64) -> UInt64 {
    ProcessInfo.processInfo.environment["BORDER_TEST_SEED"].flatMap { UInt64($0) } ?? fixed
}
