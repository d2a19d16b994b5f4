/// Hub ids built to break every output they reach: quotes, backslashes, DOT and HTML syntax, line breaks,
/// CDATA and comments, very long unicode with bidi overrides, NUL and other control characters.
package enum HostileIDs {
    package static let all = [
        "evil/\"quoted\" name",
        "evil/back\\slash\\N\\G\\l",
        "evil/<script>alert(1)</script>&amp;&#60;",
        "evil/x\"]; node [shape=none, label=\"pwned\"]; \"y",
        "evil/line\nbreak\r\nand\rmore",
        "evil/<<b>html</b>>",
        "evil/]]> <!-- --> <![CDATA[x]]>",
        "evil/" + String(repeating: "🧬👩‍👩‍👧‍👦", count: 400) + "مرحبا" + String(repeating: "\u{202E}", count: 3),
        "evil/nul\u{0}and\u{7}bell\u{FFFE}",
        "evil/{ } -> -- ; , = + # // /* */",
    ]
}
