import Foundation
import Testing
@testable import LineageHub

@Suite("HubTimestamp")
struct HubTimestampTests {
    /// Epoch values computed independently (Python `calendar.timegm`).
    @Test(arguments: [
        ("1970-01-01T00:00:00Z", Int64(0)),
        ("1970-01-01", 0),
        ("1969-12-31T23:59:59Z", -1),
        ("2000-02-29T12:00:00Z", 951_825_600),
        ("2024-02-29T00:00:00Z", 1_709_164_800),
        ("2024-02-29", 1_709_164_800),
        ("2100-03-01T00:00:00Z", 4_107_542_400),
        ("1900-03-01T00:00:00Z", -2_203_891_200),
        ("1600-02-29T00:00:00Z", -11_670_998_400),
        ("2016-12-31T23:59:59Z", 1_483_228_799),
        ("2038-01-19T03:14:08Z", 2_147_483_648),
        ("2023-09-06 14:49:15+00:00", 1_694_011_755),
        ("2023-09-06T16:49:15+02:00", 1_694_011_755),
        ("2023-09-06T16:49:15+0200", 1_694_011_755),
        ("2023-09-06T16:49:15+02", 1_694_011_755),
        ("2023-09-06T09:19:15-05:30", 1_694_011_755),
        ("2023-09-06T14:49:15.123456789Z", 1_694_011_755),
        ("2023-09-06T14:49:15z", 1_694_011_755),
        ("2023-09-06T14:49Z", 1_694_011_740),
        ("2023-09-06T14:49", 1_694_011_740),
        ("2024-03-01T00:30:00+01:00", 1_709_249_400), // the offset crosses back into February
    ])
    func knownValues(text: String, seconds: Int64) {
        #expect(HubTimestamp.parse(text) == seconds)
        #expect(HubTimestamp.parse(Substring(text)) == seconds)
    }

    @Test func agreesWithISO8601DateFormatter() throws {
        let plain = ISO8601DateFormatter()
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        for text in [
            "2024-10-12T09:51:40Z", "2024-10-12T11:02:05+02:00", "1999-12-31T23:59:59-08:00",
            "2020-02-29T12:34:56Z", "2022-03-27T01:30:00+05:45",
        ] {
            let date = try #require(plain.date(from: text), "\(text)")
            #expect(HubTimestamp.parse(text) == Int64(date.timeIntervalSince1970), "\(text)")
        }
        for text in ["2024-10-12T09:51:40.000Z", "2024-10-12T11:02:05.123+02:00", "2026-04-01T00:00:00.999Z"] {
            let date = try #require(fractional.date(from: text), "\(text)")
            // Fractions are dropped, not rounded.
            #expect(HubTimestamp.parse(text) == Int64(date.timeIntervalSince1970.rounded(.down)), "\(text)")
        }
    }

    @Test func formatRoundTripsAndMatchesFoundation() {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        // A deterministic spread from 1901 to 2099, plus the edges of days and leap days.
        var values: [Int64] = [0, -1, 1, 86_399, 86_400, 951_782_400, 951_868_799, 1_709_164_800, 4_107_542_399, -2_208_988_800]
        var x: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2000 {
            x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            values.append(Int64(x >> 11) % 6_311_390_400 - 2_177_452_800)
        }
        for seconds in values {
            let text = HubTimestamp.format(seconds)
            #expect(HubTimestamp.parse(text) == seconds, "\(seconds) → \(text)")
            #expect(text == formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds))), "\(seconds)")
            #expect(HubTimestamp.formatDate(seconds) == String(text.prefix(10)))
        }
        #expect(HubTimestamp.format(-1) == "1969-12-31T23:59:59Z")
        #expect(HubTimestamp.format(1_709_164_800) == "2024-02-29T00:00:00Z")
        #expect(HubTimestamp.formatDate(951_825_600) == "2000-02-29")
    }

    @Test func leapYears() {
        #expect(HubTimestamp.parse("2024-02-29") != nil)
        #expect(HubTimestamp.parse("2000-02-29") != nil) // divisible by 400
        #expect(HubTimestamp.parse("1900-02-29") == nil) // divisible by 100, not 400
        #expect(HubTimestamp.parse("2023-02-29") == nil)
        #expect(HubTimestamp.parse("2100-02-29") == nil)
        #expect(HubTimestamp.parse("2024-03-01")! - HubTimestamp.parse("2024-02-28")! == 2 * 86_400)
        #expect(HubTimestamp.parse("2023-03-01")! - HubTimestamp.parse("2023-02-28")! == 86_400)
        #expect(HubTimestamp.parse("2025-01-01")! - HubTimestamp.parse("2024-01-01")! == 366 * 86_400)
    }

    @Test(arguments: [
        "", " ", "2024", "2024-03", "24-03-01", "2024/03/01", "2024-3-1", "2024-03-1",
        "2024-00-10", "2024-13-01", "2024-01-00", "2024-01-32", "2024-04-31", "2024-06-31", "2024-02-30",
        "2024-01-01T", "2024-01-01X10:00", "2024-01-01T1:00", "2024-01-01T24:00:00", "2024-01-01T10:60",
        "2024-01-01T10:00:61", "2024-01-01T10:00:00.", "2024-01-01T10:00:00,5", "2024-01-01T10:00:00+",
        "2024-01-01T10:00:00+2", "2024-01-01T10:00:00+02:0", "2024-01-01T10:00:00Zjunk", "2024-01-01T10:00:00 UTC",
        "2024-01-01 ", " 2024-01-01", "yesterday", "2024-01-01T10:00:00+02:00:00", "１２３４-01-01",
    ])
    func invalid(text: String) {
        #expect(HubTimestamp.parse(text) == nil, "\(text.debugDescription)")
    }
}

@Suite("HubID")
struct HubIDTests {
    @Test(arguments: [
        ("Qwen/Qwen2.5-7B", "Qwen/Qwen2.5-7B"),
        ("  Qwen/Qwen2.5-7B \t", "Qwen/Qwen2.5-7B"),
        ("\nQwen/Qwen2.5-7B\r\n", "Qwen/Qwen2.5-7B"),
        ("\u{00A0}Qwen/Qwen2.5-7B\u{00A0}", "Qwen/Qwen2.5-7B"),
        ("Qwen/Qwen2.5-7B\u{3000}", "Qwen/Qwen2.5-7B"),
        ("\u{2003}Qwen/Qwen2.5-7B", "Qwen/Qwen2.5-7B"),
        ("org/modèle", "org/modèle"),
        ("hfmodels/name", "hfmodels/name"),
        ("Helsinki-NLP/opus-mt-en-de", "Helsinki-NLP/opus-mt-en-de"),
        ("gpt2", "gpt2"),
        ("https://huggingface.co/org/name", "org/name"),
        ("https://huggingface.co/org/name/", "org/name"),
        ("https://huggingface.co/org/name/tree/main", "org/name"),
        ("https://huggingface.co/org/name/resolve/main/model.safetensors", "org/name"),
        ("HTTPS://HuggingFace.co/Org/Name/tree/main", "Org/Name"),
        ("http://huggingface.co/org/name", "org/name"),
        ("https://hf.co/org/name", "org/name"),
        ("huggingface.co/org/name", "org/name"),
        ("hf.co/org/name", "org/name"),
        ("https://huggingface.co/gpt2", "gpt2"),
        ("org/name/", "org/name"),
        ("org/name//", "org/name"),
    ])
    func normalize(raw: String, id: String) {
        #expect(HubID.normalize(raw) == id)
    }

    @Test func normalizeEmpty() {
        #expect(HubID.normalize("") == nil)
        #expect(HubID.normalize("   ") == nil)
        #expect(HubID.normalize("/") == nil)
    }

    @Test func key() {
        #expect(HubID.key("Qwen/Qwen2.5-7B") == "qwen/qwen2.5-7b")
        #expect(HubID.key("Qwen/Qwen2.5-7B") == HubID.key("qwen/QWEN2.5-7b"))
        #expect(HubID.key("gpt2") == "gpt2")
        #expect(HubID.key("Org/ÉCOLE") == HubID.key("org/école"))
    }

    @Test func namespace() {
        #expect(HubID.namespace(of: "Qwen/Qwen2.5-7B") == "Qwen")
        #expect(HubID.namespace(of: "gpt2") == nil)
        #expect(HubID.namespace(of: "a/b/c") == "a")
        #expect(HubID.namespace(of: "/b") == "")
    }
}
