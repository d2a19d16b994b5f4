import Foundation
import LineageGraph
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The real `HTTPTransport`: Foundation's `URLSession` (libcurl on Linux), ephemeral (no cookies, no cache).
///
/// Redirects are followed, but the `Authorization` header is dropped when a redirect leaves the original
/// host, so the token is only ever sent where it was meant to go.
public final class URLSessionTransport: HTTPTransport {
    private let session: URLSession

    public init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieAcceptPolicy = .never
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(configuration: configuration, delegate: RedirectGuard(), delegateQueue: nil)
    }

    deinit { session.finishTasksAndInvalidate() }

    public func get(_ request: HTTPRequest) throws(HTTPTransportError) -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: request.timeout)
        urlRequest.httpMethod = "GET"
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        let outcome = Outcome()
        let task = session.dataTask(with: urlRequest) { data, response, error in
            outcome.finish(data: data, response: response, error: error)
        }
        task.resume()
        // URLSession enforces `timeout` between bytes; this bounds a response that trickles forever.
        let deadline = DispatchTime.now() + .milliseconds(Int(request.timeout * 1000) * 10)
        if outcome.done.wait(timeout: deadline) == .timedOut {
            task.cancel()
            throw HTTPTransportError("no complete response in \(Int(request.timeout * 10)) s")
        }
        if let error = outcome.error {
            throw HTTPTransportError(Self.describe(error, host: request.url.host), isFinal: Self.isFinal(error))
        }
        guard let http = outcome.response as? HTTPURLResponse else { throw HTTPTransportError("no HTTP response") }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name] = value }
        }
        return HTTPResponse(status: http.statusCode, headers: headers, body: [UInt8](outcome.data ?? Data()))
    }

    /// A short reason for a transport failure, without Foundation's boilerplate.
    package static func describe(_ error: any Error, host: String? = nil) -> String {
        guard let urlError = error as? URLError else { return "\(error)" }
        switch urlError.code {
        case .cannotConnectToHost: return "cannot connect to the host"
        case .timedOut: return "timed out"
        case .networkConnectionLost: return "the connection was lost"
        case .cannotFindHost, .dnsLookupFailed:
            return "cannot resolve the host name\(host.map { " " + MessageText.quote($0) } ?? "") (no network, or a wrong --endpoint or HF_ENDPOINT)"
        case .notConnectedToInternet: return "no network connection"
        case .unknown:
            // libcurl's "transfer closed with outstanding read data remaining" (a body shorter than its
            // Content-Length) and other failures mid-response arrive as -1.
            return "the response broke off before it was complete (the connection closed mid-transfer)"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
            return "the TLS connection failed (\(urlError.code.rawValue))"
        case .badServerResponse: return "the server's response was malformed"
        case .httpTooManyRedirects: return "too many redirects"
        default: return "network error \(urlError.code.rawValue)"
        }
    }

    /// Whether retrying cannot help: the host name does not resolve, or there is no network at all.
    package static func isFinal(_ error: any Error) -> Bool {
        guard let urlError = error as? URLError else { return false }
        return [.cannotFindHost, .dnsLookupFailed, .notConnectedToInternet].contains(urlError.code)
    }

    /// The task's result, handed from URLSession's queue to the waiting thread (the semaphore orders it).
    private final class Outcome: @unchecked Sendable {
        let done = DispatchSemaphore(value: 0)
        private(set) var data: Data?
        private(set) var response: URLResponse?
        private(set) var error: (any Error)?

        func finish(data: Data?, response: URLResponse?, error: (any Error)?) {
            self.data = data
            self.response = response
            self.error = error
            done.signal()
        }
    }

    /// Drops `Authorization` on redirects to another scheme, host or port.
    private final class RedirectGuard: NSObject, URLSessionTaskDelegate, Sendable {
        func urlSession(
            _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
            newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
        ) {
            var next = request
            let from = task.originalRequest?.url
            if let from, let to = request.url, HubEndpoint.sameOrigin(from, to) == false {
                next.setValue(nil, forHTTPHeaderField: "Authorization")
            }
            completionHandler(next)
        }
    }
}
