import Foundation

/// The one JSON configuration of Lineage's output: sorted keys and unescaped slashes, so that the same
/// report always gives the same bytes and Hub ids read as they are written (`Qwen/Qwen2.5-7B`).
package enum JSONOutput {
    /// An encoder in that configuration: indented for people and diffs, or on one line (`compact`) for
    /// the benchmark scripts that read a line at a time.
    package static func encoder(compact: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = compact ? [.sortedKeys, .withoutEscapingSlashes] : [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// `value` as JSON text (see `encoder(compact:)`).
    package static func string(_ value: some Encodable, compact: Bool = false) throws -> String {
        String(decoding: try encoder(compact: compact).encode(value), as: UTF8.self)
    }
}
