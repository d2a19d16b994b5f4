extension InputFormat {
    /// The first `count` bytes of a file's content, decompressed when the file is gzip (its first bytes
    /// are `1f 8b`, whatever its name), for `detect(prefix:)`.
    /// - Throws: `HubParseError` when the file cannot be read or its gzip data is damaged within the prefix.
    public static func contentPrefix(ofFile path: String, count: Int = 64 * 1024) throws(HubParseError) -> [UInt8] {
        try InputFile(path: path).peek(count)
    }

    /// Whether the file is gzip-compressed, judged by its first two bytes.
    public static func isGzip(path: String) throws(HubParseError) -> Bool {
        try InputFile(path: path).isGzip
    }
}
