import CGraphviz
import Foundation

// MARK: - Process-wide lock

/// Serialises every call into Graphviz in this process.
///
/// Graphviz (cgraph + gvc) keeps process-global state — the error level and handler, the DOT lexer and
/// parser, layout and rendering globals — and is not thread-safe, even across separate `GVC_t`
/// contexts. Every Graphviz call made by this module runs inside ``withLock(_:)``; any other code in
/// the process that calls into `CGraphviz` directly must do the same.
public enum Graphviz {
    private static let lock = NSLock()

    /// Runs `body` while holding the process-wide Graphviz lock.
    ///
    /// The lock is not reentrant: do not call ``GraphvizRenderer`` methods from inside `body`.
    public static func withLock<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}

// MARK: - Error capture

/// Text Graphviz reported through `agerr` during the current locked operation.
///
/// `nonisolated(unsafe)` is sound here: the only writer is `graphvizErrorSink`, which Graphviz calls
/// synchronously from inside calls this module makes while holding `Graphviz.lock`, and the only other
/// accesses (clearing and reading in `capturingMessages`) also happen under that lock. So every access
/// is serialised by the lock even though the compiler cannot see it.
nonisolated(unsafe) private var capturedGraphvizText: [UInt8] = []

/// C-compatible `agusererrf`: Graphviz calls it with pieces of each message ("Error", ": ", the text).
private let graphvizErrorSink: agusererrf = { message in
    guard let message else { return 0 }
    let length = strlen(message)
    message.withMemoryRebound(to: UInt8.self, capacity: length) {
        capturedGraphvizText.append(contentsOf: UnsafeBufferPointer(start: $0, count: length))
    }
    return 0
}

/// One message Graphviz reported.
public struct GraphvizDiagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case warning, error
    }

    public let severity: Severity
    /// The message text without Graphviz's "Error: "/"Warning: " prefix.
    public let message: String

    public init(severity: Severity, message: String) {
        self.severity = severity
        self.message = message
    }

    public var description: String { "\(severity == .error ? "Error" : "Warning"): \(message)" }

    /// Splits the captured text into messages. A line starting with "Error: "/"Warning: " opens a message;
    /// other lines (Graphviz's continuation lines) are appended to the message before them.
    static func parse(_ text: String) -> [GraphvizDiagnostic] {
        var result: [GraphvizDiagnostic] = []
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if line.hasPrefix("Error: ") {
                result.append(.init(severity: .error, message: String(line.dropFirst(7))))
            } else if line.hasPrefix("Warning: ") {
                result.append(.init(severity: .warning, message: String(line.dropFirst(9))))
            } else if let last = result.popLast() {
                result.append(.init(severity: last.severity, message: last.message + "\n" + line))
            } else {
                result.append(.init(severity: .error, message: line))
            }
        }
        return result
    }
}

/// Runs `body` with Graphviz's messages routed into `capturedGraphvizText` instead of stderr, restoring
/// the previous handler and level afterwards. Caller must hold `Graphviz.lock`.
private func capturingMessages<T>(_ body: () -> T) -> (T, [GraphvizDiagnostic]) {
    capturedGraphvizText.removeAll(keepingCapacity: true)
    // AGWARN: report everything from warnings up, immediately, to our handler (rather than keeping it in
    // the tmpfile behind `aglasterr`, which only remembers the last message and grows without bound).
    let previousHandler = agseterrf(graphvizErrorSink)
    let previousLevel = agseterr(AGWARN)
    _ = agreseterrors()
    defer {
        _ = agseterr(previousLevel)
        _ = agseterrf(previousHandler)
    }
    let value = body()
    let text = String(decoding: capturedGraphvizText, as: UTF8.self)
    capturedGraphvizText.removeAll(keepingCapacity: true)
    return (value, GraphvizDiagnostic.parse(text))
}

// MARK: - Errors

/// A failure reported by, or about, Graphviz, with a readable message.
public struct GraphvizError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    public enum Kind: String, Sendable, Hashable {
        /// The input could not be handed to Graphviz at all (e.g. it contains a NUL byte).
        case invalidInput
        /// The DOT text did not parse.
        case syntax
        /// The layout engine failed.
        case layout
        /// Rendering the laid-out graph failed.
        case render
        /// No plugin on this machine provides the requested output format.
        case formatUnavailable
        /// No plugin on this machine provides the requested layout engine.
        case engineUnavailable
    }

    public let kind: Kind
    /// What went wrong, for people; includes Graphviz's own error text when there is some.
    public let message: String
    /// Everything Graphviz reported during the failed operation.
    public let diagnostics: [GraphvizDiagnostic]

    public init(kind: Kind, message: String, diagnostics: [GraphvizDiagnostic] = []) {
        self.kind = kind
        self.message = message
        self.diagnostics = diagnostics
    }

    public var description: String { message }
    public var errorDescription: String? { message }

    /// `summary`, followed by Graphviz's error lines (or all its lines if it reported no error).
    static func make(_ kind: Kind, _ summary: String, _ diagnostics: [GraphvizDiagnostic]) -> GraphvizError {
        let errors = diagnostics.filter { $0.severity == .error }
        let shown = (errors.isEmpty ? diagnostics : errors).map(\.message)
        let message = shown.isEmpty ? summary : summary + ": " + shown.joined(separator: "; ")
        return GraphvizError(kind: kind, message: message, diagnostics: diagnostics)
    }
}

// MARK: - Formats and engines

/// A Graphviz output format (`-T` value), e.g. `svg`, `png` or `png:cairo`.
public struct GraphvizFormat: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    /// The device name: the part before any `:renderer:formatter` suffix.
    public var device: String { String(rawValue.prefix { $0 != ":" }) }

    /// DOT with layout positions.
    public static let dot: GraphvizFormat = "dot"
    /// DOT with layout positions and drawing operations.
    public static let xdot: GraphvizFormat = "xdot"
    /// Graphviz's line-based layout listing.
    public static let plain: GraphvizFormat = "plain"
    /// `plain` with edge ports.
    public static let plainExt: GraphvizFormat = "plain-ext"
    public static let json: GraphvizFormat = "json"
    public static let svg: GraphvizFormat = "svg"
    public static let png: GraphvizFormat = "png"
    public static let pdf: GraphvizFormat = "pdf"
}

/// A Graphviz layout engine (`-K` value).
public struct LayoutEngine: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    /// Hierarchical (layered) drawings of directed graphs.
    public static let dot: LayoutEngine = "dot"
    /// Radial layout around a root.
    public static let twopi: LayoutEngine = "twopi"
    /// Multiscale force-directed; for large graphs.
    public static let sfdp: LayoutEngine = "sfdp"
    /// Spring model (stress majorisation).
    public static let neato: LayoutEngine = "neato"
    public static let fdp: LayoutEngine = "fdp"
    public static let circo: LayoutEngine = "circo"
}

/// Bytes Graphviz rendered, with any warnings it printed on the way.
public struct GraphvizOutput: Sendable, Hashable {
    public let bytes: [UInt8]
    public let warnings: [GraphvizDiagnostic]
}

// MARK: - Renderer

/// Lays out and renders DOT text in process through libgvc.
///
/// Owns one Graphviz context (`GVC_t`), freed with `gvFreeContext` when the renderer is released.
/// Creating a context reads the plugin registry, and Graphviz 2.42's `gvFreeContext` does not give
/// all of that back (valgrind: ~3.6 KB per context from `gvconfig`), so reuse a renderer (``shared``)
/// rather than making one per drawing. Renders themselves do not leak (Benchmarks/render-valgrind.sh).
/// All Graphviz calls go through the process-wide ``Graphviz/withLock(_:)``, so renderers may be used
/// from any thread; renders are serialised.
public final class GraphvizRenderer: @unchecked Sendable {
    // @unchecked Sendable: `context` is only passed to Graphviz under `Graphviz.withLock`; the other
    // stored properties are immutable values.

    /// A renderer shared by the process, created on first use.
    public static let shared = GraphvizRenderer()

    /// `GVC_t *`.
    private let context: OpaquePointer

    /// Output formats (device names, e.g. `svg`, `png`, `plain`) the installed plugins provide.
    public let availableFormats: Set<String>
    /// Layout engines the installed plugins provide.
    public let availableEngines: Set<String>
    /// Graphviz's version string, e.g. `2.43.0`.
    public let version: String

    public init() {
        var formats: Set<String> = []
        var engines: Set<String> = []
        var version = ""
        let context: OpaquePointer = Graphviz.withLock {
            let (gvc, _) = capturingMessages { gvContext() }
            // gvContext returns NULL only when malloc fails.
            guard let gvc else { fatalError("Graphviz: gvContext() returned NULL (out of memory)") }
            (formats, engines) = Self.plugins(gvc)
            if let v = gvcVersion(gvc) { version = String(cString: v) }
            return gvc
        }
        self.context = context
        self.availableFormats = formats
        self.availableEngines = engines
        self.version = version
    }

    deinit {
        let context = self.context
        Graphviz.withLock {
            _ = capturingMessages { gvFreeContext(context) }
        }
    }

    /// The installed plugins, asked once per process: they come from the system's plugin registry, so
    /// every context sees the same set, and Graphviz 2.42's `gvPluginList` leaks a string per duplicate
    /// name, so asking once keeps that leak constant. Only touched under `Graphviz.lock`, hence
    /// `nonisolated(unsafe)`.
    nonisolated(unsafe) private static var pluginCache: (formats: Set<String>, engines: Set<String>)?

    /// Caller holds the lock.
    private static func plugins(_ gvc: OpaquePointer) -> (formats: Set<String>, engines: Set<String>) {
        if let pluginCache { return pluginCache }
        let found = (formats: pluginNames(gvc, kind: "device"), engines: pluginNames(gvc, kind: "layout"))
        // An empty registry may be fixed (`dot -c`) while we run; only remember a real answer.
        if !found.formats.isEmpty { pluginCache = found }
        return found
    }

    /// Names from `gvPluginList` (caller frees each string and the array). Caller holds the lock.
    private static func pluginNames(_ gvc: OpaquePointer, kind: String) -> Set<String> {
        var count: Int32 = 0
        let (list, _) = capturingMessages { gvPluginList(gvc, kind, &count, nil) }
        guard let list else { return [] }
        var names: Set<String> = []
        for i in 0..<Int(max(count, 0)) {
            if let name = list[i] {
                names.insert(String(cString: name))
                free(name)
            }
        }
        free(list)
        return names
    }

    /// Whether this machine's plugins can render `format`.
    public func supports(_ format: GraphvizFormat) -> Bool { availableFormats.contains(format.device) }

    /// Whether this machine's plugins provide the layout `engine`.
    public func supports(_ engine: LayoutEngine) -> Bool { availableEngines.contains(engine.rawValue) }

    /// Parses `dot`, lays it out with `engine` and renders it as `format`.
    public func render(
        _ dot: String, format: GraphvizFormat = .svg, engine: LayoutEngine = .dot
    ) throws(GraphvizError) -> [UInt8] {
        try renderWithWarnings(dot, format: format, engine: engine).bytes
    }

    /// ``render(_:format:engine:)`` as a String (for text formats such as `svg`, `dot`, `plain`).
    public func renderString(
        _ dot: String, format: GraphvizFormat = .svg, engine: LayoutEngine = .dot
    ) throws(GraphvizError) -> String {
        String(decoding: try render(dot, format: format, engine: engine), as: UTF8.self)
    }

    /// Like ``render(_:format:engine:)``, also returning the warnings Graphviz printed.
    public func renderWithWarnings(
        _ dot: String, format: GraphvizFormat = .svg, engine: LayoutEngine = .dot
    ) throws(GraphvizError) -> GraphvizOutput {
        guard supports(engine) else {
            throw GraphvizError(kind: .engineUnavailable, message: Self.missingEngineMessage(engine, available: availableEngines))
        }
        guard supports(format) else {
            throw GraphvizError(kind: .formatUnavailable, message: Self.missingFormatMessage(format, available: availableFormats))
        }
        guard !dot.utf8.contains(0) else {
            throw GraphvizError(kind: .invalidInput, message: "DOT text contains a NUL byte")
        }
        let context = self.context
        let result: Result<GraphvizOutput, GraphvizError> = Graphviz.withLock {
            let (result, diagnostics) = capturingMessages { () -> Result<[UInt8], GraphvizError> in
                Self.renderLocked(context, dot: dot, format: format, engine: engine)
            }
            // Attach what Graphviz said to the failure or the output.
            switch result {
            case .success(let bytes):
                return .success(GraphvizOutput(bytes: bytes, warnings: diagnostics))
            case .failure(let error):
                return .failure(.make(error.kind, error.message, diagnostics))
            }
        }
        return try result.get()
    }

    /// The name Graphviz's lexer reports input under. `agsetfile` keeps the pointer, so it lives for the
    /// process; it is only passed to Graphviz under the lock.
    nonisolated(unsafe) private static let inputName: UnsafeMutablePointer<CChar> = strdup("dot input")

    /// Parse, layout, render; frees everything it allocates. Caller holds the lock and captures messages.
    private static func renderLocked(
        _ context: OpaquePointer, dot: String, format: GraphvizFormat, engine: LayoutEngine
    ) -> Result<[UInt8], GraphvizError> {
        // Graphviz's lexer keeps its line counter across reads: reset it, so a syntax error names the
        // line of this text, not one counted on from earlier renders.
        agsetfile(inputName)
        guard let graph = agmemread(dot) else {
            let empty = dot.allSatisfy(\.isWhitespace)
            return .failure(GraphvizError(
                kind: .syntax, message: empty ? "DOT text is empty" : "Graphviz could not parse the DOT text"))
        }
        defer { agclose(graph) }

        let laidOut = gvLayout(context, graph, engine.rawValue) == 0
        // Also after a failed layout: gvFreeLayout frees whatever was set up, and is a no-op on a graph
        // that never got layout records.
        defer { gvFreeLayout(context, graph) }
        guard laidOut else {
            return .failure(GraphvizError(kind: .layout, message: "Graphviz layout with \(engine) failed"))
        }

        var data: UnsafeMutablePointer<CChar>? = nil
        var length: UInt32 = 0
        guard gvRenderData(context, graph, format.rawValue, &data, &length) == 0 else {
            if let data { gvFreeRenderData(data) }
            return .failure(GraphvizError(kind: .render, message: "Graphviz could not render \(format)"))
        }
        guard let data else { return .success([]) }
        defer { gvFreeRenderData(data) }
        return .success(data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
            Array(UnsafeBufferPointer(start: $0, count: Int(length)))
        })
    }

    // MARK: Install hints

    /// Devices provided by the Debian 12 package `libgvc6-plugins-gtk` (gdk/gtk/rsvg plugins);
    /// everything else common comes with `libgvc6` (core, dot/neato layouts, gd, pango/cairo, webp, visio).
    private static let gtkDevices: Set<String> = ["bmp", "ico", "tif", "tiff", "gtk"]
    private static let cairoDevices: Set<String> = ["png", "pdf", "ps", "eps", "svg", "jpg", "jpeg", "jpe", "gif", "webp"]

    static func missingFormatMessage(_ format: GraphvizFormat, available: Set<String>) -> String {
        let device = format.device
        var message = "Graphviz on this machine has no plugin for the output format \"\(device)\"."
        if available.isEmpty {
            message += " No output plugins are registered at all: install Graphviz (Debian/Ubuntu: `sudo apt-get install graphviz`, which brings libgvc6) and register its "
                + "plugins with `sudo dot -c`."
        } else if gtkDevices.contains(device) {
            message += " On Debian/Ubuntu it comes from the gdk/gtk plugins: `sudo apt-get install libgvc6-plugins-gtk`, then `sudo dot -c`."
        } else if cairoDevices.contains(device) {
            message += " On Debian/Ubuntu it comes from the cairo/pango plugin (libgvplugin_pango) or the gd plugin in the package libgvc6: `sudo apt-get install graphviz "
                + "libgvc6`, then `sudo dot -c` to refresh the plugin registry."
        } else {
            message += " Graphviz's plugins come from the package libgvc6 on Debian/Ubuntu (`sudo apt-get install graphviz`, then `sudo dot -c`); check that Graphviz "
                + "supports \"\(device)\" at all with `dot -T?`."
        }
        message += " Formats available here: \(available.sorted().joined(separator: ", "))."
        return message
    }

    static func missingEngineMessage(_ engine: LayoutEngine, available: Set<String>) -> String {
        var message = "Graphviz on this machine has no layout engine \"\(engine)\"."
        if ["dot", "neato", "twopi", "sfdp", "fdp", "circo", "osage", "patchwork"].contains(engine.rawValue) {
            message += " On Debian/Ubuntu the layout plugins (libgvplugin_dot_layout, libgvplugin_neato_layout) are in the package libgvc6: `sudo apt-get install graphviz "
                + "libgvc6`, then `sudo dot -c`."
        }
        message += " Engines available here: \(available.sorted().joined(separator: ", "))."
        return message
    }
}
