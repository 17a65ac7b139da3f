import CPROJ

/// One PROJ context. Not Sendable: each thread makes its own. PROJ's errno text is generic
/// ("Unknown error (code 4096)"), so a log hook keeps the real message for the thrown error.
public final class ProjContext {
    let handle: OpaquePointer
    fileprivate(set) var lastMessage: String?

    public init() throws {
        guard let handle = proj_context_create() else { throw GeometryError.proj("cannot create a PROJ context") }
        self.handle = handle
        proj_log_level(handle, PJ_LOG_ERROR)
        proj_log_func(handle, Unmanaged.passUnretained(self).toOpaque()) { userdata, _, message in
            guard let userdata, let message else { return }
            Unmanaged<ProjContext>.fromOpaque(userdata).takeUnretainedValue().lastMessage = String(cString: message)
        }
    }

    deinit { proj_context_destroy(handle) }

    func failure() -> GeometryError {
        defer { lastMessage = nil }
        if let lastMessage { return .proj(lastMessage) }
        let code = proj_context_errno(handle)
        return .proj(String(cString: proj_context_errno_string(handle, code)))
    }
}

/// A coordinate operation between two CRSs, with longitude/easting first on both sides.
public final class Transformation {
    let context: ProjContext
    let pointer: OpaquePointer

    /// `from` and `to` are anything PROJ accepts: "EPSG:32641", a PROJ string, WKT.
    public init(from source: String, to target: String = "EPSG:4326", context: ProjContext) throws {
        guard let raw = proj_create_crs_to_crs(context.handle, source, target, nil) else { throw context.failure() }
        defer { proj_destroy(raw) }
        guard let normalized = proj_normalize_for_visualization(context.handle, raw) else { throw context.failure() }
        self.context = context
        self.pointer = normalized
    }

    deinit { proj_destroy(pointer) }

    /// Transforms one position (x = easting or longitude, y = northing or latitude).
    public func transform(x: Double, y: Double) throws -> (x: Double, y: Double) {
        proj_errno_reset(pointer)
        let result = proj_trans(pointer, PJ_FWD, proj_coord(x, y, 0, 0))
        guard result.xy.x.isFinite, result.xy.y.isFinite else {
            let code = proj_errno(pointer)
            let message = code != 0 ? String(cString: proj_context_errno_string(context.handle, code)) : "not transformable"
            throw GeometryError.proj("cannot transform (\(x), \(y)): \(message)")
        }
        return (result.xy.x, result.xy.y)
    }
}
