@testable import BorderInput
import Geodesy
import Testing

/// Degrees-minutes-seconds values worked by hand: d + m/60 + s/3600.
@Suite struct CoordinateTextTests {
    func latitude(_ text: String) -> Double? { try? CoordinateText.parse(text, axis: .latitude).get() }
    func longitude(_ text: String) -> Double? { try? CoordinateText.parse(text, axis: .longitude).get() }

    @Test func decimalDegrees() {
        #expect(latitude("29.858546") == 29.858546)
        #expect(longitude(" -60.5 ") == -60.5)
    }

    @Test func degreesAndMinutes() throws {
        // 29°51′ = 29 + 51/60 = 29.85 exactly; 60°52′ = 60 + 52/60 = 60.866666…
        #expect(abs(try #require(latitude("29°51′N")) - 29.85) < 1e-12)
        #expect(abs(try #require(longitude("60°52′E")) - 60.866_666_666_666_67) < 1e-12)
        #expect(abs(try #require(latitude("N 29° 51.5'")) - 29.858_333_333_333_33) < 1e-12)   // 51.5/60 = 0.858333…
    }

    @Test func degreesMinutesSeconds() throws {
        // 29 51 30 N = 29 + 51/60 + 30/3600 = 29 + 0.85 + 0.008333… = 29.858333…
        #expect(abs(try #require(latitude("29 51 30 N")) - 29.858_333_333_333_33) < 1e-12)
        // 60°52'15.5"E = 60 + 0.866666… + 15.5/3600 (0.004305555…) = 60.870972222…
        #expect(abs(try #require(longitude("60°52'15.5\"E")) - 60.870_972_222_222_22) < 1e-12)
        // Typographic marks, two apostrophes for seconds, letters d/m/s, colons.
        #expect(abs(try #require(longitude("60°52′15.5″E")) - 60.870_972_222_222_22) < 1e-12)
        #expect(abs(try #require(longitude("60°52'15.5''E")) - 60.870_972_222_222_22) < 1e-12)
        #expect(abs(try #require(latitude("29d51m30sN")) - 29.858_333_333_333_33) < 1e-12)
        #expect(abs(try #require(latitude("29:51:30")) - 29.858_333_333_333_33) < 1e-12)
    }

    @Test func southAndWestAreNegative() throws {
        // 33°52′S = -(33 + 52/60) = -33.866666…; 151°12′30″W = -(151 + 0.2 + 30/3600) = -151.208333…
        #expect(abs(try #require(latitude("33°52′S")) + 33.866_666_666_666_67) < 1e-12)
        #expect(abs(try #require(longitude("151°12′30″W")) + 151.208_333_333_333_33) < 1e-12)
        #expect(abs(try #require(latitude("-33 52")) + 33.866_666_666_666_67) < 1e-12)
    }

    @Test(arguments: [
        ("29°75′N", "minutes and seconds must be below 60"),
        ("29°51′60″N", "minutes and seconds must be below 60"),
        ("60°E", "hemisphere E in a latitude column"),
        ("-29°S", "both a sign and a hemisphere"),
        ("29.5°30′N", "only the last of degrees, minutes, seconds may have decimals"),
        ("95°N", "outside -90…90"),
        ("north", "not a number or degrees-minutes-seconds"),
        ("29′51°", "degrees, minutes and seconds out of order"),
        ("1 2 3 4", "not a number or degrees-minutes-seconds"),
        ("2\u{0}8", "not a number or degrees-minutes-seconds"),
        ("nan", "not a finite number"),
        ("", "empty"),
    ])
    func rejected(text: String, reason: String) {
        #expect(CoordinateText.parse(text, axis: .latitude) == .failure(CoordinateText.Problem(reason)))
    }
}

@Suite struct EventDateTests {
    @Test func formats() {
        #expect(EventDate.parse("2020-05-08") == EventDate(earliest: 2020_05_08, latest: 2020_05_08))
        #expect(EventDate.parse("08-05-2020") == EventDate(earliest: 2020_05_08, latest: 2020_05_08))
        #expect(EventDate.parse("16 May 2025") == EventDate(earliest: 2025_05_16, latest: 2025_05_16))
        #expect(EventDate.parse("16 September 2025") == EventDate(earliest: 2025_09_16, latest: 2025_09_16))
        #expect(EventDate.parse("2019") == EventDate(earliest: 2019_01_01, latest: 2019_12_31))
        #expect(EventDate.parse("2024-02") == EventDate(earliest: 2024_02_01, latest: 2024_02_29))
    }

    @Test func impossibleDates() {
        for text in ["2019-02-29", "31-04-2020", "32-01-2020", "16 Mayo 2025", "2020-13-01", "", "yesterday", "0-0-0"] {
            #expect(EventDate.parse(text) == nil, "\(text)")
        }
    }

    @Test func gtdUnknownParts() {
        #expect(EventDate.known(year: 2017, month: 3, day: 0) == EventDate(earliest: 2017_03_01, latest: 2017_03_31))
        #expect(EventDate.known(year: 2017, month: 0, day: 0) == EventDate(earliest: 2017_01_01, latest: 2017_12_31))
        #expect(EventDate.known(year: 2017, month: 0, day: 5) == nil)
    }

    @Test func partlyKnownDatesOverlapTheRange() {
        let filters = RowFilters(from: EventDate.parse("2017-03-15"), to: EventDate.parse("2017-12-31"))
        #expect(filters.excludes(EventDate.known(year: 2017, month: 3, day: 0)!) == nil)     // could be 15–31 March
        #expect(filters.excludes(EventDate.known(year: 2017, month: 2, day: 0)!) == "before --from")
        #expect(filters.excludes(EventDate.parse("2018-01-01")!) == "after --to")
    }
}

@Suite struct ReaderTests {
    func records(_ text: [UInt8], _ options: ReadingOptions = ReadingOptions()) throws -> [InputRecord] {
        var source = try RecordSources.open(.bytes(text, name: "t"), options: options)
        var all: [InputRecord] = []
        while let record = try source.next() { all.append(record) }
        return all
    }

    @Test func invalidUTF8RejectsOnlyItsRowAndLaterRowsAreRead() throws {
        let all = try records(Array("id,lat,lon\na,28,61\n".utf8) + [0x62, 0xC3, 0x28, 0x2C] + Array("28,61\nc,29,62\n".utf8))
        #expect(all.count == 3)
        guard case .rejected(let rejection) = all[1].outcome else { Issue.record("row 3 should be rejected"); return }
        #expect(rejection.column == "id" && rejection.reason.hasPrefix("invalid UTF-8 (byte 0xC3"))
        #expect(all[1].fields[0] == "b\u{FFFD}(")                    // the byte after C3 is kept as itself
        #expect(all[2].position != nil, "row 4 should be measured")
    }

    @Test func detection() {
        #expect(RecordSources.detect(["event_id_cnty", "event_date", "latitude", "longitude"]) == .acled)
        #expect(RecordSources.detect(["eventid", "iyear", "imonth", "iday", "latitude", "longitude"]) == .gtd)
        #expect(RecordSources.detect(["id", "wkt"]) == .wkt)
        #expect(RecordSources.detect(["id", "lat", "lon", "geometry"]) == .csv)
    }

    @Test func acledKeepsTheNewestTimestampPerEvent() throws {
        let text = "event_id_cnty,event_date,latitude,longitude,geo_precision,timestamp\n"
            + "PAK1,2020-05-08,26,63,3,100\nPAK1,2020-05-08,26.5,63,3,300\nPAK1,2020-05-08,26.2,63,3,200\nPAK2,2020-05-09,27,63,1,5\n"
        let all = try records(Array(text.utf8))
        #expect(all.map(\.outcome) == [.filtered(reason: "superseded by row 3 (newer timestamp)"), .located(Coordinate(longitude: 63, latitude: 26.5)),
                                        .filtered(reason: "superseded by row 3 (newer timestamp)"), .located(Coordinate(longitude: 63, latitude: 27))])
    }
}
