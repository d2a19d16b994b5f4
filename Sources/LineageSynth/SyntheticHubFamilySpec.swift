import LineageCatalog
/// One named family of the synthetic Hub: its owner namespace, base models and share of new derivatives.
///
/// The large families follow the real Hub (Llama largest, then Qwen, Mistral, Gemma…); their weights
/// are tuned so that, at any N, the largest family (Llama) holds about 10% of all models, as Llama does
/// at 2M models (~200K members). Every other family of `families.csv` with a Hub namespace gets one
/// to three base models, a release quarter and a Zipf-shaped small weight.
public struct SyntheticHubFamilySpec: Sendable, Equatable {
    /// One base model: its name (without namespace) and the quarter it appears in (0 = 2022Q1).
    public struct Root: Sendable, Equatable {
        public var name: String
        public var quarter: Int
    }

    /// `family_id` in the catalog.
    public var id: String
    /// The namespace the base models are published under.
    public var owner: String
    /// Relative weight of the family when a new derivative picks a family.
    public var weight: Double
    public var roots: [Root]

    /// Hand-calibrated large families: id, weight, base models with quarters.
    package static let calibrated: [(String, Double, [(String, Int)])] = [
        ("llama", 0.48, [
            ("Llama-2-7b-hf", 6), ("Llama-2-13b-hf", 6), ("Llama-2-70b-hf", 6), ("Meta-Llama-3-8B", 9),
            ("Meta-Llama-3-70B", 9), ("Llama-3.1-8B", 10), ("Llama-3.1-70B", 10), ("Llama-3.2-1B", 11),
            ("Llama-3.2-3B", 11), ("Llama-4-Scout-17B-16E", 13),
        ]),
        ("qwen", 0.27, [
            ("Qwen-7B", 6), ("Qwen1.5-7B", 8), ("Qwen1.5-14B", 8), ("Qwen2-7B", 9), ("Qwen2.5-1.5B", 10),
            ("Qwen2.5-7B", 10), ("Qwen2.5-14B", 10), ("Qwen2.5-32B", 10), ("Qwen3-4B", 13), ("Qwen3-8B", 13),
            ("Qwen3-30B-A3B", 13),
        ]),
        ("mistral", 0.11, [
            ("Mistral-7B-v0.1", 6), ("Mixtral-8x7B-v0.1", 7), ("Mistral-Nemo-Base-2407", 10),
            ("Mistral-Small-24B-Base-2501", 12),
        ]),
        ("gemma", 0.07, [("gemma-7b", 8), ("gemma-2-2b", 10), ("gemma-2-9b", 10), ("gemma-3-4b-pt", 12), ("gemma-3-27b-pt", 12)]),
        ("deepseek", 0.04, [("deepseek-llm-7b-base", 7), ("deepseek-coder-6.7b-base", 7), ("DeepSeek-V3", 11), ("DeepSeek-R1", 12)]),
        ("phi", 0.035, [("phi-2", 7), ("Phi-3-mini-4k-instruct", 9), ("phi-4", 11)]),
        ("smol", 0.015, [("SmolLM-1.7B", 10), ("SmolLM2-1.7B", 11)]),
        ("falcon", 0.012, [("falcon-7b", 5), ("falcon-40b", 5), ("Falcon3-7B-Base", 11)]),
        ("gpt_neo", 0.012, [("gpt-neo-1.3B", 0), ("gpt-j-6b", 0), ("gpt-neox-20b", 1)]),
        ("opt", 0.008, [("opt-125m", 1), ("opt-1.3b", 1), ("opt-6.7b", 1)]),
        ("bloom", 0.008, [("bloom-560m", 2), ("bloomz-7b1", 3)]),
        ("pythia", 0.006, [("pythia-160m", 4), ("pythia-1b", 4)]),
    ]

    /// The specs for every catalog family with a namespace: the calibrated ones first, the rest after.
    /// Deterministic given the catalog's order.
    /// - Complexity: O(families).
    public static func specs(for catalog: FamilyCatalog) -> [SyntheticHubFamilySpec] {
        var specs: [SyntheticHubFamilySpec] = []
        var used = Set<String>()
        for (id, weight, roots) in calibrated {
            guard let i = catalog.index(ofID: id), let owner = catalog.entries[i].namespaces.first else { continue }
            specs.append(SyntheticHubFamilySpec(id: id, owner: owner, weight: weight, roots: roots.map { Root(name: $0.0, quarter: $0.1) }))
            used.insert(id.lowercased())
        }
        var rank = 1
        for entry in catalog.entries where !used.contains(entry.id.lowercased()) {
            guard let owner = entry.namespaces.first, !owner.isEmpty else { continue }
            // A word the family resolver matches at a word boundary: an alias without spaces or '/', else the id.
            let word = entry.aliases.first { !$0.contains(" ") && !$0.contains("/") && !$0.isEmpty }
                ?? entry.id.replacingOccurrences(of: "_", with: "-")
            let hash = entry.id.utf8.reduce(UInt64(1469598103934665603)) { ($0 ^ UInt64($1)) &* 1099511628211 }
            let quarter = 2 + Int(hash % 13)
            let sizes = ["1b", "7b", "34b"]
            let count = 1 + Int((hash >> 8) % 3)
            let roots = (0..<count).map { Root(name: "\(word)-\(sizes[$0])", quarter: min(SyntheticHubCalendar.quarterCount - 1, quarter + $0)) }
            specs.append(SyntheticHubFamilySpec(id: entry.id, owner: owner, weight: 0.02 / Double(rank), roots: roots))
            rank += 1
        }
        return specs
    }
}
