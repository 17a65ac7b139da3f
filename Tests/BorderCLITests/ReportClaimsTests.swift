import Foundation
import Testing

/// The seed's claims as the report checks them, against report_reference.py (GeographicLib; the
/// generalised lengths from Inputs/report/generalisation.csv): every verdict, every figure of the
/// "measured" cell in order, and the places and sides it names.
@Suite struct ReportClaimsTests {
    /// The claims table's rows against the reference, claim by claim. A distance_to_border claim
    /// is ruled on with its incident's interval over its uncertainty disc widened by the line
    /// spread (README, "Report"); report_reference.py measures the coded point only, so for those
    /// claims the verdict and the figures after the reference's are derived here from
    /// `ReferenceIncident`'s independent bounds (`distanceVerdict`), and where the radius is 0
    /// and there is no spread the derived verdict must be the reference's.
    static func check(_ rows: [[String]], against claims: [ReportExpectation.Claim], subjects: [String: ClaimSubject],
                      incidents: [ReferenceIncident], withSpread: Bool) {
        #expect(rows.count == claims.count)
        let byID = Dictionary(incidents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (row, claim) in zip(rows, claims) {
            guard row.count == 4 else { Issue.record("\(claim.id): row \(row)"); continue }
            let (statement, stated, verdict, measured) = (row[0], row[1], row[2], row[3])
            #expect(statement == claim.statement, "\(claim.id)")
            #expect(stated == claim.stated, "\(claim.id)")
            guard let figures = claim.figures else {
                #expect(verdict == claim.verdict, "\(claim.id): \(measured)")
                #expect(measured == claim.words.first, "\(claim.id)")
                continue
            }
            for word in claim.words { #expect(measured.contains(word), "\(claim.id): \(word) not in \(measured)") }
            let shown = numbers(in: measured)
            guard let subject = subjects[claim.id], subject.kind == "distance_to_border", let id = subject.subject, let incident = byID[id] else {
                #expect(verdict == claim.verdict, "\(claim.id): \(measured)")
                #expect(shown == figures, "\(claim.id): \(measured)")
                continue
            }
            let derived = distanceVerdict(incident, stated: subject.stated, withSpread: withSpread)
            guard let derived else { Issue.record("\(claim.id): the independent bounds do not decide the verdict; commit the disc's maximum"); continue }
            #expect(verdict == derived, "\(claim.id): \(measured)")
            if incident.radiusMetres == 0 && !withSpread { #expect(derived == claim.verdict, "\(claim.id): radius 0 keeps the point rule") }
            #expect(measured.contains(["consistent": "; all of it is within", "inconsistent": "; none of it is within",
                                       "unverifiable": "; part of it is within"][derived] ?? "?"), "\(claim.id): \(measured)")
            // The reference's figures, then: radius, the interval, [the spread and the widened interval],
            // the stated figure and its tolerance (or 25 km).
            #expect(Array(shown.prefix(figures.count)) == figures, "\(claim.id): \(measured)")
            var rest = Array(shown.dropFirst(figures.count))
            func next() -> String { rest.isEmpty ? "?" : rest.removeFirst() }
            func upper(_ shownKm: String, _ extra: Double) -> Bool {
                // The report's maximum lies in [true max, true max + 1 m], the true one in [at least, at most].
                guard let value = Double(shownKm) else { return false }
                if let known = incident.maxKnownMetres {
                    return shownKm == ReportReference.up(known + extra) || shownKm == ReportReference.up(known + extra + 1)
                }
                return value * 1000 >= incident.maxAtLeastMetres + extra && value * 1000 < incident.maxAtMostMetres + extra + 101
            }
            #expect(next() == FixedPointKey.plain(incident.radiusMetres / 1000), "\(claim.id): radius in \(measured)")
            #expect(next() == ReportReference.down(incident.minMetres), "\(claim.id): interval in \(measured)")
            #expect(upper(next(), 0), "\(claim.id): interval in \(measured)")
            if withSpread {
                let spread = incident.spreadMetres
                #expect(next() == String(format: "%.1f", spread / 1000), "\(claim.id): spread in \(measured)")
                #expect(next() == ReportReference.down(max(0, incident.minMetres - spread)), "\(claim.id): widened in \(measured)")
                #expect(upper(next(), spread), "\(claim.id): widened in \(measured)")
            }
            if let value = subject.stated {
                #expect(next() == String(format: "%.2f", value) && next() == String(format: "%.2f", max(2, value * 0.2)), "\(claim.id): \(measured)")
            } else {
                #expect(next() == "25", "\(claim.id): \(measured)")
            }
            #expect(rest.isEmpty, "\(claim.id): \(measured)")
        }
    }

    /// The rule of README, "Report", on the independent bounds: W = [max(0, min − s), max + s]
    /// with min = max(0, d − r) exact and max in [maxAtLeast, maxAtMost + 1 m] (the report's is
    /// from above); t = max(2 km, 20 %) of the stated figure. Inconsistent when the stated figure
    /// is more than t outside W; consistent when all of W is within t of it; else unverifiable.
    /// With no stated figure, W against [0, 25 km]. Nil when the bounds do not decide.
    static func distanceVerdict(_ incident: ReferenceIncident, stated: Double?, withSpread: Bool) -> String? {
        let s = withSpread ? incident.spreadMetres : 0
        let margin = incident.radiusMetres > 0 ? 1.0 : 0
        let low = max(0, incident.minMetres - s) / 1000
        let highAtLeast = (incident.maxAtLeastMetres + s) / 1000, highAtMost = (incident.maxAtMostMetres + margin + s) / 1000
        let (from, to) = stated.map { ($0 - max(2, $0 * 0.2), $0 + max(2, $0 * 0.2)) } ?? (-Double.infinity, 25)
        if let stated {
            let t = max(2, stated * 0.2)
            if stated < low - t || stated > highAtMost + t { return "inconsistent" }
            guard stated <= highAtLeast + t else { return nil }
        } else {
            if low > 25 { return "inconsistent" }
        }
        if low >= from && highAtMost <= to { return "consistent" }
        if low < from || highAtLeast > to { return "unverifiable" }
        return nil
    }

    @Test func bundledClaimsAgreeWithTheReference() throws {
        guard let expected = try ReportReference.available({ try ReportReference.bundled.get() }),
              let incidents = try ReportReference.available({ try ReportReference.bundledIncidents.get() }) else { return }
        let subjects = try ClaimSubject.load(CLI.repository.appendingPathComponent("seeds/claims.json"))
        Self.check(try ReportCommandTests.table(startingWith: "claim"), against: expected.claims, subjects: subjects,
                   incidents: incidents, withSpread: true)
        // What the seed's findings (seeds/claims.json reference_finding) say of the five geometric claims.
        let verdicts = Dictionary(uniqueKeysWithValues: expected.claims.map { ($0.id, $0.verdict) })
        #expect(verdicts["torkham-on-border"] == "inconsistent" && verdicts["taftan-border-town"] == "consistent")
        #expect(verdicts["ied-distance-to-border"] == "unverifiable" && verdicts["border-length"] == "approximate")
        #expect(verdicts["border-endpoints"] == "consistent")
        // "About nine miles" (14.48 km) for the IED coded to Turbat (geo_precision 3, 100 km): the disc
        // holds distances from 0 to about 167 km, within the claim's tolerance and far beyond it.
        let ied = try #require(incidents.first { $0.id == "2020-05-08-buleda-ied" })
        #expect(Self.distanceVerdict(ied, stated: 14.48, withSpread: true) == "unverifiable")
    }

    /// Probe claims just inside and just outside every threshold: 10 km (on_border, endpoint),
    /// 25 km (distance_to_border), max(2 km, 20 %) of a stated distance (both branches, both signs),
    /// geo_precision 3 (a 100 km disc around a point 30 km from the border: unverifiable), the generalised lengths' range, the Makran polygon, killed sums (one subject
    /// missing: not checked), a finding cut to 200 characters.
    @Test func probeClaimsEitherSideOfEveryThreshold() throws {
        guard let probes = try ReportReference.available({ try ReportReference.probes.get() }) else { return }
        for claim in probes.expected.claims { #expect(claim.verdict == claim.probeExpects, "\(claim.id): the probe missed its threshold") }
        Self.check(markdownTable(probes.markdown, startingWith: "claim"), against: probes.expected.claims, subjects: probes.claims,
                   incidents: probes.incidents, withSpread: false)
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
