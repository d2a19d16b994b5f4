/// How a child model was made from a parent, as the Hub records it.
///
/// Raw values are stable: they are stored in the SQLite store and in binary caches.
public enum Relation: UInt8, Sendable, CaseIterable, Comparable, CustomStringConvertible {
    case finetune = 0
    case adapter = 1
    case quantized = 2
    case merge = 3
    /// The source names a parent but not how the child was made.
    case unknown = 4

    /// The spelling used in the store, in JSON output and on the command line.
    public var name: String {
        switch self {
        case .finetune: "finetune"
        case .adapter: "adapter"
        case .quantized: "quantized"
        case .merge: "merge"
        case .unknown: "unknown"
        }
    }

    public var description: String { name }

    /// Parses the Hub's spellings and their variants (`finetuned`, `merged`, `quantization`, `lora`…),
    /// case-insensitively; nil when the word names no relation.
    public init?(hubName: some StringProtocol) {
        switch hubName.lowercased() {
        case "finetune", "finetuned", "fine-tune", "fine-tuned", "fine_tune": self = .finetune
        case "adapter", "adapters", "lora", "peft": self = .adapter
        case "quantized", "quantization", "quantize", "quant": self = .quantized
        case "merge", "merged", "merges": self = .merge
        case "unknown", "": self = .unknown
        default: return nil
        }
    }

    public static func < (lhs: Relation, rhs: Relation) -> Bool { lhs.rawValue < rhs.rawValue }
}
