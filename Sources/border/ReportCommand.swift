import ArgumentParser
import BorderAnalysis
import BorderFormats
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "A report people read: summary, gaps, coverage by sector and over time, incidents by band, the seed's claims checked, a map.",
        discussion: "HTML is one self-contained file (inline SVG, no network). Markdown written with -o puts its figures beside it as SVG files.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, html }

    @OptionGroup var input: InputOptions

    @Option(name: .shortAndLong, help: "md or html.")
    var format: Format = .md

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE instead of stdout: atomically for a regular file (a link is followed; a FIFO or device is written directly).", valueName: "FILE"))
    var output: String?

    @Option(help: ArgumentHelp("Distance bands from the border, km.", valueName: "KM,KM,..."))
    var bands: KilometreList = KilometreList(argument: "10,25,50")!

    @Option(help: ArgumentHelp("The seed's claims (default: seeds/claims.json beside the data folder).", valueName: "FILE"))
    var claims: String?

    @OptionGroup var data: DataOptions

    func run() throws {
        Output.installSignalHandlers()
        try reportingUnusableInput {
            let atlas = try data.loadAtlas()
            let (incidents, summary) = try input.reading.measuredIncidents(input.file, atlas: atlas)
            let map = try MapInputLoader.load(atlas: atlas, incidents: incidents, bandKilometres: bands.values)
            let lengths = try Generalisation.lengths(of: atlas.border.line)
            let claimsURL = claims.map { URL(fileURLWithPath: $0) }
                ?? atlas.directory.deletingLastPathComponent().appendingPathComponent("seeds/claims.json")
            let checker = try ClaimChecker(atlas: atlas, incidents: map.incidents, lengths: lengths, regions: map.regions)
            let checks = try ClaimChecker.loadClaims(claimsURL).map(checker.check)
            let svg = try SVGMap().render(map, countries: atlas.countries)
            let document = ReportDocument.build(map: map, lengths: lengths, claims: checks, mapSVG: svg)
            let out = try output.map { try Output(path: $0) } ?? Output()
            switch format {
            case .html: out.write(ReportRenderer.html(document))
            case .md:
                var figures: [(String, String)] = []
                let text = ReportRenderer.markdown(document) { name in
                    guard let output else { return nil }
                    let file = URL(fileURLWithPath: output).deletingPathExtension().lastPathComponent + "-\(name).svg"
                    figures.append((file, name))
                    return file
                }
                out.write(text)
                for (file, name) in figures {
                    guard case .figure(_, let svg)? = document.sections.flatMap(\.1).first(where: { if case .figure(name, _) = $0 { true } else { false } }) else { continue }
                    let figure = try Output(path: URL(fileURLWithPath: output!).deletingLastPathComponent().appendingPathComponent(file).path)
                    figure.write(svg)
                    try figure.commit()
                }
            }
            try out.commit()
            try input.reading.finish(summary)
        }
    }
}
