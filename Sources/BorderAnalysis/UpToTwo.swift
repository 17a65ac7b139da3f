/// None, one or two values, stored inline: a cell of the disc search keeps its border points and
/// their planes in these, so filing a cell allocates nothing (with arrays, allocation and
/// reference counting were a fifth of a wrapped disc's work).
struct UpToTwo<Element>: RandomAccessCollection {
    private var one: Element?
    private var two: Element?

    init() {}

    /// The values given, in order, nil ones left out.
    init(_ first: Element?, _ second: Element? = nil) {
        if let first { append(first) }
        if let second { append(second) }
    }

    var startIndex: Int { 0 }
    var endIndex: Int { one == nil ? 0 : two == nil ? 1 : 2 }

    subscript(position: Int) -> Element {
        precondition(position >= 0 && position < endIndex, "UpToTwo index out of range")
        return position == 0 ? one! : two!
    }

    /// Adds `element` after those held; there is no room for a third.
    mutating func append(_ element: Element) {
        precondition(two == nil, "UpToTwo holds at most two values")
        if one == nil { one = element } else { two = element }
    }
}
