extension InputFormat {
    /// What a file Lineage recognises but does not read is, and what to do instead; nil for anything else.
    ///
    /// SBOMs other than CycloneDX JSON (SPDX in JSON or tag-value form, CycloneDX XML) and HTML pages
    /// would otherwise be read as Hub model objects and fail with a puzzling `missing "id"`.
    /// - Parameter prefix: the first bytes of the file (a few KB are enough).
    /// - Complexity: O(size of the prefix).
    public static func unsupportedDocument(prefix: some Sequence<UInt8>) -> String? {
        var bytes = Array(prefix)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let start = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else { return nil }
        let cycloneDX = "Lineage reads CycloneDX 1.5/1.6 JSON BOMs (--format cyclonedx)"
        switch bytes[start] {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let keys = bytes.withUnsafeBufferPointer { JSONKeyPeek.topLevelKeys($0, start: start) }
            if keys.contains("spdxVersion") || keys.contains("SPDXID") {
                return "an SPDX SBOM, which Lineage does not read; \(cycloneDX): export or convert the BOM to CycloneDX JSON"
            }
            return nil
        case UInt8(ascii: "<"):
            let head = String(decoding: bytes[start...].prefix(4096), as: UTF8.self).lowercased()
            if head.contains("cyclonedx") {
                return "a CycloneDX XML BOM; \(cycloneDX): export the BOM as JSON"
            }
            if head.contains("spdx") {
                return "an SPDX SBOM in XML, which Lineage does not read; \(cycloneDX)"
            }
            return "an HTML or XML document, not Hub metadata; Lineage reads JSON lines, JSON arrays, CSV and CycloneDX JSON"
        default:
            let head = String(decoding: bytes[start...].prefix(4096), as: UTF8.self)
            if head.hasPrefix("SPDXVersion:") || head.contains("\nSPDXVersion:") {
                return "an SPDX SBOM in tag-value form, which Lineage does not read; \(cycloneDX)"
            }
            return nil
        }
    }
}
