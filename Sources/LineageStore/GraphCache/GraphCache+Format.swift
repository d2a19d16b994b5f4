import LineageGraph

/// The cache's body: `GraphData`'s columns, then `DownstreamData`'s, in a fixed order (change it only
/// with `GraphCache.formatVersion`).
extension GraphCache {
    /// - Complexity: O(nodes + edges + total name length).
    static func encode(_ data: GraphData, into writer: inout GraphCacheWriter) {
        writer.section([UInt64(data.nodeCount), UInt64(data.edgeCount), UInt64(data.authors.count)])
        writer.strings(data.names)
        let index = data.namespaceIndex ?? NamespaceIndex(names: data.names)
        writer.strings(index.keys)
        writer.section(index.offsets)
        writer.section(index.nodes)
        writer.section(data.isExternal.map { $0 ? UInt8(1) : 0 })
        writer.section(data.authorIndex)
        writer.strings(data.authors)
        writer.section(data.createdAt)
        writer.section(data.downloads)
        writer.section(data.downloadsAllTime)
        writer.section(data.likes)
        writer.section(data.edgeChildren)
        writer.section(data.edgeParents)
        writer.section(data.edgeRelations.map(\.rawValue))
        // Columns built by hand may leave provenance out: such edges are declared.
        writer.section(data.edgeProvenance.count == data.edgeCount ? data.edgeProvenance.map(\.rawValue) : [UInt8](repeating: 0, count: data.edgeCount))

        let d = data.downstream
        writer.section([UInt64(d.nodes.count), UInt64(d.useCount), UInt64(d.papers.count), UInt64(d.paperLinkPapers.count)])
        writer.section(d.nodes.map(\.kind.rawValue))
        writer.strings(d.nodes.map(\.name))
        writer.optionalStrings(d.nodes.map(\.author))
        writer.optionalIntegers(d.nodes.map(\.createdAt))
        writer.optionalIntegers(d.nodes.map(\.lastModified))
        writer.optionalIntegers(d.nodes.map(\.likes))
        writer.optionalStrings(d.nodes.map(\.sdk))
        writer.optionalStrings(d.nodes.map(\.version))
        writer.optionalStrings(d.nodes.map(\.source))
        writer.section(d.useNodes)
        writer.section(d.useModels)
        writer.optionalStrings(d.useVia)
        writer.strings(d.papers)
        writer.section(d.paperLinkPapers)
        writer.section(d.paperLinkModels)
    }

    /// Reads what `encode` wrote; nil on any inconsistency, including node or edge references out of
    /// range (which `LineageGraph` would trap on).
    /// - Complexity: O(file size).
    static func decode(_ reader: inout GraphCacheReader) -> GraphData? {
        guard let counts = reader.section(UInt64.self, count: 3),
              counts.allSatisfy({ $0 < UInt64(Int32.max) })
        else { return nil }
        let n = Int(counts[0]), e = Int(counts[1]), a = Int(counts[2])
        var data = GraphData()
        guard let names = reader.strings(count: n),
              let keys = reader.strings(), let offsets = reader.section(Int32.self, count: keys.count + 1),
              let grouped = reader.section(Int32.self, count: n),
              let namespaceIndex = NamespaceIndex(keys: keys, offsets: offsets, nodes: grouped, nodeCount: n),
              let external = reader.section(UInt8.self, count: n),
              let authorIndex = reader.section(Int32.self, count: n),
              let authors = reader.strings(count: a),
              let createdAt = reader.section(Int64.self, count: n),
              let downloads = reader.section(Int64.self, count: n),
              let downloadsAllTime = reader.section(Int64.self, count: n),
              let likes = reader.section(Int32.self, count: n),
              let children = reader.section(Int32.self, count: e),
              let parents = reader.section(Int32.self, count: e),
              let relationBytes = reader.section(UInt8.self, count: e),
              let provenanceBytes = reader.section(UInt8.self, count: e),
              inRange(authorIndex, lower: -1, upper: a), inRange(children, upper: n), inRange(parents, upper: n)
        else { return nil }
        var relations = [Relation]()
        relations.reserveCapacity(e)
        for r in relationBytes {
            guard let relation = Relation(rawValue: r) else { return nil }
            relations.append(relation)
        }
        var provenance = [EdgeProvenance]()
        provenance.reserveCapacity(e)
        for p in provenanceBytes {
            guard let value = EdgeProvenance(rawValue: p) else { return nil }
            provenance.append(value)
        }
        data.names = names
        data.namespaceIndex = namespaceIndex
        data.isExternal = external.map { $0 != 0 }
        data.authorIndex = authorIndex
        data.authors = authors
        data.createdAt = createdAt
        data.downloads = downloads
        data.downloadsAllTime = downloadsAllTime
        data.likes = likes
        data.edgeChildren = children
        data.edgeParents = parents
        data.edgeRelations = relations
        data.edgeProvenance = provenance
        guard let downstream = decodeDownstream(&reader, modelCount: n) else { return nil }
        data.downstream = downstream
        return data
    }

    private static func decodeDownstream(_ reader: inout GraphCacheReader, modelCount n: Int) -> DownstreamData? {
        guard let counts = reader.section(UInt64.self, count: 4),
              counts.allSatisfy({ $0 < UInt64(Int32.max) })
        else { return nil }
        let k = Int(counts[0]), u = Int(counts[1]), p = Int(counts[2]), l = Int(counts[3])
        guard let kindBytes = reader.section(UInt8.self, count: k),
              let names = reader.strings(count: k),
              let authors = reader.optionalStrings(count: k),
              let created = reader.optionalIntegers(count: k),
              let modified = reader.optionalIntegers(count: k),
              let likes = reader.optionalIntegers(count: k),
              let sdks = reader.optionalStrings(count: k),
              let versions = reader.optionalStrings(count: k),
              let sources = reader.optionalStrings(count: k),
              let useNodes = reader.section(Int32.self, count: u),
              let useModels = reader.section(Int32.self, count: u),
              let useVia = reader.optionalStrings(count: u),
              let papers = reader.strings(count: p),
              let linkPapers = reader.section(Int32.self, count: l),
              let linkModels = reader.section(Int32.self, count: l),
              inRange(useNodes, upper: k), inRange(useModels, upper: n),
              inRange(linkPapers, upper: p), inRange(linkModels, upper: n)
        else { return nil }
        var d = DownstreamData()
        d.nodes.reserveCapacity(k)
        for i in 0..<k {
            guard let kind = NodeKind(rawValue: kindBytes[i]) else { return nil }
            d.nodes.append(DownstreamData.Node(
                kind: kind, name: names[i], author: authors[i], createdAt: created[i], lastModified: modified[i],
                likes: likes[i], sdk: sdks[i], version: versions[i], source: sources[i]))
        }
        d.useNodes = useNodes
        d.useModels = useModels
        d.useVia = useVia
        d.papers = papers
        d.paperLinkPapers = linkPapers
        d.paperLinkModels = linkModels
        return d
    }

    /// Whether every value lies in `lower..<upper`.
    /// - Complexity: O(values.count).
    private static func inRange(_ values: [Int32], lower: Int32 = 0, upper: Int) -> Bool {
        let upper32 = Int32(clamping: upper)
        return values.withUnsafeBufferPointer { buffer in
            var ok = true
            for v in buffer { ok = ok && v >= lower && v < upper32 }
            return ok
        }
    }
}
