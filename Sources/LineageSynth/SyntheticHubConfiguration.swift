/// The knobs of the synthetic Hub, with defaults calibrated to the real Hub.
///
/// Targets (Laufer, Oderinwale and Kleinberg, "Anatomy of a Machine Learning Ecosystem: 2 Million
/// Models on Hugging Face", arXiv 2508.06811): 1.86M models and ~574K lineage edges, of which ~189K
/// finetune, ~241K adapter, ~102K quantized and ~42K merge or untyped (split here as ~30K merge and
/// ~12K untyped, an assumption: the paper does not split them). Per model that is 0.1016 fine-tunes,
/// 0.1296 adapters, 0.0548 quantizations, 0.0065 untyped derivatives and 0.0062 merges (whose 2–4
/// parents, 2.6 on average, give 0.0161 merge edges), 0.309 edges in all.
public struct SyntheticHubConfiguration: Sendable, Equatable {
    /// Models to write.
    public var models: Int
    /// Seed of the generator: same seed, N and catalog, same bytes.
    public var seed: UInt64

    /// Per-model probability of being a derivative of each kind.
    public var finetuneShare = 0.1016
    public var adapterShare = 0.1296
    public var quantizedShare = 0.0548
    public var mergeShare = 0.0062
    public var unknownShare = 0.0065
    /// Per-model probability of being a community base model (a root outside the catalog's families).
    public var communityRootShare = 0.02

    /// Total weight of community families against the named families' weights.
    public var communityWeight = 0.30
    /// Probability that a fine-tune (or merge, or untyped derivative) builds on one of the 16 most recent
    /// models of its family rather than a popular one: this makes the chains (depth 10+ at 100K models).
    public var recentParentShare = 0.5
    /// Probability that a derivative's parent is a quantized model (re-quantizations, fine-tunes of a
    /// GGUF): keeps ~99% of quantized models leaves, as on the Hub.
    public var quantizedParentShare = 0.0018
    /// Probability that an adapter can itself be a parent later.
    public var adapterParentShare = 0.03
    /// Probability that a merge parent is drawn from another family than the first parent's.
    public var crossFamilyMergeShare = 0.6
    /// Probability that a parent slot names a model absent from the file (deleted or private).
    public var danglingShare = 0.02
    /// Probability that a new model's author is a new namespace (Simon's model: the rest copy the author
    /// of a random earlier model, which gives a power law of models per author).
    public var newAuthorShare = 0.28
    /// Probability that a quantization is published by one of the 8 quantizer namespaces.
    public var quantizerShare = 0.5

    /// Self-loops (a model naming itself), two-cycles and three-cycles planted after generation.
    public var selfLoops = 4
    public var twoCycles = 3
    public var threeCycles = 1

    public init(models: Int, seed: UInt64 = 1) {
        self.models = models
        self.seed = seed
    }

    /// Edges per model the shares imply (merges have 2.6 parents on average).
    public var expectedEdgesPerModel: Double {
        finetuneShare + adapterShare + quantizedShare + unknownShare + 2.6 * mergeShare
    }
}
