import Foundation
import LineageAnalysis
import LineageCatalog
import LineageGraph
import LineageStore
import LineageSupport

/// Checks claims against one store: computes every measure (questions through `QuestionAnswerer`, so a
/// value is what `lineage ask` answers), decides whether the store can measure it, and evaluates each
/// reading of the claim.
///
/// A measure is not measurable when the store's data end before the months it is about (too old), when
/// it is a Hub-wide count or total and the store is a sample (fewer than `wholeHubMinimum` models),
/// when it is a share of fewer than `tooSmallSample` entities, or when it rests on authors' countries and
/// fewer than `coverageMinimum` of the relevant downloads have one.
public struct ClaimEvaluator: Sendable {
    public let answerer: QuestionAnswerer
    public let index: DownstreamIndex
    public let context: ClaimStoreContext
    /// Where windowed counts come from (`QuestionWindowCounter` until the timeline module replaces it).
    public var growth: any ClaimGrowthSource
    /// Fewer models than this and the store is a sample: Hub-wide counts and totals are not measurable.
    public var wholeHubMinimum = 100_000
    /// Below this share of downloads with a known country, country measures are not measurable.
    public var coverageMinimum = 0.5
    /// Shares over fewer entities than this are not measurable; over fewer than `smallSample`, they carry a warning.
    public var tooSmallSample = 10
    public var smallSample = 100

    public init(answerer: QuestionAnswerer) {
        self.answerer = answerer
        index = DownstreamIndex(queries: answerer.queries, registry: answerer.registry)
        context = ClaimStoreContext(index: index, store: answerer.store)
        growth = QuestionWindowCounter(answerer: answerer)
    }

    var data: GraphData { answerer.queries.loaded.data }
    var graph: LineageGraph { answerer.queries.graph }

    // MARK: - Claims

    public func evaluate(_ claim: Claim) -> ClaimResult {
        var results: [MeasureResult] = []
        for measure in claim.measures {
            results.append(evaluate(measure, of: claim, earlier: results))
        }
        let checks = claim.checks.map { evaluate($0, measures: results) }
        var coverage = [context.coverage.text + " (all derivative models of the store)"]
        for result in results {
            if let line = result.coverage, !coverage.contains(line) { coverage.append("\(result.name): \(line)") }
        }
        let holding = checks.filter { $0.verdict == .supported }
        let failing = checks.filter { $0.verdict == .notSupported }
        let unknown = checks.filter { $0.verdict == .notMeasurable }
        let verdict: ClaimVerdict
        var why: String
        if !holding.isEmpty {
            verdict = .supported
            why = "holds under " + holding.map { "`\($0.check)`" }.joined(separator: "; ")
            if !failing.isEmpty { why += "; fails under " + failing.map { "`\($0.check)`" }.joined(separator: "; ") }
        } else if !failing.isEmpty {
            verdict = .notSupported
            why = "fails under every reading the store can measure: " + failing.map { "`\($0.evaluated)`" }.joined(separator: "; ")
        } else {
            verdict = .notMeasurable
            why = Self.grouped(unknown.flatMap(\.reasons)).joined(separator: "; ")
        }
        if verdict != .notMeasurable, !unknown.isEmpty {
            why += "; not measurable: " + unknown.map { "`\($0.check)`" }.joined(separator: "; ")
        }
        return ClaimResult(
            number: claim.number, claim: claim.text, source: claim.source, date: claim.date, notes: claim.notes,
            store: context.store, asOf: context.asOfDay, coverage: coverage, measures: results, checks: checks,
            verdict: verdict, why: why)
    }

    /// `name: reason` lines with the same reason joined: `reason (a, b, c)`.
    public static func grouped(_ lines: [String]) -> [String] {
        var order: [String] = []
        var names: [String: [String]] = [:]
        for line in lines {
            let parts = line.components(separatedBy: ": ")
            let isNamed = parts.count > 1 && parts[0].allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
            let reason = isNamed ? parts.dropFirst().joined(separator: ": ") : line
            if names[reason] == nil { order.append(reason) }
            if isNamed, !(names[reason]?.contains(parts[0]) ?? false) {
                names[reason, default: []].append(parts[0])
            } else if names[reason] == nil {
                names[reason] = []
            }
        }
        return order.map { reason in names[reason].map { $0.isEmpty ? reason : "\(reason) (\($0.joined(separator: ", ")))" } ?? reason }
    }

    // MARK: - Measures

    func evaluate(_ measure: ClaimMeasure, of claim: Claim, earlier: [MeasureResult]) -> MeasureResult {
        var result = MeasureResult(
            name: measure.name, measure: measure.text, kind: "", definition: measure.definition ?? "", value: nil,
            downloadShare: nil, isShare: false, warnings: [])
        do {
            switch measure.source {
            case .question(let question):
                result.kind = "question"
                try answer(question, claim: claim, into: &result)
            case .window(let window, let question):
                result.kind = "window"
                if result.definition.isEmpty { result.definition = "models the question counts, created \(window)" }
                result.definition += "; counted by \(growth.method)"
                result.value = Double(try growth.count(question, in: window))
                result.notMeasurable = timeReason(window: window) ?? sampleReason()
            case .metric(let metric):
                result.kind = "metric"
                if result.definition.isEmpty { result.definition = metric.definition }
                try compute(metric, claim: claim, into: &result)
            case .share(let part, let whole):
                result.kind = "share"
                share(part: part, whole: whole, earlier: earlier, into: &result)
            }
        } catch {
            result.value = nil
            result.notMeasurable = "cannot be computed on this store: \(MessageText.clip("\(error)".split(separator: "\n").first ?? ""))"
        }
        return result
    }

    /// A `lineage ask` question: the value `lineage ask` prints.
    func answer(_ question: String, claim: Claim, into result: inout MeasureResult) throws {
        let query = try QuestionParser().parse(question)
        let answer = try answerer.answer(question, query: query)
        if result.definition.isEmpty { result.definition = "`lineage ask \"\(question)\"` (\(answer.target))" }
        result.coverage = answer.coverage?.line
        switch query.intent {
        case .share:
            result.isShare = true
            result.value = answer.value
            result.downloadShare = answer.downloadShare
            let whole = answerer.derivativeEntities(query: query).count
            result.count = answer.total
            result.denominator = whole
            result.interval = WilsonInterval(successes: answer.total, trials: whole)
            result.notMeasurable = timeReason(month: claim.date) ?? smallShareReason(whole) ?? countryReason(query)
            if result.notMeasurable == nil { addShareWarnings(whole, into: &result) }
        case .count, .list:
            result.value = answer.value ?? Double(answer.total)
            result.notMeasurable = timeReason(month: claim.date) ?? sampleReason() ?? countryReason(query)
        default:
            result.value = answer.value
            result.notMeasurable = timeReason(month: claim.date) ?? sampleReason()
        }
    }

    func share(part: String, whole: String, earlier: [MeasureResult], into result: inout MeasureResult) {
        result.isShare = true
        guard let p = earlier.first(where: { $0.name == part }), let w = earlier.first(where: { $0.name == whole }),
              let pv = p.value, let wv = w.value
        else {
            result.notMeasurable = "\(part) or \(whole) has no value"
            return
        }
        if result.definition.isEmpty { result.definition = "\(part) / \(whole)" }
        let k = Int(pv), n = Int(wv)
        result.count = k
        result.denominator = n
        result.value = n > 0 ? pv / wv : nil
        if n > 0, (0...n).contains(k) { result.interval = WilsonInterval(successes: k, trials: n) }
        // A share of a sample is still a share: only the parts' dates and the denominator decide.
        let partsReason = [p, w].compactMap(\.notMeasurable).first { !$0.hasPrefix("too small a sample: the store holds") }
        result.notMeasurable = partsReason ?? (n == 0 ? "nothing to share: \(whole) is 0" : smallShareReason(n))
        if result.notMeasurable == nil { addShareWarnings(n, into: &result) }
    }

    // MARK: - Measurability

    /// Too old: the store's data end before `month` starts.
    func timeReason(month: ClaimMonth) -> String? {
        guard let asOf = context.asOf else { return "the store's models carry no creation dates, so its date is unknown" }
        guard month.start > asOf else { return nil }
        return "too old: the store's newest model was created on \(ClaimMonth.day(asOf)); the claim is about \(month)"
    }

    func timeReason(window: ClaimWindow) -> String? {
        if window.from < ClaimMonth(year: 2022, month: 4) {
            return "the window starts before 2022-04: the Hub dates every repository older than 2022-03-02 at that day"
        }
        guard let asOf = context.asOf else { return "the store's models carry no creation dates" }
        guard window.to.start > asOf else { return nil }
        return "too old: the store's newest model was created on \(ClaimMonth.day(asOf)), before the window \(window) ends"
    }

    /// Too small a sample for a Hub-wide count or total.
    func sampleReason() -> String? {
        guard context.models < wholeHubMinimum else { return nil }
        return "too small a sample: the store holds \(Formatting.group(Int64(context.models))) models, not the whole Hub "
            + "(Hub-wide counts, totals and shares of all downloads need at least \(Formatting.group(Int64(wholeHubMinimum))))"
    }

    func smallShareReason(_ denominator: Int) -> String? {
        denominator < tooSmallSample ? "too small a sample: a share of \(denominator) entities" : nil
    }

    func addShareWarnings(_ denominator: Int, into result: inout MeasureResult) {
        if denominator < smallSample, let interval = result.interval {
            let range = "\(Formatting.percent(interval.lower))–\(Formatting.percent(interval.upper))"
            result.warnings.append("small sample: \(denominator) entities; 95% Wilson interval \(range)")
        }
        if context.models < wholeHubMinimum {
            result.warnings.append("the store is a sample of \(Formatting.group(Int64(context.models))) models: its shares need not be the Hub's")
        }
    }

    /// No country for most authors: a question filtering by the author's country on a store whose
    /// registry places too few of the relevant downloads.
    func countryReason(_ query: LineageQuery) -> String? {
        guard query.country != nil else { return nil }
        let organizations: Set<LineageQuery.Subject> = [.organizations, .startups, .companies, .universities]
        let coverage = context.coverage
        let (share, what) = organizations.contains(query.subject ?? .projects)
            ? (coverage.organizationCountryKnownDownloadShare, "of the downloads of organizations' derivative models")
            : (coverage.countryKnownDownloadShare, "of the downloads of derivative models")
        return coverageReason(share, what)
    }

    func coverageReason(_ share: Double, _ what: String) -> String? {
        guard share < coverageMinimum else { return nil }
        return "no country for most authors: only \(Formatting.percent(share)) \(what) have an author of known country "
            + "(needs \(Formatting.percent(coverageMinimum)))"
    }
}
