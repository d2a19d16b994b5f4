import ArgumentParser

/// `--registry FILE`, for every command that reads the organization registry.
struct RegistryFileOption: ParsableArguments {
    @Option(
        name: .customLong("registry"),
        help: ArgumentHelp(
            "A registry CSV of your own organizations layered over the bundled registry and the store's rows (its rows win).",
            valueName: "file"))
    var file: String?
}
