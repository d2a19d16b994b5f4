/// A report that reads as text in every format but JSON, and as JSON (``JSONOutput``) in that one.
public protocol TextReport: RenderableReport {
    /// The report for people.
    var text: String { get }
}

extension TextReport {
    public func render(_ format: OutputFormat, width: Int? = nil) throws -> String {
        format == .json ? try JSONOutput.string(self) : text
    }
}
