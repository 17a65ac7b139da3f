/// None, one or two values, stored inline: a cell of the disc search keeps its border points and
/// their planes in these, so filing a cell allocates nothing (with arrays, allocation and
/// reference counting were a fifth of a wrapped disc's work).
struct UpToTwo<Element>: RandomAccessCollection {
    private var first: Element?
    private var second: Element?

    init() {}

    /// `first`, then `second` when there is room for it (nil values are skipped).
    init(_ first: Element?, _ second: Element? = nil) {
        if let first { append(first) }
        if let second { append(second) }
    }

    var startIndex: Int { 0 }
    var endIndex: Int { first == nil ? 0 : second == nil ? 1 : 2 }

    subscript(position: Int) -> Element {
        precondition(position >= 0 && position < endIndex, "UpToTwo index out of range")
        return position == 0 ? first! : second!
    }

    /// Adds `element`; a third is dropped (`isFull` tells beforehand).
    mutating func append(_ element: Element) {
        if first == nil { first = element } else if second == nil { second = element }
    }

    var isFull: Bool { second != nil }
}
