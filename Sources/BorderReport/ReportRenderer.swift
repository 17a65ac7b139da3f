import BorderInput
import BorderOutput
/// Markdown and HTML spellings of a `ReportDocument`.
public enum ReportRenderer {
    /// Markdown; figures are written by the caller beside the file (`figureLink` names them).
    public static func markdown(_ document: ReportDocument, figureLink: (String) -> String?) -> String {
        func line(_ text: String) -> String { text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ") }
        var text = "# \(line(document.title))\n"
        for (title, blocks) in document.sections {
            text += "\n## \(title)\n\n"
            for block in blocks {
                switch block {
                case .paragraph(let p): text += p + "\n\n"
                case .table(let header, let rows):
                    func row(_ cells: [String]) -> String { "| " + cells.map { line($0).replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n" }
                    text += row(header) + row(header.map { _ in "---" }) + rows.map(row).joined() + "\n"
                case .figure(let name, _):
                    text += figureLink(name).map { "![\(name)](\($0))\n\n" } ?? "(\(name): see `border report --format html`)\n\n"
                }
            }
        }
        return text
    }

    /// One self-contained HTML file.
    public static func html(_ document: ReportDocument) -> String {
        var body = "<h1>\(XML.escape(document.title))</h1>\n"
        for (title, blocks) in document.sections {
            body += "<section><h2>\(XML.escape(title))</h2>\n"
            for block in blocks {
                switch block {
                case .paragraph(let p): body += "<p>\(code(XML.escape(p)))</p>\n"
                case .table(let header, let rows):
                    body += "<table><thead><tr>" + header.map { "<th>\(XML.escape($0))</th>" }.joined() + "</tr></thead><tbody>\n"
                    body += rows.map { "<tr>" + $0.map { "<td>\(XML.escape($0))</td>" }.joined() + "</tr>\n" }.joined() + "</tbody></table>\n"
                case .figure(_, let svg): body += "<figure>\(svg)</figure>\n"
                }
            }
            body += "</section>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(XML.escape(document.title))</title>
            <style>
            body{font-family:sans-serif;max-width:960px;margin:1.5em auto;padding:0 1em;color:#222;line-height:1.4}
            table{border-collapse:collapse;margin:.5em 0 1em;font-size:.9em}th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
            th{background:#f0f0f0}figure{margin:0}svg{max-width:100%;height:auto}code{background:#f4f4f4;padding:0 .2em}
            </style></head><body>
            \(body)</body></html>

            """
    }

    /// `text` between backticks as <code>.
    private static func code(_ text: String) -> String {
        let parts = text.split(separator: "`", omittingEmptySubsequences: false)
        return parts.enumerated().map { $0.offset % 2 == 1 ? "<code>\($0.element)</code>" : String($0.element) }.joined()
    }
}
