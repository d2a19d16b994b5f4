/// Whether a model's name ends in a quantization suffix: `-GGUF`, `-AWQ`, `-GPTQ`, `-exl2`, `-4bit`,
/// `-bnb-4bit`, `-4.0bpw-h6-exl2`, `-Q4_K_M`, `-q4f16_1-MLC`, `-GPTQ-4bit-128g-actorder`, ….
///
/// The part after the namespace is split at `-`, `_` and `.`; walking back from the end over *qualifier*
/// tokens, the name is quantized when one of them is a *format* token. The first token (the model's own
/// name) never counts.
///
/// - Format tokens: `gguf awq gptq exl2 exl3 mlc nf4`, `2bit`…`8bit` (also `4bits`, and `4-bit` as two
///   tokens), `…bpw` (`4.0bpw` splits into `4`, `0bpw`), `q2`…`q8` and `q4f16`.
/// - Qualifiers (may follow a format token): format tokens, one digit, `mlx bnb imat imatrix i1 dynamic
///   quantized act order actorder bit bits k m s l xs xxs nl h`, `h6`/`h8`, `128g`, `iq4xs`.
///
/// Left out on purpose, because on typed data they mark fine-tunes as often as quantizations: `ggml`,
/// `int4`/`int8`/`fp8`, `16bit` (merged unsloth fine-tunes), `mlx` alone (bf16 conversions), and any
/// format token followed by other words (`llama-3-8b-bnb-4bit-python` is a fine-tune of a 4-bit base).
enum QuantizedName {
    /// - Complexity: O(length of `id`).
    static func matches(_ id: String) -> Bool {
        var name = Substring(id)
        if let slash = name.lastIndex(of: "/") { name = name[name.index(after: slash)...] }
        let tokens = name.lowercased().split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "_" || $0 == "." }
        var i = tokens.count - 1
        while i > 0 {
            let token = tokens[i], previous = tokens[i - 1]
            if isFormat(token, previous: previous) { return true }
            if !isQualifier(token) { return false }
            i -= 1
        }
        return false
    }

    private static let formats: Set<Substring> = ["gguf", "awq", "gptq", "exl2", "exl3", "mlc", "nf4"]
    private static let qualifiers: Set<Substring> = [
        "mlx", "bnb", "imat", "imatrix", "i1", "dynamic", "quantized", "act", "order", "actorder",
        "bit", "bits", "k", "m", "s", "l", "xs", "xxs", "nl", "h",
    ]

    private static func isFormat(_ token: Substring, previous: Substring) -> Bool {
        if formats.contains(token) { return true }
        let bytes = Array(token.utf8)
        // 2bit … 8bit, 4bits
        if bytes.count >= 4, isBitDigit(bytes[0]), token.dropFirst() == "bit" || token.dropFirst() == "bits" { return true }
        // `4-bit`: the digit is the previous token
        if token == "bit" || token == "bits", previous.utf8.count == 1, let d = previous.utf8.first, isBitDigit(d) { return true }
        // …bpw: bpw, 4bpw, 0bpw (of 4.0bpw)
        if token.hasSuffix("bpw"), token.dropLast(3).allSatisfy(\.isASCIIDigit) { return true }
        // q2 … q8, optionally f16 (q4f16)
        if bytes.count >= 2, bytes[0] == UInt8(ascii: "q"), isBitDigit(bytes[1]) {
            if bytes.count == 2 { return true }
            if bytes[2] == UInt8(ascii: "f"), bytes.count > 3, bytes[3...].allSatisfy(isDigit) { return true }
        }
        return false
    }

    private static func isQualifier(_ token: Substring) -> Bool {
        if qualifiers.contains(token) { return true }
        let bytes = Array(token.utf8)
        if bytes.count == 1, isDigit(bytes[0]) { return true }
        // h6, h8
        if bytes.count >= 2, bytes[0] == UInt8(ascii: "h"), bytes[1...].allSatisfy(isDigit) { return true }
        // 128g, 32g
        if bytes.count >= 2, bytes.last == UInt8(ascii: "g"), bytes.dropLast().allSatisfy(isDigit) { return true }
        // iq4, iq4xs, iq3xxs
        if bytes.count >= 3, bytes[0] == UInt8(ascii: "i"), bytes[1] == UInt8(ascii: "q"), isDigit(bytes[2]),
           bytes.allSatisfy({ isDigit($0) || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) }) { return true }
        return false
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    private static func isBitDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "2") && byte <= UInt8(ascii: "8") }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
