import LineageStore
import LineageSupport

/// The one line that warns when a store holds no Hub models, or far fewer than the bundled default: its
/// answers then cover only what was ingested into it, which a question's "No matching entities" would
/// otherwise hide.
public enum StoreSizeNote {
    /// Stores with fewer models than this share of the bundled default's are "far fewer".
    public static let smallShare = 0.1

    /// The note for a store holding `models` Hub models (external parents not counted), or nil when the
    /// store is the bundled default or not small.
    public static func text(models: Int, store: String) -> String? {
        guard store != BundledDefault.description else { return nil }
        let bundled = "the bundled default has \(Formatting.group(BundledDefault.modelCount))"
        if models == 0 {
            return "Note: this store holds no Hub models (\(bundled)); answers cover only the Spaces, projects and registry rows ingested into it."
        }
        guard Double(models) < Double(BundledDefault.modelCount) * smallShare else { return nil }
        return "Note: this store holds only \(Formatting.group(models)) Hub model\(models == 1 ? "" : "s") (\(bundled)); answers cover only those."
    }

    /// The note for the graph `data` read from `store`.
    /// - Complexity: O(n).
    public static func text(for data: GraphData, store: String) -> String? {
        text(models: data.isExternal.lazy.filter { !$0 }.count, store: store)
    }
}
