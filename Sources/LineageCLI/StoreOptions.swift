import ArgumentParser

/// The store a command works on, shared by every subcommand.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The SQLite store to use.",
            discussion: "Defaults to $LINEAGE_STORE, else $XDG_DATA_HOME/lineage/lineage.sqlite (~/.local/share/lineage/lineage.sqlite).",
            valueName: "path"))
    var store: String?
}
