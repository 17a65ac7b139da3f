@testable import BorderAnalysis
import Testing

/// The inline pair a disc cell keeps its witnesses and planes in: order kept, nils left out.
@Suite struct UpToTwoTests {
    @Test func holdsTheGivenValuesInOrderWithoutNils() {
        #expect(Array(UpToTwo<Int>()) == [])
        #expect(Array(UpToTwo<Int>(nil, nil)) == [])
        #expect(Array(UpToTwo(7)) == [7])
        #expect(Array(UpToTwo(nil, 8)) == [8])
        #expect(Array(UpToTwo(7, nil)) == [7])
        #expect(Array(UpToTwo(7, 8)) == [7, 8])
        var pair = UpToTwo<Int>()
        pair.append(3)
        pair.append(4)
        #expect(pair.count == 2 && pair[0] == 3 && pair[1] == 4 && pair.first == 3 && pair.last == 4)
    }
}
