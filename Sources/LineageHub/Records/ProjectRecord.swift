/// A product or project described by an AI bill of materials: its name and the Hub models it uses.
public struct ProjectRecord: Sendable, Equatable {
    /// One Hub model the project uses, directly or as the ancestor of a component it uses.
    public struct ModelUse: Sendable, Equatable {
        /// The Hub id, display case.
        public var model: String
        /// The Hub id of the component whose `pedigree.ancestors` name this model; nil for a direct use.
        public var via: String?
        /// The revision of a `pkg:huggingface/…@rev` purl, when given.
        public var revision: String?
        /// Where the BOM names it, e.g. `$.components[2].pedigree.ancestors[0]`.
        public var jsonPath: String
        /// 1-based line of that place in the file.
        public var line: Int

        public init(model: String, via: String? = nil, revision: String? = nil, jsonPath: String, line: Int) {
            self.model = model
            self.via = via
            self.revision = revision
            self.jsonPath = jsonPath
            self.line = line
        }
    }

    /// A machine-learning-model component that names no Hub model (an API model, an in-house file).
    public struct Unidentified: Sendable, Equatable {
        public var name: String
        public var jsonPath: String
        public var line: Int
    }

    /// `metadata.component.name`, else the file's name without extension.
    public var name: String
    /// Whether `name` came from the file name because the BOM has no `metadata.component.name`.
    public var nameFromFile: Bool
    public var group: String?
    public var version: String?
    /// `metadata.component.supplier.name`, else `metadata.supplier.name`, else `metadata.manufacturer.name`.
    public var supplier: String?
    public var serialNumber: String?
    /// `1.5` or `1.6`.
    public var specVersion: String
    /// `metadata.timestamp`, unix seconds.
    public var timestamp: Int64?
    /// The models used, direct uses first in BOM order, then ancestors; one entry per (model, via).
    public var uses: [ModelUse]
    /// Model components without a Hub id, kept for the report.
    public var unidentified: [Unidentified]

    public init(
        name: String, nameFromFile: Bool = false, group: String? = nil, version: String? = nil, supplier: String? = nil,
        serialNumber: String? = nil, specVersion: String = "1.6", timestamp: Int64? = nil,
        uses: [ModelUse] = [], unidentified: [Unidentified] = []
    ) {
        self.name = name
        self.nameFromFile = nameFromFile
        self.group = group
        self.version = version
        self.supplier = supplier
        self.serialNumber = serialNumber
        self.specVersion = specVersion
        self.timestamp = timestamp
        self.uses = uses
        self.unidentified = unidentified
    }

    /// The distinct Hub ids used, direct or through ancestors, in first-seen order (case-insensitive).
    public var modelIDs: [String] {
        var seen = Set<String>()
        return uses.map(\.model).filter { seen.insert(HubID.key($0)).inserted }
    }
}
