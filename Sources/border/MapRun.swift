import BorderAnalysis
import BorderInput
import BorderModel
import BorderOutput
import BorderReport
import BorderRun

/// What `geojson` and `report` draw, computed here and handed to them: the input's incidents
/// measured by the row loop, the fence with its coverage under the coverage options (as
/// `border coverage` computes it), and the distance bands.
struct MapRun {
    var map: MapInput
    var summary: RunSummary
    var fence: Fence?

    init(atlas: Atlas, input: InputOptions, coverage: CoverageOptionGroup, bandKilometres: [Double]) throws {
        let (incidents, summary) = try input.reading.measuredIncidents(input.file, atlas: atlas)
        let loaded = try coverage.loadFence(atlas: atlas, required: false)
        let figures = try loaded.map { fence, sectors in CoverageFigures(try coverage.report(atlas: atlas, fence: fence, sectors: sectors)) }
        let bands = try DistanceBands.build(border: atlas.border, countries: atlas.countries, kilometres: bandKilometres)
        map = try MapInputLoader.load(atlas: atlas, incidents: incidents, bands: bands, fence: loaded?.0, coverage: figures)
        self.summary = summary
        fence = loaded?.0
    }
}
