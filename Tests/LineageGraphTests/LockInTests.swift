import Testing
@testable import LineageGraph

@Suite("Lock-in index")
struct LockInTests {
    /// Roots 0 (family A, author 0) and 1 (family B, author 1). Group authors 2 and 3:
    /// 2 → A-derivatives 2, 3; 3 → B-derivative 4 and a merge 5 of A and B; 6 is an author-2
    /// root (not a derivative); 7 is an author-2 derivative of an unaffiliated root 8.
    static func setup() -> (LineageGraph, FamilyMembership) {
        var c = NodeColumns(count: 9)
        c.authorIds = [0, 1, 2, 2, 3, 3, 2, 2, 4]
        c.downloads = [0, 0, 100, 100, 300, 500, 1000, 0, 0]
        let g = LineageGraph(
            nodeCount: 9, children: [2, 3, 4, 5, 5, 7], parents: [0, 0, 1, 0, 1, 8],
            relations: [.finetune, .quantized, .finetune, .merge, .merge, .finetune], columns: c)
        return (g, FamilyMembership(graph: g, familyRoots: [[0], [1]]))
    }

    @Test func sharesAndHerfindahl() {
        let (g, membership) = Self.setup()
        let a = LockInIndex(group: [2, 3], family: 0, membership: membership, graph: g)
        #expect(a.derivativeModelCount == 5)
        #expect(a.familyModelCount == 3)  // 2, 3, 5
        #expect(a.modelShare == 3.0 / 5.0)
        #expect(a.downloadShare == 700.0 / 1000.0)
        #expect(a.unattributedModelCount == 1)
        // Pairs: A ← 2, 3, 5 ; B ← 4, 5 → shares 3/5, 2/5.
        #expect(a.familyShares.map(\.family) == [0, 1])
        #expect(abs(a.herfindahl - (0.36 + 0.16)) < 1e-12)
        #expect(a.foreignDependence == nil && a.foreignShareOfFamily == nil)

        let single = LockInIndex(group: [2], family: 0, membership: membership, graph: g)
        #expect(single.herfindahl == 1 && single.modelShare == 2.0 / 3.0)
        let none = LockInIndex(group: [42], family: 1, membership: membership, graph: g)
        #expect(none.derivativeModelCount == 0 && none.modelShare == 0 && none.herfindahl == 0)
    }

    @Test func foreignDependence() {
        let (g, membership) = Self.setup()
        let countries = CountryAttribution(
            familyCountry: { $0 == 0 ? "US" : "CN" },
            authorCountry: { $0 == 2 ? "US" : $0 == 3 ? "FR" : nil })
        let a = LockInIndex(group: [2, 3], family: 0, membership: membership, graph: g, countries: countries)
        // Pairs: (2,A) US/US, (3,A) US/US, (4,B) FR/CN, (5,A) FR/US, (5,B) FR/CN → 3 of 5 foreign.
        #expect(a.foreignDependence == 3.0 / 5.0)
        // Family A derivatives: 2, 3 (US) and 5 (FR) → 1 of 3 foreign.
        #expect(a.foreignShareOfFamily == 1.0 / 3.0)
        let unknown = CountryAttribution(familyCountry: { _ in nil }, authorCountry: { _ in "US" })
        #expect(LockInIndex(group: [2, 3], family: 0, membership: membership, graph: g, countries: unknown).foreignDependence == nil)
    }
}
