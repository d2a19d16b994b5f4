// Lineage's shim over the system zlib header (apt: zlib1g-dev). Nothing is copied here.
#ifndef LINEAGE_CZLIB_SHIM_H
#define LINEAGE_CZLIB_SHIM_H

#include <zlib.h>

#endif
