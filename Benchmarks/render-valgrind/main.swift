// Valgrind harness for Benchmarks/render-valgrind.sh: N renders on one context (svg/plain/png, plus
// syntax, warning and unknown-format errors every 10th), then CONTEXTS extra contexts created and freed.
import Foundation
let n = Int(ProcessInfo.processInfo.environment["N"] ?? "1000")!
let contexts = Int(ProcessInfo.processInfo.environment["CONTEXTS"] ?? "0")!
let r = GraphvizRenderer()
let dot = "digraph G { node [shape=box]; a -> b; b -> c; a -> c [label=\"x\"] }"
var total = 0
for i in 0..<n {
    let fmt: GraphvizFormat = i % 3 == 0 ? .svg : (i % 3 == 1 ? .plain : .png)
    total += try! r.render(dot, format: fmt).count
    if i % 10 == 0 {
        do { _ = try r.render("digraph { a -> ; }") } catch {}
        do { _ = try r.render("digraph { a [shape=nosuch] }") } catch {}
        do { _ = try r.render("digraph { a }", format: "nosuch") } catch {}
    }
}
for _ in 0..<contexts {
    let own = GraphvizRenderer()
    total += try! own.render(dot, format: .svg).count
}
var w = DOTWriter()
w.node("x\\\" ]; evil=1 [", ["label": "<script>&\nline"])
total += try! r.render(w.text).count
print("ok", total)
