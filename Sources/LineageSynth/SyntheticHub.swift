import LineageGraph

/// A generated Hub: N model records as flat columns, in creation order, ready to be written as hub-stats
/// JSON lines (`SyntheticHubWriter`) or measured (`SyntheticHubCalibration`).
///
/// Build one with `SyntheticHub.generate(_:catalog:)`. Model `i`'s id is
/// `authors[author[i]]/<name>`, where the name is derived from its stem, kind and index (see `name(of:)`);
/// ids are unique. Parents come before children except for the few planted cycles (`extraParents`).
public struct SyntheticHub: Sendable {
    /// What a model is. Derivative kinds carry the relation to their parents.
    public enum Kind: UInt8, Sendable, CaseIterable {
        /// No parents, (almost always) no children: most of the Hub.
        case isolated
        /// A base model outside the catalog's families (a community family's root).
        case communityRoot
        /// A base model of a catalog family, published under the family's namespace.
        case familyRoot
        /// The family owner's own fine-tune (`…-Instruct`) of one of its base models.
        case firstParty
        case finetune, adapter, quantized, merge
        /// A derivative whose card names its parent but not the relation.
        case unknown

        /// The relation written for the model's parents, nil for kinds without parents.
        public var relation: Relation? {
            switch self {
            case .isolated, .communityRoot, .familyRoot: nil
            case .firstParty, .finetune: .finetune
            case .adapter: .adapter
            case .quantized: .quantized
            case .merge: .merge
            case .unknown: .unknown
            }
        }
    }

    public let configuration: SyntheticHubConfiguration
    /// The named families planted, in family-id order (family ids below `specs.count` are these; higher
    /// ids are community families).
    public let specs: [SyntheticHubFamilySpec]

    public internal(set) var kind: [Kind] = []
    /// Family id per model (named or community); -1 for isolated models.
    public internal(set) var family: [Int32] = []
    public internal(set) var author: [Int32] = []
    public internal(set) var authors: [String] = []
    /// Stem per model, an index into `stems`: the family base model's name, or a generic model name.
    public internal(set) var stem: [Int32] = []
    public internal(set) var stems: [String] = []
    /// Parameters per stem (for `safetensors.total`) and pipeline index per stem (into `pipelines`).
    public internal(set) var stemParameters: [Int64] = []
    public internal(set) var stemPipeline: [UInt8] = []
    /// The name word chosen for a derivative among its kind's `tagWords`.
    public internal(set) var tag: [UInt8] = []
    /// Parents of model i: `parents[parentStart[i]..<parentStart[i+1]]`; a negative value -k-1 names the
    /// k-th dangling (absent) parent.
    public internal(set) var parentStart: [Int32] = [0]
    public internal(set) var parents: [Int32] = []
    /// Parents added after generation to plant self-loops and cycles: (child, parent).
    public internal(set) var extraParents: [(child: Int32, parent: Int32)] = []
    /// Names of the dangling parents.
    public internal(set) var danglingNames: [String] = []
    /// Unix seconds.
    public internal(set) var created: [Int64] = []
    public internal(set) var modifiedDelta: [Int32] = []
    public internal(set) var downloads: [Int32] = []
    public internal(set) var downloadsAllTime: [Int64] = []
    public internal(set) var likes: [Int32] = []
    /// Index into `licenses`.
    public internal(set) var license: [UInt8] = []
    /// `yymm * 100000 + number` of an arXiv id, or 0.
    public internal(set) var arxiv: [Int32] = []

    public var count: Int { kind.count }

    package init(configuration: SyntheticHubConfiguration, specs: [SyntheticHubFamilySpec]) {
        self.configuration = configuration
        self.specs = specs
    }

    /// Words that make derivative names, per kind.
    public static let tagWords: [Kind: [String]] = [
        .finetune: ["Instruct", "chat", "sft", "dpo", "orpo", "grpo", "math", "code", "rp", "uncensored", "medical",
                    "legal", "ja", "ko", "de", "fr", "tr", "vi", "reasoning", "agent", "ft", "v2", "it", "distill"],
        .adapter: ["lora", "qlora", "adapter", "peft", "lora-r16", "lora-r64"],
        .quantized: ["GGUF", "AWQ", "GPTQ", "4bit", "8bit", "exl2", "MLX-4bit", "bnb-4bit", "i1-GGUF", "Q4_K_M-GGUF"],
        .merge: ["merge", "slerp", "ties", "dare-ties", "model-stock", "passthrough"],
        .unknown: ["tuned", "custom", "experiment", "trained"],
    ]

    public static let licenses = [
        "apache-2.0", "mit", "llama2", "llama3", "llama3.1", "gemma", "other", "cc-by-4.0", "cc-by-nc-4.0",
        "openrail", "qwen", "afl-3.0", "cc-by-sa-4.0", "gpl-3.0",
    ]

    /// Pipeline tags and the library that usually goes with each.
    public static let pipelines: [(tag: String, library: String)] = [
        ("text-generation", "transformers"), ("text-classification", "transformers"),
        ("token-classification", "transformers"), ("automatic-speech-recognition", "transformers"),
        ("image-classification", "transformers"), ("text-to-image", "diffusers"),
        ("reinforcement-learning", "stable-baselines3"), ("sentence-similarity", "sentence-transformers"),
        ("object-detection", "ultralytics"), ("image-text-to-text", "transformers"),
        ("translation", "transformers"), ("feature-extraction", "transformers"),
    ]

    /// Generic model names for community base models and isolated models, with their pipeline index.
    public static let genericStems: [(String, UInt8)] = [
        ("bert-base-uncased", 1), ("roberta-base", 1), ("distilbert-base", 1), ("deberta-v3-base", 1),
        ("xlm-roberta-large", 2), ("bert-ner", 2), ("whisper-small", 3), ("wav2vec2-base", 3),
        ("vit-base-patch16", 4), ("convnext-tiny", 4), ("resnet-50", 4), ("stable-diffusion-v1-5", 5),
        ("sdxl-base", 5), ("flux-dev", 5), ("ppo-LunarLander-v2", 6), ("dqn-SpaceInvaders", 6),
        ("all-MiniLM-L6", 7), ("bge-base", 7), ("yolov8n", 8), ("detr-resnet", 8), ("llava-style-vlm", 9),
        ("t5-small", 10), ("mbart-large", 10), ("gpt2-small", 0), ("tinystories-33m", 0), ("e5-base", 11),
    ]

    /// The model name (without namespace) of model `i`, as UTF-8 appended to `out`.
    /// Base models are their stem; first-party fine-tunes `<stem>-Instruct`; others `<stem>-<word>-<i>`.
    /// - Complexity: O(length of the name).
    public func appendName(of i: Int, to out: inout [UInt8], stemBytes: [[UInt8]], tagBytes: [[[UInt8]]]) {
        out.append(contentsOf: stemBytes[Int(stem[i])])
        switch kind[i] {
        case .familyRoot: return
        case .firstParty: out.append(contentsOf: "-Instruct".utf8); return
        case .isolated, .communityRoot: break
        case .finetune, .adapter, .quantized, .merge, .unknown:
            out.append(UInt8(ascii: "-"))
            out.append(contentsOf: tagBytes[Int(kind[i].rawValue)][Int(tag[i])])
        }
        out.append(UInt8(ascii: "-"))
        SyntheticHubWriter.appendInteger(i, to: &out)
    }

    /// Model `i`'s full id, `author/name`.
    /// - Complexity: O(length of the id).
    public func id(of i: Int) -> String {
        var bytes = Array(authors[Int(author[i])].utf8)
        bytes.append(UInt8(ascii: "/"))
        appendName(of: i, to: &bytes, stemBytes: stems.map { Array($0.utf8) }, tagBytes: Self.tagBytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `tagWords` as bytes, indexed by `Kind.rawValue`.
    package static let tagBytes: [[[UInt8]]] = Kind.allCases.map { kind in (tagWords[kind] ?? []).map { Array($0.utf8) } }

    /// Parents of model i including planted extras (dangling ones negative).
    /// - Complexity: O(parents + extras).
    public func allParents(of i: Int) -> [Int32] {
        var result = Array(parents[Int(parentStart[i])..<Int(parentStart[i + 1])])
        for extra in extraParents where Int(extra.child) == i { result.append(extra.parent) }
        return result
    }
}
