import Foundation
import LineageSupport

extension ClaimEvaluator {
    /// A side of a comparison: its value (nil when not measurable), how it prints, and why it is unknown.
    struct Operand {
        var value: Double?
        /// The value as computed, even when the store cannot vouch for it (for printing).
        var raw: Double?
        var isShare: Bool
        var interval: WilsonInterval?
        var reasons: [String]
        var text: String
    }

    /// Three-valued: a reading holds, fails, or cannot be decided on this store.
    struct Truth {
        var value: Bool?
        var reasons: [String]
        var text: String
    }

    /// Evaluates one reading; `and`/`or` follow three-valued logic (false and unknown is false).
    func evaluate(_ check: Claim.Check, measures: [MeasureResult]) -> CheckResult {
        let truth = evaluate(check.expression, measures)
        let verdict: ClaimVerdict = switch truth.value {
        case true?: .supported
        case false?: .notSupported
        case nil: .notMeasurable
        }
        var seen = Set<String>()
        let reasons = truth.reasons.filter { seen.insert($0).inserted }
        return CheckResult(check: check.text, verdict: verdict, evaluated: truth.text, reasons: verdict == .notMeasurable ? reasons : [])
    }

    func evaluate(_ expression: ClaimExpression, _ measures: [MeasureResult]) -> Truth {
        switch expression {
        case .and(let a, let b):
            let x = evaluate(a, measures), y = evaluate(b, measures)
            let value: Bool? = x.value == false || y.value == false ? false : (x.value == true && y.value == true ? true : nil)
            return Truth(value: value, reasons: value == nil ? x.reasons + y.reasons : [], text: "\(x.text) and \(y.text)")
        case .or(let a, let b):
            let x = evaluate(a, measures), y = evaluate(b, measures)
            let value: Bool? = x.value == true || y.value == true ? true : (x.value == false && y.value == false ? false : nil)
            return Truth(value: value, reasons: value == nil ? x.reasons + y.reasons : [], text: "\(x.text) or \(y.text)")
        case .compare(let comparison, let a, let b, let tolerance):
            let x = operand(a, measures), y = operand(b, measures)
            let text = "\(x.text) \(comparison.rawValue) \(y.text)" + (tolerance.map { " ± \(format($0, share: x.isShare || y.isShare))" } ?? "")
            guard let l = x.value, let r = y.value else { return Truth(value: nil, reasons: x.reasons + y.reasons, text: text) }
            let value: Bool
            switch comparison {
            case .atLeast: value = l >= r
            case .more: value = l > r
            case .atMost: value = l <= r
            case .less: value = l < r
            case .about:
                let share = x.isShare || y.isShare
                let allowed = tolerance ?? (share ? 0.05 : 0.1 * abs(r))
                value = abs(l - r) <= allowed || (x.interval?.contains(r) ?? false)
            }
            return Truth(value: value, reasons: [], text: text)
        default:
            let x = operand(expression, measures)
            return Truth(value: nil, reasons: x.reasons + ["not a comparison"], text: x.text)
        }
    }

    func operand(_ expression: ClaimExpression, _ measures: [MeasureResult]) -> Operand {
        switch expression {
        case .number(let value, let isShare):
            return Operand(value: value, raw: value, isShare: isShare, reasons: [], text: format(value, share: isShare))
        case .measure(let name):
            let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
            guard let measure = measures.first(where: { $0.name == parts[0] }) else {
                return Operand(value: nil, raw: nil, isShare: false, reasons: ["no measure \(name)"], text: name)
            }
            let downloads = parts.count > 1 && parts[1].lowercased() == "downloads"
            let value = downloads ? measure.downloadShare : measure.value
            var reasons = measure.notMeasurable.map { ["\(measure.name): \($0)"] } ?? []
            if value == nil, reasons.isEmpty { reasons = ["\(name) has no value on this store"] }
            let shown = value.map { format($0, share: measure.isShare) } ?? "?"
            return Operand(
                value: measure.notMeasurable == nil ? value : nil, raw: value, isShare: measure.isShare,
                interval: downloads ? nil : measure.interval, reasons: reasons, text: "\(name) \(shown)")
        case .negate(let a):
            var x = operand(a, measures)
            x.value = x.value.map { -$0 }
            x.raw = x.raw.map { -$0 }
            x.text = "-" + x.text
            return x
        case .arithmetic(let op, let a, let b):
            let x = operand(a, measures), y = operand(b, measures)
            func apply(_ l: Double?, _ r: Double?) -> Double? {
                guard let l, let r else { return nil }
                switch op {
                case "+": return l + r
                case "-": return l - r
                case "*": return l * r
                default: return r == 0 ? nil : l / r
                }
            }
            let value = apply(x.value, y.value), raw = apply(x.raw, y.raw)
            var reasons = x.reasons + y.reasons
            if value == nil, reasons.isEmpty { reasons = ["division by zero"] }
            let share = (x.isShare || y.isShare) && (op == "+" || op == "-")
            let shown = raw.map { format($0, share: share) } ?? "?"
            return Operand(value: value, raw: raw, isShare: share, reasons: reasons, text: "(\(x.text) \(op) \(y.text) = \(shown))")
        case .compare, .and, .or:
            return Operand(value: nil, raw: nil, isShare: false, reasons: ["a comparison inside arithmetic"], text: "?")
        }
    }

    func format(_ value: Double, share: Bool) -> String {
        if share { return String(format: "%.1f%%", value * 100) }
        if value.rounded() == value, abs(value) < 9e15 { return Formatting.group(Int64(value)) }
        return String(format: "%.3f", value)
    }
}
