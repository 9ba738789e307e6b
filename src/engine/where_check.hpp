#pragma once

#include <string>
#include <vector>

#include "engine/query.hpp"

namespace lb::engine {

class Dataset;

// Checks every --where value against the values the layer's column really has, before the query runs:
// - a field-of-action label for `category` ("Graffiti", "Graffiti/Sachbeschädigung", "Violence") that
//   stands for a stored id of the column is read as that id (the user types what the GUI shows);
// - a value no feature has stays in the query (it may be meant: the count is 0) but comes back as a
//   warning naming the closest values the column has, so a typo is never a silent 0.
// Returns the notes and warnings, one line each, for stderr. Unknown columns are left to runQuery.
std::vector<std::string> checkWhereValues(Dataset& dataset, Query& query);

}  // namespace lb::engine
