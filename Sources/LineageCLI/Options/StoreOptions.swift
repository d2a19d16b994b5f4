import ArgumentParser
import LineageKit

/// The store a command works on, shared by every subcommand.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The SQLite store to use.",
            discussion: "Defaults to $LINEAGE_STORE, else $XDG_DATA_HOME/lineage/lineage.sqlite (~/.local/share/lineage/lineage.sqlite).",
            valueName: "path"))
    var store: String?

    /// Where the store is: `--store`, else `$LINEAGE_STORE`, the default store or the bundled default.
    var locator: StoreLocator { StoreLocator(explicitPath: store) }

    /// A session over that store with the shipped families and the registry without a user's file.
    var session: LineageSession { LineageSession(locator: locator) }
}
