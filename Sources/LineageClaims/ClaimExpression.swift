import LineageGraph
import LineageSupport

/// The comparison a claim makes, over its measures: `all >= 200000 and all > gemma + llama`,
/// `cn ≈ 41%`, `share ≈ 69% ± 3%`.
///
/// Grammar: `or`/`and` of comparisons (`>=` `≥` `>` `<=` `≤` `<` `≈` `~`), each side a sum of products
/// of numbers (`200000`, `200_000`, `700M`, `75k`, `41%`), measure names (`name`, `name.downloads`)
/// and parentheses. `≈` holds within `± tolerance` when given, else within 5 percentage points for a
/// share and 10% of the claimed number otherwise, or when the claimed value lies in the measure's 95% interval.
public indirect enum ClaimExpression: Sendable, Equatable {
    case number(Double, isShare: Bool)
    case measure(String)
    case negate(ClaimExpression)
    case arithmetic(Character, ClaimExpression, ClaimExpression)
    case compare(Comparison, ClaimExpression, ClaimExpression, tolerance: Double?)
    case and(ClaimExpression, ClaimExpression)
    case or(ClaimExpression, ClaimExpression)

    public enum Comparison: String, Sendable, Equatable {
        case atLeast = "≥", more = ">", atMost = "≤", less = "<", about = "≈"
    }

    /// The measure names the expression reads, in order of first use.
    public var measures: [String] {
        var seen: [String] = []
        func walk(_ e: ClaimExpression) {
            switch e {
            case .number: break
            case .measure(let name):
                let base = String(name.split(separator: ".").first ?? Substring(name))
                if !seen.contains(base) { seen.append(base) }
            case .negate(let a): walk(a)
            case .arithmetic(_, let a, let b), .compare(_, let a, let b, _), .and(let a, let b), .or(let a, let b):
                walk(a)
                walk(b)
            }
        }
        walk(self)
        return seen
    }

    /// Whether this is a comparison or a combination of them (what a `check:` line must be).
    public var isCondition: Bool {
        switch self {
        case .compare, .and, .or: true
        default: false
        }
    }

    // MARK: - Parsing

    /// Parses `text`; errors say what was expected where.
    public static func parse(_ text: String) throws(LineageError) -> ClaimExpression {
        var parser = Parser(tokens: try tokenize(text))
        let expression = try parser.parseOr()
        if let extra = parser.peek { throw LineageError("unexpected \(MessageText.quote(extra)) after a complete expression") }
        return expression
    }

    static func tokenize(_ text: String) throws(LineageError) -> [String] {
        var tokens: [String] = []
        let characters = Array(text)
        var i = 0
        while i < characters.count {
            let c = characters[i]
            if c.isWhitespace { i += 1; continue }
            if c.isNumber || (c == "." && i + 1 < characters.count && characters[i + 1].isNumber) {
                var j = i
                while j < characters.count, characters[j].isNumber || characters[j] == "." || characters[j] == "_"
                        || (characters[j] == "," && j + 3 < characters.count + 1 && j + 1 < characters.count && characters[j + 1].isNumber) {
                    j += 1
                }
                if j < characters.count, "%kKM".contains(characters[j]) { j += 1 }
                tokens.append(String(characters[i..<j]))
                i = j
                continue
            }
            if c.isLetter || c == "_" {
                var j = i
                while j < characters.count, characters[j].isLetter || characters[j].isNumber || characters[j] == "_" || characters[j] == "." {
                    j += 1
                }
                tokens.append(String(characters[i..<j]))
                i = j
                continue
            }
            let two = i + 1 < characters.count ? String(characters[i...i + 1]) : ""
            if [">=", "<=", "=="].contains(two) {
                tokens.append(two)
                i += 2
                continue
            }
            guard "()+-*/<>≥≤≈~±=".contains(c) else {
                throw LineageError("unexpected character \(MessageText.quote(String(c)))")
            }
            tokens.append(String(c))
            i += 1
        }
        return tokens
    }

    struct Parser {
        var tokens: [String]
        var position = 0

        var peek: String? { position < tokens.count ? tokens[position] : nil }

        mutating func accept(_ token: String) -> Bool {
            guard peek?.lowercased() == token else { return false }
            position += 1
            return true
        }

        mutating func parseOr() throws(LineageError) -> ClaimExpression {
            var left = try parseAnd()
            while accept("or") { left = .or(left, try parseAnd()) }
            return left
        }

        mutating func parseAnd() throws(LineageError) -> ClaimExpression {
            var left = try parseComparison()
            while accept("and") { left = .and(left, try parseComparison()) }
            return left
        }

        mutating func parseComparison() throws(LineageError) -> ClaimExpression {
            let left = try parseSum()
            let operators: [(String, Comparison)] = [
                (">=", .atLeast), ("≥", .atLeast), (">", .more), ("<=", .atMost), ("≤", .atMost), ("<", .less),
                ("≈", .about), ("~", .about), ("==", .about), ("=", .about),
            ]
            for (text, comparison) in operators where accept(text) {
                let right = try parseSum()
                var tolerance: Double?
                if accept("±") {
                    guard comparison == .about else { throw LineageError("`±` goes only after `≈`") }
                    guard case .number(let value, _) = try parseFactor() else { throw LineageError("`±` needs a number, e.g. `± 3%`") }
                    tolerance = value
                }
                return .compare(comparison, left, right, tolerance: tolerance)
            }
            return left
        }

        mutating func parseSum() throws(LineageError) -> ClaimExpression {
            var left = try parseProduct()
            while true {
                if accept("+") { left = .arithmetic("+", left, try parseProduct()) }
                else if accept("-") { left = .arithmetic("-", left, try parseProduct()) }
                else { return left }
            }
        }

        mutating func parseProduct() throws(LineageError) -> ClaimExpression {
            var left = try parseFactor()
            while true {
                if accept("*") { left = .arithmetic("*", left, try parseFactor()) }
                else if accept("/") { left = .arithmetic("/", left, try parseFactor()) }
                else { return left }
            }
        }

        mutating func parseFactor() throws(LineageError) -> ClaimExpression {
            guard let token = peek else { throw LineageError("the expression ends where a number or a measure name was expected") }
            position += 1
            if token == "-" { return .negate(try parseFactor()) }
            if token == "(" {
                let inner = try parseOr()
                guard accept(")") else { throw LineageError("a `(` is not closed") }
                return inner
            }
            if let first = token.first, first.isNumber || first == "." {
                var text = token.replacingOccurrences(of: "_", with: "").replacingOccurrences(of: ",", with: "")
                var scale = 1.0
                var divisor = 1.0
                var isShare = false
                switch text.last {
                case "%": divisor = 100; isShare = true; text.removeLast()
                case "k", "K": scale = 1_000; text.removeLast()
                case "M": scale = 1_000_000; text.removeLast()
                default: break
                }
                guard let value = Double(text) else { throw LineageError("\(MessageText.quote(token)) is not a number") }
                return .number(value * scale / divisor, isShare: isShare)
            }
            if let first = token.first, first.isLetter || first == "_" {
                if ["and", "or"].contains(token.lowercased()) {
                    throw LineageError("\(MessageText.quote(token)) where a number or a measure name was expected")
                }
                return .measure(token)
            }
            throw LineageError("unexpected \(MessageText.quote(token)) where a number or a measure name was expected")
        }
    }
}
