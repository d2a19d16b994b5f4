import Foundation
import LineageHub
import LineageKit
import LineageStore
import LineageTestSupport
import Testing

/// The weekly files of `msc-2025-weekly` (../shared/hubdata, tests only) ingested as history, and
/// `HistoryDiff` between weeks against a count of the raw files written here (its own CSV reader).
/// A sample of the last two weeks keeps `swift test` fast; `scripts/check-history.py` checks all 16.
private let weekly = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/hubdata/msc-2025-weekly").path
private let sampleWeeks = ["0625", "0702"]
private let weeklyAvailable = sampleWeeks.allSatisfy {
    FileManager.default.fileExists(atPath: "\(weekly)/added/added_model_\($0).csv")
        && FileManager.default.fileExists(atPath: "\(weekly)/deleted/deleted_model_\($0).csv")
}

@Suite("History on the real weekly files", .enabled(if: weeklyAvailable, "needs ../shared/hubdata/msc-2025-weekly"))
struct HistoryRealDataTests {
    let directory = TemporaryDirectory()

    /// Rows (`Model ID`, `Base Model`) of a weekly file: a plain RFC 4180 split, written for this test.
    static func rows(_ path: String) throws -> [(id: String, parents: [String])] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var rows: [[String]] = []
        var field = "", row: [String] = [], quoted = false
        var iterator = text.makeIterator()
        var pending: Character?
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true
            } else if c == "," { row.append(field); field = ""
            } else if c == "\n" || c == "\r\n" { row.append(field); rows.append(row); row = []; field = ""
            } else if c != "\r" { field.append(c) }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        #expect(rows.first == ["Model ID", "Type", "Base Model"])
        return rows.dropFirst().filter { $0.count == 3 && !$0[0].isEmpty }.map { r in
            (r[0].trimmingCharacters(in: .whitespaces),
             r[2].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        }
    }

    @Test func twoWeeksIngestAsDatedStepsAndDiffEqualsTheFiles() throws {
        let files = sampleWeeks.flatMap { ["\(weekly)/deleted/deleted_model_\($0).csv", "\(weekly)/added/added_model_\($0).csv"] }
        let store = try LineageStore.openOrCreate(path: directory.file("weeks.sqlite"))
        let result = try Ingestor().ingest(paths: files, into: store)
        #expect(result.inputs.map(\.label) == sampleWeeks.flatMap { ["added_model_\($0).csv", "deleted_model_\($0).csv"] })
        #expect(result.inputs.map { $0.asOf.map(FileNameDate.format) ?? "" } == ["2025-06-25", "2025-06-25", "2025-07-02", "2025-07-02"])

        // The reference: per week, the files' distinct ids (case-insensitive, as the Hub), and edges first seen.
        var added: [String: Set<String>] = [:], deleted: [String: Set<String>] = [:]
        var addedAuthors: [String: [String: Int]] = [:]
        var firstEdgeWeek: [String: String] = [:]
        for week in sampleWeeks {
            for row in try Self.rows("\(weekly)/added/added_model_\(week).csv") {
                let key = row.id.lowercased()
                if added[week, default: []].insert(key).inserted {
                    addedAuthors[week, default: [:]][String(row.id.split(separator: "/").first ?? "?"), default: 0] += 1
                }
                for parent in row.parents where parent.lowercased() != key {
                    let edge = key + "<-" + parent.lowercased()
                    if firstEdgeWeek[edge] == nil { firstEdgeWeek[edge] = week }
                }
            }
            deleted[week] = Set(try Self.rows("\(weekly)/deleted/deleted_model_\(week).csv").map { $0.id.lowercased() })
        }

        let queries = LineageQueries(loaded: LoadedGraph(data: try store.graphData(includeRemoved: true)), catalog: try FamilyCatalog.load())
        let diff = HistoryDiff(store: store, storeDescription: "weeks", registry: try OrganizationRegistry.load()) { queries }
        for (from, to, weeks) in [("2025-06-18", "2025-06-25", ["0625"]), ("2025-06-25", "2025-07-02", ["0702"]), ("2025-06-01", "2025-07-02", sampleWeeks)] {
            let report = try diff.report(from: from, to: to, limit: nil)
            let expectedAdded = weeks.reduce(into: Set<String>()) { $0.formUnion(added[$1]!) }
            let expectedRemoved = weeks.reduce(into: Set<String>()) { $0.formUnion(deleted[$1]!) }
            #expect(report.added == expectedAdded.count, "added \(from)..\(to)")
            #expect(report.removed == expectedRemoved.count, "removed \(from)..\(to)")
            #expect(report.addedAndRemoved == expectedAdded.intersection(expectedRemoved).count)
            #expect(report.newEdges == firstEdgeWeek.values.filter { weeks.contains($0) }.count, "new edges \(from)..\(to)")
            if weeks.count == 1 {
                let organizations = Dictionary(uniqueKeysWithValues: report.groups.filter { $0.by == "organization" && $0.added > 0 }.map { ($0.name, $0.added) })
                #expect(organizations == addedAuthors[weeks[0]]!, "added per organization \(from)..\(to)")
            }
        }
        // Removed models are out of the graph of now (a removed parent stays only as an external node).
        let removedNow = deleted["0702"]!.union(deleted["0625"]!.subtracting(added["0702"]!))
        let presentNow = added["0625"]!.union(added["0702"]!).subtracting(removedNow)
        let data = try store.graphData()
        let now = Set(data.names.indices.filter { !data.isExternal[$0] }.map { data.names[$0].lowercased() })
        #expect(now.isSuperset(of: presentNow))
        #expect(now.isDisjoint(with: removedNow))
        let all = try store.graphData(includeRemoved: true)
        #expect(Set(all.names.map { $0.lowercased() }).isSuperset(of: removedNow))
    }
}
