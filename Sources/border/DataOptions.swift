import ArgumentParser
import BorderInput
import BorderModel
import BorderOutput
import BorderReport
import BorderRun
import Foundation

/// Where the bundled data lives; shared by every command.
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: ArgumentHelp("Folder with border.geojson, places.csv, countries.geojson (default: the bundled data/).", valueName: "DIR"))
    var directory: String?

    /// `withAlternatives`: also the independent border lines (for the spread columns);
    /// `alternativesIfPresent`: those lines only when the folder has them (the report).
    func loadAtlas(withAlternatives: Bool = false, alternativesIfPresent: Bool = false) throws -> Atlas {
        guard let url = directory.map({ URL(fileURLWithPath: $0) }) ?? DataDirectory.locate() else {
            throw UnusableInput(file: "data/", reason: "cannot find the bundled data folder; pass --data DIR or set BORDER_DATA")
        }
        do {
            let atlas = try Atlas.load(from: url)
            let wanted = withAlternatives || alternativesIfPresent && FileManager.default.fileExists(atPath: atlas.alternativesFile.path)
            return wanted ? try atlas.withAlternatives() : atlas
        } catch {
            throw UnusableInput(file: url.path, reason: "\(error)")
        }
    }
}
