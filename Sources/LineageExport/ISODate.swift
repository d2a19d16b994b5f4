import LineageHub

/// Unix seconds as ISO 8601 UTC text (`2024-07-11T08:15:00Z`) for export, unknown dates as nil.
package enum ISODate {
    /// `HubTimestamp.format` of the timestamp, or nil for `NodeColumns.unknownDate` and years outside 0…9999.
    package static func text(_ seconds: Int64) -> String? {
        guard seconds > -62_167_219_200, seconds < 253_402_300_800 else { return nil }  // 0000-01-01 ..< 10000-01-01
        return HubTimestamp.format(seconds)
    }
}
