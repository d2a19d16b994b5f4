import LineageAnalysis
import LineageCatalog
import LineageGraph
import LineageSupport

/// Builds the CycloneDX 1.6 BOM of a Hub model or an imported project (`lineage bom`).
///
/// A model's BOM has the model as `metadata.component`; a project's has the project (an application,
/// with its supplier) there and the models it uses directly as `components`. Each model component lists
/// its whole lineage up to the roots in `pedigree.ancestors`, flat, nearest first, each a
/// `machine-learning-model` with `purl` `pkg:huggingface/ORG/NAME` and `lineage:` properties: depth, the
/// child below it on a shortest path with that edge's relation and provenance, all its parents (so the
/// graph can be rebuilt), whether it is a root, its author's kind and country with the registry's source,
/// and its families with their origin. A lineage cycle stays finite: each model is listed once and the
/// cycle's members are named (`lineage:cycle`). For a project, the models its own BOM named only as
/// pedigree stay in the pedigree of the component that named them.
public struct BOMBuilder: Sendable {
    public let exporter: GraphExporter
    /// Tool version written in `metadata.tools`.
    public var toolVersion = "0.1.0"

    public init(exporter: GraphExporter) { self.exporter = exporter }

    var queries: LineageQueries { exporter.queries }

    /// The BOM of model or project `word`; `data` says which store it was read from (a metadata property).
    /// - Throws: `LineageError` when the word names no model or project (with close matches).
    /// - Complexity: O(n + e) per model (its ancestors and the condensation for the cycle).
    public func bom(for word: String, data: String) throws(LineageError) -> CycloneDXBOM {
        let trimmed = word.trimmingCharacters(in: .whitespaces)
        var subject: CycloneDXBOM.Component
        var components: [CycloneDXBOM.Component]?
        if let node = queries.resolver.node(named: trimmed) {
            subject = try modelComponent(node, extraAncestors: [])
            subject.bomRef = queries.loaded.data.names[Int(node)]
        } else if let project = queries.project(named: trimmed) {
            (subject, components) = try projectComponents(project.name)
        } else {
            let (target, _) = try queries.resolve(trimmed)
            throw LineageError("'\(MessageText.clip(word))' is a \(target.kind); bom takes one model id such as Qwen/Qwen2.5-7B-Instruct, or an imported project's name")
        }
        var bom = CycloneDXBOM(
            metadata: .init(
                tools: .init(components: [{ var c = CycloneDXBOM.Component(type: "application", name: "lineage"); c.version = toolVersion; return c }()]),
                component: subject, properties: [.init("lineage:data", data)]),
            components: components)
        let digest = FileDigest.sha256(text: (try? bom.json()) ?? "")
        bom.serialNumber = Self.uuid(fromHex: digest)
        return bom
    }

    /// A name-based UUID (version 5 layout) from the first 32 hex digits of a SHA-256.
    static func uuid(fromHex hex: String) -> String {
        var digits = Array(hex.prefix(32))
        digits[12] = "5"
        digits[16] = ["8", "9", "a", "b"][Int(String(digits[16]), radix: 16)! & 3]
        let s = String(digits)
        func part(_ from: Int, _ count: Int) -> Substring { s.dropFirst(from).prefix(count) }
        return "urn:uuid:\(part(0, 8))-\(part(8, 4))-\(part(12, 4))-\(part(16, 4))-\(part(20, 12))"
    }

    /// The project as an application, with its directly used models as components.
    private func projectComponents(_ name: String) throws(LineageError) -> (CycloneDXBOM.Component, [CycloneDXBOM.Component]) {
        let downstream = queries.loaded.data.downstream
        guard let index = downstream.nodes.firstIndex(where: { $0.kind == .project && $0.name == name }) else {
            throw LineageError("no project named '\(MessageText.clip(name))'")
        }
        let project = downstream.nodes[index]
        var subject = CycloneDXBOM.Component(type: "application", name: project.name)
        subject.version = project.version
        subject.supplier = project.author.map { .init(name: $0) }
        subject.bomRef = "project:" + project.name
        var direct: [Int32] = []
        var via: [String: [Int32]] = [:]
        for i in 0..<downstream.useCount where Int(downstream.useNodes[i]) == index {
            let model = downstream.useModels[i]
            if let parent = downstream.useVia[i] { via[parent.lowercased(), default: []].append(model) } else { direct.append(model) }
        }
        let names = queries.loaded.data.names
        direct = Array(Set(direct)).sorted { names[Int($0)] < names[Int($1)] }
        var components: [CycloneDXBOM.Component] = []
        var placed = Set<String>()
        for model in direct {
            let key = names[Int(model)].lowercased()
            placed.insert(key)
            var component = try modelComponent(model, extraAncestors: Array(Set(via[key] ?? [])).sorted { names[Int($0)] < names[Int($1)] })
            component.bomRef = names[Int(model)]
            components.append(component)
        }
        // Pedigree named through a component without a Hub id: listed as used models themselves.
        for (key, models) in via.sorted(by: { $0.key < $1.key }) where !placed.contains(key) {
            for model in Set(models).sorted() where !direct.contains(model) {
                var component = try modelComponent(model, extraAncestors: [])
                component.bomRef = names[Int(model)] + "#via:" + key
                components.append(component)
            }
        }
        return (subject, components)
    }

    /// A model as a component with its whole lineage in `pedigree.ancestors`; `extraAncestors` (models a
    /// project's BOM named as this model's pedigree) follow, each with its own lineage.
    private func modelComponent(_ node: Int32, extraAncestors: [Int32]) throws(LineageError) -> CycloneDXBOM.Component {
        let name = queries.loaded.data.names[Int(node)]
        var component = base(node)
        let report = try queries.ancestors(of: name)
        component.properties = (component.properties ?? []) + [.init("lineage:generation", String(report.generation))]
            + report.cycle.map { .init("lineage:cycle", $0) }
        var ancestors: [CycloneDXBOM.Component] = []
        var listed: Set<String> = [name.lowercased()]
        let onCycle = Set(report.cycle.map { $0.lowercased() })
        for row in report.ancestors {
            guard let v = queries.resolver.node(named: row.id), listed.insert(row.id.lowercased()).inserted else { continue }
            var ancestor = base(v)
            var properties = [CycloneDXBOM.Property("lineage:depth", String(row.depth))]
            if row.path.count >= 2, let child = queries.resolver.node(named: row.path[1]) {
                properties += [
                    .init("lineage:child", row.path[1]), .init("lineage:relation", row.relation),
                    .init("lineage:provenance", exporter.provenance(from: v, to: child).name),
                ]
            }
            if row.isRoot { properties.append(.init("lineage:root", "true")) }
            if onCycle.contains(row.id.lowercased()) { properties.append(.init("lineage:on-cycle", "true")) }
            ancestor.properties = properties + (ancestor.properties ?? [])
            ancestors.append(ancestor)
        }
        for extra in extraAncestors where listed.insert(queries.loaded.data.names[Int(extra)].lowercased()).inserted {
            var ancestor = base(extra)
            ancestor.properties = [.init("lineage:child", name), .init("lineage:relation", "pedigree"), .init("lineage:provenance", "declared:bom")]
                + (ancestor.properties ?? [])
            ancestors.append(ancestor)
            let sub = try modelComponent(extra, extraAncestors: [])
            for a in sub.pedigree?.ancestors ?? [] where listed.insert(a.bomKey).inserted { ancestors.append(a) }
        }
        if !ancestors.isEmpty { component.pedigree = .init(ancestors: ancestors) }
        return component
    }

    /// A model's identity and attributes: purl, group and name, supplier (its author), parents, kind and
    /// country of the author with their source, families and their origin.
    private func base(_ node: Int32) -> CycloneDXBOM.Component {
        let row = exporter.row(node)
        let parts = row.id.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        var component = CycloneDXBOM.Component(type: "machine-learning-model", name: parts.count == 2 ? String(parts[1]) : row.id)
        if parts.count == 2 { component.group = String(parts[0]) }
        component.purl = CycloneDXBOM.purl(hubID: row.id)
        component.supplier = row.author.map { .init(name: $0) }
        var properties: [CycloneDXBOM.Property] = []
        let names = queries.loaded.data.names
        for parent in queries.graph.parents(of: node).nodes { properties.append(.init("lineage:parent", names[Int(parent)])) }
        if row.kind == "external" { properties.append(.init("lineage:external", "true")) }
        if let kind = row.authorKind { properties.append(.init("lineage:author-kind", kind)) }
        if let country = row.authorCountry { properties.append(.init("lineage:author-country", country)) }
        if let source = row.authorSource { properties.append(.init("lineage:author-source", source)) }
        for family in row.families { properties.append(.init("lineage:family", family)) }
        for origin in row.familyOrigins { properties.append(.init("lineage:family-origin", origin)) }
        component.properties = properties
        return component
    }
}

extension CycloneDXBOM.Component {
    /// The Hub id a model component stands for, lowercased (`group/name`).
    fileprivate var bomKey: String { ((group.map { $0 + "/" } ?? "") + name).lowercased() }
}
