import Foundation
import LineageKit
import LineageTestSupport
import Testing

@Suite("Family catalog CSV")
struct FamilyCatalogTests {
    let directory = TemporaryDirectory()
    static let header = "family_id,label,hf_org,access_class,tracking_scope,aliases"

    @Test func loadsTheShippedFile() throws {
        let catalog = try FamilyCatalog.load()
        #expect(catalog.entries.count == 75)  // ATOM's 56 plus 19 non-LLM and legacy lineages
        let qwen = try #require(catalog.entries.first)
        #expect(qwen == FamilyCatalog.Entry(
            id: "qwen", label: "Qwen", namespaces: ["Qwen"], aliases: ["codeqwen", "qvq", "qwen", "qwq"],
            accessClass: "open_weight_family", trackingScope: "historical_and_daily", source: "bundled"))
        let rwkv = try #require(catalog.entries.first { $0.id == "rwkv" })
        #expect(rwkv.namespaces.isEmpty)
        #expect(catalog.families[1] == Family(
            id: "llama", label: "Llama", ownerNamespace: "meta-llama", aliases: ["codellama", "llama", "tinyllama"],
            aliasNamespaces: ["codellama", "TinyLlama"]))
        let glm = try #require(catalog.entries.first { $0.id == "glm" })
        #expect(glm.namespaces == ["zai-org", "THUDM"])  // owners change: ChatGLM was published under THUDM
        #expect(catalog.entries.first { $0.id == "stable_diffusion" }?.kind == .diffusion)
        #expect(catalog.entries.filter { $0.kind == .llm }.count > 40)
    }

    @Test func userFileAddsAndOverrides() throws {
        let file = directory.write("mine.csv", """
            \(Self.header)
            qwen,Qwen (Alibaba),Qwen;Qwen-Legacy,open_weight_family,historical_and_daily,qwen
            "acme","Acme, Inc.",acme-ai,open_weight_family,historical_and_daily,"acme; rocket"

            """)
        let catalog = try FamilyCatalog.load(userFile: file)
        #expect(catalog.entries.count == 76)
        #expect(catalog.entries[0].label == "Qwen (Alibaba)")
        #expect(catalog.entries[0].namespaces == ["Qwen", "Qwen-Legacy"])
        #expect(catalog.entries[0].family.aliasNamespaces == ["Qwen-Legacy"])
        #expect(catalog.entries[0].source == file)
        #expect(catalog.entries.last == FamilyCatalog.Entry(
            id: "acme", label: "Acme, Inc.", namespaces: ["acme-ai"], aliases: ["acme", "rocket"],
            accessClass: "open_weight_family", trackingScope: "historical_and_daily", source: file))
    }

    @Test(arguments: [
        ("\(header)\nqwen,Qwen,Qwen,a,b\n", "bad.csv:2: expected 6 fields"),
        ("\(header),kind\nqwen,Qwen,Qwen,a,b,c\n", "bad.csv:2: expected 7 fields"),
        ("\(header),kind\nqwen,Qwen,Qwen,a,b,c,robot\n", "bad.csv:2: kind 'robot' of family 'qwen' is not one of"),
        ("\(header)\n,Qwen,Qwen,a,b,c\n", "bad.csv:2: empty family_id"),
        ("\(header)\nx,X,x,a,b,\n\nx,Y,y,a,b,\n", "bad.csv:4: family_id 'x' repeats line 2"),
        ("id,label\nx,X\n", "bad.csv:1: header must be"),
        ("\(header)\nx,\"X,x,a,b,c\n", "bad.csv:2: unterminated quoted field"),
        ("\(header)\nx y,X,x,a,b,c\n", "bad.csv:2: family_id 'x y'"),
        ("\(header)\nx,X,org/model,a,b,c\n", "bad.csv:2: hf_org 'org/model'"),
        ("\(header)\nx,,x,a,b,c\n", "bad.csv:2: empty label"),
        ("", "bad.csv:1: empty families file"),
    ])
    func badRowsNameFileAndLine(text: String, message: String) throws {
        do {
            _ = try FamilyCatalog.parse(text, file: "bad.csv")
            Issue.record("expected an error for \(text.debugDescription)")
        } catch {
            #expect(error.message.hasPrefix(message), "\(error.message)")
        }
    }

    @Test func missingUserFileIsAReadableError() {
        #expect(throws: CatalogError.self) { try FamilyCatalog.load(userFile: directory.file("absent.csv")) }
    }

    @Test func sharedNamespaceIsSplitByName() throws {
        let catalog = try FamilyCatalog.load()
        let names = [
            "allenai/OLMo-2-1124-7B", "allenai/Molmo-7B-D-0924", "allenai/Llama-3.1-Tulu-3-8B", "allenai/OLMoE-1B-7B",
            "allenai/longformer-base", "google/gemma-2-9b", "google/t5-base", "openai/gpt-oss-20b", "openai/gpt2",
            "Qwen/WorldPM-72B", "Qwen/Qwen2.5-7B", "facebook/opt-125m", "facebook/wav2vec2-base", "facebook/optimus-x",
            "microsoft/phi-2", "microsoft/phikon", "stabilityai/stable-diffusion-xl-base-1.0", "stabilityai/stablelm-2-1_6b",
            "THUDM/chatglm3-6b", "THUDM/cogvlm-chat-hf",
        ]
        let resolver = FamilyResolver(names: names, families: catalog.families)
        let roots = catalog.roots(in: resolver)
        func rootNames(_ id: String) -> [String] { roots[catalog.index(ofID: id)!].map { names[Int($0)] } }
        #expect(rootNames("olmo") == ["allenai/OLMo-2-1124-7B", "allenai/OLMoE-1B-7B"])
        #expect(rootNames("molmo") == ["allenai/Molmo-7B-D-0924"])
        #expect(rootNames("tulu") == ["allenai/Llama-3.1-Tulu-3-8B"])
        #expect(rootNames("gemma") == ["google/gemma-2-9b"])
        #expect(rootNames("gemini").isEmpty)
        #expect(rootNames("gpt_oss") == ["openai/gpt-oss-20b"])
        #expect(rootNames("openai_gpt") == ["openai/gpt2"])
        // Alone in its namespace or not, a root's own name must say it is the family.
        #expect(rootNames("qwen") == ["Qwen/Qwen2.5-7B"])
        #expect(rootNames("opt") == ["facebook/opt-125m"])  // not wav2vec2, not `optimus` (no word boundary after)
        #expect(rootNames("wav2vec2") == ["facebook/wav2vec2-base"])
        #expect(rootNames("phi") == ["microsoft/phi-2"])  // not `phikon`
        #expect(rootNames("stablelm") == ["stabilityai/stablelm-2-1_6b"])
        #expect(rootNames("stable_diffusion") == ["stabilityai/stable-diffusion-xl-base-1.0"])
        #expect(rootNames("glm") == ["THUDM/chatglm3-6b"])
        #expect(rootNames("cog") == ["THUDM/cogvlm-chat-hf"])
    }

    @Test func atomsSixColumnHeaderStillLoads() throws {
        let entries = try FamilyCatalog.parse("\(Self.header)\nx,X,x,a,b,c\n", file: "old.csv")
        #expect(entries.map(\.kind) == [.llm])
    }
}
