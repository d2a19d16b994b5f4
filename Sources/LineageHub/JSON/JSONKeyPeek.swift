/// Tells the JSON input formats apart by the top-level keys of a file's first object.
///
/// Model objects, Space objects and CycloneDX BOMs all start with `{` or `[`; their keys differ:
/// a BOM has `bomFormat`, a Space has `sdk` (or `models` without any model-only key). The prefix a
/// caller has may end inside the first object: the keys read until then decide.
enum JSONKeyPeek {
    /// Keys only Hub model objects carry at top level.
    private static let modelOnlyKeys: Set<String> = [
        "modelId", "baseModels", "pipeline_tag", "library_name", "downloads", "downloadsAllTime", "safetensors", "gguf",
    ]

    /// The format of the JSON document whose first non-blank byte is at `start` of `bytes`.
    /// - Complexity: O(size of the first object, bounded by `bytes`).
    static func format(ofFirstObjectIn bytes: [UInt8], at start: Int) -> InputFormat {
        let keys = bytes.withUnsafeBufferPointer { buffer in topLevelKeys(buffer, start: start) }
        if keys.contains("bomFormat") { return .cycloneDX }
        if keys.contains("sdk") { return .spaceJSON }
        if keys.contains("models"), keys.isDisjoint(with: modelOnlyKeys) { return .spaceJSON }
        return .hubJSON
    }

    /// The keys of the first object (inside a leading `[` when there is one), as far as the bytes go.
    static func topLevelKeys(_ buffer: UnsafeBufferPointer<UInt8>, start: Int) -> Set<String> {
        var keys = Set<String>()
        var scanner = JSONScanner(buffer, position: start)
        do throws(JSONScanError) {
            if scanner.consume(UInt8(ascii: "[")) {
                guard try scanner.peekKind() == .object else { return keys }
            }
            try scanner.forEachMember { (s: inout JSONScanner, key: Range<Int>) throws(JSONScanError) in
                keys.insert(s.string(key))
                try s.skipValue()
            }
        } catch {
            // A prefix that ends inside the object: the keys read so far decide.
        }
        return keys
    }
}
