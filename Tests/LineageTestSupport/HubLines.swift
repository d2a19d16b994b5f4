import Foundation
import LineageKit
import LineageStore

// `TemporaryDirectory` is shared with LineageCLITests: TemporaryDirectory.swift links to its file there.

/// One Hub model object as a JSON line, with only the fields a test cares about.
package func hubLine(
    _ id: String, lastModified: String = "2024-01-01T00:00:00", createdAt: String = "2024-01-01T00:00:00",
    downloads: Int = 0, relation: String? = nil, parents: [String] = [], tags: [String] = []
) -> String {
    var object: [String: Any] = [
        "id": id, "createdAt": createdAt, "lastModified": lastModified, "downloads": downloads,
        "downloadsAllTime": downloads * 10, "likes": 1, "tags": tags,
    ]
    if let relation {
        object["baseModels"] = ["relation": relation, "models": parents.map { ["_id": "x", "id": $0] }]
    } else {
        object["baseModels"] = NSNull()
    }
    let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    return String(decoding: data, as: UTF8.self)
}

/// Current edges of a store as sorted `child<-parent:relation` strings, read through the public graph API.
package func edgeList(_ store: LineageStore) throws -> [String] {
    let data = try store.graphData()
    return (0..<data.edgeCount).map { i in
        "\(data.names[Int(data.edgeChildren[i])])<-\(data.names[Int(data.edgeParents[i])]):\(data.edgeRelations[i].name)"
    }.sorted()
}
