import ArgumentParser
import Foundation
import LineageGraph
import LineageKit

/// The `lineage` command: parses arguments, calls LineageKit, prints. No logic lives here.
@main
struct Lineage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lineage",
        abstract: "Map how open AI models descend from one another on the Hugging Face Hub.",
        discussion: """
            Lineage ingests Hub metadata (model objects, edge lists, list_models exports) into a SQLite \
            store and answers questions about model lineage.

            With no store configured, read-only commands answer from the bundled default snapshot \
            (4,167 real Hub models). Name a store with --store PATH or LINEAGE_STORE; `lineage ingest` \
            writes to $XDG_DATA_HOME/lineage/lineage.sqlite by default.
            """,
        version: "0.1.0",
        subcommands: [
            Ask.self, Queries.self, Claims.self, Descendants.self, Ancestors.self, Reach.self, LockIn.self, Families.self,
            Downstream.self, TimelineCommand.self, Registry.self, Render.self, Report.self, Export.self, Bom.self, Ingest.self,
            Diff.self, Sync.self, Stats.self, Synth.self,
            BenchEngine.self, BenchCompare.self,
        ]
    )

    /// Runs the command like ArgumentParser's own `main`, except that an error's message never reaches
    /// the terminal with a control character from the input in it: those are escaped (`\u{1B}`), line
    /// breaks of the message itself kept. Messages quote input through `MessageText.quote`; this is the
    /// last line of defence for any that does not.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as any LineageFailure {
            // The one place a library error becomes text: every layer's error gives its one line.
            let line = MessageText.escapeControls(failure.description, keepingNewlines: true)
            FileHandle.standardError.write(Data("Error: \(line)\n".utf8))
            exit(withError: ExitCode.failure)
        } catch {
            let message = fullMessage(for: error)
            let safe = MessageText.escapeControls(message, keepingNewlines: true)
            guard safe != message else { exit(withError: error) }
            FileHandle.standardError.write(Data((safe + "\n").utf8))
            exit(withError: ExitCode(exitCode(for: error).rawValue))
        }
    }
}
