import Foundation
import LineageKit
import LineageStore
import LineageTestSupport
import Testing

/// `lineage registry coverage` on the real hub-stats-2026 file against a reference computed here: the
/// file read with JSONSerialization, the bundled `organizations.csv` read with the test's own CSV reader,
/// and the shares summed with plain dictionaries. The one fact taken from the engine is which parentless
/// models it links to a family root as re-uploads (`ReuploadLinker`, checked by its own tests): those
/// count as derivatives too, since they have an (inferred) parent.
@Suite("registry coverage on real data", .serialized,
       .enabled(if: CLITests.hasHubData, "../shared/hubdata is absent: coverage on real data not checked"))
struct RegistryCoverageRealDataTests {
    let home = TemporaryDirectory()
    var cli: CLIRunner { CLIRunner(home: home.path) }

    static let registryCSV = CLITests.repositoryRoot.appendingPathComponent("Sources/LineageCatalog/Resources/organizations.csv").path

    /// The reference's figures, named as `registry coverage --format json` names them.
    struct Figures: Equatable {
        var derivativeModels = 0, kindKnownModels = 0, specificKindModels = 0, countryKnownModels = 0, attributedModels = 0
        var organizationModels = 0, organizationCountryKnownModels = 0
        var downloads: Int64 = 0, kindKnownDownloads: Int64 = 0, specificKindDownloads: Int64 = 0, countryKnownDownloads: Int64 = 0
        var attributedDownloads: Int64 = 0, organizationDownloads: Int64 = 0, organizationCountryKnownDownloads: Int64 = 0
    }

    static let renamesCSV = CLITests.repositoryRoot.appendingPathComponent("Sources/LineageCatalog/Resources/renames.csv").path

    /// The records of a CSV file as dictionaries by header name.
    static func csv(_ path: String) throws -> [[String: String]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var records: [[String]] = []
        var field = "", record: [String] = [], quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" { if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false } } else { field.append(c) }
            } else if c == "\"" { quoted = true
            } else if c == "," { record.append(field); field = ""
            } else if c == "\n" { record.append(field); records.append(record); record = []; field = ""
            } else if c != "\r" { field.append(c) }
        }
        let header = try #require(records.first)
        return records.dropFirst().filter { $0.count == header.count }.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    /// namespace (lowercased) → (country, kind), empty strings for unknown.
    static func registry() throws -> [String: (country: String, kind: String)] {
        var out: [String: (String, String)] = [:]
        for row in try csv(registryCSV) { out[(row["namespace"] ?? "").lowercased()] = (row["country"] ?? "", row["kind"] ?? "") }
        return out
    }

    /// The models of `store` that the engine links to a family root as re-uploads, lowercased.
    static func reuploads(_ store: String) throws -> Set<String> {
        let queries = LineageQueries(loaded: try LoadedGraph(store: try LineageStore.open(path: store)), catalog: try FamilyCatalog.load())
        return Set(queries.reuploads.map { queries.loaded.data.names[Int($0.child)].lowercased() })
    }

    /// A derivative model has a parent other than itself, or is a re-upload the engine linked. A parent
    /// id without a namespace is first renamed as the ingest renames it: by the shipped `renames.csv`,
    /// else to the one record of that name in some namespace, when there is exactly one. from `baseModels.models`, else `base_model:`
    /// tags (`base_model:ID` or `base_model:RELATION:ID`), else the card's `base_model` (string or list);
    /// a Hub URL names its `org/name`. Its author is `author`, else the id's namespace.
    static func reference(reuploads: Set<String>) throws -> Figures {
        let registry = try registry()
        let relations: Set<String> = ["finetune", "adapter", "quantized", "merge"]
        func bare(_ raw: String) -> String {
            var text = raw.trimmingCharacters(in: .whitespaces)
            for prefix in ["https://huggingface.co/", "http://huggingface.co/", "https://hf.co/", "huggingface.co/", "hf.co/"]
            where text.lowercased().hasPrefix(prefix) && text.count > prefix.count {
                text = text.dropFirst(prefix.count).split(separator: "/").prefix(2).joined(separator: "/")
                break
            }
            while text.hasSuffix("/") { text.removeLast() }
            return text.lowercased()
        }
        var renames: [String: String] = [:]
        for row in try csv(renamesCSV) { renames[(row["legacy_id"] ?? "").lowercased()] = (row["canonical_id"] ?? "").lowercased() }
        var records: [(id: String, parents: [String], downloads: Int64, author: String)] = []
        let text = try String(contentsOfFile: CLITests.hubStats, encoding: .utf8)
        for line in text.split(separator: "\n") where !line.isEmpty {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let id = try #require(object["id"] as? String)
            var parents: [String] = []
            if let base = object["baseModels"] as? [String: Any], let listed = base["models"] as? [[String: Any]] {
                parents = listed.compactMap { $0["id"] as? String }
            }
            if parents.isEmpty {
                for tag in object["tags"] as? [String] ?? [] where tag.hasPrefix("base_model:") {
                    let rest = tag.dropFirst("base_model:".count)
                    if let colon = rest.firstIndex(of: ":"), relations.contains(String(rest[..<colon])) {
                        parents.append(String(rest[rest.index(after: colon)...]))
                    } else {
                        parents.append(String(rest))
                    }
                }
            }
            if parents.isEmpty {
                var card = object["cardData"]
                if let string = card as? String { card = try? JSONSerialization.jsonObject(with: Data(string.utf8)) }
                if let card = card as? [String: Any] {
                    if let one = card["base_model"] as? String { parents = [one] }
                    if let many = card["base_model"] as? [Any] { parents = many.compactMap { $0 as? String } }
                }
            }
            let author = (object["author"] as? String).flatMap { $0.isEmpty ? nil : $0 } ?? String(id.prefix { $0 != "/" })
            records.append((id.lowercased(), parents.map(bare), (object["downloads"] as? NSNumber)?.int64Value ?? 0, author))
        }
        var byName: [String: [String]] = [:]
        for record in records { if let slash = record.id.firstIndex(of: "/") { byName[String(record.id[record.id.index(after: slash)...]), default: []].append(record.id) } }
        let recordIDs = Set(records.map(\.id))
        func renamed(_ parent: String) -> String {
            guard !parent.contains("/") else { return parent }
            if let canonical = renames[parent] { return canonical }
            if !recordIDs.contains(parent), let twins = byName[parent], twins.count == 1 { return twins[0] }
            return parent
        }
        var models: [String: (derivative: Bool, downloads: Int64, author: String)] = [:]
        for record in records {
            let declared = record.parents.map(renamed).contains { !$0.isEmpty && $0 != record.id }
            #expect(!(declared && reuploads.contains(record.id)), "\(record.id) has a parent and is linked as a re-upload")
            models[record.id] = (declared || reuploads.contains(record.id), record.downloads, record.author)
        }
        var f = Figures()
        for model in models.values where model.derivative {
            let d = model.downloads
            let row = registry[model.author.lowercased()]
            let country = !(row?.country ?? "").isEmpty, kind = row?.kind ?? ""
            f.derivativeModels += 1; f.downloads += d
            if country { f.countryKnownModels += 1; f.countryKnownDownloads += d }
            if country && !kind.isEmpty { f.attributedModels += 1; f.attributedDownloads += d }
            if !kind.isEmpty { f.kindKnownModels += 1; f.kindKnownDownloads += d }
            if !kind.isEmpty && kind != "organization" { f.specificKindModels += 1; f.specificKindDownloads += d }
            if !kind.isEmpty && kind != "individual" {
                f.organizationModels += 1; f.organizationDownloads += d
                if country { f.organizationCountryKnownModels += 1; f.organizationCountryKnownDownloads += d }
            }
        }
        return f
    }

    @Test func coverageOfHubStatsMatchesAReferenceComputation() throws {
        let store = home.file("hub-stats.sqlite")
        let ingest = try cli.run(["ingest", CLITests.hubStats, "--store", store, "--quiet"])
        try #require(ingest.status == 0, "\(ingest.stderr)")
        let result = try cli.run(["registry", "coverage", "--store", store, "--format", "json"])
        try #require(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        func int(_ key: String) -> Int { (json[key] as? NSNumber)?.intValue ?? -1 }
        func int64(_ key: String) -> Int64 { (json[key] as? NSNumber)?.int64Value ?? -1 }
        let shown = Figures(
            derivativeModels: int("derivativeModels"), kindKnownModels: int("kindKnownModels"), specificKindModels: int("specificKindModels"),
            countryKnownModels: int("countryKnownModels"), attributedModels: int("attributedModels"),
            organizationModels: int("organizationModels"), organizationCountryKnownModels: int("organizationCountryKnownModels"),
            downloads: int64("downloads"), kindKnownDownloads: int64("kindKnownDownloads"), specificKindDownloads: int64("specificKindDownloads"),
            countryKnownDownloads: int64("countryKnownDownloads"), attributedDownloads: int64("attributedDownloads"),
            organizationDownloads: int64("organizationDownloads"), organizationCountryKnownDownloads: int64("organizationCountryKnownDownloads"))
        let expected = try Self.reference(reuploads: try Self.reuploads(store))
        #expect(shown == expected)
        #expect(expected.derivativeModels > 2_500)

        // The shares are these counts divided, and the text table prints them.
        let share = { (a: Int64, b: Int64) in Double(a) / Double(b) }
        #expect(abs((json["kindKnownDownloadShare"] as? Double ?? -1) - share(expected.kindKnownDownloads, expected.downloads)) < 1e-12)
        #expect(abs((json["organizationCountryKnownDownloadShare"] as? Double ?? -1)
            - share(expected.organizationCountryKnownDownloads, expected.organizationDownloads)) < 1e-12)
        let table = try cli.run(["registry", "coverage", "--store", store])
        let percent = String(format: "%.1f%%", 100 * share(expected.organizationCountryKnownDownloads, expected.organizationDownloads))
        #expect(table.stdout.contains("an organization with a known country") && table.stdout.contains(percent), "\(table.stdout)")
    }
}
