import ArgumentParser
import BorderAnalysis
import BorderInput
import BorderModel
import BorderOutput
import BorderRun
import Foundation

struct ProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Incidents along the border, stretch by stretch and year by year, against the fence.",
        discussion: """
            The border is cut into --bin-km stretches along the chainage. Each row is one stretch in one year: \
            the incidents whose nearest border point lies in it and whose distance is within --within km, their \
            killed and injured, their mean uncertainty radius (when the input has one) and the stretch's fenced km \
            at the year's end. The summary compares incidents per 100 km-years of fenced and of unfenced border \
            (each incident counted by the fence on its own day) with exact 95 % intervals.
            """)

    @OptionGroup var input: InputOptions

    @Option(help: ArgumentHelp("Length of each stretch along the border, km.", valueName: "KM"))
    var binKm: Double = 25

    @Option(help: ArgumentHelp("Count incidents within this distance of the border, km.", valueName: "KM"))
    var within: Double = 50

    @Option(help: ArgumentHelp("Column of people killed (default: killed, fatalities, nkill or best).", valueName: "NAME"))
    var killedColumn: String?

    @Option(help: ArgumentHelp("Column of people injured (default: injured or nwound).", valueName: "NAME"))
    var injuredColumn: String?

    @Option(name: .shortAndLong, help: "Output format: table (default), csv (summary on stderr) or json.")
    var format: OutputFormat = .table

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE instead of stdout: atomically for a regular file (a link is followed; a FIFO or device is written directly).", valueName: "FILE"))
    var output: String?

    @OptionGroup(title: "The fence") var coverage: CoverageOptionGroup

    @OptionGroup var data: DataOptions

    func validate() throws {
        guard binKm.isFinite, binKm >= 1 else { throw ValidationError("--bin-km must be at least 1 km") }
        guard within.isFinite, within >= 0 else { throw ValidationError("--within must be zero or a positive number of km") }
        guard [.table, .csv, .json].contains(format) else { throw ValidationError("--format must be table, csv or json") }
        if coverage.asOf != nil { throw ValidationError("--as-of is for coverage: profile takes the fence on each incident's own day") }
    }

    func run() throws {
        Output.installSignalHandlers()
        try reportingUnusableInput {
            let atlas = try data.loadAtlas()
            guard let (fence, _) = try coverage.loadFence(atlas: atlas) else { return }
            let history = try coverage.history(of: fence, atlas: atlas)
            let rows = try input.reading.open(input.file, atlas: atlas, readsDates: true)
            let columns = try IncidentColumns(header: rows.header, file: rows.file, killedColumn: killedColumn, injuredColumn: injuredColumn)
            let showsRadius = input.reading.readingOptions.uncertainty.applies(to: rows.header)
            var profile = ProfileAccumulator(binMetres: binKm * 1000, withinMetres: within * 1000, history: history, showsRadius: showsRadius)
            let summary = try input.reading.run(rows, measurer: {
                let analyzer = try DistanceAnalyzer(atlas: atlas, findsNearestPlace: false)
                return { (record, point, batch: inout [ProfileIncident]) in
                    let result = try analyzer.analyze(point)
                    batch.append(ProfileIncident(chainageMetres: result.chainageKilometres * 1000, distanceMetres: result.distanceMetres,
                                                 day: record.date?.earliest, killed: columns.killed(of: record),
                                                 injured: columns.injured(of: record),
                                                 radiusKilometres: record.uncertainty.radiusKilometres))
                }
            }) { batch in
                batch.forEach { profile.add($0) }
                return true
            }
            let caveat = (try coverage.placementCaveat(fence) ?? "Fence placement as given in \(fence.file).")
                + " Each incident counts at its coded position: one coded to a town centre may lie in another stretch, and fenced or not by a different rule."
            let output = try output.map { try Output(path: $0) } ?? Output()
            ProfileWriter.write(BorderProfileOutput(rows: profile.profileRows(), summary: profile.summary(), binKilometres: binKm,
                                                    withinKilometres: within, showsRadius: showsRadius, caveat: caveat),
                                format: format, to: output, notes: { FileHandle.standardError.write(Data($0.utf8)) })
            try output.commit()
            try input.reading.finish(summary)
        }
    }
}
