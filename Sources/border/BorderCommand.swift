import ArgumentParser

@main
struct BorderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "border",
        abstract: "Exact geodesic analysis of incidents along the Pakistan–Iran border.",
        discussion: """
            Distances are WGS84 ellipsoidal geodesics; each border edge is the geodesic between its vertices.
            The bundled border is derived from OpenStreetMap (© OpenStreetMap contributors, ODbL-1.0).
            """,
        version: "0.1.0",
        subcommands: [DistancesCommand.self, CoverageCommand.self, ProfileCommand.self, GeoJSONCommand.self, MapCommand.self, ReportCommand.self],
        defaultSubcommand: DistancesCommand.self)
}
