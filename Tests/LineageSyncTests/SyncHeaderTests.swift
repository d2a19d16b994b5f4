import Foundation
import LineageKit
import Testing

@Suite("Sync: Link and RateLimit headers, API pages, endpoints")
struct SyncHeaderTests {
    @Test func linkHeaderFindsTheNextPage() {
        let hub = "<https://huggingface.co/api/models?cursor=eyJ9&limit=1000&expand%5B%5D=tags>; rel=\"next\""
        #expect(LinkHeader.nextTarget(hub) == "https://huggingface.co/api/models?cursor=eyJ9&limit=1000&expand%5B%5D=tags")
        let several = "<https://x/a?page=1>; rel=\"prev\", <https://x/a?page=3>; rel=\"next last\"; title=\"a, b\""
        #expect(LinkHeader.nextTarget(several) == "https://x/a?page=3")
        #expect(LinkHeader.links(several).map(\.target) == ["https://x/a?page=1", "https://x/a?page=3"])
        #expect(LinkHeader.nextTarget("<https://x/b>; REL=next") == "https://x/b")
        #expect(LinkHeader.nextTarget("<https://x/a>; rel=\"prev\"") == nil)
        #expect(LinkHeader.nextTarget("") == nil)
        #expect(LinkHeader.nextTarget("garbage, <unterminated") == nil)
    }

    @Test func rateLimitHeaderGivesTheWait() {
        #expect(RateLimitHeader.parse("\"api\";r=0;t=55") == [RateLimitHeader(name: "api", remaining: 0, resetSeconds: 55)])
        #expect(RateLimitHeader.waitSeconds(rateLimit: "\"api\";r=0;t=55", retryAfter: nil) == 55)
        // Several quotas: the exhausted one decides.
        #expect(RateLimitHeader.waitSeconds(rateLimit: "\"api\";r=12;t=200, \"resolvers\";r=0;t=30", retryAfter: nil) == 30)
        #expect(RateLimitHeader.waitSeconds(rateLimit: nil, retryAfter: "17") == 17)
        #expect(RateLimitHeader.waitSeconds(rateLimit: "nonsense", retryAfter: "soon") == nil)
        #expect(RateLimitHeader.waitSeconds(rateLimit: nil, retryAfter: nil) == nil)
    }

    @Test func apiPagesParseStrictlyWithTheURLInErrors() throws {
        let url = "http://127.0.0.1:1/api/models?cursor=abc"
        let page = Array("""
            [{"id": "a/A", "lastModified": "2026-01-01T00:00:00.000Z", "tags": ["base_model:adapter:b/B"]},
             {"id": "c/C", "cardData": {"base_model": ["a/A", "d/D"], "base_model_relation": "merge"}}]
            """.utf8)
        let records = try HubAPIPage.models(page, source: url)
        #expect(records.map(\.id) == ["a/A", "c/C"])
        #expect(records[1].parents?.map(\.id) == ["a/A", "d/D"])
        #expect(records[1].parents?.first?.relation == .merge)
        #expect(try HubAPIPage.models(Array("[]".utf8), source: url).isEmpty)

        for (body, fragment) in [
            ("[{\"id\": \"a/A\"},\n{\"id\": \"b/", "line 2"),
            ("", "the body is empty"),
            ("{\"error\": \"Invalid cursor\"}", "Invalid cursor"),
            ("[{\"id\": \"a/A\"}] trailing", "unexpected text after the array"),
        ] {
            #expect {
                try HubAPIPage.models(Array(body.utf8), source: url)
            } throws: { error in
                let text = "\(error)"
                return text.hasPrefix(url) && text.contains(fragment.hasPrefix("line") ? ":2:" : fragment)
            }
        }
    }

    @Test func endpointComesFromTheFlagThenHFEndpoint() throws {
        #expect(try HubEndpoint.resolve(explicit: nil, environment: [:]).description == "https://huggingface.co")
        #expect(try HubEndpoint.resolve(explicit: nil, environment: ["HF_ENDPOINT": "https://hf-mirror.com/"]).description == "https://hf-mirror.com")
        #expect(try HubEndpoint.resolve(explicit: "http://127.0.0.1:8080", environment: ["HF_ENDPOINT": "https://x"]).description == "http://127.0.0.1:8080")
        #expect(throws: SyncError.self) { try HubEndpoint("ftp://example.com") }
        #expect(throws: SyncError.self) { try HubEndpoint("https://huggingface.co/?q=1") }
        let endpoint = try HubEndpoint("https://huggingface.co")
        let url = endpoint.firstPage(of: .models, author: "Qwen", search: "7B chat", pageSize: 1000).absoluteString
        #expect(url.hasPrefix("https://huggingface.co/api/models?author=Qwen&search=7B%20chat&sort=lastModified&direction=-1&limit=1000&expand%5B%5D="))
        #expect(endpoint.owns(URL(string: "https://huggingface.co:443/api/models?cursor=1")!))
        #expect(!endpoint.owns(URL(string: "https://cdn-lfs.huggingface.co/x")!))
        #expect(!endpoint.owns(URL(string: "http://huggingface.co/api/models")!))
    }

    @Test func tokensComeFromTheFlagThenTheEnvironmentAndAreChecked() throws {
        #expect(try HubToken.resolve(tokenFile: nil, environment: ["HOME": "/nonexistent"]) == nil)
        let fromEnvironment = try #require(try HubToken.resolve(tokenFile: nil, environment: ["HF_TOKEN": " hf_abc \n"]))
        #expect(fromEnvironment.source == "HF_TOKEN")
        #expect(fromEnvironment.redact("Bearer hf_abc") == "Bearer <token>")
        #expect(throws: SyncError.self) { try HubToken("hf_a b", source: "HF_TOKEN") }
        #expect(throws: SyncError.self) { try HubToken("hf_a\r\nX-Evil: 1", source: "HF_TOKEN") }
        #expect(throws: SyncError.self) { try HubToken.resolve(tokenFile: "/nonexistent/token", environment: [:]) }
    }
}
