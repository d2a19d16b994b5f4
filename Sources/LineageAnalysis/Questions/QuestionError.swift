/// A question Lineage cannot read: quotes the word, suggests the nearest known term, shows the grammar.
public struct QuestionError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// The word that was not understood, when one was.
    public var word: String?
    public var suggestion: String?

    public init(_ message: String, word: String? = nil, suggestion: String? = nil) {
        self.message = message
        self.word = word
        self.suggestion = suggestion
    }

    public var description: String {
        var text = message
        if let suggestion { text += " Did you mean \"\(suggestion)\"?" }
        return text + "\n\n" + QuestionGrammar.summary
    }
}

/// The question language, as shown in errors and `lineage ask --help`.
public enum QuestionGrammar {
    public static let summary = """
        Questions Lineage understands (any case, question mark optional):
          which|what [COUNTRY] SUBJECT VERB TARGET [FILTERS]     list them
          how many [COUNTRY] SUBJECT VERB TARGET [FILTERS]       count them
          what share of [COUNTRY] SUBJECT VERB TARGET            share of all such entities
          how deep do TARGET [fine-tune|merge|…] chains go       generations below the roots
          who is most locked into TARGET                         organizations by switching cost
          what does MODEL descend from                           a model's (or a project's) ancestry
          rank families by reach|downloads                       by descendants or their downloads
          which merges cross families
        COUNTRY  U.S., US, USA, United States, American; China, Chinese, CN; EU, European; any ISO 3166 code
        SUBJECT  projects, organizations (orgs), startups, companies, universities, papers, spaces, models,
                 "of my projects" (imported AI-BOMs); singulars too
        VERB     derive from, depend on, build on, use; fine-tune, quantize, merge (these filter relations)
        TARGET   a family (Qwen, Llama, DeepSeek…), a namespace, a model id, COUNTRY-origin families|models,
                 or an imported project (standing for the models it uses)
        FILTERS  at depth <= N · since YYYY-MM · via [declared] finetune|adapter|quantized|merge · with more than N downloads · top N
                 ("declared": only relations the inputs stated, none inferred; "via declared" alone: any such relation)
        Example: lineage ask "which U.S. projects derive from Qwen"
        """
}
