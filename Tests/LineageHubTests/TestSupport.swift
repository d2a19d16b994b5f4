import Foundation
import LineageGraph
@testable import LineageHub

/// Scratch files for one test, each in its own unique directory (tests run in parallel).
enum Scratch {
    private static let root = FileManager.default.temporaryDirectory
        .appendingPathComponent("LineageHubTests-\(ProcessInfo.processInfo.processIdentifier)")

    static func write(_ bytes: [UInt8], name: String = "input.jsonl") throws -> String {
        let dir = root.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    static func write(_ text: String, name: String = "input.jsonl") throws -> String {
        try write(Array(text.utf8), name: name)
    }

    /// Removes a file written by `write` and its directory.
    static func remove(_ path: String) {
        try? FileManager.default.removeItem(at: URL(fileURLWithPath: path).deletingLastPathComponent())
    }
}

/// Everything one parse delivered.
struct ParseOutcome {
    var records: [ModelRecord]
    var batches: [Int]
    var report: HubFileParser.Report
    var progress: [Int64]
}

func parseFile(
    _ path: String, format: InputFormat = .hubJSON, skipInvalid: Bool = false, batchSize: Int = 4096
) throws -> ParseOutcome {
    let parser = HubFileParser(skipInvalid: skipInvalid, batchSize: batchSize)
    var records: [ModelRecord] = []
    var batches: [Int] = []
    var progress: [Int64] = []
    let report = try parser.parse(path: path, format: format, progress: { progress.append($0) }) { batch in
        batches.append(batch.count)
        records.append(contentsOf: batch)
    }
    return ParseOutcome(records: records, batches: batches, report: report, progress: progress)
}

/// Parses `text` written to a scratch file.
func parseText(
    _ text: String, name: String = "input.jsonl", format: InputFormat = .hubJSON,
    skipInvalid: Bool = false, batchSize: Int = 4096
) throws -> ParseOutcome {
    let path = try Scratch.write(text, name: name)
    defer { Scratch.remove(path) }
    return try parseFile(path, format: format, skipInvalid: skipInvalid, batchSize: batchSize)
}

func parseBytes(
    _ bytes: [UInt8], name: String = "input.jsonl", format: InputFormat = .hubJSON,
    skipInvalid: Bool = false, batchSize: Int = 4096
) throws -> ParseOutcome {
    let path = try Scratch.write(bytes, name: name)
    defer { Scratch.remove(path) }
    return try parseFile(path, format: format, skipInvalid: skipInvalid, batchSize: batchSize)
}

/// The single record a one-object input yields.
func parseOne(_ json: String) throws -> ModelRecord {
    let outcome = try parseText(json)
    guard outcome.records.count == 1 else {
        throw HubParseError(path: "test", line: 0, message: "expected one record, got \(outcome.records.count)")
    }
    return outcome.records[0]
}

/// The error a parse throws, or nil when it succeeds (or throws something other than `HubParseError`).
func parseErrorOf(_ body: () throws -> Void) -> HubParseError? {
    do {
        try body()
        return nil
    } catch let error as HubParseError {
        return error
    } catch {
        return HubParseError(path: "<not a HubParseError>", line: -1, message: "\(error)")
    }
}

func P(_ id: String, _ relation: Relation, _ provenance: EdgeProvenance = .declared) -> ParentLink {
    ParentLink(id: id, relation: relation, provenance: provenance)
}

extension ModelRecord {
    /// The record as it was before relation inference: inferred parents back to `unknown`, `declared`.
    var uninferred: ModelRecord {
        var copy = self
        copy.parents = parents?.map { $0.provenance.isInferred ? ParentLink(id: $0.id, relation: .unknown) : $0 }
        return copy
    }
}
