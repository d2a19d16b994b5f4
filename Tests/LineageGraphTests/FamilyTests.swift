import Testing
@testable import LineageGraph

@Suite("Families")
struct FamilyTests {
    static let names = [
        "meta-llama/Llama-3-8B",  // 0
        "meta-llama/Llama-3-8B-Instruct",  // 1
        "Qwen/Qwen2-7B",  // 2
        "alice/llama-ft",  // 3
        "bob/llama-qwen-merge",  // 4
        "gpt2",  // 5
        "facebook/opt-1.3b",  // 6
        "alice/opt-ft",  // 7
    ]
    static let families = [
        Family(id: "llama", label: "Llama (Meta)", ownerNamespace: "meta-llama", aliases: ["meta", "llama3"], aliasNamespaces: ["facebook"]),
        Family(id: "qwen", label: "Qwen (Alibaba)", ownerNamespace: "Qwen"),
    ]

    static func graph() -> LineageGraph {
        // 0 → 1 → 3 ; {3, 2} → 4 (merge) ; 6 → 7
        LineageGraph(
            nodeCount: 8, children: [1, 3, 4, 4, 7], parents: [0, 1, 3, 2, 6],
            relations: [.finetune, .finetune, .merge, .merge, .adapter])
    }

    let resolver = FamilyResolver(names: Self.names, families: Self.families)

    @Test func resolvesFamiliesCaseInsensitively() throws {
        #expect(try resolver.resolve("LLAMA") == .family(Self.families[0], index: 0))
        #expect(try resolver.resolve("Meta") == .family(Self.families[0], index: 0))
        #expect(try resolver.resolve("meta-llama") == .family(Self.families[0], index: 0))
        #expect(try resolver.resolve("qwen (alibaba)") == .family(Self.families[1], index: 1))
        #expect(try resolver.resolve(" qwen ") == .family(Self.families[1], index: 1))
    }

    @Test func resolvesNamespacesAndModels() throws {
        #expect(try resolver.resolve("ALICE") == .namespace("alice", nodes: [3, 7]))
        #expect(try resolver.resolve("alice/LLAMA-FT") == .model(3))
        #expect(try resolver.resolve("meta-llama/llama-3-8b-instruct") == .model(1))
        #expect(try resolver.resolve("GPT2") == .model(5))
        #expect(resolver.node(named: "nobody/x") == nil)
    }

    @Test func unknownWordsCarryCloseMatches() {
        #expect(throws: FamilyResolutionError.self) { try resolver.resolve("lama") }
        do {
            _ = try resolver.resolve("lama")
        } catch {
            #expect(error.word == "lama")
            #expect(error.suggestions.first == "llama")
            #expect(error.suggestions.count <= 5)
            #expect(error.description.contains("did you mean"))
        }
        #expect(resolver.suggestions(for: "alise").contains("alice"))
        #expect(resolver.suggestions(for: "alice/lama-ft").first == "alice/llama-ft")
        #expect(resolver.suggestions(for: "alise/llama-ft").first == "alice/llama-ft")
        #expect(resolver.suggestions(for: "zzzzzzzzzzzzzz").isEmpty)
        #expect(resolver.suggestions(for: "gtp2").contains("gpt2"))
    }

    @Test func levenshtein() {
        #expect(EditDistance.levenshtein("kitten", "sitting") == 3)
        #expect(EditDistance.levenshtein("", "abc") == 3)
        #expect(EditDistance.levenshtein("Llama", "llama") == 0)
        #expect(EditDistance.levenshtein(Array("flaw"), Array("lawn")) == 2)
        #expect(EditDistance.levenshtein(Array("abcdef"), Array("zzzzzz"), limit: 2) == nil)
        #expect(EditDistance.levenshtein(Array("abc"), Array("abd"), limit: 1) == 1)
    }

    @Test func rootsAndMembers() {
        #expect(resolver.roots(ofFamily: 0) == [0, 1, 6])
        #expect(resolver.roots(ofFamily: 1) == [2])
        let membership = FamilyMembership(graph: Self.graph(), resolver: resolver)
        #expect(membership.familyCount == 2)
        #expect(Array(membership.members(ofFamily: 0)) == [0, 1, 3, 4, 6, 7])
        #expect(Array(membership.members(ofFamily: 1)) == [2, 4])
        #expect(Array(membership.families(of: 4)) == [0, 1])  // the merge belongs to both
        #expect(membership.families(of: 5).isEmpty)
        #expect(membership.isMember(4, ofFamily: 1) && !membership.isMember(3, ofFamily: 1))
        let context = FamilyContext(graph: Self.graph(), roots: resolver.roots(ofFamily: 0))
        #expect(context.memberCount == 6)
        #expect(context.generations == [0, 1, -1, 2, 3, -1, 0, 1])
    }
}
