import Foundation

extension String {
    /// The text without leading and trailing spaces and tabs (Foundation's `.whitespaces`).
    /// Nearly every field has neither, and Foundation's trimming costs more than the rest of the
    /// row's parsing: when both end bytes are ASCII and not blank, the text is returned as it is.
    var trimmingBlanks: String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return self }
        func plain(_ byte: UInt8) -> Bool { byte < 0x80 && byte != 0x20 && byte != 0x09 }
        return plain(first) && plain(last) ? self : trimmingCharacters(in: .whitespaces)
    }
}
