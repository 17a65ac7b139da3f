import BorderInput
import Foundation

/// A bounded first-in, first-out hand-over between threads.
/// `@unchecked Sendable`: every stored property is read and written only under `condition`.
final class BlockingQueue<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Element] = []
    private var closed = false

    func push(_ item: Element) {
        condition.lock()
        items.append(item)
        condition.signal()
        condition.unlock()
    }

    /// No more items will come; waiting consumers get nil once the queue is empty.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    func pop() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !closed { condition.wait() }
        return items.isEmpty ? nil : items.removeFirst()
    }
}

/// Results that arrive in any order and are taken in sequence order.
/// `@unchecked Sendable`: every stored property is read and written only under `condition`.
final class SequencedResults<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var results: [Int: Element] = [:]

    func post(_ result: Element, sequence: Int) {
        condition.lock()
        results[sequence] = result
        condition.broadcast()
        condition.unlock()
    }

    func take(_ sequence: Int) -> Element {
        condition.lock()
        defer { condition.unlock() }
        while results[sequence] == nil { condition.wait() }
        return results.removeValue(forKey: sequence)!
    }
}
