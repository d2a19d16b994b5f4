import Foundation
import LineageSupport

/// A failure of `lineage sync`: the URL concerned, the Hub's HTTP status when it answered, and the one
/// line to show (never holding the token).
public struct SyncError: LineageFailure {
    /// The URL whose request or answer failed; nil for a bad token, endpoint or saved cursor.
    public var url: URL?
    /// The HTTP status the Hub answered with, when it answered.
    public var status: Int?
    /// What failed, where (the URL, shortened to origin, path and page cursor) and what to do.
    public var message: String

    public init(_ message: String, url: URL? = nil, status: Int? = nil) {
        self.message = message
        self.url = url
        self.status = status
    }

    public var description: String { message }

    /// The same failure (URL and status kept) with its message rewritten, e.g. put into a run's context.
    func rewording(_ reword: (String) -> String) -> SyncError {
        SyncError(reword(message), url: url, status: status)
    }
}
