import Foundation

/// The part of a CycloneDX 1.6 JSON BOM that `lineage bom` writes: the subject in `metadata.component`,
/// the models a project uses in `components`, and each model's whole lineage in `pedigree.ancestors`.
///
/// Field names follow the CycloneDX 1.6 JSON schema (`bom-1.6.schema.json`); `scripts/validate-bom.py`
/// checks written BOMs against it.
public struct CycloneDXBOM: Sendable, Codable, Equatable {
    public var bomFormat = "CycloneDX"
    public var specVersion = "1.6"
    /// `urn:uuid:…` derived from the BOM's content (same content, same serial number).
    public var serialNumber: String?
    public var version = 1
    public var metadata: Metadata
    public var components: [Component]?

    public struct Metadata: Sendable, Codable, Equatable {
        public var tools: Tools?
        public var component: Component
        public var properties: [Property]?
    }

    public struct Tools: Sendable, Codable, Equatable {
        public var components: [Component]
    }

    public struct Component: Sendable, Codable, Equatable {
        /// `machine-learning-model`, or `application` for a project and for the tool.
        public var type: String
        public var bomRef: String?
        public var supplier: Supplier?
        public var group: String?
        public var name: String
        public var version: String?
        public var purl: String?
        public var pedigree: Pedigree?
        public var properties: [Property]?

        enum CodingKeys: String, CodingKey {
            case type, bomRef = "bom-ref", supplier, group, name, version, purl, pedigree, properties
        }

        public init(type: String, name: String) {
            self.type = type
            self.name = name
        }
    }

    public struct Supplier: Sendable, Codable, Equatable {
        public var name: String
    }

    public struct Pedigree: Sendable, Codable, Equatable {
        public var ancestors: [Component]
    }

    /// A `name`/`value` pair; names may repeat (one `lineage:family` per family).
    public struct Property: Sendable, Codable, Equatable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Pretty-printed JSON with sorted keys and a final newline: the same BOM gives the same bytes.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// `pkg:huggingface/ORG/NAME`, each segment percent-encoded outside `A-Z a-z 0-9 . - _ ~`.
    public static func purl(hubID: String) -> String {
        let segments = hubID.split(separator: "/", omittingEmptySubsequences: false).map { segment -> String in
            var out = ""
            for byte in segment.utf8 {
                let c = Character(Unicode.Scalar(byte))
                if byte < 0x80, c.isLetter || c.isNumber || c == "." || c == "-" || c == "_" || c == "~" {
                    out.append(c)
                } else {
                    out += String(format: "%%%02X", byte)
                }
            }
            return out
        }
        return "pkg:huggingface/" + segments.joined(separator: "/")
    }
}
