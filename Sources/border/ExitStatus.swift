import ArgumentParser
import BorderInput
import BorderModel
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

/// The one place errors become exit statuses. Runs `body`; any error that ends the run (unusable
/// input or output, a bad data or fence file, a GEOS or PROJ failure) is one line on stderr and
/// status 1; a reader that closed standard output (`| head`) ends the run quietly with status 0.
/// Rejected rows end it with status 2 through `exitStatus(after:allowRejects:)`.
func reportingUnusableInput(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch is ReaderWentAway {
        return
    } catch let error as ExitCode {
        throw error
    } catch let error as UnusableInput {
        complain(error.description)
        throw ExitCode(ExitStatus.unusableInput)
    } catch let error as ModelError {
        complain(error.description)
        throw ExitCode(ExitStatus.unusableInput)
    } catch {
        complain("\(error)")
        throw ExitCode(ExitStatus.unusableInput)
    }
}

/// After the rows: the summary line, then status 2 when rows were rejected (unless `--allow-rejects`).
func exitStatus(after summary: RunSummary, allowRejects: Bool) throws {
    complain(summary.line)
    if summary.rejected > 0 && !allowRejects { throw ExitCode(ExitStatus.rowsRejected) }
}
