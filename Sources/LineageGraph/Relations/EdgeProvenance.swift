/// Where the relation of a lineage edge comes from: the source stated it (`declared`), or a rule of
/// `RelationInference` chose it from the child's evidence (`inferred:<rule>`).
///
/// Raw values are stable: they are kept in binary graph caches. The store keeps `name`.
/// Rules, their precedence and their measured precision are in docs/METRICS.md.
public enum EdgeProvenance: UInt8, Sendable, CaseIterable, Comparable, CustomStringConvertible {
    /// The source typed the edge: hub-stats `baseModels.relation`, a `base_model:<relation>:<id>` tag,
    /// a card's `base_model_relation`, a typed edge list. Also every edge of a store made before
    /// provenance was recorded.
    case declared = 0
    /// The child names two or more parents: `merge`.
    case multipleParents = 1
    /// The child's library is `peft` (or `adapter-transformers`): `adapter`.
    case peftLibrary = 2
    /// A quantization-format tag or library (`gguf`, `gptq`, `awq`, `exl2`, library `gguf`, `mlc-llm`, …),
    /// or the `4-bit`/`8-bit`/`bitsandbytes` tags the Hub writes for a bitsandbytes config: `quantized`.
    case quantizedTag = 3
    /// An adapter tag (`lora`, `peft`, `adapter`, `qlora`, `template:sd-lora`, `controlnet`) on a model
    /// whose library is not `transformers`: `adapter`.
    case adapterTag = 4
    /// The child's name ends in a quantization suffix (`-GGUF`, `-AWQ`, `-GPTQ`, `-exl2`, `-4bit`,
    /// `-bnb-4bit`, `-4.0bpw-h6-exl2`, `-Q4_K_M`, …): `quantized`.
    case quantizedName = 5
    /// No evidence at all: `finetune`.
    case defaultFinetune = 6
    /// A whole edge inferred after loading, never stored: a parentless model named like a family root
    /// (plus a re-upload suffix) linked to that root (`ReuploadLinker`).
    case reupload = 7
    /// An `inferred:<rule>` name this build does not know (written by a later version or another tool).
    case otherInferred = 255

    /// The spelling kept in the store and shown by `lineage stats`: `declared` or `inferred:<rule>`.
    public var name: String { Int(rawValue) < Self.names.count ? Self.names[Int(rawValue)] : "inferred" }

    /// Names of the rules in raw-value order (`otherInferred` is `inferred`).
    private static let names = [
        "declared", "inferred:multiple-parents", "inferred:peft-library", "inferred:quantized-tag", "inferred:adapter-tag",
        "inferred:quantized-name", "inferred:default-finetune", "inferred:reupload",
    ]

    public var description: String { name }

    /// Whether a rule chose the relation (anything but `declared`).
    @inline(__always)
    public var isInferred: Bool { self != .declared }

    /// Reads a stored name; any other `inferred…` name is `otherInferred`, anything else nil.
    public init?(name: some StringProtocol) {
        if let known = Self.allCases.first(where: { $0.name == name }) {
            self = known
        } else if name.hasPrefix("inferred") {
            self = .otherInferred
        } else {
            return nil
        }
    }

    public static func < (lhs: EdgeProvenance, rhs: EdgeProvenance) -> Bool { lhs.rawValue < rhs.rawValue }
}
