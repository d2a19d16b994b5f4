import LineageGraph

extension JSONScanner {
    /// Reads a timestamp field: an ISO string (with or without zone and fraction), epoch seconds or
    /// milliseconds (some exports write those), or null.
    mutating func readTimestamp(field: StaticString) throws(JSONScanError) -> Int64? {
        switch try peekKind() {
        case .null:
            try skipValue()
            return nil
        case .string:
            let start = position
            let (range, _) = try readRawString()
            guard let seconds = HubTimestamp.parse(UnsafeBufferPointer(rebasing: bytes[range])) else {
                throw JSONScanError(offset: start, message: "\"\(field)\" is not a timestamp: \(MessageText.quote(string(range), limit: 40))")
            }
            return seconds
        case .number:
            let value = try readInteger(field: field)
            return value > 100_000_000_000 ? value / 1000 : value
        default:
            throw wrongType(field: field, expected: "a timestamp string")
        }
    }
}
