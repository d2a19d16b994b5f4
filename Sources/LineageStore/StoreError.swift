/// Every failure of the store, with the context a user needs: which store, what was being done, and why.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// The store's path (`:memory:` for an in-memory store).
    public var path: String
    public var message: String
    /// A write broke one of the store's constraints (two ids the store cannot keep apart): an internal
    /// failure the user should see described, never as SQLite's own message.
    public var isConstraint = false

    public init(path: String, message: String, isConstraint: Bool = false) {
        self.path = path
        self.message = message
        self.isConstraint = isConstraint
    }

    /// The failure of a write that broke a constraint, in words, without SQLite's message.
    static func constraint(path: String, what: String = "two records") -> StoreError {
        StoreError(
            path: path,
            message: "write failed: \(what) could not be kept apart in the store; nothing was written (please report this with the input)",
            isConstraint: true)
    }

    public var description: String { "store \(path): \(message)" }
}
