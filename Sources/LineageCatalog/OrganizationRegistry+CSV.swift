import Foundation
import LineageGraph
import LineageHub
import LineageSupport

/// Reading and writing registry CSV files: `namespace,name,country,kind,source,evidence`.
extension OrganizationRegistry {
    /// The registry file's columns, in the order Lineage writes them.
    public static let header = ["namespace", "name", "country", "kind", "source", "evidence"]

    /// The rows of the registry CSV at `path`, validated; `layer` is recorded on each row.
    /// - Throws: `CatalogError` naming `file:line` for an unknown country code or kind, a duplicate
    ///   namespace, a missing source, an unknown column or malformed CSV. Nothing is returned on error.
    public static func parse(contentsOf path: String, layer: String, defaultSource: String? = nil) throws(CatalogError) -> [Organization] {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            throw CatalogError(file: path, exists ? (isDirectory.boolValue ? "is a directory, not a registry CSV" : "cannot read the registry file") : "no such file")
        }
        return try parse([UInt8](data), file: path, layer: layer, defaultSource: defaultSource)
    }

    /// Rows of a registry CSV held in memory; `file` names it in errors.
    ///
    /// Columns may come in any order; `namespace` is required, the others optional. A row with a country
    /// or a kind must say where it came from (`source`), unless `defaultSource` supplies it.
    /// - Complexity: O(length of the file).
    public static func parse(_ bytes: [UInt8], file: String, layer: String, defaultSource: String? = nil) throws(CatalogError) -> [Organization] {
        guard String(validating: bytes, as: UTF8.self) != nil else { throw CatalogError(file: file, "the registry file is not UTF-8 text") }
        let rows: [(fields: [String], line: Int)]
        do { rows = try CSVRows.parse(bytes) } catch { throw CatalogError(file: file, line: error.line, "\(error.message)") }
        guard let headerRow = rows.first else {
            throw CatalogError(file: file, line: 1, "empty registry file; the header is \(header.joined(separator: ","))")
        }
        var column: [String: Int] = [:]
        for (i, raw) in headerRow.fields.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespaces).lowercased()
            guard header.contains(name) else {
                throw CatalogError(file: file, line: headerRow.line, "unknown column '\(MessageText.clip(raw))'; the columns are \(header.joined(separator: ","))")
            }
            guard column[name] == nil else { throw CatalogError(file: file, line: headerRow.line, "column '\(MessageText.clip(name))' appears twice") }
            column[name] = i
        }
        guard column["namespace"] != nil else {
            throw CatalogError(file: file, line: headerRow.line, "no 'namespace' column; the header is \(header.joined(separator: ","))")
        }
        var organizations: [Organization] = []
        var seen: [String: Int] = [:]
        for row in rows.dropFirst() {
            let line = row.line
            guard row.fields.count == headerRow.fields.count else {
                throw CatalogError(file: file, line: line, "expected \(headerRow.fields.count) fields, found \(row.fields.count)")
            }
            func cell(_ name: String) -> String? {
                guard let i = column[name] else { return nil }
                let value = row.fields[i].trimmingCharacters(in: .whitespacesAndNewlines)
                return value.isEmpty ? nil : value
            }
            let organization: Organization
            do {
                organization = try validated(
                    namespace: cell("namespace") ?? "", name: cell("name"), country: cell("country"), kind: cell("kind"),
                    source: cell("source") ?? defaultSource, evidence: cell("evidence"), layer: layer)
            } catch {
                throw CatalogError(file: file, line: line, error.problem)
            }
            let key = organization.namespace.lowercased()
            if let first = seen[key] {
                throw CatalogError(file: file, line: line, "namespace '\(MessageText.clip(organization.namespace))' repeats line \(first); give each namespace one row")
            }
            seen[key] = line
            organizations.append(organization)
        }
        return organizations
    }

    /// One row checked: a namespace without `/` or spaces, an ISO 3166-1 alpha-2 country, a known kind,
    /// and a source whenever a country or kind is given.
    ///
    /// With `supplier`, the key is a BOM supplier's name as its BOM spells it (`Acme AI Inc.`): spaces
    /// and `/` are allowed, control characters are not. Projects are matched to it by that name.
    /// - Throws: `CatalogError` with the problem (no location; callers add it).
    public static func validated(
        namespace: String, name: String?, country: String?, kind: String?, source: String?, evidence: String?, layer: String,
        supplier: Bool = false
    ) throws(CatalogError) -> Organization {
        let namespace = namespace.trimmingCharacters(in: .whitespaces)
        guard !namespace.isEmpty else { throw CatalogError(supplier ? "empty supplier name" : "empty namespace") }
        if supplier {
            guard !namespace.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw CatalogError("supplier name \(MessageText.quote(namespace)) holds control characters")
            }
        } else if namespace.contains("/") || namespace.contains(where: \.isWhitespace) {
            throw CatalogError("namespace '\(MessageText.clip(namespace))' is not a Hub namespace (no '/' or spaces)")
        }
        var code: String?
        if let country {
            let upper = country.uppercased()
            guard upper.count == 2, CountryCode.isValid(upper) else {
                let named = CountryVocabulary.bundled.countrySet(country)
                let hint = named.map { $0.codes == [$0.label] ? "; did you mean \($0.label)?" : "; \($0.label) is a group of countries, not one" } ?? ""
                throw CatalogError("unknown country code '\(MessageText.clip(country))' for \(namespace): use an ISO 3166-1 alpha-2 code such as US, CN, FR\(hint)")
            }
            code = upper
        }
        var organizationKind: OrganizationKind?
        if let kind {
            guard let parsed = OrganizationKind(word: kind) else {
                throw CatalogError("unknown kind '\(MessageText.clip(kind))' for \(namespace): use one of \(OrganizationKind.list)")
            }
            organizationKind = parsed
        }
        let source = source?.trimmingCharacters(in: .whitespaces) ?? ""
        if source.isEmpty, code != nil || organizationKind != nil {
            throw CatalogError("no source for \(namespace): say where its country and kind come from")
        }
        return Organization(
            namespace: namespace, name: name, country: code, kind: organizationKind,
            source: source.isEmpty ? "none" : source, evidence: evidence, layer: layer)
    }

    /// `organizations` as a registry CSV (header first), quoting where needed.
    public static func csv(_ organizations: [Organization]) -> String {
        func field(_ text: String?) -> String {
            guard let text else { return "" }
            guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        var lines = [header.joined(separator: ",")]
        for o in organizations {
            lines.append([o.namespace, o.name, o.country, o.kind?.rawValue, o.source, o.evidence].map(field).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Build-time conflicts shipped beside the bundled registry (`organization-conflicts.csv`).
    package static func parseConflicts(_ bytes: [UInt8], file: String) throws(CatalogError) -> [RegistryConflict] {
        let rows: [(fields: [String], line: Int)]
        do { rows = try CSVRows.parse(bytes) } catch { throw CatalogError(file: file, line: error.line, "\(error.message)") }
        let expected = ["namespace", "field", "chosen", "chosen_source", "other", "other_source", "note"]
        guard let first = rows.first, first.fields == expected else {
            throw CatalogError(file: file, line: 1, "header must be \(expected.joined(separator: ","))")
        }
        return try rows.dropFirst().map { (row) throws(CatalogError) -> RegistryConflict in
            guard row.fields.count == expected.count else {
                throw CatalogError(file: file, line: row.line, "expected \(expected.count) fields, found \(row.fields.count)")
            }
            let f = row.fields
            return RegistryConflict(namespace: f[0], field: f[1], chosen: f[2], chosenSource: f[3], other: f[4], otherSource: f[5], note: f[6])
        }
    }
}
