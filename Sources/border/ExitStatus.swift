import ArgumentParser
import BorderInput
import BorderOutput
import BorderReport
import BorderRun
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

/// Prints a one-line message to stderr (write(2): a closed stderr must not crash the run).
func complain(_ message: String) {
    let bytes = Array(("border: " + message + "\n").utf8)
    var offset = 0
    while offset < bytes.count {
        let count = bytes[offset...].withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
        if count > 0 { offset += count } else if count < 0 && errno == EINTR { continue } else { return }
    }
}

/// Runs `body`, turning unusable input or output into a one-line message and exit status 1; a
/// reader that closed standard output (`| head`) ends the run quietly with status 0.
func reportingUnusableInput(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as UnusableInput {
        complain(error.description)
        throw ExitCode(ExitStatus.unusableInput)
    } catch is ReaderWentAway {
        return
    }
}
