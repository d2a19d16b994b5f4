/// Every failure of the store, with the context a user needs: which store, what was being done, and why.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// The store's path (`:memory:` for an in-memory store).
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "store \(path): \(message)" }
}
