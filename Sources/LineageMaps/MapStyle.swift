import LineageGraph
import LineageRender

/// How a lineage map looks: node fill by the author's country, shape by kind, edge style by relation,
/// short labels. Pure functions of their inputs, so DOT output is deterministic.
public enum MapStyle {
    // MARK: - Countries

    /// Fill for nodes whose author has no known country.
    public static let unknownCountryFill = "#eeeeee"

    /// Fixed fills for the countries most AI labs come from; colour-blind-friendly pastels.
    package static let countryFills: [String: String] = [
        "US": "#9ecae1", "CN": "#fc9272", "FR": "#bcbddc", "DE": "#fdd0a2", "GB": "#a1d99b",
        "CA": "#f5c6e0", "JP": "#fee391", "KR": "#c7e9c0", "IN": "#fdae6b", "IL": "#d9f0a3",
        "AE": "#e7cb94", "SG": "#b3de69", "CH": "#ffffb3", "NL": "#fccde5", "SE": "#80b1d3",
        "TW": "#ccebc5", "HK": "#ffed6f", "RU": "#d9d9d9", "ES": "#bebada", "IT": "#8dd3c7",
    ]

    /// The fill of nodes from `country` (ISO 3166-1 alpha-2); unknown codes get a stable pastel
    /// derived from the code (FNV-1a, not Swift's per-process seeded hashing).
    public static func fill(forCountry country: String?) -> String {
        guard let code = country?.uppercased(), !code.isEmpty else { return unknownCountryFill }
        if let fixed = countryFills[code] { return fixed }
        var hash: UInt32 = 2_166_136_261
        for byte in code.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        let hue = Double(hash % 360) / 360
        return hsvHex(hue: hue, saturation: 0.28, value: 0.95)
    }

    /// `#rrggbb` for an HSV colour (components in 0…1).
    package static func hsvHex(hue: Double, saturation: Double, value: Double) -> String {
        let h = hue * 6, i = Int(h) % 6, f = h - Double(Int(h))
        let p = value * (1 - saturation), q = value * (1 - f * saturation), t = value * (1 - (1 - f) * saturation)
        let (r, g, b): (Double, Double, Double) = switch i {
        case 0: (value, t, p)
        case 1: (q, value, p)
        case 2: (p, value, t)
        case 3: (p, q, value)
        case 4: (t, p, value)
        default: (value, p, q)
        }
        func hex(_ x: Double) -> String {
            let v = max(0, min(255, Int((x * 255).rounded())))
            let s = String(v, radix: 16)
            return s.count == 1 ? "0" + s : s
        }
        return "#" + hex(r) + hex(g) + hex(b)
    }

    // MARK: - Shapes

    /// Node attributes for a kind: Hub models are rounded boxes, external parents dashed ones,
    /// organizations houses, Spaces hexagons, papers notes, projects components.
    public static func shape(for kind: NodeKind) -> DOTAttributes {
        switch kind {
        case .model: ["shape": "box", "style": "rounded,filled"]
        case .external: ["shape": "box", "style": "rounded,filled,dashed"]
        case .organization: ["shape": "house", "style": "filled"]
        case .space: ["shape": "hexagon", "style": "filled"]
        case .paper: ["shape": "note", "style": "filled"]
        case .project: ["shape": "component", "style": "filled"]
        }
    }

    // MARK: - Edges

    /// Edge attributes for a relation (`RelationTraits.dotAttributes`): finetune solid, adapter dashed,
    /// quantized dotted, merge bold, unknown grey.
    public static func edge(for relation: Relation) -> DOTAttributes {
        var attributes = DOTAttributes()
        for (name, value) in relation.traits.dotAttributes { attributes[name] = value }
        return attributes
    }

    /// The edge legend line of the map's title.
    public static let relationLegend =
        "edges: " + Relation.table.map { "\($0.name) \($0.legend)" }.joined(separator: " · ")

    // MARK: - Text

    /// Longest short name drawn in a node, in characters.
    public static let shortNameLength = 32

    /// What a label shows of a Hub id: the part after the namespace, with control characters and line
    /// breaks turned into spaces and long names cut with `…` (whole characters, so no broken emoji).
    public static func shortName(_ id: String) -> String {
        let base = id.split(separator: "/", maxSplits: 1).count == 2 ? String(id.split(separator: "/", maxSplits: 1)[1]) : id
        return truncated(singleLine(base), to: shortNameLength)
    }

    /// `text` on one line: every control character (line breaks included) becomes a space;
    /// a CR LF pair becomes one space.
    public static func singleLine(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            if scalar == "\n", previousWasCR { continue }
            out.append(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}" ? " " : scalar)
        }
        return String(out)
    }

    /// `text` cut to `length` characters, the last one replaced by `…` when cut.
    public static func truncated(_ text: String, to length: Int) -> String {
        guard text.count > length else { return text }
        return String(text.prefix(max(0, length - 1))) + "…"
    }

    /// `1234567` → `1.2M`, `12345` → `12K`, `999` → `999`.
    public static func compact(_ value: Int64) -> String {
        let v = Double(max(0, value))
        func one(_ x: Double, _ unit: String) -> String {
            let tenths = (x * 10).rounded() / 10
            return tenths >= 10 || tenths == tenths.rounded() ? "\(Int(tenths.rounded()))\(unit)" : "\(tenths)\(unit)"
        }
        if v >= 999_500_000 { return one(v / 1e9, "B") }
        if v >= 999_500 { return one(v / 1e6, "M") }
        if v >= 1e4 { return "\(Int((v / 1e3).rounded()))K" }
        if v >= 1e3 { return one(v / 1e3, "K") }
        return String(Int(v))
    }

    /// The Hub page of a model id, its path percent-encoded (letters, digits, `-._~/` kept), so the link
    /// is a plain URL whatever the id holds.
    public static func hubURL(_ id: String) -> String {
        var out = "https://huggingface.co/"
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
