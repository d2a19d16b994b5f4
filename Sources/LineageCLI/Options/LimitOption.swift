import ArgumentParser

/// `--limit N`: how many rows a listing prints, 0 for all.
struct LimitOption: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("Rows to print (0: all; default 50). Totals always cover every row.", valueName: "n"))
    var limit: Int?

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 (all) or more") }
    }

    /// The rows to print: `--limit`, else `defaultRows`; nil for all.
    func rows(default defaultRows: Int? = 50) -> Int? {
        guard let limit else { return defaultRows }
        return limit == 0 ? nil : limit
    }
}
