import Foundation

/// What kind of organization owns a Hub namespace.
public enum OrganizationKind: String, Sendable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    /// The largest technology companies (Alphabet, Meta, Microsoft, Alibaba, Tencent…).
    case bigTech = "big-tech"
    /// A young venture-funded company whose main business is AI.
    case startup
    /// Any other company.
    case company
    /// A university or academic lab.
    case academic
    /// A non-profit institute or foundation.
    case nonprofit
    /// A government body or state-owned research institute.
    case government
    /// An open community or collective without a legal owner (mlx-community, EleutherAI…).
    case community
    /// An organization whose kind is not known: the Hub says the namespace is an organization account
    /// (`lineage sync --namespaces`), or a curator found a group's name but nothing more.
    case organization
    /// One person's account.
    case individual

    public var description: String { rawValue }

    /// Parses a kind, case-insensitively; `bigtech`, `big tech` and `big_tech` mean `big-tech`.
    public init?(word: String) {
        let key = word.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
        switch key {
        case "bigtech": self = .bigTech
        case "startups": self = .startup
        case "companies": self = .company
        case "university", "universities", "academia": self = .academic
        case "individuals", "person", "people", "user": self = .individual
        case "org": self = .organization
        default:
            guard let kind = OrganizationKind(rawValue: key) else { return nil }
            self = kind
        }
    }

    /// Whether the kind is a company of any size (big tech, startup, other company).
    public var isCompany: Bool { self == .bigTech || self == .startup || self == .company }

    /// Whether the kind says more than "an organization" (every kind but the `organization` placeholder).
    public var isSpecific: Bool { self != .organization }

    /// Whether the namespace belongs to an organization of any kind (every kind but `individual`).
    public var isOrganization: Bool { self != .individual }

    public static func < (lhs: OrganizationKind, rhs: OrganizationKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The accepted spellings, for error messages.
    public static var list: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
