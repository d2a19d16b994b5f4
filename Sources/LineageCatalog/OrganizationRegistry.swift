import Foundation
import LineageStore
import LineageSupport

/// Who owns each Hub namespace, from which country and of what kind, with where each fact came from.
///
/// Layers, lowest first: the Hub's user/organization answers (`lineage sync --namespaces`, which only fill
/// what the next layer leaves unknown), the bundled registry (`organizations.csv`, built by
/// `scripts/build-registry.py` from ATOM, Epoch AI and hand-curated rows), the rows a user added to the
/// store (`lineage registry add|import`), and a `--registry FILE`. A row of a higher layer replaces the
/// lower layer's row for that namespace entirely ("theirs wins"); every replacement that changes the
/// country or kind is kept in `conflicts`, beside the conflicts between upstream sources found when the
/// bundled registry was built. Nothing is ever inferred from `region:` tags or from a name's language.
public struct OrganizationRegistry: Sendable {
    /// The bundled registry's resource name.
    public static let bundledFileName = "organizations.csv"
    /// The Epoch organization name → Hub namespace table the bundled registry was joined through.
    public static let aliasesFileName = "organization-aliases.csv"
    /// Conflicts between upstream sources found when the bundled registry was built.
    public static let conflictsFileName = "organization-conflicts.csv"

    /// The effective rows, one per namespace, sorted by namespace (case-insensitive).
    public let organizations: [Organization]
    /// Disagreements between sources and layers, in namespace order.
    public let conflicts: [RegistryConflict]
    /// Rows replaced by a higher layer, by lowercased namespace (for `registry show`).
    public let overridden: [String: [Organization]]
    private let index: [String: Int]

    /// A registry of `layers`, lowest first; `conflicts` are known conflicts to report (build-time ones).
    public init(layers: [[Organization]], conflicts known: [RegistryConflict] = []) {
        var rows: [String: Organization] = [:]
        var replaced: [String: [Organization]] = [:]
        var conflicts = known
        for layer in layers {
            for organization in layer {
                let key = organization.namespace.lowercased()
                if let lower = rows[key] {
                    replaced[key, default: []].append(lower)
                    for (field, new, old) in [
                        ("country", organization.country, lower.country),
                        ("kind", organization.kind?.rawValue, lower.kind?.rawValue),
                    ] where new != old {
                        conflicts.append(RegistryConflict(
                            namespace: organization.namespace, field: field, chosen: new ?? "", chosenSource: "\(organization.layer): \(organization.source)",
                            other: old ?? "", otherSource: "\(lower.layer): \(lower.source)", note: "a higher layer wins"))
                    }
                }
                rows[key] = organization
            }
        }
        organizations = rows.values.sorted { ($0.namespace.lowercased(), $0.namespace) < ($1.namespace.lowercased(), $1.namespace) }
        index = Dictionary(uniqueKeysWithValues: organizations.enumerated().map { ($1.namespace.lowercased(), $0) })
        overridden = replaced
        self.conflicts = conflicts.sorted { ($0.namespace.lowercased(), $0.field) < ($1.namespace.lowercased(), $1.field) }
    }

    // MARK: - Loading

    /// The bundled registry, the rows added to `store` (when given) and the user's `--registry` file.
    /// - Throws: `CatalogError` for a malformed file (with `file:line`), or when the bundled file is missing.
    public static func load(store: LineageStore? = nil, userFile: String? = nil) throws -> OrganizationRegistry {
        let bundled = try bundledRows()
        var layers = [bundled.organizations]
        var conflicts = bundled.conflicts
        if let store {
            // The Hub's answers (`lineage sync --namespaces`) go beneath the bundled rows; the user's above.
            let rows = try storeRows(store)
            let answers = rows.filter { $0.layer == hubAPILayer }
            let merged = merging(hubAnswers: answers, into: bundled.organizations)
            layers = [merged.rows, rows.filter { $0.layer != hubAPILayer }]
            conflicts += merged.conflicts
        }
        if let userFile {
            layers.append(try parse(contentsOf: userFile, layer: userFile, defaultSource: "user file \((userFile as NSString).lastPathComponent)"))
        }
        return OrganizationRegistry(layers: layers, conflicts: conflicts)
    }

    /// The bundled rows and build-time conflicts.
    public static func bundledRows() throws(CatalogError) -> (organizations: [Organization], conflicts: [RegistryConflict]) {
        let path = try CatalogError.bundledPath(bundledFileName)
        let organizations = try parse(contentsOf: path, layer: "bundled")
        var conflicts: [RegistryConflict] = []
        if let conflictsPath = try? BundledResource.path(conflictsFileName, module: "LineageCatalog"), let data = FileManager.default.contents(atPath: conflictsPath) {
            conflicts = try parseConflicts([UInt8](data), file: conflictsPath)
        }
        return (organizations, conflicts)
    }

    /// The rows users added to `store`, validated as a file's would be (a key with spaces or `/` is a BOM
    /// supplier's name, added with `registry add --supplier`); the Hub's answers stored by
    /// `lineage sync --namespaces` (source `hub-api`) come back in layer `hub-api`.
    public static func storeRows(_ store: LineageStore) throws -> [Organization] {
        var rows: [Organization] = []
        for row in try store.organizations() {
            do throws(CatalogError) {
                let source = row.source ?? "user"
                rows.append(try validated(
                    namespace: row.namespace, name: row.name, country: row.country, kind: row.kind,
                    source: source, evidence: row.evidence, layer: source == hubAPISource ? hubAPILayer : "store",
                    supplier: row.namespace.contains("/") || row.namespace.contains(where: \.isWhitespace)))
            } catch {
                throw CatalogError(file: store.path, "registry row \(row.namespace): \(error.problem)")
            }
        }
        return rows
    }

    // MARK: - Lookup

    /// The row for `namespace` (case-insensitive), nil when the registry does not know it.
    public func organization(_ namespace: String) -> Organization? {
        index[namespace.lowercased()].map { organizations[$0] }
    }

    /// The country of `namespace`, nil when unknown.
    public func country(of namespace: String) -> String? { organization(namespace)?.country }

    /// The kind of `namespace`, nil when unknown.
    public func kind(of namespace: String) -> OrganizationKind? { organization(namespace)?.kind }

    /// Conflicts that concern `namespace`.
    public func conflicts(of namespace: String) -> [RegistryConflict] {
        let key = namespace.lowercased()
        return conflicts.filter { $0.namespace.lowercased() == key }
    }

    /// Rows a higher layer replaced for `namespace`, lowest first.
    public func overriddenRows(of namespace: String) -> [Organization] { overridden[namespace.lowercased()] ?? [] }

    /// Namespaces closest to `word`, for "did you mean".
    public func suggestions(for word: String) -> [String] {
        let key = word.lowercased()
        let prefix = organizations.filter { $0.namespace.lowercased().hasPrefix(key) || key.hasPrefix($0.namespace.lowercased()) }
        return Array(prefix.prefix(5).map(\.namespace))
    }
}
