import ArgumentParser
import LineageKit

/// `--relation LIST`, for the commands that follow lineage edges.
struct RelationOption: ParsableArguments {
    @Option(help: ArgumentHelp("Follow only these relations: finetune, adapter, quantized, merge, unknown (comma-separated).", valueName: "list"))
    var relation: String?

    /// The relations the list names; nil when `--relation` is not given.
    func mask() throws -> RelationMask? {
        try relation.map(LineageQueries.relationMask(from:))
    }
}
