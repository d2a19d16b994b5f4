import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A tiny HTTP/1.1 server for sync tests: listens on 127.0.0.1 only (a free port the kernel picks), answers
/// each request from a handler on a background thread, one connection at a time, `Connection: close`, and
/// records every request's target and headers. Call `stop()` when done (the serving thread holds it).
package final class SyncTestServer: @unchecked Sendable {
    package struct Request: Sendable {
        package var method: String
        /// Path and query, as sent.
        package var target: String
        /// Header fields by lowercased name.
        package var headers: [String: String]

        /// A query parameter's (percent-decoded) value.
        package func query(_ name: String) -> String? {
            URLComponents(string: "http://127.0.0.1" + target)?.queryItems?.first { $0.name == name }?.value
        }

        package var path: String { String(target.prefix { $0 != "?" }) }
    }

    package struct Response: Sendable {
        package var status: Int
        package var headers: [(String, String)] = []
        package var body: [UInt8] = []
        /// Never answer; hold the connection until the client goes away or the server stops.
        package var hang = false
        /// A `Content-Length` other than the body's (a response cut short), when set.
        package var declaredLength: Int?

        package init(
            status: Int, headers: [(String, String)] = [], body: [UInt8] = [], hang: Bool = false, declaredLength: Int? = nil
        ) {
            self.status = status
            self.headers = headers
            self.body = body
            self.hang = hang
            self.declaredLength = declaredLength
        }

        package static func json(_ text: String, status: Int = 200, headers: [(String, String)] = []) -> Response {
            Response(status: status, headers: [("Content-Type", "application/json")] + headers, body: Array(text.utf8))
        }
    }

    /// Answers request number `index` (0-based, in arrival order).
    package typealias Handler = @Sendable (_ request: Request, _ index: Int) -> Response

    package let port: UInt16
    package var baseURL: String { "http://127.0.0.1:\(port)" }

    private let listener: Int32
    private let handler: Handler
    private let lock = NSLock()
    private var recorded: [Request] = []
    private var stopping = false
    private let finished = DispatchSemaphore(value: 0)

    package init(handler: @escaping Handler) throws {
        self.handler = handler
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw ServerError("socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 16) == 0 else {
            close(listener)
            throw ServerError("bind/listen: \(String(cString: strerror(errno)))")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        self.listener = listener
        port = UInt16(bigEndian: actual.sin_port)
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    /// Every request so far, in arrival order.
    package var requests: [Request] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    /// Stops accepting, ends a hanging answer and waits (bounded) for the thread to finish.
    package func stop() {
        lock.lock()
        let wasStopping = stopping
        stopping = true
        lock.unlock()
        guard !wasStopping else { return }
        _ = finished.wait(timeout: .now() + 5)
        close(listener)
    }

    private var isStopping: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopping
    }

    // MARK: - Serving

    private func serve() {
        defer { finished.signal() }
        while !isStopping {
            var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            handle(client)
            close(client)
        }
    }

    private func handle(_ client: Int32) {
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        #if canImport(Darwin)
        var yes: Int32 = 1
        setsockopt(client, SOL_SOCKET, SO_NOSIGPIPE, &yes, socklen_t(MemoryLayout<Int32>.size))
        #endif
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        let terminator: [UInt8] = [13, 10, 13, 10]
        while data.count < 65536 {
            let n = recv(client, &chunk, chunk.count, 0)
            guard n > 0 else { return }
            data += chunk[0..<n]
            if data.count >= 4, (0...(data.count - 4)).contains(where: { Array(data[$0..<($0 + 4)]) == terminator }) { break }
        }
        let head = String(decoding: data, as: UTF8.self).components(separatedBy: "\r\n\r\n")[0]
        let lines = head.components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ")
        guard requestLine.count >= 2 else { return }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let request = Request(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers)
        lock.lock()
        let index = recorded.count
        recorded.append(request)
        lock.unlock()
        let response = handler(request, index)
        if response.hang {
            // Hold the connection until the client closes it or the server stops.
            while !isStopping {
                var poller = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
                if poll(&poller, 1, 50) > 0 {
                    let n = recv(client, &chunk, chunk.count, Int32(MSG_DONTWAIT))
                    if n == 0 || (n < 0 && errno != EAGAIN) { return }
                }
            }
            return
        }
        var text = "HTTP/1.1 \(response.status) \(Self.reason(response.status))\r\nContent-Length: \(response.declaredLength ?? response.body.count)\r\nConnection: close\r\n"
        for (name, value) in response.headers { text += "\(name): \(value)\r\n" }
        text += "\r\n"
        let bytes = Array(text.utf8) + response.body
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { send(client, $0.baseAddress, $0.count, sendFlags) }
            guard n > 0 else { return }
            sent += n
        }
        shutdown(client, Int32(SHUT_WR))
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 401: "Unauthorized"
        case 404: "Not Found"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }

    package struct ServerError: Error, CustomStringConvertible {
        package var description: String
        package init(_ description: String) { self.description = description }
    }
}

#if canImport(Glibc)
/// No SIGPIPE when the client has gone away.
private let sendFlags = Int32(MSG_NOSIGNAL)
#else
private let sendFlags: Int32 = 0
#endif
