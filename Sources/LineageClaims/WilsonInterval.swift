import Foundation

/// The 95% Wilson score interval of a share `successes / trials`: sound for small samples and for
/// shares near 0 or 1, where the normal approximation is not.
public struct WilsonInterval: Sendable, Equatable, Codable {
    public var lower: Double
    public var upper: Double

    /// - Precondition: `0 <= successes <= trials`; with no trials the interval is [0, 1].
    public init(successes: Int, trials: Int, z: Double = 1.959964) {
        guard trials > 0 else {
            lower = 0
            upper = 1
            return
        }
        let n = Double(trials)
        let p = Double(min(max(successes, 0), trials)) / n
        let z2 = z * z
        let denominator = 1 + z2 / n
        let center = (p + z2 / (2 * n)) / denominator
        let half = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / denominator
        lower = max(0, center - half)
        upper = min(1, center + half)
    }

    public func contains(_ value: Double) -> Bool { value >= lower && value <= upper }
}
