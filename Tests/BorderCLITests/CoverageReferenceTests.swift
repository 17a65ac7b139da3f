import Foundation
import Testing

/// The built `border coverage` against answers computed independently with GeographicLib
/// (scripts/reference/make_coverage_references.py, committed in Inputs/coverage/reference-answers.json),
/// on the bundled data and on constructions whose geometry is known (Inputs/coverage/*.csv, *.geojson).
/// Tolerances (CoverageTolerance): README's 0.5 m per boundary, plus json's printing to 1 m and the
/// reference's 1 mm: a gap end or an incident's distance within 1.002 m, a total within 0.502 m per
/// boundary plus 0.5 m.
@Suite struct CoverageReferenceTests {
    typealias Tolerance = CoverageTolerance

    @Test(arguments: try CoverageReference.load().scenarios)
    func everyFigureMatchesTheReference(_ scenario: CoverageReference.Scenario) throws {
        let output = try CoverageOutput.run(scenario.arguments)
        let length = scenario.borderM
        #expect(abs(output.borderKm * 1000 - length) <= Tolerance.printedMetres + Tolerance.referenceMetres)
        #expect(output.filters.segmentsUsed == scenario.segmentsUsed)
        let boundaries = Tolerance.innerBoundaries(scenario.covered, length: length)
        #expect(abs(output.coveredKm * 1000 - scenario.coveredM) <= Tolerance.lengthMetres(boundaries: boundaries),
                "covered \(output.coveredKm) km, reference \(scenario.coveredM) m")
        #expect(abs(output.coveragePct - scenario.coveragePct) <= Tolerance.percent(boundaries: boundaries, of: length))
        expectGaps(output, scenario)
        expectSectors(output.sectors, scenario.sectors, covered: scenario.covered)
        expectTimeline(output.timeline, scenario.timeline, length: length)
        expectIncidents(output, scenario)
    }

    func expectGaps(_ output: CoverageOutput, _ scenario: CoverageReference.Scenario) {
        #expect(output.gaps.count == scenario.gaps.count, "gaps \(output.gaps.map { ($0.startKm, $0.endKm) })")
        for (gap, reference) in zip(output.gaps, scenario.gaps) {
            #expect(abs(gap.startKm * 1000 - reference.startM) <= Tolerance.boundaryMetres, "gap start \(gap.startKm) km, reference \(reference.startM) m")
            #expect(abs(gap.endKm * 1000 - reference.endM) <= Tolerance.boundaryMetres, "gap end \(gap.endKm) km, reference \(reference.endM) m")
            #expect(abs(gap.lengthKm * 1000 - (reference.endM - reference.startM)) <= Tolerance.lengthMetres(boundaries: 2))
            #expect(Tolerance.metresApart([gap.startLon, gap.startLat], reference.start) <= Tolerance.positionMetres)
            #expect(Tolerance.metresApart([gap.endLon, gap.endLat], reference.end) <= Tolerance.positionMetres)
        }
        let longest = scenario.gaps.max { $0.endM - $0.startM < $1.endM - $1.startM }
        #expect((output.longestGap?.startKm).map { abs($0 * 1000 - (longest?.startM ?? .nan)) <= Tolerance.boundaryMetres }
                ?? (longest == nil))
    }

    func expectSectors(_ sectors: [CoverageOutput.Sector], _ references: [CoverageReference.Sector], covered: [[Double]]) {
        #expect(sectors.map(\.name) == references.map(\.name))
        for (sector, reference) in zip(sectors, references) {
            // The limits are data/sectors.csv's, to the metre.
            #expect(abs(sector.startKm - reference.startKm) < 1e-9 && abs(sector.endKm - reference.endKm) < 1e-9, "\(sector.name)")
            let lengthMetres = (reference.endKm - reference.startKm) * 1000
            #expect(abs(sector.lengthKm * 1000 - lengthMetres) <= Tolerance.printedMetres + 1e-6)
            #expect(abs(sector.coveredKm * 1000 - reference.coveredM) <= Tolerance.lengthMetres(boundaries: reference.boundariesInside),
                    "\(sector.name): covered \(sector.coveredKm) km, reference \(reference.coveredM) m")
            #expect(abs(sector.coveragePct - reference.coveragePct)
                    <= Tolerance.percent(boundaries: reference.boundariesInside, of: lengthMetres), "\(sector.name)")
        }
    }

    func expectTimeline(_ steps: [CoverageOutput.Step], _ references: [CoverageReference.Step], length: Double) {
        #expect(steps.map(\.date) == references.map(\.date))
        #expect(steps.map(\.segments) == references.map(\.segments))
        for (step, reference) in zip(steps, references) {
            let boundaries = Tolerance.innerBoundaries(reference.covered, length: length)
            #expect(abs(step.coveredKm * 1000 - reference.coveredM) <= Tolerance.lengthMetres(boundaries: boundaries),
                    "\(step.date): \(step.coveredKm) km, reference \(reference.coveredM) m")
            #expect(abs(step.coveragePct - reference.coveragePct) <= Tolerance.percent(boundaries: boundaries, of: length), "\(step.date)")
        }
    }

    func expectIncidents(_ output: CoverageOutput, _ scenario: CoverageReference.Scenario) {
        #expect(output.incidentsNearGaps.map(\.id) == scenario.incidentsNearGaps.map(\.id))
        #expect(output.incidentsNearGaps.map(\.gap) == scenario.incidentsNearGaps.map(\.gap))
        for (incident, reference) in zip(output.incidentsNearGaps, scenario.incidentsNearGaps) {
            #expect(abs(incident.distanceKm * 1000 - reference.distanceM) <= Tolerance.boundaryMetres,
                    "\(incident.id): \(incident.distanceKm) km, reference \(reference.distanceM) m")
            if let gap = output.gaps.indices.contains(incident.gap - 1) ? output.gaps[incident.gap - 1] : nil {
                #expect(incident.gapStartKm == gap.startKm && incident.gapEndKm == gap.endKm, "\(incident.id)")
            } else {
                Issue.record("\(incident.id): gap \(incident.gap) of \(output.gaps.count)")
            }
        }
    }

    /// README "The bundled figures", checked against the reference and printed as README says.
    @Test func theBundledFiguresAreTheReadmes() throws {
        let reference = try CoverageReference.scenario("bundled")
        let output = try CoverageOutput.run([])
        // README's figures are rounded as json prints them; each is within the tolerance of the reference.
        #expect(abs(757_885 - reference.coveredM) <= Tolerance.lengthMetres(boundaries: 2))
        #expect(abs(74.09 - reference.coveragePct) <= Tolerance.percent(boundaries: 2, of: reference.borderM))
        #expect(reference.gaps.count == 1)
        #expect(abs(378_923 - (reference.gaps.first?.startM ?? 0)) <= Tolerance.boundaryMetres)
        #expect(abs(644_019 - (reference.gaps.first?.endM ?? 0)) <= Tolerance.boundaryMetres)
        #expect(zip([100, 91.50, 0, 67.02, 100], reference.sectors).allSatisfy { abs($0 - $1.coveragePct) <= 0.006 })
        #expect(reference.timeline.first?.date == "2019-09-30" && abs(3.37 - (reference.timeline.first?.coveragePct ?? 0)) <= 0.006)
        #expect(reference.timeline.last?.date == "2024-12-28" && abs(74.09 - (reference.timeline.last?.coveragePct ?? 0)) <= 0.006)
        #expect(reference.incidentsNearGaps.isEmpty)

        #expect(output.borderKm == 1022.981 && output.coveredKm == 757.885 && output.coveragePct == 74.09)
        #expect(output.gaps.map { [$0.startKm, $0.endKm, $0.lengthKm] } == [[378.923, 644.019, 265.096]])
        #expect(output.sectors.map(\.coveragePct) == [100, 91.50, 0, 67.02, 100])
        #expect(output.timeline.first.map { [$0.coveredKm, $0.coveragePct] } == [34.517, 3.37])
        #expect(output.timeline.last.map { [$0.coveredKm, $0.coveragePct] } == [757.885, 74.09])
        #expect(output.incidentsNearGaps.isEmpty)
    }

    /// data/sectors.csv's limits (which json prints) are the border points nearest the landmarks
    /// their definitions name, recomputed by the reference; the sectors tile the border.
    @Test func theSectorLimitsAreTheBorderPointsNearestTheirLandmarks() throws {
        let reference = try CoverageReference.load()
        let output = try CoverageOutput.run([])
        #expect(output.sectors.map(\.name) == reference.sectorLimits.map(\.name))
        for (sector, limit) in zip(output.sectors, reference.sectorLimits) {
            #expect(abs(sector.startKm * 1000 - limit.startM) <= Tolerance.printedMetres + Tolerance.referenceMetres, "\(sector.name)")
            #expect(abs(sector.endKm * 1000 - limit.endM) <= Tolerance.printedMetres + Tolerance.referenceMetres, "\(sector.name)")
        }
        #expect(zip(output.sectors, output.sectors.dropFirst()).allSatisfy { $0.endKm == $1.startKm })
        #expect(output.sectors.first?.startKm == 0 && output.sectors.last?.endKm == output.borderKm)
    }

    /// Inputs/coverage/fence-dates.csv: segments completed on 2020-06-29, two on 2020-06-30, one on
    /// 2020-07-01 and 2021-01-01, one undated; a step counts the segments completed on its own date.
    @Test func aSegmentCompletedOnAStepsDateCountsAtThatStep() throws {
        let output = try CoverageOutput.run(try CoverageReference.scenario("dates").arguments)
        #expect(output.timeline.map(\.date) == ["2020-06-29", "2020-06-30", "2020-07-01", "2021-01-01"])
        #expect(output.timeline.map(\.segments) == [1, 3, 4, 5])
        // The undated segment (km 260–270) counts in the total but at no step.
        #expect(output.filters.segmentsUsed == 6)
        #expect((output.timeline.last?.coveredKm ?? 0) < output.coveredKm - 10)
        // --as-of the step date keeps both segments completed on it.
        let asOf = try CoverageOutput.run(try CoverageReference.scenario("dates, as of the step date").arguments)
        #expect(asOf.filters.segmentsUsed == 3)
        #expect(asOf.timeline.map(\.segments) == [1, 3])
        #expect(asOf.timeline.last?.coveredKm == asOf.coveredKm)
    }

    /// README: "With `--status built,under_construction` … coverage is 100 %".
    @Test func builtAndUnderConstructionCoverTheWholeBorder() throws {
        let output = try CoverageOutput.run(["--status", "built,under_construction"])
        #expect(output.coveragePct == 100 && output.coveredKm == output.borderKm && output.gaps.isEmpty)
        #expect(output.filters.segmentsUsed == 33)
        // Undated segments stand at no step: the last step is the built fence's 757.885 km.
        #expect(output.timeline.last?.coveredKm == 757.885)
    }

    /// --side counts only who built it: Iran's walls alone (km 165.7–949.5), and on fence-dates.csv
    /// the two Iranian segments.
    @Test func sideCountsOnlyWhoBuiltIt() throws {
        let iran = try CoverageReference.scenario("bundled, Iran, built and under construction")
        let output = try CoverageOutput.run(iran.arguments)
        #expect(output.filters.segmentsUsed == 2 && output.gaps.count == 2 && output.timeline.isEmpty)
        #expect(abs((output.gaps.first?.endKm ?? 0) * 1000 - iran.covered[0][0]) <= Tolerance.boundaryMetres)
        #expect(try CoverageOutput.run(["--side", "IR"]).coveredKm == 0)
        let dates = try CoverageOutput.run(try CoverageReference.scenario("dates, Iran").arguments)
        #expect(dates.filters.segmentsUsed == 2 && dates.timeline.map(\.date) == ["2020-06-30"])
    }

    /// Inputs/coverage/incidents-near-gaps.csv against fence-dates.csv's 7 gaps (distances from the reference).
    @Test func eachIncidentIsMatchedToItsNearestGap() throws {
        let scenario = try CoverageReference.scenario("dates")
        let output = try CoverageOutput.run(scenario.arguments)
        let matched = Dictionary(uniqueKeysWithValues: output.incidentsNearGaps.map { ($0.id, $0) })
        // Within 10 km of gap 5 (4.7 km) and of gap 6 (0.9 km): the nearer, not the first.
        #expect(matched["two-gaps-later-nearer"]?.gap == 6)
        #expect(matched["beside-covered-stretch"]?.gap == 3)
        // In the middle of gap 4: 6.0 km from it, though 11.5 km from its start.
        #expect(abs((matched["far-from-its-gap-start"]?.distanceKm ?? 0) - 6.0) <= 0.01)
        #expect(matched["on-border-in-first-gap"]?.distanceKm == 0)
        #expect(matched["within-12km-not-10"] == nil && matched["far-away"] == nil)
        // Solved to lie 9.95 and 10.05 km from the nearest gap, either side of the default --near 10:
        // beside a gap, and on the border where it is covered (within 10 km of the border, not of a gap).
        #expect(matched["just-within-10km"] != nil && matched["just-beyond-10km"] == nil)
        #expect(matched["covered-just-within-10km"] != nil && matched["covered-just-beyond-10km"] == nil)
        let wider = try CoverageOutput.run(try CoverageReference.scenario("dates, incidents within 12 km").arguments)
        #expect(wider.incidentsNearGaps.map(\.id).contains("within-12km-not-10"))
    }

    /// Inputs/coverage/fence-many-dates.csv: 45 monthly dates over 2019–2022, so one step per year.
    @Test func aTimelineOfMoreThanFortyDatesIsPerYear() throws {
        let output = try CoverageOutput.run(try CoverageReference.scenario("many dates").arguments)
        #expect(output.timeline.map(\.date) == ["2019-12-15", "2020-12-15", "2021-12-15", "2022-09-15"])
        #expect(output.timeline.map(\.segments) == [12, 24, 36, 45])
    }
}
