@testable import BorderModel
import Foundation
import Geodesy
import Testing

/// The bundled data: where the border begins and ends, and that every place lies on its side.
@Suite struct DataTests {
    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("data")
    let atlas: Atlas

    init() throws { atlas = try Atlas.load(from: DataTests.data, edgeCache: nil) }     // no test touches $HOME

    @Test func borderRunsFromTheTripointToTheCoast() throws {
        let border = atlas.border
        #expect(border.line.vertices.count == 16_865)
        #expect(border.start == Coordinate(longitude: 60.872855, latitude: 29.858546))
        #expect(abs(border.end.longitude - 61.6182) < 1e-4 && abs(border.end.latitude - 25.177871) < 1e-4)
        // GeographicLib: 1,022.981 km (../shared/reference/border-sources/REPORT.md).
        #expect(abs(border.lengthKilometres - 1022.981) < 0.001)
    }

    @Test func threeCountriesMeetAtTheTripoint() throws {
        let locator = try CountryLocator(atlas.countries)
        let around = stride(from: 0.0, to: 360, by: 15).map {
            Geodesic.wgs84.direct(from: atlas.border.start, azimuth: $0, distance: 3_000)
        }
        let countries = Set(try around.map { try locator.country(at: $0) })
        #expect(countries == [.pakistan, .iran, .afghanistan])
    }

    @Test func theSouthEndMeetsTheSea() throws {
        let locator = try CountryLocator(atlas.countries)
        let offshore = Geodesic.wgs84.direct(from: atlas.border.end, azimuth: 180, distance: 5_000)
        let inland = Geodesic.wgs84.direct(from: atlas.border.end, azimuth: 0, distance: 5_000)
        #expect(try locator.country(at: offshore) == .other)
        #expect(try locator.country(at: inland) != .other)
    }

    @Test func placesAreWhereTheirCountrySays() throws {
        let locator = try CountryLocator(atlas.countries)
        #expect(atlas.places.count >= 25)
        for place in atlas.places where Country(rawValue: place.country) != nil {
            let found = try locator.country(at: place.coordinate)
            let nearest = atlas.border.line.nearestPoint(to: place.coordinate)
            let byLine: Country? = nearest.side.map { $0 == .left ? .pakistan : .iran }
            #expect(found.rawValue == place.country, "\(place.name) is in \(found), data says \(place.country)")
            if nearest.distance < 50_000, let byLine {
                #expect(byLine.rawValue == place.country, "\(place.name): border side \(byLine)")
            }
        }
    }

    @Test func requiredPlacesArePresent() {
        let names = Set(atlas.places.map { $0.name.lowercased() })
        for name in ["taftan", "mirjaveh", "gwadar", "jiwani", "mand", "turbat", "panjgur", "buleda", "mashkel",
                     "dalbandin", "quetta", "ormara", "sukkur", "torkham", "zahedan", "saravan", "chabahar"] {
            #expect(names.contains(where: { $0.contains(name) }), "missing \(name)")
        }
        #expect(atlas.places.filter { $0.kind == "crossing" }.count >= 3)
        #expect(atlas.places.contains { $0.kind == "tripoint" })
    }

    /// Every incident is coded to a place of places.csv (its position exactly), lies in the country its
    /// `side` names, and has an ACLED precision code 1–3.
    @Test func everyIncidentHasAValidPositionAndPrecision() throws {
        let text = try String(contentsOf: atlas.incidentsFile, encoding: .utf8)
        #expect(text.hasPrefix("id,date,place,lat,lon,geo_precision,killed,injured,claimed_by,reported_distance_km"))
        let table = try CSVTable(url: atlas.incidentsFile)
        let places = Dictionary(uniqueKeysWithValues: atlas.places.map { ($0.id, $0) })
        let locator = try CountryLocator(atlas.countries)
        let incidents = try table.map { field in
            (id: try field("id"), place: try field("place"), side: try field("side"), precision: Int(try field("geo_precision")),
             position: Coordinate(longitude: Double(try field("lon")) ?? .nan, latitude: Double(try field("lat")) ?? .nan))
        }
        #expect(incidents.count == 25)
        #expect(incidents.contains { $0.id == "2020-05-08-buleda-ied" })   // the seed's IED near Buleda
        for incident in incidents {
            let place = try #require(places[incident.place], "\(incident.id): no place \(incident.place)")
            #expect(incident.position == place.coordinate, "\(incident.id) is not at \(place.name)")
            #expect((1...3).contains(incident.precision ?? 0), "\(incident.id) geo_precision")
            #expect(try locator.country(at: incident.position).rawValue == incident.side, "\(incident.id) side")
        }
    }
}
