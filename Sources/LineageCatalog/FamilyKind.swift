/// What a family's models are, so that rankings can keep language models apart from the rest.
///
/// On the whole Hub the largest lineages are not LLMs: Stable Diffusion, BERT, Whisper and
/// wav2vec2 trees rival Llama's. A ranking that mixes them answers a question nobody asked.
public enum FamilyKind: String, Sendable, Codable, CaseIterable, Comparable {
    /// Text-generation language models (Llama, Qwen, GPT-2…).
    case llm
    /// Vision-language and other multimodal generators (LLaVA, InternVL, CogVLM…).
    case multimodal
    /// Image and video diffusion models (Stable Diffusion, FLUX).
    case diffusion
    /// Speech recognition and synthesis (Whisper, wav2vec 2.0, SpeechT5).
    case speech
    /// Image classifiers, detectors and image encoders (ViT, DeiT, DETR, Swin, CLIP).
    case vision
    /// Text encoders and encoder-decoders (BERT, RoBERTa, T5, BART, DeBERTa).
    case encoder

    /// Language-model kinds first, in declaration order.
    public static func < (a: FamilyKind, b: FamilyKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Whether rankings list the family among the language models.
    public var isLanguageModel: Bool { self == .llm || self == .multimodal }
}
