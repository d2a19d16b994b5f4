import ArgumentParser

/// `--quiet`, for the commands that write a store or a file and report on standard error or output.
struct QuietFlag: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print no progress line and no summary.")
    var quiet = false
}
