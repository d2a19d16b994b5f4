import ArgumentParser
import LineageKit

/// `--country CODES` and `--kind KINDS`: only organizations the registry places in one of these
/// countries and kinds (`downstream`, `registry list`).
struct OwnerFilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only organizations from these countries (ISO codes, comma-separated).", valueName: "codes"))
    var country: String?

    @Option(help: ArgumentHelp("Only organizations of these kinds, comma-separated.", valueName: "kinds"))
    var kind: String?

    /// The countries named; nil when `--country` is not given.
    func countries() throws -> Set<String>? { try country.map(RegistryCommandSupport.countries) }

    /// The kinds named; nil when `--kind` is not given.
    func kinds() throws -> Set<OrganizationKind>? { try kind.map(RegistryCommandSupport.kinds) }
}
