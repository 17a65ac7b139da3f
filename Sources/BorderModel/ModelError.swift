/// A problem with one of the model's input files, naming the file and what is wrong.
public struct ModelError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var message: String

    public init(file: String, _ message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}
