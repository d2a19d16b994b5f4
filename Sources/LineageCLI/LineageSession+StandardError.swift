import Foundation
import LineageKit

extension LineageSession {
    /// `queries()`, and on standard error the one line `StoreSizeNote` has for a store with no or few
    /// Hub models (unless `noteSmallStore` is false: `ask` puts the note in its answer instead).
    func openQueries(noteSmallStore: Bool = true) throws -> (queries: LineageQueries, store: String) {
        let opened = try queries()
        if noteSmallStore, let note = StoreSizeNote.text(for: opened.queries.loaded.data, store: opened.store) {
            FileHandle.standardError.write(Data((note + "\n").utf8))
        }
        return opened
    }
}
