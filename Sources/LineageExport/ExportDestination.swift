import Foundation
import LineageGraph
import LineageSupport

/// Where an export goes, checked before anything is written: standard output (`-`), one file, or for
/// CSV and TSV two files beside each other (`out/llama.csv` → `out/llama.nodes.csv`, `out/llama.edges.csv`).
///
/// Files are written under temporary names in their folder and renamed only when the whole export
/// succeeded, so a failed export leaves nothing behind and never half-overwrites a file.
public struct ExportDestination: Sendable {
    /// The final paths: one, or node list then edge list; empty for standard output.
    public let paths: [String]

    /// Checks `output` for `format`.
    /// - Throws: `LineageError` when the folder does not exist, a file exists and `force` is false, or
    ///   standard output is asked for a two-file format.
    public init(output: String, format: ExportFormat, force: Bool) throws(LineageError) {
        if output == "-" {
            guard !format.isTwoFiles else {
                throw LineageError("--format \(format.rawValue) writes two files (nodes and edges); name them with -o FILE.\(format.rawValue), not -")
            }
            paths = []
            return
        }
        guard !output.isEmpty else { throw LineageError("-o needs a file name, or - for standard output") }
        if format.isTwoFiles {
            var stem = output
            if stem.lowercased().hasSuffix("." + format.fileExtension) { stem.removeLast(format.fileExtension.count + 1) }
            paths = ["\(stem).nodes.\(format.fileExtension)", "\(stem).edges.\(format.fileExtension)"]
        } else {
            paths = [output]
        }
        let manager = FileManager.default
        for path in paths {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                throw LineageError("cannot write \(MessageText.quote(path)): the folder \(MessageText.quote(folder)) does not exist")
            }
            if manager.fileExists(atPath: path, isDirectory: &isFolder) {
                if isFolder.boolValue { throw LineageError("cannot write \(MessageText.quote(path)): it is a folder") }
                if !force { throw LineageError("\(MessageText.quote(path)) exists; pass --force to replace it") }
            }
        }
    }

    /// Runs `body` with sinks on the destination (the second one unused for single-file formats), then
    /// moves the files into place; on any error the temporary files are removed and nothing is left.
    package func write<T>(_ body: (inout ExportSink, inout ExportSink) throws -> T) throws -> T {
        if paths.isEmpty {
            var out = ExportSink(handle: FileHandle.standardOutput), unused = ExportSink()
            return try body(&out, &unused)
        }
        let manager = FileManager.default
        let temporaries = paths.map { path -> String in
            let url = URL(fileURLWithPath: path)
            return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())").path
        }
        var handles: [FileHandle] = []
        defer {
            for handle in handles { try? handle.close() }
            for temporary in temporaries where manager.fileExists(atPath: temporary) { try? manager.removeItem(atPath: temporary) }
        }
        for (temporary, path) in zip(temporaries, paths) {
            guard manager.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
                throw LineageError("cannot write \(MessageText.quote(path)): the folder is not writable")
            }
            handles.append(handle)
        }
        var first = ExportSink(handle: handles[0])
        var second = handles.count > 1 ? ExportSink(handle: handles[1]) : ExportSink()
        let result = try body(&first, &second)
        for handle in handles { try handle.synchronize() }
        for (temporary, path) in zip(temporaries, paths) {
            if manager.fileExists(atPath: path) { try manager.removeItem(atPath: path) }
            try manager.moveItem(atPath: temporary, toPath: path)
        }
        return result
    }
}
