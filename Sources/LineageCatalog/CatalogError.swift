import LineageHub
import LineageSupport

/// A failure of the catalog's tables (families, the organization registry, renamed ids): a malformed row
/// with its `file:line`, a file that cannot be read, a registry row that does not validate.
public struct CatalogError: LocatedFailure {
    public var location: InputLocation?
    public var problem: String

    /// A problem described by `problem`, in `file` (at `line`) when given.
    public init(file: String? = nil, line: Int? = nil, _ problem: String) {
        self.problem = problem
        self.location = file.map { InputLocation(file: $0, line: line) }
    }

    /// A parser's problem, with its location (a byte offset stays in the message).
    init(_ error: HubParseError) {
        self.init(
            file: error.path, line: error.line > 0 ? error.line : nil,
            error.line == 0 ? error.byteOffset.map { "byte \($0): \(error.message)" } ?? error.message : error.message)
    }

    /// The path of the catalog's bundled resource `name`.
    static func bundledPath(_ name: String) throws(CatalogError) -> String {
        do { return try BundledResource.path(name, module: "LineageCatalog") } catch { throw CatalogError(error.message) }
    }
}
