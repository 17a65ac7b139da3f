import CGEOS

/// One GEOS context handle. Not Sendable on purpose: each thread makes its own, and
/// geometries keep their context alive, so `GEOS_finish_r` never runs before they are freed.
public final class GEOSContext {
    let handle: GEOSContextHandle_t
    /// The last message GEOS sent to the error handler.
    fileprivate(set) var lastError: String?

    public init() {
        handle = GEOS_init_r()
        GEOSContext_setErrorMessageHandler_r(handle, { message, userdata in
            guard let message, let userdata else { return }
            let context = Unmanaged<GEOSContext>.fromOpaque(userdata).takeUnretainedValue()
            context.lastError = String(cString: message)
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    deinit { GEOS_finish_r(handle) }

    /// The error to throw after a GEOS call signalled failure, carrying GEOS's own message.
    func failure(_ fallback: String) -> GeometryError {
        defer { lastError = nil }
        return .geos(lastError ?? fallback)
    }

    /// Copies and frees a string GEOS allocated.
    func takeString(_ pointer: UnsafeMutablePointer<CChar>?, or fallback: String) throws -> String {
        guard let pointer else { throw failure(fallback) }
        defer { GEOSFree_r(handle, pointer) }
        return String(cString: pointer)
    }
}
