@testable import BorderAnalysis
@testable import BorderModel
import Geodesy
import Testing
@testable import BorderOutput

/// Output rows write the place description as bytes; it must read exactly as `PlaceBearing.description`,
/// whose figures (one decimal below 100 km, whole kilometres above) are the contract.
@Suite struct PlaceDescriptionTests {
    func bearing(_ metres: Double, _ azimuth: Double, name: String = "Mand") -> PlaceBearing {
        let place = Place(id: "x", name: name, alternateNames: [], kind: "town", country: "PK",
                          coordinate: Coordinate(longitude: 61.98, latitude: 26.09), isApproximate: false,
                          uncertaintyKilometres: 0, source: "", note: "")
        return PlaceBearing(place: place, distanceMetres: metres, azimuth: azimuth)
    }

    @Test func bytesReadAsTheDescription() {
        for metres in [0, 49.99, 50, 1_234.5, 14_249.9, 14_250, 99_949.9, 99_950, 99_999, 100_000, 250_499, 250_500] {
            for azimuth in stride(from: -180.0, through: 360, by: 11.25) {
                var bytes: [UInt8] = []
                bytes.appendDescription(bearing(metres, azimuth))
                #expect(String(decoding: bytes, as: UTF8.self) == bearing(metres, azimuth).description)
            }
        }
    }

    @Test func examplesWorkedByHand() {
        // 14,249.9 m is 14.2499 km → "14.2"; 99,950 m rounds to 100.0 km at one decimal; 250,500 m → 251 (half up).
        #expect(bearing(14_249.9, 225).description == "14.2 km SW of Mand")
        #expect(bearing(99_950, 0).description == "100.0 km N of Mand")
        #expect(bearing(250_500, 67.5).description == "251 km ENE of Mand")
        #expect(bearing(20, 90).description == "at Mand")
    }

    @Test func namesThatNeedQuotingAreQuoted() {
        var csv: [UInt8] = []
        csv.appendCSVValue(.placeDescription(bearing(1_000, 0, name: "Pishin, \"old\"")))
        #expect(String(decoding: csv, as: UTF8.self) == #""1.0 km N of Pishin, ""old""""#)
        var json: [UInt8] = []
        json.appendJSONValue(.placeDescription(bearing(1_000, 0, name: "a\"b")))
        #expect(String(decoding: json, as: UTF8.self) == #""1.0 km N of a\"b""#)
    }
}

/// The sixteen points by hand, through the fast path for geodesic azimuths ([-180, 180]) and the
/// general one outside it.
@Suite struct CompassTests {
    @Test func pointsWorkedByHand() {
        let cases: [(Double, String)] = [(0, "N"), (-0.0, "N"), (11.24, "N"), (11.26, "NNE"), (-11.24, "N"), (-11.26, "NNW"),
                                         (-90, "W"), (-180, "S"), (180, "S"), (-135, "SW"), (202.6, "SSW"), (348.76, "N"),
                                         (360, "N"), (405, "NE"), (-450, "W"), (1_000, "W"), (-200, "SSE")]
        for (azimuth, point) in cases { #expect(Compass.point(forAzimuth: azimuth) == point, "azimuth \(azimuth)") }
    }
}

/// `distance_by_source` in CSV: the JSON object's text as one quoted field with its quotes doubled,
/// written in place; read against quoting the text through `appendCSVField`, names with quotes,
/// backslashes and commas included.
@Suite struct NumbersFieldTests {
    @Test func objectTextIsOneQuotedCSVField() {
        let cases: [[(String, Double)]] = [[], [("bundled", 1.5)], [("bundled", 162855.7268), ("dcw", 0), ("we\"ird", -3.25), ("a,b\\c", 1e6)]]
        for pairs in cases {
            var json: [UInt8] = []
            json.appendJSONNumbers(pairs, decimals: 3)
            var expected: [UInt8] = Array("x,".utf8)
            expected.appendCSVField(String(decoding: json, as: UTF8.self))
            var written: [UInt8] = Array("x,".utf8)
            written.appendCSVValue(.numbers(pairs, decimals: 3))
            #expect(String(decoding: written, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        }
    }
}
