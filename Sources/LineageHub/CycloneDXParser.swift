import LineageGraph

/// Reads a CycloneDX 1.5/1.6 JSON bill of materials into a `ProjectRecord`.
///
/// Components of type `machine-learning-model` (at any nesting of `components`) identified by a Hub id
/// become direct uses; the Hub ids in their `pedigree.ancestors` (recursively) become uses through that
/// component. A component's Hub id is read from its `purl` (`pkg:huggingface/ORG/NAME@rev`), else from
/// `group` + `name`, else from a `name` of the form `ORG/NAME`, else from an `externalReferences` URL on
/// huggingface.co. Errors name the file, line and JSON path: `bom.json:14: $.components[1].purl: …`.
public enum CycloneDXParser {
    /// Spec versions with `machine-learning-model` components that this parser reads.
    public static let supportedSpecVersions: Set<String> = ["1.5", "1.6"]

    /// Parses the BOM at `path`; `onBytes` sees every byte once (to hash while reading).
    public static func parse(path: String, onBytes: ((UnsafeRawBufferPointer) -> Void)? = nil) throws -> ProjectRecord {
        try parse(bytes: try HubFileParser.readWholeFile(path, onBytes: onBytes), path: path)
    }

    /// Parses a BOM already in memory; `path` names it in errors and gives the fallback project name.
    public static func parse(bytes: [UInt8], path: String) throws(HubParseError) -> ProjectRecord {
        guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else {
            throw HubParseError(path: path, line: 0, message: "the file is empty")
        }
        let root: JSONValue
        do {
            root = try JSONValue.parse(bytes)
        } catch {
            throw HubParseError(path: path, line: JSONValue.line(of: error.offset, in: bytes), message: error.message)
        }
        var reader = Reader(bytes: bytes, path: path)
        return try reader.read(root)
    }

    /// The Hub id a `pkg:huggingface/…` purl names, with its revision; nil for another purl type.
    /// - Throws: a message when the purl is a Hugging Face purl without a name.
    public static func hubID(fromPurl purl: String) throws(PurlError) -> (id: String, revision: String?)? {
        let lowered = purl.lowercased()
        guard lowered.hasPrefix("pkg:huggingface/") else { return nil }
        var rest = Substring(purl.dropFirst("pkg:huggingface/".count))
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        if let query = rest.firstIndex(of: "?") { rest = rest[..<query] }
        var revision: String?
        if let at = rest.lastIndex(of: "@") {
            revision = percentDecoded(rest[rest.index(after: at)...])
            rest = rest[..<at]
        }
        let parts = rest.split(separator: "/", omittingEmptySubsequences: true).map(percentDecoded)
        guard !parts.isEmpty, parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && !$0.contains(" ") }) else {
            throw PurlError(message: "purl \(MessageText.quote(purl)) does not name a Hugging Face model (pkg:huggingface/ORG/NAME@rev)")
        }
        let id = parts.joined(separator: "/")
        if let control = MessageText.firstControl(in: id) ?? revision.flatMap(MessageText.firstControl) {
            throw PurlError(message: "purl \(MessageText.quote(purl)) decodes to a control character (\(MessageText.codePoint(control))); Hub ids never hold one")
        }
        return (id, revision.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// A malformed Hugging Face purl.
    public struct PurlError: Error, Sendable { public var message: String }

    private static func percentDecoded(_ text: Substring) -> String {
        guard text.contains("%") else { return String(text) }
        var out: [UInt8] = []
        var bytes = Array(text.utf8)[...]
        while let byte = bytes.popFirst() {
            if byte == UInt8(ascii: "%"), bytes.count >= 2,
               let value = UInt8(String(decoding: bytes.prefix(2), as: UTF8.self), radix: 16) {
                out.append(value)
                bytes = bytes.dropFirst(2)
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - Reading

    private struct Reader {
        let bytes: [UInt8]
        let path: String
        var uses: [ProjectRecord.ModelUse] = []
        var unidentified: [ProjectRecord.Unidentified] = []
        var seen = Set<String>()

        init(bytes: [UInt8], path: String) {
            self.bytes = bytes
            self.path = path
        }

        func fail(_ value: JSONValue?, _ jsonPath: String, _ message: String) -> HubParseError {
            HubParseError(path: path, line: value.map { JSONValue.line(of: $0.offset, in: bytes) } ?? 1, message: "\(jsonPath): \(message)")
        }

        mutating func read(_ root: JSONValue) throws(HubParseError) -> ProjectRecord {
            guard root.isObject else { throw fail(root, "$", "a CycloneDX BOM is a JSON object, found \(root.typeName)") }
            guard let format = root["bomFormat"] else {
                throw fail(root, "$.bomFormat", "missing: this is not a CycloneDX BOM (it needs \"bomFormat\": \"CycloneDX\")")
            }
            guard format.stringValue == "CycloneDX" else {
                throw fail(format, "$.bomFormat", "expected \"CycloneDX\", found \(format.stringValue.map { MessageText.quote($0) } ?? format.typeName)")
            }
            guard let spec = root["specVersion"]?.stringValue else {
                throw fail(root["specVersion"] ?? root, "$.specVersion", "missing or not a string; Lineage reads CycloneDX 1.5 and 1.6")
            }
            guard CycloneDXParser.supportedSpecVersions.contains(spec) else {
                throw fail(root["specVersion"], "$.specVersion", "CycloneDX \(MessageText.quote(spec, limit: 20)) is not supported; Lineage reads 1.5 and 1.6 (which have "
                    + "machine-learning-model components)")
            }
            let metadata = root["metadata"]
            if let metadata, !metadata.isObject, !metadata.isNull { throw fail(metadata, "$.metadata", "must be an object, found \(metadata.typeName)") }
            let component = metadata?["component"]
            if let component, !component.isObject, !component.isNull {
                throw fail(component, "$.metadata.component", "must be an object, found \(component.typeName)")
            }
            let declaredName = try optionalString(component?["name"], "$.metadata.component.name")?.trimmingSpaces()
            if let declaredName, let problem = HubID.problem(String(declaredName), field: "the project name") {
                throw fail(component?["name"], "$.metadata.component.name", problem)
            }
            var record = ProjectRecord(name: "", specVersion: spec)
            if let declaredName, !declaredName.isEmpty {
                record.name = String(declaredName)
            } else {
                record.name = Self.fileStem(path)
                record.nameFromFile = true
            }
            record.group = try optionalString(component?["group"], "$.metadata.component.group")
            record.version = try optionalString(component?["version"], "$.metadata.component.version")
            for (value, where_) in [
                (component?["supplier"]?["name"], "$.metadata.component.supplier.name"),
                (metadata?["supplier"]?["name"], "$.metadata.supplier.name"),
                (metadata?["manufacturer"]?["name"], "$.metadata.manufacturer.name"),
                (metadata?["manufacture"]?["name"], "$.metadata.manufacture.name"),
            ] where record.supplier == nil {
                record.supplier = try optionalString(value, where_)
            }
            record.serialNumber = try optionalString(root["serialNumber"], "$.serialNumber")
            if let stamp = try optionalString(metadata?["timestamp"], "$.metadata.timestamp") {
                guard let seconds = HubTimestamp.parse(stamp) else {
                    throw fail(metadata?["timestamp"], "$.metadata.timestamp", "\(MessageText.quote(stamp, limit: 40)) is not an ISO 8601 timestamp")
                }
                record.timestamp = seconds
            }
            if let components = root["components"] {
                try walk(components: components, path: "$.components")
            }
            // The BOM's own component may itself be a model (a BOM describing one model).
            if let component, component.isObject, component["type"]?.stringValue == "machine-learning-model" {
                try model(component, path: "$.metadata.component")
            }
            guard !uses.isEmpty else {
                var message = "no component of type machine-learning-model names a Hugging Face model (purl pkg:huggingface/ORG/NAME@rev, or group and name); nothing was ingested"
                if let first = unidentified.first { message += "; \(first.jsonPath) (\(MessageText.quote(first.name))) has no Hub id" }
                throw fail(root["components"] ?? root, "$.components", message)
            }
            // Direct uses first, then ancestors, each in BOM order.
            record.uses = uses.filter { $0.via == nil } + uses.filter { $0.via != nil }
            record.unidentified = unidentified
            return record
        }

        mutating func walk(components: JSONValue, path jsonPath: String) throws(HubParseError) {
            if components.isNull { return }
            guard let list = components.arrayValue else { throw fail(components, jsonPath, "must be an array, found \(components.typeName)") }
            for (i, component) in list.enumerated() {
                let here = "\(jsonPath)[\(i)]"
                guard component.isObject else { throw fail(component, here, "a component must be an object, found \(component.typeName)") }
                if let type = component["type"], type.stringValue == nil {
                    throw fail(type, here + ".type", "must be a string, found \(type.typeName)")
                }
                if component["type"]?.stringValue == "machine-learning-model" {
                    try model(component, path: here)
                }
                if let nested = component["components"] { try walk(components: nested, path: here + ".components") }
            }
        }

        /// A model component: a direct use when it has a Hub id, plus its ancestors through it.
        mutating func model(_ component: JSONValue, path jsonPath: String) throws(HubParseError) {
            let identity = try hubID(of: component, path: jsonPath)
            if let identity {
                add(identity.id, via: nil, revision: identity.revision, value: component, path: jsonPath)
            } else {
                let name = component["name"]?.stringValue ?? component["bom-ref"]?.stringValue ?? "(unnamed)"
                unidentified.append(.init(name: name, jsonPath: jsonPath, line: JSONValue.line(of: component.offset, in: bytes)))
            }
            try ancestors(of: component, path: jsonPath, via: identity?.id ?? component["name"]?.stringValue)
        }

        mutating func ancestors(of component: JSONValue, path jsonPath: String, via: String?) throws(HubParseError) {
            guard let pedigree = component["pedigree"], !pedigree.isNull else { return }
            guard pedigree.isObject else { throw fail(pedigree, jsonPath + ".pedigree", "must be an object, found \(pedigree.typeName)") }
            guard let list = pedigree["ancestors"], !list.isNull else { return }
            guard let ancestors = list.arrayValue else {
                throw fail(list, jsonPath + ".pedigree.ancestors", "must be an array, found \(list.typeName)")
            }
            for (i, ancestor) in ancestors.enumerated() {
                let here = "\(jsonPath).pedigree.ancestors[\(i)]"
                guard ancestor.isObject else { throw fail(ancestor, here, "an ancestor must be a component object, found \(ancestor.typeName)") }
                if let identity = try hubID(of: ancestor, path: here) {
                    add(identity.id, via: via ?? "(unnamed component)", revision: identity.revision, value: ancestor, path: here)
                }
                try self.ancestors(of: ancestor, path: here, via: via)
            }
        }

        mutating func add(_ id: String, via: String?, revision: String?, value: JSONValue, path jsonPath: String) {
            let key = HubID.key(id) + "\u{0}" + (via.map(HubID.key) ?? "")
            guard seen.insert(key).inserted else { return }
            // A model used directly and also named as an ancestor keeps only the direct use.
            if via != nil, uses.contains(where: { $0.via == nil && HubID.key($0.model) == HubID.key(id) }) { return }
            uses.append(.init(model: id, via: via, revision: revision, jsonPath: jsonPath, line: JSONValue.line(of: value.offset, in: bytes)))
        }

        /// The Hub id of a component, or nil when it names none.
        /// - Throws: when the id it names holds a control character (see `HubID.problem`).
        func hubID(of component: JSONValue, path jsonPath: String) throws(HubParseError) -> (id: String, revision: String?)? {
            guard let found = try findHubID(of: component, path: jsonPath) else { return nil }
            if let problem = HubID.problem(found.id, field: "the model id") { throw fail(component, jsonPath, problem) }
            return found
        }

        private func findHubID(of component: JSONValue, path jsonPath: String) throws(HubParseError) -> (id: String, revision: String?)? {
            if let purl = try optionalString(component["purl"], jsonPath + ".purl") {
                do {
                    if let found = try CycloneDXParser.hubID(fromPurl: purl) { return found }
                } catch {
                    throw fail(component["purl"], jsonPath + ".purl", error.message)
                }
            }
            let name = try optionalString(component["name"], jsonPath + ".name")?.trimmingSpaces()
            let group = try optionalString(component["group"], jsonPath + ".group")?.trimmingSpaces()
            let version = try optionalString(component["version"], jsonPath + ".version")
            if let name, !name.isEmpty {
                if let group, !group.isEmpty, !name.contains("/") {
                    return ("\(group)/\(name)", version)
                }
                let lowered = name.lowercased()
                if lowered.hasPrefix("https://huggingface.co/") || lowered.hasPrefix("huggingface.co/") || lowered.hasPrefix("hf.co/") {
                    if let id = HubID.normalize(String(name)), id.contains("/") { return (id, version) }
                }
                let parts = name.split(separator: "/", omittingEmptySubsequences: false)
                if parts.count == 2, parts.allSatisfy({ !$0.isEmpty && !$0.contains(" ") && !$0.contains(":") }) {
                    return (String(name), version)
                }
            }
            if let references = component["externalReferences"]?.arrayValue {
                for reference in references {
                    guard let url = reference["url"]?.stringValue else { continue }
                    let lowered = url.lowercased()
                    guard lowered.contains("://huggingface.co/") || lowered.contains("://hf.co/") else { continue }
                    if let id = HubID.normalize(url), id.contains("/"), !id.hasPrefix("datasets/"), !id.hasPrefix("spaces/") {
                        return (id, version)
                    }
                }
            }
            return nil
        }

        func optionalString(_ value: JSONValue?, _ jsonPath: String) throws(HubParseError) -> String? {
            guard let value, !value.isNull else { return nil }
            guard let text = value.stringValue else { throw fail(value, jsonPath, "must be a string, found \(value.typeName)") }
            return text
        }

        /// `product.cdx.json` → `product`.
        static func fileStem(_ path: String) -> String {
            let base = path.split(separator: "/").last.map(String.init) ?? path
            for suffix in [".cdx.json", ".bom.json", ".json"] where base.lowercased().hasSuffix(suffix) && base.count > suffix.count {
                return String(base.dropLast(suffix.count))
            }
            return base
        }
    }
}

extension String {
    fileprivate func trimmingSpaces() -> Substring { Substring(self).trimmingSpaces() }
}
