// Lineage's shim over the system Graphviz headers (apt: libgraphviz-dev). Nothing is copied here.
#ifndef LINEAGE_CGRAPHVIZ_SHIM_H
#define LINEAGE_CGRAPHVIZ_SHIM_H

#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/// `Agdirected` is a mutable C global, which Swift 6 strict concurrency rejects; return it by value.
static inline Agdesc_t lineage_agdirected(void) { return Agdirected; }

/// `Agstrictdirected`, for graphs that must not hold parallel edges.
static inline Agdesc_t lineage_agstrictdirected(void) { return Agstrictdirected; }

#endif
