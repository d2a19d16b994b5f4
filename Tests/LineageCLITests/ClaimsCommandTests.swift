import Foundation
import LineageTestSupport
import Testing

/// `lineage claims`, run as a user would, on the bundled default snapshot.
@Suite("lineage claims")
struct ClaimsCommandTests {
    let home = TemporaryDirectory()
    var cli: CLIRunner { CLIRunner(home: home.path) }
    static let shipped = CLITests.repositoryRoot.appendingPathComponent("queries/claims.txt").path

    func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try cli.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    }

    /// What `lineage ask QUESTION --format json` answers: its value, else its row count.
    func ask(_ question: String) throws -> Double? {
        let object = try json(["ask", question, "--format", "json"])
        return (object["value"] as? Double) ?? (object["total"] as? Int).map(Double.init)
    }

    @Test func everyShippedClaimGetsAVerdictWithCoverageAndDate() throws {
        let report = try json(["claims", Self.shipped, "--format", "json"])
        #expect(report["asOf"] as? String == "2026-04-22")
        let claims = report["claims"] as! [[String: Any]]
        #expect(claims.count == 7)
        for claim in claims {
            #expect(["supported", "not supported", "not measurable"].contains(claim["verdict"] as? String))
            #expect(!(claim["why"] as! String).isEmpty)
            #expect((claim["coverage"] as! [String]).first?.hasPrefix("Coverage: ") == true)
            #expect(claim["asOf"] as? String == "2026-04-22")
        }
        // The bundled default is a sample: Hub-wide counts are not measurable on it, and say why.
        let first = claims[0]
        #expect(first["verdict"] as? String == "not measurable")
        #expect((first["why"] as! String).contains("too small a sample"))
        // A share over a small denominator carries its interval and a warning.
        let startups = (claims[4]["measures"] as! [[String: Any]]).first { $0["name"] as? String == "startups" }!
        #expect(startups["interval"] != nil)
        #expect((startups["warnings"] as! [String]).contains { $0.hasPrefix("small sample") })
    }

    @Test func questionMeasuresEqualWhatAskPrints() throws {
        for number in ["1", "5"] {
            let report = try json(["claims", Self.shipped, "--claim", number, "--format", "json"])
            let claim = (report["claims"] as! [[String: Any]])[0]
            for measure in claim["measures"] as! [[String: Any]] where measure["kind"] as? String == "question" {
                let question = measure["measure"] as! String
                #expect(measure["value"] as? Double == (try ask(question)), "\(question)")
            }
        }
    }

    @Test func editingAMeasureChangesTheAnswerWithoutARebuild() throws {
        func write(_ target: String) {
            _ = home.write("mine.txt", """
                claim: 3
                text: t
                source: https://example.org
                date: 2026-01
                measure: n = how many models derive from \(target)
                check: n >= 1
                """)
        }
        func value() throws -> Double? {
            let report = try json(["claims", home.file("mine.txt"), "--format", "json"])
            let measures = (report["claims"] as! [[String: Any]])[0]["measures"] as! [[String: Any]]
            return measures[0]["value"] as? Double
        }
        write("Qwen")
        let qwen = try value()
        write("Llama")
        let llama = try value()
        #expect(qwen == (try ask("how many models derive from Qwen")))
        #expect(llama == (try ask("how many models derive from Llama")))
        #expect(qwen != llama)
    }

    @Test func aMalformedFileIsRefusedWithFileAndLine() throws {
        let path = home.write("bad.txt", "claim: 1\ntext: t\nsource: s\ndate: 2026-01\nmeasure: a = how many models derive from Qwen\ncheck: b > 1\n")
        let result = try cli.run(["claims", path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("bad.txt:6: unknown measure \"b\""), "\(result.stderr)")
        #expect(try cli.run(["claims", Self.shipped, "--claim", "99"]).stderr.contains("no claim 99"))
    }

    @Test func markdownAndTableReports() throws {
        let markdown = try cli.run(["claims", Self.shipped, "--claim", "5", "--format", "markdown"])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.contains("## 5. \"80% of U.S. startups use Chinese base models\""))
        #expect(markdown.stdout.contains("| measure | value | definition | on this store |"))
        let table = try cli.run(["claims", "--claim", "7"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("Claim 7 (2026-02)"))
        #expect(table.stdout.contains("Verdict: "))
    }

    @Test func theShippedClaimsAreTheCheckoutsClaims() throws {
        let copy = CLITests.repositoryRoot.appendingPathComponent("Sources/LineageClaims/Resources/claims.txt").path
        #expect(FileManager.default.contents(atPath: Self.shipped) == FileManager.default.contents(atPath: copy),
                "copy it: cp queries/claims.txt Sources/LineageClaims/Resources/claims.txt")
    }
}
