import CGEOS
import CPROJ

/// The versions of the C libraries the results depend on, for the keys of cached results.
public enum LibraryVersions {
    public static var geos: String { String(cString: GEOSversion()) }
    public static var proj: String { String(cString: proj_info().release) }
}
