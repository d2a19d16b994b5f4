import Foundation
import LineageGraph
import LineageCatalog
import LineageHub
import LineageStore
import LineageSupport

/// Ingests input files into a store: detects formats, hashes content, parses in batches and writes
/// everything in one transaction, so a failure or an interruption leaves the store as it was.
public struct Ingestor {
    public var options: IngestOptions

    public init(options: IngestOptions = IngestOptions()) {
        self.options = options
    }

    /// One snapshot's worth of input: a file, or an edge list together with its node lists.
    package struct InputGroup {
        var files: [(path: String, format: InputFormat)]
        /// The bundled default snapshot, added in front of inputs that describe no models.
        var isBundledDefault = false
        /// The day the input describes: `--as-of`, else a weekly file's name; nil means the ingest time.
        var asOf: Int64?
        var label: String {
            files.map { ($0.path as NSString).lastPathComponent }.joined(separator: " + ")
        }
        var format: InputFormat { files.first { $0.format == .edgeCSV }?.format ?? files[0].format }
    }

    // MARK: - Ingest

    /// Ingests `paths` into `store`, calling `progress` now and then from the calling thread.
    public func ingest(
        paths: [String], into store: LineageStore, progress: ((IngestProgress) -> Void)? = nil
    ) throws -> IngestResult {
        let start = Date()
        var (groups, emptyFiles) = try plan(paths)
        if options.startFromBundledDefault, !groups.isEmpty, !groups.contains(where: { $0.files.contains { $0.format.describesModels } }),
           try store.snapshotCount() == 0 {
            groups.insert(InputGroup(files: [(try BundledDefault.path(), .hubJSON)], isBundledDefault: true), at: 0)
        }
        var sizes: [String: Int64] = [:]
        for group in groups {
            for file in group.files { sizes[file.path] = FileDigest.size(path: file.path) ?? 0 }
        }
        var hashes: [String: String] = [:]
        /// Hashes a file up front (for no-op detection before any parsing).
        func hash(_ path: String) throws -> String {
            if let known = hashes[path] { return known }
            let digest = try FileDigest.sha256(path: path).hex
            hashes[path] = digest
            return digest
        }
        var result = IngestResult()
        result.emptyFiles = emptyFiles
        let parser = HubFileParser(skipInvalid: options.skipInvalid)
        let now = Int64(start.timeIntervalSince1970)

        let renames = try options.renames ?? RenameTable.bundled()
        result.inputs = try store.ingestTransaction(renames: renames) { writer in
            var inputs: [IngestResult.Input] = []
            for group in groups {
                let totalBytes = group.files.reduce(0) { $0 + sizes[$1.path]! }
                var input = IngestResult.Input(
                    label: group.label, format: group.format, alreadyIngestedAs: nil, summary: nil,
                    problems: [], skipped: 0, bytes: totalBytes)
                input.isBundledDefault = group.isBundledDefault
                // A single file whose size no ingested file had cannot be a duplicate: hash it while parsing
                // instead of reading it twice.
                let hashWhileParsing = try group.files.count == 1 && group.format.describesModels
                    && !writer.hasSnapshotFile(bytes: totalBytes)
                let pendingHash = "pending:" + UUID().uuidString
                let files = try group.files.map { file in
                    IngestWriter.SourceFile(
                        path: Self.absolute(file.path), sha256: hashWhileParsing ? pendingHash : try hash(file.path),
                        bytes: sizes[file.path]!, format: file.format.rawValue)
                }
                let contentHash = hashWhileParsing ? pendingHash
                    : files.count == 1 ? files[0].sha256
                    : FileDigest.sha256(text: files.map { "\($0.format):\($0.sha256)" }.sorted().joined(separator: "\n"))
                if !hashWhileParsing, let existing = try writer.snapshot(withContentHash: contentHash) {
                    input.alreadyIngestedAs = existing
                    inputs.append(input)
                    continue
                }
                let history = SnapshotHistory(
                    asOf: group.asOf,
                    changeList: group.format == .weeklyCSV ? .added : group.format == .weeklyDeletionsCSV ? .removed : nil,
                    fullScope: group.format.describesModels && !group.isBundledDefault ? options.fullSnapshot : nil)
                input.asOf = group.asOf
                try writer.beginSnapshot(
                    label: group.label, format: group.format.rawValue, contentHash: contentHash, ingestedAt: now, files: files,
                    history: history)
                var records = 0
                var bytesBefore: Int64 = 0
                let report = { (path: String, done: Int64) in
                    progress?(IngestProgress(path: path, bytesDone: bytesBefore + done, bytesTotal: totalBytes,
                                             records: records, elapsed: Date().timeIntervalSince(start)))
                }
                if group.files.count == 1, !group.format.describesModels {
                    // Spaces or a bill of materials: small files, parsed whole, written in this transaction.
                    let parsed = try Self.ingestDownstream(group.files[0], writer: writer, skipInvalid: options.skipInvalid)
                    input.problems = parsed.problems
                    input.skipped = parsed.skipped
                    input.notes = parsed.notes
                    report(group.files[0].path, totalBytes)
                } else if group.files.count == 1 {
                    let file = group.files[0]
                    let digest = hashWhileParsing ? StreamingDigest() : nil
                    let parsed = try Self.parseConcurrently(parser: parser, file: file, digest: digest) { batch, bytesDone in
                        if file.format == .weeklyDeletionsCSV { try writer.addRemovals(batch) } else { try writer.add(batch) }
                        records += batch.count
                        report(file.path, bytesDone)
                    }
                    if let digest { try writer.setContentHash(digest.finalize()) }
                    input.problems = parsed.problems
                    input.skipped = parsed.skipped
                } else {
                    // An edge list with its node lists: join them into one set of records.
                    var nodes: [String: ModelRecord] = [:]
                    var nodeOrder: [String] = []
                    var edgeRecords: [ModelRecord] = []
                    for file in group.files {
                        let parsed = try parser.parse(path: file.path, format: file.format, progress: { report(file.path, $0) }) { batch in
                            if file.format == .nodeCSV {
                                for record in batch {
                                    let key = HubID.key(record.id)
                                    if nodes[key] == nil { nodeOrder.append(key) }
                                    nodes[key] = record
                                }
                            } else {
                                edgeRecords.append(contentsOf: batch)
                            }
                        }
                        bytesBefore += sizes[file.path]!
                        input.problems += parsed.problems
                        input.skipped += parsed.skipped
                    }
                    var joined: [ModelRecord] = []
                    joined.reserveCapacity(max(edgeRecords.count, nodes.count))
                    var seen = Set<String>()
                    for var record in edgeRecords {
                        let key = HubID.key(record.id)
                        seen.insert(key)
                        if let node = nodes[key] {
                            record.author = node.author ?? record.author
                            record.architecture = node.architecture
                        }
                        joined.append(record)
                    }
                    // With the edge list at hand, a node that is no edge's target has no parents.
                    for key in nodeOrder where !seen.contains(key) {
                        var record = nodes[key]!
                        record.parents = []
                        joined.append(record)
                    }
                    for start in stride(from: 0, to: joined.count, by: parser.batchSize) {
                        try writer.add(Array(joined[start..<min(start + parser.batchSize, joined.count)]))
                    }
                    records = joined.count
                }
                input.summary = try writer.finishSnapshot(skipped: input.skipped)
                inputs.append(input)
            }
            if inputs.contains(where: { $0.summary != nil }) {
                try writer.mergeLegacyIDs()
                result.mergedLegacyIDs = writer.mergedLegacyIDs
                var absent = 0
                if let scope = options.fullSnapshot {
                    absent = try writer.markAbsent(scope: scope, asOf: options.asOf ?? now)
                }
                result.removals = try writer.settleRemovals()
                result.removals.absent = absent
            }
            return inputs
        }
        result.seconds = Date().timeIntervalSince(start)
        return result
    }

    // MARK: - Spaces and projects

    /// Parses a Space file or a CycloneDX BOM and writes it into the open snapshot.
    package static func ingestDownstream(
        _ file: (path: String, format: InputFormat), writer: IngestWriter, skipInvalid: Bool
    ) throws -> (problems: [HubParseError], skipped: Int, notes: [String]) {
        switch file.format {
        case .spaceJSON:
            let (records, report) = try SpaceFileParser(skipInvalid: skipInvalid).parse(path: file.path)
            try writer.add(spaces: records)
            return (report.problems, report.skipped, [])
        case .cycloneDX:
            let project = try CycloneDXParser.parse(path: file.path)
            try writer.add(project: project, source: absolute(file.path))
            var notes: [String] = []
            if project.nameFromFile {
                notes.append("the BOM has no metadata.component.name; the project is named '\(project.name)' after the file")
            }
            for item in project.unidentified {
                notes.append("\(file.path):\(item.line): \(item.jsonPath) (\(MessageText.quote(item.name))) is a machine-learning-model without a Hub id; not linked")
            }
            return ([], 0, notes)
        default:
            preconditionFailure("\(file.format) describes models")
        }
    }

    // MARK: - Pipeline

    /// Parses `file` on a second thread while the calling thread consumes the batches (writes them),
    /// so parsing and SQLite work overlap on two cores.
    package static func parseConcurrently(
        parser: HubFileParser, file: (path: String, format: InputFormat), digest: StreamingDigest?,
        consume: ([ModelRecord], Int64) throws -> Void
    ) throws -> HubFileParser.Report {
        let channel = BatchChannel<([ModelRecord], Int64)>(capacity: 4)
        let outcome = ParseOutcome()
        let path = file.path
        let format = file.format
        let thread = Thread {
            var bytesDone: Int64 = 0
            do {
                let report = try parser.parse(
                    path: path, format: format, onBytes: digest.map { digest in { digest.update($0) } },
                    progress: { bytesDone = $0 }
                ) { batch in
                    guard channel.put((batch, bytesDone)) else { throw CancellationError() }
                }
                outcome.report = report
                channel.finish()
            } catch {
                channel.finish(throwing: error)
            }
        }
        thread.stackSize = 8 << 20
        thread.start()
        do {
            while let (batch, bytesDone) = try channel.take() {
                try consume(batch, bytesDone)
            }
        } catch {
            channel.cancel()
            outcome.waitForProducer(channel)
            throw error
        }
        return outcome.report ?? HubFileParser.Report()
    }

    // MARK: - Planning

    /// Checks the files, detects their formats and groups edge lists with node lists. Empty files (no
    /// bytes, or only blank lines) are set aside: there is nothing in them to ingest, and that is no error.
    package func plan(_ paths: [String]) throws -> (groups: [InputGroup], empty: [String]) {
        guard !paths.isEmpty else { throw IngestError("no input files given") }
        var groups: [InputGroup] = []
        var empty: [String] = []
        var csvGraph: [(path: String, format: InputFormat)] = []
        for path in paths {
            if try Self.isBlank(path) {
                empty.append(path)
                continue
            }
            let format = try options.format ?? detectFormat(path).refined(forPath: path)
            switch format {
            case .edgeCSV, .nodeCSV: csvGraph.append((path, format))
            default: groups.append(InputGroup(files: [(path, format)]))
            }
        }
        let edgeLists = csvGraph.filter { $0.format == .edgeCSV }
        let nodeLists = csvGraph.filter { $0.format == .nodeCSV }
        if edgeLists.count > 1, !nodeLists.isEmpty {
            throw IngestError("give one edge list per ingest when node lists come with it (found \(edgeLists.count) edge lists)")
        }
        if !edgeLists.isEmpty {
            groups.append(InputGroup(files: nodeLists + edgeLists))
        } else {
            for node in nodeLists { groups.append(InputGroup(files: [node])) }
        }
        try datedWeeklyGroups(&groups)
        return (groups, empty)
    }

    /// Whether the file holds nothing but whitespace (and perhaps a byte-order mark), once decompressed
    /// when it is gzip.
    /// - Throws: when the file is missing or cannot be read.
    package static func isBlank(_ path: String) throws -> Bool {
        try checkReadable(path)
        let window = 64 * 1024
        let prefix = try InputFormat.contentPrefix(ofFile: path, count: window + 1)
        var bytes = prefix[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        // A blank 64 KB start may still be followed by content: then the parsers decide.
        return prefix.count <= window && bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    /// - Throws: `IngestError` when `path` is missing, a directory or unreadable.
    private static func checkReadable(_ path: String) throws(IngestError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw IngestError(file: path, "no such file")
        }
        if isDirectory.boolValue { throw IngestError(file: path, "cannot read (a directory)") }
        if !FileManager.default.isReadableFile(atPath: path) { throw IngestError(file: path, "cannot read (permission denied)") }
    }

    private func detectFormat(_ path: String) throws -> InputFormat {
        try Self.checkReadable(path)
        // Decompressed when the file is gzip: the format is the content's, whatever the file is named.
        let prefix = try InputFormat.contentPrefix(ofFile: path)
        if prefix.isEmpty {
            throw IngestError(file: path, "\(try InputFormat.isGzip(path: path) ? "the file holds no data once decompressed" : "the file is empty")")
        }
        if let what = InputFormat.unsupportedDocument(prefix: prefix) {
            throw IngestError(file: path, "this is \(what)")
        }
        guard let format = InputFormat.detect(prefix: prefix) else {
            let names = InputFormat.allCases.map(\.rawValue).joined(separator: ", ")
            throw IngestError(file: path, "cannot tell the format from its first bytes; name it with --format (\(names))")
        }
        return format
    }

    package static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        return (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
    }
}
