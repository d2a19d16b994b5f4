import ArgumentParser
import LineageKit

/// What a read command opens, as named on its command line: the store, the user's families file and
/// whether inferred relations count. `session(registry:)` turns them into the one ``LineageSession``.
struct SessionOptions: ParsableArguments {
    @OptionGroup var storeOptions: StoreOptions

    @Option(
        name: .customLong("families"),
        help: ArgumentHelp(
            "A CSV of extra families (header family_id,label,hf_org,access_class,tracking_scope,aliases).",
            discussion: "Its rows add to the shipped list; a row with a shipped family_id replaces that family.",
            valueName: "file"))
    var familiesFile: String?

    @Flag(help: ArgumentHelp(
        "Ignore edges whose relation was inferred; follow only relations the inputs declared.",
        discussion: "Untyped base_model tags get a relation by the rules in docs/METRICS.md (`lineage stats` counts them)."))
    var declaredOnly = false

    @Flag(help: ArgumentHelp(
        "Keep models marked removed from the Hub in the graph.",
        discussion: "A deletions list or a later full snapshot marks models removed (docs/STORE.md, History); the graph of now leaves them out."))
    var includeRemoved = false

    /// The session these options name, with the user's registry file when the command takes one.
    func session(registry: RegistryFileOption? = nil) -> LineageSession {
        LineageSession(
            locator: storeOptions.locator, familiesFile: familiesFile,
            registryFile: registry?.file, declaredOnly: declaredOnly, includeRemoved: includeRemoved)
    }
}
