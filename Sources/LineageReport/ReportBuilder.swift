import LineageAnalysis
import LineageCatalog
import LineageMaps
import LineageSupport

/// Gathers what a report about a target or a question says, from the same answerer and map code as
/// `lineage ask` and `lineage render`, so every figure in the report is one those commands print.
public struct ReportBuilder {
    public var queries: LineageQueries
    public var registry: OrganizationRegistry
    /// The store's description, shown under the title and in every answer.
    public var store: String
    /// Models drawn on the map at most (the rest fold into "+N more" nodes).
    public var maxNodes = 80
    /// Organizations listed at most.
    public var top = 25

    public init(queries: LineageQueries, registry: OrganizationRegistry, store: String) {
        self.queries = queries
        self.registry = registry
        self.store = store
    }

    /// The report on `argument`: a target (family, namespace, model, project) or a question in `lineage ask`
    /// words (or a saved `.query` file).
    /// - Throws: `LineageError` when the target names nothing or the question does not parse.
    public func content(for argument: String) throws -> ReportContent {
        if let question = try MapQuestion.detect(argument) {
            return try content(question: argument, query: question)
        }
        return try content(target: argument)
    }

    func answerer() -> QuestionAnswerer {
        QuestionAnswerer(queries: queries, registry: registry, store: store)
    }

    func ask(_ question: String, limit: Int? = nil) throws -> QuestionAnswer {
        try answerer().answer(question, query: try QuestionParser().parse(question), limit: limit)
    }

    func content(target: String) throws -> ReportContent {
        // The target is checked (with close matches) by drawing its map first.
        let map = try drawMap { lookups, snapshot in
            try queries.map(of: target, request: MapRequest(maxNodes: maxNodes), lookups: lookups, snapshot: snapshot)
        }
        let models = try ask("how many models derive from \(target)")
        let organizations = try ask("which organizations derive from \(target)", limit: top)
        let projects = try ask("how many projects derive from \(target)")
        var figures = [
            ReportContent.Figure("Models deriving from \(target)", Formatting.group(Int64(models.value ?? 0))),
            ReportContent.Figure("Organizations deriving", Formatting.group(organizations.total)),
            ReportContent.Figure("Projects (orgs, Spaces, papers)", Formatting.group(Int64(projects.value ?? 0))),
        ]
        if let coverage = organizations.coverage {
            figures.append(ReportContent.Figure("Organizations with known country and kind", Formatting.percent(coverage.entityShare)))
        }
        var paragraphs = ["Target: \(organizations.target)."] + organizations.notes
        if let coverage = organizations.coverage { paragraphs.append(coverage.line) }
        return ReportContent(
            title: "Who builds on \(target)", store: store, figures: figures, map: map,
            sections: [ReportContent.Section(
                heading: "Top organizations deriving from \(target)", paragraphs: paragraphs,
                table: table(organizations, caption: "The \(min(top, organizations.total)) organizations with the most deriving models, of "
                    + "\(Formatting.group(organizations.total))"))],
            provenance: "Made by `lineage report \(target)` from \(store). Countries and kinds come from the organization registry (the source of each is in the table); "
                + "the same figures come from `lineage ask \"which organizations derive from \(target)\"`.")
    }

    func content(question: String, query: LineageQuery) throws -> ReportContent {
        let answer = try answerer().answer(question, query: query, limit: top)
        var figures: [ReportContent.Figure] = []
        if let value = answer.value {
            let share = query.intent == .share
            figures.append(ReportContent.Figure("Answer", share ? Formatting.percent(value) : Formatting.group(Int64(value))))
            if let downloads = answer.downloadShare { figures.append(ReportContent.Figure("Share of downloads", Formatting.percent(downloads))) }
        } else {
            figures.append(ReportContent.Figure("Entities", Formatting.group(answer.total)))
        }
        if let coverage = answer.coverage {
            figures.append(ReportContent.Figure("With known country and kind", Formatting.percent(coverage.entityShare)))
        }
        // A question without a lineage to draw (`rank families by reach`) still gets its table.
        let map = try? drawMap { lookups, snapshot in
            try queries.map(question: query, request: MapRequest(maxNodes: maxNodes), lookups: lookups, snapshot: snapshot)
        }
        var paragraphs = ["Target: \(answer.target)."] + answer.notes
        if let coverage = answer.coverage { paragraphs.append(coverage.line) }
        return ReportContent(
            title: question, store: store, figures: figures, map: map,
            sections: [ReportContent.Section(
                heading: "Answer", paragraphs: paragraphs,
                table: answer.entities.isEmpty ? nil : table(answer, caption: "\(answer.entities.count) of \(Formatting.group(answer.total)) rows"))],
            provenance: "Made by `lineage report \"\(question)\"` from \(store); the same answer comes from `lineage ask`.")
    }

    func drawMap(_ make: (MapLookups, String) throws -> LineageMap) throws -> ReportContent.Map {
        let map = try make(MapLookups(registry: registry), store)
        let svg = String(decoding: try map.render(.svg), as: UTF8.self)
        let s = map.selection
        let folded = s.collapsed.reduce(0) { $0 + $1.count }
        return ReportContent.Map(
            svg: svg,
            description: "\(map.title): \(s.nodes.count) models drawn\(folded > 0 ? ", \(Formatting.group(folded)) more folded into +N nodes" : ""). Fill: the author's "
                + "country; line style: the relation (finetune solid, adapter dashed, quantized dotted, merge bold).")
    }

    func table(_ answer: QuestionAnswer, caption: String) -> ReportContent.Table {
        ReportContent.Table(
            caption: caption,
            header: ["Entity", "Kind", "Country", "Country source", "Models", "Downloads", "Depth"],
            rows: answer.entities.map { row in
                [row.entity, row.kind, row.country ?? "unknown", row.countrySource ?? "—", Formatting.group(row.models),
                 Formatting.group(row.downloads), String(row.depth)]
            },
            numeric: [4, 5, 6], links: answer.entities.map(\.url))
    }
}
