/// Byte-level escaping of text into the export formats, appended to a buffer without intermediate strings.
package enum ExportEscaping {
    /// XML character data or attribute value: `& < > " '` as entities, tab and line breaks as character
    /// references (so attribute normalization keeps them), and the code points XML 1.0 cannot carry at all
    /// (other C0 controls, U+FFFE, U+FFFF) as U+FFFD. Ingest refuses ids with control characters, so real
    /// data never loses one.
    package static func appendXML(_ text: String, to out: inout [UInt8]) {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x26: out += Array("&amp;".utf8)
            case 0x3C: out += Array("&lt;".utf8)
            case 0x3E: out += Array("&gt;".utf8)
            case 0x22: out += Array("&quot;".utf8)
            case 0x27: out += Array("&apos;".utf8)
            case 0x09: out += Array("&#9;".utf8)
            case 0x0A: out += Array("&#10;".utf8)
            case 0x0D: out += Array("&#13;".utf8)
            case 0x00..<0x20, 0xFFFE, 0xFFFF: out += Array("\u{FFFD}".utf8)
            default: appendScalar(scalar, to: &out)
            }
        }
    }

    /// A JSON string literal, quotes included: `"` and `\` escaped, control characters as `\uXXXX`.
    package static func appendJSONString(_ text: String, to out: inout [UInt8]) {
        out.append(0x22)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0D: out += [0x5C, UInt8(ascii: "r")]
            case 0x09: out += [0x5C, UInt8(ascii: "t")]
            case 0x00..<0x20, 0x7F, 0x2028, 0x2029:
                out += Array("\\u".utf8)
                let hex = String(scalar.value, radix: 16)
                out += Array((String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default: appendScalar(scalar, to: &out)
            }
        }
        out.append(0x22)
    }

    /// An RFC 4180 CSV field: quoted (with doubled quotes) when it holds a comma, quote or line break.
    package static func appendCSV(_ text: String, to out: inout [UInt8]) {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            out += utf8
            return
        }
        out.append(0x22)
        for byte in utf8 {
            out.append(byte)
            if byte == 0x22 { out.append(0x22) }
        }
        out.append(0x22)
    }

    /// A TSV field: tabs and line breaks become spaces (TSV has no quoting), as `--format tsv` does elsewhere.
    package static func appendTSV(_ text: String, to out: inout [UInt8]) {
        for byte in text.utf8 { out.append(byte == 0x09 || byte == 0x0A || byte == 0x0D ? 0x20 : byte) }
    }

    private static func appendScalar(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        if scalar.isASCII {
            out.append(UInt8(scalar.value))
        } else {
            out += Array(String(scalar).utf8)
        }
    }
}
