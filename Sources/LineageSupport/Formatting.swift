import Foundation

/// Number formatting shared by the reports.
package enum Formatting {
    /// `12345` → `12,345`.
    package static func group(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return value < 0 ? "-" + out : out
    }

    package static func group(_ value: Int) -> String { group(Int64(value)) }

    /// A value with `digits` decimals, without locale.
    package static func fixed(_ value: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }

    /// `0.4567` → `45.7%`.
    package static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }

    /// A table cell as a machine-readable number: `617,210` → `617210`, `45.7%` → `0.457`; any other text
    /// is returned unchanged.
    package static func raw(_ cell: String) -> String {
        var text = cell
        let isPercent = text.hasSuffix("%")
        if isPercent { text.removeLast() }
        let grouped = text.split(separator: ",", omittingEmptySubsequences: false)
        if grouped.count > 1 {
            let head = grouped[0].hasPrefix("-") ? grouped[0].dropFirst() : grouped[0]
            guard (1...3).contains(head.count), head.allSatisfy(\.isASCIIDigitLike),
                  grouped.dropFirst().allSatisfy({ group in
                      let digits = group.prefix { $0 != "." }
                      return digits.count == 3 && digits.allSatisfy(\.isASCIIDigitLike)
                  })
            else { return cell }
            text = grouped.joined()
        }
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")),
              text.allSatisfy({ $0.isASCIIDigitLike || $0 == "." || $0 == "-" }), !text.isEmpty
        else { return cell }
        return isPercent ? "\(value / 100)" : text
    }

    /// `12345` → `12345` (machine output: no grouping).
    package static func raw(_ value: Int64) -> String { String(value) }

    /// A share in 0…1 as its shortest exact decimal form.
    package static func raw(_ value: Double) -> String { "\(value)" }
}

extension Character {
    /// `0`…`9` only.
    fileprivate var isASCIIDigitLike: Bool { ("0"..."9").contains(self) }
}
