import ArgumentParser
import BorderFormats
import Foundation

/// Documented exit statuses (see README, "Exit status").
enum ExitStatus {
    /// Every row was measured.
    static let success: Int32 = 0
    /// The input or output could not be used at all (missing file, no coordinate column, bad JSON).
    static let unusableInput: Int32 = 1
    /// Some rows were rejected (each reported on stderr); `--allow-rejects` turns this into 0.
    static let rowsRejected: Int32 = 2
}

/// Prints a one-line message to stderr.
func complain(_ message: String) {
    FileHandle.standardError.write(Data(("border: " + message + "\n").utf8))
}

/// Runs `body`, turning unusable input into a one-line message and exit status 1.
func reportingUnusableInput(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as UnusableInput {
        complain(error.description)
        throw ExitCode(ExitStatus.unusableInput)
    }
}
