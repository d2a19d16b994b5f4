import LineageGraph

/// Types the untyped parents of one record (relation `unknown`: plain `base_model:<id>` tags, a card
/// without `base_model_relation`, an edge list without a type) from what else the record says.
///
/// One precedence rule, the first that applies wins, for every untyped parent of the record alike:
///
/// 1. two or more parents (self-references not counted) → `merge`, `inferred:multiple-parents`
/// 2. library `peft` or `adapter-transformers` → `adapter`, `inferred:peft-library`
/// 3. tag `gguf` (exact case: the Hub writes it from the files), `gptq`, `awq` or `exl2`, or library
///    `gguf`, `llama.cpp`, `exllamav2`, `gptq`, `awq`, `mlc-llm` → `quantized`, `inferred:quantized-tag`
/// 4. tag `lora`, `peft`, `adapter`, `qlora`, `template:sd-lora` or `controlnet`, and the library is
///    not `transformers` (a merged adapter) → `adapter`, `inferred:adapter-tag`
/// 5. tag `4-bit`, `8-bit` or `bitsandbytes` (the Hub writes them for a bitsandbytes config)
///    → `quantized`, `inferred:quantized-tag`
/// 6. the child's name ends in a quantization suffix (`QuantizedName`) → `quantized`, `inferred:quantized-name`
/// 7. otherwise → `finetune`, `inferred:default-finetune`
///
/// `merge`/`mergekit` tags are deliberately not a rule: on typed data a single-parent model with them
/// is a `finetune` (or a quantization of a merge), never a `merge`. The precision and recall of these
/// rules on typed data with the type hidden are in docs/METRICS.md.
public enum RelationInference {
    /// What a record's tags say about how it was made; gathered by `LineageEvidence` while reading tags.
    public struct Evidence: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        /// `gguf` (exact), `gptq`, `awq`, `exl2`.
        public static let quantizationFormatTag = Evidence(rawValue: 1 << 0)
        /// `4-bit`, `8-bit`, `bitsandbytes` (exact).
        public static let bitsAndBytesTag = Evidence(rawValue: 1 << 1)
        /// `lora`, `peft`, `adapter`, `qlora`, `template:sd-lora`, `controlnet`.
        public static let adapterTag = Evidence(rawValue: 1 << 2)
        /// `transformers` (exact): the library, for inputs without a `library_name` field.
        public static let transformersTag = Evidence(rawValue: 1 << 3)
    }

    /// Types every `unknown` parent of `parents` (a record's parent list) with the rule above; declared
    /// relations are left alone.
    /// - Complexity: O(parents + length of `childID`).
    public static func apply(to parents: inout [ParentLink], childID: String, libraryName: String?, evidence: Evidence) {
        guard parents.contains(where: { $0.relation == .unknown }) else { return }
        let (relation, provenance) = rule(parentCount: parentCount(parents, childID: childID), childID: childID, libraryName: libraryName, evidence: evidence)
        for i in parents.indices where parents[i].relation == .unknown {
            parents[i].relation = relation
            parents[i].provenance = provenance
        }
    }

    /// The relation and rule for a child with `parentCount` parents (self-references excluded).
    public static func rule(parentCount: Int, childID: String, libraryName: String?, evidence: Evidence) -> (Relation, EdgeProvenance) {
        if parentCount >= 2 { return (.merge, .multipleParents) }
        let library = libraryName.map { $0.lowercased() }
        if let library, adapterLibraries.contains(library) { return (.adapter, .peftLibrary) }
        if evidence.contains(.quantizationFormatTag) { return (.quantized, .quantizedTag) }
        if let library, quantizationLibraries.contains(library) { return (.quantized, .quantizedTag) }
        let transformers = library.map { $0 == "transformers" } ?? evidence.contains(.transformersTag)
        if evidence.contains(.adapterTag), !transformers { return (.adapter, .adapterTag) }
        if evidence.contains(.bitsAndBytesTag) { return (.quantized, .quantizedTag) }
        if QuantizedName.matches(childID) { return (.quantized, .quantizedName) }
        return (.finetune, .defaultFinetune)
    }

    static let adapterLibraries: Set<String> = ["peft", "adapter-transformers"]
    static let quantizationLibraries: Set<String> = ["gguf", "llama.cpp", "exllamav2", "gptq", "awq", "mlc-llm"]

    /// Distinct parents other than the child itself.
    private static func parentCount(_ parents: [ParentLink], childID: String) -> Int {
        guard parents.count > 1 else { return parents.count }
        let child = HubID.key(childID)
        return parents.reduce(0) { $0 + (HubID.key($1.id) == child ? 0 : 1) }
    }

    // MARK: - Tags

    /// The evidence one tag (UTF-8 bytes) carries; empty for most tags.
    /// - Complexity: O(1): only tags of 3 to 16 bytes are compared.
    static func evidence(ofTag tag: UnsafeBufferPointer<UInt8>) -> Evidence {
        switch tag.count {
        case 3: if equalsFolded(tag, "awq") { return .quantizationFormatTag }
        case 4:
            if equals(tag, "gguf") { return .quantizationFormatTag }
            if equalsFolded(tag, "gptq") || equalsFolded(tag, "exl2") { return .quantizationFormatTag }
            if equalsFolded(tag, "lora") || equalsFolded(tag, "peft") { return .adapterTag }
        case 5:
            if equals(tag, "4-bit") || equals(tag, "8-bit") { return .bitsAndBytesTag }
            if equalsFolded(tag, "qlora") { return .adapterTag }
        case 7: if equalsFolded(tag, "adapter") { return .adapterTag }
        case 10: if equalsFolded(tag, "controlnet") { return .adapterTag }
        case 12:
            if equals(tag, "bitsandbytes") { return .bitsAndBytesTag }
            if equals(tag, "transformers") { return .transformersTag }
        case 16: if equalsFolded(tag, "template:sd-lora") { return .adapterTag }
        default: break
        }
        return []
    }

    private static func equals(_ tag: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard tag.count == word.utf8CodeUnitCount else { return false }
        for i in 0..<tag.count where tag[i] != word.utf8Start[i] { return false }
        return true
    }

    /// ASCII case-insensitive; `word` is lowercase.
    private static func equalsFolded(_ tag: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard tag.count == word.utf8CodeUnitCount else { return false }
        for i in 0..<tag.count {
            let byte = tag[i]
            let folded = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            if folded != word.utf8Start[i] { return false }
        }
        return true
    }
}
