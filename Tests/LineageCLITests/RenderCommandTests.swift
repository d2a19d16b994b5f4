import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import LineageTestSupport

/// `lineage render` end to end, on the bundled default snapshot.
@Suite("lineage render", .serialized)
struct RenderCommandTests {
    let home = TemporaryDirectory()
    var runner: CLIRunner { CLIRunner(home: home.path) }

    /// Whether `data` parses as XML (no entities resolved, nothing fetched).
    static func isWellFormedXML(_ data: Data) -> Bool {
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        return parser.parse()
    }

    @Test("a family to SVG: well-formed, titled, linked to the Hub, summary on stderr")
    func familySVG() throws {
        let file = home.path + "/deepseek.svg"
        let r = try runner.run(["render", "deepseek", "-o", file])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("Wrote \(file) (svg, dot layout): "))
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(Self.isWellFormedXML(data))
        let svg = String(decoding: data, as: UTF8.self)
        #expect(svg.contains("DeepSeek family"))
        #expect(svg.contains("bundled default snapshot"))
        #expect(svg.contains("xlink:href=\"https://huggingface.co/deepseek-ai/"))
        #expect(svg.contains("author country"))
    }

    @Test("--format dot to stdout is the same bytes every run; the extension picks the format")
    func deterministicDOT() throws {
        let a = try runner.run(["render", "deepseek-ai/DeepSeek-R1", "--format", "dot", "-o", "-"])
        let b = try runner.run(["render", "deepseek-ai/DeepSeek-R1", "--format", "dot", "-o", "-"])
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stdout.hasPrefix("digraph \"lineage\" {"))
        #expect(a.stdout == b.stdout)
        let file = home.path + "/r1.gv"
        #expect(try runner.run(["render", "deepseek-ai/DeepSeek-R1", "-o", file]).status == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == a.stdout)
    }

    @Test("PNG and PDF by extension, with limits and filters")
    func binaryFormats() throws {
        let png = home.path + "/qwen.png", pdf = home.path + "/qwen.pdf"
        let r1 = try runner.run(["render", "qwen", "--max-nodes", "40", "--depth", "2", "--relation", "finetune,adapter", "-o", png])
        #expect(r1.status == 0, "\(r1.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: png)).starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let r2 = try runner.run(["render", "qwen", "--layout", "sfdp", "--max-nodes", "60", "-o", pdf])
        #expect(r2.status == 0, "\(r2.stderr)")
        #expect(r2.stderr.contains("sfdp layout"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: pdf)).starts(with: Array("%PDF".utf8)))
    }

    @Test("a question is drawn as its target with its filters")
    func question() throws {
        let r = try runner.run(["render", "which models derive from deepseek via finetune", "--format", "dot", "-o", "-"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("DeepSeek family: via finetune"))
        #expect(!r.stdout.contains("\"style\"=\"bold\""))  // no merge edges drawn
    }

    @Test("clear one-line errors")
    func errors() throws {
        let unknown = try runner.run(["render", "deepsek", "-o", home.path + "/x.svg"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("deepsek") && unknown.stderr.contains("did you mean"))
        let badExtension = try runner.run(["render", "qwen", "-o", home.path + "/x.jpeg"])
        #expect(badExtension.status != 0)
        #expect(badExtension.stderr.contains("cannot tell the format"))
        let rank = try runner.run(["render", "rank families by reach", "-o", home.path + "/x.svg"])
        #expect(rank.status != 0)
        #expect(rank.stderr.contains("names no lineage to draw"))
        let badQuestion = try runner.run(["render", "which flurbs derive from Qwen", "-o", home.path + "/x.svg"])
        #expect(badQuestion.status != 0)
        #expect(badQuestion.stderr.contains("flurbs"))
        let badCountry = try runner.run(["render", "qwen", "--country", "Atlantis", "-o", home.path + "/x.svg"])
        #expect(badCountry.stderr.contains("unknown country 'Atlantis'"))
        #expect(!FileManager.default.fileExists(atPath: home.path + "/x.svg"))
    }

    @Test("1,000 renders in one process: same bytes every time, memory flat")
    func leakCheck() throws {
        let r = try runner.run(["render", "deepseek", "--max-nodes", "30", "-o", home.path + "/leak.svg", "--repeat", "1000"])
        #expect(r.status == 0, "\(r.stderr)")
        // "repeat: 1000 renders, 4.2 ms each, rss 61234 KB -> 61300 KB (+66 KB)"
        let line = try #require(r.stderr.split(separator: "\n").first { $0.hasPrefix("repeat: 1000 renders") })
        let growth = try #require(Int(line.split(separator: "(").last!.dropFirst().prefix { $0.isNumber || $0 == "-" }))
        // A leaked graph with its layout is tens of KB: 1,000 of them would be tens of MB.
        #expect(growth < 4096, "\(line)")
    }

    @Test("--help shows examples")
    func help() throws {
        let r = try runner.run(["render", "--help"])
        #expect(r.stdout.contains("Examples:"))
        #expect(r.stdout.contains("--max-nodes"))
    }
}
