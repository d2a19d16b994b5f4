import LineageCatalog
import LineageGraph
import LineageSupport

/// What `lineage lockin --project NAME` prints: how dependent one project (an ingested AI-BOM) is on
/// model families, and on families from other countries.
public struct ProjectLockInReport: Sendable, Codable, Equatable, TabularReport {
    /// One model the project uses.
    public struct ModelUse: Sendable, Codable, Equatable {
        public var model: String
        /// The BOM component whose pedigree names it; nil for a direct use.
        public var via: String?
        public var families: [String]
        /// Countries of origin of those families (owner's registry country), unknown ones left out.
        public var originCountries: [String]
        public var downloads: Int64
        /// Whether the store has no record of the model (named only by the BOM).
        public var external: Bool
    }

    /// One family's part of the project's models.
    public struct FamilyShare: Sendable, Codable, Equatable {
        public var family: String
        public var label: String
        /// Owner's country, nil when unknown.
        public var origin: String?
        public var models: Int
        public var modelShare: Double
        public var downloadShare: Double
        /// models / (model, family) pairs: the share the HHI squares.
        public var pairShare: Double
    }

    public var project: String
    public var version: String?
    /// The project's owner (BOM supplier) and its registry country.
    public var owner: String?
    public var ownerCountry: String?
    public var models: [ModelUse]
    /// Used models in no known family.
    public var unattributedModels: Int
    public var families: [FamilyShare]
    public var herfindahl: Double
    public var hhi: Int
    /// Among (model, family) pairs whose family origin is known, the share from another country than the
    /// project owner's; nil when the owner's country is unknown.
    public var foreignDependence: Double?
    public var foreignDependenceNote: String?
    /// Share of (model, family) pairs per origin country (`unknown` included).
    public var originShares: [String: Double]

    /// Lock-in of project `i` (`data.downstream.nodes[i]`) in `index`.
    public init(project i: Int, index: DownstreamIndex) {
        let data = index.queries.loaded.data
        let node = data.downstream.nodes[i]
        let catalog = index.queries.catalog
        project = node.name
        version = node.version
        let ownerRow = index.organization(ofDownstream: i)
        owner = ownerRow?.namespace ?? node.author
        ownerCountry = ownerRow?.country
        let used = index.models(usedBy: i)
        var via: [Int32: String] = [:]
        for (n, (m, v)) in zip(data.downstream.useNodes, zip(data.downstream.useModels, data.downstream.useVia)) where Int(n) == i {
            if let v { via[m] = v }
        }
        var perFamily: [Int: (models: Int, downloads: Int64)] = [:]
        var totalDownloads: Int64 = 0
        var unattributed = 0
        var pairs = 0, knownPairs = 0, foreignPairs = 0
        var byOrigin: [String: Int] = [:]
        var uses: [ModelUse] = []
        for m in used {
            let families = index.membership.families(of: m).map(Int.init)
            let downloads = data.downloads[Int(m)]
            totalDownloads.addSaturating(downloads)
            if families.isEmpty { unattributed += 1 }
            for f in families {
                perFamily[f, default: (0, 0)].models += 1
                perFamily[f, default: (0, 0)].downloads.addSaturating(downloads)
                pairs += 1
                let origin = index.origin(ofFamily: f)?.country
                byOrigin[origin ?? "unknown", default: 0] += 1
                if let origin, let ownerCountry = ownerRow?.country {
                    knownPairs += 1
                    if origin != ownerCountry { foreignPairs += 1 }
                }
            }
            uses.append(ModelUse(
                model: data.names[Int(m)], via: via[m], families: families.map { catalog.entries[$0].id },
                originCountries: index.originCountries(ofModel: m), downloads: downloads, external: data.isExternal[Int(m)]))
        }
        models = uses.sorted { ($0.via == nil ? 0 : 1, $0.model.lowercased()) < ($1.via == nil ? 0 : 1, $1.model.lowercased()) }
        unattributedModels = unattributed
        var shares: [FamilyShare] = []
        var h = 0.0
        for (f, value) in perFamily {
            let pairShare = pairs == 0 ? 0 : Double(value.models) / Double(pairs)
            h += pairShare * pairShare
            shares.append(FamilyShare(
                family: catalog.entries[f].id, label: catalog.entries[f].label, origin: index.origin(ofFamily: f)?.country,
                models: value.models, modelShare: used.isEmpty ? 0 : Double(value.models) / Double(used.count),
                downloadShare: totalDownloads == 0 ? 0 : Double(value.downloads) / Double(totalDownloads), pairShare: pairShare))
        }
        families = shares.sorted { ($0.models, $1.family) > ($1.models, $0.family) }
        herfindahl = h
        hhi = Int((h * 10_000).rounded())
        if ownerRow?.country == nil {
            foreignDependence = nil
            foreignDependenceNote = "the project's owner has no country in the registry"
                + (node.author.map { " (supplier '\($0)'; add it with `lineage registry add`)" } ?? " (its BOM names no supplier)")
        } else if knownPairs == 0 {
            foreignDependence = nil
            foreignDependenceNote = "no used model is in a family whose origin is known"
        } else {
            foreignDependence = Double(foreignPairs) / Double(knownPairs)
            foreignDependenceNote = nil
        }
        originShares = byOrigin.mapValues { pairs == 0 ? 0 : Double($0) / Double(pairs) }
    }

    public var summaryLines: [String] {
        var lines = ["Lock-in of project \(project)\(version.map { " \($0)" } ?? ""): \(Formatting.group(models.count)) models used "
            + "(\(models.filter { $0.via != nil }.count) through BOM pedigree), \(Formatting.group(unattributedModels)) in no known family"]
        lines.append("Owner: \(owner ?? "unknown")" + (ownerCountry.map { " (\(CountryCode.label($0)))" } ?? " (country unknown)"))
        lines.append("Concentration (HHI over families): \(Formatting.fixed(herfindahl, 4)) = \(Formatting.group(hhi)) / 10,000")
        let origins = originShares.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .map { "\($0.key == "unknown" ? "unknown" : CountryCode.label($0.key)) \(Formatting.percent($0.value))" }
        if !origins.isEmpty { lines.append("Family origins: " + origins.joined(separator: ", ")) }
        lines.append("Foreign dependence: " + (foreignDependence.map(Formatting.percent) ?? foreignDependenceNote ?? "unknown"))
        return lines
    }

    public var columns: [String] { ["family", "origin", "models", "model share", "download share", "HHI share"] }

    public var rows: [[String]] {
        families.map {
            [$0.family, $0.origin ?? "?", Formatting.group($0.models), Formatting.percent($0.modelShare),
             Formatting.percent($0.downloadShare), Formatting.percent($0.pairShare)]
        }
    }

    public var numericColumns: Set<Int> { [2, 3, 4, 5] }

    /// Shares as exact fractions.
    public var machineRows: [[String]] {
        families.map {
            [$0.family, $0.origin ?? "?", String($0.models), Formatting.raw($0.modelShare),
             Formatting.raw($0.downloadShare), Formatting.raw($0.pairShare)]
        }
    }

    public var footerLines: [String] {
        ["Models:"] + models.map { u in
            "  \(u.model)" + (u.via.map { " (ancestor of \($0))" } ?? "") + (u.external ? " [not in the store's records]" : "")
                + ": " + (u.families.isEmpty ? "no known family" : u.families.joined(separator: ", "))
                + (u.originCountries.isEmpty ? "" : " from \(u.originCountries.joined(separator: ", "))")
        }
    }
}
