import LineageKit
import Testing

@Suite("Question grammar")
struct QuestionParserTests {
    let parser = QuestionParser()

    @Test(arguments: [
        "which U.S. projects derive from Qwen",
        "Which US projects derive from Qwen?",
        "WHICH USA PROJECTS DERIVE FROM QWEN",
        "which united states projects derive from Qwen",
        "what American projects derive from Qwen?",
        "which us projects derive from Qwen",
    ])
    func acceptsTheMissionQuestionInItsForms(_ question: String) throws {
        let query = try parser.parse(question)
        #expect(query.intent == .list)
        #expect(query.subject == .projects)
        #expect(query.country == CountrySet(codes: ["US"], label: "US"))
        #expect(query.target == .name(question.contains("QWEN") ? "QWEN" : "Qwen"))
        #expect(query.relations == nil)
    }

    @Test(arguments: [
        ("chinese", "CN"), ("China", "CN"), ("CN", "CN"), ("European", "EU"), ("EU", "EU"), ("FR", "FR"), ("German", "DE"), ("IN", "IN"),
    ])
    func countrySynonyms(_ word: String, _ label: String) throws {
        let query = try parser.parse("which \(word) startups build on Llama")
        #expect(query.country?.label == label)
        #expect(query.subject == .startups)
    }

    @Test func lowercaseAmbiguousCodesAreNotCountries() throws {
        // "in" is a word, "IN" is India.
        #expect(throws: QuestionError.self) { try parser.parse("which in startups build on Llama") }
    }

    @Test func verbsFilterRelations() throws {
        #expect(try parser.parse("which models fine-tune Qwen").relations == [.finetune, .adapter])
        #expect(try parser.parse("which models quantize Qwen").relations == [.quantized])
        #expect(try parser.parse("which models merge Qwen").relations == [.merge])
        #expect(try parser.parse("which spaces use Qwen/Qwen2.5-7B").target == .name("Qwen/Qwen2.5-7B"))
    }

    @Test func filters() throws {
        let query = try parser.parse("which startups depend on DeepSeek at depth <= 2 since 2024-06 via finetune or merge with more than 10k downloads top 5")
        #expect(query.maxDepth == 2)
        #expect(query.sinceText == "2024-06")
        #expect(query.since == 1_717_200_000)
        #expect(query.relations == [.finetune, .merge])
        #expect(query.minDownloads == 10_000)
        #expect(query.top == 5)
        #expect(query.declaredOnly == nil)
    }

    /// `via declared …`: only relations the inputs stated; the word is optional and changes nothing else.
    @Test func declaredRelations() throws {
        let declared = try parser.parse("which startups depend on DeepSeek via declared finetune or merge top 5")
        #expect(declared.declaredOnly == true)
        #expect(declared.relations == [.finetune, .merge])
        #expect(declared.top == 5)
        let any = try parser.parse("which startups depend on DeepSeek via declared since 2024-06")
        #expect(any.declaredOnly == true && any.relations == nil && any.sinceText == "2024-06")
        #expect(try parser.parse("which startups depend on DeepSeek via declared edges").declaredOnly == true)
        #expect(throws: QuestionError.self) { try parser.parse("which startups depend on DeepSeek via declared sideways") }
    }

    @Test func otherForms() throws {
        let depth = try parser.parse("how deep do Llama fine-tune chains go")
        #expect(depth.intent == .depth)
        #expect(depth.target == .name("Llama"))
        #expect(depth.relations == [.finetune, .adapter])
        #expect(try parser.parse("how many papers derive from DeepSeek").intent == .count)
        let lock = try parser.parse("who is most locked into Qwen")
        #expect(lock.intent == .lockIn && lock.target == .name("Qwen"))
        let startups = try parser.parse("which startups are most locked into DeepSeek")
        #expect(startups.intent == .lockIn && startups.subject == .startups)
        let ancestry = try parser.parse("what does org/Model-7B descend from?")
        #expect(ancestry.intent == .ancestry && ancestry.target == .name("org/Model-7B"))
        #expect(try parser.parse("rank families by downloads").ranking == .downloads)
        #expect(try parser.parse("which merges cross families").intent == .crossFamilyMerges)
        let mine = try parser.parse("which of my projects depend on Chinese-origin models")
        #expect(mine.subject == .myProjects)
        #expect(mine.target == .familiesOfOrigin(CountrySet(codes: ["CN"], label: "CN")))
        let share = try parser.parse("what share of US models derive from Chinese-origin families")
        #expect(share.intent == .share && share.country?.label == "US")
    }

    @Test func flagsAndWordsCompileToTheSameQuery() throws {
        var flags = QueryFlags(target: "Qwen")
        flags.country = "American"
        flags.kind = "projects"
        #expect(try flags.compile() == parser.parse("which U.S. projects derive from Qwen"))
        flags.kind = "startups"
        flags.since = "2024-06"
        flags.maxDepth = 2
        #expect(try flags.compile() == parser.parse("which US startups derive from Qwen since 2024-06 at depth <= 2"))
        flags.kind = "startupz"
        #expect { try flags.compile() } throws: { ($0 as! QuestionError).suggestion == "startups" || ($0 as! QuestionError).suggestion == "startup" }
    }

    @Test func unknownWordsAreQuotedWithASuggestionAndTheGrammar() throws {
        #expect {
            try parser.parse("which U.S. projcts derive from Qwen")
        } throws: { error in
            let e = error as! QuestionError
            return e.word == "projcts" && e.suggestion == "projects" && "\(e)".contains("which|what [COUNTRY] SUBJECT VERB TARGET")
        }
        #expect {
            try parser.parse("which startups derrive from Qwen")
        } throws: { ($0 as! QuestionError).suggestion == "derive from" }
        #expect {
            try parser.parse("which startups derive from Qwen at depht <= 2")
        } throws: { ($0 as! QuestionError).word == "depht" || "\($0)".contains("depht") }
        #expect { try parser.parse("why is the sky blue") } throws: { ($0 as! QuestionError).word == "why" }
        #expect(throws: QuestionError.self) { try parser.parse("") }
        #expect(throws: QuestionError.self) { try parser.parse("which startups derive from") }
        #expect(throws: QuestionError.self) { try parser.parse("which startups derive from Qwen since yesterday") }
    }
}
