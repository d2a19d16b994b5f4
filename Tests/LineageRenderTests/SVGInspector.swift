import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses SVG with XMLParser (no external entities, no network): well-formedness plus the text of
/// every `<title>` and `<text>` element.
final class SVGInspector: NSObject, XMLParserDelegate {
    private(set) var titles: [String] = []
    private(set) var texts: [String] = []
    private(set) var elementNames: Set<String> = []
    private(set) var attributeNames: Set<String> = []
    private var current: String?
    private var buffer = ""

    /// Why the bytes are not well-formed XML; nil when they are.
    private(set) var error: String?

    private override init() { super.init() }

    static func inspect(_ bytes: [UInt8]) -> SVGInspector {
        let inspector = SVGInspector()
        let parser = XMLParser(data: Data(bytes))
        parser.shouldResolveExternalEntities = false
        parser.delegate = inspector
        if !parser.parse() {
            inspector.error = parser.parserError.map { String(describing: $0) } ?? "unknown XML error"
        }
        return inspector
    }

    var isWellFormed: Bool { error == nil }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        elementNames.insert(elementName)
        attributeNames.formUnion(attributeDict.keys)
        if elementName == "title" || elementName == "text" {
            current = elementName
            buffer = ""
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if current != nil { buffer += string }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        guard elementName == current else { return }
        if elementName == "title" { titles.append(buffer) } else { texts.append(buffer) }
        current = nil
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if error == nil { error = String(describing: parseError) }
    }
}
