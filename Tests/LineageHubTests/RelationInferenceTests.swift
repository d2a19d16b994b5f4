import LineageGraph
import Testing
@testable import LineageHub

@Suite("Relation inference rules")
struct RelationInferenceTests {
    /// One Hub object with untyped parents; `extra` is spliced into the object.
    private func parse(_ id: String, parents: [String], tags: [String] = [], library: String? = nil) throws -> ModelRecord {
        let allTags = parents.map { "base_model:\($0)" } + tags
        let tagList = allTags.map { "\"\($0)\"" }.joined(separator: ", ")
        let libraryMember = library.map { #", "library_name": "\#($0)""# } ?? ""
        return try parseOne(#"{"id": "\#(id)", "tags": [\#(tagList)]\#(libraryMember)}"#)
    }

    @Test(arguments: [
        // (tags, library, expected relation, rule)
        ([String](), String?.none, Relation.finetune, EdgeProvenance.defaultFinetune),
        (["merge", "mergekit"], nil, .finetune, .defaultFinetune),  // merge tags alone are no rule (see METRICS)
        (["lora"], "peft", .adapter, .peftLibrary),
        (["gguf", "lora"], "peft", .adapter, .peftLibrary),           // the peft library beats a gguf tag
        (["gguf"], "transformers", .quantized, .quantizedTag),
        (["GGUF"], "transformers", .finetune, .defaultFinetune),     // the Hub writes gguf lowercase; GGUF is a user's word
        (["GPTQ"], nil, .quantized, .quantizedTag),
        (["awq"], nil, .quantized, .quantizedTag),
        (["exl2"], nil, .quantized, .quantizedTag),
        ([], "gguf", .quantized, .quantizedTag),
        ([], "mlc-llm", .quantized, .quantizedTag),
        (["lora"], "diffusers", .adapter, .adapterTag),
        (["template:sd-lora"], nil, .adapter, .adapterTag),
        (["controlnet"], "diffusers", .adapter, .adapterTag),
        (["peft"], "transformers", .finetune, .defaultFinetune),     // a merged adapter
        (["lora", "transformers"], nil, .finetune, .defaultFinetune),  // the library as a tag (list_models CSV)
        (["lora", "gguf"], nil, .quantized, .quantizedTag),          // a quantization tag beats an adapter tag
        (["4-bit", "bitsandbytes"], "transformers", .quantized, .quantizedTag),
        (["8-bit"], nil, .quantized, .quantizedTag),
        (["4-bit", "lora"], nil, .adapter, .adapterTag),            // a QLoRA adapter stays an adapter
    ])
    func singleParentRules(tags: [String], library: String?, relation: Relation, rule: EdgeProvenance) throws {
        let record = try parse("someone/model", parents: ["org/base"], tags: tags, library: library)
        #expect(record.parents == [P("org/base", relation, rule)])
    }

    @Test func severalParentsAreAMergeWhateverElse() throws {
        let record = try parse("someone/model-GGUF", parents: ["org/a", "org/b"], tags: ["gguf"], library: "peft")
        #expect(record.parents == [P("org/a", .merge, .multipleParents), P("org/b", .merge, .multipleParents)])
        // A self-reference does not make a second parent.
        let selfNamed = try parse("someone/model", parents: ["someone/model", "org/a"])
        #expect(selfNamed.parents == [P("someone/model", .finetune, .defaultFinetune), P("org/a", .finetune, .defaultFinetune)])
        // The same parent twice (plain and URL) is one parent.
        let twice = try parse("someone/model", parents: ["org/a", "https://huggingface.co/org/a"])
        #expect(twice.parents == [P("org/a", .finetune, .defaultFinetune)])
    }

    @Test func declaredRelationsAreKept() throws {
        // Typed tags, baseModels with a relation and a card's base_model_relation are declared.
        let typed = try parseOne(#"{"id": "a/m-GGUF", "tags": ["base_model:finetune:org/a", "gguf"]}"#)
        #expect(typed.parents == [P("org/a", .finetune)])
        let baseModels = try parseOne(#"{"id": "a/m", "tags": ["lora"], "baseModels": {"relation": "merge", "models": [{"id": "org/a"}]}}"#)
        #expect(baseModels.parents == [P("org/a", .merge)])
        let card = try parseOne(#"{"id": "a/m", "cardData": {"base_model": ["org/a", "org/b"], "base_model_relation": "finetune"}}"#)
        #expect(card.parents == [P("org/a", .finetune), P("org/b", .finetune)])
        // Only the untyped parent of a mixed record is inferred; the declared one counts as a parent.
        let mixed = try parseOne(#"{"id": "a/m", "tags": ["base_model:adapter:org/a", "base_model:org/b"]}"#)
        #expect(mixed.parents == [P("org/a", .adapter), P("org/b", .merge, .multipleParents)])
    }

    @Test func cardWithoutRelationIsInferred() throws {
        let record = try parseOne(#"{"id": "a/m-AWQ", "cardData": "{\"base_model\": \"org/a\"}"}"#)
        #expect(record.parents == [P("org/a", .quantized, .quantizedName)])
    }

    @Test func listModelsCSVUsesTagsAndNames() throws {
        let text = """
            modelId,author,tags
            a/lora-thing,a,"['base_model:org/x', 'lora', 'diffusers']"
            a/x-GPTQ,a,"['base_model:org/x', 'transformers']"
            a/y,a,"['base_model:finetune:org/x', 'gguf']"

            """
        let records = try parseText(text, name: "models.csv", format: .listModelsCSV).records
        #expect(records.map { $0.parents ?? [] } == [
            [P("org/x", .adapter, .adapterTag)], [P("org/x", .quantized, .quantizedName)], [P("org/x", .finetune)],
        ])
    }

    @Test(arguments: [
        ("TheBloke/Llama-2-7B-GGUF", true), ("TheBloke/Llama-2-7B-Chat-AWQ", true), ("TheBloke/Llama-2-7B-GPTQ", true),
        ("LoneStriker/Mixtral-8x7B-4.0bpw-h6-exl2", true), ("turboderp/Llama-3-8B-exl2", true),
        ("unsloth/llama-3-8b-bnb-4bit", true), ("mlx-community/Qwen2.5-3B-Instruct-8bit", true),
        ("a/Model-Q4_K_M-GGUF", true), ("a/model.Q5_K_S", true), ("a/model-q8_0", true), ("a/model-Q4", true),
        ("mlc-ai/phi-2-q4f16_1-MLC", true), ("a/model-GPTQ-4bit-128g-actorder", true), ("a/model-4-bit", true),
        ("a/model-IQ4_XS-GGUF", true), ("a/model-GGUF-imatrix", true), ("a/model-4bits", true), ("a/model_nf4", true),
        ("a/model-exl2-4.0", true),
        // fine-tunes and conversions that typed data calls fine-tunes
        ("a/llama-3-8b-bnb-4bit-python", false), ("a/model-merged_16bit", false), ("a/model-GGML", false),
        ("a/model-mlx", false), ("a/model-int4", false), ("a/model-fp8", false), ("a/model-lora", false),
        ("a/gguf", false), ("GGUF", false), ("a/model-4bit-1024", false), ("a/model-1bit", false), ("a/model-9bit", false),
        ("a/Llama-3.2-1B", false), ("a/model-q9", false), ("a/model-q4x", false), ("a/model-v2", false),
    ])
    func quantizedNames(id: String, quantized: Bool) {
        #expect(QuantizedName.matches(id) == quantized, "\(id)")
    }

    @Test func provenanceNamesRoundTrip() {
        for provenance in EdgeProvenance.allCases {
            #expect(EdgeProvenance(name: provenance.name) == provenance)
            #expect(provenance.isInferred == (provenance != .declared))
        }
        #expect(EdgeProvenance(name: "inferred:reupload") == .reupload)
        #expect(EdgeProvenance(name: "inferred:some-later-rule") == .otherInferred)
        #expect(EdgeProvenance(name: "declared") == .declared)
        #expect(EdgeProvenance(name: "guessed") == nil)
    }
}
