/// What a command prints, in any output format: the one output layer of every command.
///
/// ``TabularReport`` (summary, table, footer; CSV and TSV of the rows) and ``TextReport`` (text, or
/// JSON) are the two kinds; the CLI prints any of them the same way.
public protocol RenderableReport: Encodable {
    /// The report in `format`; a table is narrowed to `width` characters when given.
    func render(_ format: OutputFormat, width: Int?) throws -> String
}
