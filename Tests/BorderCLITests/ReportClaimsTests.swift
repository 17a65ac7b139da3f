import Foundation
import Testing

/// The seed's claims as the report checks them, against report_reference.py (GeographicLib; the
/// generalised lengths from Inputs/report/generalisation.csv): every verdict, every figure of the
/// "measured" cell in order, and the places and sides it names.
@Suite struct ReportClaimsTests {
    /// The claims table's rows against the reference, claim by claim.
    static func check(_ rows: [[String]], against claims: [ReportExpectation.Claim]) {
        #expect(rows.count == claims.count)
        for (row, claim) in zip(rows, claims) {
            guard row.count == 4 else { Issue.record("\(claim.id): row \(row)"); continue }
            let (statement, stated, verdict, measured) = (row[0], row[1], row[2], row[3])
            #expect(statement == claim.statement, "\(claim.id)")
            #expect(stated == claim.stated, "\(claim.id)")
            #expect(verdict == claim.verdict, "\(claim.id): \(measured)")
            if let figures = claim.figures {
                #expect(numbers(in: measured) == figures, "\(claim.id): \(measured)")
                for word in claim.words { #expect(measured.contains(word), "\(claim.id): \(word) not in \(measured)") }
            } else {
                #expect(measured == claim.words.first, "\(claim.id)")
            }
        }
    }

    @Test func bundledClaimsAgreeWithTheReference() throws {
        guard let expected = try ReportReference.available({ try ReportReference.bundled.get() }) else { return }
        Self.check(try ReportCommandTests.table(startingWith: "claim"), against: expected.claims)
        // What the seed's findings (seeds/claims.json reference_finding) say of the five geometric claims.
        let verdicts = Dictionary(uniqueKeysWithValues: expected.claims.map { ($0.id, $0.verdict) })
        #expect(verdicts["torkham-on-border"] == "inconsistent" && verdicts["taftan-border-town"] == "consistent")
        #expect(verdicts["ied-distance-to-border"] == "unverifiable" && verdicts["border-length"] == "approximate")
        #expect(verdicts["border-endpoints"] == "consistent")
    }

    /// Probe claims just inside and just outside every threshold: 10 km (on_border, endpoint),
    /// 25 km (distance_to_border), max(2 km, 20 %) of a stated distance (both branches, both signs),
    /// geo_precision 3, the generalised lengths' range, the Makran polygon, killed sums (one subject
    /// missing: not checked), a finding cut to 200 characters.
    @Test func probeClaimsEitherSideOfEveryThreshold() throws {
        guard let probes = try ReportReference.available({ try ReportReference.probes.get() }) else { return }
        for claim in probes.expected.claims { #expect(claim.verdict == claim.probeExpects, "\(claim.id): the probe missed its threshold") }
        Self.check(markdownTable(probes.markdown, startingWith: "claim"), against: probes.expected.claims)
    }

    /// Douglas–Peucker in UTM 41N through shapely/GEOS and pyproj (scripts/reference/report_generalisation.py),
    /// agreeing with ../shared/reference/border-sources/REPORT.md.
    @Test func generalisationTableAgreesWithTheCommittedReference() throws {
        guard let expected = try ReportReference.available({ try ReportReference.bundled.get() }) else { return }
        let rows = try ReportCommandTests.table(startingWith: "Douglas–Peucker tolerance (UTM 41N)")
        #expect(rows == expected.generalisation.map { [$0[0] == "0" ? "none" : $0[0] + " m", $0[1], $0[2]] })
        #expect(rows.map { $0[2] } == ["1023.0", "992.8", "978.2", "960.6", "930.3", "905.6", "871.2"])
    }
}
