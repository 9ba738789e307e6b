#pragma once

// The controlled vocabularies moved to core/vocabulary.hpp (the edit forms need them below project/);
// these names keep the importers' spelling.
#include "core/vocabulary.hpp"

namespace lb::project {

using core::joinVocabulary;
using core::kGraffitiStatuses;
using core::kMeasureStatuses;
using core::kMeasureTypes;
using core::kObservationCategories;
using core::matchVocabulary;
using core::normaliseForMatch;

}  // namespace lb::project
