import ArgumentParser
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
            Ask.self, Queries.self, Descendants.self, Ancestors.self, Reach.self, LockIn.self, Families.self,
            Downstream.self, Registry.self, Render.self, Ingest.self, Sync.self, Stats.self, Synth.self,
            BenchEngine.self, BenchCompare.self,
        ]
    )
}
