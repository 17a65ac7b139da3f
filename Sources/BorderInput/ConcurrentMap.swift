import Foundation

extension Array where Element: Sendable {
    /// `transform` of every element on all cores, returned in input order; the first error in
    /// input order is thrown. For the first passes that parse a window of blocks at a time.
    func concurrentMap<T>(_ transform: @Sendable (Element) throws -> T) throws -> [T] {
        let results = [Result<T, Error>](unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let output = buffer                   // each element writes its own slot
            DispatchQueue.concurrentPerform(iterations: count) { n in
                (output.baseAddress! + n).initialize(to: Result { try transform(self[n]) })
            }
            initialized = count
        }
        return try results.map { try $0.get() }
    }
}
