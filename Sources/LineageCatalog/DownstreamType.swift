import Foundation

/// The kinds of things downstream of a model family.
public enum DownstreamType: String, Sendable, Codable, CaseIterable, Comparable {
    /// A Hub namespace that authored derivative models of the family.
    case organization
    /// A Hub Space that uses a member model.
    case space
    /// An arXiv paper linked (`arxiv:` tag) to a member model.
    case paper
    /// A product or project whose bill of materials lists a member model.
    case project

    /// Parses `organization(s)`, `org(s)`, `space(s)`, `paper(s)`, `project(s)`, case-insensitively.
    public init?(word: String) {
        var key = word.trimmingCharacters(in: .whitespaces).lowercased()
        if key.hasSuffix("s") { key.removeLast() }
        switch key {
        case "organization", "org", "organisation", "author": self = .organization
        case "space": self = .space
        case "paper": self = .paper
        case "project", "product": self = .project
        default: return nil
        }
    }

    public static func < (lhs: DownstreamType, rhs: DownstreamType) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
