import ArgumentParser
import BorderAnalysis
import BorderInput
import BorderModel
import BorderOutput
import BorderReport
import BorderRun
import Foundation

struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "An interactive map in one offline HTML file: incidents, the fence on any date, gaps, bands, crossings.",
        discussion: """
            One self-contained page (Leaflet from Debian's libjs-leaflet inlined, the data inside it) that opens in any \
            browser with no network: click an incident for its row and computed columns, move the date slider through \
            the fence's completion dates, switch layers; the URL keeps the date, the layers and the view. \
            FILE: points as for `border distances`.
            """)

    @OptionGroup var input: InputOptions

    @OptionGroup(title: "The fence (--as-of: the date first shown)") var coverage: CoverageOptionGroup

    @Option(help: "The page's title.")
    var title = "Incidents along the Pakistan–Iran border"

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE instead of stdout: atomically for a regular file (a link is followed; a FIFO or device is written directly).", valueName: "FILE"))
    var output: String?

    @Option(help: ArgumentHelp("Distance bands from the border, km.", valueName: "KM,KM,..."))
    var bands: KilometreList = KilometreList(argument: "10,25,50")!

    @OptionGroup var data: DataOptions

    func run() throws {
        Output.installSignalHandlers()
        try reportingUnusableInput {
            let leaflet = try LeafletLibrary.load()
            let atlas = try data.loadAtlas()
            let fence = try coverage.loadFence(atlas: atlas, required: false)?.0
            let rows = try input.reading.open(input.file, atlas: atlas, readsDates: true)
            let selection = DistanceColumns.Selection.standard(
                withUncertainty: input.reading.readingOptions.uncertainty.applies(to: rows.header), withDates: rows.hasDates)
            let formatter = ColumnarFormatter(header: rows.header, selection: selection)
            let spool = try ColumnSpool(names: formatter.names, computed: selection.names)
            let history = try fence.map { try coverage.history(of: $0, atlas: atlas) }
            let onTheDay = OnTheDay(fence: selection.needsFence ? history : nil,
                                    crossings: selection.needsCrossing ? Crossings(atlas: atlas) : nil)
            let summary = try input.reading.run(rows, measurer: {
                let measurer = try Measurer(atlas: atlas, selection: selection, onTheDay: onTheDay)
                return { record, point, block in formatter.append(record, at: point, try measurer.measure(record, at: point), to: &block) }
            }, deliver: spool.append)
            let bands = try DistanceBands.build(border: atlas.border, countries: atlas.countries, kilometres: self.bands.values)
            let drawn = try MapInputLoader.load(atlas: atlas, incidents: [], bands: bands, fence: fence, coverage: nil)
            let layers = try coverage.mapLayers(atlas: atlas, drawn: drawn, fence: fence, history: history, title: title)
            let output = try output.map { try Output(path: $0) } ?? Output()
            try MapPage.write(layers, incidents: spool, leaflet: leaflet, to: output)
            try output.commit()
            try input.reading.finish(summary)
        }
    }
}

extension ColumnarBlock: RowBatch {}
