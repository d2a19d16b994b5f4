import Foundation

/// An HTTP response: status, header fields (names lowercased) and the whole body.
public struct HTTPResponse: Sendable {
    public var status: Int
    /// Header fields by lowercased name.
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, headers: [String: String] = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, second in first + ", " + second })
        self.body = body
    }

    /// A header field's value, by case-insensitive name.
    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}
