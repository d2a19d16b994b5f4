import Foundation
import LineageKit
import Testing

/// The one country vocabulary (`Sources/LineageCatalog/Resources/countries.csv`), as the registry,
/// the questions and every `--country` flag read it.
@Suite("Country vocabulary")
struct CountryVocabularyTests {
    let vocabulary = CountryVocabulary.bundled

    @Test("the bundled table loads: 249 ISO countries and the EU's 27 members")
    func bundledTable() throws {
        #expect(CountryVocabulary.bundledProblem == nil)
        #expect(vocabulary.names.count == 249)
        #expect(vocabulary.names["GB"] == "United Kingdom" && vocabulary.names["EU"] == nil)
        let eu = try #require(vocabulary.countrySet("EU"))
        #expect(eu.codes.count == 27 && eu.contains("FR") && eu.contains("de") && !eu.contains("GB") && eu.label == "EU")
        #expect(eu.codes.allSatisfy { vocabulary.names[$0] != nil })
    }

    @Test("codes, names, demonyms and aliases in any case; dots are optional")
    func words() {
        for (word, code) in [
            ("US", "US"), ("us", "US"), ("U.S.", "US"), ("U.S.A", "US"), ("united  states", "US"), ("American", "US"),
            ("england", "GB"), ("UK", "GB"), ("British", "GB"), ("Chinese", "CN"), ("PRC", "CN"), ("Türkiye", "TR"),
            ("turkey", "TR"), ("Andorra", "AD"), ("south korean", "KR"),
        ] {
            #expect(vocabulary.countrySet(word) == CountrySet(codes: [code], label: code), "\(word)")
            #expect(vocabulary.country(word) == code, "\(word)")
        }
        #expect(vocabulary.countrySet("Atlantis") == nil && vocabulary.country("European") == nil)
        #expect(vocabulary.countrySet("European")?.label == "EU")
    }

    @Test("a --country list: codes joined, labels joined with +, the first unknown word named")
    func lists() throws {
        let set = try vocabulary.countries(list: "US, china")
        #expect(set.codes == ["CN", "US"] && set.label == "US+CN")
        #expect(try vocabulary.countries(list: "EU,GB").codes.count == 28)
        #expect(throws: LineageError("unknown country 'Atlantis'; use an ISO 3166 code such as US, CN or FR, a name such as China, or EU")) {
            try vocabulary.countries(list: "US,Atlantis")
        }
        #expect(throws: LineageError("--country needs a country, e.g. US, CN or EU")) { try vocabulary.countries(list: " , ") }
    }

    @Test("labels name groups too")
    func labels() {
        #expect(vocabulary.label("CN") == "CN (China)" && vocabulary.label("EU") == "EU (European Union)" && vocabulary.label("XX") == "XX")
        #expect(CountryCode.label("EU") == "EU (European Union)" && !CountryCode.isValid("EU") && CountryCode.parse("EU") == nil)
    }

    @Test("question words and --country flags read the same vocabulary")
    func questionsAndFlags() throws {
        for word in ["England", "EU", "Andorra", "u.s.", "turkish"] {
            let question = try? QuestionParser().parse("which \(word) projects derive from Qwen")
            var flags = QueryFlags(target: "Qwen")
            flags.country = word
            let flag = try? flags.compile()
            let map = try? MapRequest.countries(from: word)
            #expect(question?.country == vocabulary.countrySet(word), "\(word)")
            #expect(flag?.country == vocabulary.countrySet(word), "\(word)")
            #expect(map == vocabulary.countrySet(word), "\(word)")
        }
    }

    @Test("malformed tables are refused with file:line")
    func malformed() {
        func problem(_ text: String) -> String {
            do { _ = try CountryVocabulary.parse(Array(text.utf8), file: "c.csv"); return "" } catch { return error.message }
        }
        let header = "code,name,members,words\n"
        #expect(problem("code,name\n") == "c.csv:1: the header must be code,name,members,words")
        #expect(problem(header + "us,United States,,\n") == "c.csv:2: 'us' is not a two-letter capital code")
        #expect(problem(header + "US,United States,,\nUS,Again,,\n") == "c.csv:3: US appears twice (first on line 2)")
        #expect(problem(header + "US,United States,,america\nCA,Canada,,America\n") == "c.csv:3: 'america' names both US and CA")
        #expect(problem(header + "US,United States,,\nNA,North America,US MX,\n") == "c.csv:3: member MX of NA is not a country of the table")
        #expect(problem(header + "US,,,\n") == "c.csv:2: US has no name")
    }
}
