import LineageGraph

/// Finds parentless re-uploads of family roots and links each to the root it copies.
///
/// A model outside every family's namespaces that names no parent, and whose own name is a root's
/// name, or that name followed by re-upload suffixes (`-hf`, `-bnb-4bit`, `-GGUF`, `-AWQ`,
/// `-sharded-bf16`…), is a re-upload of that root: `NousResearch/Llama-2-7b-chat-hf` of
/// `meta-llama/Llama-2-7b-chat-hf`, `unsloth/llama-3-8b-bnb-4bit` of `meta-llama/Meta-Llama-3-8B`
/// (a root's leading owner word, `Meta-` of `meta-llama`, may be left out). Names compare
/// case-insensitively with `_` as `-`. Each link is an inferred edge (provenance `inferred:reupload`)
/// so that the re-upload's descendants join the family. A name that fits roots of two families links
/// to neither; among roots of one family an exact name beats a name with suffixes removed, then the
/// smallest node id wins, so the result is deterministic.
public struct ReuploadLinker: Sendable {
    /// One inferred re-upload edge.
    public struct Link: Sendable, Equatable {
        public var child: Int32
        public var root: Int32
        /// Index of the root's family in the catalog.
        public var family: Int
        /// `quantized` when a removed suffix names a quantization, else `unknown`.
        public var relation: Relation
    }

    /// Suffixes a re-upload adds to the name it copies, removed repeatedly from the end.
    public static let suffixes = [
        "-hf", "-bnb-4bit", "-4bit", "-8bit", "-gguf", "-awq", "-gptq", "-exl2", "-fp16", "-bf16",
        "-sharded", "-mlx", "-onnx", "-int4", "-int8", "-fp8", "-nf4",
    ]
    /// The suffixes that make a re-upload a quantization.
    package static let quantizingSuffixes: Set<String> = ["-bnb-4bit", "-4bit", "-8bit", "-gguf", "-awq", "-gptq", "-exl2", "-int4", "-int8", "-fp8", "-nf4"]

    /// Re-upload links among `names`, given which nodes have parents and each family's roots.
    /// - Complexity: O(n · L) for n names of length L, plus O(R · L) for R roots.
    public static func links(
        names: [String], hasParents: (Int32) -> Bool, familyRoots: [[Int32]], catalog: FamilyCatalog
    ) -> [Link] {
        var owners = Set<String>()
        for entry in catalog.entries { for ns in entry.namespaces { owners.insert(ns.lowercased()) } }

        // key → (root, family, priority); nil family marks a key shared by two families.
        var keys: [String: (root: Int32, family: Int, priority: Int)?] = [:]
        func offer(_ key: String, root: Int32, family: Int, priority: Int) {
            guard !key.isEmpty else { return }
            if let existing = keys[key] {
                guard let current = existing else { return }
                if current.family != family { keys[key] = .some(nil); return }
                if (priority, root) < (current.priority, current.root) { keys[key] = (root, family, priority) }
            } else {
                keys[key] = (root, family, priority)
            }
        }
        for (f, roots) in familyRoots.enumerated() {
            let brands = Set(catalog.entries[f].namespaces.compactMap { $0.lowercased().split(separator: "-").first.map(String.init) })
            for root in roots {
                guard let name = modelName(names[Int(root)]) else { continue }
                offer(name, root: root, family: f, priority: 0)
                let (stripped, _) = strip(name)
                offer(stripped, root: root, family: f, priority: 1)
                // `meta-llama-3-8b` is also `llama-3-8b`: the owner's brand word may be left out.
                for base in Set([name, stripped]) {
                    if let dash = base.firstIndex(of: "-"), brands.contains(String(base[..<dash])) {
                        offer(String(base[base.index(after: dash)...]), root: root, family: f, priority: 2)
                    }
                }
            }
        }

        var links: [Link] = []
        for v in 0..<Int32(names.count) where !hasParents(v) {
            let full = names[Int(v)]
            guard let ns = FamilyResolver.namespace(of: full), !owners.contains(ns.lowercased()),
                  let name = modelName(full) else { continue }
            let (stripped, removed) = strip(name)
            let hit: (root: Int32, family: Int, priority: Int)?
            if let exact = keys[name] { hit = exact } else { hit = keys[stripped] ?? nil }
            guard let hit, hit.root != v else { continue }
            let quantized = removed.contains { quantizingSuffixes.contains($0) }
            links.append(Link(child: v, root: hit.root, family: hit.family, relation: quantized ? .quantized : .unknown))
        }
        return links
    }

    /// The part after `/`, lowercased, `_` and spaces as `-`; nil without a namespace.
    package static func modelName(_ id: String) -> String? {
        guard let slash = id.firstIndex(of: "/") else { return nil }
        let name = id[id.index(after: slash)...]
        return name.isEmpty ? nil : FamilyCatalog.normalized(String(name))
    }

    /// `name` without trailing re-upload suffixes, and the suffixes removed.
    package static func strip(_ name: String) -> (String, [String]) {
        var current = Substring(name)
        var removed: [String] = []
        var changed = true
        while changed {
            changed = false
            for suffix in suffixes where current.count > suffix.count && current.hasSuffix(suffix) {
                current = current.dropLast(suffix.count)
                removed.append(suffix)
                changed = true
            }
        }
        return (String(current), removed)
    }
}
