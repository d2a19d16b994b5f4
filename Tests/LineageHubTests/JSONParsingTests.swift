import Foundation
import LineageGraph
@testable import LineageHub
import LineageTestSupport
import Testing

/// What one row of `Fixtures/hub-stats-excerpt.jsonl` must parse to. The values were read off the rows
/// by hand (timestamps are UTC: the dump writes them without a zone).
struct ExpectedRow: Sendable, CustomTestStringConvertible {
    var line: Int
    var id: String
    var author: String
    var createdAt: Int64
    var lastModified: Int64
    var downloads: Int64
    var downloadsAllTime: Int64
    var likes: Int64
    var parameterCount: Int64?
    var pipelineTag: String?
    var libraryName: String?
    var license: String?
    var papers: [String]
    var parents: [ParentLink]

    var testDescription: String { "line \(line) \(id)" }
}

private func E(
    line: Int, id: String, author: String, createdAt: Int64, lastModified: Int64, downloads: Int64,
    downloadsAllTime: Int64, likes: Int64, parameterCount: Int64?, pipelineTag: String?, libraryName: String?,
    license: String?, papers: [String], parents: [ParentLink]
) -> ExpectedRow {
    ExpectedRow(
        line: line, id: id, author: author, createdAt: createdAt, lastModified: lastModified, downloads: downloads,
        downloadsAllTime: downloadsAllTime, likes: likes, parameterCount: parameterCount, pipelineTag: pipelineTag,
        libraryName: libraryName, license: license, papers: papers, parents: parents)
}

/// 29 rows excerpted unchanged from hub-stats-2026/models.jsonl (Apache-2.0), in their original order.
/// Coverage: baseModels finetune (7), merge with 2, 3 and 5 parents, quantized (2), adapter (2),
/// self-loops (3: cckm, duyhv1411, tiiuae), lineage only in cardData (string base_model, list base_model,
/// empty list), cardData with base_model_relation beside baseModels (DeepSeek-V3.2-Speciale, gpt-oss),
/// cardData null and safetensors null (voyage, grok), an escaped tag (`bokm\u00e5l`, NbAiLab),
/// a card full of `\uXXXX` escapes (Yi-9B), arxiv and license tags, a 2022 row (opt-13b).
/// hub-stats has no row whose lineage is ONLY in `base_model:` tags (every tagged row has baseModels),
/// so that case is covered by hand-written objects below.
let excerptExpectations: [ExpectedRow] = [
    E(line: 1, id: "weqweasdas/RM-Gemma-7B", author: "weqweasdas", createdAt: 1709133854 /* 2024-02-28T15:24:14 */, lastModified: 1711075177, downloads: 23827, downloadsAllTime: 48055, likes: 8, parameterCount: 8537683968, pipelineTag: "text-classification", libraryName: "transformers", license: nil, papers: ["2304.06767"], parents: []),
    E(line: 2, id: "Qwen/Qwen1.5-MoE-A2.7B", author: "Qwen", createdAt: 1709182336 /* 2024-02-29T04:52:16 */, lastModified: 1713441502, downloads: 184038, downloadsAllTime: 1164144, likes: 225, parameterCount: 14315784192, pipelineTag: "text-generation", libraryName: "transformers", license: "other", papers: [], parents: []),
    E(line: 3, id: "01-ai/Yi-9B", author: "01-ai", createdAt: 1709272664 /* 2024-03-01T05:57:44 */, lastModified: 1731295896, downloads: 8681, downloadsAllTime: 207789, likes: 187, parameterCount: 8829407232, pipelineTag: "text-generation", libraryName: "transformers", license: "apache-2.0", papers: ["2403.04652", "2311.16502", "2401.11944"], parents: []),
    E(line: 4, id: "BrainWave-ML/llama3.2-3B-maths-orpo", author: "BrainWave-ML", createdAt: 1729774093 /* 2024-10-24T12:48:13 */, lastModified: 1729774523, downloads: 2, downloadsAllTime: 193, likes: 2, parameterCount: nil, pipelineTag: "text-generation", libraryName: "transformers", license: "apache-2.0", papers: [], parents: [P("unsloth/llama-3.2-3b-instruct-bnb-4bit", .finetune, .defaultFinetune)]),
    E(line: 5, id: "LLM360/K2-V2", author: "LLM360", createdAt: 1764631859 /* 2025-12-01T23:30:59 */, lastModified: 1769456407, downloads: 153, downloadsAllTime: 4700, likes: 32, parameterCount: nil, pipelineTag: nil, libraryName: nil, license: "apache-2.0", papers: ["2512.06201"], parents: []),
    E(line: 6, id: "mobiuslabsgmbh/DeepSeek-R1-ReDistill-Llama3-8B-v1.1", author: "mobiuslabsgmbh", createdAt: 1738185864 /* 2025-01-29T21:24:24 */, lastModified: 1738234246, downloads: 18, downloadsAllTime: 1229, likes: 13, parameterCount: 8030261248, pipelineTag: "text-generation", libraryName: nil, license: "mit", papers: [], parents: [P("deepseek-ai/DeepSeek-R1-Distill-Llama3-8B", .finetune, .defaultFinetune)]),
    E(line: 7, id: "Intel/Qwen3-Coder-480B-A35B-Instruct-int4-mixed-AutoRound", author: "Intel", createdAt: 1753333212 /* 2025-07-24T05:00:12 */, lastModified: 1753719419, downloads: 26, downloadsAllTime: 33514, likes: 10, parameterCount: 1928721920, pipelineTag: nil, libraryName: nil, license: "apache-2.0", papers: ["2309.05516"], parents: [P("Qwen/Qwen3-Coder-480B-A35B-Instruct", .quantized)]),
    E(line: 8, id: "jaspionjader/ek-6", author: "jaspionjader", createdAt: 1737654947 /* 2025-01-23T17:55:47 */, lastModified: 1737655154, downloads: 4, downloadsAllTime: 46, likes: 0, parameterCount: 8030261248, pipelineTag: "text-generation", libraryName: "transformers", license: nil, papers: ["2403.19522"], parents: [P("jaspionjader/ek-1", .merge), P("jaspionjader/ek-3", .merge), P("jaspionjader/ek-5", .merge)]),
    E(line: 9, id: "icefog72/Ice0.66-25.01-RP", author: "icefog72", createdAt: 1737798995 /* 2025-01-25T09:56:35 */, lastModified: 1737800778, downloads: 3, downloadsAllTime: 45, likes: 0, parameterCount: 7241732096, pipelineTag: "text-generation", libraryName: "transformers", license: nil, papers: [], parents: []),
    E(line: 10, id: "deepseek-ai/DeepSeek-V3.1-Terminus", author: "deepseek-ai", createdAt: 1758516964 /* 2025-09-22T04:56:04 */, lastModified: 1759110727, downloads: 5558, downloadsAllTime: 185852, likes: 365, parameterCount: 684531386000, pipelineTag: "text-generation", libraryName: "transformers", license: "mit", papers: ["2412.19437"], parents: [P("deepseek-ai/DeepSeek-V3.1-Base", .quantized)]),
    E(line: 11, id: "zelk12/Rv0.4DMv1t0.25-gemma-2-9B", author: "zelk12", createdAt: 1735660292 /* 2024-12-31T15:51:32 */, lastModified: 1735660668, downloads: 4, downloadsAllTime: 120, likes: 0, parameterCount: nil, pipelineTag: "text-generation", libraryName: "transformers", license: nil, papers: [], parents: [P("recoilme/recoilme-gemma-2-9B-v0.4", .merge), P("sam-paech/Darkest-muse-v1", .merge)]),
    E(line: 12, id: "jaspionjader/test-18", author: "jaspionjader", createdAt: 1735694329 /* 2025-01-01T01:18:49 */, lastModified: 1735694641, downloads: 4, downloadsAllTime: 52, likes: 0, parameterCount: 8030261248, pipelineTag: "text-generation", libraryName: "transformers", license: nil, papers: [], parents: [P("jaspionjader/test-15", .merge, .multipleParents), P("jaspionjader/test-17", .merge, .multipleParents)]),
    E(line: 13, id: "cckm/tinymistral_950m", author: "cckm", createdAt: 1736660848 /* 2025-01-12T05:47:28 */, lastModified: 1736736784, downloads: 3, downloadsAllTime: 236, likes: 2, parameterCount: 954920160, pipelineTag: "text-generation", libraryName: "PyTorch", license: "mit", papers: [], parents: [P("cckm/tinymistral_950m", .finetune)]),
    E(line: 14, id: "openai/gpt-oss-safeguard-20b", author: "openai", createdAt: 1758221468 /* 2025-09-18T18:51:08 */, lastModified: 1768415885, downloads: 73228, downloadsAllTime: 402400, likes: 226, parameterCount: nil, pipelineTag: "text-generation", libraryName: "transformers", license: "apache-2.0", papers: ["2508.10925"], parents: [P("openai/gpt-oss-20b", .finetune)]),
    E(line: 15, id: "xai-org/grok-2", author: "xai-org", createdAt: 1755897384 /* 2025-08-22T21:16:24 */, lastModified: 1762302985, downloads: 46057, downloadsAllTime: 141840, likes: 1085, parameterCount: nil, pipelineTag: nil, libraryName: nil, license: nil, papers: [], parents: []),
    E(line: 16, id: "deepseek-ai/DeepSeek-V3.2-Speciale", author: "deepseek-ai", createdAt: 1764298802 /* 2025-11-28T03:00:02 */, lastModified: 1764587163, downloads: 14994, downloadsAllTime: 264649, likes: 704, parameterCount: nil, pipelineTag: "text-generation", libraryName: "transformers", license: "mit", papers: [], parents: [P("deepseek-ai/DeepSeek-V3.2-Exp-Base", .finetune)]),
    E(line: 17, id: "LLM360/K2-V2-Instruct", author: "LLM360", createdAt: 1764745020 /* 2025-12-03T06:57:00 */, lastModified: 1769479000, downloads: 868, downloadsAllTime: 76801, likes: 45, parameterCount: nil, pipelineTag: nil, libraryName: nil, license: "apache-2.0", papers: ["2512.06201"], parents: [P("LLM360/K2-V2", .finetune)]),
    E(line: 18, id: "facebook/opt-13b", author: "facebook", createdAt: 1652257627 /* 2022-05-11T08:27:07 */, lastModified: 1674580232, downloads: 12053, downloadsAllTime: 1482776, likes: 65, parameterCount: nil, pipelineTag: "text-generation", libraryName: "transformers", license: "other", papers: ["2205.01068", "2005.14165"], parents: []),
    E(line: 19, id: "VIRNECT/llama-3-Korean-8B-r-v-0.1", author: "VIRNECT", createdAt: 1721271374 /* 2024-07-18T02:56:14 */, lastModified: 1721278011, downloads: 5, downloadsAllTime: 9, likes: 0, parameterCount: nil, pipelineTag: nil, libraryName: "peft", license: "llama3", papers: ["1910.09700"], parents: [P("MLP-KTLim/llama-3-Korean-Bllossom-8B", .adapter)]),
    E(line: 20, id: "duyhv1411/Llama-3.2-1B-en-vi", author: "duyhv1411", createdAt: 1741253200 /* 2025-03-06T09:26:40 */, lastModified: 1742808567, downloads: 5, downloadsAllTime: 686, likes: 1, parameterCount: 1235814400, pipelineTag: "text-generation", libraryName: "transformers", license: nil, papers: [], parents: [P("duyhv1411/Llama-3.2-1B-en-vi", .finetune)]),
    E(line: 21, id: "voyageai/voyage-3-large", author: "voyageai", createdAt: 1733955069 /* 2024-12-11T22:11:09 */, lastModified: 1733955117, downloads: 0, downloadsAllTime: 0, likes: 21, parameterCount: nil, pipelineTag: nil, libraryName: nil, license: nil, papers: [], parents: []),
    E(line: 22, id: "tiiuae/Falcon3-3B-Instruct", author: "tiiuae", createdAt: 1734156233 /* 2024-12-14T06:03:53 */, lastModified: 1736492316, downloads: 6659, downloadsAllTime: 323322, likes: 28, parameterCount: 3227655168, pipelineTag: "text-generation", libraryName: "transformers", license: "other", papers: [], parents: [P("tiiuae/Falcon3-3B-Instruct", .finetune)]),
    E(line: 23, id: "appvoid/arco-2-instruct", author: "appvoid", createdAt: 1734189945 /* 2024-12-14T15:25:45 */, lastModified: 1735335152, downloads: 4, downloadsAllTime: 442, likes: 0, parameterCount: 513590784, pipelineTag: "text-generation", libraryName: "transformers", license: "apache-2.0", papers: [], parents: [P("appvoid/arco-2", .merge), P("appvoid/arco-2-reasoning-20k", .merge), P("appvoid/arco-reflection", .merge), P("appvoid/palmer-004-turbo", .merge), P("appvoid/text-arco", .merge)]),
    E(line: 24, id: "NbAiLab/nb-llama-3.1-8B-sft", author: "NbAiLab", createdAt: 1732519171 /* 2024-11-25T07:19:31 */, lastModified: 1733908702, downloads: 2, downloadsAllTime: 423, likes: 0, parameterCount: 8030261248, pipelineTag: "text-generation", libraryName: nil, license: "llama3.1", papers: [], parents: []),
    E(line: 25, id: "Junhoee/Qwen-Megumin", author: "Junhoee", createdAt: 1732596315 /* 2024-11-26T04:45:15 */, lastModified: 1732605934, downloads: 0, downloadsAllTime: 210, likes: 1, parameterCount: nil, pipelineTag: "text-generation", libraryName: "peft", license: nil, papers: ["1910.09700"], parents: [P("Qwen/Qwen2.5-7B-Instruct", .adapter)]),
    E(line: 26, id: "ell44ot/gemma-2b-def", author: "ell44ot", createdAt: 1732773846 /* 2024-11-28T06:04:06 */, lastModified: 1732776359, downloads: 4, downloadsAllTime: 178, likes: 0, parameterCount: 2537160640, pipelineTag: nil, libraryName: nil, license: "apache-2.0", papers: [], parents: [P("google/gemma-2-2b-it", .quantized)]),
    E(line: 27, id: "sabersaleh/Llama2-7B-DPO", author: "sabersaleh", createdAt: 1732990696 /* 2024-11-30T18:18:16 */, lastModified: 1732991733, downloads: 1, downloadsAllTime: 119, likes: 0, parameterCount: nil, pipelineTag: nil, libraryName: nil, license: "mit", papers: ["2305.18290"], parents: [P("meta-llama/Llama-2-7b", .finetune)]),
    E(line: 28, id: "opencompass/CompassJudger-1-7B-Instruct", author: "opencompass", createdAt: 1727592867 /* 2024-09-29T06:54:27 */, lastModified: 1729587132, downloads: 14, downloadsAllTime: 11731, likes: 10, parameterCount: nil, pipelineTag: nil, libraryName: nil, license: "apache-2.0", papers: ["2410.16256"], parents: [P("Qwen/Qwen2.5-7B-Instruct", .finetune)]),
    E(line: 29, id: "internlm/internlm2-7b", author: "internlm", createdAt: 1705040298 /* 2024-01-12T06:18:18 */, lastModified: 1741849487, downloads: 26054, downloadsAllTime: 760309, likes: 43, parameterCount: nil, pipelineTag: "text-generation", libraryName: "transformers", license: "other", papers: ["2403.17297"], parents: []),
]

/// The excerpt, parsed once for all tests that read it.
let excerptOutcome: Result<ParseOutcome, HubParseError> = {
    do {
        return .success(try parseFile(Fixture.path("hub-stats-excerpt.jsonl"), batchSize: 8))
    } catch let error as HubParseError {
        return .failure(error)
    } catch {
        return .failure(HubParseError(path: "hub-stats-excerpt.jsonl", line: 0, message: "\(error)"))
    }
}()

@Suite("Hub JSON: hub-stats excerpt")
struct HubStatsExcerptTests {
    @Test func parsesEveryRowInOrder() throws {
        let outcome = try excerptOutcome.get()
        #expect(outcome.records.count == 29)
        #expect(outcome.report.records == 29)
        #expect(outcome.report.skipped == 0)
        #expect(outcome.report.problems.isEmpty)
        #expect(outcome.records.map(\.id) == excerptExpectations.map(\.id))
        #expect(outcome.records.map(\.line) == Array(1...29))
        // batchSize 8: 8 + 8 + 8 + 5, in order.
        #expect(outcome.batches == [8, 8, 8, 5])
        let size = try FileManager.default.attributesOfItem(atPath: Fixture.path("hub-stats-excerpt.jsonl"))[.size] as? NSNumber
        #expect(outcome.report.bytes == size?.int64Value)
        #expect(outcome.progress.last == size?.int64Value)
    }

    @Test(arguments: excerptExpectations)
    func row(_ expected: ExpectedRow) throws {
        let outcome = try excerptOutcome.get()
        let record = try #require(outcome.records.first { $0.id == expected.id })
        #expect(record.line == expected.line)
        #expect(record.author == expected.author)
        #expect(record.createdAt == expected.createdAt)
        #expect(record.lastModified == expected.lastModified)
        #expect(record.downloads == expected.downloads)
        #expect(record.downloadsAllTime == expected.downloadsAllTime)
        #expect(record.likes == expected.likes)
        #expect(record.parameterCount == expected.parameterCount)
        #expect(record.pipelineTag == expected.pipelineTag)
        #expect(record.libraryName == expected.libraryName)
        #expect(record.license == expected.license)
        #expect(record.papers == expected.papers)
        #expect(record.parents == expected.parents)
        #expect(record.architecture == nil)
    }

    @Test func coversEveryRelationAndTheTrickyShapes() throws {
        let records = try excerptOutcome.get().records
        let relations = Set(records.flatMap { $0.parents ?? [] }.map(\.relation))
        // Card-only lineage (lines 4, 6, 12) is typed by inference: nothing stays unknown.
        #expect(relations == [.finetune, .merge, .quantized, .adapter])
        let provenance = Set(records.flatMap { $0.parents ?? [] }.map(\.provenance))
        #expect(provenance == [.declared, .defaultFinetune, .multipleParents])
        let selfLoops = records.filter { r in (r.parents ?? []).contains { HubID.key($0.id) == HubID.key(r.id) } }
        #expect(selfLoops.map(\.id) == ["cckm/tinymistral_950m", "duyhv1411/Llama-3.2-1B-en-vi", "tiiuae/Falcon3-3B-Instruct"])
        #expect(records.map { $0.parents?.count ?? -1 }.max() == 5)
    }

    /// The hand-written createdAt values agree with Foundation reading the same strings.
    @Test func createdAtAgreesWithFoundation() throws {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
        let text = try String(contentsOfFile: Fixture.path("hub-stats-excerpt.jsonl"), encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.count == excerptExpectations.count)
        for (line, expected) in zip(lines, excerptExpectations) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let created = try #require(object["createdAt"] as? String)
            let modified = try #require(object["lastModified"] as? String)
            #expect(formatter.date(from: created).map { Int64($0.timeIntervalSince1970) } == expected.createdAt, "\(expected.id)")
            #expect(formatter.date(from: modified).map { Int64($0.timeIntervalSince1970) } == expected.lastModified, "\(expected.id)")
        }
    }
}

// MARK: - The /api/models?full=true shape and hand-written edge cases

@Suite("Hub JSON: API shape and lineage rules")
struct HubAPIShapeTests {
    /// An `/api/models?full=true` object: `modelId` instead of `id`, `cardData` as an object whose
    /// `base_model` is a list (one entry a Hub URL), `base_model_relation: "merge"`, `baseModels: null`,
    /// ISO timestamps with `Z`, fractional seconds and an offset, and many fields Lineage ignores.
    static let apiObject = #"""
    {"_id": "670a4b2c9a0e1f2d3c4b5a69", "modelId": "zelk12/MT-Merge-gemma-2-9B", "author": "zelk12", "sha": "0123abcd",
     "createdAt": "2024-10-12T09:51:40.000Z", "lastModified": "2024-10-12T11:02:05.123+02:00",
     "private": false, "gated": false, "disabled": false, "downloads": 1234, "likes": 7,
     "tags": ["transformers", "safetensors", "gemma2", "text-generation", "mergekit", "merge", "conversational", "region:us"],
     "pipeline_tag": "text-generation", "library_name": "transformers",
     "cardData": {"base_model": ["zelk12/MT1-gemma-2-9B", "https://huggingface.co/zelk12/MT2-gemma-2-9B/tree/main"],
                  "base_model_relation": "merge", "library_name": "transformers", "tags": ["mergekit", "merge"],
                  "model-index": [{"name": "x", "results": [{"metrics": [{"type": "acc", "value": 0.5}]}]}]},
     "baseModels": null,
     "config": {"architectures": ["Gemma2ForCausalLM"], "model_type": "gemma2", "tokenizer_config": {"bos_token": "<bos>"}},
     "siblings": [{"rfilename": ".gitattributes"}, {"rfilename": "config.json"}],
     "safetensors": {"parameters": {"BF16": 9241705984}, "total": 9241705984},
     "spaces": [], "widgetData": [{"text": "Hi"}], "inference": "warm", "usedStorage": 18500000000}
    """#.replacingOccurrences(of: "\n", with: "")

    @Test func apiObjectWithModelIdAndCardDataObject() throws {
        let record = try parseOne(Self.apiObject)
        #expect(record.id == "zelk12/MT-Merge-gemma-2-9B")
        #expect(record.author == "zelk12")
        #expect(record.createdAt == 1_728_726_700) // 2024-10-12T09:51:40Z
        #expect(record.lastModified == 1_728_723_725) // 2024-10-12T09:02:05Z
        #expect(record.downloads == 1234)
        #expect(record.downloadsAllTime == nil)
        #expect(record.likes == 7)
        #expect(record.parameterCount == 9_241_705_984)
        #expect(record.pipelineTag == "text-generation")
        #expect(record.libraryName == "transformers")
        #expect(record.parents == [P("zelk12/MT1-gemma-2-9B", .merge), P("zelk12/MT2-gemma-2-9B", .merge)])
        #expect(record.papers == [])
        #expect(record.license == nil)
    }

    @Test func jsonArrayInput() throws {
        let text = """
        [
          \(Self.apiObject),
          {"id": "Qwen/Qwen2.5-7B-Instruct", "createdAt": "2024-09-16T11:55:40.000Z",
           "tags": ["base_model:Qwen/Qwen2.5-7B", "base_model:finetune:Qwen/Qwen2.5-7B", "license:apache-2.0", "arxiv:2309.00071"],
           "baseModels": {"relation": "finetune", "models": [{"_id": "66e6d0f6", "id": "Qwen/Qwen2.5-7B"}]}},

          {"modelId": "gpt2", "downloads": 10}
        ]
        """
        let outcome = try parseText(text, name: "page.json", batchSize: 2)
        #expect(outcome.records.map(\.id) == ["zelk12/MT-Merge-gemma-2-9B", "Qwen/Qwen2.5-7B-Instruct", "gpt2"])
        // The line each object starts on.
        #expect(outcome.records.map(\.line) == [2, 3, 7])
        #expect(outcome.batches == [2, 1])
        #expect(outcome.report.records == 3)
        #expect(outcome.records[1].parents == [P("Qwen/Qwen2.5-7B", .finetune)])
        #expect(outcome.records[1].license == "apache-2.0")
        #expect(outcome.records[1].papers == ["2309.00071"])
        #expect(outcome.records[1].createdAt == 1_726_487_740)
        // A legacy id without a namespace has no author.
        #expect(outcome.records[2].author == nil)
        #expect(outcome.records[2].parents == [])
    }

    @Test func emptyJSONArray() throws {
        let outcome = try parseText("  [ ]\n", name: "empty.json")
        #expect(outcome.records.isEmpty)
        #expect(outcome.report.records == 0)
    }

    @Test(arguments: [
        ("2024-03-01T05:57:44", Int64(1_709_272_664)),
        ("2024-03-01T05:57:44Z", 1_709_272_664),
        ("2024-03-01T05:57:44.000Z", 1_709_272_664),
        ("2024-03-01T05:57:44.987654Z", 1_709_272_664),
        ("2024-03-01T07:57:44+02:00", 1_709_272_664),
        ("2024-03-01T07:57:44.5+02:00", 1_709_272_664),
        ("2024-02-29T23:57:44-06:00", 1_709_272_664),
        ("2024-03-01 05:57:44+00:00", 1_709_272_664),
    ])
    func timestampShapes(text: String, seconds: Int64) throws {
        let record = try parseOne(#"{"id": "a/b", "createdAt": "\#(text)", "lastModified": "\#(text)"}"#)
        #expect(record.createdAt == seconds)
        #expect(record.lastModified == seconds)
    }

    @Test func epochMillisecondsAndSeconds() throws {
        let record = try parseOne(#"{"id": "a/b", "createdAt": 1709272664000, "lastModified": 1709272664}"#)
        #expect(record.createdAt == 1_709_272_664)
        #expect(record.lastModified == 1_709_272_664)
    }

    @Test func parentGivenAsHubURL() throws {
        let record = try parseOne(#"""
        {"id": "a/child", "baseModels": {"relation": "adapter", "models": [{"_id": "x", "id": "https://huggingface.co/org/name/tree/main"}]}}
        """#)
        #expect(record.parents == [P("org/name", .adapter)])
        let fromCard = try parseOne(#"{"id": "a/child", "cardData": "{\"base_model\": \"https://huggingface.co/meta-llama/Llama-3.1-8B/\"}"}"#)
        #expect(fromCard.parents == [P("meta-llama/Llama-3.1-8B", .finetune, .defaultFinetune)])
    }

    @Test func nullsForOptionalFields() throws {
        let record = try parseOne(#"""
        {"id": "org/model", "author": null, "createdAt": null, "lastModified": null, "downloads": null,
         "downloadsAllTime": null, "likes": null, "tags": null, "cardData": null, "safetensors": null,
         "gguf": null, "baseModels": null, "pipeline_tag": null, "library_name": null}
        """#.replacingOccurrences(of: "\n", with: ""))
        #expect(record == ModelRecord(id: "org/model", author: "org", parents: [], papers: [], line: 1))
    }

    @Test func minimalObject() throws {
        let record = try parseOne(#"{"id":"org/model"}"#)
        #expect(record == ModelRecord(id: "org/model", author: "org", parents: [], line: 1))
    }

    @Test func idBeatsModelIdAndIsTrimmed() throws {
        let record = try parseOne(#"{"modelId": "org/other", "id": "  org/model  "}"#)
        #expect(record.id == "org/model")
    }

    // MARK: Precedence

    @Test func baseModelsBeatTagsBeatCardData() throws {
        let all = try parseOne(#"""
        {"id": "a/child", "tags": ["base_model:tag/parent", "base_model:finetune:tag/parent"],
         "cardData": {"base_model": "card/parent", "base_model_relation": "merge"},
         "baseModels": {"relation": "quantized", "models": [{"_id": "1", "id": "bm/parent"}]}}
        """#.replacingOccurrences(of: "\n", with: ""))
        #expect(all.parents == [P("bm/parent", .quantized)])

        let tagsAndCard = try parseOne(#"""
        {"id": "a/child", "tags": ["base_model:adapter:tag/parent"],
         "cardData": "{\"base_model\": \"card/parent\", \"base_model_relation\": \"merge\"}", "baseModels": null}
        """#.replacingOccurrences(of: "\n", with: ""))
        #expect(tagsAndCard.parents == [P("tag/parent", .adapter)])

        let cardOnly = try parseOne(#"""
        {"id": "a/child", "tags": ["region:us"],
         "cardData": "{\"base_model\": [\"card/one\", \"card/two\"], \"base_model_relation\": \"merge\", \"license\": \"mit\"}"}
        """#.replacingOccurrences(of: "\n", with: ""))
        #expect(cardOnly.parents == [P("card/one", .merge), P("card/two", .merge)])
        #expect(cardOnly.license == "mit")

        // An empty baseModels list does not hide the tags.
        let emptyBaseModels = try parseOne(#"""
        {"id": "a/child", "baseModels": {"relation": "merge", "models": []}, "tags": ["base_model:finetune:tag/parent"]}
        """#)
        #expect(emptyBaseModels.parents == [P("tag/parent", .finetune)])
    }

    /// Order of members does not matter: baseModels still wins when it comes before the tags.
    @Test func precedenceIsIndependentOfMemberOrder() throws {
        let record = try parseOne(#"""
        {"baseModels": {"models": [{"id": "bm/parent"}], "relation": "merge"}, "cardData": {"base_model": "card/parent"}, "tags": ["base_model:tag/parent"], "id": "a/child"}
        """#)
        #expect(record.parents == [P("bm/parent", .merge)])
    }

    @Test func lineageOnlyInTags() throws {
        let record = try parseOne(#"""
        {"id": "a/child", "tags": ["transformers", "base_model:org/base", "base_model:finetune:org/base", "base_model:quantized:other/base", "region:us"], "baseModels": null}
        """#)
        #expect(record.parents == [P("org/base", .finetune), P("other/base", .quantized)])
    }

    @Test func plainBaseModelTagMergesWithTypedTag() throws {
        // Plain first, typed second: one parent, relation finetune.
        let plainFirst = try parseOne(#"{"id": "a/c", "tags": ["base_model:Org/Base", "base_model:finetune:Org/Base"]}"#)
        #expect(plainFirst.parents == [P("Org/Base", .finetune)])
        // Typed first, plain second: still one parent, relation kept.
        let typedFirst = try parseOne(#"{"id": "a/c", "tags": ["base_model:finetune:Org/Base", "base_model:Org/Base"]}"#)
        #expect(typedFirst.parents == [P("Org/Base", .finetune)])
        // Ids match case-insensitively; the first spelling is kept.
        let mixedCase = try parseOne(#"{"id": "a/c", "tags": ["base_model:Org/Base", "base_model:merge:org/base"]}"#)
        #expect(mixedCase.parents == [P("Org/Base", .merge)])
        // A plain tag alone states no relation: inference types it (no evidence: finetune).
        let plainOnly = try parseOne(#"{"id": "a/c", "tags": ["base_model:Org/Base"]}"#)
        #expect(plainOnly.parents == [P("Org/Base", .finetune, .defaultFinetune)])
    }

    @Test func regionTagNeverProducesAnything() throws {
        for tag in ["region:us", "region:eu", "region:cn"] {
            let record = try parseOne(#"{"id": "org/m", "tags": ["\#(tag)"]}"#)
            #expect(record == ModelRecord(id: "org/m", author: "org", parents: [], papers: [], line: 1), "\(tag)")
        }
    }

    @Test func papersAndLicenseFromTags() throws {
        let record = try parseOne(#"""
        {"id": "org/m", "tags": ["arxiv:2401.00001", "license:apache-2.0", "arxiv:2401.00002", "arxiv:2401.00001", "license:mit", "arxiv:", "dataset:org/data", "doi:10.1/x"]}
        """#)
        #expect(record.papers == ["2401.00001", "2401.00002"])
        #expect(record.license == "apache-2.0")
        #expect(record.parents == [])
    }

    @Test func escapedTagsAreDecoded() throws {
        let record = try parseOne(#"{"id": "org/m", "tags": ["base_model:finetune:org\/base", "license:bokm\u00e5l", "arxiv:2401\u002E00001"]}"#)
        #expect(record.parents == [P("org/base", .finetune)])
        #expect(record.license == "bokmål")
        #expect(record.papers == ["2401.00001"])
    }

    @Test func baseModelsVariants() throws {
        // A bare list of objects or strings states no relation: two parents are inferred a merge.
        let bareList = try parseOne(#"{"id": "a/c", "baseModels": [{"_id": "1", "id": "p/one"}, "p/two"]}"#)
        #expect(bareList.parents == [P("p/one", .merge, .multipleParents), P("p/two", .merge, .multipleParents)])
        // An unrecognized relation word states none either.
        let oddRelation = try parseOne(#"{"id": "a/c", "baseModels": {"relation": "distillation", "models": [{"id": "p/one"}]}}"#)
        #expect(oddRelation.parents == [P("p/one", .finetune, .defaultFinetune)])
        // Duplicate parents collapse.
        let duplicates = try parseOne(#"{"id": "a/c", "baseModels": {"relation": "merge", "models": [{"id": "p/one"}, {"id": "P/One"}, {"id": "p/two"}]}}"#)
        #expect(duplicates.parents == [P("p/one", .merge), P("p/two", .merge)])
    }

    @Test func cardDataThatIsNotJSONIsIgnored() throws {
        for card in [#""not json at all""#, #""[1, 2]""#, #""{\"base_model\": ""#, #""""#, "{}", #""{}""#] {
            let record = try parseOne(#"{"id": "a/c", "cardData": \#(card)}"#)
            #expect(record.parents == [], "cardData \(card)")
        }
    }

    @Test func cardDataOfTheWrongTypeIsAnError() throws {
        let error = parseErrorOf { _ = try parseText(#"{"id": "a/c", "cardData": 12}"#) }
        #expect(error?.line == 1)
        #expect(error?.message.contains("cardData") == true)
    }

    @Test func numbersWithFractionsAndExponents() throws {
        let record = try parseOne(#"{"id": "a/c", "downloads": 1.5e3, "likes": 12.9, "downloadsAllTime": 9007199254740992, "safetensors": {"total": 7.0e9}}"#)
        #expect(record.downloads == 1500)
        #expect(record.likes == 12)
        #expect(record.downloadsAllTime == 1 << 53) // the largest count accepted
        #expect(record.parameterCount == 7_000_000_000)
    }

    /// Counts beyond 2^53 were stored as Int64.max without a word, and any sum of two then trapped.
    @Test func countsBeyondTwoToThe53AreRefusedWithTheField() throws {
        for (field, value) in [("downloads", "1e20"), ("downloads", "99999999999999999999"), ("likes", "9007199254740993"),
                               ("downloadsAllTime", "-5"), ("downloads", "1e309")] {
            let error = parseErrorOf { _ = try parseText(#"{"id": "a/c", "\#(field)": \#(value)}"#) }
            #expect(error?.line == 1)
            #expect(error?.message.contains("\"\(field)\"") == true, "\(String(describing: error))")
            #expect(error?.message.contains(value) == true, "\(String(describing: error))")
        }
        let total = parseErrorOf { _ = try parseText(#"{"id": "a/c", "safetensors": {"total": 1e30}}"#) }
        #expect(total?.message.contains("safetensors.total") == true)
    }

    @Test func ignoredFieldsMayHoldAnything() throws {
        let record = try parseOne(#"""
        {"id": "a/c", "gguf": "{\"total\": 1}", "trendingScore": -0.5e-3, "x": [true, false, null, {"y": [[], {}]}], "z": {"id": "not/me"}, "likes": 3}
        """#)
        #expect(record.id == "a/c")
        #expect(record.likes == 3)
    }
}
