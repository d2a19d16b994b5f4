import Foundation
import LineageCatalog
import LineageSupport

/// The author namespaces of a synthetic Hub: family owners, the organization registry, and generated users.
///
/// - Family owners (`hf_org` of `families.csv`: `Qwen`, `meta-llama`, `google`…) publish only their
///   family's base models and first-party fine-tunes, so the family resolver sees exactly the roots the
///   generator planted.
/// - Registry organizations (`NousResearch`, `arcee-ai`, `open-thoughts`…) that own no family are
///   ordinary, fairly prolific authors, so questions by country have answers. They come from a registry
///   CSV in LineageKit's resources when one is installed (first column `hf_org` or `namespace`),
///   else from the list of the ATOM organization table compiled in below.
/// - Everyone else is a generated user name, unique by construction (`neural-lab`, `deep-forge-3`…).
public struct SyntheticHubNamespaces: Sendable {
    /// Registry organizations that own no family, in file order.
    public let registry: [String]
    /// Lower-cased namespaces never handed to ordinary authors (family owners and alias namespaces).
    public let reserved: Set<String>

    /// The namespaces of the ATOM organization table (`organization_regions.csv`, hf_org column),
    /// used when no registry resource is installed.
    public static let compiledRegistry = [
        "01-ai", "agentica-org", "AI-MO", "ai21labs", "AIDC-AI", "Alibaba-NLP", "allenai", "allura-forge",
        "amd", "answerdotai", "apple", "arcee-ai", "ATH-MaaS", "BAAI", "baichuan-inc", "baidu",
        "bigcode", "black-forest-labs", "ByteDance", "ByteDance-Seed", "CohereForAI", "CohereLabs", "datalab-to", "deepcogito",
        "deepseek-ai", "docling-project", "EleutherAI", "facebook", "FacebookAI", "fal", "FireRedTeam", "Freepik",
        "GAIR", "google", "GSAI-ML", "h2oai", "Hcompany", "huawei-noah", "HuggingFaceFW", "HuggingFaceM4",
        "HuggingFaceTB", "ibm-granite", "ibm-research", "inclusionAI", "internlm", "jdopensource", "JetBrains", "jinaai",
        "Kwaipilot", "kyutai", "laion", "LGAI-EXAONE", "lightonai", "LiquidAI", "llava-hf", "llm-jp",
        "LLM360", "meituan-longcat", "meta-llama", "microsoft", "MiniMaxAI", "mistral-community", "mistralai", "moondream",
        "moonshotai", "Motif-Technologies", "Nexusflow", "nomic-ai", "NousResearch", "nvidia", "open-r1", "open-thoughts",
        "openai", "openbmb", "opendatalab", "OpenGVLab", "OpenHands", "openvla", "PaddlePaddle", "Photoroom",
        "PleIAs", "poolside", "PRIME-RL", "PrimeIntellect", "Qwen", "rednote-hilab", "RekaAI", "Salesforce",
        "sarvamai", "sensenova", "ServiceNow-AI", "skt", "Skywork", "Snowflake", "stabilityai", "state-spaces",
        "stepfun-ai", "swiss-ai", "tencent", "thinkingmachines", "THUDM", "tiiuae", "TildeAI", "TinyLlama",
        "tngtech", "Tongyi-MAI", "trillionlabs", "typhoon-ai", "upstage", "vidore", "vikhyatk", "Wan-AI",
        "xai-org", "XiaomiMiMo", "Yi", "zai-org", "zed-industries", "Zyphra",
    ]

    /// Resource names tried, in order, for an installed organization registry.
    public static let registryResourceNames = ["organizations.csv", "organization_regions.csv", "registry.csv"]

    /// The pool for `catalog`: registry organizations minus every namespace a family owns.
    public init(catalog: FamilyCatalog, registryNamespaces: [String]? = nil) {
        var reserved = Set<String>()
        for entry in catalog.entries { for ns in entry.namespaces { reserved.insert(ns.lowercased()) } }
        let source = registryNamespaces ?? Self.installedRegistry() ?? Self.compiledRegistry
        var seen = Set<String>()
        registry = source.filter { ns in
            let key = ns.lowercased()
            return !reserved.contains(key) && seen.insert(key).inserted
        }
        self.reserved = reserved
    }

    /// Namespaces of an installed registry CSV, or nil when none is installed or it has no namespace column.
    /// - Complexity: O(size of the file).
    public static func installedRegistry() -> [String]? {
        for name in registryResourceNames {
            guard let path = try? BundledResource.path(name, module: "LineageCatalog"),
                let text = try? String(contentsOfFile: path, encoding: .utf8)
            else { continue }
            var lines = text.split(whereSeparator: \.isNewline).makeIterator()
            guard let header = lines.next() else { continue }
            let columns = header.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces).lowercased()
            }
            guard let column = columns.firstIndex(where: { ["hf_org", "namespace", "org", "organization"].contains($0) }) else { continue }
            var names: [String] = []
            while let line = lines.next() {
                let cells = line.split(separator: ",", omittingEmptySubsequences: false)
                guard column < cells.count else { continue }
                let ns = cells[column].trimmingCharacters(in: CharacterSet(charactersIn: " \"\r"))
                if !ns.isEmpty, !ns.contains("/"), !ns.contains(" ") { names.append(ns) }
            }
            if !names.isEmpty { return names }
        }
        return nil
    }

    private static let userPrefixes = [
        "neural", "deep", "open", "tiny", "quant", "merge", "byte", "tensor", "vision", "speech", "bio", "code",
        "math", "chat", "edge", "fast", "local", "lora", "gguf", "moe", "rl", "dpo", "sparse", "alpha", "nova",
        "astra", "pixel", "sonic", "lumen", "quantum", "cogni", "synth", "vector", "matrix", "prism", "zen",
    ]
    private static let userSuffixes = [
        "lab", "labs", "ai", "ml", "works", "forge", "hub", "models", "research", "team", "dev", "x", "studio",
        "systems", "collective", "factory",
    ]

    /// The k-th generated user namespace; distinct for distinct k and never a registry or owner name
    /// (they all contain a '-' joining two lower-case word lists that no such name uses).
    /// - Complexity: O(1).
    public static func userName(_ k: Int) -> String {
        let p = userPrefixes.count, s = userSuffixes.count
        let base = "\(userPrefixes[k % p])-\(userSuffixes[(k / p) % s])"
        let round = k / (p * s)
        return round == 0 ? base : "\(base)-\(round)"
    }
}
