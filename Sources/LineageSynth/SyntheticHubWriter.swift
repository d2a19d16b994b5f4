import Foundation
import LineageSupport

/// Writes a `SyntheticHub` as hub-stats JSON lines, one Hub model object per line, in creation order.
///
/// Fields: `id`, `author`, `createdAt`, `lastModified` (`…T…:…:….000Z`), `downloads`,
/// `downloadsAllTime`, `likes`, `trendingScore`, `tags` (library, `safetensors` or `gguf`, pipeline,
/// `base_model:P` and `base_model:<relation>:P` per parent, `merge`/`mergekit`, `license:`, `arxiv:`,
/// `region:us`), `pipeline_tag`, `library_name`, `cardData` (an object with `license` and, for
/// derivatives, `base_model` and `base_model_relation`), `baseModels` (`{relation, models: [{id}]}`,
/// for typed derivatives) and `safetensors.total`. Untyped derivatives carry only the `base_model:P`
/// tag and the card's `base_model`, as untyped edges do on the Hub.
///
/// Lines are built as bytes into a 1 MB buffer handed to a sink: no `String` per row.
public struct SyntheticHubWriter: Sendable {
    public let hub: SyntheticHub
    private let authorBytes: [[UInt8]]
    private let stemBytes: [[UInt8]]
    private let danglingBytes: [[UInt8]]
    private let licenseBytes: [[UInt8]]
    private let extras: [Int32: [Int32]]

    public init(hub: SyntheticHub) {
        self.hub = hub
        authorBytes = hub.authors.map(Self.escaped)
        stemBytes = hub.stems.map(Self.escaped)
        danglingBytes = hub.danglingNames.map(Self.escaped)
        licenseBytes = SyntheticHub.licenses.map { Array($0.utf8) }
        var extras: [Int32: [Int32]] = [:]
        for e in hub.extraParents { extras[e.child, default: []].append(e.parent) }
        self.extras = extras
    }

    /// Hands the JSON lines to `sink` in chunks of about `chunkSize` bytes (each ends at a line end).
    /// - Complexity: O(output size).
    public func write(chunkSize: Int = 1 << 20, to sink: ([UInt8]) throws -> Void) rethrows {
        var out: [UInt8] = []
        out.reserveCapacity(chunkSize + 8192)
        var parents: [Int32] = []
        for i in 0..<hub.count {
            parents.removeAll(keepingCapacity: true)
            parents.append(contentsOf: hub.parents[Int(hub.parentStart[i])..<Int(hub.parentStart[i + 1])])
            if let more = extras[Int32(i)] { parents.append(contentsOf: more) }
            appendLine(i, parents: parents, to: &out)
            if out.count >= chunkSize {
                try sink(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        if !out.isEmpty { try sink(out) }
    }

    /// Writes the JSON lines to `path` (`-` for standard output), replacing the file.
    /// - Returns: bytes written.
    /// - Throws: `LineageError` when the file cannot be created or written.
    /// - Complexity: O(output size).
    @discardableResult
    public func write(toFile path: String) throws(LineageError) -> Int {
        let file: UnsafeMutablePointer<FILE>?
        // Standard output through its own FILE (a duplicate descriptor): the C global `stdout` is not
        // concurrency-safe in Swift 6.
        file = path == "-" ? fdopen(dup(1), "wb") : fopen(path, "wb")
        guard let file else { throw LineageError("\(path): cannot create the output file (\(String(cString: strerror(errno))))") }
        var total = 0
        var failed = false
        write { chunk in
            guard !failed else { return }
            let written = chunk.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
            total += written
            if written != chunk.count { failed = true }
        }
        let closed = fclose(file)
        if failed || closed != 0 {
            throw LineageError("\(path): write failed after \(total) bytes (\(String(cString: strerror(errno)))); is the disk full?")
        }
        return total
    }

    // MARK: - One line

    private func appendID(_ p: Int32, to out: inout [UInt8]) {
        if p < 0 {
            out.append(contentsOf: danglingBytes[Int(-p - 1)])
        } else {
            out.append(contentsOf: authorBytes[Int(hub.author[Int(p)])])
            out.append(UInt8(ascii: "/"))
            hub.appendName(of: Int(p), to: &out, stemBytes: stemBytes, tagBytes: SyntheticHub.tagBytes)
        }
    }

    private func appendLine(_ i: Int, parents: [Int32], to out: inout [UInt8]) {
        let kind = hub.kind[i]
        let relation = kind.relation
        let tagWord = kind.relation == nil || kind == .firstParty ? nil : SyntheticHub.tagWords[kind]?[Int(hub.tag[i])]
        let isGGUF = kind == .quantized && (tagWord?.hasSuffix("GGUF") ?? false)
        let pipeline = SyntheticHub.pipelines[Int(hub.stemPipeline[Int(hub.stem[i])])]
        let library = isGGUF ? "gguf" : (kind == .adapter ? "peft" : pipeline.library)

        out.append(contentsOf: #"{"id":""#.utf8)
        appendID(Int32(i), to: &out)
        out.append(contentsOf: #"","author":""#.utf8)
        out.append(contentsOf: authorBytes[Int(hub.author[i])])
        out.append(contentsOf: #"","createdAt":""#.utf8)
        SyntheticHubCalendar.appendTimestamp(hub.created[i], to: &out)
        out.append(contentsOf: #"","lastModified":""#.utf8)
        SyntheticHubCalendar.appendTimestamp(hub.created[i] + Int64(hub.modifiedDelta[i]), to: &out)
        out.append(contentsOf: #"","downloads":"#.utf8)
        Self.appendInteger(Int(hub.downloads[i]), to: &out)
        out.append(contentsOf: #","downloadsAllTime":"#.utf8)
        Self.appendInteger(Int(hub.downloadsAllTime[i]), to: &out)
        out.append(contentsOf: #","likes":"#.utf8)
        Self.appendInteger(Int(hub.likes[i]), to: &out)
        out.append(contentsOf: #","trendingScore":0,"tags":[""#.utf8)
        out.append(contentsOf: library.utf8)
        out.append(contentsOf: isGGUF ? #"",""#.utf8 : #"","safetensors",""#.utf8)
        out.append(contentsOf: pipeline.tag.utf8)
        out.append(UInt8(ascii: "\""))
        for p in parents {
            out.append(contentsOf: #","base_model:"#.utf8)
            appendID(p, to: &out)
            out.append(UInt8(ascii: "\""))
            if let relation, relation != .unknown {
                out.append(contentsOf: #","base_model:"#.utf8)
                out.append(contentsOf: relation.name.utf8)
                out.append(UInt8(ascii: ":"))
                appendID(p, to: &out)
                out.append(UInt8(ascii: "\""))
            }
        }
        if kind == .merge { out.append(contentsOf: #","merge","mergekit""#.utf8) }
        out.append(contentsOf: #","license:"#.utf8)
        out.append(contentsOf: licenseBytes[Int(hub.license[i])])
        if hub.arxiv[i] != 0 {
            out.append(contentsOf: #"","arxiv:"#.utf8)
            appendArxiv(hub.arxiv[i], to: &out)
        }
        out.append(contentsOf: #"","region:us"],"pipeline_tag":""#.utf8)
        out.append(contentsOf: pipeline.tag.utf8)
        out.append(contentsOf: #"","library_name":""#.utf8)
        out.append(contentsOf: library.utf8)
        out.append(contentsOf: #"","cardData":{"license":""#.utf8)
        out.append(contentsOf: licenseBytes[Int(hub.license[i])])
        out.append(UInt8(ascii: "\""))
        if !parents.isEmpty {
            out.append(contentsOf: #","base_model":"#.utf8)
            if parents.count > 1 { out.append(UInt8(ascii: "[")) }
            for (k, p) in parents.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                out.append(UInt8(ascii: "\""))
                appendID(p, to: &out)
                out.append(UInt8(ascii: "\""))
            }
            if parents.count > 1 { out.append(UInt8(ascii: "]")) }
            if let relation, relation != .unknown {
                out.append(contentsOf: #","base_model_relation":""#.utf8)
                out.append(contentsOf: relation.name.utf8)
                out.append(UInt8(ascii: "\""))
            }
        }
        out.append(UInt8(ascii: "}"))
        if let relation, relation != .unknown, !parents.isEmpty {
            out.append(contentsOf: #","baseModels":{"relation":""#.utf8)
            out.append(contentsOf: relation.name.utf8)
            out.append(contentsOf: #"","models":["#.utf8)
            for (k, p) in parents.enumerated() {
                out.append(contentsOf: k == 0 ? #"{"id":""#.utf8 : #",{"id":""#.utf8)
                appendID(p, to: &out)
                out.append(contentsOf: #""}"#.utf8)
            }
            out.append(contentsOf: "]}".utf8)
        }
        if kind != .adapter && kind != .quantized && library == "transformers" {
            out.append(contentsOf: #","safetensors":{"total":"#.utf8)
            Self.appendInteger(Int(hub.stemParameters[Int(hub.stem[i])]), to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(contentsOf: "}\n".utf8)
    }

    private func appendArxiv(_ code: Int32, to out: inout [UInt8]) {
        Self.appendInteger(Int(code / 100_000), to: &out)
        out.append(UInt8(ascii: "."))
        let number = Int(code % 100_000)
        var divisor = 10_000
        while divisor > 0 {
            out.append(UInt8(48 + number / divisor % 10))
            divisor /= 10
        }
    }

    /// Appends the decimal digits of `value`.
    /// - Complexity: O(digits).
    @inline(__always)
    package static func appendInteger(_ value: Int, to out: inout [UInt8]) {
        if value < 0 {
            out.append(UInt8(ascii: "-"))
            appendInteger(-value, to: &out)
            return
        }
        if value < 10 {
            out.append(UInt8(48 + value))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var v = value
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while v > 0 {
                buffer[count] = UInt8(48 + v % 10)
                v /= 10
                count += 1
            }
            for k in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[k]) }
        }
    }

    /// A string's UTF-8 bytes with JSON escapes for quotes, backslashes and control characters.
    package static func escaped(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(b)
            case 0..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(Array("0123456789abcdef".utf8)[Int(b >> 4)])
                out.append(Array("0123456789abcdef".utf8)[Int(b & 15)])
            default: out.append(b)
            }
        }
        return out
    }
}
