import Foundation
import LineageKit
import LineageTestSupport
import Testing

/// The bundled registry against its real inputs (ATOM, Epoch), the CSV rules, and layering.
@Suite struct OrganizationRegistryTests {
    static let hubdata = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/hubdata").path

    /// Rows of a CSV as dictionaries (the test's own reader, independent of the one under test).
    static func csv(_ path: String) throws -> [[String: String]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var rows: [[String]] = []
        var field = "", row: [String] = [], quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" { if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false } } else { field.append(c) }
            } else if c == "\"" { quoted = true
            } else if c == "," { row.append(field); field = ""
            } else if c == "\n" { row.append(field); rows.append(row); row = []; field = ""
            } else if c != "\r" { field.append(c) }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        guard let header = rows.first else { return [] }
        return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    // MARK: - Bundled registry on real inputs

    @Test func bundledRegistryLoadsAndEveryCountryHasASource() throws {
        let registry = try OrganizationRegistry.load()
        #expect(registry.organizations.count >= 130)
        for o in registry.organizations where o.country != nil {
            #expect(o.source.contains("country:"), "\(o.namespace) has a country but no source for it")
            #expect(!(o.evidence ?? "").isEmpty, "\(o.namespace) has no evidence")
        }
        #expect(registry.country(of: "qwen") == "CN" && registry.kind(of: "Qwen") == .bigTech)
        #expect(registry.country(of: "meta-llama") == "US")
        #expect(registry.country(of: "mistralai") == "FR")
        // ATOM gives EleutherAI no base; Epoch says United States: the disagreement is listed.
        #expect(registry.organization("EleutherAI")?.country == "US")
        #expect(registry.conflicts(of: "EleutherAI").contains { $0.other == "unknown" && $0.otherSource == "atom" })
        #expect(registry.organization("mlx-community")?.country == nil && registry.kind(of: "mlx-community") == .community)
    }

    @Test func bundledRegistryAgreesWithATOMUnlessAConflictIsListed() throws {
        let path = Self.hubdata + "/atom/organization_regions.csv"
        guard FileManager.default.fileExists(atPath: path) else {
            print("skipped: \(path) is absent")
            return
        }
        let registry = try OrganizationRegistry.load()
        let atom = try Self.csv(path)
        #expect(atom.count == 118)
        for row in atom {
            let namespace = row["hf_org"] ?? ""
            let organization = registry.organization(namespace)
            #expect(organization != nil, "ATOM namespace \(namespace) is missing")
            let expected = ["us": "US", "china": "CN"][row["region"] ?? ""]
            if let expected, organization?.country != expected {
                #expect(registry.conflicts(of: namespace).contains { $0.field == "country" && $0.other == expected },
                        "\(namespace): ATOM says \(expected), registry \(organization?.country ?? "nil"), and no conflict is listed")
            }
            if row["region"] == "eu", let country = organization?.country, !["FR", "DE", "ES", "IT", "NL", "SE", "PL", "BE", "AT", "IE", "FI", "DK", "PT"].contains(country) {
                #expect(!registry.conflicts(of: namespace).isEmpty, "\(namespace): ATOM says eu, registry \(country), no conflict listed")
            }
        }
        // The known disagreements are reported, not hidden.
        #expect(registry.conflicts(of: "stabilityai").contains { $0.chosen == "GB" && $0.other == "eu" })
        #expect(registry.conflicts(of: "ai21labs").contains { $0.chosen == "IL" && $0.other == "US" })
    }

    @Test func aliasTableNamesRealEpochOrganizations() throws {
        let all = Self.hubdata + "/epoch/all_ai_models.csv", notable = Self.hubdata + "/epoch/notable_ai_models.csv"
        guard FileManager.default.fileExists(atPath: all) else {
            print("skipped: \(all) is absent")
            return
        }
        var countries: [String: Set<String>] = [:]
        for (file, column) in [(all, "Country (from Organization)"), (notable, "Country (of organization)")] {
            for row in try Self.csv(file) {
                guard let org = row["Organization"], !org.contains(",") else { continue }
                countries[org, default: []].formUnion((row[column] ?? "").split(separator: ",").map(String.init).filter { $0 != "Multinational" })
            }
        }
        let aliases = try Self.csv(try BundledResource.path(OrganizationRegistry.aliasesFileName, module: "LineageCatalog"))
        #expect(aliases.count >= 50)
        let registry = try OrganizationRegistry.load()
        for alias in aliases {
            let org = alias["epoch_organization"] ?? ""
            #expect(countries[org] != nil, "alias \(org) is not an Epoch organization")
            let namespace = alias["namespace"] ?? ""
            #expect(registry.organization(namespace) != nil, "aliased namespace \(namespace) is missing")
        }
        // Spot checks joined through the alias table.
        #expect(countries["Alibaba"] == ["China"] && registry.country(of: "Qwen") == "CN")
        #expect(countries["Mistral AI"] == ["France"] && registry.country(of: "mistralai") == "FR")
        #expect(registry.organization("Qwen")?.evidence?.contains("Epoch 'Alibaba': CN, company") == true)
    }

    // MARK: - Bad input

    func problem(_ text: String) -> String {
        do {
            _ = try OrganizationRegistry.parse(Array(text.utf8), file: "orgs.csv", layer: "test")
            return "no error"
        } catch {
            return error.message
        }
    }

    @Test func badRowsAreRefusedWithFileAndLine() {
        let header = "namespace,name,country,kind,source,evidence\n"
        #expect(problem(header + "acme,Acme,XX,startup,me,\n") == "orgs.csv:2: unknown country code 'XX' for acme: use an ISO 3166-1 alpha-2 code such as US, CN, FR")
        #expect(problem(header + "acme,Acme,EU,startup,me,\n").hasPrefix("orgs.csv:2: unknown country code 'EU'"))
        #expect(problem(header + "acme,Acme,USA,startup,me,\n") == "orgs.csv:2: unknown country code 'USA' for acme: use an ISO 3166-1 alpha-2 code such as US, CN, FR; did you mean US?")
        #expect(problem(header + "acme,Acme,US,unicorn,me,\n") == "orgs.csv:2: unknown kind 'unicorn' for acme: use one of big-tech, startup, company, academic, nonprofit, government, community, organization, individual")
        #expect(problem(header + "acme,Acme,US,startup,me,\nb,B,,,,\nACME,Again,FR,company,me,\n") == "orgs.csv:4: namespace 'ACME' repeats line 2; give each namespace one row")
        #expect(problem(header + "acme,Acme,US,startup,,\n") == "orgs.csv:2: no source for acme: say where its country and kind come from")
        #expect(problem(header + "acme/x,Acme,US,startup,me,\n") == "orgs.csv:2: namespace 'acme/x' is not a Hub namespace (no '/' or spaces)")
        #expect(problem("namespace,nation\nacme,US\n") == "orgs.csv:1: unknown column 'nation'; the columns are namespace,name,country,kind,source,evidence")
        #expect(problem(header + "acme,Acme,US\n") == "orgs.csv:2: expected 6 fields, found 3")
        #expect(problem("") == "orgs.csv:1: empty registry file; the header is namespace,name,country,kind,source,evidence")
        #expect(problem(header + "acme,\"Acme, Inc.\",us,Big Tech,me,\"said \"\"hi\"\"\"\n") == "no error")
    }

    @Test func importIsAllOrNothing() throws {
        let dir = TemporaryDirectory()
        let storePath = dir.file("s.sqlite")
        _ = try LineageStore.openOrCreate(path: storePath)
        let locator = StoreLocator(explicitPath: storePath)
        let good = try OrganizationRegistry.parse(Array("namespace,country,kind,source\nacme,US,startup,me\n".utf8), file: "a.csv", layer: "store")
        #expect(try OrganizationRegistry.addToStore(good, locator: locator).replaced == 0)
        #expect(throws: CatalogError.self) {
            _ = try OrganizationRegistry.parse(Array("namespace,country,kind,source\nzeta,US,startup,me\nacme,ZZ,startup,me\n".utf8), file: "b.csv", layer: "store")
        }
        let rows = try LineageStore.open(path: storePath).organizations()
        #expect(rows.map(\.namespace) == ["acme"])
        // Replacing the row counts as a replacement.
        #expect(try OrganizationRegistry.addToStore(good, locator: locator).replaced == 1)
    }

    // MARK: - Layers

    @Test func theUsersLayerWinsAndConflictsAreReported() throws {
        let bundled = [
            Organization(namespace: "Qwen", country: "CN", kind: .bigTech, source: "country:atom", layer: "bundled"),
            Organization(namespace: "acme", country: nil, kind: .company, source: "kind:epoch", layer: "bundled"),
        ]
        let store = [Organization(namespace: "acme", country: "US", kind: .startup, source: "user", layer: "store")]
        let file = [Organization(namespace: "ACME", country: "CA", kind: .startup, source: "mine", layer: "mine.csv")]
        let registry = OrganizationRegistry(layers: [bundled, store, file])
        #expect(registry.organization("acme")?.country == "CA" && registry.organization("acme")?.layer == "mine.csv")
        #expect(registry.overriddenRows(of: "acme").map(\.layer) == ["bundled", "store"])
        let conflicts = registry.conflicts(of: "acme").map(\.text)
        #expect(conflicts.contains("acme country: US (store: user) over unknown (bundled: kind:epoch): a higher layer wins"))
        #expect(conflicts.contains("ACME country: CA (mine.csv: mine) over US (store: user): a higher layer wins"))
        #expect(conflicts.count == 3)  // country twice, kind once (company → startup); startup → startup is no conflict
        #expect(registry.organization("qwen")?.country == "CN")
    }

    // MARK: - Curated rows for the largest derivative publishers

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func everyCuratedRowIsInTheBundledRegistryWithItsKindAndEvidence() throws {
        let curated = try Self.csv(Self.repository.appendingPathComponent("scripts/registry/curated.csv").path)
        let registry = try OrganizationRegistry.load()
        #expect(curated.count >= 380)
        for row in curated {
            let namespace = row["namespace"] ?? ""
            let organization = try #require(registry.organization(namespace), "\(namespace) is curated but not bundled: rerun scripts/build-registry.py")
            #expect(organization.kind?.rawValue == row["kind"], "\(namespace): curated kind \(row["kind"] ?? "") but bundled \(organization.kind?.rawValue ?? "none")")
            #expect(!(row["kind"] ?? "").isEmpty && !(row["evidence"] ?? "").isEmpty, "\(namespace): a curated row needs a kind and evidence")
            if let country = row["country"], !country.isEmpty {
                #expect(organization.country == country && organization.source.contains("country:curated"), "\(namespace)")
            }
            #expect(organization.source.contains("kind:curated"), "\(namespace): \(organization.source)")
        }
    }

    /// The 100 largest derivative publishers of hub-stats-2026 by derivative downloads and by derivative
    /// count (a derivative has a `base_model:` tag; its publisher is its id's namespace), computed here.
    @Test func theLargestDerivativePublishersOfHubStatsHaveAKind() throws {
        let path = Self.hubdata + "/hub-stats-2026/models.jsonl"
        guard FileManager.default.fileExists(atPath: path) else {
            print("skipped: \(path) is absent")
            return
        }
        var publishers: [String: (models: Int, downloads: Int64)] = [:]
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") where !line.isEmpty {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let id = object["id"] as? String ?? ""
            guard (object["tags"] as? [String] ?? []).contains(where: { $0.hasPrefix("base_model:") }), let slash = id.firstIndex(of: "/") else { continue }
            publishers[String(id[..<slash]), default: (0, 0)].models += 1
            publishers[String(id[..<slash]), default: (0, 0)].downloads += (object["downloads"] as? NSNumber)?.int64Value ?? 0
        }
        let byDownloads = publishers.sorted { ($0.value.downloads, $1.key.lowercased()) > ($1.value.downloads, $0.key.lowercased()) }.prefix(100).map(\.key)
        let byCount = publishers.sorted { ($0.value.models, $1.key.lowercased()) > ($1.value.models, $0.key.lowercased()) }.prefix(100).map(\.key)
        let registry = try OrganizationRegistry.load()
        for namespace in Set(byDownloads + byCount) {
            #expect(registry.kind(of: namespace) != nil, "\(namespace) is among the largest derivative publishers but has no kind")
        }
        #expect(registry.kind(of: "TheBloke") == .individual)
    }
}
