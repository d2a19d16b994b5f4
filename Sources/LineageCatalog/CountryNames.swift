/// Country words a question may use: names, adjectives and ISO 3166-1 alpha-2 codes.
package enum CountryNames {
    /// Phrases (lowercased, spaces between words) → country set. Multi-word phrases are matched first.
    package static let phrases: [String: CountrySet] = {
        var table: [String: CountrySet] = [:]
        func add(_ code: String, _ words: String...) {
            for word in words { table[word] = CountrySet(codes: [code], label: code) }
        }
        add("US", "u.s.", "u.s", "us", "usa", "u.s.a.", "united states", "united states of america", "america", "american")
        add("CN", "china", "chinese", "prc", "cn")
        add("GB", "uk", "u.k.", "united kingdom", "britain", "british", "gb")
        add("FR", "france", "french")
        add("DE", "germany", "german")
        add("CA", "canada", "canadian")
        add("JP", "japan", "japanese")
        add("KR", "korea", "south korea", "korean", "south korean")
        add("IN", "india", "indian")
        add("IL", "israel", "israeli")
        add("AE", "uae", "united arab emirates", "emirati")
        add("SG", "singapore", "singaporean")
        add("CH", "switzerland", "swiss")
        add("NL", "netherlands", "dutch")
        add("SE", "sweden", "swedish")
        add("ES", "spain", "spanish")
        add("IT", "italy", "italian")
        add("TW", "taiwan", "taiwanese")
        add("HK", "hong kong")
        add("RU", "russia", "russian")
        add("BR", "brazil", "brazilian")
        add("AU", "australia", "australian")
        add("SA", "saudi arabia", "saudi")
        add("VN", "vietnam", "vietnamese")
        add("PL", "poland", "polish")
        add("FI", "finland", "finnish")
        for word in ["eu", "e.u.", "european", "european union", "europe"] { table[word] = .europeanUnion }
        // Any ISO 3166-1 alpha-2 code, as a word of its own (`which DE startups …`).
        for code in isoCodes where table[code.lowercased()] == nil {
            table[code.lowercased()] = CountrySet(codes: [code], label: code)
        }
        return table
    }()

    /// The longest phrase length in words, for greedy matching.
    package static let longestPhrase = phrases.keys.map { $0.split(separator: " ").count }.max() ?? 1

    /// Two-letter codes that are also ordinary English words in questions; they only count as countries
    /// when written in capitals (`IN`, `IS`, `AT`, `BY`, `TO`, `NO`, `ME`, `AM`, `AS`, `IT`, `MY`, `SO`, `DO`, `GO`, `BE`). `us` counts in any case: "which us startups" has no other reading.
    package static let ambiguousCodes: Set<String> = ["in", "is", "at", "by", "to", "no", "me", "am", "as", "it", "my", "so", "do", "go", "be", "an", "or", "on", "id", "la", "ai"]

    package static let isoCodes: [String] = """
        AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ \
        CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR \
        GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO \
        JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR \
        MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO \
        RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV \
        TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
        """.split(separator: " ").map(String.init)
}
