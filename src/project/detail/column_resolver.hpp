#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/layer.hpp"
#include "io/import_mapping.hpp"

namespace lb::project::detail {

// Where each value of a layer row comes from in a source file.
struct ColumnPlan {
    struct Assignment {
        std::string column;  // layer column
        int source;          // index into the source's fields
    };
    std::vector<Assignment> assignments;
    int x = -1, y = -1;      // projected coordinates
    int lat = -1, lon = -1;  // geographic coordinates
    int history = -1;        // graffiti status history (JSON)
    // --address: one column ("Markt 5") or street and number, optionally postcode and city (in that order).
    std::vector<int> address;
    std::vector<int> extra;  // source fields kept in attrs
};

// Resolves flags, same-name columns and German aliases against the source's field names. Throws
// core::UsageError naming the file and listing its columns when a flag names a missing column.
ColumnPlan planColumns(core::LayerId layer, const std::vector<std::string>& fields, const io::ImportMapping& mapping,
                       bool fileHasGeometry, const std::string& file);

}  // namespace lb::project::detail
