/// How far from its coded position an incident may have happened: a radius, and where it came from.
public struct Uncertainty: Sendable, Equatable {
    public enum Source: String, Sendable {
        case option, column
        case geoPrecision = "geo_precision", specificity
        case wherePrecision = "where_prec"
        case none
    }

    public var radiusKilometres: Double
    public var source: Source

    public static let none = Uncertainty(radiusKilometres: 0, source: .none)

    public init(radiusKilometres: Double, source: Source) {
        self.radiusKilometres = radiusKilometres
        self.source = source
    }
}

/// A dataset's location-precision code and the radius each code stands for.
public struct PrecisionScale: Sendable {
    public var column: String
    public var source: Uncertainty.Source
    /// Radius in km per code; a code not listed has no radius (the row is rejected).
    public var radii: [Int: Double]

    /// The codebooks' scales (README, "Uncertainty", says which radii are conventions):
    /// ACLED `geo_precision` 1–3, GTD `specificity` 1–4 (5 has no coordinates at all),
    /// UCDP GED `where_prec` 1–6 (7, water or airspace, has no place to measure from).
    public static let acled = PrecisionScale(column: "geo_precision", source: .geoPrecision, radii: [1: 2, 2: 25, 3: 100])
    public static let gtd = PrecisionScale(column: "specificity", source: .specificity, radii: [1: 2, 2: 100, 3: 100, 4: 300])
    public static let ucdp = PrecisionScale(column: "where_prec", source: .wherePrecision,
                                            radii: [1: 1, 2: 25, 3: 100, 4: 300, 5: 500, 6: 1000])
    public static let all = [acled, gtd, ucdp]
}

/// The options that decide each row's radius, in order of precedence: one radius for every row,
/// a column of radii, the dataset's precision code (radii overridable), else none.
public struct UncertaintyOptions: Sendable {
    public var fixedKilometres: Double?
    /// The column of radii in km; nil: a column named `uncertainty_km` when there is one.
    public var column: String?
    /// `--precision-radii`: radii per code, replacing the scale's defaults for the codes given.
    public var precisionRadii: [Int: Double] = [:]

    public init(fixedKilometres: Double? = nil, column: String? = nil, precisionRadii: [Int: Double] = [:]) {
        self.fixedKilometres = fixedKilometres
        self.column = column
        self.precisionRadii = precisionRadii
    }

    public static let defaultColumn = "uncertainty_km"
}

/// Each row's radius under `UncertaintyOptions`, with the columns looked up once.
struct UncertaintyRule: Sendable {
    let fixedKilometres: Double?
    let column: Int?
    let scale: (column: Int, scale: PrecisionScale)?

    /// A `--uncertainty-column` the header lacks makes the input unusable.
    init(header: [String], file: String, options: UncertaintyOptions) throws {
        let lowered = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        fixedKilometres = options.fixedKilometres
        if let name = options.column {
            guard let index = lowered.firstIndex(of: name.lowercased()) else {
                throw UnusableInput(file: file, reason: "--uncertainty-column \(name): no such column")
            }
            column = index
        } else {
            column = lowered.firstIndex(of: UncertaintyOptions.defaultColumn)
        }
        scale = PrecisionScale.all.lazy.compactMap { scale -> (Int, PrecisionScale)? in
            guard let index = lowered.firstIndex(of: scale.column) else { return nil }
            var chosen = scale
            chosen.radii.merge(options.precisionRadii) { _, given in given }
            return (index, chosen)
        }.first
    }

    /// True when some row can have a radius: the uncertainty columns are then written by default.
    var isKnown: Bool { fixedKilometres != nil || column != nil || scale != nil }

    /// The row's radius, or why it cannot be read: (column index, reason).
    func uncertainty(_ fields: [String]) -> Result<Uncertainty, UncertaintyProblem> {
        if let fixedKilometres { return .success(Uncertainty(radiusKilometres: fixedKilometres, source: .option)) }
        if let column, column < fields.count, !fields[column].trimmingBlanks.isEmpty {
            let text = fields[column].trimmingBlanks
            guard let value = Double(text), value.isFinite, value >= 0 else {
                return .failure(UncertaintyProblem(column: column, reason: "not a radius in km (a number, 0 or more)"))
            }
            return .success(Uncertainty(radiusKilometres: value, source: .column))
        }
        if let (column, scale) = scale, column < fields.count, !fields[column].trimmingBlanks.isEmpty {
            let codes = scale.radii.keys.sorted()
            guard let code = Int(fields[column].trimmingBlanks), let radius = scale.radii[code] else {
                return .failure(UncertaintyProblem(column: column,
                    reason: "not a precision code with a radius (\(codes.map(String.init).joined(separator: ", ")))"))
            }
            return .success(Uncertainty(radiusKilometres: radius, source: scale.source))
        }
        return .success(.none)
    }
}

struct UncertaintyProblem: Error {
    var column: Int
    var reason: String
}

extension UncertaintyOptions {
    /// True when rows read with these options under `header` can have a radius: the uncertainty
    /// columns are then among the default computed columns.
    public func applies(to header: [String]) -> Bool {
        let lowered = Set(header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        return fixedKilometres != nil || column != nil || lowered.contains(Self.defaultColumn)
            || PrecisionScale.all.contains { lowered.contains($0.column) }
    }
}
