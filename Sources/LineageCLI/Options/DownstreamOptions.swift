import ArgumentParser

/// What the commands listing downstream entities share: the user's registry file and `--all-papers`.
struct DownstreamOptions: ParsableArguments {
    @OptionGroup var registry: RegistryFileOption

    @Flag(help: "Also list papers that model-card templates cite whatever the model (left out by default; see README).")
    var allPapers = false
}
