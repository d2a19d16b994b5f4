import LineageHub
import LineageSupport

extension Ingestor {
    /// Dates the groups (`--as-of`, else a weekly file's name) and puts the weekly files in date order,
    /// a day's additions before its deletions, after the other inputs, so a history given in any order
    /// is replayed as it happened. Checks that `--full-snapshot` is given only with inputs that can be one.
    /// - Throws: `LineageError` naming a weekly file whose name holds no date (`file: …`), or an
    ///   input that cannot be a full snapshot.
    func datedWeeklyGroups(_ groups: inout [InputGroup]) throws {
        for i in groups.indices {
            let file = groups[i].files[0]
            if let asOf = options.asOf {
                groups[i].asOf = asOf
            } else if file.format.isWeekly {
                guard let day = FileNameDate.day(ofPath: file.path) else {
                    throw LineageError("\(file.path): cannot read the week's date from the file name "
                        + "(expected YYYY-MM-DD, YYYYMMDD, or _MMDD under a folder naming the year); give it with --as-of YYYY-MM-DD")
                }
                groups[i].asOf = day
            }
            if options.fullSnapshot != nil {
                if file.format.isWeekly || !file.format.describesModels {
                    throw LineageError("\(file.path): a \(file.format) file cannot be a full snapshot; "
                        + "--full-snapshot takes model listings (hub-json, list-models-csv, edge-csv)")
                }
            }
        }
        if options.fullSnapshot != nil, options.skipInvalid {
            throw LineageError("--full-snapshot cannot be combined with --skip-invalid: a snapshot with skipped records "
                + "is not full, and its missing models would be marked removed")
        }
        let weekly = groups.filter { $0.files[0].format.isWeekly }
        guard !weekly.isEmpty else { return }
        let ordered = weekly.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.asOf != y.asOf { return (x.asOf ?? 0) < (y.asOf ?? 0) }
            let (fx, fy) = (x.files[0].format == .weeklyDeletionsCSV, y.files[0].format == .weeklyDeletionsCSV)
            return fx != fy ? !fx : a.offset < b.offset
        }.map(\.element)
        groups = groups.filter { !$0.files[0].format.isWeekly } + ordered
    }
}
