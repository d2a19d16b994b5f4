import LineageGraph

/// Gathers the lineage facts of one record from its tags and merges parent lists.
///
/// Tags look like `base_model:Qwen/Qwen2.5-7B` (relation unknown), `base_model:finetune:Qwen/Qwen2.5-7B`,
/// `arxiv:2404.14219` and `license:apache-2.0`. `region:` tags name a storage region, never a country,
/// and are ignored here on purpose. Tags such as `gguf`, `lora` or `4-bit` are kept as
/// `RelationInference.Evidence` for typing untyped parents.
struct LineageEvidence {
    var tagParents: [ParentLink] = []
    var papers: [String] = []
    var license: String?
    var relationEvidence: RelationInference.Evidence = []

    /// Reads one tag given as UTF-8 bytes.
    mutating func add(tag: UnsafeBufferPointer<UInt8>) {
        if tag.count <= 16 {
            relationEvidence.formUnion(RelationInference.evidence(ofTag: tag))
        }
        if tag.starts(with: Self.baseModelPrefix) {
            let rest = UnsafeBufferPointer(rebasing: tag[Self.baseModelPrefix.count...])
            if let colon = rest.firstIndex(of: UInt8(ascii: ":")),
               let relation = Relation(hubName: String(decoding: UnsafeBufferPointer(rebasing: rest[..<colon]), as: UTF8.self)) {
                let id = String(decoding: UnsafeBufferPointer(rebasing: rest[(colon + 1)...]), as: UTF8.self)
                Self.merge(id: id, relation: relation, into: &tagParents)
            } else {
                Self.merge(id: String(decoding: rest, as: UTF8.self), relation: .unknown, into: &tagParents)
            }
        } else if tag.starts(with: Self.arxivPrefix) {
            let id = String(decoding: UnsafeBufferPointer(rebasing: tag[Self.arxivPrefix.count...]), as: UTF8.self)
            if !id.isEmpty, !papers.contains(id) { papers.append(id) }
        } else if tag.starts(with: Self.licensePrefix), license == nil {
            let value = String(decoding: UnsafeBufferPointer(rebasing: tag[Self.licensePrefix.count...]), as: UTF8.self)
            if !value.isEmpty { license = value }
        }
    }

    mutating func add(tag: String) {
        var copy = tag
        copy.withUTF8 { add(tag: $0) }
    }

    /// Adds a parent unless its id (case-insensitively) is already listed; a known relation
    /// replaces `unknown` for the same parent.
    static func merge(id raw: String, relation: Relation, into parents: inout [ParentLink]) {
        guard let id = HubID.normalize(raw) else { return }
        if parents.isEmpty {
            parents.append(ParentLink(id: id, relation: relation))
            return
        }
        let key = HubID.key(id)
        if let index = parents.firstIndex(where: { HubID.key($0.id) == key }) {
            if parents[index].relation == .unknown { parents[index].relation = relation }
            return
        }
        parents.append(ParentLink(id: id, relation: relation))
    }

    private static let baseModelPrefix = Array("base_model:".utf8)
    private static let arxivPrefix = Array("arxiv:".utf8)
    private static let licensePrefix = Array("license:".utf8)
}
